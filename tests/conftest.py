"""Shared fixtures: settings in tmp_path, a writable copy of the fixture corpus, one embedder per session."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from app.settings import Settings

DATA = Path(__file__).parent / "data"
FIXTURE_CORPUS = DATA / "corpus"
BAD_INPUTS = DATA / "bad"
REAL_CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="session")
def embedder(tmp_path_factory):
    """The real all-MiniLM-L6-v2 on the default backend (ONNX int8, exported once per session), loaded once."""
    from ingest.embedding import make_embedder

    model = make_embedder(Settings(data_dir=tmp_path_factory.mktemp("session-models")))
    model.embed_query("load now")  # so the first test that ingests does not pay for loading in its own timing
    return model


@pytest.fixture(scope="session")
def torch_embedder():
    """The PyTorch (sentence-transformers) runtime of the same model, for tests about that backend."""
    from ingest.embedding import Embedder

    model = Embedder()
    model.model  # load now
    return model


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A writable copy of tests/data/corpus; tests may edit, add and delete files in it."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, target)
    return target


@pytest.fixture
def settings_factory(tmp_path: Path, corpus_dir: Path) -> Callable[..., Settings]:
    """Build Settings rooted in tmp_path; keyword overrides win (e.g. chunk_size=64)."""

    def build(**overrides) -> Settings:
        values = {"data_dir": tmp_path / "data", "corpus_dir": corpus_dir, **overrides}
        return Settings(**values)

    return build


@pytest.fixture
def settings(settings_factory) -> Settings:
    """Default settings over the fixture corpus copy."""
    return settings_factory()


@pytest.fixture
def ingest(embedder):
    """run_ingest with the session embedder and no progress bar."""
    from ingest.sync import run_ingest

    def run(settings: Settings, paths=None, *, rebuild: bool = False):
        return run_ingest(settings, paths, rebuild=rebuild, embedder=embedder, show_progress=False)

    return run


@pytest.fixture
def reuse_loaded_model(monkeypatch, embedder):
    """Embedders that the CLI creates reuse the session's loaded model (the same real model, loaded once)."""
    from ingest.onnx_embedding import OnnxEmbedder

    original = OnnxEmbedder.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if self.variant == embedder.variant:
            self._session, self._tokenizer = embedder.session, embedder.tokenizer

    monkeypatch.setattr(OnnxEmbedder, "__init__", init)


@pytest.fixture(autouse=True)
def _no_aisec_env(monkeypatch):
    """No AISEC_* variable from the developer's shell changes what a test sees."""
    for name in list(os.environ):
        if name.startswith("AISEC_"):
            monkeypatch.delenv(name)


@dataclass
class IndexState:
    """What Chroma, the catalog and the BM25 snapshot hold after an ingest."""

    ids: set[str]
    metadatas: dict[str, dict]
    documents: dict[str, str]
    catalog: dict  # doc_id -> DocRecord
    snapshot_ids: list[str] | None

    def ids_of(self, doc_id: str) -> set[str]:
        """Chunk ids of one document."""
        return {i for i, m in self.metadatas.items() if m["doc_id"] == doc_id}

    def doc_ids(self) -> set[str]:
        """Documents that have chunks."""
        return {m["doc_id"] for m in self.metadatas.values()}


@pytest.fixture
def read_index():
    """Read the index of `settings` straight from Chroma and the snapshot folder."""
    from ingest.snapshot import load_snapshot
    from ingest.store import ChunkStore

    def read(settings: Settings) -> IndexState:
        store = ChunkStore.open_existing(settings)
        got = store.chunks.get(include=["metadatas", "documents"])
        snapshot = load_snapshot(settings.data_dir)
        return IndexState(
            ids=set(got["ids"]),
            metadatas=dict(zip(got["ids"], got["metadatas"])),
            documents=dict(zip(got["ids"], got["documents"])),
            catalog=store.catalog.all(),
            snapshot_ids=None if snapshot is None else list(snapshot.ids),
        )

    return read


@pytest.fixture(scope="session")
def coach_settings(tmp_path_factory, embedder) -> Settings:
    """An index of the real vocabulary, lexicon, transition paths, certifications guide and 8 postings per family."""
    from ingest.sync import run_ingest

    root = tmp_path_factory.mktemp("coach")
    corpus = root / "corpus"
    (corpus / "documents").mkdir(parents=True)
    (corpus / "postings").mkdir()
    for name in ("vocabulary.yaml", "lexicon.yaml", "documents/transition-paths.md", "documents/certifications-and-learning-paths.md"):
        shutil.copy(REAL_CORPUS / name, corpus / name)
    for path in sorted((REAL_CORPUS / "postings").glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()[:8]
        (corpus / "postings" / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings(data_dir=root / "data", corpus_dir=corpus)
    run_ingest(settings, [corpus], embedder=embedder, show_progress=False)
    return settings


@pytest.fixture(scope="session")
def coach_assistant(coach_settings, embedder):
    """One Assistant over the coach index, shared by the career-coach tests."""
    from app import Assistant

    return Assistant(coach_settings, embedder=embedder)
