"""The market snapshot behind `aisec stats` and the UI's Market tab: counts, remote share, salaries, top terms."""
from __future__ import annotations

from collections import Counter
from typing import Any

from app.analytics.compute import currency_counts, dominant_currency, quartiles, top_values
from app.analytics.table import PostingRow, table_from_snapshot
from app.errors import UserError
from ingest.postings import REMOTE, SENIORITY

TOP_N = 5


def postings_of(source) -> list[PostingRow]:
    """The posting table of an Assistant (its current snapshot), a Snapshot, or Settings (the snapshot in data_dir);
    an Assistant's and the data dir's hold the corpus and the default ("user-default") uploads, no user's own."""
    from app.settings import Settings
    from app.visibility import visible_snapshot
    from ingest.snapshot import load_snapshot

    if isinstance(source, Settings):
        snapshot = load_snapshot(source.data_dir)
        if snapshot is None:
            raise UserError(f"no index found in {source.data_dir}; run `aisec ingest` first")
        return table_from_snapshot(visible_snapshot(snapshot, None))
    if hasattr(source, "retriever"):
        return table_from_snapshot(source.retriever().snapshot)
    return table_from_snapshot(source)


def market_snapshot(rows: list[PostingRow], top_n: int = TOP_N) -> dict[str, Any]:
    """JSON-ready market figures; salaries are midpoints of advertised ranges in the most common currency."""
    families = sorted({r.role_family for r in rows if r.role_family})
    currency = dominant_currency(rows)
    remote = Counter(r.remote for r in rows if r.remote)
    return {
        "postings": len(rows),
        "provenance": provenance(rows),
        "currency": currency,
        "currencies": dict(sorted(currency_counts(rows).items())),
        "seniority_levels": [s for s in SENIORITY if any(r.seniority == s for r in rows)],
        "by_role_family": {f: _seniority_counts([r for r in rows if r.role_family == f]) for f in families},
        "by_seniority": _seniority_counts(rows),
        "remote": {k: {"count": remote[k], "share": _share(remote[k], len(rows))} for k in REMOTE if remote[k]},
        "salary_by_role_family": {f: _salary([r for r in rows if r.role_family == f], currency) for f in families},
        "salary_by_seniority": {s: _salary([r for r in rows if r.seniority == s], currency) for s in SENIORITY
                                if any(r.seniority == s for r in rows)},
        "top_by_role_family": {f: {field: top_values([r for r in rows if r.role_family == f], field, top_n)[0]["items"]
                                   for field in ("skills", "clouds", "certifications")} for f in families},
        "top_overall": {field: top_values(rows, field, top_n)[0]["items"] for field in ("skills", "clouds", "certifications")} if rows else {},
    }


def provenance(rows: list[PostingRow]) -> str:
    """Whether the figures come from illustrative sample postings or real ones (with their latest fetch date)."""
    sample = sum(1 for r in rows if r.metadata.get("sample"))
    if sample:
        return (f"{sample} of the {len(rows)} postings are illustrative sample postings (fictional): "
                "figures computed from them show how the tool works, not the job market.")
    fetched = max((str(r.metadata["fetched"]) for r in rows if r.metadata.get("fetched")), default=None)
    return "All postings are real" + (f", fetched up to {fetched}." if fetched else ".")


def _seniority_counts(rows: list[PostingRow]) -> dict[str, int]:
    counts = Counter(r.seniority or "unspecified" for r in rows)
    return {"total": len(rows), **{s: counts[s] for s in (*SENIORITY, "unspecified") if counts[s]}}


def _salary(rows: list[PostingRow], currency: str | None) -> dict[str, Any]:
    """n, quartiles of range midpoints, and the lowest/highest midpoint (the whiskers of a box plot)."""
    mids = sorted(r.salary_mid for r in rows if r.salary_mid is not None and (r.currency or "?") == currency)
    if not mids:
        return {"n": 0}
    q1, median, q3 = quartiles(mids)
    return {"n": len(mids), "min": min(mids), "q1": q1, "median": median, "q3": q3, "max": max(mids)}


def _share(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None
