"""An advice question that does not ask about postings ("how should my threat models change?", "As the hiring manager,
what skills should be on the job description?", "what should we sort out before hiring one?") is answered from the
reference documents, led by the sentence answering its asking part, not by a posting's description nor by a sentence
that only shares the nouns of the asker's setting. A real index over the ask corpus (with its postings) plus one guide
written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asks_about_postings, asks_advice, asks_duties, is_guidance, retrieval_filters
from app.filters import Filters
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Product security and ML platform roles
sources:
  - {title: "Fixture guide", url: "https://example.org/advice", checked: 2026-11-01}
---

## How AI features changed the product security engineer's job

Since LLM features became common, product security engineers review a new kind of component. The OWASP Top 10 for
LLM Applications gives product security engineers a checklist for design reviews of LLM features and agents, compared
with the web checklists they use for a normal feature. In practice the threat model changes in three ways:

- **The model is an untrusted component.** Model output must be treated like user input before it reaches a shell.
- **Content becomes code-like.** A document the model reads may carry instructions (indirect prompt injection).
- **Agents widen the blast radius.** Each tool an agent can call is reviewed for what it can do and with whose permissions.

## How AI-assisted coding changed the product security engineer's job

Product security engineers increasingly use LLMs to draft threat models and triage scanner output, keeping a human
responsible for the final judgement.

## Skills and tools for an MLSecOps engineer

An MLSecOps engineer needs strong Kubernetes and container security skills, infrastructure as code with Terraform, and
Python. Useful tools include policy engines such as OPA Gatekeeper or Kyverno and Falco for runtime detection.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("advice"), embedder, "advice.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


@pytest.mark.parametrize("question", [
    "We're hiring someone to secure our ML training platform. As the hiring manager, what technical skills and tools "
    "should be on the job description?",
    "I'm the CTO of a startup. Does a fractional CISO make sense for us, and what should we sort out before hiring one?",
])
def test_the_askers_own_hiring_asks_about_no_postings(lexicon, question):
    assert not asks_about_postings(question, lexicon)
    assert asks_advice(question, lexicon)


@pytest.mark.parametrize("question", ["Who is hiring for MLSecOps?", "Which postings should I apply to?",
                                      "What do hiring managers like to see on a CV?"])
def test_a_question_about_postings_asks_for_no_advice(lexicon, question):
    assert asks_about_postings(question, lexicon)
    assert not asks_advice(question, lexicon)


def test_an_advice_question_retrieves_reference_documents_only(lexicon):
    question = "Our product team is shipping LLM features. I'm on product security - how should my threat models change?"
    assert retrieval_filters(question, Filters(), lexicon).kind == "document"
    assert retrieval_filters("What does an MLSecOps engineer do?", Filters(), lexicon).kind is None


def test_a_hiring_manager_asking_for_skills_asks_for_guidance(lexicon):
    assert is_guidance("We're hiring someone to secure our ML training platform. As the hiring manager, what skills "
                       "should be on the job description?", lexicon)


def test_how_the_threat_model_changes_leads_with_the_list_of_ways_not_a_sentence_sharing_its_nouns(bot):
    answer = bot.ask("Our product team is shipping LLM features and agents. I'm on product security - "
                     "how should my threat models change?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("In practice the threat model changes in three ways"), answer.text
    assert "untrusted component" in lead(answer.text), answer.text  # the opener is quoted with the first way
    assert answer.text.index("untrusted component") < answer.text.index("indirect prompt injection")
    assert "draft threat models" not in answer.text
    assert_well_cited(answer)


def test_the_list_of_ways_leads_though_a_sentence_sharing_more_of_the_askers_words_scores_higher(bot):
    answer = bot.ask("I do appsec design reviews. Our teams are now shipping LLM features and agents. What actually "
                     "changes in how I should threat model these compared with a normal web feature?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("In practice the threat model changes in three ways"), answer.text
    assert "indirect prompt injection" in answer.text and "blast radius" in answer.text
    assert_well_cited(answer)


def test_a_hiring_manager_gets_the_roles_skills_not_postings_descriptions(bot):
    answer = bot.ask("We're hiring someone to secure our ML training platform. As the hiring manager, what technical "
                     "skills and tools should be on the job description?")
    assert not answer.abstained, answer.text
    assert all(c.kind == "document" for c in answer.citations), answer.text
    assert "Terraform" in answer.text and "Kyverno" in answer.text, answer.text
    assert "You will" not in answer.text  # no posting's description line
    assert_well_cited(answer)


@pytest.mark.parametrize("question, ranked_by", [
    # the ask points back at the asker's setting: its topic ("AI risk") ranks the lead with the ask
    ("As the only security lead at a mid-size company I've just been told I also own AI risk. What should I actually "
     "be doing about it?", "whole"),
    # the setting only tells of the asker: the asking part alone ranks the lead
    ("I'm on product security. How should my threat models change?", "How should my threat models change?"),
])
def test_the_lead_is_ranked_by_the_asking_part_and_the_setting_it_points_back_at(lexicon, question, ranked_by):
    from app.coverage import ranking_part
    assert ranking_part(question, lexicon) == (question if ranked_by == "whole" else ranked_by)


@pytest.mark.parametrize("question", [
    "Which certs actually matter if I'm aiming for an ML platform security / MLSecOps job?",
    # a value judgement on credentials for a target role asks for guidance, however it is worded
    "Which certifications carry weight for a cloud security engineer?",
    "What credentials do employers value in a penetration tester?",
    "Which certs are worth going for as a SOC analyst?",
])
def test_which_credentials_matter_for_a_role_asks_for_guidance(lexicon, question):
    assert asks_advice(question, lexicon)
    assert is_guidance(question, lexicon)


def test_a_question_asking_what_a_party_must_do_retrieves_reference_documents_only(lexicon):
    question = "We're an HR team in Germany buying a high-risk AI hiring tool. As the deployer, what are we on the hook for?"
    assert asks_duties(question, lexicon) and not is_guidance(question, lexicon)
    assert retrieval_filters(question, Filters(), lexicon).kind == "document"
