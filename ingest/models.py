"""Dataclasses that flow between the ingest stages."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Kind = Literal["document", "posting"]
RULE_RUN = re.compile(r"([-=_*~])\1{3,}")  # table rules and dividers: one word piece per character, no meaning


@dataclass(frozen=True)
class SourceFile:
    """A file found under an ingest root."""

    path: Path
    root: Path
    source: str  # POSIX path relative to the root
    file_hash: str
    size: int
    owner: str | None = None  # the user folder of an upload (ingest.owners); None for a shared corpus file


@dataclass(frozen=True)
class Document:
    """One citable unit: a whole file, or one posting out of a postings file."""

    doc_id: str
    source: str
    title: str
    kind: Kind
    text: str
    version: str  # content hash of text + metadata
    metadata: dict[str, Any] = field(default_factory=dict)
    sections: tuple[tuple[int, str], ...] = ()  # (char offset, heading) in text order
    pages: tuple[int, ...] = ()  # char offset at which each PDF page starts
    text_offset: int = 0  # where `text` starts inside the source file


@dataclass(frozen=True)
class Chunk:
    """A passage of a document, with the context used to embed and index it."""

    chunk_id: str
    doc_id: str
    text: str
    context: str  # title and section, prepended for embedding and BM25
    metadata: dict[str, Any]

    @property
    def index_text(self) -> str:
        """What the embedder and BM25 see: context first, decorative rule runs shortened."""
        text = RULE_RUN.sub(r"\1\1\1", self.text)
        return f"{self.context}\n{text}" if self.context else text


@dataclass(frozen=True)
class Skipped:
    """An input that was not ingested, and why."""

    source: str
    reason: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"{self.source} row {self.row}" if self.row is not None else self.source
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class LoadResult:
    """Documents read from one file plus the rows or parts that were rejected."""

    documents: list[Document]
    skipped: list[Skipped] = field(default_factory=list)


@dataclass
class SyncReport:
    """What one `aisec ingest` run did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    chunks_written: int = 0
    chunks_deleted: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def chunks_per_second(self) -> float:
        """Throughput of this run."""
        return self.chunks_written / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": self.failed,
            "chunks_written": self.chunks_written,
            "chunks_deleted": self.chunks_deleted,
            "seconds": round(self.seconds, 2),
            "chunks_per_second": round(self.chunks_per_second, 1),
            "skipped": [str(s) for s in self.skipped],
        }
