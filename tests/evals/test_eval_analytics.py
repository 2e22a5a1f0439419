"""Analytics specs: expected numbers computed by hand from a tiny postings file."""
from __future__ import annotations

import json

import pytest

from evals.analytics import load_postings, resolve, validate_spec
from evals.textmatch import Number

POSTINGS = [
    {"id": "p1", "role_family": "ai-security-engineer", "seniority": "senior", "clouds": ["aws"], "skills": ["python", "kubernetes"],
     "salary_min": 100000, "salary_max": 140000, "currency": "USD", "posted": "2025-01-10", "location": "Austin, TX, USA"},
    {"id": "p2", "role_family": "ai-security-engineer", "seniority": "mid", "clouds": ["azure"], "skills": ["python"],
     "salary_min": 90000, "salary_max": 110000, "currency": "USD", "posted": "2024-05-01", "location": "Remote (US)"},
    {"id": "p3", "role_family": "ai-security-engineer", "seniority": "senior", "clouds": ["aws", "gcp"], "skills": ["kubernetes"],
     "salary_min": 150000, "salary_max": 170000, "currency": "USD", "posted": "2025-03-01", "location": "London, UK"},
    {"id": "p4", "role_family": "mlsecops", "seniority": "mid", "clouds": ["aws"], "skills": ["terraform"],
     "salary_min": 80000, "salary_max": 100000, "currency": "EUR", "posted": "2025-02-02", "location": "Berlin, Germany"},
    {"id": "p5", "role_family": "ai-security-engineer", "clouds": ["aws"], "status": "closed", "posted": "2025-02-02"},
]


@pytest.fixture
def postings(tmp_path):
    folder = tmp_path / "postings" / "nested"
    folder.mkdir(parents=True)
    (folder / "a.jsonl").write_text("\n".join(json.dumps(p) for p in POSTINGS) + "\nnot json\n", encoding="utf-8")
    return load_postings(tmp_path)


def numbers(facts):
    return [a.value for f in facts for a in f.alternatives if isinstance(a, Number)]


def test_closed_and_broken_rows_are_left_out(postings):
    assert [p["id"] for p in postings] == ["p1", "p2", "p3", "p4"]


def test_share_with_denominator(postings):
    facts, summary = resolve({"metric": "share", "field": "clouds", "value": "AWS",
                              "where": {"role_family": "ai-security-engineer"}}, postings)
    assert numbers(facts) == pytest.approx([200 / 3, 3])
    assert facts[0].alternatives[0].tolerance == 1.0 and summary["numerator"] == 2


def test_count_with_year_and_list_filters(postings):
    facts, _ = resolve({"metric": "count", "where": {"role_family": "ai-security-engineer", "year": 2025}}, postings)
    assert numbers(facts) == [2]
    facts, _ = resolve({"metric": "count", "where": {"skills": ["terraform", "kubernetes"], "location": "uk"}}, postings)
    assert numbers(facts) == [1]


def test_salary_median_of_midpoints_in_one_currency(postings):
    facts, summary = resolve({"metric": "median", "field": "salary_mid",
                              "where": {"role_family": "ai-security-engineer", "currency": "USD"}}, postings)
    assert numbers(facts) == [120000]  # midpoints 120k, 100k, 160k
    assert facts[0].alternatives[0].tolerance == pytest.approx(1200)  # 1% by default
    facts, _ = resolve({"metric": "max", "field": "salary_max", "where": {"currency": "EUR"}, "denominator": True}, postings)
    assert numbers(facts) == [100000, 1]


def test_top_accepts_every_value_tied_for_the_last_place(postings):
    facts, summary = resolve({"metric": "top", "field": "skills", "n": 1, "where": {"role_family": "ai-security-engineer"}}, postings)
    assert [f.alternatives for f in facts] == [("kubernetes", "python")]


def test_posted_window(postings):
    facts, _ = resolve({"metric": "count", "where": {"posted_after": "2025-01-01", "posted_before": "2025-02-28"}}, postings)
    assert numbers(facts) == [2]  # p1 and p4


@pytest.mark.parametrize("spec", [
    {"metric": "median", "field": "salary_mid"},  # no currency
    {"metric": "share", "field": "clouds"},  # no value
    {"metric": "top", "field": "seniority"},  # not a list field
    {"metric": "share", "field": "clouds", "value": "aws", "where": {"colour": "red"}},
    {"metric": "mode", "field": "clouds"},
    {"metric": "count", "extra": 1},
    "share of aws",
])
def test_invalid_specs_are_rejected(spec):
    with pytest.raises(ValueError):
        validate_spec(spec)


def test_a_spec_matching_nothing_is_an_error(postings):
    with pytest.raises(ValueError, match="matches no posting"):
        resolve({"metric": "count", "where": {"role_family": "ai-red-team"}}, postings)
