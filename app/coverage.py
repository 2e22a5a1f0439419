"""Signs the corpus lacks the answer: names and numbers no passage mentions, or the kind of answer asked for
(app/answer_type.py) that no sentence to be quoted gives."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.answer_type import has_phrase, is_type_word, is_version, is_year, question_words, spells_out
from app.support import COMMON_CAPITALS, GENERIC_ACRONYMS, INSTRUCTION, fold_words
from app.types import Passage

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")  # not inside "2.0" or "LLM01:2025"
WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.:'’/&+-]*[A-Za-z0-9])?")
IDENTIFIER = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]+(?:[:.-][A-Za-z0-9]+)*$|^\d+:\d+$")
QUESTION_WORDS = {"What", "Which", "Who", "Whom", "Whose", "When", "Where", "Why", "How", "Is", "Are", "Do", "Does",
                  "Did", "Can", "Could", "Should", "Would", "Will", "I", "Please", "Tell", "List", "Name", "Give"}


@dataclass(frozen=True)
class CorpusGap:
    """Why the passages cannot answer, whatever the evidence score: names they never mention, or the kind of
    answer (a date, a count, a founder...) no sentence to be quoted gives."""

    missing: tuple[str, ...] = ()
    lacking: str | None = None

    def __bool__(self) -> bool:
        return bool(self.missing or self.lacking)

    def message(self) -> str | None:
        """The refusal that names the gap, or None when there is none."""
        if self.missing:
            return f"The corpus doesn't say. None of the passages found for this question mentions {quoted(self.missing)}."
        if self.lacking:
            return f"The corpus doesn't say. None of the passages found for this question gives {self.lacking}."
        return None


def corpus_gap(question: str, passages: list[Passage], lacking: str | None, lexicon: dict[str, Any],
               covered_target: bool = False) -> CorpusGap:
    """The gap between what `question` asks and what its retrieved `passages` offer; `lacking` names the kind of
    answer no sentence to be quoted gives (from the draft), if any. With a `covered_target` (a guidance question
    about a role or field the corpus covers) only its asking sentences are judged: the rest describes the asker."""
    missing = unmentioned(asked_terms(question, lexicon, covered_target), [searchable_text(p) for p in passages])
    return CorpusGap(tuple(missing), None if missing else lacking)


def asked_terms(question: str, lexicon: dict[str, Any], covered_target: bool = False) -> list[str]:
    """The names and numbers `question` asks about, not the asker's own (nor words naming a kind of answer); with a
    `covered_target` those of its asking sentences only."""
    asked = asked_part(asking_sentences(question) if covered_target else question, lexicon)
    return [t for t in specific_terms(asked) if not is_type_word(t, lexicon)]


def asked_part(question: str, lexicon: dict[str, Any]) -> str:
    """The question without the asker's description of themselves (lexicon `self_description`): a sentence of it that
    asks nothing, or the opening clause of the one that asks ("As a SOC analyst on Splunk, how do I…?"); the whole
    question when nothing else is left."""
    asked = []
    for sentence in SENTENCE_BREAK.split(question.replace("’", "'")):
        if not any(has_phrase(question_words(sentence), p) for p in lexicon["self_description"]):
            asked.append(sentence)
        elif sentence.rstrip().endswith("?"):
            clause = min((i for i in (sentence.find(", "), sentence.find("; "), sentence.find(" - ")) if i > 0), default=-1)
            asked.append(sentence[clause + 2:] if clause > 0 else sentence)
    return " ".join(asked) or question


def asking_sentences(question: str) -> str:
    """The sentences that ask (end in "?") of a question that also tells something first ("Our HR team uses a
    CV-screening tool for hiring. When do we have to comply?"); the whole question when none or all of them ask."""
    sentences = SENTENCE_BREAK.split(question.strip())
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    return " ".join(asking) if asking and len(asking) < len(sentences) else question


def specific_terms(question: str) -> list[str]:
    """Years, versions, identifiers (`LLM11:2025`) and capitalised names in the question, not its first word."""
    terms = []
    for sentence in SENTENCE_BREAK.split(question):
        if INSTRUCTION.search(sentence):
            continue  # an instruction to the assistant names nothing the answer is about
        words = WORD.findall(sentence)
        for position, word in enumerate(words):
            word = re.sub(r"['’](?:s|d|ll|m|re|ve)$|n['’]t$", "", word.strip(".:-/"))  # "Google's", "I'd": no name
            word = _named_part(word)
            if not word or word in QUESTION_WORDS or word in COMMON_CAPITALS or word in GENERIC_ACRONYMS:
                continue
            numeric = is_year(word) or is_version(word) or IDENTIFIER.match(word)
            named = word[0].isupper() and position > 0 and not any(c.isdigit() for c in word)
            if numeric or named:
                terms.append(word)
    return list(dict.fromkeys(terms))


def _named_part(word: str) -> str:
    """A compound's name without its common words: "AI-focused" names "AI", "OWASP-aligned" names "OWASP"."""
    parts = word.split("-")
    if len(parts) < 2 or not any(p.isalpha() and p.islower() for p in parts):
        return word
    return "-".join(p for p in parts if not (p.isalpha() and p.islower()))


def unmentioned(terms: list[str], texts: list[str]) -> list[str]:
    """The terms that occur as a word (or, for a long acronym, spelled out) in none of `texts`."""
    folded = f" {fold_words(' '.join(texts))} "
    return [t for t in terms if not _mentioned(t, folded) and not any(spells_out(t, text) for text in texts)]


def quoted(terms: list[str] | tuple[str, ...]) -> str:
    """Terms as they are named back to the user: “Tokyo”, “2019”."""
    return ", ".join(f"“{term}”" for term in terms)


def searchable_text(passage: Passage) -> str:
    """A passage's text with its title and section, where a question's names may also be found."""
    meta = passage.metadata
    return f"{meta.get('title', '')}\n{meta.get('context', '')}\n{passage.text}"


def _mentioned(term: str, folded: str) -> bool:
    variants = {fold_words(term)}
    if term.endswith("s") and len(term) > 3:
        variants.add(fold_words(term[:-1]))  # "LLMs", "Engineers"
    return any(re.search(rf"(?<![a-z0-9]){re.escape(v)}(?![a-z0-9])", folded) for v in variants)
