"""Recognise vocabulary terms (role families, seniority, remote, skills, clouds, certifications), employment types and
years in a question."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.analytics.cert_descriptions import CertificationDescriptions
from app.term_index import TermIndex
from ingest.vocabulary import Vocabulary

SINGLE_VALUED = ("role_family", "seniority", "remote")  # the labelled fields a posting has one value of
MULTI_VALUED = ("skills", "clouds", "certifications")  # the labelled fields a posting lists several values of
FIELDS = (*SINGLE_VALUED, *MULTI_VALUED)
VOCAB_FIELD = {"role_family": "role_families", "seniority": "seniority", "remote": "remote", "skills": "skills", "clouds": "clouds"}
YEAR = re.compile(r"(?<![\d-])(?:(since|after|from)\s+)?(20\d\d)(?![\d-])", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """One recognised term: its field, canonical value and where it is in the question."""

    field: str  # a FIELDS name, or "year" / "since_year"
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Entities:
    """All terms found in a question, in order of appearance."""

    mentions: tuple[Mention, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.mentions)

    def values(self, field: str) -> tuple[str, ...]:
        """Distinct values of one field, in order of appearance."""
        return tuple(dict.fromkeys(m.value for m in self.mentions if m.field == field))

    def of(self, *fields: str) -> tuple[Mention, ...]:
        """Mentions of the given fields."""
        return tuple(m for m in self.mentions if m.field in fields)

    def to_dict(self) -> dict[str, list[str]]:
        """field -> values, JSON-ready."""
        return {f: list(self.values(f)) for f in dict.fromkeys(m.field for m in self.mentions)}


class EntityRecognizer:
    """The phrasings of one vocabulary (and the lexicon's employment types) in a TermIndex; longest phrasing wins where two
    overlap; the lexicon's entity_* sections say which phrasings to skip or guard and how a role-or-skill term is told apart."""

    def __init__(self, vocabulary: Vocabulary, lexicon: dict[str, Any]):
        self.vocabulary = vocabulary
        skip = set(lexicon["entity_skip"])
        patterns = {(section, name): re.compile(pattern, re.IGNORECASE) for section in
                    ("entity_context", "entity_not_preceded_by", "entity_not_followed_by") for name, pattern in lexicon[section].items()}
        self.role_noun_after = patterns["entity_context", "role_noun_after"]
        self.skill_verb_before = patterns["entity_context", "skill_verb_before"]
        self.guards = {name: (patterns.get(("entity_not_preceded_by", name)), patterns.get(("entity_not_followed_by", name)))
                       for section, name in patterns if section != "entity_context"}
        self.phrasings: dict[str, set[tuple[str, str]]] = {}  # normalised phrasing -> {(field, value)}
        for field, vocab_field in VOCAB_FIELD.items():
            for term, phrasings in vocabulary.synonyms[vocab_field].items():
                for phrase in (*phrasings, term, term.replace("-", " ")):
                    if phrase not in skip:
                        self.phrasings.setdefault(_normal(phrase), set()).add((field, term))
        written = lexicon["coach_certifications"]  # how people write them ("iso 42001 lead auditor")
        for cert in vocabulary.certifications:
            for phrase in (*certification_aliases(cert), *(written.get(cert) or ())):
                self.phrasings.setdefault(_normal(phrase), set()).add(("certifications", cert))
        for kind, phrasings in lexicon["query_employment"].items():  # "contract roles", "part-time"
            for phrase in phrasings:
                self.phrasings.setdefault(_normal(phrase), set()).add(("employment_type", kind))
        negation = lexicon["query_negation"]  # "not full-time", "rather than a permanent seat": the other values
        self.negating = [tuple(_words(cue)) for cue in negation["cues"]]
        self.negation_skipped = frozenset(negation["skipped"])
        self.preferred_over, self.preferring = frozenset(negation["preferred_over"]), frozenset(negation["preferring"])
        self.term_joiners = frozenset(lexicon["query_term_joiners"])
        self.fields = {_normal(name): families for name, families in lexicon["query_family_fields"].items()}
        self.closed = {"employment_type": tuple(lexicon["query_employment"]), "remote": tuple(vocabulary.synonyms["remote"])}
        # Where several phrasings start at one place, the longest phrasing is the candidate there.
        self.rank = {phrase: rank for rank, phrase in enumerate(sorted(self.phrasings, key=len, reverse=True))}
        self.index = TermIndex(lambda c: not _ascii_alnum(c), lambda c: not (_ascii_alnum(c) or c == "+"))
        for phrase in self.phrasings:
            self.index.add(phrase.split(), phrase, plural=phrase[-1:].isalpha())
        self.described = CertificationDescriptions(lexicon, self.index.may_precede, self.index.may_follow)

    def recognise(self, question: str) -> Entities:
        """Non-overlapping terms, longest first, plus years ("in 2025", "since 2024"); a certification described ("the
        IAPP AI governance cert") takes its words from other terms, unless one of them names a certification."""
        candidates = self._candidates(question)
        described = [d for d in self.described.named(question) if d.certification in self.vocabulary.certifications and not any(
            d.start < end and start < d.end and any(f == "certifications" for f, _ in self.phrasings[phrase])
            for start, end, phrase in candidates)]
        spans: list[tuple[int, int, str]] = []
        for start, end, phrase in candidates:
            if not any(start < e and s < end for s, e in [*((s, e) for s, e, _ in spans), *((d.start, d.end) for d in described)]):
                spans.append((start, end, phrase))
        clear = {p for _, _, p in spans if len(self.phrasings[p]) == 1}
        has_role = any(next(iter(self.phrasings[p]))[0] == "role_family" for p in clear)
        found = []
        for start, end, phrase in spans:
            options = self.phrasings[phrase]
            joined = self._joined_field(question, spans, start, end) if len(options) > 1 else None
            field, value = next(((f, v) for f, v in options if f == joined), None) \
                or (self._resolve(options, question, start, end, has_role) if len(options) > 1 else next(iter(options)))
            found.append(Mention(field, value, start, end))
        found += [Mention("certifications", d.certification, d.start, d.end) for d in described]
        found = self._coordinated(question, found)
        found = self._without_negated(question, found)
        taken = [(m.start, m.end) for m in found]
        for match in YEAR.finditer(question):
            if not any(match.start(2) < e and s < match.end(2) for s, e in taken):
                since = (match.group(1) or "").lower() in ("since", "after")
                found.append(Mention("since_year" if since else "year", match.group(2), match.start(), match.end()))
        found.sort(key=lambda m: m.start)
        return Entities(tuple(found))

    def _joined_field(self, question: str, spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
        """The field of the one-field term joined to a role-or-skill term by "or"/"and" ("product security or AI red
        teaming" names two role families, "Python or red teaming" two skills), else None."""
        for other_start, other_end, phrase in spans:
            between = question[other_end:start] if other_end <= start else question[end:other_start]
            words = between.replace(",", " ").lower().split()  # one modifier may stand between ("or AI red teaming")
            if len(self.phrasings[phrase]) == 1 and words[:1] in (["or"], ["and"]) and len(words) <= 2:
                return next(iter(self.phrasings[phrase]))[0]
        return None

    def _coordinated(self, question: str, found: list[Mention]) -> list[Mention]:
        """A phrase joined by "or"/"and"/"/" (lexicon `query_term_joiners`) to a role family, the two before one role noun,
        names a role family too ("ML pipeline / ML platform security roles": "ML" is then no skill asked for): the
        one whose phrasings it begins ("AI security or AI red team jobs", "governance or red team roles"), or the
        families of a field it names (lexicon `query_family_fields`); so does a phrase joined by a comma to a family of
        such a series ("AI security, MLSecOps or AI red team jobs"), and the phrases of a clause that is only such a
        series, without the noun ("anything in Munich? security or AI governance")."""
        words = _word_spans(question)

        def joining(i: int) -> bool:
            return question[slice(*words[i])].lower() in self.term_joiners

        serial: list[tuple[Mention, bool]] = []  # the families of a series, right to left; whether the series is a clause
        pending = sorted((m for m in found if m.field == "role_family"), key=lambda m: -m.start)
        while pending:
            mention = pending.pop(0)
            at = next((i for i, (s, _) in enumerate(words) if s >= mention.end), len(words))  # the word after it
            before = next((i for i, (_, e) in reversed(list(enumerate(words))) if e <= mention.start), None)
            if before and not joining(before) and joining(before - 1):  # one modifier between ("AI security or AI red teaming jobs")
                before -= 1
            joined = next((clause for m, clause in serial[-1:] if question[mention.end:m.start].replace(",", " ").lower().split()
                           in ([], ["or"], ["and"])), None)
            clause = False if self.role_noun_after.match(question[mention.end:]) else joined if joined is not None \
                else _ends_clause(question[mention.end:]) or None
            if clause is not None:
                serial.append((mention, clause))
            if before is not None and joining(before) and clause is not None:
                spans = [words[before - n:before] for n in (3, 2, 1) if before - n >= 0]
            elif before is not None and question[words[before][1] - 1] == "," and clause is not None:
                spans = [words[before - n + 1:before + 1] for n in (3, 2, 1) if before - n + 1 >= 0]
            elif at < len(words) and joining(at):
                spans = [words[at + 1:at + 1 + n] for n in (1, 2, 3)
                         if at + n < len(words) and self.role_noun_after.match(question[words[at + n][1]:])]
            else:
                continue
            for span in spans:
                start, end = span[0][0], span[-1][1]
                phrase = _normal(question[start:end].strip(",.;:?!"))
                families = (family,) if (family := self._family_begun_by(phrase)) else tuple(self.fields.get(phrase, ()))
                if clause and not _ends_clause(question[:start][::-1]):
                    continue  # a series without its noun is a clause of its own
                if families and not any(m.field == "role_family" and start < m.end and m.start < end for m in found):
                    end = start + len(question[start:end].rstrip(",.;:?!"))
                    added = [Mention("role_family", family, start, end) for family in families]
                    found = [m for m in found if not (start < m.end and m.start < end)] + added
                    pending.insert(0, added[0])
                    break
        return found

    def _without_negated(self, question: str, found: list[Mention]) -> list[Mention]:
        """An employment type or remote status a negation stands before is excluded: the values named plainly that are
        not excluded stay ("contract CISO work rather than a permanent seat": contract), and with none, every value
        but the excluded ("roles that aren't full-time": contract or part-time)."""
        for name, values in self.closed.items():
            mentions = [m for m in found if m.field == name]
            negated = [m for m in mentions if self._negated(question[:m.start])]
            if not negated:
                continue
            excluded = {m.value for m in negated}
            kept = [m for m in mentions if m.value not in excluded]
            at = negated[0]
            kept = kept or [Mention(name, value, at.start, at.end) for value in values if value not in excluded]
            found = [m for m in found if m.field != name] + kept
        return found

    def _negated(self, before: str) -> bool:
        """Whether the text before a term ends with a negation (lexicon `query_negation`), articles skipped, or with a
        word it is preferred over after a word of preferring ("I'd rather contract than go perm")."""
        words = _words(before)
        while words and words[-1] in self.negation_skipped:
            words.pop()
        if words and words[-1] in self.preferred_over and self.preferring & set(words[:-1]):
            return True
        return any(len(cue) <= len(words) and tuple(words[len(words) - len(cue):]) == cue for cue in self.negating)

    def _family_begun_by(self, phrase: str) -> str | None:
        """The one role family some phrasing of which begins with `phrase` ("ai security" -> ai-security-engineer)."""
        families = {value for phrasing, options in self.phrasings.items() if len(phrase) > 2 and phrasing.startswith(phrase)
                    for field, value in options if field == "role_family"}
        return next(iter(families)) if len(families) == 1 else None

    def _resolve(self, options: set[tuple[str, str]], question: str, start: int, end: int, has_role: bool) -> tuple[str, str]:
        """A phrasing that is both a role family and a skill ("red teaming"): the role before a role noun or when
        nothing else names a role and no verb asks for it; otherwise the skill."""
        by_field = dict(sorted(options))
        if "role_family" in by_field and "skills" in by_field:
            if self.role_noun_after.match(question[end:]) or not (has_role or self.skill_verb_before.search(question[:start])):
                return "role_family", by_field["role_family"]
            return "skills", by_field["skills"]
        field = sorted(by_field)[0]
        return field, by_field[field]

    def _candidates(self, question: str) -> list[tuple[int, int, str]]:
        """The longest phrasing occurring at each place (overlaps included), longest first then leftmost."""
        best: dict[int, tuple[int, int, str]] = {}  # start -> (rank, end, the phrasing with its plural ending)
        for hit in self.index.hits(question, lambda phrasing, start, end: self._unguarded(question, phrasing.name, start, end)):
            rank = self.rank[hit.phrasing.name]
            if hit.start not in best or rank < best[hit.start][0]:
                best[hit.start] = (rank, hit.end, hit.phrasing.name + hit.ending)
        hits = [(start, end, phrase) for start, (_, end, written) in best.items() if (phrase := self._phrase_of(written))]
        return sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0]))

    def _unguarded(self, question: str, phrase: str, start: int, end: int) -> bool:
        """Whether the lexicon's guards let the phrasing stand here ("hiring manager" is no manager)."""
        before, after = self.guards.get(phrase, (None, None))
        return (before is None or before.match(question, start) is not None) and (after is None or after.match(question, end) is not None)

    def _phrase_of(self, key: str) -> str | None:
        """The phrasing a found text is (a plural ending dropped if needed)."""
        for candidate in (key, key[:-1], key[:-2]):
            if candidate in self.phrasings:
                return candidate
        return None


