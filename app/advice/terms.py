"""Find the vocabulary's terms, the lexicon's role titles and certification names in free text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ingest.vocabulary import Vocabulary

FIELDS = ("skills", "clouds")


@dataclass(frozen=True)
class TermPattern:
    """One way of writing a term, compiled."""

    field: str  # skills | clouds | certifications | roles
    term: str  # the canonical term
    regex: re.Pattern


class TermFinder:
    """Every phrasing of every term, matched on word boundaries (plurals allowed)."""

    def __init__(self, vocabulary: Vocabulary, lexicon: dict[str, Any]):
        exact = {phrase: forms for phrase, forms in (lexicon.get("coach_case_sensitive") or {}).items()}
        phrasings: list[tuple[str, str, str]] = []
        for name in FIELDS:
            for term, words in vocabulary.synonyms[name].items():
                phrasings += [(name, term, w) for w in {term, term.replace("-", " "), *words}]
        certs = {c: [c] for c in vocabulary.certifications}
        for cert, words in (lexicon.get("coach_certifications") or {}).items():
            certs.setdefault(cert, [cert]).extend(words or [])
        phrasings += [("certifications", cert, w) for cert, words in certs.items() for w in words]
        for role, entry in (lexicon.get("coach_roles") or {}).items():
            phrasings += [("roles", role, w) for w in entry["words"]]
        self.patterns = [TermPattern(f, t, _compile(w, exact)) for f, t, w in phrasings]
        self.roles = {role: entry for role, entry in (lexicon.get("coach_roles") or {}).items()}

    def find(self, text: str) -> dict[str, list[str]]:
        """Terms per field in order of first mention."""
        first: dict[tuple[str, str], int] = {}
        for pattern in self.patterns:
            match = pattern.regex.search(text)
            if match:
                key = (pattern.field, pattern.term)
                first[key] = min(first.get(key, match.start()), match.start())
        found: dict[str, list[str]] = {f: [] for f in (*FIELDS, "certifications", "roles")}
        for (field, term), _ in sorted(first.items(), key=lambda item: item[1]):
            found[field].append(term)
        return found


def _compile(phrase: str, exact: dict[str, list[str]]) -> re.Pattern:
    """A phrase as a regex: words joined by spaces or hyphens, an optional plural, exact case for listed short words."""
    forms = exact.get(phrase.lower())
    if forms:
        return re.compile("|".join(_body(f) for f in forms))
    return re.compile(_body(phrase), re.IGNORECASE)


def _body(phrase: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", phrase.strip()) if w]
    joined = r"[\s\-]+".join(re.escape(w) for w in words)
    return rf"(?<![\w+#/]){joined}(?:s|es)?(?![\w+#])"
