"""The three importers against recorded API responses on a local server: normalise, filter, page, fail per board."""
from __future__ import annotations

import json
import re

import pytest

from ingest.importers import lever
from ingest.importers.boards import DEFAULT_MATCH, Board, fetch_postings, parse_boards
from ingest.postings import parse_posting

TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[^>]*>")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)


@pytest.fixture
def fetch(board_server, client, vocabulary, tmp_path):
    """fetch_postings against the local server, writing into tmp_path/live."""

    def run(boards: dict[str, str], match: str = DEFAULT_MATCH, on_missing: str = "close"):
        parsed = parse_boards({source: (tokens, board_server.base_url) for source, tokens in boards.items()})
        return fetch_postings(parsed, client, vocabulary, tmp_path / "live", match=re.compile(match, re.IGNORECASE), on_missing=on_missing)

    return run


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_greenhouse_board_becomes_valid_postings(board_server, fetch, vocabulary, tmp_path):
    board_server.greenhouse("nimbuslattice")
    [result] = fetch({"greenhouse": "nimbuslattice"})
    assert result.ok and (result.kept, result.total) == (3, 5)
    assert board_server.requests == [("/v1/boards/nimbuslattice/jobs", {"content": ["true"]})]
    records = read_jsonl(tmp_path / "live" / "greenhouse-nimbuslattice.jsonl")
    assert [r["id"] for r in records] == ["greenhouse-nimbuslattice-4012001", "greenhouse-nimbuslattice-4012002",
                                          "greenhouse-nimbuslattice-4012004"]
    for record in records:
        assert parse_posting(record, vocabulary)
        assert record["sample"] is False and record["status"] == "open"
        assert not TAG.search(record["description"]) and not ENTITY.search(record["description"])
    senior, staff, head = records
    assert senior["url"] == "https://boards.greenhouse.io/nimbuslattice/jobs/4012001"
    assert (senior["company"], senior["remote"], senior["seniority"], senior["role_family"]) == (
        "Nimbus Lattice", "hybrid", "senior", "ai-security-engineer")
    assert (senior["salary_min"], senior["salary_max"], senior["currency"]) == (185000, 230000, "USD")
    assert senior["posted"] == "2025-04-21" and senior["employment_type"] == "full-time"
    assert {"prompt-injection", "threat-modeling", "kubernetes", "owasp-llm-top-10"} <= set(senior["skills"])
    assert senior["clouds"] == ["aws", "gcp"] and senior["certifications"] == ["CISSP", "OSCP"]
    assert "## What you’ll do" in senior["description"] and "trackApplyClick" not in senior["description"]
    assert (staff["salary_min"], staff["salary_max"], staff["currency"]) == (None, None, None)  # no salary published
    assert (staff["remote"], staff["role_family"], staff["seniority"]) == ("remote", "mlsecops", "lead")
    assert (head["currency"], head["remote"], head["posted"]) == ("GBP", "onsite", "2025-03-12")  # posted from updated_at


def test_lever_pages_through_skip_and_limit(board_server, client):
    board_server.lever("quillforge")
    jobs = lever.fetch_jobs(client, board_server.base_url, "quillforge", page_size=2)
    assert len(jobs) == 5 and len({j["id"] for j in jobs}) == 5
    pages = [(q["skip"], q["limit"], q["mode"]) for _, q in board_server.requests]
    assert pages == [(["0"], ["2"], ["json"]), (["2"], ["2"], ["json"]), (["4"], ["2"], ["json"])]


def test_lever_paging_stops_when_the_server_ignores_skip(board_server, client, recorded_response):
    board_server.lever("loopy", (200, recorded_response("lever_quillforge.json")[:2], {}))
    jobs = lever.fetch_jobs(client, board_server.base_url, "loopy", page_size=2)
    assert len(jobs) == 2 and board_server.hits("/v0/postings/loopy") == 2


def test_lever_postings_keep_lists_yearly_salary_and_workplace(board_server, fetch, tmp_path):
    board_server.lever("quillforge")
    [result] = fetch({"lever": "quillforge"})
    assert result.ok and (result.kept, result.total) == (4, 5)
    by_title = {r["title"]: r for r in read_jsonl(tmp_path / "live" / "lever-quillforge.jsonl")}
    lead = by_title["AI Red Team Lead"]
    assert (lead["salary_min"], lead["salary_max"], lead["currency"]) == (190000, 240000, "USD")
    assert (lead["remote"], lead["seniority"], lead["role_family"], lead["posted"]) == ("remote", "lead", "ai-red-team", "2025-02-01")
    assert "### What you bring" in lead["description"] and "- Python and PyTorch" in lead["description"]
    assert lead["url"] == "https://jobs.lever.co/quillforge/5b1e2c44-0a6d-4c8e-9a51-1f2e3d4c5b01"
    assert lead["certifications"] == ["OSCP", "GIAC GPEN"]
    hourly = by_title["Product Security Engineer"]
    assert hourly["salary_min"] is None and hourly["employment_type"] == "contract" and hourly["remote"] == "hybrid"
    assert "secure code review & threat modeling" not in hourly["description"]  # entities decoded in the right place:
    assert "web app & APIs" in hourly["description"]
    assert by_title["Security Analyst, SOC"]["role_family"] == "security-analyst"
    assert by_title["Senior Red Team Operator"]["role_family"] is None  # no AI in the title: not guessed


