"""Questions that name the type of answer they want: "what's X called?" asks for a name of the kind of thing asked
(the asked noun: "toolkit", "campaign"), a count needs a number counting the thing (not a name's number, "ISO/IEC
42001 management system"), a pronoun asked for ("how much is it?") stands for the noun told, a clause before a dash
only tells, and the first version's date is the earliest. Pure reads of the shipped lexicon, then answers over a real
index (the ask corpus plus one document)."""
from __future__ import annotations

from pathlib import Path

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.answer_type import answer_need, asked_types, earliest_date, holds_answer
from app.coverage import asking_text
from app.lexicon import load_lexicon

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")


def _need(question: str, subjects: list[str]):
    asking = asking_text(question, LEXICON)
    return answer_need(question, LEXICON, subjects, next(iter(asked_types(question, LEXICON, asking)), None), asking)


def test_what_x_is_called_asks_a_name_of_the_asked_kind():
    need = _need("What's Microsoft's open-source toolkit for red teaming generative AI called?", ["Microsoft"])
    assert need.expects == "name"
    assert "toolkit" in need.kind and "tools" in need.kind  # an owner is no kind; a toolkit is among "tools"
    assert holds_answer("Common open-source tools include Microsoft's PyRIT, released in February 2024.", need, LEXICON)
    assert not holds_answer('Microsoft\'s AI Red Team, established in 2018, published "Lessons from Red Teaming 100 '
                            'Generative AI Products" in January 2025.', need, LEXICON)  # names no toolkit


def test_the_name_of_a_thing_asks_for_the_thing():
    need = _need("What's the name of the coalition Google gave its SAIF risk data to?", ["Google", "SAIF"])
    assert need.expects == "name" and need.kind == ("coalition",)


def test_the_counted_noun_is_the_plural_a_few_words_on():
    need = _need("how many high-risk AI systems have been registered in the EU database so far?", ["EU"])
    assert need.counted == "systems"
    assert _need("How many Annex III high-risk AI systems have been registered in the EU so far?",
                 ["EU"]).counted == "systems"  # the plural a few words on, not the first word after "how many"


def test_a_pronoun_asked_for_stands_for_the_noun_told():
    need = _need("Does the AAISM have an annual maintenance fee, and how much is it?", ["AAISM"])
    assert need.expects == "amount" and need.kind_name == "a price or fee"


def test_a_clause_before_a_dash_only_tells():
    need = _need("Microsoft's AI red team wrote up what they learned from testing around 100 gen AI products — how "
                 "many lessons did they list, and what's the one about gradients?", [])
    assert need.expects == "count" and need.counted == "lessons"
    assert not need.relation  # "wrote up" tells; no author is asked


def test_the_first_versions_date_is_the_earliest():
    need = _need("When did the first version of SAIF come out?", ["SAIF"])
    first = "Google's Secure AI Framework (SAIF, June 2023): SAIF sets out six core elements."
    second = "Google announced SAIF 2.0 in October 2025, together with its CodeMender agent."
    assert earliest_date(first, need, LEXICON) > earliest_date(second, need, LEXICON)
    assert earliest_date(second, _need("When did SAIF 2.0 come out?", ["SAIF", "2.0"]), LEXICON) == 0


GUIDE = """---
title: "Velar Labs tools"
reviewed: 2026-11-01
sources:
  - {title: "Velar Labs", url: "https://example.org/velar", checked: 2026-11-01}
---

## The Velar red team

The Velar red team, set up in 2019, published "Notes from Forty Model Audits" in May 2025 for the wider community.
Common open-source tools include Velar's Quillon, released in March 2024 for automated probing of chat models.

## Scanners used by red teams

Red teams run several scanners against model files: Pellum's Brisk fuzzer for prompt templates; Orvex's Tarnlight
weight-file scanner; the Kestrel harness for agent traces; and Dunmore's Sable notebook checker.

## The Velar threat matrix

The Velar threat matrix borrows most of its tactics from older attack matrices. Two tactics are unique to the Velar
matrix. Probe Access covers how an adversary reaches a model. Probe Adaptation covers tuning an attack to the model.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("named-type"), embedder, "velar-tools.md", GUIDE)


def test_the_named_tool_leads_not_the_teams_paper(bot):
    answer = bot.ask("What's Velar's open-source toolkit for probing chat models called?")
    assert not answer.abstained
    assert "Quillon" in lead(answer.text)
    assert_well_cited(answer)


def test_a_toolkit_the_corpus_does_not_name_is_refused(bot):
    answer = bot.ask("What's Orrin Labs' open-source red-teaming toolkit called?")
    assert answer.abstained


def test_a_list_sentence_leads_with_the_item_naming_the_asked_thing_its_other_items_following(bot):
    answer = bot.ask("What's the name of Orvex's weight-file scanner?")
    assert not answer.abstained
    assert lead(answer.text) == "Red teams run several scanners against model files: … Orvex's Tarnlight weight-file " \
                                "scanner …", answer.text
    assert "Pellum's Brisk fuzzer" in answer.text.split("[1]", 1)[1], answer.text  # the list's other items follow
    assert_well_cited(answer)


def test_a_members_question_after_the_askers_setting_is_led_by_the_members(bot):
    answer = bot.ask("I know the older attack matrices well. Which tactics in the Velar threat matrix have no "
                     "counterpart in them?")
    assert not answer.abstained
    assert "Probe Access" in lead(answer.text) and "Probe Adaptation" in lead(answer.text), answer.text
