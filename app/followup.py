"""Rewrite a follow-up question into a standalone one using the conversation so far (no LLM)."""
from __future__ import annotations

import re
from typing import Any

ANAPHORA = re.compile(r"\b(they|them|their|those|these|it|its|that role|this role|such roles|ones?)\b", re.IGNORECASE)
FOLLOW_UP_START = re.compile(r"^\s*(and|also|what about|how about|and what|what else|same for|compared)\b", re.IGNORECASE)
ROLE_NOUN = r"(?:\s+(?:postings?|roles?|jobs?|positions?|engineers?|analysts?|leads?|teams?|professionals?))?"
# "the Associate AI Security Engineer role at Tessellane Bank": one posting, named by title and company.
POSTING_REFERENCE = re.compile(r"\b(?:[A-Z][\w,&/.-]*\s+)+(?:role|position|job|posting|opening)\s+at\s+[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)*")
ACRONYM_RUN = re.compile(r"\b(?:[A-Z][A-Za-z0-9/&-]*[A-Z0-9][A-Za-z0-9/&-]*)(?:\s+(?:[A-Z][\w/&-]*|[a-z]+(?=\s+(?:postings?|roles?|jobs?))))*" + ROLE_NOUN)


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


def is_follow_up(question: str) -> bool:
    """Short questions that lean on earlier turns ("and what do they pay?")."""
    words = question.split()
    return bool(FOLLOW_UP_START.search(question)) or (bool(ANAPHORA.search(question)) and len(words) <= 12)


def standalone_question(question: str, history: list[Any] | None, subjects: list[str] = ()) -> str:
    """The question itself, or the follow-up with the earlier question's subject put in.

    `subjects` are known phrases (role families and their synonyms) to look for first.
    """
    earlier = previous_questions(history)
    if not earlier or not is_follow_up(question):
        return question
    topic = _topic(earlier[-1], subjects)
    if ANAPHORA.search(question):
        return ANAPHORA.sub(topic, question, count=1)
    return f"{question.rstrip('?').rstrip()} — regarding {topic}?"


def _topic(question: str, subjects: list[str]) -> str:
    """A posting named by title and company, else a known subject phrase (longest first), else an acronym-led
    noun phrase, else the whole question."""
    posting = POSTING_REFERENCE.search(question)
    if posting:
        return posting.group(0).rstrip(".,")
    for phrase in sorted(subjects, key=len, reverse=True):
        match = re.search(rf"\b{re.escape(phrase)}(?:e?s)?{ROLE_NOUN}\b", question, re.IGNORECASE)  # plurals too
        if match:
            return match.group(0)
    match = ACRONYM_RUN.search(question)
    return match.group(0) if match else question.strip().rstrip("?.! ")
