"""Places named in a question and the posting locations that are in them."""
from __future__ import annotations

import pytest

from app.analytics.places import located_in, named_place, place_label

LOCATIONS = ["London, UK", "Remote (US)", "New York, NY, USA", "Berlin, Germany", "Columbus, OH, USA"]


@pytest.mark.parametrize("location, place, inside", [
    ("London, UK", "London", True),
    ("London, UK", "UK", True),
    ("London, UK", "United Kingdom", True),
    ("Remote (US)", "US", True),
    ("New York, NY, USA", "United States", True),
    ("New York, NY, USA", "New York", True),
    ("Columbus, OH, USA", "Col", False),  # whole words only
    ("Berlin, Germany", "US", False),
    ("Houston, TX, USA", "Houston", True),
])
def test_located_in(location, place, inside):
    assert located_in(location, place) is inside


@pytest.mark.parametrize("question, place", [
    ("What do MLSecOps engineers earn in London?", "London"),
    ("How many postings are in the US?", "US"),
    ("How many roles are in New York?", "New York"),
    ("What share of jobs in Berlin mention Python?", "Berlin"),
    ("How many postings are in Tokyo?", None),  # no posting is located there
    ("What share of postings mention Python?", None),
    ("Which skills matter in AI security?", None),  # lowercase: not a place name
])
def test_named_place_is_a_capitalised_name_after_in_that_some_location_is_in(question, place):
    assert named_place(question, LOCATIONS) == place


def test_countries_read_with_an_article():
    assert (place_label("US"), place_label("UK"), place_label("London")) == ("the US", "the UK", "London")
