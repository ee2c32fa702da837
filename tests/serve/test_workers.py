"""The query worker pool's life cycle (kg.serve.workers)."""

from __future__ import annotations

import multiprocessing
import threading

from kg.serve.workers import _Worker


class _CountingPipe:
    """Stands in for the worker's pipe end and counts the closes (a real second close can hit EBADF)."""

    def __init__(self, conn) -> None:
        self.conn, self.closes = conn, 0

    def close(self) -> None:
        self.closes += 1
        self.conn.close()


def test_a_worker_killed_from_several_threads_at_once_closes_its_pipe_once(tmp_path):
    """The pool's close and a thread still starting the worker may both kill it. A second close of the
    pipe from another thread can close a descriptor the first already freed (EBADF, or someone else's)."""
    worker = _Worker(multiprocessing.get_context("spawn"), str(tmp_path / "no-store"), False)
    pipe = worker.conn = _CountingPipe(worker.conn)
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def kill() -> None:
        barrier.wait()
        try:
            worker.kill()
        except BaseException as exc:  # noqa: BLE001 (the test collects whatever a second close raises)
            errors.append(exc)

    threads = [threading.Thread(target=kill) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert pipe.closes == 1 and pipe.conn.closed and not worker.process.is_alive()
