"""Aggregate per-case records into a configuration's metrics, overall and for every tag."""
from __future__ import annotations

from typing import Any

from evals import metrics
from evals.record import DEEP_K, K

MEAN_METRICS = {  # metric name -> per-record field averaged over the cases where it is defined
    "hit@1": "hit@1", f"hit@{K}": f"hit@{K}", f"recall@{K}": f"recall@{K}", "mrr": "rr", f"ndcg@{K}": f"ndcg@{K}",
    f"ndcg@{DEEP_K}": f"ndcg@{DEEP_K}",
    "context_recall": "context_recall", "fact_recall": "fact_recall", "lead_accuracy": "lead_accuracy",
    "citation_recall": "citation_recall", "citation_precision": "citation_precision",
    "list_precision": "list_precision", "list_recall": "list_recall",
}
METRIC_ORDER = [
    "cases", *MEAN_METRICS, "abstention_precision", "abstention_recall", "abstention_f1", "wrong_abstention_rate",
    "premise_safety", "route_accuracy", "analytics_accuracy", "list_accuracy", "followup_accuracy", "pass_rate", "latency_p50_ms", "latency_p95_ms",
]
LOWER_IS_BETTER = {"wrong_abstention_rate", "latency_p50_ms", "latency_p95_ms"}


def summarize(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Every metric over `records`; a metric with nothing to count over is None."""
    summary: dict[str, Any] = {"cases": len(records)}
    for name, field in MEAN_METRICS.items():
        summary[name] = metrics.mean(r.get(field) for r in records)
    summary.update(metrics.abstention_scores((r["answerable"], bool(r["abstained"])) for r in records))
    summary["premise_safety"] = metrics.mean(0.0 if r["forbidden_found"] else 1.0 for r in records if r["forbidden"])
    summary["route_accuracy"] = metrics.mean(None if r["route_ok"] is None else float(r["route_ok"]) for r in records)
    summary["analytics_accuracy"] = metrics.mean(float(r["analytics_exact"]) for r in records if "analytics_exact" in r)
    summary["list_accuracy"] = metrics.mean(float(r["list_exact"]) for r in records if "list_exact" in r)
    summary["followup_accuracy"] = metrics.mean(float(r["followup_ok"]) for r in records if "followup_ok" in r)
    summary["pass_rate"] = metrics.mean(0.0 if r["failures"] else 1.0 for r in records)
    latencies = [r["latency_ms"] for r in records if r.get("latency_ms") is not None]
    summary["latency_p50_ms"] = metrics.percentile(latencies, 50)
    summary["latency_p95_ms"] = metrics.percentile(latencies, 95)
    summary["errors"] = sum(1 for r in records if r.get("error"))
    return summary


def by_tag(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """summarize() for the cases carrying each tag, tags in alphabetical order."""
    tags = sorted({t for r in records for t in r["tags"]})
    return {tag: summarize([r for r in records if tag in r["tags"]]) for tag in tags}
