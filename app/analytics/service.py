"""Answer an aggregate question about postings by computing it; None sends the question on to passage QA."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.analytics.answer import render
from app.analytics.compute import MIN_MARKET_SAMPLE, compute, select
from app.analytics.labels import population, term
from app.analytics.plan import Condition, plan_question
from app.analytics.router import Embed, Router
from app.analytics.table import table_from_snapshot
from app.coverage import asked_part, quoted, searchable_text, specific_terms, unmentioned
from app.filters import Filters, matches
from app.followup import previous_questions
from app.guidance import is_guidance
from app.places import countries
from app.types import Answer

if TYPE_CHECKING:  # app.query reads terms with app.analytics.entities: importing it here would be circular
    from app.query import Query, QueryParser


def analytics_answer(question: str, filters: Filters, snapshot, parser: QueryParser, embed: Embed,
                     *, asked: str, history: list[Any] | None, reading: Query) -> Answer | None:
    """The computed Answer (route="analytics"; "postings" when too few state a salary and it gives their own ranges), or
    None when the question is not an aggregate one we can compute.

    `question` is the standalone question; `asked` is what the user typed (differs when a follow-up was rewritten);
    `reading` is the conversation's Query (its place and currency). The router and the plan read the standalone
    question's Query: its terms and figure cues. User filters and the question's own terms both restrict the postings counted.
    """
    if filters.kind == "document" or _follows_one_posting(parser, question, asked, history):
        return None
    if is_guidance(asked or question, parser.lex):  # "which certification carries the most weight?" asks for advice
        return None
    if question != reading.text:
        reading = parser.reread(question, reading)
    entities = reading.cues.entities
    decision = Router(embed).route(reading)
    if decision.route != "analytics":
        return None
    plan = plan_question(reading)
    if plan is None:
        return None
    available = [row for row in table_from_snapshot(snapshot) if matches(filters, row.metadata)]
    here = Condition("location", reading.place, reading.place_spellings) if reading.place else None
    place = reading.place if here and any(here.holds(row) for row in available) else None
    if here and not place:  # "in Singapore": no posting is there, so no figure for all postings either
        return _nowhere(asked or question, here, available, decision)
    if place:  # "in London": counted over the postings located there
        plan = replace(plan, where=(*plan.where, here))
    if reading.not_place:  # "in Europe but not the UK": without the postings located there
        plan = replace(plan, where=(*plan.where, Condition("outside", reading.not_place, reading.not_place_spellings)))
    kinds = [Condition("employment_type", kind) for kind in reading.employment_type]  # a follow-up's kept "part-time"
    if plan.metric != "share" and (kept := [c for c in kinds if c not in plan.where]):  # counted over those postings only
        plan = replace(plan, where=(*plan.where, *kept))
    unrecognised = [t for t in _unrecognised_terms(question, entities, parser.lex)
                    if not (place and t in place.split()) and not _names_currency(t, reading, parser.lex)]
    if unrecognised:  # a company, a place, an edition: counting cannot restrict to it
        absent = unmentioned(unrecognised, [searchable_text(row.passage()) for row in available])
        return _none_mention(asked or question, absent, len(available), decision) if absent else None
    computation = compute(plan, available)
    if place and not computation.selection:
        return _none_located(asked or question, plan, filters, available, here, decision)
    absent = [r.value for r in computation.results if plan.groups and r.postings == 0]
    if place and computation.selection and absent:  # "MLSecOps or AI red team jobs in London": those located there
        plan = replace(plan, groups=tuple(g for g in plan.groups if g not in absent))
        computation = compute(plan, available)
    elif not computation.selection or absent:
        return None  # nothing to count, or a compared group (say "2023") has no postings: let the documents answer
    if plan.metric == "salary" and sum(r.figures["with_salary"] for r in computation.results) < MIN_MARKET_SAMPLE \
            and not (place or plan.currency):
        return None  # a "median" of one or two postings is no market figure; a report may know better (one in a place
        # or a currency named answers by its own ranges)
    answer = render(asked or question, computation, filters, {"routing": decision.to_dict(), "entities": entities.to_dict()})
    if place and absent:
        answer.text += f" None of the {' or '.join(term(v) for v in absent)} postings is located in {place}."
    answer.standalone_question = question if asked and asked != question else None
    return answer


def _unrecognised_terms(question: str, entities, lexicon: dict[str, Any]) -> list[str]:
    """Names and years the question asks about (not the asker's own setting) that are not vocabulary terms the plan
    can count by."""
    recognised = " ".join(question[m.start : m.end] for m in entities.mentions).lower()
    return [t for t in specific_terms(asked_part(question, lexicon)) if t.lower() not in recognised]


def _names_currency(term: str, reading: Query, lexicon: dict[str, Any]) -> bool:
    """Whether a term is a spelling of the currency the question was read to ask about ("paid in USD"): a
    condition the plan counts by, like a place."""
    return bool(reading.currency) and term.lower() in {s.lower() for s in lexicon["currencies"].get(reading.currency, ())}


def _none_mention(question: str, absent: list[str], total: int, decision) -> Answer:
    """An abstention that says which names no posting mentions (so no figure about them can be computed)."""
    text = (f"The postings don't say. None of the {total} postings mentions {quoted(absent)}, so there is nothing to count; "
            "figures for all postings would not answer this question.")
    return Answer(question, text, [], True, "extractive", route="analytics",
                  data={"metric": None, "postings": 0, "available": total, "not_mentioned": absent, "routing": decision.to_dict()})


def _none_located(question: str, plan, filters: Filters, available: list, here: Condition, decision) -> Answer:
    """An abstention for a place no posting of the kind asked about is located in (others may be)."""
    elsewhere, place = [c for c in plan.where if c.field != "location"], here.value
    kind, there = select(available, tuple(elsewhere)), select(available, (here,))
    text = (f"The postings don't say. None of the {len(kind)} {population(tuple(elsewhere), filters)} is located in {place}, "
            f"so there is nothing to count ({len(there)} posting{'s' if len(there) != 1 else ''} of any kind {'are' if len(there) != 1 else 'is'} located there).")
    return Answer(question, text, [], True, "extractive", route="analytics",
                  data={"metric": plan.metric, "postings": 0, "available": len(available), "location": place,
                        "routing": decision.to_dict()})


def _nowhere(question: str, here: Condition, available: list, decision) -> Answer:
    """An abstention for a place no posting is located in, naming where the postings are."""
    where = countries([row.location for row in available])
    text = (f"The postings don't say: there are no sample postings located in {here.value}, so there is nothing to count; "
            f"figures for all postings would not answer this question. The {len(available)} postings are located in "
            f"{', '.join(where[:-1]) + ' and ' + where[-1] if len(where) > 1 else ''.join(where) or 'no named country'} or are remote.")
    return Answer(question, text, [], True, "extractive", route="analytics",
                  data={"metric": None, "postings": 0, "available": len(available), "location": here.value,
                        "routing": decision.to_dict()})


def _follows_one_posting(parser: QueryParser, question: str, asked: str, history: list[Any] | None) -> bool:
    """"What does it pay?" after a question about one posting is about that posting, not the market."""
    earlier = previous_questions(history)
    return bool(asked != question and earlier and "one_posting" in parser.figure_cues(earlier[-1]))
