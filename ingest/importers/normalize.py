"""Turn a Listing into a posting-schema record: Markdown description, remote status, salary, vocabulary terms."""
from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from ingest.importers.listing import Listing
from ingest.importers.recognize import Recognizer
from ingest.importers.salary import salary_from_text

DROP_TAGS = ("script", "style", "noscript", "iframe", "svg", "template", "form", "button", "img")
LOOKS_ESCAPED = re.compile(r"&lt;\s*/?\s*[a-zA-Z][a-zA-Z0-9]*")
HAS_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
EMPLOYMENT = {"fulltime": "full-time", "parttime": "part-time", "contract": "contract", "contractor": "contract",
              "intern": "internship", "internship": "internship", "temporary": "temporary", "temp": "temporary",
              "freelance": "contract", "permanent": "full-time"}


def html_to_markdown(markup: str) -> str:
    """Markdown from an HTML fragment (entity-escaped HTML too): headings, lists, emphasis and links kept, tags gone."""
    from bs4 import BeautifulSoup
    from markdownify import MarkdownConverter

    if not markup or not markup.strip():
        return ""
    if LOOKS_ESCAPED.search(markup) and not HAS_TAG.search(markup):
        markup = html.unescape(markup)
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    text = MarkdownConverter(heading_style="ATX", bullets="-", escape_underscores=False).convert_soup(soup)
    return tidy(text)


def tidy(text: str) -> str:
    """Plain spaces, no trailing blanks, at most one empty line in a row."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\r\n", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def listing_to_record(listing: Listing, recognizer: Recognizer) -> dict[str, Any]:
    """A raw posting record for `parse_posting`; fields the board does not publish stay empty."""
    description = html_to_markdown(listing.description_html) or tidy(listing.description_text)
    salary = listing.salary or salary_from_text(description)
    evidence = f"{listing.title}\n\n{description}"
    return {
        "id": listing.posting_id,
        "title": listing.title.strip(),
        "company": listing.company.strip(),
        "location": listing.location.strip(),
        "remote": remote_status(listing, recognizer),
        "seniority": recognizer.seniority(listing.title),
        "role_family": recognizer.role_family(listing.title),
        "employment_type": employment_type(listing.employment_type),
        "salary_min": salary.min if salary else None,
        "salary_max": salary.max if salary else None,
        "currency": salary.currency if salary else None,
        "posted": listing.posted,
        "skills": recognizer.skills(evidence),
        "clouds": recognizer.clouds(evidence),
        "certifications": recognizer.certifications(evidence),
        "description": description,
        "url": listing.url or None,
        "sample": False,
        "status": "open",
    }


def remote_status(listing: Listing, recognizer: Recognizer) -> str | None:
    """The board's workplace type first, then what the location or title says; never guessed from the body."""
    for text in (listing.workplace, listing.location, listing.title):
        found = recognizer.remote(text.replace("OnSite", "on-site")) if text else None
        if found:
            return found
    return None


def employment_type(value: str) -> str | None:
    """`Full-time`, `FullTime`, `full_time` -> `full-time`; unknown wording is kept, lower-cased."""
    key = re.sub(r"[\s_-]+", "", value or "").lower()
    if not key:
        return None
    return EMPLOYMENT.get(key, value.strip().lower())


def iso_date(value: Any) -> str | None:
    """An ISO date from an ISO timestamp or milliseconds since the epoch; None when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date().isoformat()
    try:
        return dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        try:
            return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
        except ValueError:
            return None
