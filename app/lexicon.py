"""The lexicon: every word list the answer path uses, read from one file beside the vocabulary, and the one way
its phrases are matched in text (whole words, any white space between them)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from app.errors import UserError
from app.term_index import word_char
from ingest.files import read_yaml


@lru_cache(maxsize=4)
def load_lexicon(path: Path) -> dict[str, Any]:
    """Read lexicon.yaml: one section per idea (answer types, query cues, regions, currencies, ...), each a mapping or a list."""
    if not path.exists():
        raise UserError(f"lexicon file {path} is missing; set AISEC_CORPUS_DIR to the corpus folder")
    return _with_order_asks(read_yaml(path) or {})


def _with_order_asks(lexicon: dict[str, Any]) -> dict[str, Any]:
    """The lexicon with the phrases asking for an order of learning (`guidance_kinds` … `plan` … `orders`, written
    once) also among those asking for guidance, for a plan and for its order (`guidance_questions`, the plan's
    `asks`, `guidance_in_order`)."""
    orders = lexicon.get("guidance_kinds", {}).get("plan", {}).get("orders", [])
    for phrases in (lexicon.get("guidance_questions"), lexicon.get("guidance_kinds", {}).get("plan", {}).get("asks"),
                    lexicon.get("guidance_in_order")):
        if phrases is not None:
            phrases.extend(p for p in orders if p not in phrases)
    return lexicon


@lru_cache(maxsize=4096)
def phrase_pattern(*phrases: str, at_start: bool = False, same_line: bool = False) -> re.Pattern:
    """Case-insensitive occurrences of any of `phrases`, whole words at whichever ends are word characters, the
    longest first where two start at one place; `at_start`: only where the text opens with one (after white space);
    `same_line`: its words one space apart, as written (else any white space, a line break too)."""
    gap = " " if same_line else r"\s+"
    alternation = "|".join(("(?<!\\w)" if word_char(p[:1]) else "") + gap.join(map(re.escape, p.split()))
                           + ("(?!\\w)" if word_char(p[-1:]) else "") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(("^\\s*" if at_start else "") + f"(?:{alternation})", re.IGNORECASE)


def has_any(text: str, phrases: Iterable[str], same_line: bool = False) -> bool:
    """Whether `text` holds one of `phrases` as whole words (see phrase_pattern)."""
    phrases = tuple(phrases)
    return bool(phrases) and phrase_pattern(*phrases, same_line=same_line).search(text) is not None
