"""Grow an index to an exact chunk count by replicating real chunks with perturbed vectors."""
from __future__ import annotations

import dataclasses
import shutil

import numpy as np

from app.settings import Settings
from ingest.catalog import DocRecord
from ingest.store import ChunkStore
from ingest.sync import refresh_snapshot


def read_chunks(settings: Settings) -> tuple[list[str], list[str], list[dict], np.ndarray]:
    """Every chunk of an index with its stored vector."""
    store = ChunkStore.open_existing(settings)
    ids, texts, metas, vectors = [], [], [], []
    offset = 0
    while True:
        batch = store.chunks.get(include=["documents", "metadatas", "embeddings"], limit=5000, offset=offset)
        ids += batch["ids"]
        texts += batch["documents"]
        metas += batch["metadatas"]
        vectors.append(np.asarray(batch["embeddings"], dtype=np.float32))
        if len(batch["ids"]) < 5000:
            return ids, texts, metas, np.vstack(vectors)
        offset += 5000


def build_sized_index(source: Settings, target: Settings, size: int, seed: int = 7) -> int:
    """Write exactly `size` chunks into `target`: copies of the source chunks, each copy's vector jittered."""
    ids, texts, metas, vectors = read_chunks(source)
    shutil.rmtree(target.data_dir, ignore_errors=True)
    store = ChunkStore(target, ChunkStore.open_existing(source).signature, create=True)
    rng = np.random.default_rng(seed)
    records: dict[str, DocRecord] = {}
    source_records = ChunkStore.open_existing(source).catalog.all()
    step = 4000
    for start in range(0, size, step):
        rows = [i % len(ids) for i in range(start, min(size, start + step))]
        copies = [i // len(ids) for i in range(start, min(size, start + step))]
        jitter = rng.normal(0, 0.015, (len(rows), vectors.shape[1])).astype(np.float32)
        batch_vectors = vectors[rows] + jitter * np.asarray([c > 0 for c in copies], dtype=np.float32)[:, None]
        batch_vectors /= np.linalg.norm(batch_vectors, axis=1, keepdims=True)
        new_metas = []
        for row, copy in zip(rows, copies):
            meta = dict(metas[row])
            meta["doc_id"] = f"{meta['doc_id']}~{copy}" if copy else meta["doc_id"]
            new_metas.append(meta)
            record = source_records[metas[row]["doc_id"]]
            records.setdefault(meta["doc_id"], dataclasses.replace(record, doc_id=meta["doc_id"], chunk_count=0))
        store.chunks.upsert(ids=[f"{ids[r]}~{c}" for r, c in zip(rows, copies)], embeddings=batch_vectors,
                            documents=[texts[r] for r in rows], metadatas=new_metas)
    store.catalog.put(list(records.values()))
    refresh_snapshot(store, target.data_dir)
    return store.count()
