"""Places a question names that posting locations contain: "in London", "in the US", "in New York"."""
from __future__ import annotations

import re
from functools import lru_cache

# How locations write a country a question may name differently ("USA", "Remote (US)"; "London, UK").
SAME_PLACE = {"us": ("us", "usa"), "usa": ("us", "usa"), "united states": ("us", "usa"), "america": ("us", "usa"),
              "uk": ("uk",), "united kingdom": ("uk",), "britain": ("uk",), "great britain": ("uk",)}
IN_PLACE = re.compile(r"\b(?:in|within|across)\s+(?:the\s+)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)")


@lru_cache(maxsize=8192)  # few distinct locations, asked about for every posting counted
def located_in(location: str, place: str) -> bool:
    """Whether a posting's location ("London, UK", "Remote (US)") is in `place` (a city, region or country)."""
    spellings = SAME_PLACE.get(place.lower(), (place.lower(),))
    return any(re.search(rf"(?<![a-z]){re.escape(s)}(?![a-z])", location.lower()) for s in spellings)


def place_label(place: str) -> str:
    """How a place reads after "located in": "the US", "London"."""
    return f"the {place}" if place.lower() in ("us", "usa", "uk", "united states", "united kingdom") else place


def named_place(question: str, locations: list[str]) -> str | None:
    """The place after "in" that at least one posting location is in, or None."""
    for match in IN_PLACE.finditer(question):
        place = match.group(1).rstrip(".'")
        if any(located_in(location, place) for location in locations):
            return place
    return None
