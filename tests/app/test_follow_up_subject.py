"""A follow-up's back-reference stands for the subject the earlier turn set up: the organisation a "who runs …?"
question asks for, the offering "that one" points at (not a credential of the asker's own), whatever shape the
history takes (the UI's role/content turns with answers, or the user's turns alone). A real index over the ask corpus
plus one fictional guide."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document, lead

GUIDE = """---
title: Practising prompt injection and auditing AI
sources:
  - {title: "Quillmark Labs — Harbor Maze", url: "https://example.org/harbor-maze", checked: 2026-11-01}
---

## Prompt injection

Prompt injection hides instructions in content a language model reads. Indirect prompt injection comes from retrieved
web pages, documents and emails that the model processes. Jailbreaking is treated as a subset of prompt injection.
Independent researchers showed in 2023 that indirect prompt injection still works against the applications of many
companies. A company remains exposed while its assistants still read untrusted content.

## Practice games

Hands-on practice helps for technical roles: attacking public prompt-injection challenges such as Harbor Maze, run by
Quillmark Labs (a Northwind company since Northwind acquired it in 2025), or the labs of an online web security academy.

## Credentials from the Tallis Institute

The Tallis Institute's Certified Model Auditor (CMA), launched in May 2025, targets IT auditors assessing AI systems and
is open to holders of an active CSA. The Tallis Institute's Certified Risk Steward (CRS) was launched in April 2026 for
risk professionals. The Cyber Safety Alliance started its CSA credential in 1998 for systems auditors.
"""
WHO_RUNS = "who runs that Harbor Maze game people use to practise prompt injection?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("follow"), embedder, "practising-and-auditing.md", GUIDE)


def test_they_after_who_runs_is_the_organisation_that_runs_it(bot):
    answer = bot.ask("are they still an independent company?", history=[WHO_RUNS])
    assert not answer.abstained, answer.text
    assert "Northwind" in lead(answer.text), answer.text


def test_the_ui_history_with_answers_resolves_the_same_subject(bot):
    """The chat passes role/content turns with the assistant's answers (app/ui/app.py `_conversation`); the API the
    user's turns alone: one resolution, one answer."""
    first = bot.ask(WHO_RUNS)
    chat = [{"role": "user", "content": WHO_RUNS}, {"role": "assistant", "content": first.text}]
    assert bot.ask("are they still an independent company?", history=chat).text == \
        bot.ask("are they still an independent company?", history=[WHO_RUNS]).text


def test_that_one_is_the_offering_asked_about_not_the_askers_credential(bot):
    answer = bot.ask("ok when did that one launch?",
                     history=["I'm a CSA-certified IT auditor. Does the Tallis Institute have anything for auditing AI systems?"])
    assert not answer.abstained, answer.text
    assert "May 2025" in lead(answer.text), answer.text
    assert "Tallis Institute have anything for auditing AI systems" in answer.standalone_question
    assert "CSA" not in answer.standalone_question  # the asker's own credential is not what "that one" is
