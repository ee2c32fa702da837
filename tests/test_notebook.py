"""notebooks/quickstart.ipynb runs top to bottom and answers the four questions."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "quickstart.ipynb"


def test_quickstart_notebook_executes(tmp_path, monkeypatch):
    # the notebook builds into a fresh temporary folder, as a user's run would; the kernel is a child process and
    # takes TMPDIR from here, so each test run's build goes to pytest's tmp_path, not a new folder under /tmp
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = {i: c.get("outputs", []) for i, c in enumerate(nb.cells) if c.cell_type == "code"}
    assert all(not any(o.get("output_type") == "error" for o in outs) for outs in outputs.values())
    texts = ["".join(o.get("data", {}).get("text/plain", "")) for outs in outputs.values() for o in outs]
    assert any("'documents': 2" in t for t in texts), texts[0]
    assert any("Hong Min" in t or "told" in t for t in texts)
    assert [p.name[:11] for p in tmp_path.iterdir()] == ["claimgraph-"]  # the build went where TMPDIR says
