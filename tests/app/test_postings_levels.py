"""Seniority superlatives and "are there …" lists over postings (app.query, app.jobs.engine, app.jobs.answer), with the
real vocabulary and lexicon: "the most senior role" keeps every posting at the selection's top level; "are there
contract roles…" asks for a list beside a condition only postings meet; a region beginning a term is no place."""
from __future__ import annotations

import pytest

from app.analytics.table import PostingRow
from app.filters import Filters
from app.jobs.answer import postings_answer
from app.jobs.engine import PostingsEngine
from app.query import Query


def _row(posting_id: str, level: str, family: str = "ai-red-team", posted: str = "2025-01-01") -> PostingRow:
    return PostingRow(posting_id, f"posting:{posting_id}", f"{level} engineer", family, level, "hybrid", "Berlin, Germany",
                      100_000, 120_000, "EUR", posted, (), (), (), "open", posting_id, "text",
                      {"company": "Acme", "employment_type": "full-time", "sample": True})


ENGINE_ROWS = [_row("mid", "mid"), _row("exec-old", "executive", posted="2024-01-01"), _row("exec-new", "executive"),
               _row("entry", "entry", "mlsecops"), _row("lead", "lead", "mlsecops")]


@pytest.mark.parametrize("question, sort, families", [
    ("Which is the most senior AI red team role?", "seniority", ("ai-red-team",)),
    ("What are the most junior openings in MLSecOps?", "seniority_lowest", ("mlsecops",)),
    ("What's the highest-level job in the postings?", "seniority", ()),
])
def test_a_seniority_superlative_ranks_postings_by_level_without_a_level_condition(parser, question, sort, families):
    query = parser.parse(question)
    assert (query.intent, query.sort, query.role_family, query.seniority, query.limit) == ("rank", sort, families, (), None)


@pytest.mark.parametrize("question", [
    "Who is the most senior person at OWASP?",  # about no postings
    "What does the most senior role on an AI governance team do?",  # asks what the role does, not which postings
])
def test_a_seniority_superlative_that_asks_no_postings_ranks_nothing(parser, question):
    assert parser.parse(question).intent != "rank"


def test_the_most_senior_keeps_every_posting_at_the_top_level_present():
    engine = PostingsEngine(ENGINE_ROWS)
    top = engine.select(Query("q", "rank", role_family=("ai-red-team",), sort="seniority"))
    assert [r.posting_id for r in top.rows] == ["exec-new", "exec-old"] and (top.level, top.pool, top.total) == ("executive", 3, 2)
    bottom = engine.select(Query("q", "rank", role_family=("mlsecops",), sort="seniority_lowest"))
    assert [r.posting_id for r in bottom.rows] == ["entry"] and bottom.level == "entry"
    answer = postings_answer(Query("q", "rank", role_family=("ai-red-team",), sort="seniority"), engine, Filters(), "q")
    lead = answer.text.splitlines()[0]
    assert "most senior" in lead and "2 at executive level" in lead and "of the 3 ai red team postings".lower() in lead.lower()
    assert "fictional" in answer.text


@pytest.mark.parametrize("question, condition", [
    ("Are there contract roles for ML engineers?", "employment_type"),
    ("Are there remote jobs in the UK?", "remote"),
    ("Is there a part-time AI governance job?", "employment_type"),
    ("Freelance only — are there contract gigs for ML engineers or SOC analysts, and what's the rate?", "employment_type"),
])
def test_are_there_before_a_posting_noun_and_a_postings_condition_lists(parser, question, condition):
    query = parser.parse(question)
    assert query.intent == "list" and getattr(query, condition)


@pytest.mark.parametrize("question", [
    "Are there AI red team jobs?",  # a role family alone: documents speak of kinds of work too
    "Is there a demand for AI security roles in Europe?",  # "a demand for": no list of postings
    "Are there certifications for AI red teaming?",
])
def test_are_there_without_a_postings_condition_lists_nothing(parser, question):
    assert parser.parse(question).intent != "list"


def test_a_region_beginning_a_term_after_in_is_no_place(parser):
    assert parser.parse("Are there any reductions in fines for small companies in the EU AI Act?").place is None
    assert parser.parse("Are there any AI governance jobs in the EU?").place == "the EU"


@pytest.mark.parametrize("question", [
    "Which company has the most postings?",
    "Who is hiring the most in the sample postings?",
    "Which employer posts the most jobs?",
])
def test_which_company_has_the_most_postings_ranks_companies_not_a_list(parser, question):
    query = parser.parse(question)
    assert query.intent == "explain" and query.cues.list_field == "company" and "top" in query.cues


def test_two_places_of_one_length_read_the_same_in_every_process(parser):
    assert parser.places == sorted(parser.places, key=lambda name: (-len(name), name))
    query = parser.parse("Is pay higher for product security engineers in London or in Berlin?")  # both, each a group
    assert query.place == "London or Berlin" and [name for name, _ in query.places] == ["London", "Berlin"]
