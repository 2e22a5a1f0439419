"""Oversized inputs are refused before they are read, with the limit and how to raise it; accepted ones have
bounded memory and progress. Peak RSS is measured in subprocesses (reliability marker)."""
from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reliability_figures import record

ROOT = Path(__file__).resolve().parents[2]
VOCABULARY = ROOT / "tests" / "data" / "corpus" / "vocabulary.yaml"
MEASURE = Path(__file__).with_name("measure_ingest.py")
WORDS = ("model", "registry", "signing", "prompt", "injection", "governance", "policy", "audit", "pipeline", "threat",
         "detection", "privacy", "risk", "engineer", "evaluation", "supply", "chain", "secrets", "inference", "incident")
# Run a command and report the child's exact peak RSS (getrusage of the waited-for child, not a sampled value).
PEAK_RSS = ("import json, resource, subprocess, sys, time; t = time.monotonic(); "
            "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(json.dumps({'rc': r.returncode, 'stdout': r.stdout, 'stderr': r.stderr, 'seconds': time.monotonic() - t, "
            "'peak_rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")


def corpus_with(tmp_path: Path) -> Path:
    corpus = tmp_path / "input"
    (corpus / "documents").mkdir(parents=True)
    (corpus / "postings").mkdir()
    shutil.copy(VOCABULARY, corpus / "vocabulary.yaml")
    return corpus


def text_file(path: Path, megabytes: float, seed: int = 1) -> Path:
    """Prose-like paragraphs (so chunking and embedding see ordinary text) of the given size."""
    rng = random.Random(seed)
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))).capitalize() + "." for _ in range(200)]
    block = "\n\n".join(paragraphs) + "\n\n"
    target = int(megabytes * 1024 * 1024)
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        while written < target:
            piece = block[: target - written]
            handle.write(piece)
            written += len(piece)
    return path


def postings_csv(path: Path, rows: int, description_words: int = 6, seed: int = 2) -> Path:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "company", "remote", "seniority", "salary_min", "salary_max", "currency", "description"])
        for i in range(rows):
            low = rng.randrange(80, 220) * 1000
            writer.writerow([f"r-{i}", f"AI Security Engineer {i}", f"Company {i % 500}", rng.choice(["remote", "hybrid"]),
                             rng.choice(["entry", "mid", "senior"]), low, low + 30000, "USD",
                             " ".join(rng.choice(WORDS) for _ in range(description_words)) + "."])
    return path


