"""SIGKILL during `aisec ingest` never leaves the index inconsistent once ingest runs again (see crash_trials.py)."""
from __future__ import annotations

import json
import os

import pytest

import crash_trials
from reliability_figures import record


def _run(tmp_path, trials: int, seed: int, budget_s: float, **options):
    lines: list[str] = []
    summary = crash_trials.run_trials(trials, seed, budget_s, tmp_path, log=lines.append, **options)
    result = summary.to_dict()
    (tmp_path / "crash-trials.json").write_text(json.dumps(result, indent=2))
    print("\n".join(lines))
    failed = [f"trial {t.number} ({'; '.join(t.changes)}): {t.problems}" for t in summary.trials if t.problems]
    assert not failed, "\n".join(failed)
    return summary, result


@pytest.mark.slow
def test_a_few_crashes_at_random_index_writes_leave_a_consistent_index(tmp_path):
    """The short version for every `make test`: two seeded trials, killed just before or after an index write."""
    summary, result = _run(tmp_path, trials=2, seed=3, budget_s=600, modes=("op",), documents=6, postings=8)
    assert len(summary.trials) == 2 and summary.killed_runs >= 2
    record("crash trials (make test)", {k: result[k] for k in ("trials", "killed_runs", "failures", "seconds")})


@pytest.mark.reliability
def test_twenty_crashes_at_random_points_leave_a_consistent_index(tmp_path):
    """At least 20 trials with a kill each (op and timer modes), within a time budget."""
    trials = int(os.environ.get("CRASH_TRIALS", "20"))
    summary, result = _run(tmp_path, trials=trials, seed=int(os.environ.get("CRASH_SEED", "7")), budget_s=2400)
    assert len(summary.trials) >= trials, "the time budget ran out before every trial ran"
    killed_trials = sum(any(k.killed for k in t.kills) for t in summary.trials)
    assert killed_trials >= min(trials, 20) * 0.9, f"only {killed_trials} trials killed an ingest"
    record("crash trials (reliability)", {k: v for k, v in result.items() if k != "details"})
