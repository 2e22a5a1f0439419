"""The default answerer: quote the retrieved sentences that best answer the question, the one that answers it
first, no LLM."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from app.sentences import passage_sentences, posting_reference
from app.types import Passage
from ingest.lexical import lexical_tokens

SEMANTIC_WEIGHT, LEXICAL_WEIGHT, RANK_WEIGHT = 0.65, 0.25, 0.10
REDUNDANCY_LIMIT = 0.88
RELATIVE_FLOOR = 0.72
PER_PASSAGE = 2
MAX_EMBEDDED = 24  # sentences embedded per question; the rest are pre-ranked away lexically


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved passage with its relevance to the question."""

    text: str
    passage_index: int
    position: int
    semantic: float
    score: float
    vector: np.ndarray = field(repr=False, compare=False)


@dataclass(frozen=True)
class Draft:
    """Chosen sentences (each citing one passage index), the answering one first, and the evidence strength;
    `answered` is False when a sentence of the asked-for kind was needed and none was found."""

    sentences: list[tuple[str, list[int]]]
    evidence: float
    answered: bool = True


# Whether a sentence of the passage at an index answers the question (holds the asked-for kind of value).
Answers = Callable[[str, int], bool]


def draft_extractive(question: str, query_vector: np.ndarray, passages: list[Passage],
                     embed: Callable[[list[str]], np.ndarray], max_sentences: int, answers: Answers | None = None) -> Draft:
    """Score every passage sentence; lead with the best one that `answers` (the best one when no kind is asked
    for), then the best of the rest without redundancy, in reading order."""
    candidates = _candidates(question, query_vector, passages, embed)
    if not candidates:
        return Draft([], 0.0, answers is None)
    evidence = max(c.semantic for c in candidates)
    ranked = sorted(candidates, key=lambda c: -c.score)
    lead = next((c for c in ranked if answers(c.text, c.passage_index)), None) if answers else ranked[0]
    if lead is None:
        return Draft([], evidence, False)
    floor = ranked[0].score * RELATIVE_FLOOR
    chosen: list[Candidate] = [lead]
    chosen_vectors: list[np.ndarray] = [lead.vector]
    per_passage: dict[int, int] = {lead.passage_index: 1}
    for candidate in ranked:
        if candidate is lead:
            continue
        if len(chosen) == max_sentences or candidate.score < floor:
            break
        if per_passage.get(candidate.passage_index, 0) >= PER_PASSAGE:
            continue
        if any(float(candidate.vector @ v) > REDUNDANCY_LIMIT for v in chosen_vectors):
            continue
        chosen.append(candidate)
        chosen_vectors.append(candidate.vector)
        per_passage[candidate.passage_index] = per_passage.get(candidate.passage_index, 0) + 1
    support = sorted(chosen[1:], key=lambda c: (c.passage_index, c.position))
    return Draft([(c.text, [c.passage_index]) for c in [lead, *support]], evidence)


def _candidates(question: str, query_vector: np.ndarray, passages: list[Passage],
                embed: Callable[[list[str]], np.ndarray]) -> list[Candidate]:
    rows = [(i, position, sentence)
            for i, passage in enumerate(passages)
            for position, sentence in enumerate(passage_sentences(passage.text, posting_reference(passage.metadata)))]
    if not rows:
        return []
    question_tokens = set(lexical_tokens(question))
    overlaps = [len(question_tokens & set(lexical_tokens(s))) / len(question_tokens) if question_tokens else 0.0
                for _, _, s in rows]
    keep = sorted(range(len(rows)), key=lambda r: -(overlaps[r] + RANK_WEIGHT / (1 + rows[r][0]) + (rows[r][1] == 0) * 0.05))
    keep = sorted(keep[:MAX_EMBEDDED])
    rows, overlaps = [rows[r] for r in keep], [overlaps[r] for r in keep]
    vectors = embed([sentence for _, _, sentence in rows])
    semantic = vectors @ query_vector
    candidates = []
    for (i, position, sentence), vector, similarity, overlap in zip(rows, vectors, semantic, overlaps):
        score = SEMANTIC_WEIGHT * float(similarity) + LEXICAL_WEIGHT * overlap + RANK_WEIGHT / (1 + i)
        candidates.append(Candidate(sentence, i, position, float(similarity), score, vector))
    return candidates

