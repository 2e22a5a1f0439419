"""A postings answer: the count, a compact cited list (title — company, place, remote, pay, posted), paging, honesty."""
from __future__ import annotations

from dataclasses import replace

from app.analytics.compute import MIN_MARKET_SAMPLE
from app.analytics.entities import MULTI_VALUED
from app.analytics.labels import LEVEL_WORDS, term
from app.filters import Filters
from app.jobs.engine import ORDER, PostingsEngine, Selection
from app.analytics.table import PostingRow
from app.places import countries
from app.query import Query
from app.sentences import as_data
from app.types import Answer, Citation

PAGE_SIZE = 10
RELATED = 3  # postings of the nearest relaxation shown with an empty result
RELAXABLE = ("pay_above", "currency", "place", "not_place", "remote", "seniority", "employment_type", "year", "posted_after",
             "company", "certifications", "clouds", "skills", "mentions", "role_family")


def postings_answer(query: Query, engine: PostingsEngine, filters: Filters, asked: str) -> Answer:
    """List, rank or show the newest postings the query selects; an empty result names what emptied it."""
    selection = engine.select(query, filters, PAGE_SIZE)
    family = Query(query.text, role_family=query.role_family)
    base = engine.count(family, filters)
    if not selection.rows:
        return _empty(query, engine, filters, asked)
    # "…, which certs do they want?"; not where the noun names a term asked for ("jobs that list OSCP as a requirement")
    named = query.certifications or query.clouds or query.skills
    shown = query.cues.list_field if query.cues.list_field in MULTI_VALUED and not named else None
    lines = [f"{selection.offset + i}. {_line(row, shown)} [{i}]" for i, row in enumerate(selection.rows, start=1)]
    text = "\n".join([_lead(query, selection, base), *lines, *_paging(query, selection), *_unranked(selection),
                      sample_note(selection.rows)])
    citations = [Citation.from_passage(i, row.passage()) for i, row in enumerate(selection.rows, start=1)]
    return Answer(asked, text.strip(), citations, False, "extractive", route="postings", rows=[posting_row(r) for r in selection.rows],
                  data={"total": selection.total, "of": base, "page": query.page, "currency": selection.currency})


def pay_of_few(query: Query, engine: PostingsEngine, filters: Filters, asked: str) -> Answer | None:
    """A pay question about the ads themselves (lexicon `posting_nouns` `ads`) whose conditions select fewer postings than
    a market figure needs (app/analytics/compute.py MIN_MARKET_SAMPLE: "what do AI security or AI red team jobs in London
    pay, going by the sample postings?", two): the postings, each with its range, two in one currency best-paid first.
    None otherwise: "what do governance jobs in London pay?" asks what the work pays (the figure names each of its few
    ranges), and none selected keeps the figure's abstention, which says where the postings are."""
    if query.intent != "salary" or "ads" not in query.cues or not query.constraints():
        return None
    n = engine.count(query, filters)
    if not 0 < n < MIN_MARKET_SAMPLE:
        return None
    ranked = n > 1 and list(engine.counts_by(query, filters, "currency").values()) == [n]  # one currency, every range stated
    return postings_answer(replace(query, intent="rank" if ranked else "list", sort="salary_max" if ranked else "posted"),
                           engine, filters, asked)


def population(q: Query, noun: str = "postings") -> str:
    """"senior hybrid MLSecOps postings located in London that mention OSWE, paying at least 200,000 USD", "fractional
    or virtual security leadership postings located in the US"."""
    if q.either:  # "executive postings located in Dallas or executive MLSecOps postings located in New York"
        return " or ".join(population(part, noun) for part in q.either)
    words = [_either([LEVEL_WORDS.get(s, s) for s in q.seniority]), " or ".join(q.remote), " or ".join(q.employment_type),
             " or ".join(q.titles), _either([term(r) for r in q.role_family]), noun]
    tail = [f"at {as_data(' or '.join(q.company))}"] if q.company else []
    tail += [f"located in {as_data(q.place)}"] if q.place else []
    tail += [f"{'and not' if q.place else 'located outside'} {as_data(q.not_place)}"] if q.not_place else []
    tail += [f"that ask{'s' if noun.endswith('g') else ''} for {' and '.join(term(v) for v in (*q.certifications, *q.clouds, *q.skills))}"] if q.certifications or q.clouds or q.skills else []
    tail += [f"that mention {' and '.join(q.mentions)}"] if q.mentions else []
    tail += [f"whose range reaches {q.pay_above:,}{' ' + q.currency if q.currency else ''}"] if q.pay_above is not None else []
    tail += [f"paid in {q.currency}"] if q.currency and q.pay_above is None else []
    tail += [f"posted in {q.year}"] if q.year else []
    tail += [f"posted on or after {q.posted_after}"] if q.posted_after else []
    return " ".join(w for w in [" ".join(w for w in words if w), *tail] if w)


