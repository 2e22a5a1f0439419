"""Expected postings for job-search cases, selected from the postings files at run time.

A case's `postings` spec selects postings the way evals/analytics.py selects them for figures:

    postings: {where: {role_family: mlsecops, seniority: [senior, lead]}, sort: salary_max, limit: 3, page: 1}

- `where`: the keys of evals/analytics.py (location and list fields match any of a list; pay_above is the
  range's top). `sort`: posted (default, newest first) or salary_max / salary_mid (highest first);
  ties go to the newer posting, then the id. `limit`: only the first n count; otherwise a page of
  PAGE_SIZE, `page` (default 1) saying which.
Scores: list precision = expected among the postings the answer lists / listed; list recall = expected
listed / expected on the page; `count` (default true) also expects the total number selected in the text.
"""
from __future__ import annotations

from typing import Any

from evals.analytics import WHERE_FIELDS, matches
from evals.textmatch import Fact, Number

PAGE_SIZE = 10
SORTS = ("posted", "salary_max", "salary_mid")
SPEC_FIELDS = {"where", "sort", "limit", "page", "count"}


def validate_postings_spec(spec: Any) -> None:
    """Raise ValueError describing what is wrong with a postings spec."""
    if not isinstance(spec, dict) or set(spec) - SPEC_FIELDS:
        raise ValueError(f"postings must be a mapping with keys among {', '.join(sorted(SPEC_FIELDS))}")
    where = spec.get("where") or {}
    if not isinstance(where, dict) or set(where) - set(WHERE_FIELDS):
        raise ValueError(f"postings.where keys must be among {', '.join(WHERE_FIELDS)}")
    if spec.get("sort", "posted") not in SORTS:
        raise ValueError(f"postings.sort must be one of {', '.join(SORTS)}")


def expected_postings(spec: dict[str, Any], postings: list[dict[str, Any]]) -> tuple[list[str], int]:
    """The posting ids the answer should list (in order), and how many the selection holds in all."""
    validate_postings_spec(spec)
    rows = [p for p in postings if matches(p, spec.get("where") or {})]
    key = spec.get("sort", "posted")
    rows.sort(key=lambda p: str(p.get("id")))
    rows.sort(key=lambda p: str(p.get("posted") or ""), reverse=True)
    if key != "posted":
        rows.sort(key=lambda p: _pay(p, key), reverse=True)
    if spec.get("limit"):
        return [str(p["id"]) for p in rows[: int(spec["limit"])]], len(rows)
    page = int(spec.get("page", 1))
    return [str(p["id"]) for p in rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]], len(rows)


def count_fact(spec: dict[str, Any], total: int) -> tuple[Fact, ...]:
    """The total the answer should state ("7 of the 20 ..."), unless the spec turns it off or asks for top-n."""
    return () if not spec.get("count", not spec.get("limit")) or total == 0 else (Fact((Number(float(total)),)),)


def list_scores(listed: list[str], expected: list[str]) -> dict[str, float | None]:
    """List precision and recall of the postings an answer lists against the expected ones."""
    hits = len(set(listed) & set(expected))
    return {"list_precision": hits / len(listed) if listed else (1.0 if not expected else 0.0),
            "list_recall": hits / len(expected) if expected else (1.0 if not listed else 0.0)}


def _pay(posting: dict[str, Any], key: str) -> float:
    low, high = posting.get("salary_min"), posting.get("salary_max")
    value = (low + high) / 2 if key == "salary_mid" and low is not None and high is not None else posting.get(key)
    return float(value) if isinstance(value, (int, float)) else float("-inf")
