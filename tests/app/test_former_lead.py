"""A question asking what something was before (its number in the edition before, lexicon `asked_aspects` … `former`)
leads with the sentence saying what it was, not its definition nor the sentence naming its current identifier; a
question asking what is actually different about a kind of work (lexicon `advice_asks`) leads with the list of the
differences. A real index over the ask corpus plus one guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asks_advice
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Fixture LLM risk list
sources:
  - {title: "Fixture guide", url: "https://example.org/risks", checked: 2026-11-01}
---

## FRL03:2026 Tool Overreach

Tool Overreach (FRL03:2026) is the risk that a model-driven system takes damaging actions through the tools it can
call. Its root causes are excessive functionality and excessive permissions in the tools the model can call.

## Changes from the previous edition

Tool Overreach is the largest riser in the 2026 edition: it was FRL06 in the 2025 edition and is FRL03 in 2026.

## Why ML platforms need their own security work

ML platforms introduce assets and failure modes that general platform teams often miss:

- **Model files can execute code.** Pickle-based model formats can run arbitrary code when loaded.
- **ML tooling is often built for trusted networks.** Training clusters are often exposed without authentication.

The platform security engineer for ML is the machine learning equivalent of a DevSecOps engineer.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("former"), embedder, "risks.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


def test_the_number_in_the_edition_before_leads_not_the_sentence_naming_the_current_identifier(bot):
    answer = bot.ask("Which number did FRL03:2026 have in the previous edition of the list?")
    assert not answer.abstained, answer.text
    assert "FRL06" in lead(answer.text), answer.text
    assert_well_cited(answer)


@pytest.mark.parametrize("question", ["Isn't that just the same CI/CD security work? What's actually different?",
                                      "What makes ML platforms different to secure from a normal platform?",
                                      "How is securing an ML platform different?"])
def test_asking_what_is_different_asks_for_advice(lexicon, question):
    assert asks_advice(question, lexicon)


def test_what_is_actually_different_leads_with_the_list_of_differences(bot):
    answer = bot.ask("I've run platform security for years. What's actually different about securing an ML platform?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("ML platforms introduce assets and failure modes"), answer.text
    assert "trusted networks" in answer.text
