"""Answer an aggregate question about postings by computing it; None sends the question on to passage QA."""
from __future__ import annotations

from app.analytics.answer import render
from app.analytics.compute import compute
from app.analytics.entities import EntityRecognizer
from app.analytics.plan import plan_question
from app.analytics.router import Embed, Router
from app.analytics.table import table_from_snapshot
from app.filters import Filters, matches
from app.types import Answer
from ingest.vocabulary import Vocabulary


def analytics_answer(question: str, filters: Filters, snapshot, vocabulary: Vocabulary, embed: Embed,
                     *, asked: str | None = None) -> Answer | None:
    """The computed Answer (route="analytics"), or None when the question is not an aggregate one we can compute.

    `question` is the standalone question; `asked` is what the user typed, when a follow-up was rewritten.
    User filters and the question's own terms both restrict the postings counted.
    """
    if filters.kind == "document":
        return None
    entities = EntityRecognizer(vocabulary).recognise(question)
    decision = Router(embed).route(question, entities)
    if decision.route != "analytics":
        return None
    plan = plan_question(question, entities)
    if plan is None:
        return None
    available = [row for row in table_from_snapshot(snapshot) if matches(filters, row.metadata)]
    computation = compute(plan, available)
    if not computation.selection:
        return None
    answer = render(asked or question, computation, filters, {"routing": decision.to_dict(), "entities": entities.to_dict()})
    answer.standalone_question = question if asked and asked != question else None
    return answer
