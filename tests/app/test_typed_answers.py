"""Typed answers end to end: the lead holds a value of the asked type about the asked thing, an exact date gives the
day, a question of a type no sentence holds is refused naming that type, and subjects are read whole (a "+"
credential, a standard's number, a short first name, a title holding "?"). A real index over the ask corpus plus one
fictional document."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead

DOCUMENT = """---
title: The Zephyr Act and the Kestrel Framework
sources:
  - {title: "Orion Institute", url: "https://example.org/kestrel", checked: 2026-11-01}
---

## Penalties under the Zephyr Act

The Zephyr Act sets maximum administrative fines in two tiers. Breaching the banned practices of Article 3 can be
fined up to EUR 20 million or 5% of worldwide turnover. Late incident reporting can be fined up to EUR 2 million.

## Kestrel Framework releases

The Kestrel Framework 1.0 (KF 100-1, published March 2022) remains the current and only published version of the
framework. It was issued by the Orion Institute on 14 March 2022 under the number KF 100-1. KF 2025 is a regional adoption with the same
text, not a new version of the Kestrel Framework.

## Kestrel credentials

The KCP exam is a four-hour hands-on exam in a live lab. Since 1 May 2024, candidates who pass the KCP exam receive
both KCP, which does not expire, and KCP+, which expires after two years unless renewed. The separate KRT credential
is valid for three years.

## Kestrel standards

ZS/QA 31337:2025 is the current edition of the Kestrel management system standard, published in June 2025.

## Kestrel research and cases

Ito et al., in "Can Scanners Dream?" (Workshop on Model Trust, 2023), found that the Kestrel scanner missed
obfuscated payloads in pickled models. In 2025 the regulator charged Orion and Jonathan Reyes, its security chief at
the time; the case against Reyes was dismissed with prejudice in June 2026.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("typed"), embedder, "zephyr-kestrel.md", DOCUMENT)


@pytest.mark.parametrize("question, value", [
    ("How big can the fine get under the Zephyr Act if a company uses a banned practice?", "EUR 20 million"),
    ("My boss asked what the worst-case fine is for a banned practice under the Zephyr Act. What's the cap?", "EUR 20 million"),
    ("how large is the penalty for prohibited practices under the Zephyr Act?", "EUR 20 million"),  # "banned" in the source
])
def test_an_amount_question_leads_with_the_amount_of_the_asked_thing(bot, question, value):
    answer = bot.ask(question)
    assert not answer.abstained
    assert value in lead(answer.text), answer.text
    assert_well_cited(answer)


def test_a_question_asking_for_the_exact_date_leads_with_the_day(bot):
    answer = bot.ask("when exactly did they publish the Kestrel Framework 1.0? need the date for a slide")
    assert "14 March 2022" in lead(answer.text), answer.text


@pytest.mark.parametrize("question, missing", [
    ("What's the pass rate for the KCP exam?", "a score or rate"),
    ("How much does the KCP exam cost?", "an amount of money"),
    ("How many employees does the Orion Institute have?", "a count of employees"),
    ("What's the Orion Institute's headcount?", "a count of employees"),
    ("what's the KCP exam fee?", "a price or fee"),  # a fee asked by its noun is named as one
    ("Who founded the Orion Institute?", "who founded it"),
    ("How long does the Zephyr Act give providers to report an incident?", "a length of time"),
    ("How long is the KRT exam? How many hours do I get?", "a length of time"),  # how long KRT stays valid is no exam length
])
def test_a_type_no_sentence_holds_is_refused_naming_it(bot, question, missing):
    answer = bot.ask(question)
    assert answer.abstained and answer.citations == [], answer.text
    assert missing in answer.text


def test_a_question_about_a_value_it_names_itself_is_not_refused_for_lacking_one(bot):
    answer = bot.ask("Someone mentioned KF 2025 — does that mean there's a new 2025 version of the Kestrel Framework?")
    assert not answer.abstained, answer.text
    assert "not a new version" in answer.text


def test_a_length_of_time_asked_twice_leads_with_the_exams_not_the_credentials_validity(bot):
    answer = bot.ask("How long is the KCP exam itself? Like how many hours do you get?")
    assert "four-hour" in lead(answer.text), answer.text


def test_a_credential_with_a_plus_is_read_whole(bot):
    assert "two years" in lead(bot.ask("How long does a KCP+ stay valid before it must be renewed?").text)
    answer = bot.ask("How long is a KRT+ valid?")  # the KRT's three years are not the KRT+'s
    assert answer.abstained and "“KRT+”" in answer.text, answer.text


def test_a_standard_is_read_with_its_number(bot):
    answer = bot.ask("When was ZS/QA 31339 published?")
    assert answer.abstained and "“ZS/QA 31339”" in answer.text, answer.text


def test_a_short_first_name_is_the_corpus_full_name(bot):
    answer = bot.ask("How did the case against Jon Reyes end?")
    assert not answer.abstained, answer.text
    assert "dismissed with prejudice" in answer.text


def test_a_question_mark_inside_a_quoted_title_does_not_end_the_sentence(bot):
    answer = bot.ask('Who wrote "Can Scanners Dream?" and what did it find about the Kestrel scanner?')
    assert not answer.abstained, answer.text
    assert "Ito et al." in lead(answer.text) and "obfuscated payloads" in lead(answer.text), answer.text


def test_a_short_first_name_is_the_subject_a_typed_lead_names(bot):
    answer = bot.ask("When was Jon Reyes charged?")
    assert not answer.abstained and "2025" in lead(answer.text), answer.text


def test_a_sentence_holding_the_asked_value_is_scored_however_few_words_it_shares(embedder):
    from app.extractive import MAX_EMBEDDED, draft_extractive
    from app.types import Passage

    question = "How big is the penalty for forbidden uses under the Zephyr Act?"
    talk = [Passage(f"talk-{i}", f"The Zephyr Act penalty for forbidden uses was debated in hearing {i}.", {}, 1.0)
            for i in range(MAX_EMBEDDED + 4)]  # more sentences sharing the question's words than are embedded
    fine = Passage("fine", "Breaching Article 3 can be fined up to EUR 20 million.", {}, 0.5)
    draft = draft_extractive(question, embedder.embed_query(question), [*talk, fine], embedder.embed_passages, 3,
                             answers=lambda sentence, index: "EUR" in sentence, subjects=True,
                             answers_alone=lambda sentence, index: "EUR" in sentence)
    assert draft.answered and draft.sentences[0][0].startswith("Breaching Article 3")
