"""A question asking a relation of its subject (what it grew out of, who governs it now) leads with the sentence
naming it (lexicon `asked_aspects` … `origin`, `steward`), not the subject's definition; a need statement answers only
of the subject the question names."""
from __future__ import annotations

from pathlib import Path

from app.answer_type import has_phrase, question_words
from app.extractive import Draft, draft_extractive
from app.lexicon import load_lexicon
from app.need_first import need_statement_first
from app.types import Passage

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
# corpus/documents/role-product-security-engineer.md, the MCP paragraph
MCP = ("The Model Context Protocol (MCP) is an open standard for connecting AI assistants to tools and data. Anthropic "
       "introduced MCP in November 2024 and on 9 December 2025 donated it to the Agentic AI Foundation, a directed fund "
       "of the Linux Foundation co-founded by Anthropic, Block and OpenAI, which now governs MCP.")
# corpus/documents/framework-mitre-atlas.md, the opening paragraph
ATLAS = ("MITRE ATLAS is a free, publicly accessible knowledge base of adversary tactics, techniques and case studies "
         "for attacks on AI-enabled systems, maintained by the MITRE Corporation. ATLAS grew out of the Adversarial ML "
         "Threat Matrix, which Microsoft and MITRE released with other organisations in October 2020.")


def _asked(aspect: str, question: str) -> list[str]:
    """The held phrases of the aspect, asserting the question asks it."""
    spec = LEXICON["asked_aspects"][aspect]
    assert any(has_phrase(question_words(question), ask) for ask in spec["asks"])
    return spec["held"]


def _lead(question: str, text: str, section: str, held: list[str], embedder) -> str:
    passages = [Passage("p", text, {"kind": "document", "section": section}, 1.0)]
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4,
                               refers_back=LEXICON["back_references"], aspect_held=held, asking=question)
    return drafted.sentences[0][0]


def test_the_body_governing_it_now_leads_over_the_definition(embedder):
    question = "Is the Model Context Protocol still Anthropic's own thing, or does some other body govern it now?"
    lead = _lead(question, MCP, "How AI features changed the product security engineer's job",
                 _asked("steward", question), embedder)
    assert lead.startswith("Anthropic introduced MCP")  # "Anthropic's" names Anthropic: the sentence is about the subject


def test_what_it_grew_out_of_leads_over_the_definition(embedder):
    question = "Was MITRE ATLAS always its own project or did it grow out of something older?"
    lead = _lead(question, ATLAS, "What MITRE ATLAS is", _asked("origin", question), embedder)
    assert lead.startswith("ATLAS grew out of the Adversarial ML Threat Matrix")


def test_a_need_statement_of_another_subject_does_not_lead():
    question = "does OSAI expire or do I have to keep renewing it?"
    answer = "Passing it awards OSAI, which does not expire, and OSAI+, which expires after three years."
    passages = [Passage("o", f"OffSec offers OSAI. {answer}", {"kind": "document"}, 1.0),
                Passage("g", "GIAC certifications must be renewed every four years.", {"kind": "document"}, 0.9)]
    draft = Draft([(answer, [0])], 0.8)
    assert need_statement_first(draft, passages, question, LEXICON, ["OSAI"]) == (draft, False)
    # the question naming no subject outside the need: the statement leads, as before
    led, stated = need_statement_first(draft, passages, question, LEXICON)
    assert stated and led.sentences[0][0].startswith("GIAC certifications")
