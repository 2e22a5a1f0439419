"""A sentence that refers back ("Its root causes are …") is scored with the subject it continues, its section's heading."""
from __future__ import annotations

from pathlib import Path

from app.extractive import _with_subject, draft_extractive
from app.lexicon import load_lexicon
from app.types import Passage

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
# from corpus/documents/framework-owasp-llm-top-10.md, sections "LLM03:2026 Excessive Agency" and "How AI security job roles use …"
AGENCY = ("Excessive Agency (LLM03:2026) is the vulnerability that lets an LLM-based system perform damaging actions in response "
          "to unexpected, ambiguous or manipulated model output, whatever causes the model to malfunction. Its root causes are "
          "excessive functionality, excessive permissions and excessive autonomy in the tools, plugins or agent integrations the "
          "model can call.")
ROLES = ("Job postings for LLM security roles often name the OWASP Top 10 for LLM Applications as a required or preferred skill. "
         "AI red teamers use the ten entries to structure test plans and to categorise findings in reports.")
QUESTION = "What does the OWASP Top 10 for LLM Applications say about excessive agency?"


def test_a_sentence_opening_with_its_is_scored_with_its_sections_subject(embedder):
    passages = [Passage("a", AGENCY, {"kind": "document", "section": "LLM03:2026 Excessive Agency"}, 1.0),
                Passage("r", ROLES, {"kind": "document", "section": "How AI security job roles use the OWASP LLM Top 10"}, 0.9)]
    def quoted(refers_back) -> list[str]:
        drafted = draft_extractive(QUESTION, embedder.embed_query(QUESTION), passages, embedder.embed_passages, 3,
                                   refers_back=refers_back)
        return [sentence for sentence, _ in drafted.sentences]
    assert any(s.startswith("Its root causes are excessive functionality") for s in quoted(LEXICON["back_references"]))
    # scored on its own words, "Its root causes …" matches nothing of the question and falls below the quoting floor
    assert not any(s.startswith("Its root causes") for s in quoted(()))


def test_an_acronym_in_capitals_is_no_back_reference():
    passage = Passage("c", "IT auditors assess AI systems.", {"kind": "document", "section": "ISACA credentials"}, 1.0)
    back = {w.lower() for w in LEXICON["back_references"]}
    assert _with_subject("IT auditors assess AI systems.", passage, back) == "IT auditors assess AI systems."
    assert _with_subject("It targets IT auditors.", passage, back) == "ISACA credentials: It targets IT auditors."
