"""The history convention: where text about a superseded edition is marked as past, and which mentions read as current."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.sentences import split_sentences
from app.lexicon import phrase_pattern
from ingest.editions import Mention, Registry


@dataclass(frozen=True)
class HistoryConvention:
    """Words (lexicon section `currency`) that mark a heading as history, a section as a reference list, a sentence as past."""

    history_headings: tuple[re.Pattern, ...]
    reference_headings: tuple[re.Pattern, ...]
    past_markers: tuple[re.Pattern, ...]

    @classmethod
    def from_lexicon(cls, lexicon: dict[str, Any]) -> "HistoryConvention":
        """Build from the lexicon's `currency` section."""
        section = lexicon.get("currency") or {}
        return cls(*(tuple(phrase_pattern(w) for w in section.get(key) or ())
                     for key in ("history_headings", "reference_headings", "past_markers")))

    def is_history_heading(self, heading: str | None) -> bool:
        """A section whose heading says it is history."""
        return bool(heading) and any(p.search(heading) for p in self.history_headings)

    def is_reference_heading(self, heading: str | None) -> bool:
        """A section that lists the document's sources (it names editions consulted, not editions in force)."""
        return bool(heading) and any(p.fullmatch(heading.strip()) for p in self.reference_headings)

    def reads_as_past(self, sentence: str) -> bool:
        """The sentence itself says it is about the past ("was", "until", "superseded", ...)."""
        return any(p.search(sentence) for p in self.past_markers)

    def superseded_as_current(self, sentence: str, mentions: list[Mention]) -> list[Mention]:
        """Superseded editions a sentence outside history presents as current: not marked past, current edition not named."""
        if self.reads_as_past(sentence):
            return []
        named_current = {m.entry.key for m in mentions if m.edition.current}
        return [m for m in mentions if not m.edition.current and m.entry.key not in named_current]


def edition_metadata(text: str, heading: str | None, title: str, registry: Registry,
                     convention: HistoryConvention) -> dict[str, Any]:
    """Chunk metadata: the `entry@edition` tags a passage speaks of, the superseded ones, and whether it is history or a source list."""
    named = registry.named_in(f"{title}\n{heading or ''}")
    screened = registry.screened(text, named)
    mentions = [m for line in text.splitlines() for sentence in split_sentences(line.strip())
                for m in screened.mentions(sentence, named=named)]
    tags = list(dict.fromkeys(m.tag for m in mentions))
    superseded = list(dict.fromkeys(m.tag for m in mentions if not m.edition.current))
    metadata: dict[str, Any] = {"editions": tags, "editions_superseded": superseded}
    if convention.is_history_heading(heading):
        metadata["history"] = True
    if convention.is_reference_heading(heading):
        metadata["reference"] = True  # a list of the sources consulted: it names editions, it does not say what is in force
    return {k: v for k, v in metadata.items() if v}
