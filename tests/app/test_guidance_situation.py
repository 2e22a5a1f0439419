"""Guidance asked from a person's situation about a role: a hiring manager writing the role's ad (its duties, what to
require of candidates), a career changer asking what they would do day to day or which tools they would run, and
someone who has just taken on the role asking where to start — each answered from the section of the role's own
profile that gives it, never from another role's section nor from the postings. A real index over the ask corpus
plus one guide written like the corpus's role profiles."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asked_kinds, asks_about_postings, holds_role, writes_ad
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Role profiles for AI red teaming and AI governance
sources:
  - {title: "Fixture guide", url: "https://example.org/role-profiles", checked: 2026-11-01}
---

## What an AI red teamer does

An AI red teamer attacks AI models and AI-powered products before real adversaries do. AI red teamers report what
they found, how reliably it reproduces, and how to fix it.

## Tools and methods used by AI red teamers

Common open-source tools include Microsoft's PyRIT and NVIDIA's garak LLM vulnerability scanner. Because model
outputs are non-deterministic, an AI red teamer reports attack success rates over repeated attempts.

## Skills, wellbeing and career path for AI red teamers

Useful skills for an AI red teamer are Python scripting, penetration testing and clear technical writing. Exposure
to disturbing content is part of some AI red-team work, so responsible employers provide wellbeing support.

## Core responsibilities of an AI governance lead

- **AI policy.** Drafting an AI policy and an acceptable-use policy for generative AI tools.
- **AI inventory.** Building and maintaining a register of AI systems and use cases.
- **Intake and risk tiering.** Running a review process for new AI use cases and classifying each by risk.

## AI governance oversight by the vCISO or head of security

In many small organisations nobody owns AI risk, so the head of security becomes the de facto AI governance lead.
Typical AI oversight tasks are:

- **Acceptable use of generative AI.** Setting rules for which AI tools staff may use and addressing "shadow AI".
- **AI vendor risk.** Checking whether vendors use customer data to train models.

## Suggested learning paths by AI security role

- **AI governance lead:** EU AI Act and NIST AI RMF → AIGP → ISO/IEC 42001 implementer course.
- **vCISO / head of security:** CISSP or CISM → NIST CSF 2.0 → NIST AI RMF and ISO/IEC 42001 → AAISM.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-situation"), embedder, "role-profiles.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


@pytest.mark.parametrize("question, kind", [
    ("Legal thinks AI risk belongs to IT, so we're going to hire an AI governance lead. What should the "
     "responsibilities section of the job ad say?", "responsibilities"),
    ("I'm drafting the job ad for an AI governance lead - what duties should I list in it?", "responsibilities"),
    ("We're hiring a product security engineer. Which responsibilities belong in the job ad?", "responsibilities"),
    ("I'm recruiting for a new AI red team. What should the requirements in the ad be?", "skills"),
])
def test_the_ad_the_asker_writes_asks_what_the_role_holds_not_about_postings(question, kind, lexicon):
    assert writes_ad(question, lexicon)
    assert not asks_about_postings(question, lexicon)
    assert kind in asked_kinds(question, lexicon)


def test_comparable_postings_asked_by_someone_writing_an_ad_are_still_postings(lexicon):
    question = "I'm a hiring manager writing our first AI red team job ad. What do comparable postings list?"
    assert asks_about_postings(question, lexicon)


@pytest.mark.parametrize("question", [
    "Just became head of security at a 150-person SaaS company and nobody owns AI risk. Where do I start?",
    "Just got hired as the first AI governance lead at a hospital group. What are the core parts of my job?",
])
def test_where_to_start_in_a_role_just_taken_asks_for_its_duties_not_a_path(question, lexicon):
    assert holds_role(question, lexicon)
    kinds = asked_kinds(question, lexicon)
    assert "responsibilities" in kinds and "plan" not in kinds


def test_where_to_start_for_someone_not_yet_in_the_role_still_asks_for_a_plan(lexicon):
    question = "I'm a student interested in AI governance. Where do I start?"
    assert not holds_role(question, lexicon)
    assert "plan" in asked_kinds(question, lexicon)


def test_a_role_just_taken_is_answered_from_its_duties_in_that_field(bot):
    answer = bot.ask("Just became head of security at a 150-person SaaS company and nobody owns AI risk. "
                     "Where do I start?")
    assert not answer.abstained
    assert_well_cited(answer)
    assert "shadow AI" in answer.text and "AI vendor risk" in answer.text
    assert "AIGP" not in answer.text  # a learning path is for someone moving into the role


def test_the_responsibilities_section_of_an_ad_is_the_roles_responsibilities(bot):
    answer = bot.ask("Legal thinks AI risk belongs to IT, IT thinks it belongs to legal, so we're going to hire an "
                     "AI governance lead. What should the responsibilities section of the job ad say?")
    assert not answer.abstained
    assert_well_cited(answer)
    assert "AI policy" in lead(answer.text)
    assert "register of AI systems" in answer.text and "risk tiering" in answer.text


def test_the_tools_of_a_role_are_its_tools_section_with_how_findings_are_reported(bot):
    answer = bot.ask("I'm a web app pentester thinking about moving into AI red teaming. What tooling would I be "
                     "using day to day, and how does writing up findings differ from a normal pentest report?")
    assert not answer.abstained
    assert_well_cited(answer)
    assert "PyRIT" in lead(answer.text)
    assert "success rates" in answer.text
    assert "AI policy" not in answer.text  # another role's responsibilities answer nothing about this one


def test_day_to_day_of_a_role_without_a_responsibilities_section_is_what_its_holder_does(bot):
    answer = bot.ask("Pentester here thinking about AI red teaming. What would I be doing day to day?")
    assert not answer.abstained
    assert_well_cited(answer)
    assert "attacks AI models" in answer.text
    assert "AI policy" not in answer.text and "AI inventory" not in answer.text


def test_what_to_ask_of_candidates_and_what_the_role_offers_is_its_skills_and_wellbeing_section(bot):
    answer = bot.ask("We're standing up a small AI red team and I have to write the job ad. What should I ask "
                     "candidates for, and is there anything the role itself should offer them?")
    assert not answer.abstained
    assert_well_cited(answer)
    assert "Python" in lead(answer.text)
    assert "wellbeing support" in answer.text
