"""Job-search questions (app.query, app.jobs) with the real vocabulary and lexicon: a region is a group of countries
and a negation drops a place ("in Europe but not the UK", "outside the US"); a field asked of the postings listed is
given for each ("…, which certs do they want?"); a list and a superlative in one question list all, ranked; "which one
has the highest top-end pay?" ranks postings; and the answers over a real index."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, place, excluded", [
    ("Any AI red teaming openings inside the EU? Not the UK, I'd need an EU-based employer.", "the EU", "the UK"),
    ("AI security engineer jobs in Europe but not the UK?", "Europe", "the UK"),
    ("Show me ML engineer jobs in Europe, excluding Germany.", "Europe", "Germany"),
    ("Which remote jobs are outside the US?", None, "the US"),
    ("anything in the DACH region for AI governance people?", "DACH", None),
    ("Which AI red team roles can be done remotely from the UK?", "the UK", None),
])
def test_a_region_is_a_place_and_a_negation_excludes_one(parser, question, place, excluded):
    query = parser.parse(question)
    assert (query.place, query.not_place, query.intent) == (place, excluded, "list")


def test_the_dach_region_is_its_countries(parser):
    assert parser.parse("anything in the DACH region for AI governance people?").place_spellings == ("germany", "austria", "switzerland")


@pytest.mark.parametrize("question, sort, limit", [
    ("Of the fully remote US MLSecOps roles, which one has the highest top-end pay? contract is fine", "salary_max", 1),
    ("Of the onsite security analyst jobs, which one has the lowest top-end pay?", "salary_max_lowest", 1),
    ("What is Nimbrel Labs hiring for right now, and which of their roles pays the most?", "salary_max", None),
    ("What roles does Halcyra Biotech have open, and which one pays the most?", "salary_max", None),
    ("Which AI red team job pays the most, and what does it require?", "salary_max", 1),  # the ranking is the list
])
def test_a_superlative_ranks_postings_and_a_list_beside_it_ranks_them_all(parser, question, sort, limit):
    query = parser.parse(question)
    assert (query.intent, query.sort, query.limit) == ("rank", sort, limit)


def test_an_employment_type_said_to_be_fine_is_no_condition(parser):
    assert parser.parse("Which remote MLSecOps roles pay best? contract is fine").employment_type == ()


def test_the_median_is_a_figure_not_a_posting(parser):
    assert parser.parse("What's the median top-end pay for security analyst roles?").intent == "salary"


def test_postings_in_a_region_but_not_a_country_are_listed(assistant):
    answer = assistant.ask("MLSecOps jobs in Europe but not the UK?")
    assert answer.route == "postings" and [r["posting_id"] for r in answer.rows] == ["ac-003"]
    assert "located in Europe and not the UK" in answer.text


def test_postings_outside_a_country_are_listed(assistant):
    answer = assistant.ask("Which jobs are outside the US?")
    assert sorted(r["posting_id"] for r in answer.rows) == ["ac-003", "ac-004", "ac-007", "ac-009"]


def test_a_field_asked_of_the_listed_postings_is_given_for_each(assistant):
    answer = assistant.ask("Any MLSecOps roles in the postings? which clouds do they use?")
    assert answer.route == "postings"
    lines = [line for line in answer.text.splitlines() if line[:1].isdigit()]
    assert len(lines) == 4 and all("; clouds: " in line for line in lines)
    assert any("Harbor Labs" in line and "clouds: AWS" in line for line in lines)
    assert any("Ostrava Compute" in line and "clouds: none stated" in line for line in lines)


def test_a_list_and_its_superlative_list_every_posting_best_paid_first(assistant):
    answer = assistant.ask("What MLSecOps jobs are there, and which one pays the most?")
    assert answer.route == "postings" and [r["posting_id"] for r in answer.rows][0] == "ac-002"
    assert len(answer.rows) > 1 and answer.text.startswith("All ")


def test_a_field_noun_naming_a_term_asked_for_adds_nothing_to_each_posting(assistant):
    answer = assistant.ask("Which jobs list AWS as a cloud requirement?")
    assert answer.route == "postings" and answer.rows and "; clouds:" not in answer.text
