"""Words outside the part that asks set no answer type and no name to mention: a clause of the asker's setting
opening "When I …", a yes-or-no clause before a lower-case question after "?", the asker's guess offered as the
alternative of a yes-or-no question, a common-word short form ("HR") in a claim checked, the "and" inside an "if"
clause; names the question does ask about are still required. A real index over the ask corpus plus one fictional
document."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document

DOCUMENT = """---
title: The Heronwood Assurance Programme
reviewed: 2026-11-01
sources:
  - {title: "Heronwood Institute", url: "https://example.org/heronwood", checked: 2026-11-01}
---

## Heronwood bounty programme

The Heronwood Institute runs a dedicated bounty programme for flaws in its model-serving products, launched on
9 March 2025. Pure content issues such as jailbreaks on their own are out of its scope.

## Reporting flaky findings to Heronwood

Because model outputs vary between runs, Heronwood testers report a success rate over repeated attempts and record
the model version, so that an intermittent finding still counts.

## Heronwood penalties

Breaching the Heronwood charter's banned practices can be fined up to EUR 4 million under the Heronwood charter.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("askpart"), embedder, "heronwood.md", DOCUMENT)


def test_a_clause_of_the_asker_opening_with_when_asks_no_date(bot):
    answer = bot.ask("When I test the Heronwood model-serving products a jailbreak works maybe 1 time in 20. My lead says "
                     "that doesn't count. How should I be reporting these to Heronwood?")
    assert "gives a date" not in answer.text, answer.text
    assert "success rate" in answer.text, answer.text


def test_a_yes_or_no_clause_before_a_lower_case_question_asks_no_amount(bot):
    answer = bot.ask("does heronwood have a bounty programme for its model-serving products? when did it start?")
    assert not answer.abstained, answer.text
    assert "9 March 2025" in answer.text, answer.text


def test_the_askers_guess_offered_as_an_alternative_is_no_name_to_mention(bot):
    answer = bot.ask("Is reporting a flaky finding to Heronwood worth it or is it all PhDs doing statistics?")
    assert "PhDs" not in answer.text, answer.text


def test_a_name_the_yes_or_no_question_asks_about_is_still_required(bot):
    answer = bot.ask("Is the Zorblax bounty programme at Heronwood worth it or is it all hype?")
    assert answer.abstained and "Zorblax" in answer.text, answer.text


def test_an_and_inside_the_if_clause_keeps_its_words_in_the_topic(bot):
    answer = bot.ask("whats the worst case fine if a firm goes ahead and uses one of the practices the Heronwood charter "
                     "has banned outright?")
    assert not answer.abstained, answer.text
    assert "EUR 4 million" in answer.text, answer.text
