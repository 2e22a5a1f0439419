"""The answer type a wh-question names by the noun it asks for, in any word order (app/answer_type.py `asked_nouns`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.answer_type import asked_nouns, expected_answer_type, mentions
from app.lexicon import load_lexicon

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")


@pytest.mark.parametrize("question, expected", [
    ("What was the price OpenAI paid for promptfoo?", "amount"),  # a name opens the clause after the noun
    ("How much is the GIAC renewal fee every four years?", "amount"),  # a quantifier ends the phrase
    ("What is the OSCP+ renewal fee through OffSec's CPE programme?", "amount"),
    ("What is the exam duration for the AIGP?", "duration"),
    ("What was the date ISC2 cut the approved list?", "date"),
    ("What was the year the IAPP launched the AIGP exam?", "date"),
    ("which version introduced it?", "version"),  # the noun the wh-word determines, a verb after it
    ("What proportion of attacks succeeded?", "score"),
    ("What does the fee cover?", None),  # an auxiliary after the opener: the fee is the subject, not what is asked
    ("What is the salary trend for AI engineers?", None),  # the head is the trend
    ("What is the 2025 salary trend for AI security engineers?", None),  # a number before the phrase is no head
    ("Which MLSecOps postings pay above $180,000?", None),  # a posting noun ends the phrase: postings are asked for
    ("Which of those pay over 200k?", None),
    ("Which part-time jobs are there for someone leaving IT?", None),  # "part-time" asks for no length of time
    ("What compute threshold makes a model count as having systemic risk?", None),
    # an elided noun ("the maximum") stands for the one the asker has just told; a noun inside what an existence
    # question asks about ("reductions in fines") is no amount asked
    ("Our legal team says the fines for banned AI practices are huge. What's the actual maximum?", "amount"),
    ("They told me the AAISM exam is long. What's the actual limit?", None),
    ("Are there any reductions in fines for small companies in the EU AI Act?", None),
])
def test_the_asked_noun_names_the_type(question, expected):
    assert expected_answer_type(question, LEXICON) == expected


def test_the_head_is_the_last_word_before_the_phrase_ends():
    assert asked_nouns("What fine relief do small mid-caps get?", LEXICON) == ["relief", "fine"]
    assert asked_nouns("What does the fee cover?", LEXICON) == []
    assert asked_nouns("Tell me about the fee.", LEXICON) == []  # no wh-question


def test_an_acronyms_plural_is_named_by_its_singular():
    assert mentions("ML-BOM support was first added in version 1.5.", "ML-BOMs")
    assert not mentions("OSCP+ expires after three years.", "OSCPs")  # another credential
