"""DuckDB in-process over the postings rows of one snapshot: the Query's constraints as SQL, one engine for selection."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from app.analytics.entities import MULTI_VALUED, SINGLE_VALUED
from app.analytics.table import PostingRow, table_from_snapshot
from app.filters import Filters
from app.query import Query
from ingest.postings import SENIORITY

SCALARS = (*SINGLE_VALUED, "employment_type", "company")


@dataclass(frozen=True)
class Order:
    """How a sort ranks postings: the SQL order, the pay column it ranks (within one currency) or None, the words an
    answer names it with ("best-paid", "by the top of the advertised range"), and for a seniority ranking the end of the
    level order it keeps ("max": every posting at the most senior level the selection has; ties are the answer)."""

    sql: str
    pay: str | None
    superlative: str
    basis: str
    level: str | None = None


ORDER = {
    "posted": Order("posted DESC NULLS LAST, posting_id", None, "newest", "by posting date"),
    "posted_oldest": Order("posted ASC NULLS LAST, posting_id", None, "oldest", "by posting date"),
    "salary_max": Order("salary_max DESC NULLS LAST, posted DESC NULLS LAST, posting_id", "salary_max",
                        "best-paid", "by the top of the advertised range"),
    "salary_min": Order("salary_min DESC NULLS LAST, posted DESC NULLS LAST, posting_id", "salary_min",
                        "best-paid", "by the floor of the advertised range"),
    "salary_max_lowest": Order("salary_max ASC NULLS LAST, posted DESC NULLS LAST, posting_id", "salary_max",
                               "lowest-paid", "by the top of the advertised range"),
    "seniority": Order("posted DESC NULLS LAST, posting_id", None, "most senior", "by seniority level", "max"),
    "seniority_lowest": Order("posted DESC NULLS LAST, posting_id", None, "most junior", "by seniority level", "min"),
    "salary_min_lowest": Order("salary_min ASC NULLS LAST, posted DESC NULLS LAST, posting_id", "salary_min",
                               "lowest-paid", "by the floor of the advertised range"),
}


@dataclass(frozen=True)
class Selection:
    """One page (or top-n) of the postings a Query selects, the total, the currency a pay ranking is in and the level a
    seniority ranking kept."""

    rows: list[PostingRow]
    total: int
    offset: int = 0
    currency: str | None = None
    other_currencies: dict[str, int] = field(default_factory=dict)  # postings a pay ranking left out, by currency
    level: str | None = None  # "executive": the most senior (or junior) level of the selection, which `rows` are at
    pool: int = 0  # how many postings the conditions select before a seniority ranking keeps one level


class PostingsEngine:
    """The snapshot's open postings as a DuckDB table, made on the first query (a passage question never loads DuckDB
    or pandas); one per snapshot."""

    def __init__(self, rows: list[PostingRow]):
        self.rows = rows
        self._db = None
        self._lock = threading.Lock()

    def _table(self):
        """The DuckDB connection holding the `postings` table (caller holds the lock)."""
        if self._db is not None:
            return self._db
        import duckdb
        import pandas as pd

        rows = self.rows
        frame = pd.DataFrame({
            "i": range(len(rows)), "posting_id": [r.posting_id for r in rows], "company": [r.metadata.get("company") for r in rows],
            "location": [r.location.lower() for r in rows], "title": [r.title.lower() for r in rows], "salary_min": [r.salary_min for r in rows],
            "salary_max": [r.salary_max for r in rows], "currency": [r.currency for r in rows], "posted": [r.posted for r in rows],
            "employment_type": [r.metadata.get("employment_type") for r in rows], "body": [r.body.lower() for r in rows],
            "level": [SENIORITY.index(r.seniority) if r.seniority in SENIORITY else None for r in rows],
            **{name: [getattr(r, name) for r in rows] for name in SINGLE_VALUED},
            **{name: [list(getattr(r, name)) for r in rows] for name in MULTI_VALUED},
        }).astype({"salary_min": "Int64", "salary_max": "Int64"})
        db = duckdb.connect(":memory:")
        db.register("frame", frame)
        db.execute("CREATE TABLE postings AS SELECT * FROM frame")
        db.unregister("frame")
        self._db = db
        return db

    @classmethod
    def for_snapshot(cls, snapshot) -> "PostingsEngine":
        """The engine over a snapshot's open postings, cached on the snapshot."""
        if "postings_engine" not in snapshot.derived:
            snapshot.derived["postings_engine"] = cls(table_from_snapshot(snapshot))
        return snapshot.derived["postings_engine"]

    def select(self, query: Query, filters: Filters = Filters(), page_size: int = 10) -> Selection:
        """The postings `query` and the user's `filters` select: its top-n, or its page, in the query's order."""
        where, params = self._where(query, filters)
        order = ORDER[query.sort]
        currency, others = query.currency if order.pay else None, {}
        if order.pay and not query.currency:  # pay is ranked within one currency (an asked one is in `where` already):
            stated = f"{where} AND {order.pay} IS NOT NULL"  # the commonest; the others are counted
            currency = self._scalar(f"SELECT mode(currency) FROM postings WHERE {stated}", params)
            others = dict(self._fetch(f"SELECT currency, count(*) AS n FROM postings WHERE {stated} AND currency <> ? "
                                      f"GROUP BY currency ORDER BY n DESC, currency", [*params, currency]))
            where, params = f"{where} AND currency = ?", [*params, currency]
        level, pool = None, 0
        if order.level:  # the postings at the selection's most senior (or junior) level: they tie
            pool = self._scalar(f"SELECT count(*) FROM postings WHERE {where}", params)
            at = self._scalar(f"SELECT {order.level}(level) FROM postings WHERE {where}", params)
            level = SENIORITY[at] if at is not None else None
            where, params = f"{where} AND level = ?", [*params, at]
        total = self._scalar(f"SELECT count(*) FROM postings WHERE {where}", params)
        size = query.limit or page_size
        offset = 0 if query.limit else (query.page - 1) * page_size
        picked = self._fetch(f"SELECT i FROM postings WHERE {where} ORDER BY {order.sql} LIMIT {int(size)} OFFSET {int(offset)}", params)
        return Selection([self.rows[i] for (i,) in picked], total, offset, currency, others, level, pool)

    def count(self, query: Query, filters: Filters = Filters()) -> int:
        """How many postings `query` and `filters` select."""
        where, params = self._where(query, filters)
        return self._scalar(f"SELECT count(*) FROM postings WHERE {where}", params)

    def counts_by(self, query: Query, filters: Filters, name: str) -> dict[str, int]:
        """How many selected postings have each value of one scalar field, commonest first."""
        where, params = self._where(query, filters)
        rows = self._fetch(f"SELECT {name}, count(*) AS n FROM postings WHERE {where} AND {name} IS NOT NULL "
                           f"GROUP BY {name} ORDER BY n DESC, {name}", params)
        return dict(rows)

    def all(self, query: Query, filters: Filters = Filters()) -> list[PostingRow]:
        """Every selected posting, newest first (for figures computed over the selection)."""
        where, params = self._where(query, filters)
        return [self.rows[i] for (i,) in self._fetch(f"SELECT i FROM postings WHERE {where} ORDER BY {ORDER['posted'].sql}", params)]

    def _where(self, q: Query, f: Filters) -> tuple[str, list[Any]]:
        clauses, params = ["TRUE"], []
        if q.either:  # two named roles: the postings meeting either one's constraints
            parts = [self._where(part, Filters()) for part in q.either]
            clauses.append("(" + " OR ".join(f"({where})" for where, _ in parts) + ")")
            params += [param for _, part_params in parts for param in part_params]
        for name in SCALARS:
            for values in (getattr(q, name), (getattr(f, name),) if getattr(f, name, None) else ()):
                if values:
                    clauses.append(f"list_contains(?, {name})"); params.append(list(values))
        for name in MULTI_VALUED:
            if getattr(q, name):
                clauses.append(f"list_has_all({name}, ?)"); params.append(list(getattr(q, name)))
        if f.skills:
            clauses.append("list_has_any(skills, ?)"); params.append(list(f.skills))
        for spellings in (q.place_spellings, (f.location,) if f.location else ()):
            if spellings:
                clauses.append("(" + " OR ".join("contains(location, ?)" for _ in spellings) + ")"); params += list(spellings)
        if q.not_place_spellings:  # "in Europe but not the UK": no location holding any of them
            clauses.append("NOT (" + " OR ".join("contains(location, ?)" for _ in q.not_place_spellings) + ")")
            params += list(q.not_place_spellings)
        if q.title_spellings:  # "fractional or virtual CISO jobs": a title holding any of them
            clauses.append("(" + " OR ".join("contains(title, ?)" for _ in q.title_spellings) + ")"); params += list(q.title_spellings)
        for spellings in q.mention_spellings:  # "which postings require a security clearance?": text stating each condition
            clauses.append("(" + " OR ".join("contains(body, ?)" for _ in spellings) + ")"); params += list(spellings)
        for bound in (q.pay_above, f.min_salary):
            if bound is not None:
                clauses.append("salary_max >= ?"); params.append(bound)
        if q.currency:  # "paid in euros", "GBP postings": a condition of its own, and the currency of a pay floor
            clauses.append("currency = ?"); params.append(q.currency)
        if q.year:
            clauses.append("substr(posted, 1, 4) = ?"); params.append(q.year)
        for after in (q.posted_after, f.posted_after):
            if after:
                clauses.append("posted >= ?"); params.append(after)
        return " AND ".join(clauses), params

    def _scalar(self, sql: str, params: list[Any]) -> Any:
        return self._fetch(sql, params)[0][0]

    def _fetch(self, sql: str, params: list[Any]) -> list[tuple]:
        with self._lock:  # one connection; queries take milliseconds
            return self._table().execute(sql, params).fetchall()
