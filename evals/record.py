"""Run one case through the Assistant and record the answer, the ranking, the evidence and the scores."""
from __future__ import annotations

import re
import time
from typing import Any

from evals import metrics
from evals.cases import Case
from evals.jobs import list_scores
from evals.textmatch import fact_matched, phrase_in

K = 5  # the k of hit@k, recall@k and nDCG@k
DEEP_K = 10  # a second nDCG depth, the one embedding changes are judged on
MARKERS = re.compile(r"\s*\[(?:\d{1,3}|unsupported)\]")


def source_key(metadata: dict[str, Any]) -> str:
    """What a passage counts as in retrieval metrics: `posting:<id>` for postings, else its source path."""
    doc_id = str(metadata.get("doc_id", ""))
    return doc_id if doc_id.startswith("posting:") else str(metadata.get("source", ""))


def run_case(assistant, case: Case, mode: str | None = None) -> dict[str, Any]:
    """Ask the case's question (with its history) and score the answer; returns a JSON-ready record."""
    started = time.perf_counter()
    answer = assistant.ask(case.question, filters=case.filters or None, history=case.history or None, mode=mode)
    latency_ms = (time.perf_counter() - started) * 1000
    probe = _from_trace(answer)
    record = {
        "id": case.id, "tags": list(case.tags), "question": case.question, "history": list(case.turns[:-1]),
        "filters": case.filters, "answerable": case.answerable, "abstained": answer.abstained,
        "text": answer.text, "mode": answer.mode, "route": answer.to_dict().get("route"),
        "expected_route": case.expected_route, "notes": list(answer.notes),
        "standalone_question": answer.standalone_question, "latency_ms": round(latency_ms, 2),
        "timings_ms": dict(answer.timings_ms),
        "citations": [{"number": c.number, "source": c.source, "doc_id": c.doc_id, "title": c.title, "text": c.text,
                       "score": c.score} for c in answer.citations],
        "related": [source_key({"doc_id": c.doc_id, "source": c.source}) for c in answer.related],
        "verification": [{"sentence": v.sentence, "cited": v.cited, "supported_by": v.supported_by,
                          "status": v.status, "reasons": v.reasons} for v in answer.verification],
        "expected_facts": [f.describe() for f in case.expected_facts],
        "expected_sources": list(case.expected_sources), "forbidden": list(case.forbidden),
        "listed_postings": listed_postings(answer), "expected_postings": list(case.expected_postings),
        **probe,
    }
    record.update(score_record(record, case, assistant.checker))
    return record


def listed_postings(answer) -> list[str]:
    """The postings an answer lists: its structured rows, else the postings it cites."""
    rows = getattr(answer, "rows", None)
    if rows:
        return [str(r["posting_id"]) for r in rows]
    return [c.doc_id.removeprefix("posting:") for c in answer.citations if c.kind == "posting"]


