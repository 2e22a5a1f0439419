"""A situation question answered by a section that opens a list gets that list, in the source's order, each item
cited — also where the section's next chunks hold its last items; a question asking whether something makes sense and
what to settle gets the duty, then the list of situations it follows; a question the asker reports in their setting
("customers keep asking who owns security") sets no answer type. A real index over the ask corpus plus one guide."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.answer_type import expected_answer_type
from app.coverage import asking_text
from app.lexicon import load_lexicon
from app.settings import Settings

TASKS = "\n".join(f"- **Oversight task {n}.** Keeping the register of {thing} current, reviewed each quarter by the "
                  f"named owner, with its evidence filed for the auditors and the board." for n, thing in enumerate(
                      ["unsanctioned shadow tools", "vendor contracts", "model cards", "impact assessments",
                       "ISO/IEC 42001 readiness evidence", "incident drills"], 1))
GUIDE = f"""---
title: Running security at a small company
sources:
  - {{title: "Fixture guide", url: "https://example.org/small-company", checked: 2026-11-01}}
---

## AI oversight by a head of security at a small company

At many small companies nobody owns AI risk, so the head of security becomes the de facto AI governance lead. Typical
AI oversight tasks are:

{TASKS}

## When an interim security leader fits

An interim security leader serves a company part-time for a set number of days per month. Common situations where
companies hire an interim security leader include:

- **Startups selling to banks** that need a SOC 2 audit report to close deals.
- **Companies between permanent hires** after a security leader departs.

The interim model works best with a clear mandate and an internal owner who executes day to day. Before accepting an
engagement, an interim security leader should clarify decision rights and reporting lines.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("lists"), embedder, "small-company.md", GUIDE)


def test_an_advice_lead_that_continues_into_a_list_brings_all_its_items_in_order(bot):
    answer = bot.ask("I'm head of security at a small company and was just told I own AI risk too. "
                     "What should I actually be doing about it?")
    assert not answer.abstained, answer.text
    # what the asker should be doing is the section's tasks: the first leads (the sentence setting the scene before
    # them answers nothing asked; guide14 reads "what should I be doing" as the role's responsibilities)
    assert lead(answer.text).startswith("Oversight task 1"), answer.text
    at = [answer.text.find(f"Oversight task {n}") for n in range(1, 7)]
    assert all(a >= 0 for a in at) and at == sorted(at), answer.text  # every item, the source's order
    chunks = {c.metadata.get("chunk_index") for c in answer.citations if c.source == "documents/small-company.md"}
    assert len(chunks) > 1, answer.citations  # the list runs on into the next chunk, each item cites its own
    assert_well_cited(answer)


def test_whether_it_makes_sense_and_what_to_settle_gets_the_duty_then_the_situations(bot):
    answer = bot.ask("Our customers keep asking who owns security. Does an interim security leader make sense for us, "
                     "and what should we sort out before signing one?")
    assert not answer.abstained, answer.text
    assert "decision rights" in lead(answer.text), answer.text
    assert "SOC 2" in answer.text, answer.text  # the situations the duty's prose follows
    assert_well_cited(answer)


def test_a_question_reported_in_the_setting_sets_no_type_when_the_asker_asks_what_to_settle():
    lexicon = load_lexicon(Settings().lexicon_path)
    question = ("Our customers keep asking who owns security. Does a fractional CISO make sense for us, and what "
                "should we sort out before signing one?")
    assert expected_answer_type(question, lexicon, asking_text(question, lexicon)) is None
    told = "My boss asked what the worst-case fine is. What's the cap?"  # a reported question the asker asks
    assert expected_answer_type(told, lexicon, asking_text(told, lexicon)) is not None
