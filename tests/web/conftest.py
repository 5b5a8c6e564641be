"""Browser tests: a real server process (uvicorn) over the seeded store, driven by real Chromium.

Skipped, with the reason shown, only where /usr/bin/chromium is absent (CI installs it). The
Playwright package drives Debian's Chromium; no browser is downloaded.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

import pytest

from api.seeded import build_seed_store
from claimscope.runner.tasks import process_file
from claimscope.store import open_store
from claimscope.store.writer import write_results

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
POLNEAR_PAGES = REPO / "tests" / "fixtures" / "polnear_pages"
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# An article whose text holds markup: the page must show these characters and run nothing.
SCRIPT_STORY = {
    "title": 'Council <script>document.title = "pwned"</script> vote',
    "text": 'The mayor said the <script>document.body.dataset.pwned = "yes"</script> tag was only text '
            "in the minutes.\n\nCouncillors denied that the vote had been rigged.",
    "published": "2025-05-03",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> dict:
    """The seeded store plus the <script> story, served by `serve()` in its own process."""
    folder = tmp_path_factory.mktemp("web")
    url = f"sqlite:///{folder / 'web.db'}"
    ids = build_seed_store(url)
    story = folder / "script-story.jsonl"
    story.write_text(json.dumps(SCRIPT_STORY) + "\n", encoding="utf-8")
    with open_store(url) as store:
        result = process_file(str(story))
        write_results(store, [result])
        ids["script"] = result.analyses[0].article.id
    with _served(url) as base:
        yield {"base": base, **ids}


@contextmanager
def _served(url: str) -> Iterator[str]:
    """Serve the store at ``url`` with `serve()` in its own process; yield its base URL."""
    port = _free_port()
    code = f"from claimscope.api.server import serve; serve({url!r}, '127.0.0.1', {port}, log_level='warning')"
    server = subprocess.Popen([sys.executable, "-c", code], cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if server.poll() is not None:
                raise RuntimeError(f"server exited with {server.returncode}")
            try:
                if httpx.get(f"{base}/api/articles", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError("server did not answer within 20 s")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def polnear_site(tmp_path_factory) -> str:
    """Three real PolNeAR dev articles (tests/fixtures/polnear_pages), ingested as `claimscope
    ingest` does (analysis, store, claim map), served; yields the base URL."""
    from claimscope.runner.claimmap import update_claim_map

    url = f"sqlite:///{tmp_path_factory.mktemp('polnear') / 'polnear.db'}"
    with open_store(url) as store:
        write_results(store, [process_file(str(p)) for p in sorted(POLNEAR_PAGES.glob("*.txt"))])
        update_claim_map(store)
    with _served(url) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium); absent here"
        if os.environ.get("CLAIMSCOPE_REQUIRE_BROWSER"):  # CI installs it: a skip there would hide a broken set-up
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    opened = context.new_page()
    yield opened
    context.close()
