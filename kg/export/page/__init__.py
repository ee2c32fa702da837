"""graph.html: an offline, explorable page of the claim graph and its evidence.

Three steps, each usable alone:

- :func:`collect_page_data` reads entities, claims, mentions, documents and
  conflicts from the store by SPARQL into frozen records (:class:`PageData`);
- :func:`render_page` turns them into one self-contained HTML string (pyvis +
  vis-network inlined, positions from networkx, no network request of any kind);
- :func:`write_page` does both and writes the file atomically.

>>> import tempfile, pathlib
>>> from kg.store import Store
>>> out = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
>>> write_page(Store(), out) == out
True
>>> out.read_text(encoding="utf-8").count('<script type="application/json"')
2
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import ExportError
from kg.export.page.data import (
    DEFAULT_MAX_NODES,
    PageClaim,
    PageConflict,
    PageData,
    PageDocument,
    PageEntity,
    PageMention,
    collect_page_data,
)
from kg.export.page.render import DEFAULT_INITIAL_NODES, DEFAULT_PHYSICS_THRESHOLD, render_page, script_json
from kg.store import Store

__all__ = [
    "PageClaim",
    "PageConflict",
    "PageData",
    "PageDocument",
    "PageEntity",
    "PageMention",
    "collect_page_data",
    "render_page",
    "script_json",
    "write_page",
    "DEFAULT_INITIAL_NODES",
    "DEFAULT_MAX_NODES",
    "DEFAULT_PHYSICS_THRESHOLD",
]


def write_page(
    store: Store,
    path: str | os.PathLike[str],
    *,
    title: str = "claimgraph",
    max_nodes: int = DEFAULT_MAX_NODES,
    initial_nodes: int = DEFAULT_INITIAL_NODES,
    physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD,
) -> Path:
    """Write the graph page of ``store`` to ``path``; a reader never sees a half-written file.

    The page goes to a temporary file in the same folder, then ``os.replace`` puts it
    in place, so an interrupted export leaves the previous page untouched.

    Returns the path written. Raises :class:`ExportError` when the file cannot be written.
    """
    target = Path(path)
    html = render_page(
        collect_page_data(store, max_nodes=max_nodes, title=title),
        initial_nodes=initial_nodes,
        physics_threshold=physics_threshold,
    )
    tmp_name = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise ExportError("E410", path=str(target), reason=str(exc.strerror or exc)) from exc
    finally:
        if tmp_name is not None and os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return target
