"""Turn a CV's text into a Profile: roles, years of experience, skills, certifications and clouds."""
from __future__ import annotations

import datetime as dt
import re

from app.advice.terms import TermFinder
from app.advice.types import Profile
from app.lexicon import has_any

SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s*\n+(?=\s*[^a-z\s])")  # a wrapped line going on in lower case is the same sentence
YEARS_STATED = re.compile(r"\b(\d{1,2})\s*\+?\s*(?:years?|yrs?|y)\b(?!\s*old)", re.IGNORECASE)
YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*(?:–|—|-|to)\s*((?:19|20)\d{2}|present|now|current|today)\b", re.IGNORECASE)
YEAR_SINCE = re.compile(r"\bsince\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def extract_profile(text: str, finder: TermFinder, aspiration_words: list[str], today: dt.date | None = None) -> Profile:
    """The profile a CV states as experience (sentences that only state a wish are left out)."""
    experience = "\n".join(s for s in SENTENCE_END.split(text) if s.strip() and not has_any(s.lower(), aspiration_words, same_line=True))
    found = finder.find(experience)
    return Profile(roles=found["roles"], years=years_of_experience(experience, today or dt.date.today()),
                   skills=found["skills"], certifications=found["certifications"], clouds=found["clouds"])


def years_of_experience(text: str, today: dt.date) -> int | None:
    """The largest number of years the CV states, else the span from its earliest dated role to its latest."""
    stated = [int(n) for n in YEARS_STATED.findall(text) if 0 < int(n) <= 50]
    if stated:
        return max(stated)
    starts, ends = [], []
    for start, end in YEAR_RANGE.findall(text):
        starts.append(int(start))
        ends.append(today.year if not end[:1].isdigit() else int(end))
    for start in YEAR_SINCE.findall(text):
        starts.append(int(start))
        ends.append(today.year)
    if not starts:
        return None
    span = max(ends) - min(starts)
    return span if 0 <= span <= 50 else None
