"""Guidance answers give every asked part (the plan and the target roles, the credentials and the frameworks), follow
the question's focus (the role's responsibilities, the step it asks about) and lead with the answer, not the section's
topic sentence. A real index over the ask corpus plus one guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.coverage import asked_terms
from app.guidance import asked_kinds, asks_about_postings
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Paths, responsibilities and credentials in AI security
sources:
  - {title: "Fixture guide", url: "https://example.org/parts", checked: 2026-11-01}
---

## Overview of transition paths into AI security

AI security draws people from four common backgrounds: security operations, machine learning engineering, GRC and
software engineering. The study plans below are built on free public resources such as MITRE ATLAS.

## Transition path from SOC analyst to AI security

**Skills that carry over from SOC work**: log analysis and SIEM queries, alert triage and incident response.

**Study plan for a SOC analyst**:
- Month 1: read the OWASP Top 10 for LLM Applications 2026 and the MITRE ATLAS matrix.
- Month 2: build a small LLM application with logging, then attack it with public prompt-injection exercises.
- Month 3: write detections for token spikes and unusual agent tool calls, tagged with ATLAS technique IDs.

**Target roles for a former SOC analyst**: AI-aware detection engineer and AI incident responder.

## Transition path from ML engineer to AI security

**Skills that carry over from ML engineering**: Python, PyTorch, model training and evaluation, and data pipelines.

**Study plan for an ML engineer**:
- Month 1: learn threat modeling (for example STRIDE) and read MITRE ATLAS to learn evasion and poisoning attacks.
- Month 2: reproduce adversarial examples and a data-poisoning backdoor in a notebook.
- Month 3: harden a training pipeline: convert pickle checkpoints to safetensors and sign models with OpenSSF Model Signing.

## Core responsibilities of an AI governance lead

- **AI policy.** Drafting an AI policy and an acceptable-use policy for generative AI tools.
- **AI inventory.** Building and maintaining a register of AI systems, including unsanctioned "shadow AI".

## Career progression for AI governance leads

Typical progression runs from AI governance analyst to AI governance manager, AI governance lead, and head of AI
governance; some move into chief privacy or chief risk officer tracks.

## Certifications for vCISOs and heads of security

Security leaders typically hold CISSP or CISM. ISACA's Advanced in AI Security Management (AAISM) certification is open
only to holders of an active CISM or CISSP.

## Skills, credentials and career path to vCISO or head of security

A vCISO or head of security needs risk management, communication with executives and familiarity with frameworks such
as NIST CSF, ISO/IEC 27001 and SOC 2. Common credentials are CISSP, CISM and, for AI, ISACA's AAISM.

## Foundation certifications across AI security roles

- **CISSP (ISC2).** CISSP requires five years of cumulative paid work experience in two or more of its eight domains.
A four-year degree can substitute for one year. Candidates without the experience can become an Associate of ISC2.
- **CISM (ISACA).** CISM requires five years of information security work experience.

## Certifications for MLSecOps engineers

For an MLSecOps or ML platform security engineer, Kubernetes and cloud automation credentials carry the most weight.
The Certified Kubernetes Security Specialist (CKS) is a performance-based exam taken in a live command-line environment.
CKS candidates must hold a Certified Kubernetes Administrator (CKA) certification that is still active.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-parts"), embedder, "parts.md", GUIDE)


def test_a_three_part_question_gets_the_plan_in_order_and_the_target_roles_though_it_says_roles(bot):
    answer = bot.ask("I've been a SOC analyst for 5 years (Splunk, ATT&CK, IR). How do I get into AI security, "
                     "what should I study first and what roles should I target?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Study plan for a SOC analyst: Month 1: read the OWASP Top 10"), answer.text
    assert answer.text.index("Month 1") < answer.text.index("Month 2") < answer.text.index("Month 3")
    assert "AI incident responder" in answer.text, answer.text
    assert all(c.kind == "document" for c in answer.citations)
    assert_well_cited(answer)


def test_credentials_and_frameworks_are_both_answered_from_the_section_that_gives_both(bot):
    answer = bot.ask("I'm a security manager with CISM and want to work as a vCISO who also covers AI. "
                     "what credentials and frameworks should I have?")
    assert not answer.abstained, answer.text
    assert "ISO/IEC 27001" in answer.text and "AAISM" in answer.text, answer.text
    assert_well_cited(answer)


def test_a_question_about_the_roles_responsibilities_gets_them_not_its_career_progression(bot):
    answer = bot.ask("We're a mid-size insurer and I've been told to stand up AI governance from scratch as our first "
                     "AI governance lead. What should be on my list of core responsibilities?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("AI policy"), answer.text
    assert "shadow AI" in answer.text and "Typical progression" not in lead(answer.text)
    assert_well_cited(answer)


def test_the_step_the_question_is_about_leads_the_plan(bot):
    answer = bot.ask("im an ML engineer (pytorch, mlflow), want to move into MLSecOps. "
                     "what practical hardening should i practise on my pipeline?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Month 3: harden a training pipeline"), answer.text
    assert "Month 1" in answer.text  # the other steps follow
    assert_well_cited(answer)


def test_a_certifications_answer_leads_with_a_credential_not_the_sections_topic_sentence(bot):
    answer = bot.ask("Network engineer turned k8s admin. Thinking about MLSecOps / ML platform security. "
                     "Which certifications actually matter for that and is there a prerequisite I should know about?")
    assert not answer.abstained, answer.text
    assert "CKS" in lead(answer.text) and "carry the most weight" not in lead(answer.text), answer.text
    assert "CKA" in answer.text
    assert_well_cited(answer)


def test_a_student_asking_about_a_named_credential_gets_its_entry_with_what_to_do_instead(bot):
    answer = bot.ask("Second-year security student. Could I take the CISSP right after my degree, "
                     "and if not what can I do instead?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("CISSP (ISC2): CISSP requires five years"), answer.text
    assert "Associate of ISC2" in answer.text, answer.text
    assert_well_cited(answer)


def test_an_introduction_ending_in_here_is_the_askers_setting_whatever_follows_it():
    lexicon = load_lexicon(Settings().lexicon_path)
    assert asked_terms("Former Deloitte auditor here: show me what to learn for AI governance", lexicon) == []
    assert asked_terms("Where is the office here: Berlin?", lexicon) == ["Berlin"]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


@pytest.mark.parametrize("question, kinds", [
    # an asker new in the role asks what it builds first: its responsibilities, not a learning path into it
    ("I just got hired as our company's first AI governance lead. What should I actually be building in the first "
     "months?", ["responsibilities"]),
    ("I've just been hired as the first MLSecOps engineer at a fintech. What should I be doing in my first few "
     "months?", ["responsibilities"]),
    ("I'm a student. What should I be building for my portfolio to get into AI security?", ["plan"]),
])
def test_what_to_build_first_in_a_role_asks_for_its_responsibilities(lexicon, question, kinds):
    assert list(asked_kinds(question, lexicon)) == kinds


@pytest.mark.parametrize("question", [
    "I've been training PyTorch models for five years but know almost nothing about security. What gaps do I need to "
    "fill to move into AI security, and what kind of jobs could I aim for?",
    "I'm a backend developer. What are my gaps, and which roles could I aim for in AI security?",
])
def test_the_jobs_an_asker_could_aim_for_are_target_roles_not_postings(lexicon, question):
    assert not asks_about_postings(question, lexicon)
    assert "roles" in asked_kinds(question, lexicon)
