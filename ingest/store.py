"""Open Chroma (embedded or server, one code path), guard the index's settings, and write chunks."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from app.errors import UserError
from app.settings import Settings
from ingest.catalog import Catalog
from ingest.chroma_import import unchecked_overrides
from ingest.models import Chunk
from ingest.offline import enforce_offline

DELETE_BATCH = 5000  # under Chroma's largest batch
SCHEMA_VERSION = 3  # 2: posting metadata gained `job_title`; 3: sentence splitter, int8 recipe, no sources sections, edition metadata


def index_signature(settings: Settings, embedder) -> dict[str, Any]:
    """What an index was built with (the embedder's model, weights and size, the chunking); a reader with a
    different signature must not mix in."""
    return {
        "embedding_model": embedder.name,
        "embedding_variant": embedder.variant,
        "embedding_dim": embedder.dimension,
        "chunk_size": settings.chunk_size,
        "chunk_overlap": settings.chunk_overlap,
        "schema_version": SCHEMA_VERSION,
    }


def stored_metadata(chunk: Chunk) -> dict[str, Any]:
    """The metadata a chunk is stored (and snapshotted) with: its own plus the context it was embedded with."""
    return {**chunk.metadata, "context": chunk.context}


# Chroma saves its HNSW graph to disk every `sync_threshold` writes (default 1000) and every reader re-inserts the
# unsaved rest, with threads, into a graph of its own: over a corpus of fewer than 1000 chunks each process then
# searched a different approximate graph (rankings changed from run to run) and paid for the re-insert at start-up.
# Saving at every batch of 100 leaves readers fewer than 100 records, searched exactly, for a few per cent more
# ingest time (22,000 vectors: 16.8 s against 15.5 s of Chroma writes, Intel Xeon, 2 cores).
# Chroma inserts a batch into the graph in an order that changes from process to process (one thread or several),
# so two builds of one corpus never hold the same graph, and a search with the default `ef_search` of 100 misses
# some true neighbours, different ones in each build: 36 of 381 questions had other top-30 dense neighbours in a
# second build. A search list of 1000 visits every node of an index up to 1000 chunks (the shipped corpus has 746),
# so its rankings are exact and equal across builds; larger indexes get near-exact ones (docs/evals.md, "Index builds").
HNSW = {"space": "cosine", "sync_threshold": 100, "ef_search": 1000}


def chroma_folder(settings: Settings) -> Path:
    """The embedded index's folder."""
    return settings.data_dir / "chroma"


def chroma_client(settings: Settings, folder: Path | None = None):
    """PersistentClient in `folder` (default: chroma_folder), or HttpClient when AISEC_CHROMA_URL is set; telemetry off."""
    enforce_offline()
    with unchecked_overrides():  # importing chromadb and opening a client define most of its classes
        return _open_client(settings, folder)


def _open_client(settings: Settings, folder: Path | None):
    import chromadb

    chroma_settings = chromadb.Settings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise UserError(f"AISEC_CHROMA_URL {settings.chroma_url!r} is not a URL like http://127.0.0.1:8000")
        try:
            return chromadb.HttpClient(
                host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https", settings=chroma_settings,
            )
        except Exception as exc:  # chromadb raises several types when the server is unreachable
            raise UserError(f"cannot reach the Chroma server at {settings.chroma_url}: {exc}. Start it or unset AISEC_CHROMA_URL.") from None
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(folder or chroma_folder(settings)), settings=chroma_settings)


def forget_cached_client(settings: Settings, folder: Path | None = None) -> None:
    """Make the next embedded client load the index from disk again.

    Chroma keeps one client per path and its vector index in memory, which never sees what another process
    (`aisec ingest`) wrote; readers call this before re-opening. The old client is not stopped: queries still
    running on it finish, and it is freed with the last of them.
    """
    if settings.chroma_url:
        return  # a server always answers from its current state
    from chromadb.api.shared_system_client import SharedSystemClient

    path = (folder or chroma_folder(settings)).resolve()
    with SharedSystemClient._refcount_lock:
        for identifier in [i for i in SharedSystemClient._identifier_to_system if i and Path(i).resolve() == path]:
            SharedSystemClient._identifier_to_system.pop(identifier, None)
            SharedSystemClient._identifier_to_refcount.pop(identifier, None)


