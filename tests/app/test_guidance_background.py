"""Guidance for an asker who tells their background: the credential that builds on one they hold leads, an interview
they are going to makes "what should I practise?" its preparation, a hiring manager asking where to recruit gets
where people come from, and an asker whose own path exists is not answered from another role's section. A real index
over the ask corpus plus one guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asked_kinds, counterpart_first, is_guidance
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Credentials, interviews and backgrounds in AI security
sources:
  - {title: "Fixture guide", url: "https://example.org/backgrounds", checked: 2026-11-01}
---

## Certifications for AI governance leads

- **IAPP AIGP.** The IAPP launched the Artificial Intelligence Governance Professional (AIGP) certification exam in
April 2024. The AIGP has no prerequisites. IAPP privacy credentials (CIPP/E, CIPM) pair well with it.
- **ISO/IEC 42001 Lead Implementer and Lead Auditor courses.** Training providers such as PECB and BSI run courses on
auditing an AI management system against ISO/IEC 42001:2023.

## Certifications for AI security engineers

- **CompTIA SecAI+ (exam CY0-001).** CompTIA launched SecAI+ on 17 February 2026 as the first exam in its Expansion
series.
- **GIAC Machine Learning Engineer (GMLE).** The GMLE certification is associated with the SANS course SEC595.

## How AI governance and security roles use ISO/IEC 42001

AI governance professionals use ISO/IEC 42001 to design an AI management system: writing the AI policy and keeping an
AI system inventory. Job postings for AI governance roles often list ISO/IEC 42001 experience, and auditors with
ISO/IEC 27001 lead auditor backgrounds frequently add ISO/IEC 42001 lead auditor training.

## Interview topics for AI governance roles: governance scenarios

AI governance interviews test whether candidates can apply frameworks to realistic situations. Candidates should be
able to name the four NIST AI RMF functions (Govern, Map, Measure, Manage). A frequent exercise is classifying a
system under the EU AI Act: a prohibited practice under Article 5 or a high-risk system under Annex III.

## How to prepare for an AI security interview

Candidates can prepare by reading the primary documents named in this guide rather than summaries: the OWASP Top 10
for LLM Applications 2026, the MITRE ATLAS matrix and NIST AI 100-1. Hands-on practice helps for technical roles:
attacking public prompt-injection challenges such as Gandalf, or running PyRIT or garak against a local model.

## Skills and tools for an MLSecOps engineer

An MLSecOps engineer typically needs strong Kubernetes and container security skills, infrastructure as code with
Terraform, CI/CD systems and Python.

## Career progression for an MLSecOps engineer

Progression runs from MLSecOps engineer to senior or staff ML platform security engineer and then to AI security
architect. MLSecOps engineers usually come from DevSecOps, cloud security, site reliability engineering or MLOps.

## Transition path from SOC analyst to AI security

**Skills that carry over from SOC work**: log analysis and SIEM queries, alert triage and incident response.

**Study plan for a SOC analyst**:
- Month 1: read the OWASP Top 10 for LLM Applications 2026 and the MITRE ATLAS matrix.
- Month 2: build a small LLM application with logging, then attack it with public prompt-injection exercises.
- Month 3: write detections for AI-specific behaviour and tag each with an ATLAS technique ID.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-background"), embedder, "backgrounds.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


def test_the_credential_that_builds_on_one_the_asker_holds_leads(bot):
    answer = bot.ask("I've been an ISO 27001 lead auditor for six years at a certification body. Clients keep asking "
                     "about AI. What's the natural next credential for someone like me?")
    assert not answer.abstained, answer.text
    assert "ISO/IEC 42001 lead auditor" in lead(answer.text), answer.text
    assert_well_cited(answer)


def test_only_a_sentence_naming_a_held_credential_and_a_new_one_in_one_clause_builds_on_it(lexicon):
    """Alternatives ("CISSP or CISM") are no next step, nor a sentence that points back ("…pair well with it")."""
    from app.advice.terms import TermFinder
    from app.types import Passage
    from ingest.vocabulary import load_vocabulary

    finder = TermFinder(load_vocabulary(Settings().vocabulary_path), lexicon)
    credentials_of = lambda text: tuple(finder.find(text)["certifications"])  # noqa: E731
    chunk = Passage("c1", "", {}, 0.0)
    items = [("Security leaders typically hold CISSP or CISM.", chunk),
             ("IAPP privacy credentials (CIPP/E, CIPM) pair well with it.", chunk),
             ("CKS candidates must hold an active CKA.", chunk)]
    assert counterpart_first(items, [], ("CISSP",), credentials_of, lexicon) == items
    assert counterpart_first(items, [], ("IAPP CIPP/E",), credentials_of, lexicon) == items
    assert counterpart_first(items, [], ("CKA",), credentials_of, lexicon)[0] == items[2]
    assert counterpart_first(items, [], (), credentials_of, lexicon) == items
    across_roles = Passage("c2", "The CCSK can substitute for a year of CCSP experience, and holding CISSP can "
                           "substitute for all of it.", {"section": "Foundation certifications across AI security roles"}, 0.0)
    assert counterpart_first(items, [across_roles], ("CISSP",), credentials_of, lexicon) == items  # asked for by name only
    bullet = Passage("c3", "- **ISACA credentials.** ISACA's CRISC suits risk professionals. ISACA's Advanced in AI "
                     "Audit (AAIA) targets IT auditors assessing AI and is open to holders of an active CISA or of certain "
                     "designations (such as CIA or CPA). ISACA's AAIR launched in 2026; its exam details are unconfirmed.",
                     {"section": "Certifications for AI governance leads"}, 0.0)
    found = counterpart_first(items, [bullet], ("CISA",), credentials_of, lexicon)[0][0]
    assert found.startswith("ISACA's Advanced in AI Audit (AAIA)") and "AAIR" not in found  # "IT", "such as": no reference


def test_an_interview_the_asker_is_going_to_makes_what_to_practise_its_preparation(bot):
    answer = bot.ask("I'm interviewing for an AI governance manager job next week and the recruiter mentioned a "
                     "scenario exercise. I come from compliance. What should I practise?")
    assert not answer.abstained, answer.text
    assert "Govern, Map, Measure, Manage" in lead(answer.text), answer.text
    assert_well_cited(answer)


@pytest.mark.parametrize("question, kinds", [
    ("I'm interviewing for an AI governance job. What should I practise?", ["interview"]),
    ("How should I prepare for an AI governance manager interview?", ["interview"]),
    ("AI governance interview next week. What will they ask, and how should I prepare?", ["interview", "plan"]),
])
def test_an_interview_covers_the_plan_asked_with_it_unless_each_is_asked_on_its_own(lexicon, question, kinds):
    assert list(asked_kinds(question, lexicon)) == kinds


def test_a_hiring_manager_asking_where_to_recruit_gets_where_people_come_from(bot):
    answer = bot.ask("I'm a hiring manager and need to fill our first MLSecOps engineer seat. Nobody applies with that "
                     "exact title. Which backgrounds should I be recruiting from?")
    assert not answer.abstained, answer.text
    assert "site reliability engineering" in lead(answer.text), answer.text
    assert_well_cited(answer)


def test_an_asker_whose_own_path_names_no_credential_is_led_by_the_certification_then_their_path(bot):
    answer = bot.ask("I'm a SOC analyst moving into AI security. Which certification should I go for first?")
    assert not answer.abstained, answer.text
    assert "SecAI+" in lead(answer.text), answer.text  # "which certification": the credential leads
    assert "Month 1: read the OWASP Top 10" in answer.text  # the asker's own path follows
    assert_well_cited(answer)


@pytest.mark.parametrize("question, guidance", [
    ("I start next month as the first MLSecOps engineer at a fintech. What should be on my list of core "
     "responsibilities?", True),
    ("What are the core responsibilities of an MLSecOps engineer?", False),  # asked about, not told of
])
def test_an_asker_telling_of_a_role_in_a_covered_field_asks_for_guidance(lexicon, question, guidance):
    assert is_guidance(question, lexicon) is guidance
