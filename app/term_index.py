"""Find the phrasings of terms in text by looking its words up in a dictionary (one index; no regex per phrasing)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterator

WORDS = re.compile(r"[^\s-]+")  # a text's words: what stands between white space and hyphens


@dataclass(frozen=True)
class Phrasing:
    """One way of writing a term: its words (lower-cased unless `exact_case`) and what it stands for (`name`)."""

    words: tuple[str, ...]
    name: Any
    exact_case: bool = False
    plural: bool = True  # an "s" or "es" may follow its last word


@dataclass(frozen=True)
class Hit:
    """Where one phrasing occurs: text[start:end], `ending` the plural ending it was found with ("", "s", "es")."""

    start: int
    end: int
    phrasing: Phrasing
    ending: str


class TermIndex:
    """Phrasings keyed by their first word; words are joined by white space or hyphens in the text. `may_precede` and
    `may_follow` say whether a character may stand right before and after an occurrence (its word boundaries)."""

    def __init__(self, may_precede: Callable[[str], bool], may_follow: Callable[[str], bool]):
        self.by_first: dict[str, list[Phrasing]] = {}
        self.longest_first = 0  # the longest first word: no longer stretch of a word needs looking up
        self.may_precede, self.may_follow = may_precede, may_follow

    def add(self, words: list[str] | tuple[str, ...], name: Any, exact_case: bool = False, plural: bool = True) -> None:
        """Index one phrasing (its words as split on white space and hyphens)."""
        words = tuple(words if exact_case else (w.lower() for w in words))
        if words:
            self.by_first.setdefault(words[0].lower(), []).append(Phrasing(words, name, exact_case, plural))
            self.longest_first = max(self.longest_first, len(words[0]))

    def hits(self, text: str, accept: Callable[[Phrasing, int, int], bool] | None = None) -> Iterator[Hit]:
        """Every occurrence of every phrasing, each phrasing once per start (with the first plural ending that fits);
        `accept(phrasing, start, end)` may refuse one (a guard on what stands around it)."""
        folded = _fold(text)
        runs = [(m.start(), m.end()) for m in WORDS.finditer(text)]
        for index, (run_start, run_end) in enumerate(runs):
            for start in range(run_start, run_end):
                if start > run_start and not self.may_precede(text[start - 1]):
                    continue
                for stop in range(start + 1, min(run_end, start + self.longest_first) + 1):
                    for phrasing in self.by_first.get(folded[start:stop], ()):
                        end = self._end(text, folded, runs, index, start, stop, phrasing)
                        if end is None:
                            continue
                        for ending in ("s", "es", "") if phrasing.plural else ("",):  # as (?:s|es)? tries them
                            found = (text if phrasing.exact_case else folded)[end:end + len(ending)]
                            after = end + len(ending)
                            if found == ending and (after == len(text) or self.may_follow(text[after])) \
                                    and (accept is None or accept(phrasing, start, after)):
                                yield Hit(start, after, phrasing, ending)
                                break

    @staticmethod
    def _end(text: str, folded: str, runs: list[tuple[int, int]], index: int, start: int, stop: int,
             phrasing: Phrasing) -> int | None:
        """Where the phrasing's last word ends when its first word is text[start:stop], or None when it does not occur."""
        source = text if phrasing.exact_case else folded
        words = phrasing.words
        if source[start:stop] != words[0]:
            return None
        if len(words) == 1:
            return stop
        if stop != runs[index][1] or index + len(words) - 1 >= len(runs):
            return None  # a first word followed by another ends its run
        for offset, word in enumerate(words[1:-1], 1):
            run_start, run_end = runs[index + offset]
            if source[run_start:run_end] != word:
                return None
        run_start, run_end = runs[index + len(words) - 1]
        return run_start + len(words[-1]) if source.startswith(words[-1], run_start) and run_start + len(words[-1]) <= run_end else None


def word_char(char: str) -> bool:
    """A word character, as the regular expression \\w reads one."""
    return char.isalnum() or char == "_"


def _fold(text: str) -> str:
    """The text lower-cased character by character (same length, so positions stay)."""
    folded = text.lower()
    return folded if len(folded) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
