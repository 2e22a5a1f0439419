"""Questions that select postings in words other than a list cue (app.query, app.analytics.entities), with the real
vocabulary and lexicon: who advertises them, "X or AI Y" role families, a search-box selection before a dash with a
field asked after it, and a list beside a superlative joined by "and" alone."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, families, employment", [
    ("I'd like to go fractional. Which companies are advertising part-time CISO gigs?", ("security-leadership",), ("part-time",)),
    ("Who's advertising contract MLSecOps roles?", ("mlsecops",), ("contract",)),
])
def test_who_advertises_postings_lists_them(parser, question, families, employment):
    query = parser.parse(question)
    assert (query.intent, query.role_family, query.employment_type) == ("list", families, employment)


@pytest.mark.parametrize("question", ["What does the EU AI Act say about advertising?", "Is AI used in advertising jobs risky?"])
def test_advertising_as_an_activity_asks_for_no_postings(parser, question):
    assert parser.parse(question).intent == "explain"


@pytest.mark.parametrize("question, families", [
    ("Are there any hands-on AI security or AI red teaming jobs based in Germany?", ("ai-security-engineer", "ai-red-team")),
    ("Show me contract AI security or AI red teaming roles", ("ai-security-engineer", "ai-red-team")),
])
def test_a_modifier_before_the_second_role_family_keeps_the_first(parser, question, families):
    assert set(parser.parse(question).role_family) == set(families)


@pytest.mark.parametrize("question, intent", [
    ("MLSecOps roles in the UK - which clouds do they use?", "list"),
    ("AI governance roles in Germany - what certifications do they require?", "list"),
    ("AI governance roles - what skills do they need?", "explain"),  # no condition only postings meet
])
def test_a_field_asked_of_a_selection_before_a_dash_lists_it(parser, question, intent):
    assert parser.parse(question).intent == intent


@pytest.mark.parametrize("question, sort", [
    ("List Oxbury Legal Cloud's openings and tell me which one is the most recent.", "posted"),
    ("Show me Umbervale Mobility's jobs and tell me which one pays best.", "salary_max"),
])
def test_a_list_beside_a_superlative_joined_by_and_lists_every_posting_ranked(parser, question, sort):
    query = parser.parse(question)
    assert (query.sort, query.limit, query.company != ()) == (sort, None, True)


def test_a_field_asked_after_a_dash_is_shown_for_each_listed_posting(assistant):
    answer = assistant.ask("MLSecOps roles in the UK - which clouds do they use?")
    assert answer.route == "postings" and [r["posting_id"] for r in answer.rows] == ["ac-004"]
    assert "clouds: azure" in answer.text.lower() and answer.text.splitlines()[-1].startswith("These are")  # what the postings are


def test_who_advertises_a_kind_of_posting_is_answered_by_the_postings(assistant):
    answer = assistant.ask("Which companies are advertising full-time AI red team gigs?")
    assert answer.route == "postings" and sorted(r["posting_id"] for r in answer.rows) == ["ac-008", "ac-009", "ac-010"]
    assert answer.text.splitlines()[-1].startswith("These are")  # says what the postings are (samples or real)
