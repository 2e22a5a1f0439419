"""A question whose asker names a party (a deployer, a fractional CISO, a hiring manager's candidates) and asks what
it must do, settle or should expect is led by the sentence stating that party's duty, its section following in the
source's order — not by sentences that merely mention the role. A real index over the ask corpus plus one guide
written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.duties import _duty_subject, duty_items
from app.guidance import asks_duties
from app.lexicon import load_lexicon
from app.settings import Settings
from app.types import Passage

GUIDE = """---
title: Duties of AI security roles and organisations
sources:
  - {title: "Fixture guide", url: "https://example.org/duties", checked: 2026-11-01}
---

## Interviews for AI governance roles

Interviews often ask candidates to classify a system such as a CV-screening tool, an Annex III employment use case
whose high-risk obligations apply from 2 December 2027. Deployers and providers come up in most governance interviews.

## Provider and deployer obligations under the EU AI Act

The EU AI Act distinguishes a provider, which places an AI system on the market under its own name, from a deployer,
which uses an AI system under its authority professionally. Providers of high-risk AI systems must operate a quality
management system (Article 17) and complete a conformity assessment (Article 43). Deployers of high-risk systems,
under Article 26, must follow the instructions for use, assign human oversight to competent people and inform workers
before workplace use. Under Article 25, a deployer that substantially modifies a high-risk system becomes its provider.

## How the fractional CISO model works

A vCISO (virtual CISO), also called a fractional CISO, provides security leadership part-time to startups and small
organisations. A vCISO typically works for several clients at once and commits a set number of days per month to
each. The fractional model works best when the vCISO has a clear mandate and an internal owner who executes day to day. Before
accepting an engagement, a vCISO should clarify decision rights, reporting lines and how directors-and-officers
insurance applies.

## What an MLSecOps engineer does

MLSecOps engineers secure model registries, training pipelines and the artifacts that move between them. MLSecOps
engineers and AI security engineers are the roles most often responsible for supply-chain controls.

## Interview topics for MLSecOps: model supply chain

MLSecOps interviews focus on the security of model artifacts and pipelines. Candidates should know that PyTorch 2.6
changed the torch.load default to weights_only=True and that safetensors does not execute code. Candidates should also
be able to discuss model signing with Sigstore.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("duties"), embedder, "duties.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


def test_a_deployer_asking_what_they_are_on_the_hook_for_gets_the_deployer_duties(bot):
    answer = bot.ask("We're an HR team buying a high-risk AI hiring tool from a vendor. "
                     "As the deployer, what are we actually on the hook for?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("Deployers of high-risk systems, under Article 26, must"), answer.text
    assert answer.text.index("inform workers") < answer.text.index("Under Article 25")  # the source's order
    assert "Interviews often ask" not in answer.text
    assert_well_cited(answer)


def test_a_fractional_ciso_asking_what_to_settle_before_signing_gets_what_a_vciso_should_clarify(bot):
    answer = bot.ask("A startup wants me as their fractional CISO two days a month. What should I nail down before I sign?")
    assert not answer.abstained, answer.text
    assert "decision rights" in lead(answer.text) and "directors-and-officers" in lead(answer.text), answer.text
    assert_well_cited(answer)


def test_a_cto_asking_what_to_sort_out_before_hiring_a_fractional_ciso_gets_the_duty_then_the_prose_it_continues(bot):
    answer = bot.ask("I'm the CTO of a 40-person startup. Does a fractional CISO make sense for us, and what should we "
                     "sort out before hiring one?")
    assert not answer.abstained, answer.text
    assert "decision rights" in lead(answer.text), answer.text
    assert "clear mandate" in answer.text, answer.text  # the prose the duty sentence continues follows it
    assert_well_cited(answer)


def test_a_hiring_manager_gets_what_candidates_should_know_in_the_sources_order(bot):
    answer = bot.ask("I'm hiring an MLSecOps engineer. What model supply chain knowledge should I expect strong "
                     "candidates to show?")
    assert not answer.abstained, answer.text
    assert "weights_only=True" in lead(answer.text), answer.text
    assert answer.text.index("safetensors") < answer.text.index("Sigstore")
    assert "most often responsible" not in answer.text  # a sentence naming the role, stating no expectation
    assert_well_cited(answer)


def test_duties_of_a_party_the_question_does_not_name_leave_the_usual_answer(bot, lexicon):
    snapshot = bot.retriever().snapshot
    guide = [Passage(i, t, m, 0.0) for i, t, m in zip(snapshot.ids, snapshot.texts, snapshot.metadatas)
             if m.get("source") == "documents/duties.md"]
    assert guide
    named = duty_items("As the deployer, what must we do?", guide, snapshot, lexicon, (), lambda text: (), 5)
    assert named[0][0].startswith("Deployers of high-risk systems"), named
    assert duty_items("As the auditor, what must we do?", guide, snapshot, lexicon, (), lambda text: (), 5) == []


@pytest.mark.parametrize("sentence, subject", [
    ("Deployers of high-risk systems, under Article 26, must follow the instructions for use.",
     "Deployers of high-risk systems, under Article 26,"),
    ("Before accepting an engagement, a vCISO should clarify decision rights.", "Before accepting an engagement, a vCISO"),
    ("MLSecOps reuses DevSecOps practices, but an MLSecOps engineer must also handle data.", "an MLSecOps engineer"),
    ("The CKS is common for MLSecOps engineers; CKS candidates must hold an active CKA.", "CKS candidates"),
    ("Candidates can prepare by reading the primary documents.", None),
    ("Must-have skills are listed below.", None),
])
def test_the_subject_of_a_duty_is_the_clause_before_its_duty_word(sentence, subject, lexicon):
    assert _duty_subject(sentence, lexicon) == subject


@pytest.mark.parametrize("question, asks", [
    ("As the deployer, what are we actually on the hook for?", True),
    ("What should I nail down before I sign?", True),
    ("What should I expect them to know about the NIST AI RMF?", True),
    ("What do the SEC rules expect on incidents?", True),
    ("Show me the EU AI Act obligations", False),
    ("When do the high-risk obligations for AI in products covered by Annex I of the AI Act apply now?", False),
    ("What should I expect in an AI security interview?", False),
])
def test_a_duty_question_names_the_asker_or_the_rules(question, asks, lexicon):
    assert asks_duties(question, lexicon) is asks
