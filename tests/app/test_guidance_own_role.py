"""Guidance for an asker who names the role they hold: a how-to about a task of that role is answered from the
section about the task, not from the transition path their title maps to (they say no move), and "what's on my
plate?" from someone new in a role is answered from its responsibilities. A real index over the ask corpus plus one
guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asked_kinds, says_move
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Product security engineering and AI features
sources:
  - {title: "Fixture guide", url: "https://example.org/product-security", checked: 2026-11-01}
---

## Core responsibilities of a product security engineer

- **Threat modelling.** Leading design reviews with data flow diagrams and the STRIDE categories.
- **Security tooling.** Running static analysis (SAST) and secrets scanning in CI/CD.
- **Vulnerability management.** Triaging reports from bug bounty programmes and tracking fixes.

## How AI features changed the product security engineer's job

Since generative AI features became common, product security engineers review a new kind of component. In practice
the threat model changes in three ways:

- **The model is an untrusted component.** Model output must be treated like user input: encoded before rendering.
- **Content becomes code-like.** Any document the model reads may carry instructions (indirect prompt injection).
- **Agents widen the blast radius.** When an LLM can call tools, the engineer reviews each tool's permissions.

## Core responsibilities of an AI governance lead

- **AI inventory.** Building a register of AI systems, covering unsanctioned "shadow AI".
- **Intake and risk tiering.** Running a review process for new AI use cases and classifying each by risk.
- **Third-party AI risk.** Adding AI-specific questions to vendor due diligence and contracts.
- **Training and reporting.** Running AI literacy training and reporting AI risk posture to the board.

## AI governance oversight by the vCISO or head of security

In many small organisations nobody owns AI risk, so the head of security becomes the de facto AI governance lead.
Typical AI oversight tasks are:

- **AI vendor risk.** Checking whether vendors use customer data to train models.
- **Certification readiness.** Advising whether ISO/IEC 42001:2023 is worth pursuing for customer assurance.

## Transition path from software engineer to AI security

**Skills that carry over from software engineering**: building and reviewing applications and APIs, web security
basics, CI/CD and code review.

**Study plan for a software engineer**:
- Month 1: study the OWASP Top 10 for LLM Applications 2026 and write a threat model of an LLM feature.
- Month 2: build a RAG application with an agent with tools, then attack both and fix the findings.
- Month 3: add security tests for prompt injection and output handling to CI.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-own-role"), embedder, "product-security.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


@pytest.mark.parametrize("question", [
    "As an appsec engineer, how should I change my threat modelling now that our app has LLM features?",
    "I'm an ML engineer. How should I lock down our MLflow model registry?",
    "Newly promoted head of security. How should I report to the board?",
])
def test_a_bare_how_to_about_the_askers_own_work_asks_for_no_path(question, lexicon):
    assert not says_move(question, lexicon)
    assert "plan" not in asked_kinds(question, lexicon)


@pytest.mark.parametrize("question", [
    "I'm a software engineer. How do I move into AI security?",
    "Backend dev here, I've wired LLM APIs into products. How do I turn that into an AI security career?",
    "I'm a GRC analyst. Where are my gaps for AI governance and how do I close them?",
])
def test_a_bare_how_to_that_says_where_the_asker_is_going_still_asks_for_their_path(question, lexicon):
    assert says_move(question, lexicon)
    assert "plan" in asked_kinds(question, lexicon)


@pytest.mark.parametrize("question", [
    "I just got named AI governance lead at an insurer. What should actually be on my plate?",
    "New product security engineer here, first week. What should I actually be doing in this job?",
])
def test_what_is_on_the_plate_of_someone_new_in_a_role_asks_for_its_responsibilities(question, lexicon):
    assert "responsibilities" in asked_kinds(question, lexicon)


def test_what_to_do_asked_by_someone_moving_elsewhere_asks_for_no_responsibilities(lexicon):
    assert "responsibilities" not in asked_kinds("I'm a GRC analyst moving into AI governance. What should I be doing "
                                                 "in month 2?", lexicon)  # the path's month answers a mover


def test_a_task_of_the_askers_role_is_answered_from_the_section_about_it_not_their_transition_path(bot):
    answer = bot.ask("As a product security engineer, how should I change my threat modelling now that our app "
                     "has an LLM feature and tool-calling agents?")
    assert not answer.abstained
    assert_well_cited(answer)
    assert "untrusted component" in answer.text
    assert "Month 1" not in answer.text  # the software engineer's study plan answers someone moving, not this asker


def test_someone_new_in_a_role_asking_whats_on_their_plate_gets_its_responsibilities(bot):
    answer = bot.ask("I just started as a product security engineer. What's on my plate?")
    assert not answer.abstained
    assert_well_cited(answer)
    assert any(word in lead(answer.text) for word in ("STRIDE", "SAST", "bug bounty"))
    assert "Career progression" not in answer.text


def test_a_roles_responsibilities_are_not_cut_for_a_section_about_another_role_too(bot):
    answer = bot.ask("I was just named our AI governance lead. What should actually be on my plate?")
    assert not answer.abstained
    assert_well_cited(answer)
    assert "Training and reporting" in answer.text  # the lead's own list, whole
    assert "Certification readiness" not in answer.text  # the vCISO's oversight of AI governance is another role's


@pytest.mark.parametrize("question", [
    "Nobody at our 120-person company owns AI risk. Who should own this and what should they tackle first?",
    "Our startup has no one responsible for AI. Who should take ownership of AI risk?",
])
def test_who_should_own_a_thing_asks_for_the_owner_and_no_name(question, lexicon):
    from app.answer_type import expected_answer_type
    from app.coverage import asking_text

    assert next(iter(asked_kinds(question, lexicon))) == "owner"
    assert expected_answer_type(question, lexicon, asking_text(question, lexicon)) is None  # a role, no agent's name


def test_who_should_own_a_thing_is_led_by_the_sentence_saying_who_owns_it_then_its_duties(bot):
    answer = bot.ask("Nobody at our 120-person company owns AI risk and staff sign up for any chatbot they like. "
                     "Who should own this and what should they tackle first?")
    assert not answer.abstained
    assert_well_cited(answer)
    assert "head of security" in lead(answer.text)
    assert answer.text.index("AI vendor risk") < answer.text.find("Month 1") or "Month 1" not in answer.text  # the
    # owner's duties before any study plan