def certification_aliases(cert: str) -> list[str]:
    """The full name plus the short forms people type: "(CKS)" -> CKS, "IAPP AIGP" -> AIGP, and the name without a
    "Certified" inside it."""
    aliases = [cert]
    paren = re.search(r"\(([A-Z][A-Z0-9+/]{1,9})\)", cert)
    if paren:
        aliases += [paren.group(1), cert[: paren.start()].strip()]
    last = cert.split()[-1]
    if len(cert.split()) > 1 and re.fullmatch(r"[A-Z][A-Z0-9+/]{2,9}", last) and last not in ("ISO",):
        aliases.append(last)
    named = (cert[: paren.start()] if paren else cert).split()
    if "Certified" in named[1:]:  # "AWS Security - Specialty" for "AWS Certified Security - Specialty"
        aliases.append(" ".join(word for word in named if word != "Certified"))
    return aliases


def _ends_clause(text: str) -> bool:
    """Whether `text` opens with the end of a clause: nothing, or a punctuation mark after any spaces."""
    return text.lstrip()[:1] in ("", ",", ".", ";", ":", "?", "!")


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Where each white-space-separated word of `text` starts and ends."""
    spans, at = [], 0
    for word in text.split():
        at = text.index(word, at)
        spans.append((at, at + len(word)))
        at += len(word)
    return spans


def _words(text: str) -> list[str]:
    """Lower-case words without the brackets and quotes around them ("(not full-time)" -> ["not", "full-time"]); a
    comma or stop stays on its word, so "No, remote ones" negates nothing."""
    return [w for w in (w.strip("()[]{}\"") for w in text.lower().replace("’", "'").split()) if w]


def _normal(phrase: str) -> str:
    """Lower case, words one space apart ("Entry-Level" -> "entry level")."""
    return " ".join(phrase.lower().replace("-", " ").split())


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()
