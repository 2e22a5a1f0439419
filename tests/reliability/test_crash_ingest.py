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
def test_one_sigkill_trial_leaves_a_consistent_index(tmp_path):
    """The short version for every `make test`: one seeded trial (two SIGKILLs: the second during the repair of the
    first), each just before or after an index write. The in-process sweep below covers every write point."""
    summary, result = _run(tmp_path, trials=1, seed=3, budget_s=600, modes=("op",), documents=6, postings=8)
    assert len(summary.trials) == 1 and summary.killed_runs >= 1
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


class Crash(BaseException):
    """Stands in for SIGKILL in-process: a BaseException, so no handler in the code under test catches it."""


def _mutate_fixture_corpus(corpus) -> None:
    """Every kind of change at once: edit, add, delete; a new, a changed and a moved posting; a new postings file."""
    docs, postings = corpus / "documents", corpus / "postings"
    guide = docs / "red-team-guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n## Reporting\n\nEvery finding gets a severity and a retest date.\n",
                     encoding="utf-8")
    (docs / "new-note.md").write_text("# Bug bounties\n\nSome AI labs pay researchers for reproducible jailbreaks.\n",
                                      encoding="utf-8")
    (docs / "salary-notes.txt").unlink()
    rows = [json.loads(line) for line in (postings / "sample-postings.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    moved = rows.pop(0)
    rows[0]["salary_max"] += 5000
    rows.append({**rows[1], "id": "fx-new", "title": "AI Incident Responder"})
    (postings / "sample-postings.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    # Into a file whose own postings are unchanged: a crash must not leave that file looking synced without it.
    board = json.loads((postings / "board-export.json").read_text(encoding="utf-8"))
    (postings / "board-export.json").write_text(json.dumps([*board, moved], indent=2), encoding="utf-8")
    (postings / "new-board.jsonl").write_text(json.dumps({**moved, "id": "fx-other", "title": "AI Risk Analyst"}) + "\n",
                                              encoding="utf-8")


@pytest.mark.parametrize("window", [pytest.param(256, id="default-window"),
                                    pytest.param(4, id="4-chunk-windows", marks=pytest.mark.reliability)])
def test_a_crash_at_every_index_write_is_repaired_by_the_next_run(tmp_path, corpus_dir, settings_factory, ingest, monkeypatch, window):
    """Exhaustive and in-process: for each index write of one sync, crash just before it, then re-run and check."""
    import shutil

    from ingest.files import discover_files

    monkeypatch.setattr("ingest.sync.WINDOW_CHUNKS", window)
    at = lambda name: settings_factory(data_dir=tmp_path / name, chunk_size=64, chunk_overlap=8)  # noqa: E731
    ingest(at("data"))
    _mutate_fixture_corpus(corpus_dir)
    clean_report = ingest(at("clean"))
    clean = crash_trials.index_state(at("clean"))
    failed = {s.source for s in clean_report.skipped if s.row is None}
    sources = {f.source for f in discover_files([corpus_dir], corpus_dir)[0]}

    def copy(name):
        shutil.copytree(tmp_path / "data", tmp_path / name)
        return at(name)

    with crash_trials.index_write_hook(lambda number, moment: None) as writes:
        ingest(copy("uninterrupted"))
    total = writes[0]
    assert total >= 8
    problems, left_dirty = [], 0
    for point in range(1, total + 1):
        settings = copy(f"crash-{point}")

        def crash(number, moment, point=point):
            if number == point and moment == "before":
                raise Crash

        with pytest.raises(Crash), crash_trials.index_write_hook(crash):
            ingest(settings)
        crashed = crash_trials.index_state(settings)
        left_dirty += any(r.dirty for r in crashed["records"].values())
        problems += [f"write {point}, before the re-run: {p}" for p in crash_trials.snapshot_problems(crashed["snapshot"])]
        ingest(settings)
        state = crash_trials.index_state(settings)
        problems += [f"write {point}: {p}" for p in crash_trials.consistency_problems(state, sources)]
        problems += [f"write {point}: {p}" for p in crash_trials.rebuild_problems(state, clean, failed)]
    assert not problems, "\n".join(problems)
    assert left_dirty >= 2, "no crash point fell inside a document write"
    record(f"crash sweep ({window}-chunk windows)", {"crash_points": total, "left_dirty_records": left_dirty, "failures": 0})
