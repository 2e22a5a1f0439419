"""Conditions a question sets on postings beside its superlative or list (app.query, app.jobs.engine), with the real
vocabulary and lexicon: a currency named ("paid in euros"), an employment type said to be included, a list asked after
a dash, a region written as an acronym before a posting noun ("UK jobs")."""
from __future__ import annotations

import pytest

from app.analytics.table import PostingRow
from app.jobs.answer import postings_answer
from app.jobs.engine import PostingsEngine
from app.filters import Filters
from app.query import Query


def _row(posting_id: str, pay: int, currency: str, employment: str = "full-time") -> PostingRow:
    return PostingRow(posting_id, f"posting:{posting_id}", "Engineer", "mlsecops", "senior", "hybrid", "Berlin, Germany",
                      pay - 20_000, pay, currency, "2025-01-01", (), (), (), "open", posting_id, "text",
                      {"company": "Acme", "employment_type": employment, "sample": True})


@pytest.mark.parametrize("question, currency, sort", [
    ("Out of all the postings paid in euros, contracts included, which one has the highest salary?", "EUR", "salary_max"),
    ("Among the jobs paid in pounds, which has the lowest salary?", "GBP", "salary_max_lowest"),
    ("Which GBP posting pays the most?", "GBP", "salary_max"),
])
def test_a_currency_with_a_superlative_ranks_postings_in_it(parser, question, currency, sort):
    query = parser.parse(question)
    assert (query.intent, query.currency, query.sort) == ("rank", currency, sort)
    assert query.employment_type == ()  # "contracts included" sets no condition


def test_an_employment_type_named_as_a_condition_still_selects(parser):
    assert parser.parse("Which contract postings pay the most?").employment_type == ("contract",)


def test_a_currency_condition_selects_postings_in_it_and_the_lead_says_so():
    engine = PostingsEngine([_row("usd", 250_000, "USD"), _row("eur-top", 230_000, "EUR", "contract"), _row("eur", 120_000, "EUR")])
    listed = engine.select(Query("q", "list", currency="EUR"))
    assert {r.posting_id for r in listed.rows} == {"eur-top", "eur"} and listed.total == 2
    answer = postings_answer(Query("q", "rank", currency="EUR", sort="salary_max", limit=1), engine, Filters(), "q")
    assert [r["posting_id"] for r in answer.rows] == ["eur-top"]
    assert "paid in EUR" in answer.text and "fictional" in answer.text and "not compared" not in answer.text


@pytest.mark.parametrize("question", [
    "I only want contract work - any contract gigs for AI security engineers or MLSecOps, and what's the rate range?",
    "I can only do part-time - any part-time AI governance or security leadership jobs, and what's the pay range?",
])
def test_a_list_asked_after_a_dash_lists_postings(parser, question):
    query = parser.parse(question)
    assert query.intent == "list" and len(query.role_family) == 2 and query.employment_type


@pytest.mark.parametrize("question, place", [
    ("Which UK job has the lowest top of range?", "the UK"),
    ("List the UK MLSecOps jobs.", "the UK"),
    ("Which UK-based jobs pay the most?", "the UK"),
    ("Any EU AI Act jobs?", None),  # the acronym begins a term
    ("Which jobs mention the EU AI Act?", None),  # an acronym before no posting noun is no place
    ("Can you help us find remote jobs?", None),  # "us" in lower case is the asker
])
def test_a_region_acronym_before_a_posting_noun_is_a_place(parser, question, place):
    assert parser.parse(question).place == place


@pytest.mark.parametrize("question, families, skills", [
    ("Any contract roles for product security or AI red teaming? What do they pay?", ("product-security", "ai-red-team"), ()),
    ("Which postings ask for Python or red teaming?", (), ("python", "red-teaming")),
])
def test_a_role_or_skill_term_joined_to_another_term_takes_its_field(parser, question, families, skills):
    query = parser.parse(question)
    assert query.role_family == families and query.skills == skills
