"""A question naming an aspect of its subject (its causes, its mitigations) leads with the sentence giving that aspect
of that subject, not the subject's definition nor the same aspect of a neighbouring subject."""
from __future__ import annotations

from pathlib import Path

from app.extractive import draft_extractive
from app.lexicon import load_lexicon
from app.types import Passage

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
# corpus/documents/framework-owasp-llm-top-10.md, "LLM03:2026 Excessive Agency" and "LLM08:2026 Hidden Context Exposure"
AGENCY = ("Excessive Agency (LLM03:2026) is the vulnerability that lets an LLM-based system perform damaging actions in "
          "response to unexpected, ambiguous or manipulated model output, whatever causes the model to malfunction. Its "
          "root causes are excessive functionality, excessive permissions and excessive autonomy in the tools, plugins or "
          "agent integrations the model can call. Mitigations are minimising the number of extensions and their "
          "functions, and requiring human approval for high-impact actions.")
HIDDEN = ("Hidden Context Exposure (LLM08:2026) is the unauthorised extraction, inference or reconstruction of hidden, "
          "non-user-facing context placed in a model's context window. Mitigations are keeping sensitive data out of "
          "hidden context, enforcing behaviour with deterministic guardrails outside the model, and enforcing "
          "authorisation independently of the LLM.")


def _held(aspect: str) -> list[str]:
    return LEXICON["asked_aspects"][aspect]["held"]


def _lead(question: str, held: list[str], embedder) -> str:
    passages = [Passage("a", AGENCY, {"kind": "document", "section": "LLM03:2026 Excessive Agency"}, 1.0),
                Passage("h", HIDDEN, {"kind": "document", "section": "LLM08:2026 Hidden Context Exposure"}, 0.9)]
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4,
                               refers_back=LEXICON["back_references"], aspect_held=held)
    return drafted.sentences[0][0]


def test_the_sentence_giving_the_asked_aspect_leads_over_the_definition(embedder):
    assert _lead("What causes Excessive Agency in LLM-based systems?", _held("causes"),
                 embedder).startswith("Its root causes are")


def test_the_aspect_of_the_asked_subject_leads_not_a_neighbours(embedder):
    assert _lead("How do I mitigate excessive agency?", _held("mitigations"),
                 embedder).startswith("Mitigations are minimising")
    assert _lead("How do I mitigate hidden context exposure?", _held("mitigations"),
                 embedder).startswith("Mitigations are keeping sensitive data")


def test_a_word_of_the_aspect_inside_the_definition_does_not_make_it_the_aspect(embedder):
    # "whatever causes the model to malfunction" names no causes of Excessive Agency
    assert not _lead("What are the root causes of excessive agency?", _held("causes"),
                     embedder).startswith("Excessive Agency (LLM03:2026) is")
