"""Metadata filters: validated once, then applied to Chroma (where clause) and to the snapshot (mask)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.errors import UserError
from ingest.postings import REMOTE, SENIORITY

KINDS = ("document", "posting")
POSTING_ONLY = ("seniority", "remote", "location", "min_salary", "posted_after", "skills")


@dataclass(frozen=True)
class Filters:
    """Restrictions on which passages may be retrieved; None means no restriction."""

    kind: str | None = None
    role_family: str | None = None
    seniority: str | None = None
    remote: str | None = None
    location: str | None = None  # case-insensitive substring
    min_salary: int | None = None  # posting's salary_max must reach it
    posted_after: str | None = None  # ISO date, inclusive
    skills: tuple[str, ...] = ()  # any of

    def is_empty(self) -> bool:
        """True when nothing is restricted."""
        return self == Filters()

    def to_dict(self) -> dict[str, Any]:
        """Only the filters that are set."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items() if v not in (None, ())}


def parse_filters(raw: dict[str, Any] | None, role_families: tuple[str, ...]) -> Filters:
    """Validate user filters; unknown names or values raise UserError listing what is allowed."""
    if raw is not None and not isinstance(raw, dict):
        raise UserError(f"filters must be a mapping like {{'role_family': 'mlsecops'}}, got {type(raw).__name__}")
    raw = {k: v for k, v in (raw or {}).items() if v not in (None, "", [], ())}
    unknown = set(raw) - set(Filters.__dataclass_fields__)
    if unknown:
        raise UserError(f"unknown filter(s) {sorted(map(str, unknown))}; allowed: {', '.join(Filters.__dataclass_fields__)}")
    values: dict[str, Any] = {}
    for name, allowed in (("kind", KINDS), ("role_family", role_families), ("seniority", SENIORITY), ("remote", REMOTE)):
        if name in raw:
            value = str(raw[name]).strip().lower()
            if value not in allowed:
                raise UserError(f"unknown {name} {raw[name]!r}; choose one of: {', '.join(allowed)}")
            values[name] = value
    if "location" in raw:
        values["location"] = str(raw["location"]).strip().lower()
    if "min_salary" in raw:
        try:
            values["min_salary"] = int(raw["min_salary"])
            if abs(values["min_salary"]) >= 2**53:  # Chroma compares 64-bit numbers
                raise ValueError
        except (TypeError, ValueError, OverflowError):
            raise UserError(f"min_salary must be a whole number, got {str(raw['min_salary'])[:40]!r}") from None
    if "posted_after" in raw:
        try:
            values["posted_after"] = dt.date.fromisoformat(str(raw["posted_after"])).isoformat()
        except ValueError:
            raise UserError(f"posted_after must be a date like 2025-01-31, got {raw['posted_after']!r}") from None
    if "skills" in raw:
        skills = raw["skills"] if isinstance(raw["skills"], (list, tuple)) else str(raw["skills"]).split(",")
        values["skills"] = tuple(str(s).strip().lower() for s in skills if s is not None and str(s).strip())
    return Filters(**values)


def chroma_where(filters: Filters) -> dict[str, Any] | None:
    """The Chroma where-clause for every filter Chroma can express (location is checked afterwards)."""
    clauses: list[dict[str, Any]] = []
    if filters.kind:
        clauses.append({"kind": filters.kind})
    if any(getattr(filters, name) not in (None, ()) for name in POSTING_ONLY):
        clauses.append({"kind": "posting"})
    if filters.role_family:
        clauses.append({"role_families": {"$contains": filters.role_family}})
    if filters.seniority:
        clauses.append({"seniority": filters.seniority})
    if filters.remote:
        clauses.append({"remote": filters.remote})
    if filters.min_salary is not None:
        clauses.append({"salary_max": {"$gte": filters.min_salary}})
    if filters.posted_after:
        clauses.append({"posted_int": {"$gte": int(filters.posted_after.replace("-", ""))}})
    if filters.skills:
        options = [{"skills": {"$contains": s}} for s in filters.skills]
        clauses.append(options[0] if len(options) == 1 else {"$or": options})
    unique = [c for i, c in enumerate(clauses) if c not in clauses[:i]]
    if not unique:
        return None
    return unique[0] if len(unique) == 1 else {"$and": unique}


def matches(filters: Filters, meta: dict[str, Any]) -> bool:
    """The same filters as a Python predicate over one chunk's metadata."""
    is_posting = meta.get("kind") == "posting"
    if filters.kind and meta.get("kind") != filters.kind:
        return False
    if any(getattr(filters, name) not in (None, ()) for name in POSTING_ONLY) and not is_posting:
        return False
    if filters.role_family and filters.role_family not in (meta.get("role_families") or []):
        return False
    if filters.seniority and meta.get("seniority") != filters.seniority:
        return False
    if filters.remote and meta.get("remote") != filters.remote:
        return False
    if filters.location and filters.location not in str(meta.get("location", "")).lower():
        return False
    if filters.min_salary is not None and (meta.get("salary_max") or 0) < filters.min_salary:
        return False
    if filters.posted_after and (meta.get("posted_int") or 0) < int(filters.posted_after.replace("-", "")):
        return False
    if filters.skills and not set(filters.skills) & set(meta.get("skills") or []):
        return False
    return True
