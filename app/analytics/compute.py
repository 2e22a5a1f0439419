"""The figures: shares, counts, salary median/quartiles/range per currency, top-N values, per-group results."""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app.analytics.plan import MEASURED_KINDS, Condition, Plan
from app.analytics.table import PostingRow
from ingest.postings import REMOTE, SENIORITY


MIN_MARKET_SAMPLE = 3  # fewer postings with a salary in one currency give no market figure, only their own ranges

@dataclass
class Result:
    """One group's figures (the whole selection when ungrouped) and the postings they count."""

    value: str | None  # the group's value; None when ungrouped
    postings: int  # the denominator
    figures: dict[str, Any]
    counted: list[PostingRow] = field(default_factory=list)  # the postings behind the headline figure


@dataclass
class Computation:
    """A plan's results over a selection of postings."""

    plan: Plan
    results: list[Result]
    selection: list[PostingRow]  # the postings the question and the user's filters select
    available: int  # postings the user's filters allow, before the question's own conditions
    currency: str | None = None


def select(rows: list[PostingRow], conditions: tuple[Condition, ...]) -> list[PostingRow]:
    """Postings satisfying every condition; conditions on one field a posting has one value of are alternatives
    ("not full-time": contract or part-time)."""
    groups: dict[Any, list[Condition]] = {}
    for c in conditions:
        groups.setdefault(c.field if c.field in MEASURED_KINDS else c, []).append(c)
    return [r for r in rows if all(any(c.holds(r) for c in group) for group in groups.values())]


def share(rows: list[PostingRow], condition: Condition) -> tuple[dict[str, Any], list[PostingRow]]:
    """How many of `rows` satisfy `condition`, and what fraction."""
    hits = [r for r in rows if condition.holds(r)]
    return {"field": condition.field, "value": condition.value, "count": len(hits), "total": len(rows),
            "share": round(len(hits) / len(rows), 4) if rows else None}, hits


def currency_counts(rows: list[PostingRow]) -> Counter:
    """Postings with a salary, per currency ("?" when none is given)."""
    return Counter(r.currency or "?" for r in rows if r.salary_mid is not None)


def dominant_currency(rows: list[PostingRow], market: list[PostingRow] | None = None) -> str | None:
    """The currency most postings with a salary use; ties go to the currency most common in `market`, then alphabetical."""
    counts, wider = currency_counts(rows), currency_counts(market or [])
    return min(counts, key=lambda c: (-counts[c], -wider[c], c)) if counts else None


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """(Q1, median, Q3); statistics.quantiles with the inclusive method."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def salary(rows: list[PostingRow], currency: str) -> tuple[dict[str, Any], list[PostingRow]]:
    """Median, quartiles and range of the midpoints of advertised ranges in one currency."""
    paid = sorted((r for r in rows if r.salary_mid is not None and (r.currency or "?") == currency), key=lambda r: r.salary_mid)
    figures: dict[str, Any] = {"currency": currency, "with_salary": len(paid), "total": len(rows),
                               "other_currencies": dict(sorted((c, n) for c, n in currency_counts(rows).items() if c != currency)),
                               "without_salary": sum(1 for r in rows if r.salary_mid is None)}
    if paid:
        mids = [r.salary_mid for r in paid]
        q1, median, q3 = quartiles(mids)
        lows = [r.salary_min if r.salary_min is not None else r.salary_max for r in paid]
        highs = [r.salary_max if r.salary_max is not None else r.salary_min for r in paid]
        figures.update(median=median, q1=q1, q3=q3, min=min(lows), max=max(highs),
                       median_min=statistics.median(lows), median_max=statistics.median(highs),  # the typical range
                       mean=round(statistics.fmean(mids), 2))
    return figures, paid


def top_values(rows: list[PostingRow], field_name: str, n: int) -> tuple[dict[str, Any], list[PostingRow]]:
    """The n values of a list field most postings name (ties: alphabetical), with counts and shares."""
    counts = Counter(v for r in rows for v in set(r.values(field_name)))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
    items = [{"value": v, "count": c, "share": round(c / len(rows), 4)} for v, c in ranked]
    leader = ranked[0][0] if ranked else None
    return {"field": field_name, "n": n, "total": len(rows), "items": items}, [r for r in rows if leader in r.values(field_name)]


def compute(plan: Plan, available: list[PostingRow]) -> Computation:
    """Select postings by the plan's conditions out of those the user's filters allow, and compute per group."""
    rows = select(available, plan.where)
    currency = (plan.currency or dominant_currency(rows, available)) if plan.metric == "salary" else None
    if plan.group_field is None:
        return Computation(plan, [_one(plan, None, rows, len(available), currency)], rows, len(available), currency)
    results = []
    places = {c.value: c for c in plan.places}
    for value in plan.groups or _present(rows, plan.group_field):
        members = [r for r in rows if places[value].holds(r)] if value in places else \
            [r for r in rows if value in r.values(plan.group_field)]
        own = dominant_currency(members, available) if value in places and not plan.currency and members else currency
        if members or plan.groups:  # places compare each in the currency most of its postings pay in (none converted)
            results.append(_one(plan, value, members, len(rows), own))
    return Computation(plan, results, rows, len(available), currency)


def _one(plan: Plan, value: str | None, rows: list[PostingRow], base: int, currency: str | None) -> Result:
    """`base` is what a plain count is a share of: all postings (ungrouped) or the whole selection (a group)."""
    if plan.metric == "salary":
        figures, counted = salary(rows, currency or "?")
        return Result(value, len(rows), figures, counted)
    if plan.metric == "top":
        figures, counted = top_values(rows, plan.top_field or "skills", plan.top_n)
        return Result(value, len(rows), figures, counted)
    if plan.targets:
        measured = [share(rows, t) for t in plan.targets]
        counted = [r for _, hits in measured for r in hits]
        return Result(value, len(rows), {"targets": [m for m, _ in measured]}, list(dict.fromkeys(counted)))
    return Result(value, len(rows), {"count": len(rows), "of": base, "share": round(len(rows) / base, 4) if base else None}, rows)


def _present(rows: list[PostingRow], field_name: str) -> tuple[str, ...]:
    order = {"seniority": SENIORITY, "remote": REMOTE}.get(field_name, ())
    present = {v for r in rows for v in r.values(field_name)}
    return tuple(v for v in order if v in present) + tuple(sorted(present - set(order)))
