"""Dense search in the chunk store is exact: two builds of the same chunks find the true cosine neighbours, in order."""
from __future__ import annotations

import numpy as np

from app.settings import Settings
from ingest.models import Chunk
from ingest.store import SCHEMA_VERSION, ChunkStore

CHUNKS, DIMENSION, NEIGHBOURS = 700, 384, 30


def _vectors(count: int, seed: int) -> np.ndarray:
    """Unit vectors around a few topics, as a corpus's embeddings cluster (seeded, so every run sees the same)."""
    rng = np.random.default_rng(seed)
    topics = rng.normal(size=(12, DIMENSION))
    vectors = topics[rng.integers(0, len(topics), count)] + rng.normal(scale=1.5, size=(count, DIMENSION))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def _build(tmp_path, name: str, vectors: np.ndarray) -> ChunkStore:
    """A fresh embedded index in its own folder holding one chunk per vector."""
    store = ChunkStore(Settings(data_dir=tmp_path), {"schema_version": SCHEMA_VERSION}, create=True, folder=tmp_path / name)
    chunks = [Chunk(f"chunk-{i:04d}", "doc", f"passage {i}", "", {"doc_id": "doc"}) for i in range(len(vectors))]
    store.add(chunks, vectors)
    return store


def _neighbours(store: ChunkStore, queries: np.ndarray) -> list[list[str]]:
    found = store.chunks.query(query_embeddings=queries.tolist(), n_results=NEIGHBOURS, include=[])
    return found["ids"]


def test_two_builds_find_the_exact_cosine_neighbours(tmp_path):
    vectors, queries = _vectors(CHUNKS, seed=7), _vectors(60, seed=8)
    exact = [[f"chunk-{i:04d}" for i in np.argsort(-(vectors @ q), kind="stable")[:NEIGHBOURS]] for q in queries]
    first = _neighbours(_build(tmp_path, "first", vectors), queries)
    second = _neighbours(_build(tmp_path, "second", vectors), queries)
    assert first == exact
    assert second == exact
