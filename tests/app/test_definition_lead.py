"""A question asking what something is leads with the sentence whose subject is that thing (the one that defines it),
not a sentence naming it later that shares the question's words as well."""
from __future__ import annotations

from pathlib import Path

from app.extractive import draft_extractive
from app.lexicon import load_lexicon
from app.types import Passage

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
# corpus/documents/framework-mitre-atlas.md, "What MITRE ATLAS is" and "Resources around ATLAS"
DEFINES = ("MITRE ATLAS (Adversarial Threat Landscape for Artificial-Intelligence Systems) is a free, publicly accessible "
           "knowledge base of adversary tactics, techniques, mitigations and case studies for attacks on AI-enabled systems, "
           "maintained by the MITRE Corporation at atlas.mitre.org.")
RESOURCES = ("MITRE publishes several resources around ATLAS. The ATLAS Navigator, based on the ATT&CK Navigator, lets users "
             "view the matrix and build annotated layers, for example to mark which techniques a test plan covers.")


def _lead(question: str, defined: str | None, embedder) -> str:
    passages = [Passage("r", RESOURCES, {"kind": "document"}, 1.0), Passage("d", DEFINES, {"kind": "document"}, 0.9)]
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4,
                               refers_back=LEXICON["back_references"], defined=defined)
    return drafted.sentences[0][0]


def test_the_sentence_whose_subject_is_the_asked_thing_leads(embedder):
    assert _lead("What is MITRE ATLAS?", "MITRE ATLAS?", embedder).startswith("MITRE ATLAS (Adversarial Threat Landscape")


def test_the_defining_lead_needs_an_opening_sharing_the_asked_thing(embedder):
    lead = _lead("What is MITRE ATLAS?", "Navigator layers?", embedder)
    assert lead == _lead("What is MITRE ATLAS?", None, embedder)


def test_a_sentence_opening_with_only_a_stop_word_or_a_year_of_the_asked_thing_does_not_lead(embedder):
    # corpus/documents/000-source-report-job-market-2024-2025.md
    passages = [Passage("a", "In 2025, AWS skills were mentioned in 26% of AI engineer job postings.", {"kind": "document"}, 1.0),
                Passage("s", "Salary Trends: salaries for AI security engineers are projected to rise significantly in 2025 "
                        "due to high demand and a limited talent pool.", {"kind": "document"}, 0.9)]
    question = "What is the 2025 salary trend for AI security engineers?"
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4,
                               refers_back=LEXICON["back_references"], defined=question[len("What is "):])
    assert drafted.sentences[0][0].startswith("Salary Trends:")
