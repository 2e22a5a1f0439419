"""Turn an analytics question's Query (its terms and figure cues) into a plan: which postings, which figure, grouped how."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.analytics.entities import MULTI_VALUED, SINGLE_VALUED, Mention
from app.analytics.table import PostingRow

if TYPE_CHECKING:  # app.query reads terms with app.analytics.entities: importing it here would be circular
    from app.query import Cues, Query

GROUP_FIELDS = (*SINGLE_VALUED, "year")
MEASURED_KINDS = (*GROUP_FIELDS, "employment_type")  # the one-value fields a share of postings can measure
DEFAULT_TOP_N = 5


@dataclass(frozen=True)
class Condition:
    """A posting must have `value` in `field` (since_year: posted in or after that year; location: in that place,
    whose `spellings` are how posting locations write it, from the question's Query; outside: not in that place)."""

    field: str
    value: str
    spellings: tuple[str, ...] = ()

    def holds(self, row: PostingRow) -> bool:
        """Whether one posting satisfies it."""
        if self.field == "since_year":
            return row.year is not None and row.year >= self.value
        if self.field in ("location", "outside"):
            return any(s in row.location.lower() for s in self.spellings) == (self.field == "location")
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
    places: tuple[Condition, ...] = ()  # grouped by location: each group's place, with its spellings
    currency: str | None = None  # asked for explicitly ("in EUR")


def plan_question(query: Query) -> Plan | None:
    """The plan for a question, or None when it asks for no figure we can compute; currency as the Query read it."""
    cues = query.cues
    metric, top_field = _metric(cues)
    if metric is None:
        return None
    mentions = list(cues.entities.mentions)
    group_field, groups, highlight = _grouping(cues, mentions, metric)
    places = tuple(Condition("location", name, spellings) for name, spellings in query.places)
    if len(places) > 1 and metric in ("salary", "count") and "compare" in cues:  # "more in London or Berlin?": by place
        group_field, groups, highlight = "location", tuple(p.value for p in places), None
    rest = [m for m in mentions if m.field != group_field]
    targets: list[Mention] = []
    if metric in ("share", "count"):
        targets = [m for m in rest if m.field in MULTI_VALUED]
        if not targets and metric == "share":
            targets = _structural_target(cues, rest)
        if metric == "share" and not targets and group_field is None:
            return None
    where = [m for m in rest if m not in targets]
    if not (cues.entities or group_field or top_field or "posting_noun" in cues):
        return None
    return Plan(
        metric=metric if targets or metric != "share" else "count",
        where=_conditions(where),
        targets=_conditions(targets),
        top_field=top_field,
        top_n=max(1, min(20, cues.top_n or DEFAULT_TOP_N)),
        group_field=group_field,
        groups=groups,
        places=places if group_field == "location" else (),
        highlight=highlight,
        currency=query.currency,
    )


def _metric(cues: Cues) -> tuple[str | None, str | None]:
    if "salary" in cues:
        return "salary", None
    if cues.list_field and "top" in cues:
        return "top", cues.list_field
    if "share" in cues:
        return "share", None
    if "count" in cues:
        return "count", None
    if "compare" in cues and cues.entities.of(*GROUP_FIELDS, *MULTI_VALUED):
        return ("share" if cues.entities.of(*MULTI_VALUED) else "count"), None
    return None, None


def _grouping(cues: Cues, mentions: list[Mention], metric: str) -> tuple[str | None, tuple[str, ...], str | None]:
    """Group by a field the question names two values of, asks "by"/"which" about, or compares one value of."""
    for field in GROUP_FIELDS:
        values = tuple(dict.fromkeys(m.value for m in mentions if m.field == field))
        if len(values) >= 2:
            return field, values, None
    if cues.group_by:
        return cues.group_by, (), None
    if metric != "top" and "compare" in cues:
        for field in ("seniority", "remote", "role_family", "year"):
            values = [m.value for m in mentions if m.field == field]
            if values:
                return field, (), values[0]
    return None, (), None


def _structural_target(cues: Cues, mentions: list[Mention]) -> list[Mention]:
    """For "what share of postings are remote?", "what share of AI governance postings are contract roles?": the last
    role/seniority/remote/employment/year term after the population noun."""
    after = [m for m in mentions if m.field in MEASURED_KINDS and cues.population_end is not None and m.start >= cues.population_end]
    if after:
        return [([m for m in after if m.field != "year"] or after)[-1]]
    candidates = [m for m in mentions if m.field in MEASURED_KINDS and m.field != "year"]
    return [candidates[-1]] if candidates else []


def _conditions(mentions: list[Mention]) -> tuple[Condition, ...]:
    return tuple(dict.fromkeys(Condition(m.field, m.value) for m in mentions))
