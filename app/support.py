"""Does a passage support a sentence? Numbers and names must appear in it, and the meaning must be close."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import numpy as np

from app.contradiction import NEGATION, contradictions
from app.sentences import INSTRUCTION, passage_sentences

NUMBER = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*(%|percent|k\b|m\b|million\b|billion\b)?", re.IGNORECASE)
NAME = re.compile(r"\b(?:[A-Z][a-zA-Z0-9&/+-]*[A-Z0-9][a-zA-Z0-9&/+-]*|[A-Z][a-z]+(?:\s+[A-Z][a-zA-Z]+)+|[A-Z][a-z]+(?:-[a-z]+)*)\b")
SENTENCE_START = re.compile(r"(?:^|[.!?:;(\"“]\s*)$")
SMALL = "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
NUMBER_WORDS = {word: value for value, word in enumerate(SMALL, start=2)}
TENS = {word: 10 * value for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
# "ten", "thirty-five", "twenty one"; a lone "one" is a pronoun as often as a number, so it is not read.
NUMBER_WORD = re.compile(rf"\b(?:({'|'.join(TENS)})(?:[-\s](one|{'|'.join(SMALL[:8])}))?|({'|'.join(SMALL)}))\b", re.IGNORECASE)
COMMON_CAPITALS = {"The", "This", "These", "That", "Those", "In", "It", "A", "An", "And", "For", "With", "As", "At",
                   "On", "Of", "To", "By", "From", "Its", "Their", "They", "Most", "Many", "Some", "Each", "When"}
SCALE = {"k": 1e3, "m": 1e6, "million": 1e6, "billion": 1e9}
SENTENCE_SPAN = re.compile(r"[^.!?\n]+[.!?]*")
TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?")
GENERIC_ACRONYMS = {"AI", "ML", "LLM", "LLMs", "GenAI", "IT"}  # too generic to name anything
NEAR_PARAPHRASE = 0.75  # above this similarity a flipped negation is what separates the two sentences
# Least similarity to a passage sentence. Calibrated on the labelled pairs (tests/data/support_labels.yaml): 0.55
# agreed 21/24 with PyTorch vectors but 20/24 with the int8 model; 0.57 agrees 21/24 with both (pairs_2 9/16 either way).
SUPPORT_SIMILARITY = 0.57


@dataclass(frozen=True)
class SupportResult:
    """The verdict for one (sentence, passage) pair, with reasons when it fails."""

    supported: bool
    similarity: float
    reasons: tuple[str, ...] = ()


class SupportChecker:
    """Checks sentences against passages; `embed` maps texts to normalised vectors."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], threshold: float = SUPPORT_SIMILARITY):
        self.embed = embed
        self.threshold = threshold

    def check(self, sentence: str, passage: str, context: str = "") -> SupportResult:
        """Numbers and names of `sentence` must occur in `passage` (or its `context`: document title and
        section); its meaning must match one passage sentence, with the same polarity (negated or not)."""
        reasons = []
        passage = without_instructions(passage)
        evidence = f"{context}\n{passage}"
        missing_numbers = numbers_in(sentence) - numbers_in(evidence)
        if missing_numbers:
            reasons.append(f"numbers not in passage: {', '.join(sorted(_fmt(n) for n in missing_numbers))}")
        folded = f" {fold_words(evidence)} "
        missing_names = [n for n in names_in(sentence) if not _name_in(n, folded) and not _abbreviates(n, evidence)]
        if missing_names:
            reasons.append(f"names not in passage: {', '.join(missing_names)}")
        if _squash(sentence) and _squash(sentence) in _squash(passage):
            similarity = 1.0  # quoted verbatim
        else:
            candidates = passage_sentences(passage) or [passage]
            vectors = self.embed([sentence, *candidates])
            scores = vectors[1:] @ vectors[0]
            similarity = float(np.max(scores))
            closest = candidates[int(np.argmax(scores))]
            if similarity >= NEAR_PARAPHRASE and bool(NEGATION.search(sentence)) != bool(NEGATION.search(closest)):
                reasons.append("negation differs from the closest passage sentence")
            reasons.extend(contradictions(sentence, passage))
        if similarity < self.threshold:
            reasons.append(f"meaning not close to any passage sentence (similarity {similarity:.2f} < {self.threshold})")
        return SupportResult(not reasons, similarity, tuple(reasons))


