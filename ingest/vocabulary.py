"""The controlled vocabulary of role families, seniority, remote, clouds, skills and certifications."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.files import read_yaml


@dataclass(frozen=True)
class Vocabulary:
    """Canonical terms per field, and the synonyms people use for them."""

    synonyms: dict[str, dict[str, tuple[str, ...]]]  # field -> canonical -> phrasings
    certifications: tuple[str, ...]

    def terms(self, field: str) -> tuple[str, ...]:
        """Canonical values of a field."""
        if field == "certifications":
            return self.certifications
        return tuple(self.synonyms[field])

    def groups(self) -> tuple[tuple[str, ...], ...]:
        """Each term with its phrasings, lower-cased, the term's dashes as spaces ("ci-cd" is "ci cd")."""
        return tuple((term.replace("-", " "), *phrasings) for terms in self.synonyms.values()
                     for term, phrasings in terms.items())

    def canonical(self, field: str, value: str) -> str | None:
        """Map a phrasing (any case) to its canonical term, or None if unknown."""
        wanted = value.strip().lower()
        if field == "certifications":
            return next((c for c in self.certifications if c.lower() == wanted), None)
        for term, phrasings in self.synonyms[field].items():
            if wanted == term or wanted in phrasings:
                return term
        return None


def load_vocabulary(path: Path) -> Vocabulary:
    """Read vocabulary.yaml."""
    raw = read_yaml(path)
    synonyms = {
        field: {term: tuple(p.lower() for p in (phrasings or [])) for term, phrasings in raw[field].items()}
        for field in ("role_families", "seniority", "remote", "clouds", "skills")
    }
    return Vocabulary(synonyms=synonyms, certifications=tuple(raw["certifications"]))
