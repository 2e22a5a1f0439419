"""Answers lead with the answer: typed leads, refusals naming the missing kind, a plan's steps in order, postings
as short references, guidance from documents. A real index over the ask corpus plus one transition guide."""
from __future__ import annotations

import re

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead

GUIDE = """---
title: Moving into AI security
sources:
  - {title: "Quillmark Labs announcement", url: "https://example.org/falcon-lens", checked: 2026-11-01}
---

## Transition path from SOC analyst to AI security

**Skills that carry over from SOC work**: log analysis, alert triage and incident response.

**Study plan for a SOC analyst**:
- Month 1: read the OWASP Top 10 for LLM Applications and map ATLAS case studies to ATT&CK techniques.
- Month 2: build a small LLM application with logging and attack it with public prompt-injection exercises.
- Month 3: write detections for token spikes and unusual agent tool calls, tagged with ATLAS technique IDs.

**Target roles for a former SOC analyst**: AI-aware detection engineer and AI incident responder.

## The Falcon Lens detection scanner

Detection engineers use Falcon Lens to search prompt logs for injection attempts and leaked system prompts.
The Falcon Lens scanner was released in March 2024 by Quillmark Labs as a free command-line tool.

## Sources

- Quillmark Labs — Falcon Lens announcement (March 2024): the release of the scanner.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("lead"), embedder, "moving-into-ai-security.md", GUIDE)


def test_a_question_asking_for_a_date_leads_with_a_sentence_holding_one(bot):
    answer = bot.ask("When was the Falcon Lens scanner released?")
    assert not answer.abstained
    assert "March 2024" in lead(answer.text)
    assert_well_cited(answer)


def test_a_founder_no_sentence_names_is_refused_naming_what_is_missing(bot):
    answer = bot.ask("Who founded Quillmark Labs?")
    assert answer.abstained and answer.citations == []
    assert "who founded it" in answer.text


def test_a_how_to_question_gives_the_plan_steps_in_order_each_cited(bot):
    answer = bot.ask("I'm a SOC analyst. How do I move into AI security?")
    assert not answer.abstained
    assert lead(answer.text).startswith("Study plan for a SOC analyst: Month 1")  # the list's label opens its first item
    positions = [answer.text.index(f"Month {n}") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert all(c.kind == "document" for c in answer.citations)  # guidance: reference documents, not postings
    assert_well_cited(answer)


def test_sources_sections_are_never_quoted(bot):
    answer = bot.ask("When was the Falcon Lens scanner released?")
    assert "announcement (March 2024)" not in answer.text
    assert all("## Sources" not in c.text for c in answer.citations)


def test_postings_in_a_prose_answer_are_one_short_reference_not_their_fields(bot):
    answer = bot.ask("What do AI red teams record?")
    assert not answer.abstained
    assert "Red teamers record every successful attack" in lead(answer.text)
    assert " — " in answer.text and "USD per year" in answer.text  # title — company, place, pay
    assert not re.search(r"\b(?:Company|Seniority|Skills|Role family): ", answer.text)


def test_the_askers_setting_told_before_the_question_is_not_what_the_lead_must_name(bot):
    answer = bot.ask("Our SOC team in Denver was told the Falcon Lens scanner came out in 2022. Is that right? "
                     "When was it released?")
    assert not answer.abstained, answer.text
    assert "March 2024" in lead(answer.text)
    assert_well_cited(answer)


def test_a_name_told_before_a_question_that_refers_back_to_it_stays_what_the_answer_is_about(bot):
    answer = bot.ask("An interviewer asked me about the Falcon Lens scanner and I blanked. When was it released?")
    assert not answer.abstained, answer.text
    assert "March 2024" in lead(answer.text)


def test_a_detail_of_one_named_posting_leads_and_its_short_reference_follows(bot):
    answer = bot.ask("What will the MLSecOps Engineer at Harbor Labs write Terraform for?")
    assert not answer.abstained
    assert "training platform" in lead(answer.text)
    assert "MLSecOps Engineer — Harbor Labs, Seattle" in answer.text.split("[", 1)[1]  # the reference, after the lead
    assert_well_cited(answer)


def test_where_a_named_posting_is_based_still_leads_with_its_reference(bot):
    answer = bot.ask("Where is the MLSecOps Engineer role at Harbor Labs based?")
    assert not answer.abstained
    assert "Seattle" in lead(answer.text)
