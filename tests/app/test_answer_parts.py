"""Typed answers over a real index: a subject named earlier in the passage, a list the lead opens, a bare number
about something else refused, a value the corpus calls unconfirmed refused. The ask corpus plus one exam guide."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead

EXAMS = """---
title: Credentials for AI defenders
sources:
  - {title: "Quillmark Institute exam guide", url: "https://example.org/qcd", checked: 2026-11-01}
---

## Exam format

The Quillmark Institute runs the Quillmark Certified Defender (QCD) credential for AI defenders.
The QCD exam has 75 questions across four domains. Holders must renew the credential within three years.

## Threat catalogue

The Zephyr threat catalogue identifies 9 threats of agentic systems:
- Tool misuse: agents calling tools beyond the purpose they were given.
- Memory poisoning: planted entries in an agent's long-term memory.
- Goal hijacking: instructions hidden in content that redirect the agent.

## Announced credentials

The Quillmark Institute has announced a Quillmark Agent Tester credential (QAT); the general availability of QAT
is unconfirmed as of 6 December 2026.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("parts"), embedder, "credentials-for-ai-defenders.md", EXAMS)


def test_a_count_whose_subject_an_earlier_sentence_names_leads(bot):
    answer = bot.ask("How many questions are on the Quillmark QCD exam?")
    assert not answer.abstained
    assert "75 questions" in lead(answer.text)
    assert_well_cited(answer)


def test_a_lead_that_opens_a_list_is_followed_by_its_items_in_order(bot):
    answer = bot.ask("How many threats does the Zephyr threat catalogue list, and which are they?")
    assert not answer.abstained
    assert "9 threats" in lead(answer.text)
    positions = [answer.text.find(item) for item in ("Tool misuse", "Memory poisoning", "Goal hijacking")]
    assert all(p > 0 for p in positions) and positions == sorted(positions)


def test_a_length_of_time_about_something_else_is_refused(bot):
    answer = bot.ask("How long do you get to complete the QCD exam?")
    assert answer.abstained  # "renew within three years" is a length of time, but not of the exam
    assert "a length of time" in answer.text


def test_a_value_the_corpus_calls_unconfirmed_is_refused(bot):
    answer = bot.ask("When will the Quillmark Agent Tester (QAT) be generally available?")
    assert answer.abstained
    assert "a date" in answer.text


def test_an_expansion_retrieval_missed_is_found_by_a_search_for_the_acronym(bot):
    from app.answer_draft import draft_answer
    from app.filters import Filters

    question = "QCD keeps showing up in job ads - what does the name actually stand for?"
    retriever, vector = bot.retriever(), bot.embed([question])[0]
    postings = retriever.retrieve(question, vector, Filters(kind="posting"), k=3)  # what a posting-heavy ranking gives

    def search(text: str):
        return retriever.retrieve(text, bot.embed([text])[0], Filters(), k=5)

    def drafted(search):
        return draft_answer(question, vector, postings, bot.embed, 3, bot.lexicon, retriever.snapshot, "expansion",
                            [], search=search)
    assert drafted(lambda text: []).lacking == "what the acronym stands for"  # none of the postings spells QCD out
    found = drafted(search)
    assert found.lacking is None
    assert "Quillmark Certified Defender" in found.draft.sentences[0][0]
