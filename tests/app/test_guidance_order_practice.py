"""Guidance asked for an order by its quality ("a sensible order to learn things in") or where to begin, and hands-on
practice asked beside reading ("Apart from reading, is there hands-on practice I can do to prepare?"): the first
reads as a plan and, for a role the asker names, the role's learning path leads before the asker's own path; the
second leads with the preparation section's practice, not its reading list. A real index over a guide written like
the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asked_kinds, asks_order, focus_words, is_guidance
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Paths and preparation for AI security
sources:
  - {title: "Fixture paths", url: "https://example.org/paths", checked: 2026-11-01}
---

## Transition path from ML engineer to AI security

**Gaps an ML engineer usually needs to close**: security fundamentals (threat modeling, secrets management), an
attacker mindset and supply-chain attacks.

**Study plan for an ML engineer**:
- Month 1: learn threat modeling (for example STRIDE) and apply it to a pipeline you know.
- Month 2: convert pickle checkpoints to safetensors and sign models with OpenSSF Model Signing.

**Target roles for a former ML engineer**: MLSecOps or ML platform security engineer and adversarial ML researcher.

## Suggested learning paths by AI security role

- **MLSecOps engineer:** Kubernetes (CKA, then CKS) → CI/CD and infrastructure as code → NIST SP 800-218A.
- **AI red teamer:** web security (PortSwigger Web Security Academy) → OSCP or equivalent → LLM attack labs.

## How to prepare for an AI security interview

Candidates can prepare by reading the primary documents rather than summaries: the OWASP Top 10 for LLM Applications
2026, the MITRE ATLAS matrix and NIST AI 100-2 E2025. Hands-on practice helps for technical roles: attacking public
prompt-injection challenges such as Gandalf, or running open-source LLM testing tools such as PyRIT or garak against a
local model. Preparing one written threat model of an LLM application gives concrete material for discussion.
"""

ORDER = ("Data scientist, mostly sklearn and a bit of pytorch. I'd love to do AI red teaming but I've never hacked "
         "anything. What's a sensible order to learn things in?")
PRACTICE = ("I've got an AI security engineer onsite in three weeks. Apart from reading, is there hands-on practice I "
            "can do to prepare?")


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-order"), embedder, "paths.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


@pytest.mark.parametrize("question, order", [(ORDER, True), ("Lawyer by training. What's a logical order to study things in?", True),
                                             ("Where should I begin if I want a product security job?", False),
                                             ("Data scientist here. What's a sensible hands-on plan to get into it?", False)])
def test_an_order_asked_by_its_quality_or_where_to_begin_asks_for_a_plan(lexicon, question, order):
    assert is_guidance(question, lexicon)
    assert list(asked_kinds(question, lexicon)) == ["plan"]
    assert asks_order(question, lexicon) == order  # an order of things to learn; not a plan, nor where to begin


def test_what_to_do_to_prepare_asks_for_a_plan_and_an_opening_exclusion_stops_at_its_comma(lexicon):
    assert "plan" in asked_kinds(PRACTICE, lexicon)
    focus = focus_words(PRACTICE, lexicon)
    assert {"hand", "practic"} <= focus and not focus & {"read", "apart"}
    assert "jailbreak" not in focus_words("What do they cover beyond jailbreaks?", lexicon)  # a later one: to the end


def test_an_order_for_a_named_role_leads_with_its_learning_path_then_the_askers_own(bot):
    answer = bot.ask(ORDER)
    assert not answer.abstained, answer.text
    assert "PortSwigger" in lead(answer.text), answer.text
    assert "Month 1" in answer.text  # the path from the asker's background follows
    assert_well_cited(answer)


def test_practice_asked_apart_from_reading_leads_with_the_sections_practice(bot):
    answer = bot.ask(PRACTICE)
    assert not answer.abstained, answer.text
    assert "Gandalf" in lead(answer.text), answer.text
    assert_well_cited(answer)
