"""Threshold sweep over recorded evidence, and per-tag aggregation, on hand-made records."""
from __future__ import annotations

import pytest

from evals.calibrate import evidence_summary, recommend, sweep
from evals.cases import parse_case
from evals.scoring import by_tag, summarize


def record(cid, answerable, evidence, would_answer=True, text="", abstained=False, tags=(), **extra):
    base = {"id": cid, "answerable": answerable, "evidence": evidence, "would_answer": would_answer,
            "would_text": text, "mode": "extractive", "route": "passages", "abstained": abstained,
            "tags": list(tags) + ["answerable" if answerable else "unanswerable"], "forbidden": [], "forbidden_found": [],
            "route_ok": None, "failures": [], "latency_ms": 10.0}
    return {**base, **extra}


CASES = {c.id: c for c in [
    parse_case({"id": "a1", "question": "q", "answerable": True, "expected_facts": ["alpha"]}),
    parse_case({"id": "a2", "question": "q", "answerable": True, "expected_facts": ["beta"]}),
    parse_case({"id": "a3", "question": "q", "answerable": True, "expected_facts": ["gamma"]}),
    parse_case({"id": "u1", "question": "q", "answerable": False}),
    parse_case({"id": "u2", "question": "q", "answerable": False}),
]}
RECORDS = [
    record("a1", True, 0.80, text="alpha [1]"),
    record("a2", True, 0.55, text="beta [1]"),
    record("a3", True, 0.45, would_answer=False),  # nothing survives verification: abstains at any threshold
    record("u1", False, 0.40, text="noise [1]"),
    record("u2", False, 0.20, text="noise [1]"),
]


def test_sweep_uses_evidence_and_would_answer():
    rows = {r["threshold"]: r for r in sweep(RECORDS, CASES, [0.3, 0.5, 0.6])}
    # t=0.3: u1 answers (0.40 >= 0.3) -> one of two unanswerable abstain; a3 abstains wrongly
    assert rows[0.3]["abstention_recall"] == 0.5 and rows[0.3]["wrong_abstention_rate"] == pytest.approx(1 / 3)
    # t=0.5: both unanswerable abstain, a3 still abstains (would_answer False)
    assert rows[0.5]["abstention_recall"] == 1.0 and rows[0.5]["abstention_precision"] == pytest.approx(2 / 3)
    assert rows[0.5]["fact_recall"] == pytest.approx(2 / 3)
    # t=0.6: a2 now abstains as well
    assert rows[0.6]["wrong_abstention_rate"] == pytest.approx(2 / 3) and rows[0.6]["fact_recall"] == pytest.approx(1 / 3)


def test_recommend_picks_the_middle_of_the_best_interval():
    rows = sweep(RECORDS, CASES, [0.41, 0.45, 0.50, 0.55, 0.56])
    best = recommend(rows)
    # 0.41, 0.45, 0.50 and 0.55 (a2's evidence is not below 0.55) all give F1 0.8 with one wrong
    # abstention; 0.56 loses a2; the middle of the four tied thresholds is chosen
    assert best["threshold"] == 0.50
    assert recommend([]) is None


def test_other_modes_and_routes_are_not_swept():
    rows = sweep([record("u1", False, 0.1, mode="llm"), record("u2", False, 0.1, route="analytics")], CASES, [0.5])
    assert rows[0]["cases"] == 0 and rows[0]["abstention_f1"] is None


def test_evidence_summary():
    summary = evidence_summary(RECORDS)
    assert summary["answerable"]["median"] == 0.55 and summary["unanswerable"]["max"] == 0.40


def test_summarize_and_by_tag():
    records = [
        record("a1", True, 0.8, tags=["x"], **{"hit@1": 1.0, "hit@5": 1.0, "recall@5": 1.0, "rr": 1.0, "ndcg@5": 1.0,
                                               "context_recall": 1.0, "fact_recall": 1.0, "citation_recall": 1.0,
                                               "citation_precision": 0.5}),
        record("u1", False, 0.1, abstained=True, tags=["x", "y"], failures=["answered"], latency_ms=30.0),
    ]
    summary = summarize(records)
    assert summary["cases"] == 2 and summary["fact_recall"] == 1.0 and summary["citation_precision"] == 0.5
    assert summary["abstention_f1"] == 1.0 and summary["pass_rate"] == 0.5 and summary["latency_p50_ms"] == 20.0
    tags = by_tag(records)
    assert set(tags) == {"answerable", "unanswerable", "x", "y"}
    assert tags["y"]["cases"] == 1 and tags["y"]["hit@5"] is None
