"""Interview and hiring questions answer from the interview section in its order, led by what candidates should know
(not by the sentence saying what the interviews cover, nor by a transition path's carried-over skills): the hiring
side ("what should a strong candidate know … so I can test them?") and an interviewer's question the asker reports
ask for it too, and an example question the asker names leads when it gives its answer. A real index over the ask
corpus plus one interview guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asked_kinds, asker_backgrounds
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Interview topics and paths for AI security roles
sources:
  - {title: "Fixture guide", url: "https://example.org/interviews", checked: 2026-11-01}
---

## Interview topics for MLSecOps engineers: model supply chain

MLSecOps interviews focus on the security of model artifacts and pipelines. Candidates should know that pickle-based
PyTorch files can execute code on load, that PyTorch 2.6 changed the torch.load default to weights_only=True, and that
safetensors stores only tensors. Candidates should also be able to discuss model signing (the OpenSSF Model Signing
project, built on Sigstore).

Example questions:
- "A data scientist wants to deploy a model downloaded from a public hub. Walk through your intake process."
- "Review this code: model = torch.load(path). What is the risk, and how would you fix it?"

## Interview topics for AI governance roles: governance scenarios

AI governance interviews test whether candidates can apply frameworks to realistic situations. Candidates should be able
to name the four NIST AI RMF functions (Govern, Map, Measure, Manage) and explain Annex A of ISO/IEC 42001. A frequent
exercise is classifying a system under the EU AI Act and deciding whether the organisation is the provider or deployer.

Example questions:
- "A company buys a CV-screening tool and uses it to rank applicants. Classify the system and list the company's obligations as deployer." (Employment is an Annex III area.)
- "Map your AI incident response process to the NIST AI RMF functions."

## Transition path from GRC analyst to AI governance

**Skills that carry over from GRC work**: control frameworks such as ISO/IEC 27001 and SOC 2, risk assessments and audit
preparation.

**Study plan for a GRC analyst**:
- Month 1: read the NIST AI RMF and the EU AI Act's risk tiers.
- Month 2: run a practice AI system impact assessment.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("interview"), embedder, "interviews.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


def test_a_role_the_asker_interviews_for_is_no_background_of_theirs(lexicon):
    # "governance, risk and compliance" is the GRC background; "an AI governance manager interview" is the target
    assert asker_backgrounds("Prepping for an AI governance manager interview at a bank. Which frameworks should I "
                             "be ready to talk through?", lexicon) == frozenset()
    assert asker_backgrounds("I work in governance, risk and compliance. How do I move into AI governance?",
                             lexicon) == frozenset({"grc analyst"})


@pytest.mark.parametrize("question", [
    "I'm hiring an MLSecOps engineer. What should a strong candidate know about model supply chain security so I can "
    "test them?",
    "An interviewer showed me `model = torch.load(path)` and asked what's wrong. What should I have said?",
    "prepping for an AI governance manager interview at a bank. which frameworks and scenario exercises should I be "
    "ready to talk through?",  # the frameworks such an interview tests: no separate skills section
])
def test_hiring_and_reported_interview_questions_ask_for_the_interview_section(lexicon, question):
    assert list(asked_kinds(question, lexicon)) == ["interview"]


def test_the_hiring_side_gets_what_candidates_should_know_first(bot):
    answer = bot.ask("I'm hiring an MLSecOps engineer. What should a strong candidate know about model supply chain "
                     "security so I can test them?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Candidates should know that pickle-based")
    assert "OpenSSF Model Signing" in answer.text
    assert_well_cited(answer)


def test_an_interviewers_code_snippet_is_answered_by_the_prose_not_by_the_example_that_repeats_it(bot):
    answer = bot.ask("An interviewer showed me `model = torch.load(path)` and asked what's wrong. What should I have "
                     "said, and what fix?")
    assert not answer.abstained, answer.text
    assert "weights_only=True" in lead(answer.text) and "Review this code" not in lead(answer.text)
    assert_well_cited(answer)


def test_frameworks_asked_for_an_interview_come_from_the_interview_section_not_a_transition_path(bot):
    answer = bot.ask("prepping for an AI governance manager interview at a bank. which frameworks and scenario "
                     "exercises should I be ready to talk through?")
    assert not answer.abstained, answer.text
    assert "CV-screening" in lead(answer.text)  # the scenarios asked for lead, the section's prose follows
    assert "Govern, Map, Measure, Manage" in answer.text
    assert "Skills that carry over" not in answer.text
    assert_well_cited(answer)


def test_an_example_the_asker_names_leads_with_its_answer(bot):
    answer = bot.ask("Prepping for an AI governance interview - if they ask me to classify a CV screening tool a "
                     "company buys, how should I answer?")
    assert not answer.abstained, answer.text
    assert "CV-screening" in lead(answer.text) and "Annex III" in lead(answer.text)
    assert "Map your AI incident response" not in answer.text  # only the example named, not the whole list
    assert_well_cited(answer)
