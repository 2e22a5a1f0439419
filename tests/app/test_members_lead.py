"""A question asking for the members of a set leads with them, all of them, in the source's order: a sentence listing
them inline (quoted whole, however long), or one announcing their number followed by a sentence on each."""
from __future__ import annotations

from app.compose import compose_answer
from app.extractive import draft_extractive
from app.sentences import inline_items
from app.support import SupportChecker
from app.types import Passage

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _document(key: str, text: str, score: float) -> Passage:
    return Passage(f"{key}#0", text, {"kind": "document", "source": f"documents/{key}.md", "doc_id": key}, score)


def _draft(embedder, question: str, passages: list[Passage], sentences: int = 6):
    return draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, sentences,
                            enumerates=True, number_words=NUMBER_WORDS)


def test_inline_items_are_read_after_a_colon_between_semicolons_or_commas_and_a_plain_clause_lists_none():
    assert inline_items("The framework organises risk management into four functions: Govern, Map, Measure and "
                        "Manage.") == ["Govern", "Map", "Measure", "Manage"]
    assert inline_items("The areas are A.2 Policies related to AI; A.3 Internal organization; and A.4 Resources.") == \
        ["The areas are A.2 Policies related to AI", "A.3 Internal organization", "A.4 Resources"]
    assert inline_items("The exam has three domains: governance, risk management, and technologies and controls.") == \
        ["governance", "risk management", "technologies and controls"]
    assert inline_items("The EU AI Act applies in stages, set out in Article 113, to providers.") == []


def test_a_members_question_is_led_by_the_sentence_listing_them_inline(embedder):
    question = "What are the four functions of the NIST AI RMF?"
    passages = [_document("rmf", "Part 2 of the NIST AI RMF contains the Core, organised into four functions. "
                                 "The NIST AI RMF is divided into two parts.", 1.0),
                _document("lead", "The voluntary NIST AI RMF organises AI risk management into four functions: Govern, "
                                  "Map, Measure and Manage. It describes characteristics of trustworthy AI.", 0.9)]
    draft = _draft(embedder, question, passages)
    assert draft.sentences[0] == ("The voluntary NIST AI RMF organises AI risk management into four functions: Govern, "
                                  "Map, Measure and Manage.", [1]), draft.sentences


def test_a_long_inline_list_of_members_is_quoted_whole(embedder):
    entries = "; ".join(f"ASI{n:02d} Agentic risk number {n} with a long descriptive name" for n in range(1, 11))
    question = "What risks are in the OWASP Top 10 for Agentic Applications?"
    passages = [_document("agentic", f"The OWASP Top 10 for Agentic Applications 2026 lists these risks: {entries}.", 1.0)]
    lead = _draft(embedder, question, passages).sentences[0][0]
    assert lead.endswith("ASI10 Agentic risk number 10 with a long descriptive name."), lead


def test_a_sentence_announcing_a_number_of_members_leads_in_one_cited_quote_with_a_sentence_on_each_in_order(embedder):
    question = "Name the risk tiers of the EU AI Act."
    passages = [_document("act", "The EU AI Act takes a risk-based approach with four broad tiers. Unacceptable-risk "
                                 "practices are prohibited outright under Article 5. High-risk AI systems must meet "
                                 "detailed requirements. Limited-risk systems carry Article 50 transparency obligations. "
                                 "Minimal-risk systems, such as spam filters, carry no new obligations. General-purpose "
                                 "AI models are regulated separately in Chapter V.", 1.0),
                _document("use", "AI governance professionals classify each AI system by risk tier under the EU AI Act.",
                          0.9)]
    draft = _draft(embedder, question, passages)
    text, citations, _ = compose_answer(draft.sentences, passages, SupportChecker(embedder.embed_passages),
                                        keep_unsupported=False)
    lead = text.split("[1]")[0]
    assert lead.startswith("The EU AI Act takes a risk-based approach with four broad tiers. Unacceptable-risk"), text
    assert [lead.find(tier) for tier in ("Unacceptable-risk", "High-risk", "Limited-risk", "Minimal-risk")] == \
        sorted(lead.find(tier) for tier in ("Unacceptable-risk", "High-risk", "Limited-risk", "Minimal-risk")), lead
    assert "General-purpose" not in lead and citations[0].source == "documents/act.md", text


def test_of_two_lists_the_one_giving_as_many_members_as_the_question_names_leads(embedder):
    question = "What are the seven characteristics of trustworthy AI in the NIST AI RMF?"
    passages = [_document("part", "What the NIST AI RMF says about characteristics of trustworthy AI covers four "
                                  "trade-offs: interpretability, privacy, accuracy and fairness.", 1.0),
                _document("rmf", "The NIST AI RMF defines seven characteristics of trustworthy AI: valid and reliable; safe; secure and resilient; "
                                 "accountable and transparent; explainable and interpretable; privacy-enhanced; and fair "
                                 "with harmful bias managed.", 0.9)]
    lead = _draft(embedder, question, passages).sentences[0][0]
    assert lead.startswith("The NIST AI RMF defines seven characteristics"), lead
