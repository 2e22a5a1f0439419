"""A follow-up keeps the subject and the aspect of the turn before it: a turn of several short questions leans on it as a
short one does; an event's follow-up ("how did that end up?") carries the event, not a role word in it; the subject of
"what is X and why …?" is X, in lower case too; "which of those" picks among the items the earlier question asked for
(and asks for no postings); a move to a foundation answers who maintains it now.
Rewriting with the shipped lexicon, and answers from a real index over the ask corpus plus one fictional guide."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document, lead
from app.followup import FollowUpRewriter
from app.lexicon import load_lexicon
from app.settings import Settings

REWRITER = FollowUpRewriter(load_lexicon(Settings().lexicon_path), ["ciso", "chief information security officer"])


@pytest.mark.parametrize("earlier, follow_up, expected", [
    # several short questions in one turn: the pronoun of the first stands for the earlier subject
    ("What is MITRE ATLAS in a nutshell?", "ok and how many tactics does it have now? which ones don't exist in ATT&CK?",
     "and how many tactics does MITRE ATLAS have now? which ones don't exist in ATT&CK?"),
    # an event: the event as named, not the role word "CISO" in it
    ("What happened with the SEC going after the SolarWinds CISO?", "how did that end up?",
     "how did the SEC going after the SolarWinds CISO end up?"),
    ("What was going on with the Brightwater case?", "what happened in the end?",
     "what happened in the end — regarding the Brightwater case?"),
    # the subject of a definition question, up to its next clause
    ("what is safetensors and why do people prefer it to pickle files?", "who maintains it these days?",
     "who maintains safetensors these days?"),
    ("what does garak do?", "who makes it?", "who makes garak?"),
    # "which of those": the items asked for, not the name in them
    ("what are the four functions in the NIST AI RMF?", "ok and which of those would a red teamer mostly be feeding into?",
     "and which of the four functions in the NIST AI RMF would a red teamer mostly be feeding into?"),
])
def test_follow_ups_keep_the_earlier_subject(earlier, follow_up, expected):
    assert REWRITER.standalone(follow_up, [earlier]) == expected


GUIDE = """---
title: Model tools and their stewards
sources:
  - {title: "Example — tool stewardship notes", url: "https://example.org/stewards", checked: 2026-11-01}
---

## The Lattice framework

The Lattice framework has three functions: PROBE, WEIGH and MEND. PROBE covers adversarial testing and evaluation of
a model. WEIGH covers scoring and prioritising the risks found. MEND covers fixing the risks and responding to
incidents. Red teamers contribute mainly to the PROBE function, supplying attack results.

## quillpack

quillpack is a model file format that stores only weights and a short header, so loading it runs no code. quillpack
was created by Ferncastle Labs and, since 3 March 2026, has been a project hosted by the Orchard Foundation.

## The Dunmore dispute

In 2024 the regulator charged Dunmore Systems and its CISO over statements about its security practices. The Dunmore
case has since ended: on 9 October 2025 the parties filed a joint stipulation dismissing the remaining claims with
prejudice.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("keeps"), embedder, "model-tools-stewards.md", GUIDE)


def test_which_of_those_picks_among_the_functions_not_postings(bot):
    answer = bot.ask("ok and which of those would a red teamer mostly feed into?",
                     history=["what are the three functions of the Lattice framework?"])
    assert not answer.abstained, answer.text
    assert not answer.to_dict().get("rows"), answer.text  # no postings list
    assert "PROBE" in lead(answer.text), answer.text


def test_who_maintains_a_lower_case_tool_after_what_is_and_why(bot):
    answer = bot.ask("who maintains it these days?", history=["what is quillpack and why do people prefer it?"])
    assert not answer.abstained, answer.text
    assert "Orchard Foundation" in lead(answer.text), answer.text


def test_an_events_follow_up_is_about_the_event(bot):
    answer = bot.ask("how did that end up?", history=["What happened with the regulator charging the Dunmore CISO?"])
    assert not answer.abstained, answer.text
    assert "9 October 2025" in lead(answer.text), answer.text
