"""What every job-board importer extracts from its API, before normalisation into the posting schema."""
from __future__ import annotations

import re
from dataclasses import dataclass

BOARD_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@dataclass(frozen=True)
class Salary:
    """An annual pay range as published."""

    min: int
    max: int
    currency: str | None = None


@dataclass(frozen=True)
class Listing:
    """One job as a board publishes it, in a source-neutral shape."""

    source: str  # greenhouse | lever | ashby
    board: str
    source_id: str
    title: str
    company: str
    description_html: str = ""
    description_text: str = ""
    department: str = ""
    location: str = ""
    workplace: str = ""  # the board's own remote/hybrid/on-site wording, if any
    employment_type: str = ""
    posted: str | None = None  # ISO date
    url: str = ""
    salary: Salary | None = None

    @property
    def posting_id(self) -> str:
        """Stable across fetches: `<source>-<board>-<their id>`."""
        return f"{self.source}-{self.board}-{self.source_id}"


def check_board_token(token: str) -> str:
    """A board token is the public slug in the board's URL, e.g. `acme` in boards.greenhouse.io/acme."""
    if not BOARD_TOKEN.match(token):
        raise ValueError(f"{token!r} is not a board token; use the public slug from the board URL (letters, digits, . _ -)")
    return token


def company_from_token(token: str) -> str:
    """A readable company name from a slug when the API gives none: `acme-robotics` -> `Acme Robotics`."""
    words = re.split(r"[-_.]+", token)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or token


def jobs_in(data: object, key: str | None, api: str) -> list[dict]:
    """The list of job objects in a response, or a clear error naming what was expected."""
    from ingest.importers.http import FetchError

    jobs = (data.get(key) if isinstance(data, dict) else None) if key else data
    if not isinstance(jobs, list):
        expected = f"an object with a {key!r} list" if key else "a list of postings"
        got = f"an object with keys {sorted(data)[:5]}" if isinstance(data, dict) else type(data).__name__
        raise FetchError(f"unexpected response from the {api} API: expected {expected}, got {got}")
    strays = sum(1 for job in jobs if not isinstance(job, dict))
    if strays:
        raise FetchError(f"unexpected response from the {api} API: {strays} of {len(jobs)} jobs are not objects")
    return jobs


def required(job: dict, *fields: str) -> None:
    """Raise ValueError when a job lacks a field every posting needs."""
    missing = [f for f in fields if job.get(f) in (None, "")]
    if missing:
        raise ValueError(f"job {job.get('id', '?')} has no {', '.join(missing)}")
