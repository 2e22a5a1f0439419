"""A value given only in the bold label above a list ("**Three-to-six-month study plan**:") is quotable and answers
a question of its type; a question of two parts whose typed part no passage answers gets its other part answered
and the missing kind named."""
from __future__ import annotations

from pathlib import Path

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.answer_type import answer_need, holds_answer
from app.lexicon import load_lexicon
from app.sentences import passage_items

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
PATHS = """---
title: Moving into agent security
sources:
  - {title: "Velmora guild handbook", url: "https://example.org/velmora", checked: 2026-11-01}
---

## Transition path from help-desk technician to agent security

**Skills that carry over from help-desk work**: ticket triage, user communication and basic scripting.

**Four-to-eight-week study plan for a help-desk technician**:
- Week 1: read the Velmora agent threat catalogue and list the tools an agent may call.
- Week 2: build a small agent with a ticketing tool and attack it with injected instructions.
- Weeks 3 to 8 (optional): write detections for agents calling tools outside their purpose.

**Current Trends**

Help-desk technicians who move into agent security usually start by reviewing agent logs.
"""


def test_a_label_above_a_list_opens_its_first_item_and_a_bare_bold_line_is_dropped():
    items = passage_items(PATHS.split("---", 2)[2])
    assert ("Four-to-eight-week study plan for a help-desk technician: Week 1: read the Velmora agent threat catalogue "
            "and list the tools an agent may call.", "step") in items
    assert ("Week 2: build a small agent with a ticketing tool and attack it with injected instructions.", "step") in items
    assert not any("Current Trends" in text for text, _ in items)  # no colon: a heading, navigation only


@pytest.mark.parametrize("question, expects", [
    ("How long will it take a help-desk technician to move into agent security?", "duration"),
    ("How many weeks does a help-desk technician need to study for agent security?", "count"),
])
def test_a_length_joined_by_dashes_answers_a_duration_or_a_count_of_its_unit(question, expects):
    need = answer_need(question, LEXICON, ["help-desk"], expects)
    assert "take" not in need.topic  # "how long will it take": a light verb, no topic of its own
    label = "Four-to-eight-week study plan for a help-desk technician: Week 1: read the Velmora agent threat catalogue."
    assert holds_answer(label, need, LEXICON)


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("labels"), embedder, "agent-security-paths.md", PATHS)


def test_a_duration_given_only_in_a_plans_label_leads(bot):
    answer = bot.ask("How long will it take a help-desk technician to move into agent security?")
    assert not answer.abstained, answer.text
    assert "Four-to-eight-week study plan" in lead(answer.text)
    assert_well_cited(answer)


def test_a_part_no_passage_answers_is_named_after_the_answered_part(bot):
    answer = bot.ask("I'm a help-desk technician. What should I study first for agent security, and how many hours "
                     "a week should I put in?")
    assert not answer.abstained, answer.text
    assert "Velmora agent threat catalogue" in answer.text
    assert answer.text.endswith("none of the passages found for this question gives a count of hours.")
    assert_well_cited(answer)


def test_a_typed_question_set_in_a_clause_that_asks_nothing_else_is_still_refused(bot):
    answer = bot.ask("For the Velmora handbook, how many hours a week should a help-desk technician study?")
    assert answer.abstained
    assert "a count of hours" in answer.text


def test_a_yes_or_no_part_beside_a_typed_part_no_passage_answers_is_still_refused(bot):
    answer = bot.ask("How many hours a week does the Velmora handbook plan take, and does the guild offer a certificate?")
    assert answer.abstained, answer.text
    assert "a count of hours" in answer.text
