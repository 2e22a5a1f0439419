"""The kind of answer a question asks for (a date, an amount, a count, a person...), read once, and whether a
sentence holds a value of that kind; the word lists come from the lexicon."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.support import COMMON_CAPITALS, GENERIC_ACRONYMS, fold_words, names_in, numbers_in

TOKEN = re.compile(r"[$€£%?^]|[A-Za-z0-9][A-Za-z0-9.,:'’/&+-]*[A-Za-z0-9+]|[A-Za-z0-9]")
COUNT_WINDOW = 3  # a count stands at most this many words before the thing counted ("250 poisoned documents")


@dataclass(frozen=True)
class AnswerNeed:
    """What a sentence must hold to answer the question: a value of `expects`, and the words of the relation asked
    about (founding, authorship...); `subjects` are the question's names, one of which the sentence is about."""

    expects: str | None
    relation: tuple[str, ...] = ()
    relation_name: str | None = None
    counted: str | None = None
    acronym: str | None = None
    subjects: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.expects or self.relation)

    def missing(self, lexicon: dict[str, Any]) -> str:
        """How a refusal names what no sentence gives: "a date", "who founded it or when", "a count of members"."""
        if self.relation_name:
            return self.relation_name
        if self.expects == "count" and self.counted:
            return f"a count of {self.counted}"
        return lexicon["answer_types"][self.expects]["names"]


def expected_answer_type(question: str, lexicon: dict[str, Any]) -> str | None:
    """The first answer type (lexicon `answer_types`) one of whose phrases the question contains, or None."""
    folded = question_words(question)
    for name, spec in lexicon["answer_types"].items():
        if any(has_phrase(folded, phrase) for phrase in spec["asks"]):
            return name
    return None


def answer_need(question: str, lexicon: dict[str, Any], subjects: list[str]) -> AnswerNeed:
    """Everything a sentence must hold to answer `question` (its type, relation, counted noun or acronym)."""
    expects = expected_answer_type(question, lexicon)
    folded = question_words(question)
    relation = next((r for r in lexicon.get("answer_relations", []) if any(has_phrase(folded, w) for w in r["asks"])), None)
    return AnswerNeed(
        expects,
        tuple(relation["gives"]) if relation else (),
        relation["names"] if relation else None,
        _counted_noun(question) if expects == "count" else None,
        _acronym(question) if expects == "expansion" else None,
        tuple(s for s in subjects if not is_type_word(s, lexicon) and not (relation and s in relation["asks"])),
    )


def is_type_word(word: str, lexicon: dict[str, Any]) -> bool:
    """Whether `word` names a kind of answer ("ID", "CVE", "score") rather than what the question is about."""
    return any(fold_words(word) == fold_words(p) for spec in lexicon["answer_types"].values() for p in spec["asks"])


def holds_answer(sentence: str, need: AnswerNeed, lexicon: dict[str, Any], passage: str = "") -> bool:
    """True when `sentence` gives what `need` asks for, and its `passage` (text with title and section) names one
    of the question's subjects."""
    folded = question_words(sentence)
    if need.relation and not any(has_phrase(folded, w) for w in need.relation):
        return False
    if need.subjects and not any(has_phrase(question_words(f"{passage} {sentence}"), s) for s in need.subjects):
        return False
    return holds_type(sentence, need, lexicon) if need.expects else True


