"""A follow-up applying the asker's own situation to the earlier turn's figure ("we're a 40-person startup - does the
same cap apply to us?") is a follow-up about that figure; one asking who may sit the earlier turn's exam is answered
by its prerequisite (kept as it was: reading it as untyped was tried and dropped); one asking who makes the earlier
turn's tool is answered by the sentence whose name owns it ("Brightwater's loomscan"). A real index over the ask corpus
plus one fictional guide."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document, lead

GUIDE = """---
title: The Tarn Data Code and its tools
sources:
  - {title: "Tarn registry — the Tarn Data Code", url: "https://example.org/tarn-data-code", checked: 2026-11-01}
---

## Tarn Data Code penalties

The Tarn Data Code sets maximum fines in two tiers. Breaching the core duties of the Tarn Data Code can be fined up to
EUR 20 million or 5% of worldwide annual turnover, whichever is higher. Late filings can be fined up to EUR 2 million
or 1%. For small firms, including start-ups, the lower of the two amounts applies.

## Tarn credentials

The Tarn Steward Credential (TSC), whose exam opened in March 2025, is open only to holders of an active Fenwick
Auditor credential. The TSC exam has 70 questions across three domains.

## Tarn tooling

Common open-source tools include Brightwater's loomscan model file scanner, which flags unsafe serialisation, and the
Ostler toolkit for drift checks. Practitioners run loomscan against every model file before promotion.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("situation"), embedder, "tarn-data-code.md", GUIDE)


def test_the_same_cap_for_the_askers_startup_is_a_follow_up_on_the_fines(bot):
    answer = bot.ask("we're a 40-person startup - does the same cap apply to us?",
                     history=["What are the maximum fines under the Tarn Data Code for breaching the core duties?"])
    assert answer.standalone_question and "Tarn Data Code" in answer.standalone_question, answer.standalone_question
    assert not answer.abstained and "lower of the two" in answer.text, answer.text


def test_who_may_sit_that_exam_asks_its_prerequisite_not_an_organisation(bot):
    answer = bot.ask("who is allowed to sit that exam?", history=["What's the Tarn Steward Credential for?"])
    assert "Fenwick Auditor" in lead(answer.text), answer.text


def test_who_makes_it_is_answered_by_the_name_owning_the_tool(bot):
    answer = bot.ask("who makes it?", history=["what is loomscan and what do people use it for?"])
    assert "loomscan" in answer.standalone_question, answer.standalone_question
    assert "Brightwater" in lead(answer.text), answer.text
