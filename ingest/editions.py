"""The editions registry (corpus/editions.yaml): which edition of each law, standard or exam is current, and which text speaks of which."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from app.lexicon import phrase_pattern
from ingest.files import read_yaml

# Characters other than ASCII letters that a case-blind pattern matches to one (İ ı ſ K, Kelvin): a text holding one
# is not screened by plain lower-case words (Registry.screened).
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


@dataclass(frozen=True)
class Edition:
    """One edition or status of an entry and the phrases that identify it in text."""

    label: str
    current: bool
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class Entry:
    """A law, standard, framework, taxonomy, exam or body the corpus cites."""

    key: str
    name: str
    names: tuple[re.Pattern, ...]  # phrases naming the entry; an edition phrase counts only beside one (none: always)
    editions: tuple[Edition, ...]
    name_clues: tuple[str, ...] = ()  # a lower-case word each name phrase holds ("" for a phrase that gives none)
    edition_clues: tuple[str, ...] = ()  # the same for every phrase of every edition

    @property
    def current(self) -> Edition:
        """The edition or status in force."""
        return next(e for e in self.editions if e.current)


@dataclass(frozen=True)
class Mention:
    """An edition of an entry named in a piece of text, with the character span of the phrase."""

    entry: Entry
    edition: Edition
    start: int
    end: int

    @property
    def tag(self) -> str:
        """`entry@edition`, the form stored in chunk metadata."""
        return f"{self.entry.key}@{self.edition.label}"


@dataclass(frozen=True)
class Registry:
    """Every entry of editions.yaml (empty when the corpus has no registry)."""

    entries: tuple[Entry, ...] = ()

    def mentions(self, text: str, context: str = "", named: frozenset[str] | None = None) -> list[Mention]:
        """Editions named in `text`; an entry's edition phrases count when `text` or `context` names the entry
        (`named`: named_in(context), when one context serves many texts)."""
        named = self.named_in(context) if named is None else named
        found = []
        for entry in self.entries:
            if entry.names and entry.key not in named and not any(p.search(text) for p in entry.names):
                continue
            for edition in entry.editions:
                found += [Mention(entry, edition, m.start(), m.end()) for p in edition.patterns for m in p.finditer(text)]
        return sorted(found, key=lambda m: m.start)

    def screened(self, text: str, named: frozenset[str]) -> "Registry":
        """The entries `text` may mention (`named`: keys its context names): those whose name, unless none is needed,
        and some edition phrase could occur, judged by a word each phrase must hold, found with a plain substring
        test (the phrases' patterns cost a hundred times more). mentions() of any sentence of `text` are the same over
        the screened registry as over this one, since a sentence's match is one of the text's."""
        if any(c in text for c in FOLDS_TO_ASCII):
            return self
        lower = text.lower()

        def may_hold(clues: tuple[str, ...]) -> bool:
            return any(not clue or clue in lower for clue in clues)

        return Registry(tuple(e for e in self.entries
                              if (not e.names or e.key in named or may_hold(e.name_clues)) and may_hold(e.edition_clues)))

    def named_in(self, context: str) -> frozenset[str]:
        """Keys of the entries that `context` names."""
        return frozenset(e.key for e in self.entries if any(p.search(context) for p in e.names))

    def get(self, key: str) -> Entry | None:
        """The entry with this key."""
        return next((e for e in self.entries if e.key == key), None)


@lru_cache(maxsize=4)
def load_registry(path: Path) -> Registry:
    """Read editions.yaml; a missing file is an empty registry, a malformed one a ValueError naming the entry."""
    if not path.exists():
        return Registry()
    try:
        raw = read_yaml(path) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path} is not valid YAML: {str(exc).splitlines()[0]}") from None
    entries = []
    for key, spec in (raw.get("entries") or {}).items():
        try:
            editions = [spec["current"]] + list(spec.get("superseded") or [])
            names = [str(n) for n in spec.get("names") or []]
            entries.append(Entry(key, spec["name"], tuple(phrase_pattern(n) for n in names),
                                 tuple(_edition(e, i == 0) for i, e in enumerate(editions)), tuple(map(_clue, names)),
                                 tuple(_clue(str(p)) for e in editions for p in e["phrases"])))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{path}: entry {key!r} needs name, current.edition and current.phrases ({exc})") from None
    return Registry(tuple(entries))


def _edition(spec: dict, current: bool) -> Edition:
    return Edition(str(spec["edition"]), current, tuple(phrase_pattern(str(p)) for p in spec["phrases"]))


def _clue(phrase: str) -> str:
    """The longest word of `phrase`, lower-cased: every case-blind match of its pattern holds it ("" if not ASCII)."""
    word = max(phrase.split(), key=len, default="").lower()
    return word if word.isascii() else ""
