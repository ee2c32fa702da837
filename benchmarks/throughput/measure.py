"""Run a command and measure it: wall time, CPU time and the peak RSS of its whole process tree.

RSS is sampled with psutil (every ``interval`` seconds) over the process and all its
descendants (spawned workers, Ray's raylet and actors) and summed, so the peak is
the memory the command needed at once, not that of its largest process. CPU time is
user + system time of the command and every descendant it waited for (its worker
processes), from ``getrusage(RUSAGE_CHILDREN)``: on a machine shared with other jobs it
moves far less than wall time, so ratios of CPU times compare runs made under
different loads (wall times do not).

>>> run = measure([sys.executable, "-c", "print('hi')"])
>>> run.returncode, run.stdout.strip(), run.peak_rss > 0, run.cpu_seconds > 0
(0, 'hi', True, True)
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass

import psutil

__all__ = ["Run", "measure", "tree_rss"]


@dataclass(frozen=True)
class Run:
    """What one measured command did."""

    seconds: float
    peak_rss: int  # bytes, whole process tree
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0  # user + system, the command and the descendants it waited for


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of ``process`` and all its descendants, in bytes (vanished ones count 0)."""
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(command: Sequence[str], *, env: dict[str, str] | None = None, cwd: str | None = None,
            interval: float = 0.1) -> Run:
    """Run ``command`` to completion, sampling the RSS of its process tree."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        child = subprocess.Popen(list(command), stdout=out, stderr=err, env=env, cwd=cwd)
        watched = psutil.Process(child.pid)
        peak = 0
        while child.poll() is None:
            peak = max(peak, tree_rss(watched))
            time.sleep(interval)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        out.seek(0)
        err.seek(0)
        return Run(seconds, peak, child.returncode, out.read(), err.read(), cpu)


def project_env() -> dict[str, str]:
    """The environment for child processes: this checkout first on the path (workers inherit it)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env
