"""Clauses of long sentences count as evidence, and are embedded only when they can change whether an answer abstains."""
from __future__ import annotations

import numpy as np

from app.extractive import draft_extractive
from app.types import Passage

QUESTION = "Who introduced the fast gradient sign method?"
PASSAGE = ("Adversarial examples were studied early on; gradient-based attacks followed quickly "
           "(the fast gradient sign method introduced by Goodfellow and colleagues in December 2014) and spread widely. "
           "Defences such as adversarial training came later.")


def drafts(embedder, enough):
    """The draft for QUESTION over PASSAGE at `enough`, and every text the draft embedded."""
    embedded: list[str] = []

    def embed(texts: list[str]) -> np.ndarray:
        embedded.extend(texts)
        return embedder.embed_passages(texts)
    passages = [Passage("c1", PASSAGE, {"kind": "document", "source": "documents/attacks.md"}, 1.0)]
    return draft_extractive(QUESTION, embedder.embed_query(QUESTION), passages, embed, 3, enough=enough), embedded


def test_a_clause_raises_the_evidence_when_the_sentences_fall_short(embedder):
    always, always_embedded = drafts(embedder, None)
    below, below_embedded = drafts(embedder, 1.0)  # no sentence reaches 1.0: the clauses are consulted
    assert any(text.startswith("the fast gradient sign method") for text in always_embedded)
    assert below.evidence == always.evidence and below_embedded == always_embedded
    assert below.sentences == always.sentences


def test_clauses_are_not_embedded_once_a_sentence_is_evidence_enough(embedder):
    always, _ = drafts(embedder, None)
    sentences_only, _ = drafts(embedder, -1.0)  # every similarity reaches -1: no clause is embedded
    enough, embedded = drafts(embedder, sentences_only.evidence)  # the best sentence reaches the threshold itself
    assert not any(text.startswith("the fast gradient sign method") for text in embedded)
    assert enough.evidence == sentences_only.evidence <= always.evidence  # at or above the threshold: still answers
    assert enough.sentences == always.sentences
