"""Run every benchmark in one process tree and write bench/results.json and bench/results.md."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console

from app.settings import Settings
from evals.bench.generator import generate_postings, load_sample_postings, write_postings_corpus
from evals.bench.ingest_bench import bench_ingest
from evals.bench.machine import describe_machine
from evals.bench.quantization import measure_int8_recipes
from evals.bench.report import write_markdown
from evals.bench.sized_index import build_sized_index
from evals.bench.startup import measure_startup

# The like-for-like baseline (llama-index with our chunking) stops at 1,000 postings: at 10,000 it takes 12 minutes.
FULL = {"generated": [1_000, 10_000], "sizes": [1_000, 10_000, 100_000], "questions": 120, "baseline_max_postings": 10_000,
        "same_chunking_max_postings": 1_000}
QUICK = {"generated": [300], "sizes": [1_000], "questions": 40, "baseline_max_postings": 300, "same_chunking_max_postings": 300}


def run_bench(settings: Settings, out_dir: Path, *, quick: bool = False, load: bool = False) -> dict:
    """Measure ingest, embeddings, query latency and (optionally) load; return and write the results."""
    plan = QUICK if quick else FULL
    console = Console(stderr=True)
    work = out_dir / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    from ingest.embedding import Embedder, make_embedder
    from ingest.embedding_speed import corpus_chunk_texts, measure_backends

    reference = Embedder(settings.embed_batch_size).model  # the embedding limit: SentenceTransformer.encode
    embedder = make_embedder(settings)  # what ingest uses (AISEC_EMBED_BACKEND)
    embedder.embed_passages(["warm up the model before anything is timed"])
    reference.encode(["warm up"])
    results: dict = {"machine": describe_machine(),
                     "embed_backend": settings.embed_backend,
                     "quick": quick, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "ingest": [], "query": []}
    console.print("[bold]ingest[/] corpus")
    corpus = bench_ingest("corpus", settings.corpus_dir, work, embedder, reference, with_baseline=True,
                          with_same_chunking=True, settings=settings)
    results["ingest"].append(corpus.to_dict())
    console.print("[bold]start-up[/] cold aisec ask, aisec ingest --rebuild")
    results["startup"] = measure_startup(work / "corpus-index", settings.corpus_dir, getattr(embedder, "cache_dir", None),
                                         corpus.embedder_s)
    _save(results, out_dir)
    samples = load_sample_postings(settings.corpus_dir)
    largest = None
    for count in plan["generated"]:
        console.print(f"[bold]ingest[/] {count} generated postings")
        folder = write_postings_corpus(generate_postings(count, seed=count, samples=samples), work / f"gen-{count}", settings.vocabulary_path)
        sized_to_fit = settings.model_copy(update={"max_posting_rows": count, "max_file_mb": max(settings.max_file_mb, 100.0)})
        figures = bench_ingest(f"generated-{count}", folder, work, embedder, reference,
                               with_baseline=count <= plan["baseline_max_postings"],
                               with_same_chunking=count <= plan["same_chunking_max_postings"], settings=sized_to_fit)
        results["ingest"].append(figures.to_dict())
        _save(results, out_dir)
        largest = (Settings(**{**sized_to_fit.model_dump(), "data_dir": work / f"generated-{count}-index", "corpus_dir": folder}), folder)
    console.print("[bold]embedding backends[/]")
    results["embeddings"] = measure_backends(corpus_chunk_texts(settings, 300), batch_size=settings.embed_batch_size, cache_dir=work / "onnx")
    console.print("[bold]int8 recipes[/] speed and nDCG@10 against fp32")
    results["int8_recipes"] = measure_int8_recipes(settings, work / "onnx")
    _save(results, out_dir)
    for size in plan["sizes"]:
        console.print(f"[bold]query latency[/] at {size} chunks")
        target = Settings(**{**settings.model_dump(), "data_dir": work / f"sized-{size}", "corpus_dir": largest[1]})
        build_sized_index(largest[0], target, size)
        completed = subprocess.run([sys.executable, "-m", "evals.bench.query_bench", str(target.data_dir), str(largest[1]),
                                    str(plan["questions"])], capture_output=True, text=True, check=True)
        results["query"].append(json.loads(completed.stdout.strip().splitlines()[-1]))
        _save(results, out_dir)
        shutil.rmtree(target.data_dir, ignore_errors=True)
    if load:
        from evals.bench.load import run_load

        console.print("[bold]load[/] concurrent clients against the UI's /ask")
        results["load"] = run_load(Settings(**{**settings.model_dump(), "data_dir": work / "corpus-index"}))
    _save(results, out_dir)
    write_markdown(results, out_dir / "results.md")
    shutil.rmtree(work, ignore_errors=True)
    return results


def _save(results: dict, out_dir: Path) -> None:
    """Write results.json now, so an interrupted run keeps what it measured."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
