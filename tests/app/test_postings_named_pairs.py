"""Postings questions of session 19 (app.query, app.jobs.engine, app.jobs.answer), with the real vocabulary and lexicon:
the place the asking sentence names over the asker's home, a list of roles beside the best-paid of them, two roles named
each by its place compared, a condition postings state only in their text, postings asked for in a place none is in."""
from __future__ import annotations

import pytest

from app.analytics.table import PostingRow
from app.filters import Filters
from app.jobs.answer import postings_answer
from app.jobs.engine import PostingsEngine


def _row(posting_id: str, location: str, pay: int, body: str = "text", seniority: str = "executive") -> PostingRow:
    return PostingRow(posting_id, f"posting:{posting_id}", "Engineer", "mlsecops", seniority, "onsite", location,
                      pay - 50_000, pay, "USD", "2025-01-01", (), (), (), "open", posting_id, "text",
                      {"company": f"Company {posting_id}", "employment_type": "full-time", "sample": True}, "full-time", body)


@pytest.mark.parametrize("question, place", [
    ("I live up in Scotland and don't want to commute anywhere. Which of the listings let you work fully remote from the "
     "UK, and which one tops out highest?", "the UK"),
    ("I'm based in Manchester but I'm done with commuting. Which listings are fully remote from the UK?", "the UK"),
    ("Relocating to Dublin next year. What security jobs are listed there?", "Dublin"),
])
def test_the_asked_place_is_the_filter_not_the_askers_home(parser, question, place):
    query = parser.parse(question)
    assert query.place == place


@pytest.mark.parametrize("question", [
    "I want something I can do alongside my own consultancy, so not full time. What part-time roles are listed and which "
    "one has the best upper pay?",
    "Not after anything full time. What part-time jobs are there, and which pays best at the top of its range?",
])
def test_a_list_of_roles_and_the_best_paid_of_them_ranks_them_all(parser, question):
    query = parser.parse(question)
    assert (query.intent, query.sort, query.limit, query.employment_type) == ("rank", "salary_max", None, ("part-time",))


def test_two_roles_named_by_their_places_are_both_selected_and_ranked(parser):
    query = parser.parse("Two exec roles caught my eye: the VP of AI Security in Dallas and the Head of MLSecOps in "
                         "New York. Which one pays more at the top end?")
    assert (query.intent, query.sort, query.limit) == ("rank", "salary_max", None)
    assert [part.place for part in query.either] == ["Dallas", "New York"]
    rows = [_row("a", "Dallas, TX, USA", 410_000), _row("b", "New York, NY, USA", 385_000), _row("c", "Boston, MA, USA", 500_000)]
    answer = postings_answer(query, PostingsEngine(rows), Filters(), query.text)
    assert [r["posting_id"] for r in answer.rows] == ["a", "b"]  # best-paid first, the unnamed one left out


def test_the_one_in_another_place_is_the_same_kind_of_role(parser):
    query = parser.parse("Between the AI governance lead role in Cologne and the one in Amsterdam, which tops out higher?")
    assert [(part.place, part.role_family, part.seniority) for part in query.either] == [
        ("Cologne", ("ai-governance",), ("lead",)), ("Amsterdam", ("ai-governance",), ("lead",))]


def test_a_condition_only_the_text_states_selects_the_postings_stating_it(parser):
    query = parser.parse("Which postings require a security clearance?")
    assert (query.intent, query.mentions) == ("list", ("security clearance",))
    rows = [_row("a", "Arlington, VA, USA", 200_000, "Requirements: an active secret clearance."), _row("b", "Austin, TX, USA", 200_000)]
    answer = postings_answer(query, PostingsEngine(rows), Filters(), query.text)
    assert [r["posting_id"] for r in answer.rows] == ["a"]


def test_a_condition_no_posting_states_is_refused_naming_it(parser):
    query = parser.parse("I'm on an H-1B and would need a transfer. Which of the job postings say they sponsor visas?")
    assert query.mentions == ("visa sponsorship",)
    answer = postings_answer(query, PostingsEngine([_row("a", "Austin, TX, USA", 200_000)]), Filters(), query.text)
    assert answer.abstained and "mentions “visa sponsorship”" in answer.text


def test_the_askers_reasons_set_no_condition(parser):
    query = parser.parse("Any AI red teaming openings inside the EU? Not the UK, I'd need an EU-based employer for visa reasons.")
    assert query.mentions == () and query.intent == "list"


@pytest.mark.parametrize("question", [
    "Are there any AI governance postings in Toronto, and what do they pay?",
    "Are there any AI red team postings based in Singapore or Japan, and what do they pay?",
])
def test_whether_postings_exist_in_a_place_none_is_in_lists_them(parser, question):
    assert parser.parse(question).intent == "list"  # as in a place postings are: the list says none is there


def test_a_salary_in_a_place_none_is_in_stays_a_figure(parser):
    assert parser.parse("What do AI security engineers typically earn in Toronto?").intent == "salary"
