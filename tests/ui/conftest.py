"""A small index of tests/data/ui_corpus and a UI server over it, shared by the UI tests."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from ui_helpers import BROWSER_ARGS, CHROMIUM, UI_CORPUS, free_port

from app.settings import Settings


@dataclass
class UiServer:
    """A running UI: its URL, settings and Blocks."""

    url: str
    settings: Settings
    demo: object

    @property
    def feedback_file(self) -> Path:
        return self.settings.data_dir / "feedback.jsonl"


@pytest.fixture(scope="session")
def ui_settings(tmp_path_factory, embedder) -> Settings:
    """Settings over an indexed copy of the UI fixture corpus (built once per session)."""
    from ingest.sync import run_ingest

    root = tmp_path_factory.mktemp("ui")
    corpus = root / "corpus"
    shutil.copytree(UI_CORPUS, corpus)
    settings = Settings(data_dir=root / "data", corpus_dir=corpus, ui_port=free_port())
    run_ingest(settings, [corpus], embedder=embedder, show_progress=False)
    return settings


@pytest.fixture(scope="session")
def ui_assistant(ui_settings, embedder):
    """The Assistant the UI server uses (the test process shares it)."""
    from app import Assistant

    return Assistant(ui_settings, embedder=embedder)


@pytest.fixture(scope="session")
def ui_server(ui_settings, ui_assistant):
    """`serve` on a free loopback port in a background thread."""
    from app.ui import serve

    demo, url = serve(ui_settings, ui_assistant, block=False)
    yield UiServer(url, ui_settings, demo)
    demo.close()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright (skips when it is not installed)."""
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def private_ui_server(tmp_path, ui_settings, embedder):
    """A UI server over a private copy of the indexed UI corpus, for tests that change the index (uploads)."""
    from app import Assistant
    from app.ui import serve

    shutil.copytree(ui_settings.data_dir, tmp_path / "data", ignore=shutil.ignore_patterns("ingest.lock"))
    settings = ui_settings.model_copy(update={"data_dir": tmp_path / "data", "ui_port": free_port()})
    demo, url = serve(settings, Assistant(settings, embedder=embedder), block=False)
    yield UiServer(url, settings, demo)
    demo.close()
