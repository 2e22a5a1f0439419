"""The job-posting schema: parse and validate a raw record, and turn it into a Document."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass
from typing import Any

from ingest.models import Document
from ingest.vocabulary import Vocabulary

REMOTE = ("onsite", "hybrid", "remote")
SENIORITY = ("entry", "mid", "senior", "lead", "executive")
REQUIRED = ("id", "title", "company", "description")
LIST_SPLIT = re.compile(r"\s*[;|,]\s*")


@dataclass(frozen=True)
class Posting:
    """A validated job posting."""

    id: str
    title: str
    company: str
    description: str
    location: str = ""
    remote: str | None = None
    seniority: str | None = None
    role_family: str | None = None
    employment_type: str | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    currency: str | None = None
    posted: str | None = None
    skills: tuple[str, ...] = ()
    clouds: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    url: str | None = None
    sample: bool = False
    status: str = "open"


def parse_posting(record: dict[str, Any], vocabulary: Vocabulary) -> Posting:
    """Validate one raw record; raise ValueError naming the first problem."""
    if not isinstance(record, dict):
        raise ValueError(f"expected an object with posting fields, got {type(record).__name__}")
    missing = [f for f in REQUIRED if not _text(record.get(f))]
    if missing:
        raise ValueError(f"missing required field(s): {', '.join(missing)}")
    salary_min, salary_max = _int(record, "salary_min"), _int(record, "salary_max")
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        raise ValueError(f"salary_min {salary_min} is greater than salary_max {salary_max}")
    return Posting(
        id=_text(record["id"]),
        title=_text(record["title"]),
        company=_text(record["company"]),
        description=_text(record["description"]),
        location=_text(record.get("location")),
        remote=_enum(record, "remote", REMOTE, vocabulary),
        seniority=_enum(record, "seniority", SENIORITY, vocabulary),
        role_family=_enum(record, "role_family", vocabulary.terms("role_families"), vocabulary, "role_families"),
        employment_type=_text(record.get("employment_type")).lower() or None,
        salary_min=salary_min,
        salary_max=salary_max,
        currency=_text(record.get("currency")).upper() or None,
        posted=_date(record.get("posted")),
        skills=tuple(_skill(s, vocabulary) for s in _list(record.get("skills"))),
        clouds=tuple(_cloud(c, vocabulary) for c in _list(record.get("clouds"))),
        certifications=tuple(vocabulary.canonical("certifications", c) or c for c in _list(record.get("certifications"))),
        url=_text(record.get("url")) or None,
        sample=_bool(record.get("sample")),
        status=_text(record.get("status")).lower() or "open",
    )


def posting_to_document(posting: Posting, source: str) -> Document:
    """Render a posting as a citable document whose metadata carries its structured fields."""
    text = render_posting(posting)
    fields = {k: v for k, v in asdict(posting).items() if k != "description"}
    metadata = {k: (list(v) if isinstance(v, tuple) else v) for k, v in fields.items()}
    metadata["posting_id"] = metadata.pop("id")
    metadata["job_title"] = metadata.pop("title")  # `title` is the citation title: job title and company
    version = hashlib.sha256(text.encode("utf-8") + repr(sorted(metadata.items())).encode()).hexdigest()
    return Document(
        doc_id=f"posting:{posting.id}",
        source=source,
        title=f"{posting.title} — {posting.company}",
        kind="posting",
        text=text,
        version=version,
        metadata=metadata,
    )


def render_posting(p: Posting) -> str:
    """A readable header of the structured fields followed by the description."""
    facts = [f"Company: {p.company}."]
    if p.location or p.remote:
        facts.append(f"Location: {p.location or 'unspecified'}{f' ({p.remote})' if p.remote else ''}.")
    if p.seniority:
        facts.append(f"Seniority: {p.seniority}.")
    if p.role_family:
        facts.append(f"Role family: {p.role_family}.")
    if p.employment_type:
        facts.append(f"Employment: {p.employment_type}.")
    if p.salary_min is not None and p.salary_max is not None:
        currency = f" {p.currency}" if p.currency else ""
        facts.append(f"Salary: {p.salary_min:,}–{p.salary_max:,}{currency} per year.")
    if p.posted:
        facts.append(f"Posted: {p.posted}.")
    if p.status != "open":
        facts.append(f"Status: {p.status}.")
    if p.skills:
        facts.append(f"Skills: {', '.join(p.skills)}.")
    if p.clouds:
        facts.append(f"Clouds: {', '.join(c.upper() if c != 'azure' else 'Azure' for c in p.clouds)}.")
    if p.certifications:
        facts.append(f"Certifications: {', '.join(p.certifications)}.")
    return f"# {p.title}\n\n{' '.join(facts)}\n\n{p.description.strip()}\n"


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _int(record: dict[str, Any], field: str) -> int | None:
    value = record.get(field)
    if value is None or _text(value) == "":
        return None
    try:
        return int(float(str(value).replace(",", "").replace("_", "")))
    except ValueError:
        raise ValueError(f"{field} must be a whole number, got {str(value)[:40]!r}") from None


def _enum(record: dict[str, Any], field: str, allowed: tuple[str, ...], vocabulary: Vocabulary, vocab_field: str | None = None) -> str | None:
    value = _text(record.get(field))
    if not value:
        return None
    canonical = vocabulary.canonical(vocab_field or field, value)
    if canonical not in allowed:
        raise ValueError(f"{field} {value[:40]!r} is not one of: {', '.join(allowed)}")
    return canonical


def _date(value: Any) -> str | None:
    text = _text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ValueError(f"posted {text[:40]!r} is not an ISO date (YYYY-MM-DD)") from None


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [_text(v) for v in value if _text(v)]
    return [s for s in LIST_SPLIT.split(_text(value)) if s]


def _skill(value: str, vocabulary: Vocabulary) -> str:
    return vocabulary.canonical("skills", value) or re.sub(r"\s+", "-", value.lower())


def _cloud(value: str, vocabulary: Vocabulary) -> str:
    canonical = vocabulary.canonical("clouds", value)
    if canonical is None:
        raise ValueError(f"cloud {value[:40]!r} is not one of: aws, azure, gcp")
    return canonical


def _bool(value: Any) -> bool:
    return value is True or _text(value).lower() in {"true", "1", "yes"}
