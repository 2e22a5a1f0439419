"""Sweep the abstention threshold over recorded evidence scores, without asking any question again."""
from __future__ import annotations

from typing import Any

from evals import metrics
from evals.cases import Case
from evals.record import MARKERS
from evals.textmatch import fact_matched

GRID = [round(0.20 + 0.01 * i, 2) for i in range(61)]  # 0.20 .. 0.80
F1_TOLERANCE = 0.01  # F1 differences this small are one case or less: prefer fewer wrong abstentions


def sweep(records: list[dict[str, Any]], cases: dict[str, Case], thresholds: list[float] | None = None) -> list[dict[str, Any]]:
    """Abstention and fact-recall metrics had the threshold been each value in `thresholds`.

    At threshold t a case abstains when its evidence is below t or when it would abstain anyway
    (nothing drafted, or no sentence survived verification). Only extractive answers on the passage
    route are swept; the others do not depend on the threshold.
    """
    usable = [r for r in records if r["mode"] == "extractive" and r["route"] in (None, "passages") and not r.get("error")]
    rows = []
    for t in thresholds or GRID:
        outcomes, recalls = [], []
        for r in usable:
            abstains = not r["would_answer"] or r["evidence"] < t
            outcomes.append((r["answerable"], abstains))
            facts = cases[r["id"]].expected_facts
            if r["answerable"] and facts:
                text = "" if abstains else MARKERS.sub("", r["would_text"])
                recalls.append(sum(fact_matched(f, text) for f in facts) / len(facts))
        rows.append({"threshold": t, **metrics.abstention_scores(outcomes), "fact_recall": metrics.mean(recalls),
                     "cases": len(usable)})
    return rows


def recommend(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Among thresholds within F1_TOLERANCE of the best abstention F1: fewest wrong abstentions, then best
    fact recall, then best F1; among those still equal, the middle one (the widest margin on both sides)."""
    scored = [r for r in rows if r["abstention_f1"] is not None]
    if not scored:
        return None
    top = max(r["abstention_f1"] for r in scored)
    near = [r for r in scored if r["abstention_f1"] >= top - F1_TOLERANCE - 1e-9]

    def key(r):
        return (-round(r["wrong_abstention_rate"] or 0.0, 4), round(r["fact_recall"] or 0.0, 4), round(r["abstention_f1"], 4))

    best = max(key(r) for r in near)
    tied = [r for r in near if key(r) == best]
    return tied[len(tied) // 2]


def evidence_summary(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Evidence score quantiles of answerable and unanswerable cases: how well they separate."""
    out = {}
    for label, wanted in (("answerable", True), ("unanswerable", False)):
        values = [r["evidence"] for r in records if r["answerable"] is wanted and not r.get("error") and r["evidence"] is not None]
        out[label] = {q: metrics.percentile(values, p) for q, p in (("min", 0), ("p10", 10), ("median", 50), ("p90", 90), ("max", 100))}
    return out
