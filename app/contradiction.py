"""Lexical signs that a sentence says the opposite of its passage: opposite words, negated phrases, new 'only' claims."""
from __future__ import annotations

import re

from app.lexicon import has_any

# Each pair: words of one side contradict words of the other when the passage uses only that other side.
OPPOSITES = [
    ({"mandatory", "compulsory", "obligatory", "required"}, {"voluntary", "optional"}),
    ({"rarely", "seldom"}, {"often", "usually", "typically", "commonly", "frequently", "always"}),
    ({"increase", "increased", "increases", "rise", "rose", "risen", "grew", "grow", "grows"},
     {"decrease", "decreased", "decreases", "fall", "fell", "fallen", "decline", "declined", "drop", "dropped", "shrank"}),
    ({"allowed", "permitted", "allows", "permits"}, {"prohibited", "banned", "forbidden", "prohibits", "bans"}),
]
NEGATION = re.compile(r"\b(?:not|no|never|cannot|without|neither|nor|none)\b|n't\b", re.IGNORECASE)
OVERCLAIM = re.compile(r"\b(?:always|never|guaranteed?|guarantees|entirely|completely|invariably|only|solely|exclusively)\b",
                       re.IGNORECASE)
# "no critical flaws", "does not execute code": the two words a negation denies (articles skipped).
NEGATED_PHRASE = re.compile(r"\b(?:no|not|never|without)\s+(?:(?:a|an|the|any)\s+)?([a-z]+\s+[a-z]+)", re.IGNORECASE)
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
STOP = {"a", "an", "the", "of", "in", "on", "to", "for", "by", "and", "or", "as", "at", "is", "are", "be", "only", "longer"}


def contradictions(sentence: str, passage: str) -> list[str]:
    """Reasons to believe `sentence` contradicts `passage`, from words alone (empty when none are found)."""
    said, source = set(WORD.findall(sentence.lower())), set(WORD.findall(passage.lower()))
    reasons = []
    for left, right in OPPOSITES:
        for claimed, stated in ((left, right), (right, left)):
            if said & claimed and not source & claimed and source & stated:
                reasons.append(f"says {'/'.join(sorted(said & claimed))} where the passage says {'/'.join(sorted(source & stated))}")
    overclaims = {w.lower() for w in OVERCLAIM.findall(sentence)} - {w.lower() for w in OVERCLAIM.findall(passage)}
    if overclaims:
        reasons.append(f"absolute claim not in passage: {', '.join(sorted(overclaims))}")
    denied = _denied_phrases(passage)
    if denied and not NEGATION.search(sentence):
        affirmed = [p for p in denied if has_any(sentence, [p])]
        if affirmed:
            reasons.append(f"the passage denies what the sentence states: {', '.join(affirmed)}")
    return reasons


def _denied_phrases(passage: str) -> list[str]:
    """Phrases the passage negates and nowhere states plainly."""
    phrases = {m.group(1).lower() for m in NEGATED_PHRASE.finditer(passage)}
    phrases = {p for p in phrases if not set(p.split()) & STOP}
    plain = NEGATED_PHRASE.sub(" ", passage)
    return sorted(p for p in phrases if not has_any(plain, [p]))
