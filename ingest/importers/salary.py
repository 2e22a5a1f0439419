"""Annual salary ranges: from an API's structured pay fields, or from a range written in the description."""
from __future__ import annotations

import re

from ingest.importers.listing import Salary

SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR"}
CODES = ("USD", "GBP", "EUR", "CAD", "AUD", "CHF", "SGD", "INR", "NZD", "SEK", "NOK", "DKK", "PLN", "JPY")
_AMOUNT = r"\d{1,3}(?:[,.\u202f\u00a0]\d{3})+|\d+(?:\.\d+)?"
_CODE = "|".join(CODES)
RANGE = re.compile(
    rf"(?P<pre>(?:[A-Z]{{1,2}})?[$£€]|\b(?:{_CODE})\s?)(?P<lo>{_AMOUNT})\s?(?P<k1>[kK])?"
    rf"\s*(?:-|–|—|to)\s*(?:(?:[A-Z]{{1,2}})?[$£€]|\b(?:{_CODE})\s?)?(?P<hi>{_AMOUNT})\s?(?P<k2>[kK])?\b\s*(?P<post>{_CODE})?"
)
NOT_ANNUAL = re.compile(r"^\W{0,3}(?:\w+\s){0,3}?(?:per|an|a|/)\s*(?:hour|hr|month|mo|week|wk|day)\b|^\W{0,3}hourly|^\W{0,3}monthly", re.IGNORECASE)
ANNUAL_RANGE = (10_000, 5_000_000)


def annual_salary(low, high, currency: str | None, interval: str | None) -> Salary | None:
    """A structured range, kept only when its interval is yearly and the numbers are sane."""
    if interval is not None and not re.search(r"year|annual|yr", str(interval), re.IGNORECASE):
        return None
    return checked_salary(low, high, currency)


def checked_salary(low, high, currency: str | None) -> Salary | None:
    """Whole numbers, low <= high, plausible as annual pay; else None."""
    try:
        lo, hi = int(round(float(low))), int(round(float(high if high is not None else low)))
    except (TypeError, ValueError):
        return None
    if lo > hi or lo < ANNUAL_RANGE[0] or hi > ANNUAL_RANGE[1]:
        return None
    code = (currency or "").strip().upper() or None
    return Salary(lo, hi, code if code and re.fullmatch(r"[A-Z]{3}", code) else None)


def salary_from_text(text: str) -> Salary | None:
    """The first annual-looking range written like `$180,000 – $220,000 USD` or `£90k-£110k`; hourly/monthly ranges are ignored."""
    for match in RANGE.finditer(text):
        if NOT_ANNUAL.search(text[match.end() : match.end() + 40]):
            continue
        scale = 1000 if (match["k1"] or match["k2"]) else 1
        lo, hi = _amount(match["lo"]) * scale, _amount(match["hi"]) * scale
        salary = checked_salary(lo, hi, match["post"] or _currency(match["pre"]))
        if salary:
            return salary
    return None


def _amount(text: str) -> float:
    digits = re.sub(r"[,.\u202f\u00a0](?=\d{3}\b)", "", text)
    return float(digits)


def _currency(prefix: str) -> str | None:
    prefix = prefix.strip()
    if prefix in CODES:
        return prefix
    symbol, country = prefix[-1], prefix[:-1]
    if symbol == "$" and country in {"C", "CA"}:
        return "CAD"
    if symbol == "$" and country in {"A", "AU"}:
        return "AUD"
    return SYMBOLS.get(symbol)
