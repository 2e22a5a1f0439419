"""Follow-ups asking an attribute of the earlier subject, and second turns that swap the subject but keep the asked noun."""
from __future__ import annotations

import pytest

from app.answer_type import answer_need, has_phrase, holds_answer, question_words
from app.coverage import specific_terms
from app.followup import FollowUpRewriter
from app.lexicon import load_lexicon
from app.settings import Settings

LEXICON = load_lexicon(Settings().lexicon_path)
REWRITER = FollowUpRewriter(LEXICON, [])


@pytest.mark.parametrize("earlier, follow_up, expected", [
    ("How many questions does the Harbour exam have?", "how many does the Tallis exam have?",
     "how many questions does the Tallis exam have?"),
    ("How many case studies does release 9 contain?", "how many did release 8 contain?",
     "how many case studies did release 8 contain?"),
    ("How many functions does the Harbour framework have?", "And how many did version 1.1 have?",
     "And how many functions did version 1.1 have?"),
])
def test_a_count_question_that_leaves_out_its_noun_takes_the_earlier_ones(earlier, follow_up, expected):
    assert REWRITER.standalone(follow_up, [earlier]) == expected


@pytest.mark.parametrize("earlier, follow_up", [
    ("How many questions does the Harbour exam have?", "how many tactics does Tallis have?"),  # its own noun
    ("What does the Harbour exam cover?", "how many does the Tallis exam have?"),  # nothing counted before
    ("How many MLSecOps jobs are there?", "how many are remote?"),  # postings: the Query narrows them
])
def test_a_count_question_keeps_its_own_words_when_there_is_no_counted_noun_to_carry(earlier, follow_up):
    assert REWRITER.counted_from(follow_up, earlier) is None


def test_a_phrase_with_an_apostrophe_s_is_found_as_the_text_reads_it():
    assert has_phrase(question_words("What's the name of Harbour's framework?"), "what's the name of")


@pytest.mark.parametrize("earlier, follow_up, refers", [
    ("What's the name of Harbour's framework for securing AI?", "and when did the second version come out?", True),
    ("What's the name of Harbour's framework for securing AI?", "and what about HASM?", False),  # names its own
    ("What does Harbour's framework cover?", "and when did the second version come out?", False),  # asks for no thing
])
def test_a_follow_up_with_no_back_reference_stands_for_the_thing_an_earlier_answer_named(earlier, follow_up, refers):
    assert REWRITER.refers_to_answer(follow_up, [earlier]) is refers


def test_the_answered_name_carries_the_kind_the_earlier_which_question_asked_for():
    earlier = ["Which Harbour certification is aimed at security managers?"]
    assert REWRITER.standalone("What do I need to hold before I can take it?", earlier, answered="HASM") \
        == "What do I need to hold before I can take the Harbour certification HASM?"
    assert REWRITER.standalone("When was it issued?", ["What replaced SR 11-7?"], answered="SR 26-2") == "When was SR 26-2 issued?"


def test_a_name_spelled_out_before_its_bracketed_acronym_is_named_by_the_acronym():
    answer = "Harbour's credentials, Advanced in AI Audit (HAIA, 2025) for auditors, are new. [1]"
    assert REWRITER.answered_name("Which Harbour credential is aimed at auditors?", answer) == "HAIA"


def test_number_one_is_a_position_not_a_back_reference():
    assert REWRITER.back_reference("what's number one on it?").group(0) == "it"


@pytest.mark.parametrize("sentence, answers", [
    ("Anthropic introduced MCP in November 2024 and donated it to the Agentic AI Foundation, which now governs MCP.", True),
    ("The Model Context Protocol (MCP) is an open standard for connecting AI assistants to tools and data.", False),
    ("Case studies cover a poisoned Model Context Protocol (MCP) server that exfiltrated email (AML.CS0053, March 2026).",
     False),  # a month and the parts of an identifier are no organisation
])
def test_the_acronym_of_the_asked_subject_is_no_other_organisation(sentence, answers):
    question = "Who governs Model Context Protocol now?"
    need = answer_need(question, LEXICON, specific_terms(question), "agent")
    assert holds_answer(sentence, need, LEXICON) is answers


def test_a_follow_up_takes_the_position_its_rewriting_asks_for(parser):
    asked = parser.parse("What's ranked first on it?", parser.parse("Does OWASP have a separate list for agents?"))
    positioned = parser.positioned(asked, "What's ranked first on OWASP Top 10 for Agentic Applications?")
    assert asked.position is None and positioned.position.startswith("ASI01") and positioned.expects == "entry"
    assert parser.positioned(asked, "What's ranked first on OWASP?") == asked  # no list named: nothing to take
