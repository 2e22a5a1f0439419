"""Constraints a loosely worded postings question sets (app.query), with the real vocabulary, lexicon and postings: a level
with "-ish", family phrasings joined by "/", the alternative the asker fears, a place or remote work from another, a
certification described by its standard."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, levels", [
    ("any senior-ish AI governance roles in Germany?", ("senior", "lead", "executive")),
    ("junior-ish AI security engineer jobs in London?", ("entry", "mid")),
])
def test_a_level_with_ish_is_that_level_and_its_neighbours_towards_the_middle(parser, question, levels):
    query = parser.parse(question)
    assert query.intent == "list" and query.seniority == levels


def test_family_phrasings_joined_by_a_slash_name_the_family_and_ask_for_no_skill(parser):
    query = parser.parse("remote-friendly ML pipeline / ML platform security roles at a senior level - what's out there?")
    assert (query.role_family, query.skills, query.remote, query.seniority) == (("mlsecops",), (), ("remote",), ("senior",))


@pytest.mark.parametrize("question", [
    "are there any junior AI red team roles or is it all senior people?",
    "Is anyone hiring junior AI red teamers, or are they all senior roles?",
])
def test_the_alternative_the_asker_fears_sets_no_condition(parser, question):
    assert parser.parse(question).seniority == ("entry",)


@pytest.mark.parametrize("question, near, remote", [
    ("who's hiring red team people for AI in London? remote from the UK would be fine too", "London", "the UK"),
    ("AI security engineer roles in Munich, or remote from the UK?", "Munich", "the UK"),
    ("product security jobs in Berlin? remote from the US is fine too", "Berlin", "the US"),  # "US" is no "us"
])
def test_a_place_or_remote_work_from_another_selects_either(parser, question, near, remote):
    query = parser.parse(question)
    assert query.intent == "list" and not query.remote
    assert [(part.place, part.remote) for part in query.either] == [(near, ()), (remote, ("remote",))]


def test_remote_work_from_a_place_beside_the_asker_s_home_is_no_alternative(parser):
    query = parser.parse("I'm based in Manchester but I'm done with commuting. Which listings are fully remote from the UK?")
    assert (query.place, query.remote, query.either) == ("the UK", ("remote",), ())


def test_a_word_of_a_described_certification_is_no_level(parser):
    query = parser.parse("I'm halfway through a lead auditor course for the ISO AI management standard. Do any of the "
                         "postings actually ask for that qualification, and what do they pay?")
    assert (query.certifications, query.seniority) == (("ISO/IEC 42001 Lead Auditor",), ())


@pytest.mark.parametrize("question, skills", [
    ("new grad, did my thesis on ML pipelines. are there any junior mlsecops jobs?", ()),
    ("I know Terraform really well. Which MLSecOps jobs want it?", ("terraform",)),  # the asking part points back
])
def test_a_skill_only_the_asker_s_setting_names_is_no_condition(parser, question, skills):
    query = parser.parse(question)
    assert query.intent == "list" and query.skills == skills