class ChunkStore:
    """The chunk collection plus its catalog."""

    def __init__(self, settings: Settings, signature: dict[str, Any], *, create: bool, reset: bool = False,
                 folder: Path | None = None):
        """`folder`: an embedded index elsewhere than chroma_folder (a rebuild's new one)."""
        self.settings = settings
        if not create and not settings.chroma_url and not chroma_folder(settings).exists():
            raise UserError(f"no index found ({chroma_folder(settings)}); run `aisec ingest` first")
        self.client = chroma_client(settings, folder)
        self.signature = signature
        if reset:
            self._drop_collections()
        if not create and settings.collection not in self._collection_names():
            raise UserError(f"no index found ({self.location}); run `aisec ingest` first")
        self._open_collections()
        self._check_signature()

    def _collection_names(self) -> set[str]:
        return {c if isinstance(c, str) else c.name for c in self.client.list_collections()}

    def _open_collections(self) -> None:
        name = self.settings.collection
        if name in self._collection_names():
            self.chunks = self.client.get_collection(name, embedding_function=None)
        else:
            self.chunks = self.client.create_collection(
                name, metadata=self.signature, configuration={"hnsw": HNSW}, embedding_function=None
            )
        self.catalog = Catalog(self.client.get_or_create_collection(f"{name}-catalog", embedding_function=None))

    @classmethod
    def open_existing(cls, settings: Settings) -> "ChunkStore":
        """Open an index for reading, with the signature it was written with."""
        if not settings.chroma_url and not chroma_folder(settings).exists():
            raise UserError(f"no index found ({chroma_folder(settings)}); run `aisec ingest` first")
        probe = cls.__new__(cls)
        probe.settings, probe.client = settings, chroma_client(settings)
        if settings.collection not in probe._collection_names():
            raise UserError(f"no index found ({probe.location}); run `aisec ingest` first")
        stored = probe.client.get_collection(settings.collection).metadata or {}
        return cls(settings, {k: v for k, v in stored.items() if k != "fingerprint"}, create=False)

    @property
    def location(self) -> str:
        """Where the index lives, for messages."""
        return self.settings.chroma_url or str(chroma_folder(self.settings))

    def _check_signature(self) -> None:
        stored = {k: v for k, v in (self.chunks.metadata or {}).items() if k in self.signature}
        if stored != self.signature:
            differences = ", ".join(
                f"{k}: index has {stored.get(k)!r}, settings say {v!r}" for k, v in self.signature.items() if stored.get(k) != v
            )
            raise UserError(
                f"the index at {self.location} was built with different settings ({differences}); "
                "run `aisec ingest --rebuild` to rebuild it, or restore the old settings"
            )

    def _drop_collections(self) -> None:
        """Empty, then delete, the chunk and catalog collections (a rebuild on a Chroma server; an embedded index is
        rebuilt in a new folder, ingest.rebuild).

        Records are deleted first, in batches: Chroma 1.5's delete_collection leaves list-valued metadata behind
        in SQLite (chroma-core/chroma#7594), and the records written next inherit it by their reused row ids.
        """
        for name in (self.settings.collection, f"{self.settings.collection}-catalog"):
            if name in self._collection_names():
                collection = self.client.get_collection(name, embedding_function=None)
                while ids := collection.get(include=[], limit=DELETE_BATCH)["ids"]:
                    collection.delete(ids=ids)
                self.client.delete_collection(name)

    def add(self, chunks: list[Chunk], embeddings: np.ndarray) -> None:
        """Write chunks in batches the server accepts."""
        step = max(1, min(self.client.get_max_batch_size(), 4000))
        for i in range(0, len(chunks), step):
            part = chunks[i : i + step]
            self.chunks.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=embeddings[i : i + step],
                documents=[c.text for c in part],
                metadatas=[stored_metadata(c) for c in part],
            )

    def delete_other_versions(self, doc_id: str, keep_version: str) -> None:
        """Delete a document's chunks except those of `keep_version` ("" deletes all)."""
        where: dict[str, Any] = {"doc_id": doc_id}
        if keep_version:
            where = {"$and": [{"doc_id": doc_id}, {"version": {"$ne": keep_version}}]}
        self.chunks.delete(where=where)

    def count(self) -> int:
        """Chunks stored."""
        return self.chunks.count()

    def iter_chunks(self, page: int = 5000):
        """Yield (ids, documents, metadatas) pages over the whole collection."""
        offset = 0
        while True:
            batch = self.chunks.get(include=["documents", "metadatas"], limit=page, offset=offset)
            if batch["ids"]:
                yield batch["ids"], batch["documents"], batch["metadatas"]
            if len(batch["ids"]) < page:
                return
            offset += page
