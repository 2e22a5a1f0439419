"""Hybrid retrieval: dense search in Chroma plus BM25 over the snapshot, fused by reciprocal rank."""
from __future__ import annotations

from collections import OrderedDict

import numpy as np

from app.filters import Filters, chroma_where, matches
from app.settings import Settings
from app.types import Passage
from ingest.snapshot import Snapshot
from ingest.store import ChunkStore

MASK_CACHE_SIZE = 32
MIN_POST_FILTER_SELECTIVITY = 0.02  # below this share of rows, push the filter down into Chroma
OVER_FETCH_FACTOR = 2.0
MAX_OVER_FETCH = 3000


class HybridRetriever:
    """Both legs see the same filters and the same snapshot, so answers never mix index versions."""

    def __init__(self, settings: Settings, store: ChunkStore, snapshot: Snapshot, where: dict | None = None, hidden: int = 0):
        self.settings = settings
        self.store = store
        self.snapshot = snapshot
        self.where, self.hidden = where, hidden  # one user's view: the clause its rows meet, and how many chunks it hides
        self._masks: OrderedDict[Filters, np.ndarray] = OrderedDict()

    def retrieve(self, query: str, query_vector: np.ndarray | None, filters: Filters, k: int | None = None) -> list[Passage]:
        """The top `k` passages for `query` under `filters`, best first."""
        k = k or self.settings.top_k
        mode = self.settings.retrieval
        dense = self.dense_ranking(query_vector, filters) if mode in ("hybrid", "dense") and query_vector is not None else []
        lexical = self.bm25_ranking(query, filters) if mode in ("hybrid", "bm25") else []
        return self._fuse(dense, lexical, k)

    def dense_ranking(self, query_vector: np.ndarray, filters: Filters) -> list[int]:
        """Snapshot rows by cosine similarity from Chroma's HNSW index.

        Filtered queries over-fetch unfiltered neighbours and keep those that pass the filter mask
        (fast, because HNSW search without a where-clause stays cheap); only when that yields too few
        rows, or the filter is very selective, is the filter pushed down into Chroma.
        """
        if not len(self.snapshot):
            return []
        want = self.settings.candidate_k
        if filters.is_empty():
            return self._query_rows(query_vector, want, None)
        mask = self._mask(filters)
        selectivity = float(mask.mean())
        if selectivity >= MIN_POST_FILTER_SELECTIVITY:
            fetch = min(MAX_OVER_FETCH, len(self.snapshot), int(want / selectivity * OVER_FETCH_FACTOR) + 1)
            rows = [r for r in self._query_rows(query_vector, fetch, None) if mask[r]]
            if len(rows) >= min(want, int(mask.sum())):
                return rows[:want]
        rows = self._query_rows(query_vector, want * (2 if filters.location else 1), chroma_where(filters))
        return [r for r in rows if mask[r]][:want]

    def _query_rows(self, query_vector: np.ndarray, n: int, where: dict | None) -> list[int]:
        """The first `n` snapshot rows Chroma finds; chunks the snapshot hides are fetched as extra and dropped (a
        where-clause makes Chroma's query ~30x slower), or, when they are many, kept out by the view's clause."""
        fetch = n
        if self.hidden > MAX_OVER_FETCH:
            where = {"$and": [self.where, where]} if where else self.where
        else:
            fetch += self.hidden
        result = self.store.chunks.query(query_embeddings=[query_vector.tolist()], n_results=max(1, fetch), where=where, include=[])
        rows = (self.snapshot.row_of.get(chunk_id) for chunk_id in result["ids"][0])
        return [r for r in rows if r is not None][:n]

    def bm25_ranking(self, query: str, filters: Filters) -> list[int]:
        """Snapshot rows by BM25 score, restricted to rows that pass the filters and score above zero."""
        scores = self.snapshot.bm25_scores(query)
        if not filters.is_empty():
            scores = np.where(self._mask(filters), scores, 0.0)
        n = min(self.settings.candidate_k, int(np.count_nonzero(scores)))
        if n == 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        return [int(i) for i in top[np.argsort(-scores[top], kind="stable")]]

    def _mask(self, filters: Filters) -> np.ndarray:
        if filters not in self._masks:
            self._masks[filters] = np.fromiter((matches(filters, m) for m in self.snapshot.metadatas), bool, len(self.snapshot))
            if len(self._masks) > MASK_CACHE_SIZE:
                self._masks.popitem(last=False)
        self._masks.move_to_end(filters)
        return self._masks[filters]

    def _fuse(self, dense: list[int], lexical: list[int], k: int) -> list[Passage]:
        c, wd, wb = self.settings.rrf_k, self.settings.dense_weight, self.settings.bm25_weight
        scores: dict[int, float] = {}
        for rank, row in enumerate(dense):
            scores[row] = scores.get(row, 0.0) + wd / (c + rank + 1)
        for rank, row in enumerate(lexical):
            scores[row] = scores.get(row, 0.0) + wb / (c + rank + 1)
        dense_rank = {row: r + 1 for r, row in enumerate(dense)}
        bm25_rank = {row: r + 1 for r, row in enumerate(lexical)}
        best = sorted(scores, key=lambda row: (-scores[row], self.snapshot.ids[row]))[:k]
        return [
            Passage(self.snapshot.ids[row], self.snapshot.texts[row], self.snapshot.metadatas[row], scores[row],
                    dense_rank.get(row), bm25_rank.get(row))
            for row in best
        ]
