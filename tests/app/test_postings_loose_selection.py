"""How a postings question names its selection loosely (app.query), with the real vocabulary, lexicon and postings: a field
of work for its role families ("AI security"), a ranking's own postings beside a role it is compared with, a currency
alone as a condition ("roles paid in GBP")."""
from __future__ import annotations

import pytest

AI_SECURITY = {"ai-security-engineer", "ai-red-team", "mlsecops"}


@pytest.mark.parametrize("question, families", [
    ("Any contract AI security roles?", AI_SECURITY),
    ("which AI security jobs are there in Germany?", AI_SECURITY),
    ("What do AI security jobs pay?", AI_SECURITY),  # a figure of postings too
    # the field named beside its families, after "in": all of them
    ("Which fully remote UK roles are there in AI security, AI red teaming or MLSecOps?", AI_SECURITY),
    # joined to a family before the noun, the field is the family its phrasings begin
    ("Any AI security or governance roles in London?", {"ai-security-engineer", "ai-governance"}),
    ("Show me AI security engineer roles in London", {"ai-security-engineer"}),
])
def test_a_field_of_work_names_its_role_families_in_a_postings_question(parser, question, families):
    query = parser.parse(question)
    assert query.about_postings or query.intent == "salary"
    assert set(query.role_family) == families


@pytest.mark.parametrize("question", [
    "How do I get into AI security?",
    "What does an AI security team do all day?",
    "I've been an ML engineer for four years. How many months would I need to switch into AI security?",  # no postings counted
])
def test_a_question_naming_the_field_but_asking_no_postings_selects_no_family(parser, question):
    assert not AI_SECURITY & set(parser.parse(question).role_family)


def test_the_field_in_the_asker_s_setting_selects_nothing(parser):
    query = parser.parse("Junior SOC analyst hoping to grow into AI security. Which entry-level security analyst jobs are remote?")
    assert query.intent == "list" and query.role_family == ("security-analyst",)


@pytest.mark.parametrize("question, company", [
    ("Nimbrel Labs seems to be hiring a lot. Which of their openings pays the most, and how does that compare to their "
     "AI security engineer role?", "Nimbrel Labs"),
    ("Corvanta Cloud has a few roles listed. Which one has the highest salary, and how does their product security job "
     "compare to it?", "Corvanta Cloud"),
])
def test_a_ranking_compared_with_one_of_its_roles_ranks_all_the_company_s_postings(parser, question, company):
    query = parser.parse(question)
    assert (query.intent, query.sort, query.company, query.role_family, query.limit) == ("rank", "salary_max", (company,), (), None)


def test_a_ranking_of_a_role_named_in_its_own_clause_keeps_it(parser):
    query = parser.parse("Which AI security engineer role pays the most, and how does that compare to the median?")
    assert query.role_family == ("ai-security-engineer",) and query.intent == "rank"


@pytest.mark.parametrize("question, currency", [
    ("anything paying in euros?", "EUR"),
    ("roles paid in GBP", "GBP"),
    ("contract work paid in euros?", "EUR"),
    ("Anything in MLSecOps that pays in GBP?", "GBP"),
    ("Are there any jobs paying in pounds?", "GBP"),
    # the contract (not permanent) of a parenthesis still modifies the postings asked for
    ("Are there contract (not permanent) positions in AI red teaming? What do they pay?", None),
])
def test_a_currency_postings_pay_in_is_a_condition_that_lists_them(parser, question, currency):
    query = parser.parse(question)
    assert (query.intent, query.currency) == ("list", currency)


@pytest.mark.parametrize("question", ["What do MLSecOps roles pay in euros?", "What do AI governance leads earn in pounds?"])
def test_a_figure_asked_in_a_currency_stays_a_figure(parser, question):
    assert parser.parse(question).intent == "salary"
