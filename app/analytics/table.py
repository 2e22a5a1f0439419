"""One row per ingested posting, built from the snapshot's chunk metadata (the first chunk of each posting)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from app.types import Passage


@dataclass(frozen=True)
class PostingRow:
    """A posting's structured fields, plus its first chunk so it can be cited."""

    posting_id: str
    doc_id: str
    title: str
    role_family: str | None
    seniority: str | None
    remote: str | None
    location: str
    salary_min: int | None
    salary_max: int | None
    currency: str | None
    posted: str | None
    skills: tuple[str, ...]
    clouds: tuple[str, ...]
    certifications: tuple[str, ...]
    status: str
    chunk_id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    employment_type: str | None = None  # "full-time", "part-time", "contract"
    body: str = field(default="", compare=False, repr=False)  # the text of all its chunks: what only the text states

    @property
    def salary_mid(self) -> float | None:
        """The midpoint of the advertised range (or the one bound given)."""
        bounds = [b for b in (self.salary_min, self.salary_max) if b is not None]
        return sum(bounds) / len(bounds) if bounds else None

    @property
    def company(self) -> str | None:
        """The employer that advertises it."""
        return self.metadata.get("company")

    @property
    def year(self) -> str | None:
        """The year it was posted, e.g. "2025"."""
        return self.posted[:4] if self.posted else None

    def values(self, name: str) -> tuple[str, ...]:
        """A field's values as a tuple (list fields as they are, single fields as one value or none)."""
        value = self.year if name == "year" else getattr(self, name)
        if isinstance(value, tuple):
            return value
        return () if value in (None, "") else (str(value),)

    def passage(self) -> Passage:
        """The posting's first chunk, ready for Citation.from_passage."""
        return Passage(self.chunk_id, self.text, self.metadata, 1.0)


def posting_table(ids: Iterable[str], texts: Iterable[str], metadatas: Iterable[dict[str, Any]]) -> list[PostingRow]:
    """One row per posting doc_id, from the metadata of its lowest-numbered chunk, with the text of all its chunks;
    ordered by posting id."""
    first: dict[str, tuple[int, str, str, dict[str, Any]]] = {}
    chunks: dict[str, list[tuple[int, str]]] = {}
    for chunk_id, text, meta in zip(ids, texts, metadatas):
        if meta.get("kind") != "posting":
            continue
        doc_id, index = meta.get("doc_id", chunk_id), int(meta.get("chunk_index", 0))
        chunks.setdefault(doc_id, []).append((index, text))
        if doc_id not in first or index < first[doc_id][0]:
            first[doc_id] = (index, chunk_id, text, meta)
    rows = [_row(doc_id, chunk_id, text, meta, " ".join(t for _, t in sorted(chunks[doc_id])))
            for doc_id, (_, chunk_id, text, meta) in first.items()]
    return sorted(rows, key=lambda r: r.posting_id)


def table_from_snapshot(snapshot, *, include_closed: bool = False) -> list[PostingRow]:
    """posting_table over an ingest.snapshot.Snapshot, built once per snapshot (a snapshot never changes; read the
    list, do not modify it); postings a board has closed are left out unless asked for."""
    key = "posting_table" if include_closed else "open_posting_table"
    if key not in snapshot.derived:
        rows = posting_table(snapshot.ids, snapshot.texts, snapshot.metadatas)
        snapshot.derived[key] = rows if include_closed else [r for r in rows if r.status != "closed"]
    return snapshot.derived[key]


def _row(doc_id: str, chunk_id: str, text: str, meta: dict[str, Any], body: str = "") -> PostingRow:
    return PostingRow(
        posting_id=str(meta.get("posting_id") or doc_id.removeprefix("posting:")),
        doc_id=doc_id,
        title=str(meta.get("job_title") or meta.get("title", "")),
        role_family=meta.get("role_family"),
        seniority=meta.get("seniority"),
        remote=meta.get("remote"),
        location=str(meta.get("location", "")),
        salary_min=_int(meta.get("salary_min")),
        salary_max=_int(meta.get("salary_max")),
        currency=(str(meta["currency"]).upper() if meta.get("currency") else None),
        posted=meta.get("posted"),
        skills=tuple(meta.get("skills") or ()),
        clouds=tuple(meta.get("clouds") or ()),
        certifications=tuple(meta.get("certifications") or ()),
        status=str(meta.get("status") or "open").lower(),
        chunk_id=chunk_id,
        text=text,
        metadata=dict(meta),
        employment_type=meta.get("employment_type"),
        body=body or text,
    )


def _int(value: Any) -> int | None:
    return None if value is None else int(value)
