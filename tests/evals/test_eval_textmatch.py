"""Normalised phrase matching and number parsing used by fact recall."""
from __future__ import annotations

import pytest

from evals.textmatch import Fact, Number, fact_matched, normalize_text, parse_fact, parse_numbers, phrase_in


def test_normalize_folds_case_dashes_punctuation_and_whitespace():
    assert normalize_text("Unacceptable\u2013Risk  AI —\tpractices!") == "unacceptable risk ai practices"
    assert normalize_text("weights_only=True") == "weights only true"
    assert normalize_text("AML.T0051 “LLM Prompt Injection”") == "aml t0051 llm prompt injection"


def test_phrase_match_is_whole_word():
    assert phrase_in("Map", "GOVERN, MAP, MEASURE and MANAGE")
    assert not phrase_in("Map", "the mapping of controls")
    assert phrase_in("unacceptable-risk", "Unacceptable risk practices are prohibited")
    assert phrase_in("1 August 2024", "entered into force on 1 August 2024.")
    assert not phrase_in("", "anything")


@pytest.mark.parametrize("text,expected", [
    ("AWS skills were mentioned in 26% of postings", [26]),
    ("pays $150,000–$185,000 base", [150000, 185000]),
    ("around 150k a year", [150000]),
    ("up to EUR 35 million or 7%", [35e6, 7]),
    ("EUR 7.5 million or 1 percent", [7.5e6, 1]),
    ("0.01% of the dataset for 60 US dollars", [0.01, 60]),
    ("LLM01 and AML.T0051 and NIST AI 100-2 E2025", [100, 2]),  # digits glued to letters are identifiers, not numbers
    ("2 billion requests", [2e9]),
])
def test_parse_numbers(text, expected):
    assert parse_numbers(text) == pytest.approx(expected)


def test_number_fact_uses_tolerance():
    fact = Fact((Number(38.46, 1.0),))
    assert fact_matched(fact, "38% of the 26 postings")
    assert not fact_matched(fact, "36% of the 26 postings")
    assert fact_matched(Fact((Number(112000),)), "Salary: 112,000–134,000 USD per year")


def test_fact_with_mixed_alternatives():
    fact = parse_fact([{"number": 20}, "over 20%"])
    assert fact.alternatives == (Number(20.0), "over 20%")
    assert fact_matched(fact, "dropped by over twenty percent") is False
    assert fact_matched(fact, "dropped by 20%")
    assert fact.describe() == "20 | over 20%"


@pytest.mark.parametrize("raw", [[], {"number": "x"}, {"value": 3}, [None], {"number": 1, "unit": "%"}])
def test_parse_fact_rejects_bad_input(raw):
    with pytest.raises(ValueError):
        parse_fact(raw)
