"""A figure asked as a follow-up ("what do they pay?"): computed over the postings the conversation has selected."""
from __future__ import annotations

from app.analytics.answer import render
from app.analytics.compute import compute
from app.analytics.entities import FIELDS
from app.analytics.plan import Condition, Plan
from app.filters import Filters
from app.jobs.engine import PostingsEngine
from app.query import Query
from app.types import Answer

FIGURES = ("salary", "count")  # the figures a follow-up computes (the intent names the plan's metric)


def follow_up_figure(query: Query, engine: PostingsEngine, filters: Filters, asked: str) -> Answer | None:
    """The salary or count of the postings a follow-up inherits, or None when it is not such a follow-up."""
    if not query.follow_up or query.intent not in FIGURES or not query.constraints():
        return None
    rows = engine.all(query, filters)
    if not rows:
        return None
    computation = compute(Plan(query.intent, currency=query.currency), rows)
    computation.plan = Plan(query.intent, where=_labels(query), currency=query.currency)
    return render(asked, computation, filters, {"query": query.to_dict()})


def _labels(query: Query) -> tuple[Condition, ...]:
    """Conditions that name the selection in the answer's wording ("senior MLSecOps postings located in London")."""
    found = [Condition(name, value) for name in FIELDS for value in getattr(query, name)]
    found += [Condition("location", query.place, query.place_spellings)] if query.place else []
    found += [Condition("year", query.year)] if query.year else []
    return tuple(found)
