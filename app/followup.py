"""Rewrite a follow-up question into a standalone one using the conversation so far (no LLM)."""
from __future__ import annotations

import re
from typing import Any

from app.lexicon import phrase_pattern

ROLE_NOUN = r"(?:\s+(?:postings?|roles?|jobs?|positions?|engineers?|analysts?|leads?|teams?|professionals?))?"
# "the Associate AI Security Engineer role at Tessellane Bank": one posting, named by title and company.
POSTING_REFERENCE = re.compile(r"\b(?:[A-Z][\w,&/.-]*\s+)+(?:role|position|job|posting|opening)\s+at\s+[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)*")
# an acronym-led name with its numbers and small joining words: "ISO/IEC 42001", "OWASP Top 10 for LLM Applications"
ACRONYM_RUN = (r"\b(?:[A-Z][A-Za-z0-9/&-]*[A-Z0-9][A-Za-z0-9/&-]*)(?:\s+(?:[A-Z][\w/&-]*|\d[\w:.-]*(?<![.:])|(?:{joins})\s+(?=[A-Z])"
               r"[A-Z][\w/&-]*|[a-z]+(?=\s+(?:postings?|roles?|jobs?))))*" + ROLE_NOUN)


class FollowUpRewriter:
    """Puts the earlier question's subject into a follow-up, with the lexicon's anaphora and follow-up openers (the
    narrowing openers, "only the senior ones", are the QueryParser's alone); `subjects` are known phrases (role
    families and their synonyms)."""

    def __init__(self, lexicon: dict[str, Any], subjects: list[str]):
        self.anaphora = phrase_pattern(*lexicon["query_anaphora"])
        self.start = phrase_pattern(*lexicon["query_follow_up_starts"], at_start=True)
        self.subjects = sorted(subjects, key=len, reverse=True)
        self.acronym_run = re.compile(ACRONYM_RUN.format(joins="|".join(map(re.escape, lexicon["acronym_joining_words"]))))

    def is_follow_up(self, question: str) -> bool:
        """Short questions that lean on earlier turns ("and what do they pay?")."""
        return bool(self.start.search(question)) or (bool(self.anaphora.search(question)) and len(question.split()) <= 12)

    def standalone(self, question: str, history: list[Any] | None) -> str:
        """The question itself, or the follow-up with the earlier question's subject put in."""
        earlier = previous_questions(history)
        if not earlier or not self.is_follow_up(question):
            return question
        topic = self._topic(earlier[-1])
        if self.anaphora.search(question):
            return self.anaphora.sub(topic, question, count=1)
        return f"{question.rstrip('?').rstrip()} — regarding {topic}?"

    def _topic(self, question: str) -> str:
        """A posting named by title and company, else a known subject phrase (longest first), else an acronym-led
        noun phrase, else the whole question."""
        posting = POSTING_REFERENCE.search(question)
        if posting:
            return posting.group(0).rstrip(".,")
        for phrase in self.subjects:
            match = re.search(rf"\b{re.escape(phrase)}(?:e?s)?{ROLE_NOUN}\b", question, re.IGNORECASE)  # plurals too
            if match:
                return match.group(0)
        match = self.acronym_run.search(question)
        return match.group(0) if match else question.strip().rstrip("?.! ")


def previous_questions(history: list[Any] | None) -> list[str]:
    """User turns from history given as role/content dicts, (user, assistant) pairs, or plain strings."""
    questions = []
    for turn in [history] if isinstance(history, str) else history or []:  # one earlier question as a bare string
        if isinstance(turn, dict):
            if turn.get("role", "user") == "user" and turn.get("content"):
                questions.append(str(turn["content"]))
        elif isinstance(turn, (list, tuple)) and turn:
            if turn[0]:
                questions.append(str(turn[0]))
        elif isinstance(turn, str) and turn.strip():
            questions.append(turn)
    return questions

