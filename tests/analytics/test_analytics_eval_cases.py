"""The analytics eval suite: enough cases, all routed to analytics, every spec computable from the shipped postings."""
from __future__ import annotations

from pathlib import Path

from evals.analytics import load_postings, resolve
from evals.cases import load_suite

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_analytics_suite_resolves_against_the_corpus():
    suite = load_suite("analytics")
    assert len(suite.cases) >= 20
    postings = load_postings(CORPUS)
    for case in suite.cases:
        assert case.expected_route == "analytics" and case.analytics, case.id
        facts, summary = resolve(case.analytics, postings)
        assert facts and summary["denominator"] > 0, case.id
    metrics = {c.analytics["metric"] for c in suite.cases}
    assert {"share", "count", "median", "top"} <= metrics
