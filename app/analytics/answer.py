"""Render a computation as an Answer: the number, its denominator, the filters applied and cited sample postings."""
from __future__ import annotations

from typing import Any

from app.analytics.compute import MIN_MARKET_SAMPLE, Computation, Result
from app.analytics.plan import Condition
from app.analytics.labels import FIELD_NAMES, applied, money, percent, population, term, verb
from app.analytics.table import PostingRow
from app.filters import Filters
from app.types import Answer, Citation

MAX_CITED = 5


class _Citer:
    """Numbers postings as they are cited, at most MAX_CITED of them."""

    def __init__(self):
        self.rows: list[PostingRow] = []

    def marks(self, rows: list[PostingRow], budget: int) -> str:
        picked = []
        for row in spread(rows, budget):
            if row in self.rows:
                picked.append(self.rows.index(row) + 1)
            elif len(self.rows) < MAX_CITED:
                self.rows.append(row)
                picked.append(len(self.rows))
        return "".join(f"[{n}]" for n in sorted(set(picked)))

    def citations(self) -> list[Citation]:
        return [Citation.from_passage(i, row.passage()) for i, row in enumerate(self.rows, start=1)]


def spread(rows: list[PostingRow], k: int) -> list[PostingRow]:
    """Up to k rows evenly spaced through the list (both ends included), so a salary sample shows the range."""
    if k <= 0 or not rows:
        return []
    if len(rows) <= k:
        return list(rows)
    return [rows[round(i * (len(rows) - 1) / (k - 1))] for i in range(k)] if k > 1 else [rows[0]]


def render(question: str, computation: Computation, filters: Filters, extra: dict[str, Any] | None = None) -> Answer:
    """The computed Answer with its figures in `data`: route="analytics", or "postings" when too few postings state a
    salary for a market figure and the answer is their own ranges (see `lists_postings`)."""
    plan, citer = computation.plan, _Citer()
    who = population(plan.where, filters)
    grouped = plan.group_field is not None
    body = _grouped(computation, who, citer) if grouped else _single(computation, who, citer, not _only_kind(filters))
    n = sum(r.postings for r in computation.results) if grouped else len(computation.selection)
    footer = f"Based on {n} posting{'s' if n != 1 else ''}. Filters applied: {applied(plan.where, filters)}."
    text = " ".join([*body, footer])
    data = {
        "metric": plan.metric,
        "postings": n,
        "available": computation.available,
        "population": who,
        "where": [{"field": c.field, "value": c.value} for c in plan.where],
        "user_filters": filters.to_dict(),
        "group_by": plan.group_field,
        "currency": computation.currency,
        "cited_postings": [r.posting_id for r in citer.rows],
        **({"groups": [_result_data(r) for r in computation.results]} if grouped else {"result": _result_data(computation.results[0])}),
        **(extra or {}),
    }
    route = "postings" if lists_postings(computation) else "analytics"
    return Answer(question, text, citer.citations(), False, "extractive", route=route, data=data)


def lists_postings(c: Computation) -> bool:
    """Whether a salary computation is answered by the postings themselves: one selection (no groups) with fewer than
    MIN_MARKET_SAMPLE postings stating a salary, each named with its own range ("Only 1 … posting … states a salary …")."""
    if c.plan.metric != "salary" or c.plan.group_field is not None:
        return False
    return 0 < c.results[0].figures["with_salary"] < MIN_MARKET_SAMPLE


