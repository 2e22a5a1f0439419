"""What the assistant returns: answers, their citations and the per-sentence verification."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its fused score and the evidence behind it."""

    chunk_id: str
    text: str
    metadata: dict[str, Any]
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None


@dataclass
class Citation:
    """A numbered source of an answer: the passage itself and where it comes from."""

    number: int
    source: str
    title: str
    text: str
    score: float
    doc_id: str
    kind: str
    metadata: dict[str, Any] = field(default_factory=dict)
    supporting: list[str] = field(default_factory=list)  # sentences of `text` the answer relies on
    reviewed: str | None = None  # ISO date the cited document's claims were last checked; None for postings

    @classmethod
    def from_passage(cls, number: int, passage: Passage) -> "Citation":
        """Number a retrieved passage."""
        meta = passage.metadata
        keep = {k: v for k, v in meta.items() if k not in {"doc_id", "source", "title", "kind", "context", "version", "reviewed"}}
        kind = meta.get("kind", "document")
        return cls(number, meta.get("source", ""), meta.get("title", ""), passage.text, round(passage.score, 4),
                   meta.get("doc_id", ""), kind, keep, reviewed=(meta.get("reviewed") or None) if kind == "document" else None)


@dataclass(frozen=True)
class SentenceCheck:
    """Whether one answer sentence is supported by the passages it cites."""

    sentence: str
    cited: list[int]
    supported_by: list[int]
    status: str  # "supported" | "unsupported" | "dropped"
    reasons: list[str] = field(default_factory=list)


@dataclass
class Answer:
    """An answer with inline [n] markers whose numbers index `citations`."""

    question: str
    text: str
    citations: list[Citation]
    abstained: bool
    mode: str
    verification: list[SentenceCheck] = field(default_factory=list)
    related: list[Citation] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    route: str = "passages"
    standalone_question: str | None = None
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] | None = None  # computed figures for analytics answers
    rows: list[dict[str, Any]] = field(default_factory=list)  # the postings a postings answer selected, as structured rows
    query: dict[str, Any] | None = None  # the Query answered (app.query), the conversation state a follow-up edits
    trace: dict[str, Any] = field(default_factory=dict)  # route, rows/passages considered, evidence, abstention reason

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; the same shape as `aisec ask --json` and the UI's /ask endpoint."""
        return asdict(self)
