"""Guidance answers follow the section that fits the asker's background (the transition path from it, read through the
career coach's role titles), the target role and the kind asked (plan, certifications, interview, what to build); a
question with two parts gets both. A real index over the ask corpus plus one guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asker_backgrounds, asks_about_postings
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Paths, certifications and interviews in AI security
sources:
  - {title: "Fixture guide", url: "https://example.org/paths", checked: 2026-11-01}
---

## How to use certifications in an AI security career

Certifications in AI security careers prove foundations and signal direction, but demonstrable work often counts as
much for technical roles. Most job postings still ask for established security or cloud credentials.

## Certifications for vCISOs and heads of security

Security leaders typically hold CISSP or CISM. ISACA's Advanced in AI Security Management (AAISM) certification is open
only to holders of an active CISM or CISSP.

## Certifications for AI governance leads

- **IAPP AIGP.** The IAPP launched the Artificial Intelligence Governance Professional (AIGP) certification exam in
April 2024. The AIGP has no prerequisites.

## Certifications for AI red teamers

AI red teamers benefit most from offensive security credentials plus hands-on AI practice.

- **OSCP and OSCP+ (OffSec).** The Offensive Security Certified Professional (OSCP), earned through a hands-on
penetration testing exam, remains a widely recognised signal.
- **OffSec AI Red Teamer (OSAI).** OffSec now offers an AI-specific credential: the course AI-300 leads to a 24-hour
hands-on exam against AI-enabled systems.

## Suggested learning paths by AI security role

- **AI security engineer:** application security → cloud security certification → OWASP Top 10 for LLM Applications 2026 and MITRE ATLAS → build and attack a small RAG app with PyRIT or garak.
- **MLSecOps engineer:** Kubernetes (CKA, then CKS) → CI/CD and infrastructure as code → practise model scanning and signing in a pipeline.
- **vCISO / head of security:** CISSP or CISM → NIST CSF 2.0 → NIST AI RMF and ISO/IEC 42001 → AAISM or AIGP.

## ML supply-chain security

ML supply-chain security protects the components that go into a machine learning system: pre-trained model weights,
datasets, ML libraries and the pipelines that connect them.

## Interview topics for MLSecOps and ML platform security: model supply chain

MLSecOps interviews focus on the security of model artifacts and pipelines. Candidates should know that pickle-based
PyTorch files can execute code on load, that PyTorch 2.6 changed the torch.load default to weights_only=True, and that
safetensors stores only tensors and does not execute code.

## Interview topics for AI governance roles: governance scenarios

AI governance interviews test whether candidates can apply frameworks to realistic situations. Candidates should be
able to name the four NIST AI RMF functions (Govern, Map, Measure, Manage). A frequent exercise is classifying a
system under the EU AI Act: a prohibited practice under Article 5 or a high-risk system under Annex III.

## How to prepare for an AI security interview

Candidates can prepare by reading the primary documents named in this guide rather than summaries: the OWASP Top 10
for LLM Applications 2026, the MITRE ATLAS matrix and NIST AI 100-1. Hands-on practice helps for technical roles:
attacking public prompt-injection challenges such as Gandalf, or running PyRIT or garak against a local model.
Preparing one written threat model of an LLM application gives a concrete example to discuss.

## Transition path from ML engineer to AI security

**Skills that carry over from ML engineering**: Python, PyTorch, model training and evaluation, and data pipelines.

**Study plan for an ML engineer**:
- Month 1: learn threat modeling (for example STRIDE) and read MITRE ATLAS to learn evasion, poisoning and privacy attacks.
- Month 2: reproduce adversarial examples, a data-poisoning backdoor and membership inference in a notebook.
- Month 3: harden a training pipeline: convert pickle checkpoints to safetensors and sign models.

## Transition path from software engineer to AI security

**Skills that carry over from software engineering**: building and reviewing applications and APIs, CI/CD and code review.

**Study plan for a software engineer**:
- Month 1: study the OWASP Top 10 for LLM Applications 2026 in depth, especially Prompt Injection and Excessive Agency.
- Month 2: build a RAG application with document-level access control and an agent with tools, then attack both.
- Month 3: add security tests for prompt injection to CI and write a threat model mapped to MITRE ATLAS tactics.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-fit"), embedder, "paths.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


def test_a_developer_gets_the_path_from_software_engineering_not_another_backgrounds(bot):
    answer = bot.ask("Backend dev (Go + Postgres), I've shipped features that call the OpenAI API. "
                     "How do I turn that into an AI security career? What should I practise on?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Study plan for a software engineer: Month 1: study the OWASP Top 10 for LLM Applications"), answer.text
    assert answer.text.index("Month 1") < answer.text.index("Month 2: build a RAG application")
    assert "safetensors" not in answer.text and "Certifications in AI security careers" not in answer.text
    assert_well_cited(answer)


def test_a_background_synonym_selects_its_path_even_when_another_path_was_retrieved_first(bot):
    answer = bot.ask("I'm a data scientist working in PyTorch. How do I get into AI security?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Study plan for an ML engineer: Month 1: learn threat modeling"), answer.text
    assert "OWASP Top 10 for LLM Applications 2026 in depth" not in answer.text
    assert_well_cited(answer)


def test_what_an_interview_will_grill_you_on_is_the_roles_interview_section(bot):
    answer = bot.ask("got an onsite for an ML platform security role next week. "
                     "what model supply chain stuff will they grill me on?")
    assert not answer.abstained, answer.text
    assert "pickle" in lead(answer.text) and "weights_only" in lead(answer.text), answer.text
    assert "pre-trained model weights" not in answer.text  # the definition is not what an interview asks
    snapshot = bot.retriever().snapshot  # the section the answer follows ranks first in the trace
    assert snapshot.texts[snapshot.ids.index(answer.trace["ranked"][0]["chunk_id"])] == answer.citations[0].text
    assert all(c.kind == "document" for c in answer.citations)
    assert_well_cited(answer)


def test_a_two_part_question_gets_the_credential_and_the_reading_of_the_roles_path(bot):
    answer = bot.ask("I'm head of security at a SaaS company, CISSP for years. The board wants me to own AI risk. "
                     "What AI-related credential fits me and what should I read on the way?")
    assert not answer.abstained, answer.text
    assert "NIST AI RMF" in answer.text and "AAISM" in answer.text, answer.text
    assert "AAISM" in lead(answer.text), answer.text  # the credential that fits, not the CISSP the asker holds
    assert_well_cited(answer)


def test_a_student_asking_what_to_build_gets_the_target_roles_path_not_a_background_path(bot):
    answer = bot.ask("cs student, final year. what should i build as a portfolio project to show i can do "
                     "ai security engineering? which tools?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("AI security engineer:") and "PyRIT" in lead(answer.text), answer.text
    assert "Month 1" not in answer.text  # a path from a background the student does not have
    assert_well_cited(answer)


def test_someone_naming_their_role_who_asks_for_a_credential_asks_for_guidance_not_about_their_own_work(bot):
    # no "should I"/"how do I": the asker's role title and "credential" make it a guidance question, so the
    # asker's own work ("DPIAs") is not a subject the corpus must cover
    answer = bot.ask("Privacy counsel here — I run GDPR DPIAs and hold the CIPP/E. "
                     "Which AI governance credential makes sense for someone like me?")
    assert not answer.abstained, answer.text
    assert "AIGP" in lead(answer.text) and "DPIA" not in answer.text
    assert all(c.kind == "document" for c in answer.citations)
    assert_well_cited(answer)


@pytest.mark.parametrize("question, backgrounds", [
    ("Backend dev (Java/Spring), how do I move into AI security?", {"software engineer"}),
    ("I'm a SOC analyst and want to become an ML engineer in security", {"soc analyst"}),  # the target is no background
    ("Data scientist here, what should I learn?", {"ml engineer"}),
    ("cs student, what should I build?", {None}),  # a role with no path of its own
    ("How do I get into AI red teaming?", set()),
])
def test_the_askers_background_is_read_before_where_they_are_going(lexicon, question, backgrounds):
    assert asker_backgrounds(question, lexicon) == backgrounds


@pytest.mark.parametrize("question, backgrounds", [
    ("I've written Go and Python services for 3 years. What are my gaps for AI security?", {"software engineer"}),
    ("I ran our Splunk SIEM and triaged alerts for 4 years; how do I move into AI security?", {"soc analyst"}),
    ("Spent five years training models at a fintech. What should I learn first for AI security?", {"ml engineer"}),
    ("How do I build APIs that resist prompt injection?", set()),  # what the asker asks to do is no experience
    ("What should I build first to practise on models?", set()),
])
def test_the_askers_background_is_read_from_what_they_say_they_did(lexicon, question, backgrounds):
    assert asker_backgrounds(question, lexicon) == backgrounds


@pytest.mark.parametrize("question, postings", [
    ("I'm a final-year CS student. Can I just sit the CISSP after graduating to look more hireable for AI security "
     "jobs?", False),
    ("Which certifications should I get to land MLSecOps roles, and in what order?", False),
    ("Which jobs to look at for AI security?", True),  # the jobs are asked about before the purpose
    ("Which AI security jobs are remote?", True),
])
def test_a_purpose_clause_naming_jobs_does_not_ask_about_postings(lexicon, question, postings):
    assert asks_about_postings(question, lexicon) is postings


@pytest.mark.parametrize("question, next_one, held", [
    ("I'm a pentester with OSCP. Which certification should I go for next for AI red teaming?", "OSAI", "OSCP"),
    ("Head of security, CISSP for years. Which AI security certification should I go for next?", "AAISM", "CISSP"),
])
def test_a_certification_answer_does_not_lead_with_what_the_asker_already_holds(bot, question, next_one, held):
    answer = bot.ask(question)
    assert not answer.abstained, answer.text
    first = lead(answer.text)  # it may name the held credential, as a prerequisite, after the next one
    assert next_one in first and (held not in first or first.index(next_one) < first.index(held)), answer.text
    assert_well_cited(answer)


def test_an_asker_introduced_by_a_fragment_is_not_refused_over_their_own_tools(bot):
    answer = bot.ask("Network engineer, 8 years of firewalls and VPCs. I'm interviewing for an AI security job next "
                     "month. What will they ask me?")
    assert not answer.abstained, answer.text
    assert "VPC" not in answer.text
    assert_well_cited(answer)


def test_only_items_that_open_with_a_held_credential_give_way(lexicon):
    """A certification item about the held credential is left out; one that also names a new credential follows the
    others; a path through the held credential that starts elsewhere keeps its place."""
    from app.advice.terms import TermFinder
    from app.guidance import without_held
    from app.types import Passage
    from ingest.vocabulary import load_vocabulary

    finder = TermFinder(load_vocabulary(Settings().vocabulary_path), lexicon)
    credentials_of = lambda text: tuple(finder.find(text)["certifications"])  # noqa: E731
    chunk = Passage("c1", "", {}, 0.0)
    items = [("OSCP and OSCP+ (OffSec): the OSCP remains a widely recognised signal.", chunk),
             ("Security leaders typically hold CISSP or CISM.", chunk),
             ("AI red teamer: web security → OSCP or equivalent → LLM attack labs.", chunk),
             ("The CKS is a performance-based exam.", chunk)]
    kept = [text for text, _ in without_held(items, ("OSCP", "CISSP"), credentials_of)]
    assert kept == [items[2][0], items[3][0], items[1][0]]
    assert without_held(items[:1], ("OSCP",), credentials_of) == items[:1]  # nothing else to say


def test_a_developer_described_by_what_they_built_gets_the_software_engineers_path(bot):
    answer = bot.ask("I've written Go and Python services for 3 years. What should I study first for AI security?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Study plan for a software engineer: Month 1: study the OWASP Top 10"), answer.text
    assert_well_cited(answer)


def test_the_kind_of_preparation_asked_for_leads_an_interview_answer(bot):
    # "hands-on" shares one word with the hands-on item, but it names the kind of preparation asked for
    answer = bot.ask("got an AI security engineer interview in 2 weeks, coming from appsec. how should I prep hands-on?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Hands-on practice helps"), answer.text
    assert_well_cited(answer)


def test_the_topics_asked_first_lead_a_two_part_interview_answer_for_the_role(bot):
    answer = bot.ask("I have an AI governance interview next week, coming from privacy. "
                     "What topics will they ask about and how should I prepare?")
    assert not answer.abstained, answer.text
    assert "Govern, Map, Measure, Manage" in lead(answer.text), answer.text
    assert "Hands-on practice" in answer.text or "Candidates can prepare" in answer.text  # the second part still answered
    assert_well_cited(answer)


def test_the_section_giving_the_kind_of_preparation_asked_for_answers_over_the_roles_topics(bot):
    # the MLSecOps interview topics are the role's section, but the asker asks for hands-on practice
    answer = bot.ask("Interview for an MLSecOps role on Monday. What hands-on practice should I do beforehand?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Hands-on practice helps"), answer.text
    assert_well_cited(answer)
