"""The kind of answer asked for, end to end, read from the part that asks: a telling sentence's verb ("wrote up")
asks for no author, a question of two parts gets a value of each type, "on what date" asks for the day, and a date of
a planned or next thing is one still to come. A real index over the ask corpus plus one fictional document."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead

DOCUMENT = """---
title: The Kestrel Framework and its institute
reviewed: 2026-11-01
sources:
  - {title: "Orion Institute", url: "https://example.org/kestrel", checked: 2026-11-01}
---

## Kestrel Framework releases

The Kestrel Framework 1.0 (KF 100-1, published March 2022) remains the current and only published version of the
framework. It was issued by the Orion Institute on 14 March 2022 under the number KF 100-1. The Kestrel Framework
defines five functions for managing pipeline risk.

## The Orion Institute

The Orion Institute has run its pipeline assurance programme since 2012. The Orion Institute plans a formal review
of the Kestrel Framework no later than 2029.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("asked"), embedder, "kestrel-orion.md", DOCUMENT)


def test_a_telling_sentence_asks_for_no_author_and_both_asking_parts_are_answered(bot):
    answer = bot.ask("The Orion Institute wrote up the Kestrel Framework for pipeline teams. How many functions does it "
                     "define, and since when has the institute run its assurance programme?")
    assert not answer.abstained, answer.text
    assert "five functions" in answer.text and "2012" in answer.text, answer.text
    assert_well_cited(answer)


def test_on_what_date_asks_for_the_day(bot):
    answer = bot.ask("On what date did the Orion Institute publish the Kestrel Framework 1.0?")
    assert "14 March 2022" in lead(answer.text), answer.text


def test_a_next_edition_is_not_dated_by_the_current_one(bot):
    answer = bot.ask("When is the Orion Institute planning to publish the next edition of the Kestrel Framework?")
    assert answer.abstained and answer.citations == [], answer.text
    assert "a date still to come" in answer.text


def test_a_planned_thing_is_dated_by_a_date_still_to_come(bot):
    answer = bot.ask("By when has the Orion Institute planned a formal review of the Kestrel Framework?")
    assert not answer.abstained, answer.text
    assert "2029" in lead(answer.text), answer.text
