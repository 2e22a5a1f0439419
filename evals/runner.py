"""Run a suite against several configurations, each over its own index, and collect the results."""
from __future__ import annotations

import datetime as dt
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.settings import Settings
from evals import calibrate, scoring
from evals.analytics import load_postings, resolve
from evals.jobs import count_fact, expected_postings
from evals.cases import Case, Suite, with_facts
from evals.config import INGEST_FIELDS, EvalConfig, ingest_key, settings_for
from evals.record import run_case

WARM_UP_QUESTION = "What does an AI security engineer do?"


@dataclass
class ConfigResult:
    """One configuration's records, metrics (overall and by tag) and threshold calibration."""

    config: EvalConfig
    settings: dict[str, Any]
    index: str
    records: list[dict[str, Any]]
    metrics: dict[str, Any]
    by_tag: dict[str, dict[str, Any]]
    calibration: dict[str, Any]
    seconds: float


@dataclass
class EvalRun:
    """Everything one `aisec eval` produced."""

    suite: Suite
    results: list[ConfigResult]
    out_dir: Path
    started: str
    mode: str | None = None
    indexes: dict[str, dict[str, Any]] = field(default_factory=dict)
    shared_embeddings: bool = False
    code: dict[str, Any] = field(default_factory=dict)


def run_eval(suite: Suite, configs: list[EvalConfig], base: Settings, out_dir: Path, *, mode: str | None = None,
             embedder=None, index_root: Path | None = None, progress=None, share_embeddings: bool = False) -> EvalRun:
    """Ingest one index per distinct chunking, then ask every case under every configuration.

    `progress`, if given, is an object with `stage(text)`, `start(config_name, total)` and `advance()`.
    `share_embeddings` lets configurations reuse each other's sentence vectors (same answers, much
    faster sweeps, but latencies after the first configuration are then optimistic).
    """
    from evals.embedcache import SharedEmbeddings

    from app import Assistant
    from ingest.embedding import make_embedder
    from ingest.sync import run_ingest

    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    index_root = index_root or out_dir / "indexes"
    embedders: dict[str, Any] = {embedder.backend: embedder} if embedder is not None else {}
    run = EvalRun(suite, [], out_dir, started, mode, shared_embeddings=share_embeddings, code=code_version())
    shared: dict[str, SharedEmbeddings] = {}
    for config in configs:
        key = ingest_key(config, base)
        settings = settings_for(config, base, index_root / key, mode)
        if settings.embed_backend not in embedders:
            embedders[settings.embed_backend] = make_embedder(settings)
        model = embedders[settings.embed_backend]
        if key not in run.indexes:
            _stage(progress, f"indexing {settings.corpus_dir} for {key}")
            report = run_ingest(settings, None, embedder=model, show_progress=False)
            run.indexes[key] = {"data_dir": str(settings.data_dir), "chunks_written": report.chunks_written,
                                "seconds": round(report.seconds, 1), **{f: getattr(settings, f) for f in INGEST_FIELDS}}
        cases = resolve_analytics(suite.cases, settings.corpus_dir)
        if share_embeddings:
            model = shared.setdefault(settings.embed_backend, SharedEmbeddings(model))
        assistant = Assistant(settings, embedder=model)
        assistant.ask(WARM_UP_QUESTION, mode=mode)  # load lazy parts so the first case's latency is fair
        t0 = time.perf_counter()
        if progress:
            progress.start(config.name, len(cases))
        records = []
        for case in cases:
            records.append(_safe_run(assistant, case, mode))
            if progress:
                progress.advance()
        by_id = {c.id: c for c in cases}
        rows = calibrate.sweep(records, by_id)
        run.results.append(ConfigResult(
            config, _settings_summary(settings, config), key, records, scoring.summarize(records), scoring.by_tag(records),
            {"current": settings.abstain_threshold, "recommended": calibrate.recommend(rows), "sweep": rows,
             "evidence": calibrate.evidence_summary(records)},
            round(time.perf_counter() - t0, 1),
        ))
    return run


def code_version() -> dict[str, Any]:
    """The git commit and the uncommitted app/ingest/evals files, so results can be traced to code."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--", "app", "ingest", "evals"], cwd=root,
                                capture_output=True, text=True, timeout=10).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"commit": commit, "uncommitted": [line[3:] for line in status]}


def resolve_analytics(cases: tuple[Case, ...], corpus_dir: Path) -> list[Case]:
    """Cases with their analytics and postings specs turned into expected numbers and postings from the postings files."""
    if not any(c.analytics or c.postings for c in cases):
        return list(cases)
    postings = load_postings(corpus_dir)
    resolved = []
    for case in cases:
        facts, ids = case.expected_facts + (resolve(case.analytics, postings)[0] if case.analytics else ()), ()
        if case.postings:
            ids, total = expected_postings(case.postings, postings)
            facts += count_fact(case.postings, total)
        resolved.append(with_facts(case, facts, tuple(ids)) if case.analytics or case.postings else case)
    return resolved


def _safe_run(assistant, case: Case, mode: str | None) -> dict[str, Any]:
    """run_case, turning an unexpected exception into a failed record instead of ending the run."""
    try:
        return run_case(assistant, case, mode)
    except Exception as exc:  # one broken case must not end a long run; the record says what happened
        detail = f"{type(exc).__name__}: {exc}"
        return {
            "id": case.id, "tags": list(case.tags), "question": case.question, "history": list(case.turns[:-1]),
            "filters": case.filters, "answerable": case.answerable, "abstained": False, "text": "", "mode": mode or "",
            "route": None, "expected_route": case.expected_route, "notes": [], "standalone_question": None,
            "latency_ms": None, "timings_ms": {}, "citations": [], "related": [], "verification": [],
            "expected_facts": [f.describe() for f in case.expected_facts], "expected_sources": list(case.expected_sources),
            "forbidden": list(case.forbidden), "ranked_sources": [], "context_sources": [], "evidence": 0.0,
            "would_answer": False, "would_text": "", "hit@1": None, "hit@5": None, "recall@5": None, "rr": None,
            "ndcg@5": None, "context_recall": None, "fact_recall": 0.0 if case.answerable else None,
            "facts_missed": [], "forbidden_found": [], "route_ok": None, "citation_recall": None,
            "citation_precision": None, **({"analytics_exact": False} if case.analytics else {}), "error": detail,
            "traceback": traceback.format_exc(limit=5), "failures": [f"error: {detail}"],
        }


def _settings_summary(settings: Settings, config: EvalConfig) -> dict[str, Any]:
    fields = ("retrieval", "top_k", "candidate_k", "rrf_k", "dense_weight", "bm25_weight", "abstain_threshold",
              "chunk_size", "chunk_overlap", "max_answer_sentences", "answer_mode", "embed_backend")
    return {"overrides": config.overrides, **{f: getattr(settings, f) for f in fields}}


def _stage(progress, text: str) -> None:
    if progress:
        progress.stage(text)
