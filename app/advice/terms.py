"""Find the vocabulary's terms, the lexicon's role titles and certification names in free text (a CV)."""
from __future__ import annotations

from typing import Any

from app.term_index import TermIndex, word_char
from ingest.vocabulary import Vocabulary

FIELDS = ("skills", "clouds")


class TermFinder:
    """Every phrasing of every term in a TermIndex, found on word boundaries (plurals allowed; exact case for the
    lexicon's `coach_case_sensitive` short words)."""

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
        self.order: dict[tuple[str, str], int] = {}  # (field, term) -> its place in the lists above (ties in position)
        self.index = TermIndex(lambda c: not (word_char(c) or c in "+#/"), lambda c: not (word_char(c) or c in "+#"))
        for field, term, phrase in phrasings:
            self.order.setdefault((field, term), len(self.order))
            forms = exact.get(phrase.lower())
            for form in forms or [phrase]:
                self.index.add(form.replace("-", " ").split(), (field, term), exact_case=bool(forms))
        self.roles = {role: entry for role, entry in (lexicon.get("coach_roles") or {}).items()}

    def find(self, text: str) -> dict[str, list[str]]:
        """Terms per field in order of first mention."""
        first: dict[tuple[str, str], int] = {}
        for hit in self.index.hits(text):
            first[hit.phrasing.name] = min(first.get(hit.phrasing.name, hit.start), hit.start)
        found: dict[str, list[str]] = {f: [] for f in (*FIELDS, "certifications", "roles")}
        for field, term in sorted(first, key=lambda key: (first[key], self.order[key])):
            found[field].append(term)
        return found