def _either(names: list[str]) -> str:
    """"MLSecOps", "MLSecOps or AI red team", "AI security engineer, MLSecOps or AI red team"."""
    return " or ".join([", ".join(names[:-1]), *names[-1:]] if len(names) > 2 else names)


def sample_note(rows: list[PostingRow]) -> str:
    """Say whether the postings are illustrative samples or real (with their fetch date)."""
    if any(r.metadata.get("sample") for r in rows):
        return "These are illustrative sample postings (fictional), not real job ads."
    fetched = sorted({str(r.metadata["fetched"]) for r in rows if r.metadata.get("fetched")})
    return "These are real postings" + (f", fetched {fetched[-1]}." if fetched else ".")


def posting_row(row: PostingRow) -> dict:
    """A posting as a structured row for programs and the UI's table."""
    return {"posting_id": row.posting_id, "title": row.title, "company": row.metadata.get("company"), "location": row.location,
            "remote": row.remote, "seniority": row.seniority, "role_family": row.role_family, "salary_min": row.salary_min,
            "salary_max": row.salary_max, "currency": row.currency, "posted": row.posted, "sample": bool(row.metadata.get("sample"))}


def _lead(q: Query, s: Selection, base: int) -> str:
    shown = f"{len(s.rows)} " if len(s.rows) > 1 else ""
    pool = f"{s.total} {population(q, 'postings' if s.total > 1 else 'posting')}"  # "16 postings paid in EUR"
    every = 1 < len(s.rows) == s.total  # all of them shown: their order is the answer
    if q.intent == "rank" and ORDER[q.sort].level:
        return _level_lead(q, s)
    if q.intent == "rank":
        order = ORDER[q.sort]
        within = f", in {s.currency}" if order.pay and not q.currency else ""
        if every:
            return f"All {pool}, {order.superlative} first ({order.basis}{within}):"
        return f"The {shown}{order.superlative} of the {pool} ({order.basis}{within}):"
    if q.intent == "top" and q.limit:
        return f"All {pool}, newest first:" if every else f"The {shown}newest of the {pool}:"
    who = population(q)
    family = population(Query(q.text, role_family=q.role_family))
    if s.total == base or q.role_family and who == family:
        return f"There {'is' if s.total == 1 else 'are'} {s.total} {who if s.total != 1 else who.replace('postings', 'posting', 1)}:"
    return f"{s.total} of the {base} {family} match: {who}."


def _level_lead(q: Query, s: Selection) -> str:
    """"Of the 20 AI red team postings, the most senior are the 2 at executive level, newest first:"."""
    who = f"the {s.total} at {s.level} level, newest first" if s.total > 1 else f"the one at {s.level} level"
    return f"Of the {s.pool} {population(q, 'postings' if s.pool > 1 else 'posting')}, the {ORDER[q.sort].superlative} " \
           f"{'are' if s.total > 1 else 'is'} {who}:"


def _unranked(s: Selection) -> list[str]:
    """Pay is not compared across currencies: the postings in other currencies a pay ranking left out, counted."""
    if not s.other_currencies:
        return []
    counts = ", ".join(f"{n} in {currency}" for currency, n in s.other_currencies.items())
    return [f"Only postings paying in {s.currency} are ranked; pay in other currencies is not compared ({counts})."]


