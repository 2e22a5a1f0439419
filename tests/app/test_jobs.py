"""Job search over a real index (embedded Chroma in tmp_path, the real embedding model): list, rank, follow-ups, empty results."""
from __future__ import annotations

from app.analytics.table import PostingRow
from app.jobs.engine import PostingsEngine
from app.query import Query


def test_a_list_names_the_postings_with_the_count_and_cites_each(assistant):
    answer = assistant.ask("Which MLSecOps postings pay more than 150k?")
    assert answer.route == "postings" and not answer.abstained
    assert [r["posting_id"] for r in answer.rows] == ["ac-002", "ac-001", "ac-004"]  # newest first; GBP 150k reaches it too
    assert "3 of the 4 MLSecOps postings" in answer.text and "Harbor Labs" in answer.text
    assert [c.doc_id for c in answer.citations] == ["posting:ac-002", "posting:ac-001", "posting:ac-004"]
    assert "These are real postings" in answer.text  # the ask corpus's postings are not marked sample
    shown = answer.to_dict()
    assert shown["query"]["intent"] == "list" and shown["query"]["pay_above"] == 150_000
    assert answer.trace["route"] == "postings" and answer.trace["rows"] == ["ac-002", "ac-001", "ac-004"]


def test_the_best_paid_is_ranked_within_one_currency(assistant):
    answer = assistant.ask("Which AI red team job pays the most?")
    assert [r["posting_id"] for r in answer.rows] == ["ac-010"] and "in USD" in answer.text


def test_follow_ups_keep_what_the_conversation_built(assistant):
    first = "Show me senior MLSecOps roles"
    pay = assistant.ask("What do they pay?", history=[first])
    assert pay.route == "postings" and pay.query["seniority"] == ["senior"]  # one posting: its own range, no figure
    assert "senior MLSecOps" in pay.text and "215,000" in pay.text  # the one senior MLSecOps posting's range
    remote = assistant.ask("Which of them are remote?", history=[first, "What do they pay?"])
    assert [r["posting_id"] for r in remote.rows] == ["ac-002"]
    swapped = assistant.ask("What about AI governance?", history=["Which MLSecOps postings are hybrid?"])
    assert {r["posting_id"] for r in swapped.rows} == {"ac-005"}


def test_an_empty_result_names_the_constraint_and_the_nearest_relaxation(assistant):
    answer = assistant.ask("Which of them are in Toronto?", history=["Show me MLSecOps jobs"])
    assert answer.abstained and answer.route == "postings" and "“Toronto”" in answer.text
    assert answer.data["emptied_by"] == "place" and answer.data["relaxed_total"] == 4
    assert [c.doc_id for c in answer.related] == ["posting:ac-002", "posting:ac-001", "posting:ac-003"]


def test_the_engine_pages_through_a_large_selection():
    rows = [PostingRow(f"p{i:05d}", f"posting:p{i:05d}", "Engineer", "mlsecops" if i % 3 else "ai-governance", "senior",
                       "remote" if i % 2 else "hybrid", "London, UK", 100_000 + i, 120_000 + i, "GBP", f"2025-{1 + i % 12:02d}-01",
                       ("python",), (), (), "open", f"c{i}", "text", {"company": "Acme"}) for i in range(3000)]
    engine = PostingsEngine(rows)
    query = Query("q", "list", role_family=("mlsecops",), remote=("remote",))
    first, second = engine.select(query), engine.select(Query("q", "list", role_family=("mlsecops",), remote=("remote",), page=2))
    expected = sorted((r for r in rows if r.role_family == "mlsecops" and r.remote == "remote"),
                      key=lambda r: (r.posted, [-ord(ch) for ch in r.posting_id]), reverse=True)
    assert first.total == len(expected) == 1000
    assert [r.posting_id for r in first.rows + second.rows] == [r.posting_id for r in expected[:20]]
    top = engine.select(Query("q", "rank", pay_above=121_000, sort="salary_max", limit=2))
    assert [r.posting_id for r in top.rows] == ["p02999", "p02998"] and top.currency == "GBP"


def test_places_joined_by_or_list_the_postings_in_either(assistant):
    answer = assistant.ask("Any MLSecOps jobs in Berlin or London?")
    assert answer.route == "postings" and {r["posting_id"] for r in answer.rows} == {"ac-003", "ac-004"}
    assert "Berlin or London" in answer.text


def test_an_introduction_ended_by_a_dash_leaves_the_ask_for_postings(assistant):
    answer = assistant.ask("Fresh grad here - any entry-level AI red team openings?")
    assert answer.route == "postings" and [r["posting_id"] for r in answer.rows] == ["ac-009"]
