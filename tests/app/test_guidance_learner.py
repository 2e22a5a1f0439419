"""A learner's "which X first" question is led by the sentence that answers it: the credential for "which
certification first" (the path's credential step, else the certifications section's), the plan step naming the risks
to "dig into first", the example scenarios for "what scenario questions come up", the statement of what is (not)
needed for "do I need X?". A real index over one guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.lexicon import load_lexicon
from app.need_first import needed_words
from app.settings import Settings

GUIDE = """---
title: Paths, credentials and interviews for AI security learners
sources:
  - {title: "Fixture guide", url: "https://example.org/learners", checked: 2026-11-01}
---

## Certifications for AI security engineers

An AI security engineer typically combines an application or cloud security credential with AI-specific learning.

- **CompTIA SecAI+ (exam CY0-001).** CompTIA launched SecAI+ on 17 February 2026 as the first exam in its Expansion
series. SecAI+ is meant to sit on top of Security+, CySA+ or PenTest+.
- **GIAC Machine Learning Engineer (GMLE).** The GMLE certification is associated with the SANS course SEC595.

## Transition path from SOC analyst to AI security

**Skills that carry over from SOC work**: log analysis and SIEM queries, alert triage and incident response.

**Study plan for a SOC analyst**:
- Month 1: read the OWASP Top 10 for LLM Applications 2026 and the MITRE ATLAS matrix.
- Month 2: build a small LLM application with logging, then attack it with public prompt-injection exercises.
- Month 3: write detections for AI-specific behaviour and tag each with an ATLAS technique ID.

## Transition path from software engineer to AI security

**Skills that carry over from software engineering**: building and reviewing applications and APIs, web security
basics, CI/CD and code review.

**Study plan for a software engineer**:
- Month 1: study the OWASP Top 10 for LLM Applications 2026 in depth, especially Prompt Injection (LLM01:2026),
Excessive Agency (LLM03:2026) and Improper Output Handling (LLM10:2026).
- Month 2: build a RAG application with document-level access control and an agent with tools, then attack both.
- Month 3: add security tests for prompt injection and output handling to CI.

## Lessons from the Microsoft AI Red Team

Microsoft's AI Red Team published "Lessons from Red Teaming 100 Generative AI Products" in January 2025:

1. Understand what the system can do and where it is applied.
2. You don't have to compute gradients to break an AI system.
3. AI red teaming is not safety benchmarking.

For an aspiring AI red teamer, lesson 2 is encouraging: simple prompt-level techniques often succeed, so the entry
barrier is lower than in gradient-based adversarial ML research. Lesson 3 means AI red teamers still need conventional
security skills, because many real findings are ordinary vulnerabilities reached through an AI feature.

## Interview topics for AI governance roles: governance scenarios

AI governance interviews test whether candidates can apply frameworks to realistic situations. Candidates should be
able to name the four NIST AI RMF functions (Govern, Map, Measure, Manage). A frequent exercise is classifying a
system under the EU AI Act: a prohibited practice under Article 5 or a high-risk system under Annex III.

Example questions:
- "A company buys a CV-screening tool and uses it to rank applicants in the EU. Classify the system and list the company's obligations as deployer."
- "Map your AI incident response process to the NIST AI RMF functions."
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-learner"), embedder, "learners.md", GUIDE)


def test_which_certification_first_from_a_path_naming_none_is_led_by_the_certification(bot):
    answer = bot.ask("I'm a SOC analyst. Which certification should I get first for AI security?")
    assert not answer.abstained, answer.text
    assert "SecAI+" in lead(answer.text), answer.text
    assert "Month 1: read the OWASP Top 10" in answer.text  # the asker's own path follows
    assert_well_cited(answer)


def test_the_risks_to_dig_into_first_are_the_asker_s_path_step_that_names_them(bot):
    answer = bot.ask("Backend dev here, I've wired LLM APIs into our product. If I want to move into AI security, "
                     "which OWASP LLM risks should I dig into first?")
    assert not answer.abstained, answer.text
    assert "Improper Output Handling" in lead(answer.text), answer.text
    assert_well_cited(answer)


def test_what_scenario_questions_come_up_is_led_by_the_section_s_example_questions(bot):
    answer = bot.ask("What kind of scenario questions come up in AI governance interviews? I've got a panel with a "
                     "bank next month.")
    assert not answer.abstained, answer.text
    assert "CV-screening" in lead(answer.text), answer.text
    assert "Govern, Map, Measure, Manage" in answer.text  # the topics the prose names follow
    assert_well_cited(answer)


def test_do_i_need_x_is_led_by_the_statement_of_what_x_is_needed_for(bot):
    answer = bot.ask("I'm a pentester with zero ML maths. Is AI red teaming realistic for me or do I need to learn "
                     "gradient-based attacks first?")
    assert not answer.abstained, answer.text
    assert "compute gradients" in lead(answer.text), answer.text
    assert_well_cited(answer)


@pytest.mark.parametrize("question, needed", [
    ("Is AI red teaming realistic for me or do I need to learn gradient-based attacks first?",
     {"learn", "gradient", "base", "attack"}),
    ("Do I need a CISA to take the AAIA?", {"cisa"}),  # what is needed ends where its purpose starts
    ("What certifications do I need for MLSecOps?", set()),  # asks which, not whether
])
def test_what_a_yes_no_question_asks_whether_the_asker_needs(question, needed):
    assert needed_words(question, load_lexicon(Settings().lexicon_path)) == needed
