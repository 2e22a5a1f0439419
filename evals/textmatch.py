"""Expected facts and how they are found in answer text: normalised phrases and numbers with tolerance."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'") | dict.fromkeys(map(ord, "\u201c\u201d\u201e\u2033"), '"')
PUNCTUATION = re.compile(r"[^\w\s]|_")
NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:(k|m|mn|bn)\b|\s*(%|percent\b|per cent\b|thousand\b|million\b|billion\b))?",
    re.IGNORECASE,
)
SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


@dataclass(frozen=True)
class Number:
    """An expected number; it matches any number in the text within `tolerance` (absolute)."""

    value: float
    tolerance: float = 0.0


@dataclass(frozen=True)
class Fact:
    """One expected fact: any of its alternatives (phrasings or numbers) found in the text counts."""

    alternatives: tuple[str | Number, ...]

    def describe(self) -> str:
        """Short human form, e.g. `Prompt Injection | LLM01` or `26 (±0.5)`."""
        return " | ".join(
            _number(a.value) + (f" (±{_number(a.tolerance)})" if a.tolerance else "") if isinstance(a, Number) else a
            for a in self.alternatives
        )


def _number(value: float) -> str:
    """35000000 -> 35,000,000; 0.01 -> 0.01; 66.666 -> 66.67."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def normalize_text(text: str) -> str:
    """Casefolded, Unicode-normalised text with dashes, quotes and punctuation turned into single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(DASHES).translate(QUOTES).casefold()
    return " ".join(PUNCTUATION.sub(" ", text).split())


def parse_numbers(text: str) -> list[float]:
    """Numbers in text: `26%` -> 26, `150,000` -> 150000, `150k` -> 150000, `EUR 7.5 million` -> 7500000."""
    text = unicodedata.normalize("NFKC", text).translate(DASHES).replace("\u202f", " ")
    values = []
    for digits, fraction, short_unit, long_unit in NUMBER.findall(text):
        value = float(digits.replace(",", "") + (fraction or ""))
        unit = (short_unit or long_unit or "").lower()
        values.append(value * SCALE.get(unit, 1.0))
    return values


def phrase_in(phrase: str, text: str) -> bool:
    """Whole-word containment after normalisation on both sides."""
    needle = normalize_text(phrase)
    return bool(needle) and f" {needle} " in f" {normalize_text(text)} "


def fact_matched(fact: Fact, text: str) -> bool:
    """True when any alternative of `fact` occurs in `text`."""
    numbers: list[float] | None = None
    for alternative in fact.alternatives:
        if isinstance(alternative, Number):
            numbers = parse_numbers(text) if numbers is None else numbers
            if any(abs(v - alternative.value) <= alternative.tolerance + 1e-9 for v in numbers):
                return True
        elif phrase_in(alternative, text):
            return True
    return False


def parse_fact(raw) -> Fact:
    """A fact from YAML: a phrase, a list of phrases and numbers, or `{number: X, tolerance: T}`."""
    items = raw if isinstance(raw, list) else [raw]
    alternatives: list[str | Number] = []
    for item in items:
        if isinstance(item, dict):
            unknown = set(item) - {"number", "tolerance"}
            if "number" not in item or unknown:
                raise ValueError(f"a number fact is {{number: X, tolerance: T}}, got {item!r}")
            alternatives.append(Number(float(item["number"]), float(item.get("tolerance", 0.0))))
        elif isinstance(item, (str, int, float)) and str(item).strip():
            alternatives.append(str(item))
        else:
            raise ValueError(f"a fact alternative must be text or {{number: X}}, got {item!r}")
    if not alternatives:
        raise ValueError("an expected fact needs at least one alternative")
    return Fact(tuple(alternatives))
