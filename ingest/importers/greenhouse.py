"""Greenhouse Job Board API: GET /v1/boards/{board}/jobs?content=true -> Listings."""
from __future__ import annotations

from urllib.parse import quote

from ingest.importers.http import PoliteClient
from ingest.importers.listing import Listing, Salary, company_from_token, jobs_in, required
from ingest.importers.normalize import iso_date
from ingest.importers.salary import checked_salary

SOURCE = "greenhouse"
DEFAULT_BASE = "https://boards-api.greenhouse.io"


def fetch_jobs(client: PoliteClient, base: str, board: str) -> list[dict]:
    """Every published job on the board, with its description (one request; the API does not page)."""
    data = client.get_json(f"{base.rstrip('/')}/v1/boards/{quote(board, safe='')}/jobs", params={"content": "true"})
    return jobs_in(data, "jobs", "Greenhouse")


def to_listing(job: dict, board: str) -> Listing:
    """One Greenhouse job; its `content` is entity-escaped HTML."""
    required(job, "id", "title")
    location = job.get("location")
    departments = [d.get("name") for d in job.get("departments") or [] if isinstance(d, dict) and d.get("name")]
    metadata = _metadata(job.get("metadata"))
    return Listing(
        source=SOURCE,
        board=board,
        source_id=str(job["id"]),
        title=str(job["title"]),
        company=str(job.get("company_name") or company_from_token(board)),
        description_html=str(job.get("content") or ""),
        department=", ".join(departments),
        location=str(location.get("name") or "") if isinstance(location, dict) else str(location or ""),
        workplace=next((v for k, v in metadata.items() if "workplace" in k or "remote" in k), ""),
        employment_type=next((v for k, v in metadata.items() if "employment" in k or "job type" in k), ""),
        posted=iso_date(job.get("first_published") or job.get("updated_at")),
        url=str(job.get("absolute_url") or ""),
        salary=_pay_range(job.get("pay_input_ranges")),
    )


def _metadata(items) -> dict[str, str]:
    """Custom fields as lower-cased name -> text value (only plain string values)."""
    if not isinstance(items, list):
        return {}
    return {str(m.get("name", "")).lower(): m["value"] for m in items
            if isinstance(m, dict) and isinstance(m.get("value"), str)}


def _pay_range(ranges) -> Salary | None:
    """Pay-transparency ranges (in cents), when the board includes them: the widest range in the first currency."""
    if not isinstance(ranges, list):
        return None
    ranges = [r for r in ranges if isinstance(r, dict) and r.get("min_cents") is not None and r.get("max_cents") is not None]
    if not ranges:
        return None
    currency = ranges[0].get("currency_type")
    same = [r for r in ranges if r.get("currency_type") == currency]
    try:
        return checked_salary(min(r["min_cents"] for r in same) / 100, max(r["max_cents"] for r in same) / 100, currency)
    except TypeError:
        return None
