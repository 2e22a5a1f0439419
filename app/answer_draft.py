"""Draft a quoted answer: lead with the sentence of the asked-for kind, follow a how-to section's steps; say what
kind of answer is missing when none is found."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from app.answer_type import answer_need, holds_answer
from app.coverage import specific_terms
from app.extractive import Draft, draft_extractive, names_company
from app.guidance import asks_about_postings, is_howto, plan_sections, section_passages, section_steps
from app.types import Passage
from ingest.snapshot import Snapshot

HOWTO_STEPS_PER_SENTENCE = 2  # a how-to answer gives up to twice the usual sentences: a plan is longer than a fact


@dataclass(frozen=True)
class AnswerDraft:
    """The drafted sentences over `passages` (which may add a how-to section's other chunks), the kind of answer
    the question asks for (`asks_for`, e.g. "a date") and whether no sentence gave it (`lacking`)."""

    draft: Draft
    passages: list[Passage]
    asks_for: str | None = None
    lacking: str | None = None


def draft_answer(question: str, query_vector: np.ndarray, passages: list[Passage], embed: Callable[[list[str]], np.ndarray],
                 max_sentences: int, lexicon: dict[str, Any], snapshot: Snapshot, expects: str | None) -> AnswerDraft:
    """The extractive draft for `question` from its retrieved `passages`; `expects` is the answer type asked for."""
    need = answer_need(question, lexicon, specific_terms(question), expects)
    answers = None
    if need:
        def answers(sentence: str, index: int) -> bool:
            return holds_answer(sentence, need, lexicon, passages[index].metadata.get("context", ""))
    postings_lead = asks_about_postings(question, lexicon) or any(names_company(question, p.metadata) for p in passages)
    draft = draft_extractive(question, query_vector, passages, embed, max_sentences, answers, bool(need.subjects),
                             postings_lead)
    asks_for = need.missing(lexicon) if need else None
    if not draft.answered:
        return AnswerDraft(draft, passages, asks_for, asks_for)
    if draft.sentences and is_howto(question, lexicon):
        sections = plan_sections(passages, lexicon)  # none retrieved: the quoted draft stands
        draft, passages = _section_draft(draft, passages, sections, query_vector, embed, snapshot,
                                         max_sentences * HOWTO_STEPS_PER_SENTENCE)
    return AnswerDraft(draft, passages, asks_for)


def _section_draft(draft: Draft, passages: list[Passage], sections: list[Passage], query_vector: np.ndarray,
                   embed: Callable[[list[str]], np.ndarray], snapshot: Snapshot, limit: int) -> tuple[Draft, list[Passage]]:
    """The steps of the section (one passage of each in `sections`) whose heading best matches the question, each
    citing its chunk; the draft unchanged when there is no section or the best lists alternatives, not steps."""
    if not sections:
        return draft, passages
    similarity = embed([p.metadata["context"] for p in sections]) @ query_vector
    chunks = section_passages(sections[int(np.argmax(similarity))], snapshot)
    steps = section_steps(chunks, limit)
    if not steps:
        return draft, passages
    index_of = {p.chunk_id: i for i, p in enumerate(passages)}
    extended = list(passages)
    for chunk in chunks:
        if chunk.chunk_id not in index_of:
            index_of[chunk.chunk_id] = len(extended)
            extended.append(chunk)
    sentences = [(sentence, [index_of[chunks[i].chunk_id]]) for sentence, i in steps]
    return Draft(sentences, draft.evidence), extended
