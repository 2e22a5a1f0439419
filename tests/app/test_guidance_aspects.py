"""Guidance for an asker who says who they are and asks one aspect of the guidance written for them, worded as users
word it: what they are "most likely missing", what "transfers", which roles "would suit" them, what to "go deep on
first", a "path from" their work, which certs "matter" for a field's jobs, a role's learning path, what "convinces
hiring managers". Each reads as that kind of guidance (not as a question about postings) and the section written for
that background or role answers, its items in order. A real index over the ask corpus plus a guide written like the
corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asked_kinds, asker_backgrounds, asker_families, asks_about_postings, is_guidance
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Transition paths into AI security
sources:
  - {title: "Fixture paths", url: "https://example.org/paths", checked: 2026-11-01}
---

## Transition path from ML engineer to AI security

**Skills that carry over from ML engineering**: Python, PyTorch, model training and evaluation, and MLOps tooling.

**Gaps an ML engineer usually needs to close**: security fundamentals (threat modeling, secrets management), an
attacker mindset and supply-chain attacks.

**Study plan for an ML engineer**:
- Month 1: learn threat modeling (for example STRIDE) and apply it to a pipeline you know.
- Month 2: convert pickle checkpoints to safetensors and sign models with OpenSSF Model Signing.

**Target roles for a former ML engineer**: MLSecOps or ML platform security engineer and adversarial ML researcher.

## Transition path from software engineer to AI security

**Skills that carry over from software engineering**: building and reviewing applications and APIs, and CI/CD.

**Gaps a software engineer usually needs to close**: formal application security practice and LLM-specific attack
techniques such as indirect prompt injection.

**Study plan for a software engineer**:
- Month 1: study the OWASP Top 10 for LLM Applications 2026 in depth, especially Prompt Injection, Excessive Agency and
Improper Output Handling.
- Month 2: build a RAG application with document-level access control, enforcing authorisation outside the model.

**Target roles for a former software engineer**: product security engineer for AI features and LLM security engineer.

## Choosing between AI security transition paths

Software engineers tend to move into application-level AI security roles and ML engineers into pipeline security.
Concrete artefacts, such as a threat model, a hardened pipeline or a set of detections, demonstrate new skills more
directly than course completion alone.

## Certifications for AI governance leads

- **IAPP AIGP.** The IAPP launched the Artificial Intelligence Governance Professional (AIGP) certification exam in
April 2024.
- **ISACA credentials.** ISACA's Advanced in AI Audit (AAIA), launched in May 2025, targets IT auditors assessing AI.

## Suggested learning paths by AI security role

- **MLSecOps engineer:** Kubernetes (CKA, then CKS) → CI/CD and infrastructure as code → NIST SP 800-218A.
- **AI red teamer:** web security (PortSwigger Web Security Academy) → OSCP or equivalent → LLM attack labs.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-aspects"), embedder, "paths.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


@pytest.mark.parametrize("question, kinds", [
    ("I'm an ML engineer moving into AI security. Compared with security people, what am I most likely missing?",
     ["gaps"]),
    ("Risk analyst at an insurer. What would I be missing to move into AI risk?", ["gaps"]),
    ("GRC consultant. What do I still need to learn for AI governance work?", ["gaps"]),
    ("Machine learning engineer, five years. Which parts of my experience transfer to AI security work?", ["skills"]),
    ("Security operations analyst here. What am I lacking for AI security roles?", ["gaps"]),
    ("I'm a detection engineer. Which AI security roles would suit me?", ["roles"]),
    ("Backend dev. Which parts of the OWASP LLM list should I go deep on first?", ["plan"]),
    ("Backend dev, I've been wiring LLM APIs into our product. Is there a sensible path from that into AI security?",
     ["plan"]),
    ("which certs actually matter if I'm going for AI governance jobs?", ["certifications"]),
    ("What is the suggested learning path for an MLSecOps engineer?", ["plan", "certifications"]),
    ("Data scientist. Are online courses enough to get hired into AI security, or what actually convinces hiring "
     "managers?", ["evidence"]),
])
def test_an_aspect_of_guidance_worded_as_users_word_it_is_read_as_that_kind(lexicon, question, kinds):
    assert is_guidance(question, lexicon) and not asks_about_postings(question, lexicon)
    assert list(asked_kinds(question, lexicon)) == kinds


def test_a_pentester_has_no_transition_path_of_their_own_but_the_red_teamers_family(lexicon):
    question = "I'm a pentester. In what sequence should I learn stuff to become an AI red teamer?"
    assert asker_backgrounds(question, lexicon) == {None}  # not the software engineer's path
    assert asker_families(question, lexicon) == ("ai-red-team",)


@pytest.mark.parametrize("question, expected", [
    ("I've been an ML engineer for four years and want to move into AI security. What am I most likely missing?",
     "attacker mindset"),
    ("Backend dev, I've wired the OpenAI API into our products. If I want to become the AI security person on the team, "
     "which parts of the OWASP LLM list should I go deep on first?", "Excessive Agency"),
    ("Data scientist with zero security background. Are a few online courses enough to get hired into AI security, or "
     "what actually convinces hiring managers?", "Concrete artefacts"),
    ("which certs actually matter if I'm going for AI governance jobs?", "AIGP"),
    ("What is the suggested learning path for an MLSecOps engineer?", "CKS"),
    ("I'm a pentester. In what sequence should I learn stuff to become an AI red teamer?", "PortSwigger"),
])
def test_the_section_written_for_the_asker_and_aspect_leads(bot, question, expected):
    answer = bot.ask(question)
    assert not answer.abstained, answer.text
    assert expected in lead(answer.text), answer.text
    assert_well_cited(answer)
