"""CI gate: the smoke suite over the real corpus must meet the minimums in evals/thresholds.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.settings import Settings
from evals.cases import load_suite
from evals.config import load_configs
from evals.gate import check, load_thresholds
from evals.report import write_results
from evals.runner import run_eval

REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.slow
def test_smoke_suite_meets_thresholds(tmp_path, embedder, record_property):
    thresholds = load_thresholds()
    suite = load_suite(thresholds.get("suite", "smoke"))
    configs = [c for c in load_configs() if c.name == thresholds.get("config", "default")]
    assert configs, "evals/thresholds.yaml names a configuration that evals/configs/ does not have"
    settings = Settings(data_dir=tmp_path / "unused", corpus_dir=REAL_CORPUS)
    run = run_eval(suite, configs, settings, tmp_path / "out", embedder=embedder)
    write_results(run, tmp_path / "out" / "results.json")
    metrics = run.results[0].metrics
    for name in list(thresholds.get("minimum") or {}) + list(thresholds.get("maximum") or {}):
        record_property(name, metrics.get(name))
    failing = [f"{r['id']}: {'; '.join(r['failures'])}" for r in run.results[0].records if r["failures"]]
    problems = check(metrics, thresholds)
    assert not problems, "\n".join(problems + ["failing cases:"] + failing)
