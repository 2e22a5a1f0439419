"""A file over AISEC_MAX_FILE_MB is refused while it streams in: never stored, said so in the page and to the API."""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import httpx
import pytest
from ui_helpers import free_port

pytestmark = [pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
              pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]

CANARY = "CANARY-UPLOAD-LIMIT-3f9a"
LIMIT_MB = 0.01  # 10,485 bytes


@pytest.fixture(scope="module")
def small_limit_server(tmp_path_factory, ui_settings, embedder):
    """A UI server over a private copy of the UI index whose uploads may be 10 KB at most."""
    from app import Assistant
    from app.ui import serve

    root = tmp_path_factory.mktemp("limit")
    shutil.copytree(ui_settings.data_dir, root / "data", ignore=shutil.ignore_patterns("ingest.lock"))
    settings = ui_settings.model_copy(update={"data_dir": root / "data", "ui_port": free_port(), "max_file_mb": LIMIT_MB})
    demo, url = serve(settings, Assistant(settings, embedder=embedder), block=False)
    yield url
    demo.close()


@pytest.fixture
def oversized(tmp_path) -> Path:
    """A 40 KB Markdown report, four times the limit, carrying a canary line."""
    path = tmp_path / "oversized-notes.md"
    path.write_text("# Notes\n\n" + f"{CANARY} a line about AI security careers.\n" * 800)
    return path


def _stored_canaries(since: float) -> list[Path]:
    """Files written to Gradio's upload cache since `since` that hold the canary."""
    cache = Path(os.environ.get("GRADIO_TEMP_DIR") or Path(tempfile.gettempdir()) / "gradio")
    fresh = [p for p in cache.rglob("*") if p.is_file() and p.stat().st_mtime >= since] if cache.exists() else []
    return [p for p in fresh if CANARY.encode() in p.read_bytes()]


def test_an_api_upload_over_the_limit_is_refused_before_it_is_stored(small_limit_server, oversized):
    started = time.time()
    with oversized.open("rb") as handle:
        response = httpx.post(f"{small_limit_server.rstrip('/')}/gradio_api/upload",
                              files={"files": (oversized.name, handle, "text/markdown")}, timeout=30)
    assert response.status_code == 413
    assert "maximum allowed size" in response.text
    assert _stored_canaries(started) == []


def test_an_api_upload_under_the_limit_is_stored(small_limit_server, tmp_path):
    small = tmp_path / "small-notes.md"
    small.write_text(f"# Notes\n\n{CANARY} one line.\n")
    with small.open("rb") as handle:
        response = httpx.post(f"{small_limit_server.rstrip('/')}/gradio_api/upload",
                              files={"files": (small.name, handle, "text/markdown")}, timeout=30)
    assert response.status_code == 200
    assert [Path(p).name for p in response.json()] == ["small-notes.md"]


@pytest.mark.browser
def test_the_page_names_the_limit_and_refuses_an_oversized_drop(browser, small_limit_server, oversized):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(small_limit_server)
    page.wait_for_selector("#aisec-question textarea:not([disabled])", timeout=30_000)
    page.get_by_role("tab", name="My documents").click()
    assert f"up to {LIMIT_MB:g} MB each (AISEC_MAX_FILE_MB)" in page.locator("#aisec-docs-tab").inner_text()
    started = time.time()
    page.locator("#aisec-upload input[type=file]").set_input_files([str(oversized)])
    page.get_by_text("exceed the maximum allowed size").first.wait_for(timeout=30_000)
    assert "oversized-notes.md" not in page.locator("#aisec-docs").inner_text()
    assert _stored_canaries(started) == []
    page.context.close()
