"""Recognise vocabulary terms in free text by word-boundary matching of their synonyms."""
from __future__ import annotations

import re

from ingest.vocabulary import Vocabulary

# Phrasings too ambiguous in job ads to count as evidence ("gender identity", "crypto" the industry).
SKIP_PHRASINGS = {"go", "identity", "crypto"}
# Phrasings that only count in capitals: MITRE ATLAS, not MongoDB Atlas.
CAPITALS_ONLY = {"atlas"}
# "SOC" the team, not "SOC 2" the audit.
NOT_FOLLOWED_BY = {"soc": r"(?![\s-]*[12](?![0-9]))"}
AI_MARKER = re.compile(r"(?<![a-z0-9])(ai|ml|llms?|genai|gen ai|generative|machine learning|artificial intelligence|deep learning)(?![a-z0-9])", re.IGNORECASE)
SECURITY = re.compile(r"(?<![a-z0-9])(security|secure|trust and safety)(?![a-z0-9])", re.IGNORECASE)
RED_TEAM = re.compile(r"(?<![a-z0-9])red[\s-]+team", re.IGNORECASE)
BOILERPLATE = re.compile(r"equal (employment )?opportunity|applicable (law|laws)|privacy (policy|notice)|reasonable accommodation|e-verify", re.IGNORECASE)
SENIORITY_ORDER = ("executive", "lead", "senior", "entry", "mid")
SENIORITY_EXTRA = {"executive": ["vice president", "ciso", "cto"], "entry": ["intern", "internship", "apprentice"]}
ROLE_ORDER = ("mlsecops", "ai-red-team", "ai-governance", "security-leadership", "product-security",
              "security-analyst", "ai-security-engineer", "ml-engineer")
# Titles where a seniority word is part of the job's name, not its level.
NOT_A_LEVEL = re.compile(r"account executive|executive (assistant|business partner|recruiter)|lead generation", re.IGNORECASE)


class Matcher:
    """Compiled patterns for one set of phrasings per canonical term."""

    def __init__(self, phrasings: dict[str, list[str]], case_sensitive: bool = False):
        self.patterns = {term: [_pattern(p, case_sensitive) for p in dict.fromkeys(ps) if p not in SKIP_PHRASINGS]
                         for term, ps in phrasings.items()}

    def find(self, text: str) -> list[str]:
        """Canonical terms mentioned in `text`, in vocabulary order."""
        return [term for term, patterns in self.patterns.items() if any(_hit(p, text) for p in patterns)]

    def first(self, text: str) -> tuple[int, str] | None:
        """(position, term) of the earliest mention."""
        hits = [(m.start(), term) for term, patterns in self.patterns.items() for p in patterns if (m := _hit(p, text))]
        return min(hits) if hits else None


class Recognizer:
    """Skills, clouds and certifications in a description; role family, seniority and remote status from short text."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._skills = Matcher(_with_terms(vocabulary.synonyms["skills"]))
        self._clouds = Matcher(_with_terms(vocabulary.synonyms["clouds"]))
        self._certs = Matcher({c: [c] for c in vocabulary.certifications}, case_sensitive=True)
        seniority = _with_terms(vocabulary.synonyms["seniority"])
        self._seniority = {level: Matcher({level: seniority[level] + SENIORITY_EXTRA.get(level, [])}) for level in SENIORITY_ORDER}
        roles = _with_terms(vocabulary.synonyms["role_families"])
        self._roles = {family: Matcher({family: roles.get(family, [])}) for family in ROLE_ORDER}
        self._remote = Matcher(_with_terms(vocabulary.synonyms["remote"]))

    def skills(self, text: str) -> list[str]:
        """Skill terms, ignoring equal-opportunity and privacy boilerplate paragraphs."""
        return self._skills.find(_substance(text))

    def clouds(self, text: str) -> list[str]:
        """aws / azure / gcp."""
        return self._clouds.find(_substance(text))

    def certifications(self, text: str) -> list[str]:
        """Certifications named exactly as in the vocabulary."""
        return self._certs.find(_substance(text))

    def seniority(self, title: str) -> str | None:
        """The highest level the title names (Head of > Staff/Principal > Senior > Junior > Mid)."""
        title = NOT_A_LEVEL.sub(" ", title)
        return next((level for level in SENIORITY_ORDER if self._seniority[level].find(title)), None)

    def role_family(self, title: str) -> str | None:
        """The most specific role family the title names; None when it names none we know."""
        has_ai = bool(AI_MARKER.search(title))
        for family in ROLE_ORDER:
            if family == "ai-red-team" and RED_TEAM.search(title) and not has_ai:
                continue  # a red team without AI in the title is classic offensive security
            if self._roles[family].find(title):
                return family
            if family == "ai-red-team" and has_ai and RED_TEAM.search(title):
                return family
            if family == "security-leadership" and SECURITY.search(title) and self._seniority["executive"].find(title):
                return family
            if family == "ai-security-engineer" and has_ai and SECURITY.search(title):
                return family
        return None

    def remote(self, text: str) -> str | None:
        """onsite / hybrid / remote from a location, title or workplace type: whichever is mentioned first."""
        hit = self._remote.first(text)
        return hit[1] if hit else None


def _with_terms(synonyms: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Each term's phrasings plus the term itself, hyphens read as spaces."""
    return {term: [*phrasings, term, term.replace("-", " ")] for term, phrasings in synonyms.items()}


def _pattern(phrase: str, case_sensitive: bool) -> tuple[re.Pattern, bool]:
    """(regex, needs_capital): word boundaries, any whitespace or hyphen between words, an optional plural."""
    if phrase in CAPITALS_ONLY:
        body, flags = re.escape(phrase.upper()), 0
    else:
        body, flags = r"[\s-]+".join(re.escape(w) for w in phrase.split()), (0 if case_sensitive else re.IGNORECASE)
    plural = "(?:s|es)?" if phrase[-1:].isalpha() else ""
    guard = NOT_FOLLOWED_BY.get(phrase, "")
    needs_capital = len(phrase) <= 3 and phrase.isalpha() and not case_sensitive
    return re.compile(rf"(?<![A-Za-z0-9]){body}{plural}(?![A-Za-z0-9+]){guard}", flags), needs_capital


def _hit(pattern: tuple[re.Pattern, str], text: str) -> re.Match | None:
    """A match; short words (ml, ir, sql, vp) must carry a capital letter to count."""
    regex, needs_capital = pattern
    for match in regex.finditer(text):
        if not needs_capital or any(ch.isupper() for ch in match.group(0)):
            return match
    return None


def _substance(text: str) -> str:
    return "\n\n".join(p for p in re.split(r"\n\s*\n", text) if not BOILERPLATE.search(p))
