"""Situation questions worded far from the section that answers them: whether one measure is enough ("am I covered?")
is answered by the source's caveat, what to do by the source's recommendation, how something changes or what to
know by the advice's list or paragraph, a request for resources by the section listing them, and an asked word the
source says otherwise ("serious", "material") ranks the lead through the lexicon's `topic_equivalents`."""
from __future__ import annotations

from pathlib import Path

from app.answer_type import equivalent_stems
from app.extractive import _weighted_overlaps, draft_extractive
from app.guidance import asked_kinds, asks_advice
from app.lexicon import load_lexicon
from app.types import Passage

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
# corpus/documents/ml-supply-chain-security.md, "## Model scanning tools: ModelScan, picklescan and fickling"
SCANNING = ("Picklescan is an open-source scanner that detects suspicious imports and calls in pickle files; Hugging Face "
            "runs picklescan on files uploaded to the Hugging Face Hub. Fickling, from Trail of Bits, is a decompiler and "
            "static analyser for pickle files. Scanners use deny-lists or heuristics and can be evaded: picklescan had "
            "several CVE-assigned bypasses in 2025. Scanning should therefore complement, not replace, safe formats, "
            "restricted loaders, signing and isolation.")
HUBS = ("Security researchers have repeatedly found malicious pickle-based models on public hubs; for example, JFrog "
        "reported in February 2024 that it had found models on Hugging Face carrying code-execution payloads.")
# corpus/documents/role-vciso-head-of-security.md, "## Personal accountability for a vCISO or head of security"
ACCOUNTABILITY = ("Security leaders face personal scrutiny over how incidents and security practices are disclosed. In "
                  "October 2023 the SEC charged SolarWinds and Timothy Brown, its chief information security officer at "
                  "the time, over disclosures about the company's security practices. For vCISOs and heads of security "
                  "the practical lessons are to document risk decisions, escalate disagreements in writing, never "
                  "conceal an incident from regulators, and make sure public security statements are accurate.")
ROLE = ("In large organisations the title is Chief Information Security Officer (CISO); in smaller companies the same "
        "accountability often sits with a head of security.")


def _held(aspect: str) -> list[str]:
    return LEXICON["asked_aspects"][aspect]["held"]


def _sentences(question: str, passages: list[Passage], held: list[str], embedder) -> list[str]:
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4,
                               refers_back=LEXICON["back_references"], aspect_held=held)
    return [sentence for sentence, _ in drafted.sentences]


def test_am_i_covered_is_answered_by_the_caveat_and_what_to_add(embedder):
    question = "Our data scientists pull random models off Hugging Face. If I just run picklescan on everything, am I covered?"
    passages = [Passage("s", SCANNING, {"kind": "document", "section": "Model scanning tools: ModelScan, picklescan and fickling"}, 1.0),
                Passage("h", HUBS, {"kind": "document", "section": "Model serialization risk"}, 0.9)]
    sentences = _sentences(question, passages, _held("limits"), embedder)
    assert sentences[0].startswith("Scanners use deny-lists or heuristics and can be evaded"), sentences
    assert sentences[1].startswith("Scanning should therefore complement, not replace"), sentences


def test_the_limits_aspect_is_asked_by_a_yes_or_no_question():
    polar = {name for name, spec in LEXICON["asked_aspects"].items() if spec.get("polar")}
    # "is there anything I need to hold first?" too, and "was it always called that?", "is it still Anthropic's own
    # thing, or does some other body govern it now?" (the relations `origin` and `steward`); not causes
    assert polar == {"limits", "prerequisites", "meantime", "origin", "steward"}


def test_what_should_i_do_is_answered_by_the_sources_recommendation(embedder):
    question = "After the SolarWinds case I'm nervous about my first head of security role. What should I do to protect myself personally?"
    passages = [Passage("a", ACCOUNTABILITY, {"kind": "document", "section": "Personal accountability for a vCISO or head of security"}, 1.0),
                Passage("r", ROLE, {"kind": "document", "section": "What a vCISO or head of security does"}, 0.9)]
    sentences = _sentences(question, passages, _held("practice"), embedder)
    assert sentences[0].startswith("For vCISOs and heads of security the practical lessons are to document risk decisions"), sentences


def test_how_something_changes_and_what_to_know_ask_for_advice():
    assert asks_advice("Our product team is shipping LLM features and agents. As the product security person, how does "
                       "this change how I threat model?", LEXICON)
    assert asks_advice("I just became head of security at a listed company. What do I need to know about reporting "
                       "incidents to the board?", LEXICON)
    assert not asks_advice("What is MITRE ATLAS?", LEXICON)


def test_a_request_for_free_resources_asks_for_the_section_listing_them():
    assert "resources" in asked_kinds("I'm a student with basically no budget. What free resources would get me started "
                                      "in AI security?", LEXICON)


def test_a_serious_incident_is_the_material_one_the_source_names():
    question = "What do we owe the SEC after a serious incident?"
    sentences = ["The SEC cybersecurity disclosure rules have applied since December 2023.",
                 "In July 2023 the US Securities and Exchange Commission adopted rules requiring public companies to "
                 "disclose material cybersecurity incidents on Form 8-K Item 1.05."]
    plain = _weighted_overlaps(question, sentences)
    expanded = _weighted_overlaps(question, sentences, equivalent_stems(LEXICON))
    assert plain[1] <= plain[0] and expanded[1] > expanded[0], (plain, expanded)
