"""Fixtures for app tests: one real index (embedded Chroma + BM25 snapshot) over tests/data/ask_corpus per module."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.settings import Settings

from answer_checks import ASK_CORPUS


@pytest.fixture(scope="module")
def ask_index(tmp_path_factory, embedder) -> Settings:
    """Settings over a fresh index of the ask corpus, built once per module and then only read."""
    from ingest.sync import run_ingest

    root = tmp_path_factory.mktemp("ask-index")
    settings = Settings(data_dir=root / "data", corpus_dir=ASK_CORPUS)
    report = run_ingest(settings, [ASK_CORPUS], embedder=embedder, show_progress=False)
    assert report.failed == 0 and not report.skipped, report.to_dict()
    return settings


@pytest.fixture(scope="module")
def assistant(ask_index, embedder):
    """An Assistant over the module's index, sharing the session's embedding model."""
    from app import Assistant

    return Assistant(ask_index, embedder=embedder)


@pytest.fixture
def ask_corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the ask corpus for tests that edit files and re-ingest."""
    target = tmp_path / "ask_corpus"
    shutil.copytree(ASK_CORPUS, target)
    return target
