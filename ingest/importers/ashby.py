"""Ashby Job Postings API: GET /posting-api/job-board/{org}?includeCompensation=true -> Listings."""
from __future__ import annotations

from urllib.parse import quote

from ingest.importers.http import PoliteClient
from ingest.importers.listing import Listing, Salary, company_from_token, jobs_in, required
from ingest.importers.normalize import iso_date
from ingest.importers.salary import annual_salary

SOURCE = "ashby"
DEFAULT_BASE = "https://api.ashbyhq.com"


def fetch_jobs(client: PoliteClient, base: str, org: str) -> list[dict]:
    """Every listed job on the board (one request; the API does not page)."""
    data = client.get_json(f"{base.rstrip('/')}/posting-api/job-board/{quote(org, safe='')}", params={"includeCompensation": "true"})
    return [job for job in jobs_in(data, "jobs", "Ashby") if job.get("isListed", True) is not False]


def to_listing(job: dict, org: str) -> Listing:
    """One Ashby job; the id falls back to the last segment of its job URL."""
    source_id = job.get("id") or str(job.get("jobUrl") or "").rstrip("/").rsplit("/", 1)[-1]
    required({**job, "id": source_id}, "id", "title")
    secondary = [s.get("location") for s in job.get("secondaryLocations") or [] if isinstance(s, dict) and s.get("location")]
    workplace = str(job.get("workplaceType") or "") or ("remote" if job.get("isRemote") is True else "")
    return Listing(
        source=SOURCE,
        board=org,
        source_id=str(source_id),
        title=str(job["title"]),
        company=company_from_token(org),
        description_html=str(job.get("descriptionHtml") or ""),
        description_text=str(job.get("descriptionPlain") or ""),
        department=", ".join(str(job[k]) for k in ("department", "team") if job.get(k)),
        location=" / ".join([str(job.get("location") or ""), *map(str, secondary)]).strip(" /"),
        workplace=workplace,
        employment_type=str(job.get("employmentType") or ""),
        posted=iso_date(job.get("publishedAt")),
        url=str(job.get("jobUrl") or job.get("applyUrl") or ""),
        salary=_salary(job.get("compensation")),
    )


def _salary(compensation) -> Salary | None:
    """The yearly Salary component of the summary (or of the first tier that has one)."""
    if not isinstance(compensation, dict):
        return None
    components = list(compensation.get("summaryComponents") or [])
    for tier in compensation.get("compensationTiers") or []:
        if isinstance(tier, dict):
            components.extend(tier.get("components") or [])
    for part in components:
        if isinstance(part, dict) and str(part.get("compensationType", "")).lower() == "salary":
            salary = annual_salary(part.get("minValue"), part.get("maxValue"), part.get("currencyCode"), part.get("interval") or "")
            if salary:
                return salary
    return None
