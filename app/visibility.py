"""What one user sees of the index: the shared corpus and their own uploads, never another user's."""
from __future__ import annotations

from typing import Any

import numpy as np

from app.retrieval import HybridRetriever
from ingest.owners import OWNER, user_folder_name
from ingest.snapshot import Snapshot


class RowScores:
    """The snapshot's BM25 index scored for a subset of its rows (the rows a user may see), in their order."""

    def __init__(self, bm25: Any, rows: np.ndarray):
        self._bm25, self._rows = bm25, rows

    def get_scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 scores of the visible rows."""
        return np.asarray(self._bm25.get_scores(tokens))[self._rows]


def owners(snapshot: Snapshot) -> frozenset[str]:
    """The user folders whose uploads the snapshot holds (computed once per snapshot)."""
    if "owners" not in snapshot.derived:
        snapshot.derived["owners"] = frozenset(str(m[OWNER]) for m in snapshot.metadatas if OWNER in m)
    return snapshot.derived["owners"]


def visible_snapshot(snapshot: Snapshot, user: str | None) -> Snapshot:
    """`snapshot` as `user` sees it (no user: the "user-default" folder's uploads); itself when it hides nothing."""
    owner = user_folder_name(user)
    if owners(snapshot) <= {owner}:
        return snapshot
    key = ("visible to", owner)
    if key not in snapshot.derived:
        rows = np.fromiter((i for i, m in enumerate(snapshot.metadatas) if m.get(OWNER, owner) == owner), dtype=np.int64)
        view = Snapshot(snapshot.fingerprint, [snapshot.ids[i] for i in rows], [snapshot.texts[i] for i in rows],
                        [snapshot.metadatas[i] for i in rows])
        view.bm25 = RowScores(snapshot.bm25, rows) if snapshot.bm25 is not None and len(rows) else None
        snapshot.derived[key] = view
    return snapshot.derived[key]


def visible_retriever(retriever: HybridRetriever, user: str | None) -> HybridRetriever:
    """A retriever over what `user` sees: both legs, and everything read from its snapshot, skip others' uploads."""
    view = visible_snapshot(retriever.snapshot, user)
    if view is retriever.snapshot:
        return retriever
    key = ("retriever for", user_folder_name(user))
    if key not in view.derived:
        others = sorted(owners(retriever.snapshot) - {user_folder_name(user)})
        view.derived[key] = HybridRetriever(retriever.settings, retriever.store, view, where={OWNER: {"$nin": others}},
                                            hidden=len(retriever.snapshot) - len(view))
    return view.derived[key]
