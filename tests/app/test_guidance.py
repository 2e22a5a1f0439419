"""Guidance answers follow the section of the asked kind (a plan, certifications, interview topics) and the role's
one-line path, cited; the asker's description of themselves is not what the coverage check judges. A real index over
the ask corpus plus one certifications-and-interviews guide."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead

GUIDE = """---
title: Certifications, paths and interviews for AI security roles
sources:
  - {title: "Fixture guide", url: "https://example.org/guide", checked: 2026-11-01}
---

## Certifications for MLSecOps engineers

For an MLSecOps or ML platform security engineer, Kubernetes credentials carry the most weight. The Certified Kubernetes
Security Specialist (CKS) is a performance-based exam. CKS candidates must hold an active Certified Kubernetes
Administrator (CKA) certification.

## Suggested learning paths by AI security role

- **MLSecOps engineer:** Kubernetes (CKA, then CKS) → CI/CD and infrastructure as code → NIST SP 800-218A → practise model signing in a pipeline.
- **AI red teamer:** web security (PortSwigger Web Security Academy) → OSCP or equivalent → LLM attack labs → optionally OffSec OSAI.
- **AI governance lead:** EU AI Act and NIST AI RMF → AIGP → ISO/IEC 42001 implementer or auditor course.

## Interview topics for AI governance roles

AI governance interviews test whether candidates can apply frameworks to realistic situations. Candidates should be able
to name the four NIST AI RMF functions (Govern, Map, Measure, Manage). A frequent exercise is deciding whether an
organisation is the provider or deployer of a system under the EU AI Act.

Example questions:
- "A company buys a CV-screening tool. Classify the system."
- "Map your AI incident response process to the NIST AI RMF functions."

## Transition path from SOC analyst to AI security

**Skills that carry over from SOC work**: log analysis, alert triage and incident response.

**Study plan for a SOC analyst**:
- Month 1: read the OWASP Top 10 for LLM Applications and map ATLAS case studies to ATT&CK techniques.
- Month 2: build a small LLM application with logging and attack it with public prompt-injection exercises.
- Month 3: write detections for token spikes and unusual agent tool calls, tagged with ATLAS technique IDs.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance"), embedder, "paths-and-interviews.md", GUIDE)


def test_which_certifications_in_what_order_leads_with_the_roles_path_then_its_certifications_section(bot):
    answer = bot.ask("Which certs should I go for if I want to become an MLSecOps engineer, and in what order?")
    assert not answer.abstained
    assert lead(answer.text).startswith("MLSecOps engineer: Kubernetes (CKA, then CKS)")
    assert "SP 800-218A" in lead(answer.text) and "AI red teamer" not in answer.text  # the asked role's path only
    assert "Certified Kubernetes Security Specialist (CKS)" in answer.text  # then the role's certifications section
    assert all(c.kind == "document" for c in answer.citations)
    assert_well_cited(answer)


def test_an_interview_question_gives_the_interview_section_from_its_first_sentence_that_names_something(bot):
    answer = bot.ask("What are AI governance interviews likely to test me on?")
    assert not answer.abstained
    assert "Govern, Map, Measure, Manage" in lead(answer.text)
    assert answer.text.index("Govern, Map") < answer.text.index("provider or deployer")  # the source's order
    assert "CV-screening" not in answer.text  # example questions illustrate the section; they are not its items
    assert_well_cited(answer)


def test_the_askers_own_tools_do_not_make_a_study_plan_question_a_refusal(bot):
    answer = bot.ask("I've been a SOC analyst for 3 years, mostly Splunk and alert triage. I want to move into "
                     "AI security - what should I study in the first couple of months?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Study plan for a SOC analyst: Month 1")
    positions = [answer.text.index(f"Month {n}") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert_well_cited(answer)


def test_an_absent_subject_is_still_refused_beside_a_self_description(bot):
    answer = bot.ask("I'm a SOC analyst. Which Zorblax certification should I take first?")
    assert answer.abstained and "Zorblax" in answer.text


def test_the_askers_background_beside_a_covered_target_is_no_refusal_whatever_its_phrasing(bot):
    # no "I'm a"/"I've been" opener: the sentence before the question describes the asker, the question asks the path
    answer = bot.ask("Network engineer here (CCNP, bit of Juniper) wanting to become an MLSecOps engineer. "
                     "Which certs should I get, and in what order?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("MLSecOps engineer: Kubernetes (CKA, then CKS)")
    assert_well_cited(answer)


def test_an_absent_subject_in_the_asking_sentence_is_refused_beside_a_covered_background(bot):
    answer = bot.ask("Network engineer here (CCNP, bit of Juniper) and an MLSecOps fan. How do I become a Zorblax engineer?")
    assert answer.abstained and "Zorblax" in answer.text and "CCNP" not in answer.text


def test_a_question_that_asks_for_a_plan_gets_the_plans_steps_in_order(bot):
    answer = bot.ask("SOC analyst here, no ML background. whats a realistic plan to move into AI security over 3 months?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Study plan for a SOC analyst: Month 1")
    positions = [answer.text.index(f"Month {n}") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert_well_cited(answer)


def test_a_job_ad_in_the_askers_setting_does_not_turn_a_certifications_question_into_one_about_postings(bot):
    answer = bot.ask("I'm a hiring manager writing the job ad for our first MLSecOps engineer. "
                     "Which certifications would make sense to list?")
    assert not answer.abstained, answer.text
    assert "Certified Kubernetes Security Specialist (CKS)" in answer.text
    assert all(c.kind == "document" for c in answer.citations)  # the guide's sections, not postings
    assert_well_cited(answer)


def test_a_field_the_corpus_covers_is_a_covered_target_like_a_role_family(bot):
    # "an AI security career" names no role family, but a field the corpus covers: the asker's stack is background
    answer = bot.ask("Backend dev (Java/Spring, some Go), I've wired Quarkus APIs into our product. "
                     "How do I turn that into an AI security career, what should I study first?")
    assert not answer.abstained, answer.text
    assert "Quarkus" not in answer.text
    assert_well_cited(answer)


def test_the_askers_own_tools_are_no_subject_a_tool_answer_must_name(bot):
    # "Selenium and Postman" describe the asker: the answer needs a tool, not a sentence about their tools
    answer = bot.ask("QA tester here, mostly Selenium and Postman. I want a hands-on project to practise AI security "
                     "engineering skills for my portfolio. What should I build and which tools should I use against it?")
    assert not answer.abstained, answer.text
    assert "Selenium" not in answer.text
    assert_well_cited(answer)


def test_a_goal_naming_jobs_does_not_make_a_question_for_an_order_one_about_postings(bot):
    # "If I want MLSecOps jobs" is the asker's goal; "which certifications … in what order" asks for the role's path
    answer = bot.ask("Cloud engineer, I write Terraform all day and run EKS clusters. "
                     "If I want MLSecOps jobs, which certifications matter most and in what order?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("MLSecOps engineer: Kubernetes (CKA, then CKS)")
    assert all(c.kind == "document" for c in answer.citations)
    assert_well_cited(answer)
