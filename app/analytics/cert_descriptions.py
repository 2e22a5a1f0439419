"""Certifications named by what they are ("the IAPP AI governance cert") rather than by their name (lexicon
`certification_descriptions`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.term_index import TermIndex


@dataclass(frozen=True)
class Described:
    """One description of a certification in a question: the certification and where its words are."""

    certification: str
    start: int
    end: int


class CertificationDescriptions:
    """The descriptions of some certifications: a noun among words of their issuer, platform or standard and subject."""

    def __init__(self, lexicon: dict[str, Any], may_precede, may_follow):
        section = lexicon["certification_descriptions"]
        self.index = TermIndex(may_precede, may_follow)
        for kind in ("nouns", "joins"):
            for word in section[kind]:
                self.index.add(word.split(), (kind, None))
        for cert, kinds in section["names"].items():
            for kind, phrases in kinds.items():
                for phrase in phrases:
                    self.index.add(phrase.replace("-", " ").split(), (kind, cert))

    def named(self, question: str) -> list[Described]:
        """The certification each description in the question names: the one whose words are all of its words."""
        found = []
        for run in self._runs(question):
            if not any(hit.phrasing.name[0] == "nouns" for hit in run):
                continue
            words: dict[str, set[int]] = {}  # certification -> the starts of the description's words it explains
            anchored, subject, described = set(), set(), set()
            for hit in run:
                kind, cert = hit.phrasing.name
                if cert is not None:
                    starts = _word_starts(question, hit.start, hit.end)
                    words.setdefault(cert, set()).update(starts)
                    described |= starts
                    (subject if kind == "about" else anchored).add(cert)  # else its issuer, platform or standard
            named = [cert for cert in anchored & subject if words[cert] == described]
            if len(named) == 1:
                cert = named[0]
                kept = [hit for hit in run if hit.phrasing.name[0] == "nouns" or hit.phrasing.name[1] == cert]
                found.append(Described(cert, min(h.start for h in kept), max(h.end for h in kept)))
        return found

    def _runs(self, question: str) -> list[list]:
        """The hits of the index in stretches of the question with nothing else between them than spaces and a
        possessive or slash."""
        runs: list[list] = []
        end = 0
        for hit in sorted(self.index.hits(question), key=lambda h: (h.start, -h.end)):
            if runs and (hit.start <= end or _joined(question[end:hit.start])):
                runs[-1].append(hit)
                end = max(end, hit.end)
            else:
                runs.append([hit])
                end = hit.end
        return runs


def _joined(gap: str) -> bool:
    """Whether the text between two words keeps them in one description: spaces, a possessive, a slash or brackets."""
    return not gap.replace("’", "'").replace("'s", "").strip(" '/()")


def _word_starts(text: str, start: int, end: int) -> set[int]:
    """Where each word of text[start:end] starts."""
    starts, at = set(), start
    for word in text[start:end].split():
        at = text.index(word, at)
        starts.add(at)
        at += len(word)
    return starts
