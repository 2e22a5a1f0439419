"""Guidance whose situation and request are mixed: an interest the asker tells names the role they ask about ("hooked
on jailbreaking LLMs… what skills do people doing that have?"), a posting word that names the asker's own act ("worth
listing") asks nothing about postings, "I'm an…", "pivot into" and "final round" make a question guidance, and attacks
asked to be reproduced lead with the plan step that reproduces them. A real index over a guide written like the
corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asks_about_postings, is_guidance, target_families

GUIDE = """---
title: Paths and skills for AI security
sources:
  - {title: "Fixture paths", url: "https://example.org/paths", checked: 2026-11-01}
---

## Transition path from ML engineer to AI security

**Skills that carry over from ML engineering**: Python, model training and evaluation, and data pipelines.

**Three-to-six-month study plan for an ML engineer**:
- Month 1: learn threat modeling and read MITRE ATLAS for its attack taxonomy.
- Month 2: reproduce classical attacks in a notebook: adversarial examples, a backdoor through data poisoning, and membership inference.
- Month 3: harden a training pipeline and sign the models it produces.

## Skills and career path for AI red teamers

Useful skills for an AI red teamer are adversarial thinking, penetration testing and web security, and clear technical writing.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-situation"), embedder, "paths.md", GUIDE)


def test_an_interest_the_asker_tells_names_the_role_asked_about(lexicon, families):
    question = "I'm a data scientist and I'm hooked on jailbreaking LLMs. What skills do people doing that have?"
    assert target_families(question, lexicon, families) == ("ai-red-team",)


def test_a_posting_word_naming_the_askers_act_asks_nothing_about_postings(lexicon):
    assert not asks_about_postings("Which certifications are worth listing for the role?", lexicon)
    assert is_guidance("We're writing an ad for an AI governance lead. Which backgrounds should we consider, and which "
                       "certifications are worth listing?", lexicon)
    assert asks_about_postings("Which listings ask for the AIGP?", lexicon)  # the noun still names postings


@pytest.mark.parametrize("question", [
    "Which certifications do MLSecOps engineers hold? I'm an infrastructure person weighing my options",
    "I do vendor audits and want to pivot into AI governance. What do I need to learn?",
    "final round for an AI red team job on Monday. what scenarios come up?",
])
def test_an_asker_telling_a_role_a_pivot_or_a_final_round_asks_for_guidance(question, lexicon):
    assert is_guidance(question, lexicon)


def test_an_interest_leads_with_the_target_roles_skills_not_the_askers_path(bot):
    answer = bot.ask("Data scientist, mostly notebooks. I'm obsessed with tricking chatbots into misbehaving. "
                     "What skills do the people doing that have?")
    assert not answer.abstained, answer.text
    assert "penetration testing" in lead(answer.text), answer.text
    assert_well_cited(answer)


def test_attacks_asked_to_be_reproduced_lead_with_the_step_reproducing_them(bot):
    answer = bot.ask("I'm an ML engineer wanting hands-on practice before applying for AI security jobs. "
                     "Which attacks should I try reproducing myself?")
    assert not answer.abstained, answer.text
    assert "membership inference" in lead(answer.text), answer.text
    assert_well_cited(answer)
