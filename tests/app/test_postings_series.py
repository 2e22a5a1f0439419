"""Questions that name postings in the shorthand of a job search (app.query, app.analytics.entities), with the real
vocabulary and lexicon: a series of role families ("AI security, MLSecOps or AI red team jobs"), a field's name in it
("security or AI governance"), a question that is only a selection ("… jobs in Berlin?"), "what's listed", "perm",
and "how do they compare" of the postings a question lists; and the answers over a real index."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, families", [
    ("Are there any junior or entry level AI security, MLSecOps or AI red team jobs that are fully remote?",
     {"ai-security-engineer", "mlsecops", "ai-red-team"}),
    ("AI security, AI red team or MLSecOps roles in London or Edinburgh?", {"ai-security-engineer", "ai-red-team", "mlsecops"}),
    ("junior AI security, AI red team or product security jobs in Charlotte?",
     {"ai-security-engineer", "ai-red-team", "product-security"}),
])
def test_a_series_of_role_families_before_one_role_noun_selects_each(parser, question, families):
    assert set(parser.parse(question).role_family) == families


def test_a_field_joined_to_a_role_family_names_its_families(parser):
    security = {"ai-security-engineer", "mlsecops", "ai-red-team", "product-security", "security-leadership", "security-analyst"}
    assert set(parser.parse("security or AI governance roles in Berlin?").role_family) == security | {"ai-governance"}
    query = parser.parse("anything in Munich? security or AI governance, I'm relocating there")  # the series is a clause
    assert set(query.role_family) == security | {"ai-governance"} and query.place == "Munich" and query.intent == "list"


@pytest.mark.parametrize("question", [
    "Is it better to study security or AI governance?",  # no role noun, and the series is no clause of its own
    "Which AI security jobs are remote?",  # a field's name alone names no family
])
def test_a_field_outside_a_series_names_no_family(parser, question):
    assert "security-analyst" not in parser.parse(question).role_family


@pytest.mark.parametrize("question, intent", [
    ("AI governance or product security jobs in Berlin?", "list"),  # only a selection: a list
    ("MLSecOps roles?", "list"),
    ("AI security roles for career changers?", "explain"),  # a topic beside the selection
    ("What do AI security or AI red team jobs in London pay?", "salary"),
    ("contract product security work - what's listed?", "list"),
    ("What's listed for SOC analysts in Dublin?", "list"),
    ("What's there in Cologne for AI governance people?", "list"),
    ("is there any contract MLSecOps work in the listings? what's the pay range?", "list"),
    ("What does MLSecOps work look like day to day?", "explain"),  # work as a kind of work, no condition
    ("Which postings want an ISO 42001 lead auditor qualification, and how do they compare on pay?", "list"),
    ("compare MLSecOps and AI red team pay", "compare"),  # the families compared, not postings listed
])
def test_the_shorthand_of_a_job_search_lists_postings(parser, question, intent):
    assert parser.parse(question).intent == intent


def test_not_a_perm_job_is_contract_work(parser):
    query = parser.parse("looking for contract work (not a perm job) in AI security engineering or AI red teaming. what's listed?")
    assert query.intent == "list" and query.employment_type == ("contract",)
    assert set(query.role_family) == {"ai-security-engineer", "ai-red-team"}


def test_a_series_of_families_in_two_places_lists_each_posting(assistant):
    answer = assistant.ask("MLSecOps, AI governance or AI red team roles in Berlin or Austin?")
    assert answer.route == "postings" and sorted(r["posting_id"] for r in answer.rows) == ["ac-003", "ac-008"]


def test_a_field_in_a_clause_after_a_place_lists_the_place_s_postings(assistant):
    answer = assistant.ask("anything in Berlin? security or AI governance, I'm moving there")
    assert answer.route == "postings" and not answer.abstained and [r["posting_id"] for r in answer.rows] == ["ac-003"]


def test_the_last_clause_of_a_question_is_split_off_after_a_comma_and_a_conjunction():
    from pathlib import Path

    from app.query import last_clause
    from app.lexicon import load_lexicon

    lexicon = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
    assert last_clause("Which AI red team jobs are contracts, and what does PyRIT stand for?", lexicon) == \
        ("Which AI red team jobs are contracts?", "what does PyRIT stand for?")
    assert last_clause("Which AI red team jobs are contracts and remote?", lexicon) is None


def test_a_clause_asking_the_documents_is_answered_after_the_list(assistant):
    answer = assistant.ask("Which MLSecOps jobs are in Berlin, and which tool do teams use to sign model artefacts?")
    assert answer.route == "postings" and [r["posting_id"] for r in answer.rows] == ["ac-003"]
    listed, told = answer.text.split("\n\n", 1)
    assert "Sigstore" in told and "Sigstore" not in listed
    assert {c.kind for c in answer.citations} == {"posting", "document"}


def test_a_clause_pointing_back_at_the_list_is_no_question_for_the_documents(assistant):
    answer = assistant.ask("Which MLSecOps jobs are in Berlin, and what do they pay?")
    assert answer.route == "postings" and "\n\n" not in answer.text.split("These are")[0]