def test_ashby_salary_only_when_yearly(board_server, fetch, tmp_path):
    board_server.ashby("verdantgrid")
    [result] = fetch({"ashby": "verdantgrid"})
    assert result.ok and (result.kept, result.total) == (3, 4)
    by_title = {r["title"]: r for r in read_jsonl(tmp_path / "live" / "ashby-verdantgrid.jsonl")}
    analyst = by_title["AI Governance Analyst"]
    assert (analyst["salary_min"], analyst["salary_max"], analyst["currency"]) == (70000, 90000, "EUR")
    assert analyst["remote"] == "remote" and analyst["location"] == "Berlin, Germany / Amsterdam, Netherlands"
    assert analyst["url"] == "https://jobs.ashbyhq.com/verdantgrid/9d0b7f6e-5a4c-4b3a-8e2d-1c0b9a8f7e61"
    hourly = by_title["Machine Learning Security Engineer"]
    assert hourly["salary_min"] is None and hourly["remote"] == "onsite" and hourly["clouds"] == ["gcp"]
    director = by_title["Director of Security"]
    assert director["salary_min"] is None and director["role_family"] == "security-leadership"
    assert board_server.requests[0][1] == {"includeCompensation": ["true"]}


def test_match_filters_on_title_or_department(board_server, fetch, tmp_path):
    board_server.greenhouse("nimbuslattice")
    board_server.ashby("verdantgrid")
    results = fetch({"greenhouse": "nimbuslattice", "ashby": "verdantgrid"}, match="governance")
    assert [(r.kept, r.total) for r in results] == [(1, 5), (1, 4)]
    results = fetch({"greenhouse": "nimbuslattice"}, match="sales")  # department "Sales", title "Account Executive"
    assert read_jsonl(tmp_path / "live" / "greenhouse-nimbuslattice.jsonl")[-1]["title"] == "Enterprise Account Executive"


def test_a_failing_board_is_reported_and_the_others_continue(board_server, fetch, tmp_path, sleeps):
    board_server.greenhouse("brokenco", (500, "Internal Server Error", {}))
    board_server.lever("quillforge")
    board_server.ashby("verdantgrid")
    broken, lever_result, ashby_result = fetch({"greenhouse": "brokenco", "lever": "quillforge", "ashby": "verdantgrid"})
    assert not broken.ok and board_server.hits("/v1/boards/brokenco/jobs") == 4
    assert broken.summary_line().startswith("greenhouse brokenco: error: HTTP 500 from http://127.0.0.1:")
    assert broken.summary_line().endswith("(gave up after 4 attempts)")
    assert lever_result.summary_line().startswith("lever quillforge: ok: 4 kept of 5")
    assert ashby_result.ok and ashby_result.kept == 3
    assert not (tmp_path / "live" / "greenhouse-brokenco.jsonl").exists()


def test_a_board_rate_limited_once_recovers_after_retry_after(board_server, fetch, sleeps, recorded_response):
    board_server.ashby("verdantgrid", (429, {"error": "rate limited"}, {"Retry-After": "2"}),
                       (200, recorded_response("ashby_verdantgrid.json"), {}))
    [result] = fetch({"ashby": "verdantgrid"})
    assert result.ok and result.kept == 3 and 2.0 in sleeps.waits


@pytest.mark.parametrize("source, token, body, message", [
    ("greenhouse", "garbled", b'{"jobs": [', "is not valid JSON"),
    ("greenhouse", "wrongshape", {"postings": []}, "expected an object with a 'jobs' list, got an object with keys ['postings']"),
    ("lever", "wrongshape", {"ok": True, "data": []}, "unexpected response from the Lever API: expected a list of postings"),
    ("ashby", "wrongshape", ["not", "an", "object"], "expected an object with a 'jobs' list, got list"),
    ("ashby", "jobsnotalist", {"jobs": "none"}, "expected an object with a 'jobs' list"),
    ("lever", "strays", [{"id": "1", "text": "Security Engineer"}, "oops"], "1 of 2 jobs are not objects"),
])
def test_malformed_responses_give_a_clear_error(board_server, fetch, source, token, body, message):
    getattr(board_server, source)(token, (200, body, {}))
    [result] = fetch({source: token})
    assert not result.ok and message in result.error
    assert board_server.hits(board_server.requests[0][0]) == 1  # not retried


def test_a_job_without_a_title_or_description_is_skipped_not_fatal(board_server, fetch, recorded_response):
    data = recorded_response("greenhouse_nimbuslattice.json")
    data["jobs"][0]["title"] = ""
    data["jobs"][1]["content"] = ""
    board_server.greenhouse("nimbuslattice", (200, data, {}))
    [result] = fetch({"greenhouse": "nimbuslattice"}, match=".")
    assert result.ok and result.kept == 3 and len(result.invalid) == 2
    assert "job 4012001 has no title" in result.invalid[0]
    assert "greenhouse-nimbuslattice-4012002: missing required field(s): description" in result.invalid[1]
    assert "(2 invalid)" in result.summary_line()


def test_board_tokens_are_checked_before_any_request():
    with pytest.raises(ValueError, match="public slug"):
        parse_boards({"greenhouse": ("acme,https://boards.greenhouse.io/acme", "http://x")})
    assert parse_boards({"lever": (" a , b ,", "http://x"), "ashby": (None, "http://y")}) == [
        Board("lever", "a", "http://x"), Board("lever", "b", "http://x")]
