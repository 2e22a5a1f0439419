"""Questions of several parts and subjects as users write them, over a real index: each further part gets its own
answering sentence (a date to the day, a clause about a subject of its own), a tool named in lower case is the subject,
and a practice the asker states followed by "are we covered?" is answered by the source's caveat. The ask corpus plus
one tools guide."""
from __future__ import annotations

from pathlib import Path

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.coverage import ranking_part
from app.lexicon import load_lexicon

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")

TOOLS = """---
title: Tools for testing AI systems
sources:
  - {title: "Quillmark Institute tools guide", url: "https://example.org/tools", checked: 2026-11-01}
---

## Probe kits used by testers

Common open-source kits include Brightfield's zorbprobe LLM weakness scanner; vexbench for automated prompt
regression testing; and Harrow, an evaluation harness.

## The Quillmark threat catalogue

The Quillmark threat catalogue identifies 3 threats of agentic systems:
- Tool misuse: agents calling tools beyond the purpose they were given.
- Memory poisoning: planted entries in an agent's long-term memory.
- Goal hijacking: instructions hidden in content that redirect the agent.

## Release of the Quillmark threat catalogue

In March 2025 the Quillmark Institute released the Quillmark threat catalogue with suggested tests.
The Quillmark Institute published the Quillmark threat catalogue on 14 March 2025.

## Checking model archives

Archive checkers inspect model archives for hidden code before they are opened. Crateguard is an open-source checker
that looks for suspicious imports in model archives. Checkers use deny-lists and can be evaded: crateguard had two
bypasses in 2025. Checking should therefore complement, not replace, safe formats and isolation.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("multi"), embedder, "tools-for-testing-ai.md", TOOLS)


def test_a_tool_named_in_lower_case_is_the_subject(bot):
    answer = bot.ask("zorbprobe shows up in lots of red team job ads. What is it and whose is it?")
    assert not answer.abstained
    assert "zorbprobe" in lead(answer.text) and "Brightfield" in lead(answer.text)
    assert_well_cited(answer)


def test_a_further_date_part_is_given_to_the_day(bot):
    answer = bot.ask("How many threats does the Quillmark threat catalogue list, and when did the institute put it out?")
    assert not answer.abstained
    assert "3 threats" in lead(answer.text)
    assert "14 March 2025" in answer.text
    assert_well_cited(answer)


def test_a_practice_stated_then_are_we_covered_leads_with_its_limits(bot):
    answer = bot.ask("Our team only runs crateguard on downloaded models. Are we covered?")
    assert not answer.abstained
    assert "can be evaded" in lead(answer.text)
    assert_well_cited(answer)


def test_a_yes_or_no_aspect_after_a_statement_asks_about_the_statement():
    question = "We sign every model we deploy. Are we safe?"
    assert ranking_part(question, LEXICON) == question
    assert ranking_part("I'm a pentester. What should I learn?", LEXICON) == "What should I learn?"


def test_a_further_clause_about_a_subject_of_its_own_gets_its_own_sentence(bot):
    answer = bot.ask("Which threats does the Quillmark threat catalogue list, and which tools check model archives?")
    assert not answer.abstained
    assert "Crateguard" in answer.text or "Archive checkers" in answer.text
    assert_well_cited(answer)