def _single(c: Computation, who: str, citer: _Citer, has_filters: bool) -> list[str]:
    result, plan = c.results[0], c.plan
    if plan.metric == "salary":
        return _salary_sentences(result, who, citer, c)
    if plan.metric == "top":
        items = result.figures["items"]
        listed = ", ".join(f"{term(i['value'])} ({i['count']}, {percent(i['share'])})" for i in items)
        kind = plan.top_field or "skills"
        if not items:
            return [f"None of the {result.postings} {who} lists any {kind}."]
        if kind == "company" and items[0]["count"] == 1:  # employers ranked by how many of the postings they advertise
            return [f"No company advertises more than one of the {result.postings} {who} {citer.marks(c.selection, MAX_CITED)}".rstrip() + "."]
        if kind == "company":
            return [f"Of the {result.postings} {who}, the companies with the most are: {listed} {citer.marks(result.counted, MAX_CITED)}".rstrip() + "."]
        return [f"The most requested {kind} in the {result.postings} {who} are: {listed} {citer.marks(result.counted, MAX_CITED)}".rstrip() + "."]
    if plan.targets:
        sentences = []
        budget = max(1, MAX_CITED // len(plan.targets))
        for target in result.figures["targets"]:
            hits = [r for r in result.counted if target["value"] in r.values(target["field"])]
            marks = citer.marks(hits or c.selection, budget)  # "0 of 20": the 20 postings show it
            sentences.append(f"{percent(target['share'])} of the {target['total']} {who} {verb(_cond(target))} "
                             f"({target['count']} of {target['total']}){' ' + marks if marks else ''}.")
        return sentences
    figures, scope = result.figures, "matching your filters" if has_filters else "in the index"
    tail = f" — {percent(figures['share'])} of the {figures['of']} postings {scope}" if plan.where else f" {scope}"
    verb_ = "is" if figures["count"] == 1 else "are"
    if 0 < len(result.counted) <= MAX_CITED:  # a handful: which they are, each cited ("4 part-time postings: …")
        return [f"There {verb_} {_counted(who, figures['count'])}{tail}: " + "; ".join(_named(row, citer) for row in result.counted) + "."]
    return [f"There {verb_} {_counted(who, figures['count'])}{tail} {citer.marks(result.counted, MAX_CITED)}".rstrip() + "."]


def _named(row: PostingRow, citer: _Citer) -> str:
    """"Fractional CISO (Part-Time) at Moorlace Logistics [2]"."""
    return f"{row.title} at {row.metadata.get('company', 'an unnamed company')} {citer.marks([row], 1)}"


def _counted(who: str, n: int) -> str:
    """"3 MLSecOps postings", "1 MLSecOps posting"."""
    return f"{n} {who.replace('postings', 'posting', 1) if n == 1 else who}"


def _salary_sentences(result: Result, who: str, citer: _Citer, c: Computation) -> list[str]:
    f, cur = result.figures, result.figures["currency"]
    if not f["with_salary"]:
        return [f"None of the {result.postings} {who} states a salary in {cur}."]
    if f["with_salary"] < MIN_MARKET_SAMPLE:  # too few for a median: each posting's own range
        ranges = "; ".join(f"{_range(row, cur)} {citer.marks([row], 1)}" for row in result.counted)
        n = f["with_salary"]
        which = _counted(who, n) if n == result.postings else f"{n} of the {result.postings} {who}"
        return [f"Only {which} state{'s' if n == 1 else ''} a salary in {cur}, too few for a market figure: {ranges}.",
                _currency_note(f, cur, c)]
    marks = citer.marks(result.counted, MAX_CITED)
    sentences = [f"The median advertised salary of the {f['with_salary']} {who} with a salary in {cur} is {money(f['median'], cur)} "
                 f"(midpoint of each posting's range); the typical advertised range runs from {money(f['median_min'], cur)} to "
                 f"{money(f['median_max'], cur)} (the medians of the lower and of the upper ends), the middle half lies between {money(f['q1'], cur)} and {money(f['q3'], cur)}, "
                 f"and the ranges span {money(f['min'], cur)} to {money(f['max'], cur)} {marks}."]
    sentences.append(_currency_note(f, cur, c))
    return [s for s in sentences if s]


def _range(row: PostingRow, cur: str) -> str:
    """"AI Red Team Engineer at Ravensholm Bank, 76,000 GBP to 94,000 GBP": one posting's own range, for too few to sum up."""
    return f"{row.title} at {row.metadata.get('company', 'an unnamed company')}, {money(row.salary_min, cur)} to {money(row.salary_max, cur)}"


def _currency_note(f: dict[str, Any], cur: str, c: Computation) -> str:
    others = f["other_currencies"]
    left_out = ", ".join(f"{n} in {code}" for code, n in others.items())
    why = "the currency you asked for" if c.plan.currency else "the currency most of these postings use"
    note = f"Figures are in {cur}, {why}" + (f"; postings paid in other currencies are left out ({left_out})." if others else ".")
    if f.get("without_salary"):
        note += f" {f['without_salary']} posting{'s state' if f['without_salary'] != 1 else ' states'} no salary."
    return note


def _grouped(c: Computation, who: str, citer: _Citer) -> list[str]:
    plan, field = c.plan, c.plan.group_field
    budget = max(1, MAX_CITED // max(1, len(c.results)))
    by = f"by {FIELD_NAMES.get(field, field)}"
    if plan.metric == "salary":
        cur = c.currency or "?"
        currencies = list(dict.fromkeys(r.figures["currency"] for r in c.results))  # places: each its own
        parts = [f"{term(r.value)} {money(r.figures.get('median'), (own := r.figures['currency']))} (n={r.figures['with_salary']}"
                 + (f", middle half {money(r.figures['q1'], own)}–{money(r.figures['q3'], own)}" if r.figures["with_salary"] >= MIN_MARKET_SAMPLE
                    else "".join(f": {_range(row, own)}" for row in r.counted[:1]) + "".join(f", {_range(row, own)}" for row in r.counted[1:]))
                 + f") {citer.marks(r.counted, budget)}".rstrip() for r in c.results]
        unit = f"in {cur}" if len(currencies) == 1 else "each in the currency its postings pay in"
        head = f"Median advertised salary of {who} {by} (midpoint of each range, {unit}): " + "; ".join(parts) + "."
        ranked = [r for r in c.results if r.figures.get("median") is not None]
        if len(currencies) > 1:  # no exchange rate is assumed: the figures stand side by side
            return [head, f"Pay in {' and '.join(currencies)} is not compared: the postings give no exchange rate."]
        sentences = [head, _extremes(ranked, lambda r: r.figures["median"], "highest", "lowest", plan.highlight)]
        all_figures = {"other_currencies": _merge_other(c), "without_salary": sum(r.figures["without_salary"] for r in c.results)}
        sentences.append(_currency_note(all_figures, cur, c))
        return [s for s in sentences if s]
    if plan.metric == "top":
        kind = plan.top_field or "skills"
        parts = [f"{term(r.value)} (n={r.postings}): " + (", ".join(f"{term(i['value'])} {i['count']}" for i in r.figures["items"]) or "none")
                 + f" {citer.marks(r.counted, budget)}".rstrip() for r in c.results]
        return [f"The most requested {kind} in {who} {by}: " + "; ".join(parts) + "."]
    if plan.targets:
        sentences = []
        for i, target in enumerate(plan.targets):
            parts, shares = [], []
            for r in c.results:
                t = r.figures["targets"][i]
                hits = [row for row in r.counted if target.value in row.values(target.field)]
                parts.append(f"{term(r.value)} {percent(t['share'])} ({t['count']} of {t['total']})" + f" {citer.marks(hits, budget)}".rstrip())
                shares.append((r, t["share"]))
            sentences.append(f"Share of {who} that {verb(target)}, {by}: " + "; ".join(parts) + ".")
            known = [r for r, s in shares if s is not None]
            sentences.append(_extremes(known, lambda r: r.figures["targets"][i]["share"], "highest", "lowest", plan.highlight))
        return [s for s in sentences if s]
    parts = [f"{term(r.value)} {r.figures['count']} ({percent(r.figures['share'])})" + f" {citer.marks(r.counted, budget)}".rstrip() for r in c.results]
    head = f"Of the {len(c.selection)} {who}, {by}: " + "; ".join(parts) + "."
    return [s for s in (head, _extremes(c.results, lambda r: r.figures["count"], "most common", "least common", plan.highlight)) if s]


def _extremes(results: list[Result], key, high: str, low: str, highlight: str | None) -> str:
    """"Highest: senior; lowest: entry." (ties named together), plus where the highlighted group ranks."""
    if len(results) < 2:
        return ""
    top, bottom = max(key(r) for r in results), min(key(r) for r in results)
    if top == bottom:
        return "All groups are level."
    names = lambda v: " and ".join(term(r.value) for r in results if key(r) == v)  # noqa: E731
    sentence = f"{high.capitalize()}: {names(top)}; {low}: {names(bottom)}."
    if highlight and highlight in [r.value for r in results]:
        rank = 1 + sum(1 for r in results if key(r) > key(next(x for x in results if x.value == highlight)))
        name = term(highlight)
        sentence += f" {name[:1].upper() + name[1:]} ranks {_ordinal(rank)} of {len(results)}."
    return sentence


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _merge_other(c: Computation) -> dict[str, int]:
    merged: dict[str, int] = {}
    for r in c.results:
        for code, n in r.figures["other_currencies"].items():
            merged[code] = merged.get(code, 0) + n
    return dict(sorted(merged.items()))


def _cond(target: dict[str, Any]) -> Condition:
    return Condition(target["field"], target["value"])


def _only_kind(filters: Filters) -> bool:
    return not {k for k in filters.to_dict() if k != "kind"}


def _result_data(result: Result) -> dict[str, Any]:
    return {"value": result.value, "postings": result.postings, **result.figures}
