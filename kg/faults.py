"""Deterministic crash points for the crash-safety tests (off unless ``KG_FAULT`` is set).

claimgraph promises that killing ``kg build`` at any moment leaves a store that
opens and that a rerun finishes the job with the graph a clean build gives. To
test that at chosen moments, not at random ones, a few places call
:func:`reached` with a point name; when the environment variable ``KG_FAULT``
names that point the process kills itself there with SIGKILL, the signal no
code can catch or clean up after:

``KG_FAULT=POINT`` or ``KG_FAULT=POINT:N`` (the N-th time POINT is reached; default 1).

Points:

- ``build.extract``: a batch of documents came back from the workers, before any of it is stored;
- ``store.load``: a document's old graph was dropped, its new one not yet loaded;
- ``store.replace``: a graph (the resolution graph, during resolve) was dropped, its new quads not yet added;
  or, for a graph that exists, its new quads or the difference from the old ones are ready and not yet applied;
- ``build.export``: between two export files;
- ``worker.poison``: a worker process dies (SIGKILL) when it is given a document whose
  text contains :data:`POISON`, as when the kernel kills it for memory or a native
  library crashes on some input.

The variable is read once, at import; with it unset :func:`reached` is one
comparison, so the calls may stay in production code (they are per document or
per batch, never per quad or per token).

>>> reached("build.extract")  # KG_FAULT is not set in the test run: nothing happens
>>> _parse("store.load:3")
('store.load', 3)
"""

from __future__ import annotations

import os
import signal

__all__ = ["ENV", "POINTS", "POISON", "poison", "reached"]

#: The environment variable that arms a crash point.
ENV = "KG_FAULT"
#: Every crash point claimgraph's code calls.
POINTS = ("build.extract", "store.load", "store.replace", "build.export", "worker.poison")
#: The text that kills a worker when ``KG_FAULT=worker.poison``.
POISON = "KG-POISON-PILL"


def _parse(value: str | None) -> tuple[str, int] | None:
    if not value:
        return None
    point, _, count = value.partition(":")
    if point not in POINTS:
        raise ValueError(f"{ENV}={value!r}: unknown crash point; known: {', '.join(POINTS)}")
    return point, int(count or 1)


_PLAN = _parse(os.environ.get(ENV))
_seen: dict[str, int] = {}


def reached(point: str) -> None:
    """Kill this process with SIGKILL if ``KG_FAULT`` names ``point`` and this is its N-th time."""
    if _PLAN is None or _PLAN[0] != point:
        return
    _seen[point] = _seen.get(point, 0) + 1
    if _seen[point] == _PLAN[1]:
        os.kill(os.getpid(), signal.SIGKILL)


def poison(text: str) -> None:
    """Kill this process with SIGKILL if ``KG_FAULT=worker.poison`` and ``text`` holds :data:`POISON`."""
    if _PLAN is not None and _PLAN[0] == "worker.poison" and POISON in text:
        os.kill(os.getpid(), signal.SIGKILL)