def score_record(record: dict[str, Any], case: Case, checker) -> dict[str, Any]:
    """Per-case metric values and the reasons the case failed (empty when it passed)."""
    text = "" if record["abstained"] else MARKERS.sub("", record["text"])
    ranked, expected = record["ranked_sources"], case.expected_sources
    scores: dict[str, Any] = {
        "hit@1": metrics.hit_at_k(ranked, expected, 1), f"hit@{K}": metrics.hit_at_k(ranked, expected, K),
        f"recall@{K}": metrics.recall_at_k(ranked, expected, K), "rr": metrics.reciprocal_rank(ranked, expected),
        f"ndcg@{K}": metrics.ndcg_at_k(ranked, expected, K), f"ndcg@{DEEP_K}": metrics.ndcg_at_k(ranked, expected, DEEP_K),
        "context_recall": metrics.recall_at_k(record["context_sources"], expected, len(record["context_sources"]) or 1),
        "fact_recall": metrics.fact_recall(case.expected_facts, text) if case.answerable else None,
        "lead_accuracy": (metrics.lead_holds_fact(case.expected_facts, "" if record["abstained"] else record["text"])
                          if case.answerable and record["route"] in (None, "passages") else None),
        "facts_missed": [f.describe() for f in case.expected_facts if not fact_matched(f, text)] if case.answerable else [],
        "forbidden_found": [f for f in case.forbidden if phrase_in(f, text)],
        "route_ok": None if not case.expected_routes or record["route"] is None else record["route"] in case.expected_routes,
        "citation_recall": None, "citation_precision": None,
    }
    if case.analytics:
        scores["analytics_exact"] = record["route"] == "analytics" and not scores["facts_missed"]
    if case.postings:
        scores.update(list_scores([] if record["abstained"] else record["listed_postings"], list(case.expected_postings)))
        scores["list_exact"] = scores["list_precision"] == 1.0 and scores["list_recall"] == 1.0 and not scores["facts_missed"]
    if len(case.turns) > 1 and (case.postings or case.analytics):
        scores["followup_ok"] = bool(scores.get("list_exact", True) and scores.get("analytics_exact", True)
                                     and not scores["facts_missed"] and not record["abstained"])
    if not record["abstained"] and record["route"] in (None, "passages"):
        sentences = metrics.claim_spans(record["text"], [record["stated_gap"]] if record.get("stated_gap") else [])
        passages = {c["number"]: c["text"] for c in record["citations"]}
        recall, precision = metrics.citation_scores(sentences, passages, lambda s, p: checker.check(s, p).supported)
        scores.update(citation_recall=recall, citation_precision=precision)
    scores["failures"] = _failures(record, case, scores)
    return scores


def _from_trace(answer) -> dict[str, Any]:
    """The ranking, the drafting context and the evidence, read from Answer.trace (never re-run here).

    Passage answers rank the passages retrieved; postings and analytics answers rank the postings they
    selected or cited. `would_answer`/`would_text` say what a lower threshold would have given when the
    answer abstained on weak evidence alone (the threshold sweep in evals/calibrate.py reads them).
    """
    trace = answer.trace or {}
    ranked = trace.get("ranked", [])
    context = set(trace.get("passages", []))
    below = trace.get("below_threshold")
    return {
        "ranked_sources": metrics.dedupe(source_key(p) for p in ranked),
        "context_sources": metrics.dedupe(source_key(p) for p in ranked if p["chunk_id"] in context or p["doc_id"] in context),
        "evidence": trace.get("evidence"), "would_answer": not answer.abstained or bool(below),
        "would_text": answer.text if not answer.abstained else below or "",
        "query": trace.get("query"), "abstention_reason": trace.get("abstention"),
        "stated_gap": trace.get("stated_gap"),  # the answer's sentence naming what the corpus lacks (cites nothing)
    }


def _failures(record: dict[str, Any], case: Case, scores: dict[str, Any]) -> list[str]:
    reasons = []
    if case.answerable and record["abstained"]:
        reasons.append("abstained on an answerable question")
    if not case.answerable and not record["abstained"]:
        reasons.append("answered an unanswerable question")
    if scores["facts_missed"] and not record["abstained"]:
        reasons.append("missed facts: " + "; ".join(scores["facts_missed"]))
    if scores[f"hit@{K}"] == 0.0:
        reasons.append(f"no expected source in the top {K}")
    if scores.get("list_exact") is False:
        reasons.append(f"listed postings: precision {scores['list_precision']:.2f}, recall {scores['list_recall']:.2f}")
    if scores["forbidden_found"]:
        reasons.append("asserted forbidden phrase: " + "; ".join(scores["forbidden_found"]))
    if scores["route_ok"] is False:
        reasons.append(f"route {record['route']} instead of {case.expected_route}")
    if scores["citation_recall"] is not None and scores["citation_recall"] < 1.0:
        reasons.append(f"citation recall {scores['citation_recall']:.2f}")
    return reasons
