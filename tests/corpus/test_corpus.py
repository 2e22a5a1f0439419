"""The shipped corpus: every posting matches the schema and vocabulary; every document has sourced front matter."""
from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path

import pytest
import yaml

from ingest.vocabulary import load_vocabulary

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEED = CORPUS.parent.parent / "shared" / "seeds" / "000_c8c2682576c7ba58.txt"
FIELDS = ["id", "title", "company", "location", "remote", "seniority", "role_family", "employment_type",
          "salary_min", "salary_max", "currency", "posted", "skills", "clouds", "certifications", "description", "sample"]
VOCABULARY = load_vocabulary(CORPUS / "vocabulary.yaml")


def _postings() -> list[dict]:
    rows = []
    for path in sorted((CORPUS / "postings").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def _front_matter(path: Path) -> dict:
    match = re.match(r"\A---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.DOTALL)
    assert match, f"{path.name} has no YAML front matter"
    return yaml.safe_load(match.group(1))


POSTINGS = _postings()


def test_there_are_enough_postings_per_role_family():
    counts = {family: sum(p["role_family"] == family for p in POSTINGS) for family in VOCABULARY.terms("role_families")}
    assert len(POSTINGS) >= 150
    assert min(counts.values()) >= 12, counts


@pytest.mark.parametrize("posting", POSTINGS, ids=lambda p: p.get("id", "?"))
def test_posting_matches_schema_and_vocabulary(posting):
    assert list(posting) == FIELDS
    assert posting["sample"] is True
    assert posting["remote"] in VOCABULARY.terms("remote")
    assert posting["seniority"] in VOCABULARY.terms("seniority")
    assert posting["role_family"] in VOCABULARY.terms("role_families")
    assert isinstance(posting["salary_min"], int) and isinstance(posting["salary_max"], int)
    assert 0 < posting["salary_min"] < posting["salary_max"]
    assert posting["currency"] in {"USD", "GBP", "EUR"}
    assert dt.date(2024, 1, 1) <= dt.date.fromisoformat(posting["posted"]) <= dt.date(2025, 12, 31)
    assert set(posting["skills"]) <= set(VOCABULARY.terms("skills"))
    assert set(posting["clouds"]) <= set(VOCABULARY.terms("clouds"))
    assert set(posting["certifications"]) <= set(VOCABULARY.terms("certifications"))
    assert 150 <= len(posting["description"].split()) <= 500


def test_posting_ids_are_unique():
    ids = [p["id"] for p in POSTINGS]
    assert len(ids) == len(set(ids))


def test_no_two_descriptions_are_near_duplicates():
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    sets = [(p["id"], shingles(p["description"])) for p in POSTINGS]
    worst = max(((len(a & b) / len(a | b)), x, y) for (x, a), (y, b) in itertools.combinations(sets, 2))
    assert worst[0] < 0.2, f"{worst[1]} and {worst[2]} share {worst[0]:.0%} of their 5-word shingles"


def test_entry_level_roles_are_rarer_than_senior_ones():
    by_level = {level: sum(p["seniority"] == level for p in POSTINGS) for level in VOCABULARY.terms("seniority")}
    assert by_level["entry"] < by_level["senior"] and by_level["entry"] < by_level["mid"]


@pytest.mark.parametrize("path", sorted((CORPUS / "documents").glob("*.md")), ids=lambda p: p.name)
def test_document_front_matter_names_its_sources_with_urls_and_review_date(path):
    front = _front_matter(path)
    assert isinstance(front.get("title"), str) and front["title"].strip()
    assert isinstance(front.get("sources"), list) and front["sources"]
    for source in front["sources"]:
        assert isinstance(source, dict) and str(source.get("title", "")).strip(), source
        assert front.get("source_report") or str(source.get("url", "")).startswith(("https://", "http://")), source
        assert isinstance(source.get("checked"), dt.date), source
    dt.date.fromisoformat(str(front.get("updated")))
    assert isinstance(front.get("reviewed"), dt.date) and front["reviewed"] >= dt.date(2026, 12, 6)
    assert set(front.get("role_families") or []) <= set(VOCABULARY.terms("role_families"))


def test_enough_reference_documents():
    assert len(list((CORPUS / "documents").glob("*.md"))) >= 13


@pytest.mark.skipif(not SEED.exists(), reason="shared/seeds is not beside this checkout")
def test_source_report_text_is_kept_intact():
    report = (CORPUS / "documents" / "000-source-report-job-market-2024-2025.md").read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", report, flags=re.DOTALL)
    assert body == SEED.read_text(encoding="utf-8")
