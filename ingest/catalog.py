"""The document catalog: which version of each document is active, kept in a Chroma collection."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

PUT_BATCH = 4000

@dataclass(frozen=True)
class DocRecord:
    """One document's entry; `dirty` marks a write or delete that has not finished cleaning up."""

    doc_id: str
    source: str
    origin: str  # absolute path of the file it came from
    version: str  # active version; "" while a new document is being written
    file_hash: str
    title: str
    kind: str
    chunk_count: int
    ingested_at: str
    dirty: bool = False
    owner: str = ""  # the user folder of an upload (ingest.owners), "" for a shared file and records from before owners


class Catalog:
    """CRUD over the catalog collection (one record per document, a dummy 1-d vector each)."""

    def __init__(self, collection: Any):
        self._collection = collection

    def all(self) -> dict[str, DocRecord]:
        """Every record by doc_id."""
        records: dict[str, DocRecord] = {}
        offset, page = 0, 5000
        while True:
            batch = self._collection.get(include=["metadatas"], limit=page, offset=offset)
            for doc_id, meta in zip(batch["ids"], batch["metadatas"]):
                records[doc_id] = DocRecord(doc_id=doc_id, **meta)
            if len(batch["ids"]) < page:
                return records
            offset += page

    def put(self, records: list[DocRecord]) -> None:
        """Insert or replace records."""
        for start in range(0, len(records), PUT_BATCH):  # Chroma refuses batches over its maximum (5,461 embedded)
            part = records[start : start + PUT_BATCH]
            self._collection.upsert(
                ids=[r.doc_id for r in part],
                embeddings=[[1.0]] * len(part),
                metadatas=[{k: v for k, v in asdict(r).items() if k != "doc_id"} for r in part],
            )

    def delete(self, doc_ids: list[str]) -> None:
        """Remove records."""
        if doc_ids:
            self._collection.delete(ids=doc_ids)

    def fingerprint(self) -> str:
        """Hash of every active (doc_id, version): equal fingerprints mean equal index contents."""
        return fingerprint_of(self.all())

    def published_fingerprint(self) -> str:
        """The fingerprint recorded by the last completed ingest."""
        return str((self._collection.metadata or {}).get("fingerprint", ""))

    def publish_fingerprint(self, value: str) -> None:
        """Record that the snapshot for `value` is built."""
        metadata = dict(self._collection.metadata or {})
        metadata["fingerprint"] = value
        self._collection.modify(metadata=metadata)


def fingerprint_of(records: dict[str, DocRecord]) -> str:
    """Order-independent hash of the active versions."""
    digest = hashlib.sha256()
    for doc_id in sorted(records):
        if records[doc_id].version:
            digest.update(f"{doc_id}\0{records[doc_id].version}\n".encode())
    return digest.hexdigest()