def holds_type(sentence: str, need: AnswerNeed, lexicon: dict[str, Any]) -> bool:
    """Whether `sentence` holds a value of the expected type."""
    tokens = TOKEN.findall(sentence)
    kind = need.expects
    if kind == "date":
        return any(_is_year(t) for t in tokens) or any(t in lexicon["months"] for t in tokens)
    if kind == "amount":
        return _near(tokens, _is_number, lambda t: t in lexicon["currencies"] or t == "US", 2) or bool(
            re.search(r"\d[\d,.]*\s?[kK]\b", sentence))
    if kind == "score":
        units = {fold_words(u) for u in lexicon["score_units"]}
        return _near(tokens, _is_number, lambda t: fold_words(t) in units, 3)
    if kind == "count":
        return _count_of(tokens, need.counted)
    if kind == "version":
        return any(re.fullmatch(r"v?\d+(?:\.\d+)+", t) for t in tokens) or bool(re.search(r"\bversion \d", sentence, re.I))
    if kind == "licence":
        folded = f" {fold_words(sentence)} "
        return any(has_phrase(folded, name) for name in lexicon["licences"])
    if kind == "identifier":
        return any(_is_identifier(t) for t in tokens)
    if kind == "expansion":
        acronym = re.escape(need.acronym or "")  # "ACR (Words…" or "Words… (ACR)"
        return bool(need.acronym) and bool(re.search(rf"\b{acronym}\b(?:\s+\w+)?\s*\(\s*[A-Za-z]|\(\s*{acronym}\s*\)", sentence))
    if kind in ("agent", "tool"):
        asked = {fold_words(s) for s in need.subjects}
        opening = [t for t in tokens[:1] if t[0].isupper() and t not in COMMON_CAPITALS and t not in GENERIC_ACRONYMS]
        names = [*names_in(sentence), *opening]  # names_in leaves out a sentence's first word: "Pearce et al. found"
        return any(not set(fold_words(name).split()) & asked for name in names)
    return True


def question_words(text: str) -> str:
    """Folded words of a question or sentence, padded with spaces, for has_phrase()."""
    return f" {fold_words(_words(text))} "


def _words(text: str) -> str:
    """The text's words, each of its sentences opened by "^" (so a phrase can ask for a sentence start)."""
    return " ".join("^ " + " ".join(TOKEN.findall(part)) for part in re.split(r"(?<=[.!?])\s+", text))


def has_phrase(folded: str, phrase: str) -> bool:
    """Whole-word containment in folded text; "a … b" allows words between the parts, in that order."""
    parts = [fold_words(" ".join(TOKEN.findall(p))) for p in phrase.split("…")]
    if not all(parts):
        return False
    pattern = r"\b.*?\b".join(rf"(?<![a-z0-9]){re.escape(p)}(?![a-z0-9])" for p in parts)
    return re.search(pattern, folded) is not None


def _is_number(token: str) -> bool:
    return bool(numbers_in(token)) and not _is_year(token)


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", token))


def _is_identifier(token: str) -> bool:
    return bool(re.search(r"[A-Za-z]", token) and re.search(r"\d", token) and re.search(r"[-.:]", token))


def _near(tokens: list[str], first, second, window: int) -> bool:
    """A token passing `first` within `window` tokens of one passing `second`."""
    hits = [i for i, t in enumerate(tokens) if first(t)]
    return any(second(tokens[j]) for i in hits for j in range(max(0, i - window), min(len(tokens), i + window + 1)))


def _count_of(tokens: list[str], counted: str | None) -> bool:
    """A number (digits or a number word, not a year) shortly before the counted noun; any number when none is named."""
    if not counted:
        return any(_is_number(t) for t in tokens)
    stem = _singular(counted.lower())
    for i, token in enumerate(tokens):
        if _singular(token.lower()) == stem and any(_is_number(t) for t in tokens[max(0, i - COUNT_WINDOW):i]):
            return True
    return False


def _counted_noun(question: str) -> str | None:
    """The thing a "how many" question counts: the first plural among the next three words ("how many case studies")."""
    after = re.split(r"\b(?:how many|number of)\b", question, maxsplit=1, flags=re.I)
    if len(after) < 2:
        return None
    words = re.findall(r"[A-Za-z][A-Za-z-]*", after[1])[:3]
    return next((w for w in words if w.endswith("s") and len(w) > 3), words[0] if words else None)


def _acronym(question: str) -> str | None:
    """The acronym a "what does X stand for" question asks about: an upper-case word that is not a generic one."""
    candidates = [w for w in re.findall(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b", question)
                  if w not in GENERIC_ACRONYMS and w not in COMMON_CAPITALS]
    return candidates[-1] if candidates else None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
