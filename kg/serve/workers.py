"""Where queries run: a pool of worker processes (killable) or threads (in-process stores).

Why processes: Oxigraph cannot cancel a running query, and a thread cannot be killed, so
a runaway query (a cross product, a regex over everything) would burn a core until it
ends. Measured (benchmarks/RESULTS.md): pyoxigraph releases the GIL while it evaluates,
so the server keeps answering either way, but only a killed process gives the core back.
When the deadline passes the server kills the worker, answers 503 and starts a fresh one.

Two process layouts, so that no process ever reads files another process is rewriting
(Oxigraph documents a read-only opener next to a writing process as undefined behaviour;
it does fail, when RocksDB compacts under the reader):

- read-only server: ``size`` workers, each opens the store read-only;
- ``allow_update``: exactly one worker, which opens the store read-write and runs every
  query, update and Graph Store write in turn. A write killed at the deadline is rolled
  back by Oxigraph's transactions (nothing half-written survives).

The thread pool serves stores the caller holds open (an in-memory store, or a writable
store object): the deadline is enforced between result rows and by abandoning the thread,
which then runs to its end in the background; at most ``size`` such threads run at once.
Oxigraph's own snapshot isolation keeps readers consistent while a thread writes.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from kg.serve.engine import Answer, QueryDeadline

__all__ = ["QueryTimeout", "PoolBusy", "WorkerFailed", "ProcessPool", "ThreadPool"]


class QueryTimeout(Exception):
    """The query ran past the time limit (its worker was stopped)."""


class PoolBusy(Exception):
    """No worker became free in time."""


class WorkerFailed(Exception):
    """A worker died or could not open the store."""


def _worker_main(conn: Connection, store_path: str, writable: bool) -> None:
    """Worker process loop: open the store, then answer jobs until the pipe closes."""
    from kg.serve.engine import dispatch
    from kg.store import Store

    try:
        store = Store(store_path, read_only=not writable)
    except Exception as exc:  # reported to the server, which shows it to the client
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(dispatch(store, job))


class _Worker:
    def __init__(self, ctx, store_path: str, writable: bool) -> None:
        self._kill_lock = threading.Lock()
        self._killed = False
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, store_path, writable), daemon=True,
                                   name="kg-serve-query")
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise WorkerFailed(f"query worker did not start within {timeout:.0f} s")
        try:
            message = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise WorkerFailed("query worker stopped while starting") from None
        if message[0] != "ready":
            self.kill()
            raise WorkerFailed(message[1])

    def kill(self) -> None:
        """Stop the process and close the pipe, once: the pool's close and a starting thread may both call it."""
        with self._kill_lock:
            if self._killed:
                return
            self._killed = True
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class ProcessPool:
    """``size`` read-only worker processes over the on-disk store at ``store_path``, or one
    read-write worker when ``writable``. :meth:`run` is blocking (call it from a thread).
    """

    def __init__(self, store_path: str | os.PathLike[str], *, size: int = 2, writable: bool = False,
                 start_timeout: float = 60.0) -> None:
        self.store_path = str(store_path)
        self.writable = writable
        self.size = 1 if writable else size
        self.start_timeout = start_timeout
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._failure: str | None = None
        self._closed = False
        self.kills = 0
        for _ in range(self.size):
            self._spawn_in_background()

    def _spawn(self) -> None:
        if self._closed:
            return
        try:
            worker = _Worker(self._ctx, self.store_path, self.writable)
            with self._lock:
                self._all.add(worker)
            worker.wait_ready(self.start_timeout)
        except (WorkerFailed, OSError) as exc:
            if not self._closed:
                with self._lock:
                    self._failure = str(exc)
            return
        if self._closed:
            worker.kill()
            return
        with self._lock:
            self._failure = None
        self._idle.put(worker)

    def _spawn_in_background(self) -> None:
        threading.Thread(target=self._spawn, daemon=True, name="kg-serve-spawn").start()

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        self._spawn_in_background()

    def run(self, job: dict[str, Any], *, timeout: float, wait: float) -> Answer:
        """Run one job (see :func:`kg.serve.engine.dispatch`) within ``timeout`` seconds.

        Raises :class:`QueryTimeout`, :class:`PoolBusy` (no free worker within ``wait``) or
        :class:`WorkerFailed`.
        """
        give_up = time.monotonic() + wait
        while True:
            try:
                worker = self._idle.get(timeout=min(0.25, max(0.0, give_up - time.monotonic())))
                break
            except queue.Empty:
                if self._failure is not None and not self._idle.qsize():
                    raise WorkerFailed(self._failure) from None
                if time.monotonic() >= give_up:
                    raise PoolBusy from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(timeout):
                self.kills += 1
                self._retire(worker)
                raise QueryTimeout
            answer = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._retire(worker)
            raise WorkerFailed(f"query worker stopped ({exc or type(exc).__name__})") from exc
        self._idle.put(worker)
        return answer

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


class ThreadPool:
    """Jobs in threads over a store object held by this process (at most ``size`` running, runaways included)."""

    def __init__(self, store, *, size: int = 4) -> None:
        from kg.serve.engine import dispatch

        self._dispatch = dispatch
        self.store = store
        self._slots = threading.BoundedSemaphore(size)
        self.abandoned = 0

    def run(self, job: dict[str, Any], *, timeout: float, wait: float) -> Answer:
        if not self._slots.acquire(timeout=wait):
            raise PoolBusy
        deadline = time.monotonic() + timeout
        box: dict[str, Any] = {}
        done = threading.Event()

        def work() -> None:
            try:
                box["answer"] = self._dispatch(self.store, job, deadline)
            except QueryDeadline:
                box["deadline"] = True
            except BaseException as exc:  # pragma: no cover - reported to the caller
                box["error"] = exc
            finally:
                done.set()
                self._slots.release()

        threading.Thread(target=work, daemon=True, name="kg-serve-query").start()
        if not done.wait(timeout) or box.get("deadline"):
            if not done.is_set():
                self.abandoned += 1
            raise QueryTimeout
        if "error" in box:
            raise WorkerFailed(str(box["error"]))
        return box["answer"]

    def close(self) -> None:
        pass
