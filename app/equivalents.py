"""The sources' words for the asker's: a question that names an idea in a word the sources seldom use ("works
sometimes", "once in a few dozen tries") is also searched for by the lexicon's other words for it ("non-deterministic",
"attempts"; `searched_equivalents`), so the lexical leg finds the passage that says it in its own words."""
from __future__ import annotations

from typing import Sequence

from app.lexicon import has_any

SELDOM_SHARE = 0.04  # a word in at most this share of the indexed passages is one the sources seldom use


class Equivalents:
    """One snapshot's passages and the lexicon's groups of words for one idea; counts of passages holding a word are
    kept, since the snapshot does not change."""

    def __init__(self, groups: Sequence[Sequence[str]], texts: Sequence[str]):
        self.groups = [tuple(g) for g in groups]
        self.texts = texts
        self._holding: dict[str, int] = {}

    def searched(self, text: str) -> str:
        """`text` with the other one-word entries of each group it names (in words or phrases) only in words the sources
        seldom use."""
        added = []
        for group in self.groups:
            own = [w for w in group if has_any(text, [w])]
            if own and all(self._seldom(w) for w in own):
                added += [w for w in group if w not in own and " " not in w and "-" not in w]  # a phrase's words alone say nothing
        return " ".join([text, *dict.fromkeys(added)])

    def _seldom(self, word: str) -> bool:
        if word not in self._holding:
            self._holding[word] = sum(has_any(t, [word]) for t in self.texts)
        return self._holding[word] <= SELDOM_SHARE * len(self.texts)