def tiny_rows(path: Path, rows: int) -> Path:
    """A postings file of `rows` minimal rows, small enough in bytes that the row count is what refuses it."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        if path.suffix == ".csv":
            handle.write("id,title,company,description\n" + "".join(f"r{i},T,C,D\n" for i in range(rows)))
        else:
            handle.write("".join(f'{{"id":{i}}}\n' for i in range(rows)))
    assert path.stat().st_size < 10 * 1024 * 1024
    return path


def environment(tmp_path: Path, corpus: Path, **settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AISEC_")}
    env.update(AISEC_DATA_DIR=str(tmp_path / "data"), AISEC_CORPUS_DIR=str(corpus), HF_HUB_OFFLINE="1")
    env.update({f"AISEC_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def measured(command: list[str], env: dict[str, str], timeout: float = 3600) -> dict:
    result = subprocess.run([sys.executable, "-c", PEAK_RSS, *command], env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=timeout)
    return json.loads(result.stdout)


# -- refused early: fast, in every `make test` ------------------------------------------------------------------
def test_a_50_mb_text_file_is_refused_before_it_is_read(tmp_path, settings_factory, ingest, monkeypatch):
    corpus = corpus_with(tmp_path)
    big = text_file(corpus / "documents" / "dump.txt", 50)
    (corpus / "documents" / "small.md").write_text("# Small\n\nAI red teams test models before release.\n", encoding="utf-8")
    from ingest.plan import load_file

    loaded = []
    monkeypatch.setattr("ingest.plan.load_file", lambda sf, *a: loaded.append(sf.source) or load_file(sf, *a))
    started = time.perf_counter()
    report = ingest(settings_factory(corpus_dir=corpus))  # default AISEC_MAX_FILE_MB
    seconds = time.perf_counter() - started
    assert [str(s) for s in report.skipped] == [
        "documents/dump.txt: file is 50.0 MB, over AISEC_MAX_FILE_MB=10; raise the limit or split the file"]
    assert loaded == ["documents/small.md"], "the oversized file was read"
    assert report.added == 1 and report.failed == 1
    record("refuse 50 MB text (in-process)", {"seconds": round(seconds, 2), "bytes": big.stat().st_size})


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_a_200k_row_postings_file_is_refused_after_a_streaming_count(tmp_path, settings_factory, ingest, monkeypatch, suffix):
    corpus = corpus_with(tmp_path)
    path = tiny_rows(corpus / "postings" / f"export.{suffix}", 200_000)
    monkeypatch.setattr("ingest.posting_files.read_text", lambda p: pytest.fail(f"{p} was read whole before the row count"))
    started = time.perf_counter()
    report = ingest(settings_factory(corpus_dir=corpus))  # default AISEC_MAX_POSTING_ROWS
    seconds = time.perf_counter() - started
    assert [str(s) for s in report.skipped] == [
        f"postings/export.{suffix}: more than 10,000 rows, over AISEC_MAX_POSTING_ROWS=10000; split the file or raise the limit"]
    assert seconds < 30
    record(f"refuse 200k-row {suffix} (in-process)", {"seconds": round(seconds, 2), "mb": round(path.stat().st_size / 2**20, 1)})


def test_the_limits_are_settings_and_raising_them_lets_the_file_in(tmp_path, settings_factory, ingest):
    corpus = corpus_with(tmp_path)
    postings_csv(corpus / "postings" / "export.csv", 30)
    report = ingest(settings_factory(corpus_dir=corpus, max_posting_rows=29))
    assert report.failed == 1 and "AISEC_MAX_POSTING_ROWS=29" in str(report.skipped[0])
    report = ingest(settings_factory(corpus_dir=corpus, max_posting_rows=30))
    assert report.added == 1 and report.failed == 0 and not report.skipped


# -- measured in subprocesses: `make test-reliability` ----------------------------------------------------------
@pytest.mark.reliability
def test_refusals_keep_peak_memory_at_start_up_level(tmp_path):
    """`aisec ingest` on a 50 MB text file plus a 200k-row CSV: both refused, the model never loaded."""
    corpus = corpus_with(tmp_path)
    text_file(corpus / "documents" / "dump.txt", 50)
    tiny_rows(corpus / "postings" / "export.csv", 200_000)
    outcome = measured([str(Path(sys.executable).with_name("aisec")), "ingest"], environment(tmp_path, corpus))
    assert outcome["rc"] == 1 and "nothing could be ingested" in outcome["stderr"]
    assert "over AISEC_MAX_FILE_MB=10" in outcome["stderr"] and "over AISEC_MAX_POSTING_ROWS=10000" in outcome["stderr"]
    assert outcome["peak_rss_mb"] < 400, outcome["peak_rss_mb"]
    record("refuse 50 MB text + 200k-row CSV (aisec ingest)",
           {"peak_rss_mb": round(outcome["peak_rss_mb"]), "seconds": round(outcome["seconds"], 1)})


@pytest.mark.reliability
def test_a_file_at_a_configured_limit_is_embedded_with_progress_and_bounded_memory(tmp_path):
    """The real model end to end: a 1 MB text file under AISEC_MAX_FILE_MB=1, progress bar with ETA on stderr."""
    corpus = corpus_with(tmp_path)
    text_file(corpus / "documents" / "report.txt", 0.99)
    outcome = measured([str(Path(sys.executable).with_name("aisec")), "ingest", "--json"],
                       environment(tmp_path, corpus, max_file_mb=1))
    assert outcome["rc"] == 0, outcome["stderr"][-2000:]
    report = json.loads(outcome["stdout"][outcome["stdout"].index("{"):])
    assert report["added"] == 1 and report["chunks_written"] > 500
    assert "embedding" in outcome["stderr"] and "ETA" in outcome["stderr"], "no progress shown"
    assert outcome["peak_rss_mb"] < 2048, outcome["peak_rss_mb"]
    record("accept 1 MB text at AISEC_MAX_FILE_MB=1 (aisec ingest, real model)",
           {"peak_rss_mb": round(outcome["peak_rss_mb"]), "chunks": report["chunks_written"],
            "chunks_per_second": report["chunks_per_second"], "seconds": report["seconds"]})


@pytest.mark.reliability
@pytest.mark.parametrize("what", ["text-10MB", "csv-10000-rows"])
def test_input_at_the_default_limits_has_bounded_memory(tmp_path, what):
    """At the default limits, with hash vectors instead of the model (the model adds a constant, measured above):
    what grows with the input — loading, chunking, Chroma, the BM25 snapshot — stays bounded."""
    corpus = corpus_with(tmp_path)
    if what.startswith("text"):
        text_file(corpus / "documents" / "report.txt", 9.99)
    else:
        postings_csv(corpus / "postings" / "export.csv", 10_000, description_words=110)
    assert max(p.stat().st_size for p in corpus.rglob("*.*")) < 10 * 1024 * 1024
    outcome = measured([sys.executable, str(MEASURE), "--fake-embedder"], environment(tmp_path, corpus))
    assert outcome["rc"] == 0, outcome["stderr"][-2000:]
    result = json.loads(outcome["stdout"].strip().splitlines()[-1])
    assert result["report"]["added"] == 1 and not result["report"]["skipped"], result["report"]
    assert outcome["peak_rss_mb"] < 1536, outcome["peak_rss_mb"]
    record(f"accept {what} at the default limit (hash vectors)",
           {"peak_rss_mb": round(outcome["peak_rss_mb"]), "chunks": result["report"]["chunks_written"],
            "seconds": round(outcome["seconds"], 1)})
