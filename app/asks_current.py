"""Whether a question asks for what is current, latest or in force (read by the typed Query as `asks_current`)."""
from __future__ import annotations

from typing import Any

from app.lexicon import phrase_pattern


def asks_for_current(question: str, lexicon: dict[str, Any]) -> bool:
    """True when the question uses a word of the lexicon's `currency.asks_current` list ("current", "latest", "in force", ...)."""
    words = (lexicon.get("currency") or {}).get("asks_current") or ()
    return any(phrase_pattern(word).search(question) for word in words)
