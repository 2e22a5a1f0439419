"""An index of the analytics fixture postings (built once per test session) and the postings read straight from the file."""
from __future__ import annotations

import os

import pytest

from analytics_helpers import FIXTURE, VOCABULARY, build_index, read_postings
from app.settings import Settings


@pytest.fixture(scope="session")
def fixture_settings(tmp_path_factory, embedder) -> Settings:
    with pytest.MonkeyPatch.context() as env:
        for name in [n for n in os.environ if n.startswith("AISEC_")]:
            env.delenv(name)
        return build_index(tmp_path_factory.mktemp("analytics"), FIXTURE, embedder)


@pytest.fixture(scope="session")
def bot(fixture_settings, embedder):
    from app import Assistant

    return Assistant(fixture_settings, embedder=embedder)


@pytest.fixture(scope="session")
def rows() -> list[dict]:
    return read_postings(FIXTURE)


@pytest.fixture(scope="session")
def vocabulary():
    from ingest.vocabulary import load_vocabulary

    return load_vocabulary(VOCABULARY)
