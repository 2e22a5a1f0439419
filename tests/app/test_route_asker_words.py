"""Which route a question in the asker's own words takes (app.query, the lexicon's figure cues), with the real vocabulary
and lexicon: employers asked for by a term their postings require are those postings; terms before a posting noun count
as one modifier each; "anything else?" about a company the conversation named lists its postings; "or something else?"
offers an answer and asks for no postings; how a thing needs to change, or what figures a source gave, asks the
documents; "worth hiring" names the activity."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, field, value", [
    ("just passed the AIGP 🎉 which employers are asking for it?", "certifications", "IAPP AIGP"),
    ("which companies still want the OSWE?", "certifications", "OSWE"),
    ("Got PyTorch on my CV. What firms are looking for it?", "skills", "pytorch"),
])
def test_employers_asking_for_a_term_are_the_postings_asking_for_it(parser, question, field, value):
    query = parser.parse(question)
    assert query.intent == "list" and value in getattr(query, field)


def test_employers_of_no_term_are_no_list(parser):
    assert parser.parse("Which companies want to hire AI security people?").intent != "list"


def test_terms_before_a_posting_noun_count_as_one_modifier_each(parser):
    query = parser.parse("new grad, I already passed Security+. Which entry-level AI red team or AI security engineering "
                         "openings specifically want that cert?")
    assert query.intent == "list" and query.seniority == ("entry",) and query.certifications == ("Security+",)
    assert parser.parse("Which senior or lead MLSecOps or AI security engineering positions want the CKS?").intent == "list"


def test_anything_else_at_the_company_lists_its_postings(parser):
    earlier = parser.parse("What does Tessellane Bank's senior AI risk specialist opening pay?")
    query = parser.parse("are they hiring for anything else on the security side?", earlier)
    assert query.intent == "list" and query.constraints() == {"company": ["Tessellane Bank"]}


def test_or_something_else_offers_an_answer_and_asks_for_no_postings(parser):
    query = parser.parse("What does an AI governance lead actually do week to week? Is it a hands-on job configuring "
                         "controls, or something else?")
    assert query.intent == "explain"


@pytest.mark.parametrize("question, cue", [
    ("I do appsec at a fintech and we're about to ship a chat assistant that can call some internal tools. How does my "
     "threat model need to change compared with a normal web feature?", "passage"),
    ("that 2024-2025 job market report says something about AWS vs Azure in AI engineer job ads. what percentages did "
     "it give for each?", "source_view"),
])
def test_how_a_thing_must_change_and_a_sources_figures_ask_the_documents(parser, question, cue):
    assert cue in parser.parse(question).cues


def test_worth_hiring_names_the_activity(parser):
    assert parser.parse("When is it worth hiring a vCISO rather than a permanent security head?").intent == "explain"


def test_when_a_thing_is_worth_doing_asks_the_documents(parser):
    assert "passage" in parser.parse("When is it worth hiring a vCISO rather than a permanent security head?").cues
