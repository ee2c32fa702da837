"""The /query page in headless Chromium: YASGUI loads from the package (no network), shows the
named queries as tabs and runs one against /sparql."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures import sample_build  # noqa: F401
from tests.serve.test_serve_live import REPO, free_port, wait_until_up

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


@pytest.fixture
def server(sample_build):
    port = free_port()
    code = "import sys; from kg.serve import serve; serve(sys.argv[1], port=int(sys.argv[2]), log_level='warning')"
    process = subprocess.Popen([sys.executable, "-c", code, str(sample_build), str(port)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/sparql", process)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(20)


def test_query_page_runs_a_named_query_offline(server, tmp_path):
    from playwright.sync_api import sync_playwright

    from kg.queries import NAMED_QUERIES

    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: .ci/run installs the Debian package chromium")
    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
        page.goto(f"{server}/query")
        page.wait_for_selector(".yasqe .CodeMirror")
        tabs = page.locator(".tabPanel, [role=tab], .tab").all_inner_texts()
        for name in NAMED_QUERIES:
            assert any(name in t for t in tabs), (name, tabs)
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr table.dataTable tbody tr, .yasr .dataTable tbody tr", timeout=20_000)
        rows = page.locator(".yasr .dataTable tbody tr").count()
        page.screenshot(path=str(tmp_path / "query.png"), full_page=True)
        browser.close()
    assert rows >= 1
    # the page and the editor never reach beyond this server (works offline)
    assert [u for u in outside if not u.startswith("data:")] == []
