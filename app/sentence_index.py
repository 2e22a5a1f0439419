"""Passage sentences embedded under their heading path, so a passage also scores by its sentence closest to a question."""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.sentences import passage_sentences
from ingest.snapshot import Snapshot

MIN_WORDS = 3  # shorter pieces ("Example questions:") say too little to match a question on their own


@dataclass(frozen=True)
class SentenceIndex:
    """One vector per passage sentence ("title › section" and the sentence), with the snapshot row it belongs to."""

    rows: np.ndarray
    vectors: np.ndarray

    def best(self, query_vector: np.ndarray, n_rows: int) -> np.ndarray:
        """Per snapshot row, the cosine similarity of its sentence closest to the query (-1 where a row has none)."""
        scores = np.full(n_rows, -1.0, dtype=np.float32)
        if len(self.rows):
            np.maximum.at(scores, self.rows, self.vectors @ np.asarray(query_vector, dtype=np.float32))
        return scores


class SentenceVectors:
    """Sentence vectors of every chunk embedded so far, kept on disk by chunk id (ids change with a chunk's text), so
    each chunk's sentences are embedded once per index, not once per process."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], folder: Path | None, signature: dict):
        self.embed = embed
        digest = hashlib.sha256(json.dumps(signature, sort_keys=True).encode()).hexdigest()[:12]
        self.path = folder / f"sentences-{digest}.npz" if folder else None
        self._chunks: dict[str, np.ndarray] = {}
        if self.path and self.path.exists():
            stored = np.load(self.path, allow_pickle=False)
            ids, counts, vectors = list(stored["ids"]), stored["counts"], stored["vectors"]
            ends = np.cumsum(counts)
            self._chunks = {chunk_id: vectors[end - count:end] for chunk_id, count, end in zip(ids, counts, ends)}

    def index(self, snapshot: Snapshot) -> SentenceIndex:
        """The snapshot's sentence vectors, embedding the sentences of chunks not seen before; kept with the snapshot."""
        if "sentence_index" not in snapshot.derived:
            self._add(snapshot)
            rows = [row for row, chunk_id in enumerate(snapshot.ids) for _ in range(len(self._chunks[chunk_id]))]
            vectors = [self._chunks[chunk_id] for chunk_id in snapshot.ids if len(self._chunks[chunk_id])]
            snapshot.derived["sentence_index"] = SentenceIndex(
                np.asarray(rows, dtype=np.int64), np.concatenate(vectors) if vectors else np.zeros((0, 0), dtype=np.float32))
        return snapshot.derived["sentence_index"]

    def _add(self, snapshot: Snapshot) -> None:
        missing = [(row, chunk_id) for row, chunk_id in enumerate(snapshot.ids) if chunk_id not in self._chunks]
        if not missing:
            return
        owners, texts = [], []
        for row, chunk_id in missing:
            context = snapshot.metadatas[row].get("context", "")
            for sentence in passage_sentences(snapshot.texts[row]):
                if len(sentence.split()) >= MIN_WORDS:
                    owners.append(chunk_id)
                    texts.append(f"{context}\n{sentence}" if context else sentence)
        vectors = np.asarray(self.embed(texts), dtype=np.float32) if texts else np.zeros((0, 0), dtype=np.float32)
        by_chunk: dict[str, list[int]] = {}
        for i, owner in enumerate(owners):
            by_chunk.setdefault(owner, []).append(i)
        for _, chunk_id in missing:
            self._chunks[chunk_id] = vectors[by_chunk[chunk_id]] if chunk_id in by_chunk else np.zeros((0, 0), dtype=np.float32)
        if texts:
            self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        kept = [(chunk_id, v) for chunk_id, v in self._chunks.items() if len(v)]
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp.npz")
        np.savez(temporary, ids=np.asarray([c for c, _ in kept], dtype=str), counts=np.asarray([len(v) for _, v in kept], dtype=np.int64),
                 vectors=np.concatenate([v for _, v in kept]) if kept else np.zeros((0, 0), dtype=np.float32))
        os.replace(temporary, self.path)  # readers see the old file or the new one, never half of one
