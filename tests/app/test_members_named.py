"""A question asking which members, who or what is named in a corpus sentence the answerer would not pick by meaning
alone: the passage naming the members joins when no retrieved one does (one only describing them names none), the
item of a long list sentence past where it was clipped answers, and a term the question quotes leads with the
sentence naming it."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document, lead
from app.answer_type import quoted_term
from app.coverage import question_sentences
from app.extractive import gives_members
from app.sentences import as_held
from app.types import Passage

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4}

# shaped like corpus/documents/framework-mitre-atlas.md (the tactics unique to ATLAS), role-ai-red-teamer.md (its
# long list of tools) and framework-owasp-llm-top-10.md (a coined term in an entry's examples)
MATRIX = """---
title: "Zephyr threat matrix"
reviewed: 2026-11-01
sources:
  - {title: "Zephyr", url: "https://example.org/zephyr", checked: 2026-11-01}
---

## How the Zephyr matrix relates to older matrices

The Zephyr matrix is modelled on the older Corvid attack matrix and reuses its structure of tactics and techniques.
The Zephyr matrix adds model-specific tactics and techniques that have no Corvid equivalent.

## Zephyr tactics

The Zephyr matrix currently has nine tactics. Two tactics are unique to Zephyr. Probe Access covers how an adversary
reaches a model, from full weights to a public endpoint. Probe Adaptation covers tuning the attack to the target model.

## Tools used by Zephyr red teams

Common open-source tools include Velar's Quillon (Quick Language Injection Online), released in March 2024; Orvex's
Tarnlight weight-file scanner; brisk for automated prompt testing and red teaming (brisk has been part of Dunmore
since Dunmore acquired the company behind it, a deal announced on 9 March 2026, and brisk remains open source under
the MIT licence); and Kestrel, the evaluation harness of the Halden Model Safety Institute, open-sourced in May 2024
for building model evaluations.

## Supply chain risks of Zephyr deployments

Supply-chain risks cover the third-party components a Zephyr deployment depends on. Examples include tampered
models published on hubs, unsigned artifacts swapped in a pipeline, model namespace reuse on public hubs, invented
package names registered by attackers ("blorptagging"), and bypasses of model scanners.
"""


def _passage(text: str) -> Passage:
    return Passage("p#0", text, {"kind": "document"}, 1.0)


def test_a_passage_announcing_or_listing_the_asked_members_names_them_one_describing_them_does_not():
    question = "Which tactics in the Zephyr matrix have no Corvid counterpart?"
    assert gives_members(_passage("Two tactics are unique to Zephyr. Probe Access covers reaching a model. Probe "
                                  "Adaptation covers tuning the attack."), question, NUMBER_WORDS)
    assert gives_members(_passage("The nine Zephyr tactics are Recon, Probe Access, Staging, Probe Adaptation and "
                                  "Impact."), question, NUMBER_WORDS)
    assert not gives_members(_passage("The Zephyr matrix adds model-specific tactics and techniques that have no "
                                      "Corvid equivalent."), question, NUMBER_WORDS)
    typed_lower = "which tactics in zephyr atlas have no corvid counterpart, i.e. are only in atlas?"
    assert not gives_members(_passage("Zephyr atlas: a knowledge base of adversary tactics, techniques and case "
                                      "studies, modelled on Corvid."), typed_lower, NUMBER_WORDS)  # "atlas" names none
    assert gives_members(_passage("Two tactics are unique to Zephyr atlas. Probe Access covers reaching a model. Probe "
                                  "Adaptation covers tuning the attack."), typed_lower, NUMBER_WORDS)


def test_a_question_sentence_goes_on_past_an_abbreviation():
    assert question_sentences("I know Corvid well. Which tactics have no counterpart, i.e. are only in Zephyr?") == \
        ["I know Corvid well.", "Which tactics have no counterpart, i.e. are only in Zephyr?"]


def test_the_term_a_question_quotes_is_read_and_a_quoted_question_is_none():
    assert quoted_term('Saw the term "blorptagging" in a write-up. What is it?') == "blorptagging"
    assert quoted_term("What's “denial of wallet” about?") == "denial of wallet"
    assert quoted_term('how do I answer "how would you stop prompt injection?" in an interview?') is None


def test_a_clipped_sentence_is_read_whole_as_its_passage_holds_it():
    text = "Intro sentence here. " + "Tools include " + "; ".join(f"tool {n} for task {n}" for n in range(40)) + "."
    whole = text.split(". ", 1)[1]
    assert as_held(whole[:200] + "…", text) == whole
    assert as_held("A sentence the passage does not hold.", text) == "A sentence the passage does not hold."


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("members-named"), embedder, "zephyr-matrix.md", MATRIX)


def test_which_members_is_led_by_the_passage_naming_them_even_ranked_below_those_quoted(bot):
    question = "I know Corvid well. Which tactics in the Zephyr matrix have no Corvid counterpart, i.e. are only in Zephyr?"
    top_k = bot.settings.top_k
    try:
        bot.settings.top_k = 1  # only the describing passage, ranked first, is quoted; the naming one is in reserve
        answer = bot.ask(question)
    finally:
        bot.settings.top_k = top_k
    assert not answer.abstained, answer.text
    assert "Probe Access" in lead(answer.text) and "Probe Adaptation" in lead(answer.text), answer.text


def test_who_and_when_is_answered_by_the_list_item_past_where_the_sentence_was_clipped(bot):
    answer = bot.ask("Who is behind the Kestrel evaluation harness, and when was it open-sourced?")
    assert not answer.abstained, answer.text
    assert "Halden Model Safety Institute" in lead(answer.text) and "May 2024" in lead(answer.text), answer.text


def test_a_quoted_term_leads_with_the_sentence_naming_it_whatever_its_similarity(bot):
    answer = bot.ask('Saw the term "blorptagging" in a Zephyr write-up. What is it?')
    assert not answer.abstained, answer.text
    assert "blorptagging" in lead(answer.text), answer.text
