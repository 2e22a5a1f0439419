"""Leading with the answer to what was asked: the first of two asks leads (or the sentence giving both), a length
of time up to now is answered by its start date, a lead sharing the question's topic beats one about something
else. Pure reads of the shipped lexicon, then answers over a real index (the ask corpus plus one document)."""
from __future__ import annotations

from pathlib import Path

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.answer_type import answer_need, asked_types, holds_answer, says_not_happened
from app.lexicon import load_lexicon

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")


@pytest.mark.parametrize("question, first", [
    ("When did NIST put out the generative AI profile and how many risks does it list?", "date"),
    ("How many risks does the profile list, and when did NIST put it out?", "count"),
    ("What is the exam code for CompTIA's AI security cert and when did it come out?", "identifier"),
    ("How many dollars does the exam cost?", "amount"),  # two phrases at one word: the lexicon's order
])
def test_the_type_asked_first_comes_first(question, first):
    assert next(iter(asked_types(question, LEXICON))) == first


def test_fines_for_a_practice_ask_an_amount():
    question = "Our legal team keeps saying the fines for banned AI practices in the EU are huge. What's the actual maximum?"
    assert "amount" in asked_types(question, LEXICON, "What's the actual maximum?")


@pytest.mark.parametrize("question", [
    "How long has Microsoft had a dedicated AI red team?",
    "How long has the Microsoft AI red team existed?",
])
def test_a_length_of_time_up_to_now_is_given_by_its_start(question):
    need = answer_need(question, LEXICON, ["Microsoft"], "duration")
    assert need.since
    assert holds_answer("Microsoft's AI Red Team, established in 2018, published a paper.", need, LEXICON)


def test_a_length_of_time_not_up_to_now_is_not_given_by_a_date():
    need = answer_need("How long does the Microsoft exam take?", LEXICON, ["Microsoft"], "duration")
    assert not need.since
    assert not holds_answer("Microsoft's exam was introduced in 2018.", need, LEXICON)


PROFILE = ("NIST released the Generative Artificial Intelligence Profile, NIST AI 600-1, on 26 July 2024. The profile "
           "remains published by NIST and had not been revised as of 6 December 2026.")


def test_a_clause_about_another_event_does_not_undo_the_sentence_closer_to_the_topic():
    need = answer_need("When did NIST put out its generative AI profile?", LEXICON, ["NIST"], "date")
    answering = PROFILE.split(". ")[0] + "."
    assert not says_not_happened(PROFILE, need, LEXICON, answering=answering)
    assert says_not_happened(PROFILE, need, LEXICON, answering="NIST said so in 2024.")  # no closer: the clause counts


GUIDE = """---
title: Quillmark credentials and catalogues
sources:
  - {title: "Quillmark Institute", url: "https://example.org/quillmark", checked: 2026-11-01}
---

## The Zephyr threat catalogue

The Zephyr threat catalogue identifies 9 threats of agentic systems.
The Quillmark Institute published the Zephyr threat catalogue on 3 March 2025.

## The Quillmark Certified Defender

Quillmark credentials are young: the Quillmark Certified Defender appeared in 2024 and the Quillmark Agent Tester in 2026.
The Quillmark Certified Defender (exam QD0-101) launched on 5 May 2024 as the institute's first credential.

## Zephyr identifiers

Zephyr identifiers are written ZT-01 to ZT-09, and the catalogue was revised in 2026.
Threat ZT-04 is called Memory Poisoning in the current catalogue, after being named Recall Tampering before.

## The Harbour catalogue

The Harbour catalogue was revised in 2026 with 12 risks in all.
Quillmark published the Harbour catalogue on 4 April 2024.

## The Quillmark Institute

The Quillmark Institute, established in 2019, trains defenders of AI systems in three countries.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("lead-asks"), embedder, "quillmark-credentials.md", GUIDE)


def test_the_first_of_two_asks_leads(bot):
    answer = bot.ask("When did Quillmark publish the Zephyr threat catalogue, and how many threats does it list?")
    assert not answer.abstained
    assert "3 March 2025" in lead(answer.text)
    assert "9 threats" in answer.text
    assert_well_cited(answer)


def test_the_sentence_giving_both_asks_leads(bot):
    answer = bot.ask("What's the exam code of the Quillmark Certified Defender and when did it launch?")
    assert not answer.abstained
    assert "QD0-101" in lead(answer.text) and "5 May 2024" in lead(answer.text)


def test_how_long_something_has_existed_is_answered_by_its_start(bot):
    answer = bot.ask("How long has the Quillmark Institute existed?")
    assert not answer.abstained
    assert "2019" in lead(answer.text)
    assert_well_cited(answer)


def test_a_sentence_naming_the_identifier_asked_about_leads(bot):
    answer = bot.ask("In the Zephyr catalogue, what is threat ZT-04 called now?")
    assert not answer.abstained
    assert "Memory Poisoning" in lead(answer.text)


def test_the_topic_of_a_when_asked_after_and_is_that_part_s():
    need = answer_need("Which catalogue did Zephyr grow out of, and when was it signed?", LEXICON, ["Zephyr"], "date")
    assert "sign" in need.topic and "catalogu" not in need.topic


def test_the_first_asked_type_keeps_its_own_topic_beside_a_second_ask():
    need = answer_need("How long is the CISSP exam and how many questions does it have?", LEXICON, ["CISSP"], "duration")
    assert need.also == ("count",)
    assert not holds_answer("CISSP requires five years of cumulative paid work experience.", need, LEXICON)
    assert holds_answer("The CISSP exam lasts three hours.", need, LEXICON)
    assert holds_answer("The CISSP has 125 questions.", need, LEXICON, kind="count")  # the second ask: no topic of its own


def test_a_documents_number_is_no_identifier_asked_about():
    need = answer_need("What is confabulation in NIST AI 600-1?", LEXICON, ["NIST", "AI 600-1"], None)
    assert need.identifier() is None
    assert answer_need("In ATLAS, what is tactic AML.TA0001 called now?", LEXICON, ["ATLAS", "AML.TA0001"],
                       None).identifier() == "AML.TA0001"


def test_a_second_ask_for_a_count_counts_its_own_noun():
    need = answer_need("When did Microsoft's AI Red Team publish its lessons paper, and how many lessons does it give?",
                       LEXICON, ["Microsoft"], "date")
    assert need.also == ("count",) and need.counted == "lessons"
    assert not holds_answer("Microsoft published 'Lessons from Red Teaming 100 Generative AI Products'.", need, LEXICON,
                            kind="count")  # 100 products are no count of lessons
    assert holds_answer("Microsoft's paper gives eight lessons.", need, LEXICON, kind="count")


def test_a_part_asking_two_types_sets_no_topic():
    question = ("How many techniques are in the most recent MITRE ATLAS release whose numbers you can actually confirm? "
                "Our detection-coverage dashboard needs a denominator.")
    need = answer_need(question, LEXICON, ["MITRE", "ATLAS"], "count",
                       "How many techniques are in the most recent MITRE ATLAS release whose numbers you can actually confirm?")
    assert not need.topic


@pytest.mark.xfail(strict=True, reason="left: a sentence giving a value of each asked type about another event (a "
                   "revision) leads over the one giving the asked event's date; the date type is not read against the "
                   "question's verb (publish)")
def test_a_sentence_answering_both_types_about_another_event_does_not_lead(bot):
    answer = bot.ask("When did Quillmark publish the Harbour catalogue, and how many risks does it list?")
    assert "4 April 2024" in lead(answer.text)
