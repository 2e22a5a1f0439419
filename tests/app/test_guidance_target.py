"""A guidance question's background and target pick its section: a background whose path is only a neighbour's (a data
scientist's is the ML engineer's) gets a named target role's own requirements, and the words saying where the asker is
going name a role in any order ("security for ML platforms" is MLSecOps). A real index over the ask corpus plus one
guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asker_backgrounds, target_families

GUIDE = """---
title: Roles, paths and learning paths in AI security
sources:
  - {title: "Fixture guide", url: "https://example.org/roles", checked: 2026-11-01}
---

## Skills, wellbeing and career path for AI red teamers

Useful skills for an AI red teamer are creative adversarial thinking, Python scripting, penetration testing and web
security, understanding of how LLMs process prompts, and clear technical writing. AI red teamers typically come from
penetration testing, offensive security, ML research or trust-and-safety work.

## Transition path from ML engineer to AI security

**Skills that carry over from ML engineering**: Python, PyTorch or TensorFlow, model training and evaluation, and data
pipelines.

**Gaps an ML engineer usually needs to close**: security fundamentals (threat modeling, authorisation, secrets
management), an attacker mindset and supply-chain attacks.

**Three-to-six-month study plan for an ML engineer**:
- Month 1: learn threat modeling and apply it to a pipeline you know.
- Month 2: reproduce classical attacks in a notebook.

**Target roles for a former ML engineer**: MLSecOps engineer, AI security engineer and AI red teamer.

## Suggested learning paths by AI security role

- **MLSecOps engineer:** Kubernetes (CKA, then CKS) → CI/CD and infrastructure as code → NIST SP 800-218A → practise model scanning and signing in a pipeline.
- **AI red teamer:** web security (PortSwigger Web Security Academy) → OSCP or equivalent → LLM attack labs.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-target"), embedder, "roles.md", GUIDE)


@pytest.mark.parametrize("question, targets, backgrounds", [
    ("I'm a data scientist. What skills do red teamers need?", ("ai-red-team",), {None}),  # a neighbour's path: none
    ("I'm a data scientist. How do I get into AI security?", (), {"ml engineer"}),  # aimed at a field: the neighbour's
    ("ML engineer here. What skills do red teamers need?", ("ai-red-team",), {"ml engineer"}),  # a path of its own
])
def test_a_neighbours_path_is_no_background_for_a_named_target_role(lexicon, question, targets, backgrounds):
    assert asker_backgrounds(question, lexicon, targets) == backgrounds


@pytest.mark.parametrize("question, named", [
    ("college student, I want to end up doing security for ML platforms/pipelines. which certs matter?", ("mlsecops",)),
    ("final year CS student. what's a sensible route towards securing ML platforms?", ("mlsecops",)),
    ("I'm an ML platform engineer. How do I get into security?", ()),  # the asker's own title, no target
    ("SOC analyst here and I want to learn some ML. What should I study?", ()),
])
def test_the_words_saying_where_the_asker_goes_name_a_role_in_any_order(lexicon, families, question, named):
    assert target_families(question, lexicon, families) == named


def test_a_data_scientist_asking_a_roles_skills_gets_that_roles_requirements(bot):
    answer = bot.ask("I'm a data scientist (mostly tabular models) and AI red teaming sounds fun. "
                     "What skills do red teamers need that I probably don't have yet?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Useful skills for an AI red teamer are creative adversarial thinking"), answer.text
    assert "Gaps an ML engineer" not in answer.text and "Skills that carry over from ML engineering" not in answer.text
    assert_well_cited(answer)


def test_a_target_named_in_other_words_gets_that_roles_learning_path(bot):
    answer = bot.ask("college student, I want to end up doing security for ML platforms/pipelines. "
                     "in what order should i learn stuff and which certs matter?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("MLSecOps engineer: Kubernetes (CKA, then CKS)"), answer.text
    assert "NIST SP 800-218A" in lead(answer.text)
    assert_well_cited(answer)
