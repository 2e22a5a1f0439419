"""Expected numbers for analytics cases, computed from the postings files at run time.

A case's `analytics` spec names a metric over the postings that pass `where`:

    analytics: {metric: share, field: clouds, value: aws, where: {role_family: ai-security-engineer}}

- metric `share` (percent of matching postings whose `field` has `value`), `count` (postings whose
  `field` has `value`, or all matching postings without `value`), `median`/`mean`/`min`/`max` of a
  salary field (`salary_min`, `salary_max`, `salary_mid`; `where` must fix `currency`), `top` (the `n`
  most frequent values of a list field; ties for the last place are all accepted).
- `where`: role_family, seniority, remote, employment_type, currency, company (equal, or any of a
  list); skills, clouds, certifications (any of); location (substring); posted_after, posted_before
  (ISO dates, inclusive); year (posted year); pay_above (the range's top, salary_max, is at least it).
- `tolerance`: absolute; defaults 1 percentage point for shares, 0 for counts, 1% for salaries.
- `denominator`: also expect the number of postings counted (default true for share).
Closed postings (`status: closed`) are left out.
"""
from __future__ import annotations

import json
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

from evals.textmatch import Fact, Number

METRICS = ("share", "count", "median", "mean", "min", "max", "top")
LIST_FIELDS = ("skills", "clouds", "certifications")
SCALAR_FIELDS = ("role_family", "seniority", "remote", "employment_type", "currency", "company")
SALARY_FIELDS = ("salary_min", "salary_max", "salary_mid")
WHERE_FIELDS = SCALAR_FIELDS + LIST_FIELDS + ("location", "posted_after", "posted_before", "year", "pay_above")
SPEC_FIELDS = {"metric", "field", "value", "where", "n", "tolerance", "denominator"}


def validate_spec(spec: Any) -> None:
    """Raise ValueError describing what is wrong with an analytics spec."""
    if not isinstance(spec, dict):
        raise ValueError("analytics must be a mapping like {metric: share, field: clouds, value: aws}")
    unknown = set(spec) - SPEC_FIELDS
    if unknown:
        raise ValueError(f"analytics: unknown key(s) {sorted(unknown)}; allowed: {', '.join(sorted(SPEC_FIELDS))}")
    metric, field_name = spec.get("metric"), spec.get("field")
    if metric not in METRICS:
        raise ValueError(f"analytics.metric must be one of {', '.join(METRICS)}")
    where = spec.get("where") or {}
    if not isinstance(where, dict) or set(where) - set(WHERE_FIELDS):
        raise ValueError(f"analytics.where keys must be among {', '.join(WHERE_FIELDS)}")
    if metric == "share" and (field_name not in LIST_FIELDS + SCALAR_FIELDS or "value" not in spec):
        raise ValueError("analytics share needs `field` (a posting field) and `value`")
    if metric == "count" and "value" in spec and field_name not in LIST_FIELDS + SCALAR_FIELDS:
        raise ValueError("analytics count with a value needs `field` (a posting field)")
    if metric in ("median", "mean", "min", "max"):
        if field_name not in SALARY_FIELDS:
            raise ValueError(f"analytics {metric} needs field {' or '.join(SALARY_FIELDS)}")
        if "currency" not in where:
            raise ValueError(f"analytics {metric} of salaries needs where.currency (salaries are not converted)")
    if metric == "top" and field_name not in LIST_FIELDS:
        raise ValueError(f"analytics top needs a list field: {', '.join(LIST_FIELDS)}")


def load_postings(corpus_dir: Path) -> list[dict[str, Any]]:
    """Every open posting in corpus_dir/postings/**/*.jsonl, read directly (not through the index)."""
    postings = []
    for path in sorted((corpus_dir / "postings").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and str(record.get("status", "open")).lower() != "closed":
                postings.append(record)
    return postings


def resolve(spec: dict[str, Any], postings: list[dict[str, Any]]) -> tuple[tuple[Fact, ...], dict[str, Any]]:
    """The expected facts for `spec` over `postings`, and a summary of what was computed."""
    validate_spec(spec)
    metric, field_name = spec["metric"], spec.get("field")
    rows = [p for p in postings if matches(p, spec.get("where") or {})]
    summary: dict[str, Any] = {"metric": metric, "field": field_name, "denominator": len(rows)}
    if not rows:
        raise ValueError(f"analytics spec {spec} matches no posting")
    facts: list[Fact] = []
    if metric in ("share", "count"):
        hits = [p for p in rows if "value" not in spec or _has(p, field_name, spec["value"])]
        value = 100 * len(hits) / len(rows) if metric == "share" else len(hits)
        facts.append(Fact((Number(value, float(spec.get("tolerance", 1.0 if metric == "share" else 0.0))),)))
        summary.update(value=value, numerator=len(hits))
    elif metric == "top":
        counts = Counter(str(v).lower() for p in rows for v in p.get(field_name) or [])
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: int(spec.get("n", 3))]
        for i, (name, count) in enumerate(ranked):
            tied = [v for v, c in counts.items() if c == count] if i == len(ranked) - 1 else [name]
            facts.append(Fact(tuple(sorted(tied))))
        summary.update(value=ranked)
    else:
        values = [_salary(p, field_name) for p in rows]
        values = [v for v in values if v is not None]
        if not values:
            raise ValueError(f"analytics spec {spec} matches no posting with a salary")
        value = {"median": statistics.median, "mean": statistics.fmean, "min": min, "max": max}[metric](values)
        facts.append(Fact((Number(float(value), float(spec.get("tolerance", 0.01 * value))),)))
        summary.update(value=value, denominator=len(values))
    if spec.get("denominator", metric == "share"):
        facts.append(Fact((Number(float(summary["denominator"])),)))
    return tuple(facts), summary


def matches(posting: dict[str, Any], where: dict[str, Any]) -> bool:
    for key, wanted in where.items():
        options = [str(w).lower() for w in (wanted if isinstance(wanted, list) else [wanted])]
        if key in SCALAR_FIELDS and str(posting.get(key, "")).lower() not in options:
            return False
        if key in LIST_FIELDS and not {str(v).lower() for v in posting.get(key) or []} & set(options):
            return False
        if key == "location" and not any(o in str(posting.get("location", "")).lower() for o in options):
            return False
        posted = str(posting.get("posted", ""))
        if key == "posted_after" and not (posted and posted >= str(wanted)):
            return False
        if key == "posted_before" and not (posted and posted <= str(wanted)):
            return False
        if key == "year" and posted[:4] not in options:
            return False
        if key == "pay_above" and not (isinstance(posting.get("salary_max"), (int, float)) and posting["salary_max"] >= float(wanted)):
            return False
    return True


def _has(posting: dict[str, Any], field_name: str, value: Any) -> bool:
    if field_name in LIST_FIELDS:
        return str(value).lower() in {str(v).lower() for v in posting.get(field_name) or []}
    return str(posting.get(field_name, "")).lower() == str(value).lower()


def _salary(posting: dict[str, Any], field_name: str) -> float | None:
    low, high = posting.get("salary_min"), posting.get("salary_max")
    if field_name == "salary_mid":
        return (low + high) / 2 if isinstance(low, (int, float)) and isinstance(high, (int, float)) else None
    value = posting.get(field_name)
    return float(value) if isinstance(value, (int, float)) else None

