"""Guidance for an asker whose background or target is worded by a job title of a path's family ("MLOps engineer",
"full-stack developer"), a target said as "to work in", jobs named in a purpose clause ("before applying for AI
security jobs"), an order asked as "what order", and what the asker is missing: the path from that background answers,
its gaps leading where they are asked. A real index over the ask corpus plus transition paths written like the
corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asked_kinds, asker_backgrounds, asks_about_postings, is_guidance
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Transition paths into AI security
sources:
  - {title: "Fixture paths", url: "https://example.org/paths", checked: 2026-11-01}
---

## Transition path from SOC analyst to AI security

**Skills that carry over from SOC work**: log analysis and SIEM queries, alert triage and incident response.

**Gaps a SOC analyst usually needs to close**: how LLM applications are built, AI-specific attacks such as prompt
injection, and enough Python to write simple detection scripts.

**Study plan for a SOC analyst**:
- Month 1: read the OWASP Top 10 for LLM Applications 2026 and the MITRE ATLAS matrix.
- Month 2: build a small LLM application with logging, then attack it with public prompt-injection exercises.

## Transition path from ML engineer to AI security

**Skills that carry over from ML engineering**: Python, PyTorch, model training and evaluation, and MLOps tooling.

**Gaps an ML engineer usually needs to close**: security fundamentals (threat modeling, secrets management), an
attacker mindset and supply-chain attacks.

**Study plan for an ML engineer**:
- Month 1: learn threat modeling (for example STRIDE) and apply it to a pipeline you know.
- Month 2: convert pickle checkpoints to safetensors and sign models with OpenSSF Model Signing.

## Transition path from software engineer to AI security

**Skills that carry over from software engineering**: building and reviewing applications and APIs, and CI/CD.

**Gaps a software engineer usually needs to close**: formal application security practice and LLM-specific attack
techniques such as indirect prompt injection.

**Study plan for a software engineer**:
- Month 1: study the OWASP Top 10 for LLM Applications 2026 in depth.
- Month 2: build a RAG application with document-level access control, enforcing authorisation outside the model.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-titles"), embedder, "paths.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


@pytest.mark.parametrize("question, background", [
    ("I'm an ML platform engineer (Kubeflow, feature stores). How do I move into ML security?", "ml engineer"),
    ("MLOps engineer here. What gaps do I need to fill to work in AI security?", "ml engineer"),
    ("Mobile dev, mostly Kotlin. How would I get into AI security?", "software engineer"),
])
def test_a_title_of_a_paths_family_is_read_by_its_longest_words(lexicon, question, background):
    assert asker_backgrounds(question, lexicon) == {background}  # an ML platform engineer is no platform engineer


@pytest.mark.parametrize("question, kinds", [
    ("I build recommender models in PyTorch all day. Which security gaps should I close before applying for AI "
     "security jobs?", ["plan", "gaps"]),
    ("Coming from application security, what order should I learn things in to become an AI security engineer?", ["plan"]),
    ("I'm a SOC analyst. What carries over into AI security and what am I missing?", ["skills", "gaps"]),
    ("I'm an ML engineer. How would I pivot into security work that uses what I already know?", ["plan"]),
])
def test_guidance_worded_by_a_purpose_an_order_or_a_lack_is_read_as_guidance(lexicon, question, kinds):
    assert is_guidance(question, lexicon) and not asks_about_postings(question, lexicon)
    assert list(asked_kinds(question, lexicon)) == kinds


@pytest.mark.parametrize("question, expected", [
    ("MLOps engineer with four years on SageMaker. What gaps do I need to fill to work in AI security?", "attacker mindset"),
    ("Full-stack developer here. How would I get into AI security over the next few months?", "OWASP Top 10 for LLM"),
    ("SOC analyst, two years on Sentinel. What carries over into AI security and what am I missing?", "Python"),
])
def test_the_path_from_the_askers_background_answers_its_asked_part_first(bot, question, expected):
    answer = bot.ask(question)
    assert not answer.abstained, answer.text
    assert expected in lead(answer.text), answer.text
    assert_well_cited(answer)
