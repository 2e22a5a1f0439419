"""A question asking what gaps to fill gets the path's gaps, then the plan's steps that close them and, when asked, the
target roles: the asked kinds' items are kept within the answer's length before any other's. A real index over the ask
corpus plus one guide written like the corpus's transition paths."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead

GUIDE = """---
title: Moving from ML engineering into AI security
sources:
  - {title: "Fixture guide", url: "https://example.org/gaps", checked: 2026-11-01}
---

## Transition path from ML engineer to AI security

**Skills that carry over from ML engineering**: Python, PyTorch, model training and evaluation, and data pipelines.
These skills are directly useful for adversarial testing. They also help when reviewing training code. Most teams
value them highly.

**Gaps an ML engineer usually needs to close**: security fundamentals (threat modeling, secrets management, cloud
IAM), an attacker mindset and supply-chain attacks.

**Study plan for an ML engineer**:
- Month 1: learn threat modeling (for example STRIDE) and read MITRE ATLAS to learn evasion and poisoning attacks.
- Month 2: reproduce adversarial examples and a data-poisoning backdoor in a notebook.
- Month 3: harden a training pipeline: convert pickle checkpoints to safetensors and sign models.
- Month 4: scan model files with picklescan and record build provenance following SLSA.
- Month 5: study Kubernetes security for GPU workloads.
- Month 6: publish a write-up of the hardened pipeline.

**Target roles for a former ML engineer**: MLSecOps engineer, adversarial ML researcher and AI security engineer.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-gaps"), embedder, "gaps.md", GUIDE)


def test_a_gaps_question_gets_the_gaps_then_the_plans_steps_that_close_them(bot):
    answer = bot.ask("ML engineer here (PyTorch, MLflow). What security gaps do I need to fill to move into AI security?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Gaps an ML engineer usually needs to close"), answer.text
    assert "STRIDE" in answer.text and "safetensors" in answer.text, answer.text
    assert answer.text.index("Month 1") < answer.text.index("Month 2") < answer.text.index("Month 3")
    assert_well_cited(answer)


def test_the_target_roles_asked_beside_the_gaps_are_kept_within_the_answers_length(bot):
    answer = bot.ask("I train PyTorch models for a living. What gaps would I need to fill to pivot into AI security, "
                     "and what kind of roles would fit me?")
    assert not answer.abstained, answer.text
    assert "safetensors" in answer.text, answer.text
    assert "MLSecOps engineer" in answer.text, answer.text  # the roles, not cut for the carried-over skills' prose
    assert_well_cited(answer)


def test_a_study_plan_question_gives_the_gaps_before_the_skills_it_did_not_ask_about(bot):
    answer = bot.ask("I'm an ML engineer. What should I study first to get into AI security?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Study plan for an ML engineer: Month 1"), answer.text
    assert "Gaps an ML engineer" in answer.text, answer.text  # what the plan closes, before the skills carried over
    assert answer.text.index("Gaps an ML engineer") < answer.text.index("Skills that carry over"), answer.text
    assert "Most teams value them highly" not in answer.text, answer.text  # unasked prose, past the answer's length
    assert_well_cited(answer)