def _condition(name: str, value) -> str:
    """How a posting fails one constraint: "is located in “Tokyo”", "is remote", "asks for “OSWE”"."""
    values = value if isinstance(value, tuple) else (value,)
    quoted = " or ".join(f"“{term(v) if name != 'company' else as_data(v)}”" for v in values)
    return {"place": f"is located in “{as_data(str(value))}”", "not_place": f"is located outside “{as_data(str(value))}”",
            "currency": f"is paid in {value}",
            "pay_above": f"has a range reaching {value:,}" if isinstance(value, int) else "",
            "company": f"is at {quoted}", "year": f"was posted in {value}", "posted_after": f"was posted on or after {value}",
            "role_family": f"is a {quoted} role", "certifications": f"asks for {quoted}", "skills": f"asks for {quoted}",
            "clouds": f"asks for {quoted}", "titles": f"has {quoted} in its title", "mentions": f"mentions {quoted}"}.get(name, f"is {' or '.join(term(v) for v in values)}")


def _line(row: PostingRow, shown: str | None = None) -> str:
    """"Title — company, place, remote, pay, posted", and the field the question asks of each posting ("; certifications:
    OSCP, OSWE")."""
    pay = (f"{row.salary_min:,}–{row.salary_max:,} {row.currency}" if row.salary_min is not None and row.salary_max is not None
           else "pay not stated")
    return as_data(f"{row.title} — {row.metadata.get('company', 'unnamed company')}, {row.location}, "
                   f"{row.remote or 'remote status not stated'}, {pay}, posted {row.posted or 'date not stated'}"
                   + (f"; {shown}: {', '.join(map(term, getattr(row, shown))) or 'none stated'}" if shown else ""))


def _paging(q: Query, s: Selection) -> list[str]:
    if q.limit or s.total <= PAGE_SIZE:
        return []
    last = s.offset + len(s.rows)
    more = f' Ask "show me more" for the next {min(PAGE_SIZE, s.total - last)}.' if last < s.total else ""
    return [f"Showing {s.offset + 1}–{last} of {s.total}.{more}"]


def _empty(q: Query, engine: PostingsEngine, filters: Filters, asked: str) -> Answer:
    """None selected: which constraint emptied the result, and the nearest relaxation (what dropping it gives)."""
    if q.page > 1:
        text = f"That was all: the {engine.count(replace(q, page=1), filters)} {population(q)} have been listed."
        return Answer(asked, text, [], False, "extractive", route="postings", data={"total": 0})
    for name in (*q.latest, *(n for n in RELAXABLE if n not in q.latest)):
        if getattr(q, name) in (None, ()) or name == "role_family" and len(q.constraints()) == 1:
            continue
        relaxed = q.without(name)
        n = engine.count(relaxed, filters)
        if n:
            spread = engine.counts_by(relaxed, filters, name) if name in ("remote", "seniority", "employment_type") else {}
            instead = "; ".join(f"{c} {'is' if c == 1 else 'are'} {term(v)}" for v, c in spread.items())
            text = (f"The corpus doesn't say: none of the {n} {population(relaxed, 'postings' if n > 1 else 'posting')} "
                    f"{_condition(name, getattr(q, name))}" + (f"; {instead}." if instead else "."))
            if name == "place":  # say where postings are
                text += f" The postings are located in {', '.join(countries([r.location for r in engine.rows]))} or are remote."
            text += " " + sample_note(engine.rows)  # whether the postings searched are samples
            nearest = engine.select(replace(relaxed, limit=RELATED), filters).rows  # the nearest relaxation's postings
            return Answer(asked, text, [], True, "extractive", route="postings", data={"total": 0, "emptied_by": name, "relaxed_total": n},
                          related=[Citation.from_passage(i, r.passage()) for i, r in enumerate(nearest, start=1)])
    scope = f"postings your filters allow ({', '.join(f'{k} {v}' for k, v in filters.to_dict().items())})" if filters.to_dict() else "postings in the index"
    text = f"The corpus doesn't say: none of the {engine.count(Query(q.text), filters)} {scope} matches: {population(q)}. " \
           + sample_note(engine.rows)
    return Answer(asked, text, [], True, "extractive", route="postings", data={"total": 0, "emptied_by": None})
