"""After a question asking for a thing ("what replaced TG-4?", "does the Tallis Institute have a course …?"), a
pronoun in the follow-up stands for the thing the earlier answer named, not for a name of the earlier question. A real
index over the ask corpus plus one fictional guide."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document, lead

GUIDE = """---
title: Harbour lending guidance
sources:
  - {title: "Harbour Council — guidance register", url: "https://example.org/harbour-register", checked: 2026-11-01}
---

## Model guidance for harbour lenders

TG-7 superseded TG-4, the older model validation guidance that harbour lenders followed for a decade. TG-7 was issued
by the Harbour Council and the Quay Authority on 3 May 2026 and applies to lenders with more than 40 vessels. TG-4 was
issued by the Tallis Board in March 2015 and covered model inventories and validation.

## Courses from the Tallis Institute

The Tallis Institute offers the Harbour Model Auditor (HMA) course for lending model auditors. The HMA exam lasts
36 hours and the credential expires after four years. The Tallis Institute's older Lending Basics (LB) exam lasts two
hours and never expires.
"""
REPLACED = "Among harbour lenders, what replaced TG-4 as the model validation guidance?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("answered"), embedder, "harbour-lending.md", GUIDE)


def test_it_after_what_replaced_is_the_replacement_the_answer_named(bot):
    answer = bot.ask("When was it issued, and by whom?", history=[REPLACED])
    assert "TG-7" in answer.standalone_question, answer.standalone_question
    assert "3 May 2026" in lead(answer.text), answer.text


def test_its_after_does_it_have_a_course_is_the_course_the_answer_named(bot):
    answer = bot.ask("How long is its exam?", history=["Does the Tallis Institute have a course for lending model auditors?"])
    assert "HMA" in answer.standalone_question or "Harbour Model Auditor" in answer.standalone_question, answer.standalone_question
    assert "36 hours" in lead(answer.text), answer.text


def test_the_answer_in_a_chat_history_is_used_as_given(bot):
    chat = [{"role": "user", "content": REPLACED}, {"role": "assistant", "content": "TG-7 superseded TG-4. [1]"}]
    assert "TG-7" in bot.ask("When was it issued, and by whom?", history=chat).standalone_question


def test_with_the_users_turns_only_the_earlier_answer_is_the_one_its_filters_gave(bot):
    """Asked again, the earlier question keeps the conversation's filters: over postings only, nothing named TG-7."""
    answer = bot.ask("When was it issued, and by whom?", history=[REPLACED], filters={"kind": "posting"})
    assert "TG-7" not in (answer.standalone_question or ""), answer.standalone_question