def without_instructions(passage: str) -> str:
    """The passage with every sentence that addresses the model blanked out."""
    if not INSTRUCTION.search(passage):
        return passage
    return SENTENCE_SPAN.sub(lambda m: " " if INSTRUCTION.search(m.group(0)) else m.group(0), passage)


def echoes_injection(sentence: str, passages: list[str]) -> bool:
    """True when a sentence repeats an instruction planted in a passage, or its payload: words that occur only in
    the passages' instruction sentences, never in their facts (the 'PWNED-7731' an injection asks the model to say)."""
    if INSTRUCTION.search(sentence):
        return True
    planted = " ".join(m.group(0) for p in passages for m in SENTENCE_SPAN.finditer(p) if INSTRUCTION.search(m.group(0)))
    words = TOKEN.findall(sentence)
    if not planted or not words:
        return False
    facts = {t.lower() for t in TOKEN.findall(" ".join(without_instructions(p) for p in passages))}
    planted_only = {t for t in TOKEN.findall(planted) if t.lower() not in facts}
    if any(w in planted_only and ((w.isupper() and len(w) >= 3) or any(c.isdigit() for c in w)) for w in words):
        return True  # a code word or number that only the injection contains
    lowered = {t.lower() for t in planted_only}
    return sum(w.lower() in lowered for w in words) / len(words) >= 0.5


def numbers_in(text: str) -> set[float]:
    """Numeric values in text, with thousands separators, percentages, k/million scales and number words normalised."""
    values = {_number_word_value(*words) for words in NUMBER_WORD.findall(text)}
    for digits, unit in NUMBER.findall(text):
        try:
            value = float(digits.replace(",", ""))
        except ValueError:
            continue
        unit = (unit or "").lower()
        values.add(value * SCALE.get(unit, 1))
    return values


def _number_word_value(tens: str, unit: str, small: str) -> float:
    if small:
        return float(NUMBER_WORDS[small.lower()])
    return float(TENS[tens.lower()] + (1 if unit.lower() == "one" else NUMBER_WORDS.get(unit.lower(), 0)))


def names_in(text: str) -> list[str]:
    """Acronyms, capitalised multi-word names and capitalised words inside a sentence ("in Manchester"); not
    sentence-initial words, function words or generic acronyms; "URL-based" names "URL"."""
    names = []
    for match in NAME.finditer(text):
        single = " " not in match.group(0) and not any(c.isupper() or c.isdigit() for c in match.group(0)[1:])
        if single and SENTENCE_START.search(text[:match.start()]):
            continue
        words = [re.sub(r"(?<=[A-Za-z0-9])(?:-[a-z]+)+$", "", w) for w in match.group(0).split()]
        words = [w for w in words if w not in COMMON_CAPITALS and w not in GENERIC_ACRONYMS]
        if words:
            names.append(" ".join(words))
    return list(dict.fromkeys(names))


def fold_words(text: str) -> str:
    """Lower case, with runs of spaces, dashes and slashes made one space (for whole-word matching)."""
    return re.sub(r"[\s\-–—/]+", " ", text.lower())


def _name_in(name: str, folded_evidence: str) -> bool:
    """A multi-word name counts when it appears whole, or when each of its acronym words appears as a word."""
    if f" {fold_words(name)} " in folded_evidence or fold_words(name) in folded_evidence and " " in name:
        return True
    words = [w for w in name.split() if w not in GENERIC_ACRONYMS]
    return all(re.search(rf"(?<![a-z0-9]){re.escape(fold_words(w))}s?(?![a-z0-9])", folded_evidence)
               or w.endswith("s") and f" {fold_words(w[:-1])} " in folded_evidence for w in words)


def _abbreviates(name: str, evidence: str) -> bool:
    """An acronym the evidence spells out: "RMF" for "Risk Management Framework"."""
    if not (name.isupper() and name.isalpha() and 2 <= len(name) <= 6):
        return False
    runs = re.findall(r"[A-Z][A-Za-z]*(?:\s+(?:[A-Z][A-Za-z]*|of|and|for))*", evidence)
    return any(name in "".join(w[0] for w in run.split() if w[0].isupper()) for run in runs)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _fmt(value: float) -> str:
    return f"{value:g}"
