"""Guidance and how-to questions: answer from reference documents, and give the best section's steps in order."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from app.answer_type import has_phrase, question_words
from app.filters import Filters
from app.sentences import passage_items
from app.types import Passage
from ingest.snapshot import Snapshot


def is_guidance(question: str, lexicon: dict[str, Any]) -> bool:
    """A question about what to do ("what should I learn", "how do I get into") that does not ask about postings."""
    folded = question_words(question)
    asks = any(has_phrase(folded, p) for p in lexicon["guidance_questions"])
    return asks and not asks_about_postings(question, lexicon)


def asks_about_postings(question: str, lexicon: dict[str, Any]) -> bool:
    """A question about job postings: "which roles…", "postings that…", "the role at Acme"."""
    folded = question_words(question)
    return any(has_phrase(folded, p) for p in lexicon["posting_words"])


def is_howto(question: str, lexicon: dict[str, Any]) -> bool:
    """A guidance question asking for steps ("how do I move from X to Y", "how to prepare for")."""
    folded = question_words(question)
    return is_guidance(question, lexicon) and any(has_phrase(folded, p) for p in lexicon["howto_questions"])


def retrieval_filters(question: str, filters: Filters, lexicon: dict[str, Any]) -> Filters:
    """The filters to retrieve with: reference documents only for a guidance question, unless a kind was chosen."""
    return replace(filters, kind="document") if filters.kind is None and is_guidance(question, lexicon) else filters


def plan_sections(passages: list[Passage], lexicon: dict[str, Any]) -> list[Passage]:
    """One passage per retrieved document section whose heading names a plan (lexicon `howto_sections`:
    "Transition path from...", "How to prepare...")."""
    sections = list({p.metadata["context"]: p for p in passages
                     if p.metadata.get("kind") != "posting" and p.metadata.get("section") and p.metadata.get("context")}.values())
    plans = [p for p in sections if any(has_phrase(question_words(p.metadata["section"]), w) for w in lexicon["howto_sections"])]
    return plans


def section_passages(passage: Passage, snapshot: Snapshot) -> list[Passage]:
    """Every chunk of `passage`'s document section, in text order (the passage itself when it has no section)."""
    meta = passage.metadata
    sections = snapshot.derived.get("sections")
    if sections is None:  # computed once per snapshot: (doc_id, section) -> rows in chunk order
        sections = {}
        for row, m in enumerate(snapshot.metadatas):
            if m.get("kind") != "posting" and m.get("section"):
                sections.setdefault((m.get("doc_id"), m["section"]), []).append(row)
        for rows in sections.values():
            rows.sort(key=lambda r: snapshot.metadatas[r].get("chunk_index", 0))
        snapshot.derived["sections"] = sections
    rows = sections.get((meta.get("doc_id"), meta.get("section")))
    if not rows:
        return [passage]
    return [Passage(snapshot.ids[r], snapshot.texts[r], snapshot.metadatas[r], passage.score) for r in rows]


def section_steps(chunks: list[Passage], limit: int) -> list[tuple[str, int]] | None:
    """(sentence, index into `chunks`): the section's list steps in order, then its prose in order; None when the
    section lists alternatives (bold-labelled options) rather than steps, so it is no plan to follow."""
    seen: set[str] = set()
    steps, prose = [], []
    earlier: list[str] = []  # the previous chunk's sentences
    for index, chunk in enumerate(chunks):
        items = passage_items(chunk.text)
        for position, (sentence, kind) in enumerate(items):
            if sentence in seen or position == 0 and index and _cut_by_chunking(sentence, earlier):
                continue  # the overlap between neighbouring chunks, or a sentence the chunk boundary cut in two
            seen.add(sentence)
            if kind == "option":
                return None
            (steps if kind == "step" else prose).append((sentence, index))
        earlier = [sentence for sentence, _ in items]
    return (steps + prose)[:limit] or None


def _cut_by_chunking(first: str, earlier: list[str]) -> bool:
    """Whether a chunk's first sentence is the tail of a sentence of the chunk before (its overlap) or starts mid-sentence."""
    tail = first.rstrip(".…")
    return first[:1].islower() or any(tail in sentence for sentence in earlier)
