"""What the index holds: counts, model, chunking settings, location, last ingest."""
from __future__ import annotations

from collections import Counter
from typing import Any

from app.settings import Settings
from ingest.embedding import MODEL_NAME
from ingest.store import ChunkStore


def index_status(settings: Settings) -> dict[str, Any]:
    """A JSON-ready description of the index (raises UserError when there is none)."""
    store = ChunkStore.open_existing(settings)
    catalog = list(store.catalog.all().values())
    records = [r for r in catalog if r.version]
    kinds = Counter(r.kind for r in records)
    meta = store.chunks.metadata or {}
    return {
        "index_location": store.location,
        "collection": settings.collection,
        "documents": kinds.get("document", 0),
        "postings": kinds.get("posting", 0),
        "chunks": store.count(),
        "sources": len({r.source for r in records}),
        "embedding_model": meta.get("embedding_model", MODEL_NAME),
        "embedding_variant": meta.get("embedding_variant"),
        "chunk_size": meta.get("chunk_size"),
        "chunk_overlap": meta.get("chunk_overlap"),
        "last_ingested": max((r.ingested_at for r in records), default=None),
        "interrupted_writes": sum(1 for r in catalog if r.dirty),
    }
