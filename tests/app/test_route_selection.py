"""Which route a question takes and which postings it selects (app.query, app.assistant), with the real vocabulary and
lexicon: the eurozone is the countries paying in euros; a plan the asker tells of and asks "any reason not to?" about
is advice, not a list; two places no posting is in are both conditions; a place named by a word that says the same
("EU" for "Europe") is named; a postings sentence after a question to the documents gets the list and the answer."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.answer_type import equivalent_words
from app.coverage import unmentioned
from app.lexicon import load_lexicon

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")


@pytest.mark.parametrize("question", [
    "Looking for AI security engineer roles in the eurozone (paid in euros). What's listed and where?",
    "MLSecOps openings in the euro area - what's listed?",
    "Which AI red team roles are based in the eurozone?",
])
def test_the_eurozone_is_a_region_of_postings(parser, question):
    query = parser.parse(question)
    assert query.intent == "list" and "germany" in query.place_spellings and ", uk" not in query.place_spellings


@pytest.mark.parametrize("question", [
    "Planning to sit AZ-500 next month to help me land an Azure AI security job. Any reason not to?",
    "I want to do AI-102 to get hired for Azure AI security roles. Any reason I shouldn't?",
])
def test_a_plan_asked_about_is_advice_not_a_list(parser, question):
    assert parser.parse(question).intent == "explain"


@pytest.mark.parametrize("question, place, spellings", [
    ("Are there any MLSecOps jobs based in Tokyo or Seoul?", "Tokyo or Seoul", ("tokyo", "seoul")),
    ("Are there any AI red team postings based in Singapore or Japan, and what do they pay?", "Singapore or Japan",
     ("singapore", "japan")),
])
def test_two_places_no_posting_is_in_are_both_conditions(parser, question, place, spellings):
    query = parser.parse(question)
    assert (query.place, query.place_spellings) == (place, spellings)


def test_a_place_is_named_by_a_word_that_says_the_same():
    assert "eu" in equivalent_words("Europe", LEXICON)
    assert unmentioned(["Europe"], ["Article 99 of the EU AI Act sets maximum fines."], names={"Europe": equivalent_words("Europe", LEXICON)}) == []


def test_postings_in_the_eurozone_are_listed(assistant):
    answer = assistant.ask("Any MLSecOps jobs in the eurozone?")
    assert answer.route == "postings" and [r["posting_id"] for r in answer.rows] == ["ac-003"]


def test_a_postings_sentence_after_a_question_to_the_documents_gets_both(assistant):
    answer = assistant.ask("Why do MLSecOps teams use Kubernetes so much? Which postings ask for it?")
    assert answer.route == "postings" and sorted(r["posting_id"] for r in answer.rows) == ["ac-001", "ac-002"]
    assert "Kubernetes" in answer.text.split("\n\n", 1)[1]  # the documents' part, after the list


def test_a_question_after_a_telling_sentence_is_no_such_pair(assistant):
    answer = assistant.ask("I run Kubernetes clusters. Which MLSecOps postings ask for it?")
    assert "documents_part" not in (answer.data or {})
