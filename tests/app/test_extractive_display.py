"""What the default answer quotes reads once: a sentence repeated by overlapping chunks is quoted once."""
from __future__ import annotations

from app.extractive import draft_extractive
from app.types import Passage

QUESTION = "How does a SOC analyst handle data leakage through an assistant with the NIST AI RMF?"
FIRST = ("Month 3: write detections for AI-specific behaviour and tag each with an ATLAS technique ID. "
         "Months 4 to 6 (optional): write an AI incident response playbook (prompt injection, data leakage through an "
         "assistant, a compromised model artifact) aligned with the MANAGE function of the NIST AI RMF.")
SECOND = ("data leakage through an assistant, a compromised model artifact) aligned with the MANAGE function of the NIST AI RMF. "
          "Target roles for a former SOC analyst: AI-aware detection engineer, AI incident responder and junior AI red team roles.")


def test_a_sentence_quoted_from_one_chunk_is_not_quoted_again_from_the_overlapping_next(embedder):
    passages = [Passage(f"t#{i}", text, {"kind": "document", "source": "documents/transition-paths.md", "doc_id": "t"}, 1.0)
                for i, text in enumerate([FIRST, SECOND])]
    draft = draft_extractive(QUESTION, embedder.embed_query(QUESTION), passages, embedder.embed_passages, 5)
    quoted = [text for text, _ in draft.sentences]
    assert sum("aligned with the MANAGE function" in text for text in quoted) == 1, quoted
