"""A follow-up bound to the earlier turn's named thing at any length ("… before I can book that exam?", "… in the
meantime?") is answered by the sentence giving the aspect it asks (a prerequisite, the path for those short of a
requirement) of that thing, not of another. A real index over the ask corpus plus one fictional guide."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document, lead

GUIDE = """---
title: Credentials of the Quillmark Guild
sources:
  - {title: "Quillmark Guild — credentials", url: "https://example.org/quillmark-guild", checked: 2026-11-01}
---

## Pipeline credentials

The Certified Pipeline Warden (CPW), offered by the Quillmark Guild, is a performance-based exam taken in a live
sandbox. CPW candidates must hold a Certified Cluster Steward (CCS) credential that is still active on the date the CPW
exam is scheduled. The Guild Pipeline Auditor covers audit trails of model pipelines.

## Leadership credentials

The Guild Advanced Oversight (GAO) credential, whose exam opened in March 2025, is open only to holders of an active
Tallis Fellowship. The GAO exam has 80 questions across four domains.

## Fellowship

The Tallis Fellowship requires six years of paid work experience in model assurance. A master's degree can substitute
for one year. Candidates without the experience can become a Tallis Associate.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("aspect"), embedder, "quillmark-guild.md", GUIDE)


def test_that_exam_in_a_long_follow_up_is_the_earlier_turns_credential(bot):
    answer = bot.ask("is there anything I need to hold before I can book that exam?",
                     history=["Tell me about the Certified Pipeline Warden cert"])
    assert "Certified Pipeline Warden" in answer.standalone_question
    assert "Certified Cluster Steward" in lead(answer.text), answer.text
    assert "Tallis Fellowship" not in lead(answer.text)  # another credential's prerequisite is no answer


def test_in_the_meantime_is_answered_by_the_path_for_those_short_of_the_requirement(bot):
    answer = bot.ask("I only have about three years in model assurance so far. Is there anything I can do in the meantime?",
                     history=["What are the experience requirements for the Tallis Fellowship?"])
    assert "Tallis Fellowship" in answer.standalone_question
    assert "Tallis Associate" in lead(answer.text), answer.text


def test_it_is_the_credential_the_earlier_turn_asked_about_not_the_role_it_was_for(bot):
    answer = bot.ask("is there anything I need to hold before I can book it?",
                     history=["Is the CPW worth it for someone doing MLSecOps?"])
    assert "CPW" in answer.standalone_question, answer.standalone_question
    assert "Certified Cluster Steward" in lead(answer.text), answer.text
