"""Whether a question asks for what is current, latest or in force (read by the typed Query as `asks_current`)."""
from __future__ import annotations

from typing import Any

from app.answer_type import is_version, is_year
from app.lexicon import phrase_pattern


def asks_for_current(question: str, lexicon: dict[str, Any]) -> bool:
    """True when the question uses a word of `current_words` ("current", "latest", "in force", "now", ...), edition
    labels aside (see `unlabelled`)."""
    return any(phrase_pattern(word).search(unlabelled(question)) for word in current_words(lexicon))


def asks_for_status(question: str, lexicon: dict[str, Any]) -> bool:
    """True when the question asks whether something is current ("still the latest?", "in force now?", "a new 2026
    version?"): a word of `current_words` that is not also a past marker ("replaced", "renamed" ask about a
    change, not a status), read without the edition labels inside it (see `unlabelled`)."""
    return any(phrase_pattern(word).search(unlabelled(question)) for word in status_words(lexicon))


def unlabelled(question: str) -> str:
    """The question without its years and version numbers, which may stand inside a status phrase ("a new 2026
    version" asks for a "new version", "the latest 2.0 release" for the "latest")."""
    bare = [word.strip("?!.,;:()") for word in question.split()]
    return " ".join(word for word, plain in zip(question.split(), bare) if not (is_year(plain) or is_version(plain)))


def status_words(lexicon: dict[str, Any]) -> tuple[str, ...]:
    """The words that say what is current now ("current", "still", "in force"): `current_words` without the past
    markers."""
    past = set((lexicon.get("currency") or {}).get("past_markers") or ())
    return tuple(word for word in current_words(lexicon) if word not in past)


def current_words(lexicon: dict[str, Any]) -> tuple[str, ...]:
    """The words asking for what is current: `currency.asks_now` ("now", "these days") and `currency.asks_current`."""
    currency = lexicon.get("currency") or {}
    return (*(currency.get("asks_now") or ()), *(currency.get("asks_current") or ()))
