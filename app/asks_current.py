"""Whether a question asks for what is current, latest or in force (read by the typed Query as `asks_current`)."""
from __future__ import annotations

from typing import Any

from app.lexicon import phrase_pattern


def asks_for_current(question: str, lexicon: dict[str, Any]) -> bool:
    """True when the question uses a word of the lexicon's `currency.asks_current` list ("current", "latest", "in force", ...)."""
    words = (lexicon.get("currency") or {}).get("asks_current") or ()
    return any(phrase_pattern(word).search(question) for word in words)


def asks_for_status(question: str, lexicon: dict[str, Any]) -> bool:
    """True when the question asks whether something is current ("still the latest?", "in force now?"): a word of
    `currency.asks_current` that is not also a past marker ("replaced", "renamed" ask about a change, not a status)."""
    return any(phrase_pattern(word).search(question) for word in status_words(lexicon))


def status_words(lexicon: dict[str, Any]) -> tuple[str, ...]:
    """The words that say what is current now ("current", "still", "in force"): `currency.asks_current` without the
    past markers."""
    currency = lexicon.get("currency") or {}
    past = set(currency.get("past_markers") or ())
    return tuple(word for word in currency.get("asks_current") or () if word not in past)
