"""The read model: every active chunk's text and metadata plus a BM25 index, swapped in atomically."""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ingest.catalog import DocRecord, fingerprint_of
from ingest.lexical import bm25s_module, lexical_tokens
from ingest.models import Chunk
from ingest.store import ChunkStore, stored_metadata

POINTER = "CURRENT.json"


@dataclass
class Snapshot:
    """Active chunks in a fixed order, and BM25 over their context + text."""

    fingerprint: str
    ids: list[str]
    texts: list[str]
    metadatas: list[dict[str, Any]]
    bm25: Any = None
    row_of: dict[str, int] = field(default_factory=dict)
    derived: dict[str, Any] = field(default_factory=dict, repr=False)  # values readers compute from it once, by name

    def __post_init__(self) -> None:
        self.row_of = {chunk_id: i for i, chunk_id in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def bm25_scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk for `query` (zeros when nothing matches)."""
        tokens = lexical_tokens(query)
        if self.bm25 is None or not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(tokens), dtype=np.float32)


def build_snapshot(store: ChunkStore, records: dict[str, DocRecord] | None = None, prepared: Snapshot | None = None) -> Snapshot:
    """Gather the active chunks and index them for BM25 (`records`: the catalog, if already read; `prepared`: a
    snapshot of the chunks this run wrote, taken when it holds exactly the active chunks, else Chroma is read)."""
    records = store.catalog.all() if records is None else records
    active = {doc_id: r.version for doc_id, r in records.items() if r.version}
    if prepared is not None and len(prepared) == sum(r.chunk_count for r in records.values() if r.version) and \
            all(active.get(m["doc_id"]) == m["version"] for m in prepared.metadatas):
        return dataclasses.replace(prepared, fingerprint=fingerprint_of(records))
    rows = [(chunk_id, text, meta) for ids, texts, metadatas in store.iter_chunks()
            for chunk_id, text, meta in zip(ids, texts, metadatas) if active.get(meta.get("doc_id")) == meta.get("version")]
    return _indexed(rows, fingerprint_of(records))


def snapshot_of(chunks: list[Chunk]) -> Snapshot:
    """A snapshot of these chunks as they are stored (its fingerprint is set by `build_snapshot`)."""
    return _indexed([(c.chunk_id, c.text, stored_metadata(c)) for c in chunks], "")


def _indexed(rows: list[tuple[str, str, dict[str, Any]]], fingerprint: str) -> Snapshot:
    rows = sorted(rows, key=lambda row: row[0])
    snapshot = Snapshot(fingerprint, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    snapshot.bm25 = _index_bm25(snapshot)
    return snapshot


def _index_bm25(snapshot: Snapshot):
    if not snapshot.ids:
        return None
    retriever = bm25s_module().BM25()
    corpus = [lexical_tokens(f"{m.get('context', '')}\n{t}") or ["_"] for t, m in zip(snapshot.texts, snapshot.metadatas)]
    retriever.index(corpus, show_progress=False)
    return retriever


def save_snapshot(snapshot: Snapshot, data_dir: Path) -> Path:
    """Write the snapshot to a new folder, then switch the pointer to it atomically."""
    root = data_dir / "snapshots"
    root.mkdir(parents=True, exist_ok=True)
    target = root / snapshot.fingerprint[:16]
    staging = root / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    with (staging / "chunks.json").open("w", encoding="utf-8") as handle:
        json.dump({"fingerprint": snapshot.fingerprint, "ids": snapshot.ids, "texts": snapshot.texts,
                   "metadatas": snapshot.metadatas}, handle, ensure_ascii=False)
    if snapshot.bm25 is not None:
        snapshot.bm25.save(str(staging / "bm25"))
    shutil.rmtree(target, ignore_errors=True)
    os.replace(staging, target)
    _write_pointer(root, target.name, snapshot.fingerprint)
    _remove_old(root, keep={target.name})
    return target


def load_snapshot(data_dir: Path) -> Snapshot | None:
    """The current snapshot, or None when none has been written."""
    root = data_dir / "snapshots"
    try:
        pointer = json.loads((root / POINTER).read_text(encoding="utf-8"))
        folder = root / pointer["dir"]
        data = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, KeyError):
        return None
    snapshot = Snapshot(data["fingerprint"], data["ids"], data["texts"], data["metadatas"])
    if (folder / "bm25").exists():
        snapshot.bm25 = bm25s_module().BM25.load(str(folder / "bm25"))
    return snapshot


def current_fingerprint(data_dir: Path) -> str:
    """Fingerprint of the snapshot the pointer names ("" when there is none)."""
    try:
        return json.loads((data_dir / "snapshots" / POINTER).read_text(encoding="utf-8"))["fingerprint"]
    except (FileNotFoundError, json.JSONDecodeError, KeyError):
        return ""


def _write_pointer(root: Path, name: str, fingerprint: str) -> None:
    temporary = root / f".{POINTER}.{os.getpid()}"
    temporary.write_text(json.dumps({"dir": name, "fingerprint": fingerprint}), encoding="utf-8")
    os.replace(temporary, root / POINTER)


def _remove_old(root: Path, keep: set[str]) -> None:
    """Drop all but the newest two snapshot folders, so readers mid-load are not pulled from under."""
    folders = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")), key=os.path.getmtime)
    for folder in folders[:-2]:
        if folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)
