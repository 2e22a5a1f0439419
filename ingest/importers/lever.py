"""Lever Postings API: GET /v0/postings/{company}?mode=json&skip=N&limit=M, page by page -> Listings."""
from __future__ import annotations

import html
from urllib.parse import quote

from ingest.importers.http import FetchError, PoliteClient
from ingest.importers.listing import Listing, company_from_token, jobs_in, required
from ingest.importers.normalize import iso_date
from ingest.importers.salary import annual_salary

SOURCE = "lever"
DEFAULT_BASE = "https://api.lever.co"
PAGE_SIZE = 100
MAX_PAGES = 200


def fetch_jobs(client: PoliteClient, base: str, company: str, page_size: int = PAGE_SIZE) -> list[dict]:
    """All published postings, following skip/limit until a short page (or a page with nothing new)."""
    url = f"{base.rstrip('/')}/v0/postings/{quote(company, safe='')}"
    jobs: list[dict] = []
    seen: set[str] = set()
    for page in range(MAX_PAGES):
        batch = jobs_in(client.get_json(url, params={"mode": "json", "skip": page * page_size, "limit": page_size}), None, "Lever")
        fresh = [j for j in batch if str(j.get("id")) not in seen]
        seen.update(str(j.get("id")) for j in fresh)
        jobs.extend(fresh)
        if len(batch) < page_size or not fresh:
            return jobs
    raise FetchError(f"Lever kept returning full pages after {MAX_PAGES * page_size} postings; stopped")


def to_listing(job: dict, company: str) -> Listing:
    """One Lever posting: description plus its lists (requirements, benefits) and closing text."""
    required(job, "id", "text")
    categories = job.get("categories") if isinstance(job.get("categories"), dict) else {}
    locations = [str(loc) for loc in categories.get("allLocations") or [] if loc]
    salary = job.get("salaryRange") if isinstance(job.get("salaryRange"), dict) else {}
    return Listing(
        source=SOURCE,
        board=company,
        source_id=str(job["id"]),
        title=str(job["text"]),
        company=company_from_token(company),
        description_html=_html(job),
        description_text=_plain(job),
        department=", ".join(str(categories[k]) for k in ("department", "team") if categories.get(k)),
        location=" / ".join(locations) if len(locations) > 1 else str(categories.get("location") or ""),
        workplace=str(job.get("workplaceType") or ""),
        employment_type=str(categories.get("commitment") or ""),
        posted=iso_date(job.get("createdAt")),
        url=str(job.get("hostedUrl") or ""),
        salary=annual_salary(salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("interval")) if salary else None,
    )


def _html(job: dict) -> str:
    parts = [str(job.get("description") or "")]
    for item in job.get("lists") or []:
        if isinstance(item, dict) and item.get("content"):
            parts.append(f"<h3>{html.escape(str(item.get('text') or ''))}</h3><ul>{item['content']}</ul>")
    parts.append(str(job.get("additional") or ""))
    return "\n".join(p for p in parts if p.strip()) if parts[0].strip() else ""


def _plain(job: dict) -> str:
    return "\n\n".join(str(job.get(k) or "") for k in ("descriptionPlain", "additionalPlain") if job.get(k))
