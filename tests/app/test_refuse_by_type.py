"""Refusing by answer type end to end: a value of another subject named beside the asked one, a price asked by its
verb, a role title where a person is asked, a head count asked as a size, a date of another thing named after the one
asked of itself, and a passage saying the asked value is unconfirmed or not yet published
(which the refusal quotes, cited). A real index over the ask corpus plus one fictional document."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead

DOCUMENT = """---
title: Talvis credentials and the Vantor Office
sources:
  - {title: "Talvis", url: "https://example.org/talvis", checked: 2026-11-01}
---

## Talvis credentials

Talvis runs the QSP credential for practitioners and the QSA credential for architects. Holders of an active QSP
can sit the QSA exam after two years. The QSA exam has 75 questions across four domains.

## Talvis risk credential

The QRM credential was reported to have launched in May 2026 for risk staff; its exam details are unconfirmed as of
1 November 2026.

## The Vantor Office

The Vantor Office supervises general-purpose models for the Zephyr Commission. We're appointing a Model Compliance
Lead in our Brno office to steer that work and lead a team of three specialists.

## Vantor Framework revision

The Vantor Framework 1.0 was published by the Orion Institute in March 2023. The Orion Institute said in July 2025
that the Vantor Framework is being revised. This review found no revised Vantor Framework published by the Orion
Institute and no announced publication date; its status is unconfirmed as of 1 November 2026.

## Talvis assessors

The Talvis assessment team — four people, all former examiners — reviews every QSA exam. Annualised pay for a
Talvis assessor is USD 120,000.

## Vantor penalties

Providers that breach the Vantor Code can be fined up to EUR 5 million. Providers of Tier 2 systems must register
each system in the Orion database before use.

## The Safe Models Pledge

Orion's Safe Models Pledge, launched in June 2025, was signed by many model vendors.

## The qlint scanner

The qlint scanner was created by Talvis and, since 2 March 2026, has been hosted by the Orion Institute.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("refuse"), embedder, "talvis-vantor.md", DOCUMENT)


@pytest.mark.parametrize("question, missing", [
    ("How many questions does the QSP exam have?", "a count of questions"),  # the QSA's 75 follow a sentence naming the QSP
    ("What does Talvis charge for the QSA exam?", "an amount of money"),  # "charge for" asks a price
    ("How much is the annual fee for the QSP?", "a price or fee"),  # an assessor's annualised pay is no fee
    ("How many people hold the QSP worldwide?", "a count of people"),  # the assessment team's four are no holders
    ("Who owns qlint these days?", "who owns it"),  # created and hosted, owned by no one the corpus names
    ("Who runs the Vantor Office?", "a person's name"),  # "a Model Compliance Lead" is a posting's title
    ("How many systems have been registered in the Orion database?", "a count of systems"),  # "Tier 2" is a name
    ("Which companies have been fined under the Vantor Code?", "who has been fined"),  # how much one can be, no one
    ("Which vendors have signed Orion's Safe Models Pledge?", "who has actually signed it"),  # "many model vendors"
    ("How big is the Talvis membership these days?", "a count of members"),  # a head count asked as a size
    ("Who's the person running the Vantor Office these days?", "a person's name"),  # a person asked by a participle
    # a thing asked of itself: the Orion Institute's and Orion's Pledge's dates are those other things' own
    ("What year did Orion itself start?", "when or by whom it was introduced"),
])
def test_a_value_not_given_of_the_asked_subject_is_refused_naming_its_type(bot, question, missing):
    answer = bot.ask(question)
    assert answer.abstained and answer.citations == [], answer.text
    assert missing in answer.text


def test_the_value_of_the_subject_a_sentence_opens_on_answers_for_that_subject(bot):
    answer = bot.ask("How many questions does the QSA exam have?")
    assert not answer.abstained and "75" in lead(answer.text), answer.text
    assert_well_cited(answer)


@pytest.mark.parametrize("question, missing, said", [
    ("When is the Orion Institute releasing the revised Vantor Framework?", "a date still to come", "no announced publication date"),
    ("What domains does the QRM exam cover?", "a confirmed answer", "exam details are unconfirmed"),
    # a count and what it asks beside it, both exam details
    ("How many questions does the QRM exam have, and what do you need before you can sit it?", "a confirmed answer",
     "exam details are unconfirmed"),
])
def test_a_value_the_corpus_calls_unknown_is_refused_quoting_what_it_says(bot, question, missing, said):
    answer = bot.ask(question)
    assert answer.abstained, answer.text
    assert missing in answer.text and said in answer.text and answer.text.endswith("[1]"), answer.text
    assert len(answer.citations) == 1 and said in answer.citations[0].text
    assert answer.related[0].text == answer.citations[0].text  # the quoted passage is the first related one


def test_a_value_given_beside_an_unconfirmed_one_is_answered(bot):
    answer = bot.ask("When did the QRM credential launch?")
    assert not answer.abstained and "May 2026" in lead(answer.text), answer.text


@pytest.mark.parametrize("question, answered", [
    ("How many people are on the Talvis assessment team?", "four people"),  # the count of the asked team
    ("How much does a Talvis assessor earn?", "USD 120,000"),  # pay asked: a sum that names no price answers
    ("Who is hosting qlint these days?", "Orion Institute"),  # "who hosts X": X in lower case is the subject
    ("When did Orion's Safe Models Pledge start?", "June 2025"),  # "launched" says when it started
])
def test_the_asked_kind_of_value_about_the_asked_thing_is_answered(bot, question, answered):
    answer = bot.ask(question)
    assert not answer.abstained and answered in lead(answer.text), answer.text
    assert_well_cited(answer)
