"""Postings questions of session 12 (app.analytics.entities, app.query, app.jobs, app.analytics, app.extractive), with
the real vocabulary and lexicon: a negated employment type or remote status excludes it; comparing postings under a
condition only postings meet, with a list cue, lists them; pay compared between two places is a figure per place, each
in its own currency; a detail of one posting matches the bold heading above its sentences; outside a question about
postings a document's answering sentence leads."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from app.analytics.answer import render
from app.analytics.compute import compute, select
from app.analytics.plan import Condition, plan_question
from app.analytics.table import PostingRow
from app.extractive import draft_extractive, section_labels
from app.filters import Filters
from app.jobs.answer import postings_answer
from app.jobs.engine import PostingsEngine
from app.query import Query
from app.types import Passage


def _row(posting_id: str, employment: str, location: str = "Remote (US)", pay: int = 120_000, currency: str = "USD",
         family: str = "security-leadership") -> PostingRow:
    return PostingRow(posting_id, f"posting:{posting_id}", "Engineer", family, "senior", "remote", location,
                      pay - 20_000, pay, currency, "2025-01-01", (), (), (), "open", posting_id, "text",
                      {"company": "Acme", "employment_type": employment, "sample": True}, employment)


@pytest.mark.parametrize("question, kinds", [
    ("I'm after contract CISO work rather than a permanent seat. Anything like that in the postings?", ("contract",)),
    ("Are there any MLSecOps roles that aren't full-time?", ("contract", "part-time")),
    ("Show me product security jobs other than full-time ones.", ("contract", "part-time")),
    ("I don't want contract work. Any permanent AI red team jobs in London?", ("full-time",)),
    ("Compare the contract (not full-time) roles in AI security engineering and AI red teaming", ("contract",)),
    ("Fractional CISO work rather than a fixed-term contract - which part-time leadership postings are there?", ("part-time",)),
])
def test_a_negated_employment_type_is_excluded(parser, question, kinds):
    assert set(parser.parse(question).employment_type) == set(kinds)


def test_a_negated_remote_status_leaves_the_others_and_a_comma_negates_nothing(parser):
    assert set(parser.parse("Which MLSecOps jobs are not remote?").remote) == {"onsite", "hybrid"}
    assert parser.parse("No, remote ones").remote == ("remote",)


def test_not_full_time_selects_contracts_and_part_time_work_and_says_so():
    engine = PostingsEngine([_row("ft", "full-time"), _row("c", "contract"), _row("pt", "part-time")])
    query = Query("q", "list", role_family=("security-leadership",), employment_type=("contract", "part-time"))
    answer = postings_answer(query, engine, Filters(), "q")
    assert {r["posting_id"] for r in answer.rows} == {"c", "pt"}
    assert "contract or part-time security leadership postings" in answer.text
    rows = [_row("ft", "full-time"), _row("c", "contract"), _row("pt", "part-time")]  # counted: alternatives too
    kinds = (Condition("employment_type", "contract"), Condition("employment_type", "part-time"))
    assert {r.posting_id for r in select(rows, kinds)} == {"c", "pt"}


def test_comparing_postings_under_a_postings_only_condition_with_a_list_cue_lists_them(parser):
    query = parser.parse("Compare the contract (not full-time) roles in AI security engineering and AI red teaming - "
                         "who's hiring and which pays more?")
    assert query.intent == "list" and set(query.role_family) == {"ai-security-engineer", "ai-red-team"}
    assert parser.parse("Compare AI red team and MLSecOps salaries").intent == "compare"


@pytest.mark.parametrize("question", [
    "Do AI red team jobs pay more in London or Berlin?",
    "Is pay higher for AI red team engineers in London or in Berlin?",
    "How does AI red team pay in London compare with Berlin?",
])
def test_pay_between_two_places_is_a_figure_per_place_each_in_its_own_currency(parser, question):
    query = parser.parse(question)
    assert [name for name, _ in query.places] == ["London", "Berlin"]
    plan = plan_question(query)
    assert plan.metric == "salary" and plan.group_field == "location" and plan.groups == ("London", "Berlin")
    rows = [_row("lon", "full-time", "London, UK", 94_000, "GBP", "ai-red-team"),
            _row("ber", "full-time", "Berlin, Germany", 115_000, "EUR", "ai-red-team"),
            _row("nyc", "full-time", "New York, NY, USA", 200_000, "USD", "ai-red-team")]
    here = Condition("location", query.place, query.place_spellings)
    computation = compute(replace(plan, where=(*plan.where, here)), rows)
    text = render(question, computation, Filters()).text
    assert "London 84,000 GBP" in text and "Berlin 105,000 EUR" in text and "200,000" not in text
    assert "Pay in GBP and EUR is not compared" in text and "Highest" not in text


def test_a_sentence_under_a_bold_heading_carries_the_heading():
    text = ("We're engaging senior contractors for the next twelve months.\n\n**Engagement terms**\n"
            "- 12-month contract, 32–40 hours per week, fully remote in the US.\n\n**What you'll do**\n- Lead two- to four-week red teaming engagements.")
    labels = section_labels(text)
    assert labels["12-month contract, 32–40 hours per week, fully remote in the US."] == "Engagement terms"
    assert labels["Lead two- to four-week red teaming engagements."] == "What you'll do"
    assert "We're engaging senior contractors for the next twelve months." not in labels


def test_outside_a_question_about_postings_a_documents_answering_sentence_leads():
    posting = Passage("p", "An automated red teaming platform that combines Garak probes and PyRIT orchestrators on AWS.",
                      {"kind": "posting", "doc_id": "posting:x"}, 0.9)
    document = Passage("d", "Common open-source tools include Microsoft's PyRIT (Python Risk Identification Tool), released "
                       "in February 2024.", {"kind": "document", "doc_id": "doc:y"}, 0.5)

    def embed(texts):
        vectors = np.array([[1.0, 0.2] if "platform" in t else [0.9, 0.3] for t in texts])
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    question = "PyRIT keeps coming up in red team job ads. What is it and who makes it?"
    draft = draft_extractive(question, embed([question])[0], [posting, document], embed, 3,
                             answers=lambda sentence, index: "PyRIT" in sentence)
    assert draft.sentences[0][0].startswith("Common open-source tools include Microsoft's PyRIT")
    led = draft_extractive(question, embed([question])[0], [posting, document], embed, 3,
                           answers=lambda sentence, index: "PyRIT" in sentence, postings_lead=True)
    assert led.sentences[0][0].startswith("An automated red teaming platform")
