"""Turn an analytics question and its entities into a plan: which postings, which figure, grouped how."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.analytics.entities import Entities, Mention
from app.analytics.table import PostingRow

SKILL_FIELDS = ("skills", "clouds", "certifications")
GROUP_FIELDS = ("role_family", "seniority", "remote", "year")
POSTING_NOUN = re.compile(r"\b(?:postings?|roles?|jobs?|positions?|openings?|listings?|vacanc(?:y|ies)|ads?|adverts?|hires?)\b", re.I)
SALARY = re.compile(r"\b(?:salar(?:y|ies)|pay(?:s|ing)?|paid|earn(?:s|ing)?|compensation|comp|wages?|how much do .{0,60}\bmake)\b", re.I)
SHARE = re.compile(r"\bshare\b|\bpercent(?:age)?s?\b|%|\bproportion\b|\bfraction\b|\bratio\b|"
                   r"\bhow (?:common|often|rare|frequent(?:ly)?|widespread|popular|likely|prevalent)\b|\bwhat part\b", re.I)
COUNT = re.compile(r"\bhow many\b|\bnumber of\b|\bcount(?:s)?\b", re.I)
TOP = re.compile(r"\btop\b|\bmost (?:common(?:ly)?|requested|frequent(?:ly)?|popular|in[- ]demand|wanted|often|sought|asked|needed|required|cited|mentioned)\b|"
                 r"\b(?:most|least|more|less)\b.{0,40}$|\bleading\b|\branking\b", re.I)
FIELD_NOUNS = {
    "clouds": re.compile(r"\b(?:clouds?|cloud (?:providers?|platforms?|vendors?)|hyperscalers?)\b", re.I),
    "certifications": re.compile(r"\b(?:certifications?|certs?|certificates?|credentials?)\b", re.I),
    "skills": re.compile(r"\b(?:skills?|skillsets?|technolog(?:y|ies)|tools?|tech stack|frameworks?|competenc(?:y|ies)|requirements?)\b", re.I),
}
COMPARE = re.compile(r"\b(?:compare[sd]?|comparison|comparing|versus|vs\.?|more|less|fewer|rarer|commoner|higher|lower|better|worse|than|"
                     r"gap|premium|grow|grew|growth|increase[sd]?|decrease[sd]?|rise|fell|rarest|"
                     r"most|least|highest|lowest|best|worst)\b", re.I)
BY_FIELD = {
    "role_family": re.compile(r"\b(?:by|per|across|each|every|which|between|over) (?:the )?(?:role famil(?:y|ies)|role types?|roles?|job famil(?:y|ies)|specialt(?:y|ies))\b", re.I),
    "seniority": re.compile(r"\b(?:by|per|across|each|every|which|between|over) (?:the )?(?:seniority|seniority levels?|levels?|career levels?|experience levels?)\b", re.I),
    "remote": re.compile(r"\b(?:by|per|across|each|which|between) (?:the )?(?:remote (?:status|type|policy)|work (?:arrangement|mode|setup|location type)s?|workplace types?)\b", re.I),
    "year": re.compile(r"\b(?:by|per|across|each|which|between|over the) (?:the )?(?:years?|posting years?)\b", re.I),
}
NUMBER_WORDS = {"three": 3, "five": 5, "ten": 10, "two": 2, "four": 4, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TOP_N = re.compile(r"\btop[\s-]+(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b|\b(\d{1,2}|" + "|".join(NUMBER_WORDS) + r") most\b", re.I)
DEFAULT_TOP_N = 5


@dataclass(frozen=True)
class Condition:
    """A posting must have `value` in `field` (since_year: posted in or after that year; location: in that place,
    whose `spellings` are how posting locations write it, from the question's Query)."""

    field: str
    value: str
    spellings: tuple[str, ...] = ()

    def holds(self, row: PostingRow) -> bool:
        """Whether one posting satisfies it."""
        if self.field == "since_year":
            return row.year is not None and row.year >= self.value
        if self.field == "location":
            return any(s in row.location.lower() for s in self.spellings)
        return self.value in row.values(self.field)


@dataclass(frozen=True)
class Plan:
    """What to compute: a metric over the postings `where` selects, optionally per group."""

    metric: str  # "share" | "count" | "salary" | "top"
    where: tuple[Condition, ...] = ()
    targets: tuple[Condition, ...] = ()  # share/count: each is measured separately
    top_field: str | None = None
    top_n: int = DEFAULT_TOP_N
    group_field: str | None = None
    groups: tuple[str, ...] = ()  # empty with a group_field: every value present
    highlight: str | None = None  # the group the question singled out ("are entry-level roles rarer?")
    currency: str | None = None  # asked for explicitly ("in EUR")


def plan_question(question: str, entities: Entities, currency: str | None = None) -> Plan | None:
    """The plan for a question, or None when it asks for no figure we can compute; `currency` as the Query read it."""
    metric, top_field = _metric(question, entities)
    if metric is None:
        return None
    mentions = list(entities.mentions)
    group_field, groups, highlight = _grouping(question, mentions, metric)
    rest = [m for m in mentions if m.field != group_field]
    targets: list[Mention] = []
    if metric in ("share", "count"):
        targets = [m for m in rest if m.field in SKILL_FIELDS]
        if not targets and metric == "share":
            targets = _structural_target(question, rest)
        if metric == "share" and not targets and group_field is None:
            return None
    where = [m for m in rest if m not in targets]
    if not (entities or group_field or top_field or POSTING_NOUN.search(question)):
        return None
    return Plan(
        metric=metric if targets or metric != "share" else "count",
        where=_conditions(where),
        targets=_conditions(targets),
        top_field=top_field,
        top_n=_top_n(question),
        group_field=group_field,
        groups=groups,
        highlight=highlight,
        currency=currency,
    )


def _metric(question: str, entities: Entities) -> tuple[str | None, str | None]:
    if SALARY.search(question):
        return "salary", None
    field = next((f for f, pattern in FIELD_NOUNS.items() if pattern.search(question)), None)
    if field and TOP.search(question):
        return "top", field
    if SHARE.search(question):
        return "share", None
    if COUNT.search(question):
        return "count", None
    if COMPARE.search(question) and entities.of(*GROUP_FIELDS, *SKILL_FIELDS):
        return ("share" if entities.of(*SKILL_FIELDS) else "count"), None
    return None, None


def _grouping(question: str, mentions: list[Mention], metric: str) -> tuple[str | None, tuple[str, ...], str | None]:
    """Group by a field the question names two values of, asks "by"/"which" about, or compares one value of."""
    for field in GROUP_FIELDS:
        values = tuple(dict.fromkeys(m.value for m in mentions if m.field == field))
        if len(values) >= 2:
            return field, values, None
    for field, pattern in BY_FIELD.items():
        if pattern.search(question):
            return field, (), None
    if metric != "top" and COMPARE.search(question):
        for field in ("seniority", "remote", "role_family", "year"):
            values = [m.value for m in mentions if m.field == field]
            if values:
                return field, (), values[0]
    return None, (), None


def _structural_target(question: str, mentions: list[Mention]) -> list[Mention]:
    """For "what share of postings are remote?": the last role/seniority/remote/year term after the population noun."""
    cue = SHARE.search(question)
    noun = POSTING_NOUN.search(question, cue.end()) if cue else None
    after = [m for m in mentions if m.field in GROUP_FIELDS and noun and m.start >= noun.end()]
    if after:
        return [([m for m in after if m.field != "year"] or after)[-1]]
    candidates = [m for m in mentions if m.field in GROUP_FIELDS and m.field != "year"]
    return [candidates[-1]] if candidates else []


def _conditions(mentions: list[Mention]) -> tuple[Condition, ...]:
    return tuple(dict.fromkeys(Condition(m.field, m.value) for m in mentions))


def _top_n(question: str) -> int:
    match = TOP_N.search(question)
    if not match:
        return DEFAULT_TOP_N
    word = (match.group(1) or match.group(2)).lower()
    return max(1, min(20, NUMBER_WORDS.get(word) or int(word)))

