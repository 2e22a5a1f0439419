"""bench/results.md: the benchmark's figures as tables, each goal marked met or missed."""
from __future__ import annotations

from pathlib import Path

from evals.bench.machine import cpu_label
from evals.bench.quantization import QUALITY_BAR_POINTS, SPEED_TIE
from evals.bench.startup import GOALS as STARTUP_GOALS

GOALS = {"ratio_to_encode": 1.25, "speedup_vs_baseline": 2.0, "retrieval_p95_ms": 100.0, "answer_p95_ms": 250.0, "listing_p95_ms": 150.0}


def write_markdown(results: dict, path: Path) -> None:
    """Render results.json as Markdown."""
    cpu = cpu_label(results["machine"])
    lines = [f"# Benchmark results{' (quick)' if results['quick'] else ''}", "",
             f"Measured on {cpu}, Python {results['machine']['python']}, started {results['started']}. Every figure below "
             "comes from this one run on this CPU; compare ratios, not seconds, across machines.",
             "Reproduce with `make bench` (or `aisec bench --quick`).", "", "## Ingest throughput", "", f"CPU: {cpu}.", "",
             f"Ours embeds with `{results['embed_backend']}`. *encode only* is `SentenceTransformer.encode` (PyTorch) on the same chunk "
             "texts, the limit the goal is stated against; *embedder only* is our embedder alone on them.", "",
             "| dataset | documents | chunks | encode only (s) | embedder only (s) | ingest (s) | chunks/s | ingest ÷ encode (goal ≤ 1.25) | ingest ÷ embedder | llama-index defaults (s) | their chunks | text they drop | speed-up (goal ≥ 2) | same chunking (s) | speed-up |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in results["ingest"]:
        speedup = row["speedup_vs_baseline"]
        lines.append(f"| {row['dataset']} | {row['documents']} | {row['chunks']} | {row['encode_s']} | {row['embedder_s']} | {row['ingest_s']} | "
                     f"{row['chunks_per_s']} | {row['ratio_to_encode']} {_mark(row['ratio_to_encode'] <= GOALS['ratio_to_encode'])} | "
                     f"{row['ratio_to_embedder']} | "
                     f"{row['baseline_s'] or '—'} | {row['baseline_chunks'] or '—'} | "
                     f"{_share(row['baseline_truncated_share'])} | "
                     f"{speedup if speedup else '—'} {_mark(speedup >= GOALS['speedup_vs_baseline']) if speedup else ''} | "
                     f"{row['same_chunking_baseline_s'] or '—'} | {row['speedup_vs_same_chunking'] or '—'} |")
    lines += _startup(results, cpu)
    emb = results["embeddings"]
    lines += ["", "## Embedding backends", "", f"CPU: {cpu}.", "",
              f"{emb['texts']} corpus chunks, batch size {emb['batch_size']}, best of {emb['rounds']} rounds; one-off ONNX export {emb['export_s']} s, int8 quantisation {emb['quantize_s']} s.", "",
              "| backend | chunks/s | speed-up over torch | cosine to reference (mean / min) |", "|---|---|---|---|",
              f"| torch | {emb['chunks_per_s']['torch']} | 1.0 | — |",
              f"| onnx (fp32) | {emb['chunks_per_s']['onnx']} | {emb['speedup_over_torch']['onnx']} | {emb['cosine']['onnx_vs_torch']['mean']} / {emb['cosine']['onnx_vs_torch']['min']} (to torch) |",
              f"| onnx-int8 | {emb['chunks_per_s']['onnx-int8']} | {emb['speedup_over_torch']['onnx-int8']} | {emb['cosine']['int8_vs_onnx']['mean']} / {emb['cosine']['int8_vs_onnx']['min']} (to fp32) |",
              *_recipes(results, cpu),
              "", "## Query latency and memory", "", f"CPU: {cpu}.", "",
              "| chunks | retrieval p50 / p95 (ms, goal p95 < 100) | filtered retrieval p50 / p95 | dense filtered: post-filter vs push-down p95 | full answer p50 / p95 (ms, goal p95 < 250) | listing answer p50 / p95 (ms, goal p95 ≤ 150) | RSS (MB) |",
              "|---|---|---|---|---|---|---|"]
    for row in results["query"]:
        lines.append(f"| {row['chunks']} | {row['retrieval']['p50_ms']} / {row['retrieval']['p95_ms']} {_mark(row['retrieval']['p95_ms'] < GOALS['retrieval_p95_ms'])} | "
                     f"{row['retrieval_filtered']['p50_ms']} / {row['retrieval_filtered']['p95_ms']} | "
                     f"{row['dense_filter_postfilter']['p95_ms']} vs {row['dense_filter_pushdown']['p95_ms']} (filter keeps {row['filter_selectivity']:.0%}) | "
                     f"{row['answer']['p50_ms']} / {row['answer']['p95_ms']} {_mark(row['answer']['p95_ms'] < GOALS['answer_p95_ms'])} | "
                     f"{_listing(row)} | {row['rss_mb']} |")
    if "load" in results:
        load = results["load"]
        lines += ["", "## Load", "", f"CPU: {cpu}. {load['clients']} concurrent clients, {load['requests']} questions in all against the UI's `/ask`: "
                  f"{load['throughput_rps']} answers/s, p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms, {load['errors']} errors, "
                  f"{load['mixed']} answers returned to the wrong client."]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _startup(results: dict, cpu: str) -> list[str]:
    """The start-up table: cold ask over bare engine imports, CLI rebuild over the embedder alone."""
    if "startup" not in results:
        return []
    s = results["startup"]
    return ["", "## Start-up", "", f"CPU: {cpu}. Fresh processes over the corpus index, median of {s['repeats']} "
            "(the rebuild once), after an untimed ask that caches our modules' bytecode as an install caches the engines'; "
            "*engines* is `python -c 'import chromadb, onnxruntime, tokenizers, bm25s, numpy'`.", "",
            "| measure | seconds | against | ratio |", "|---|---|---|---|",
            f"| cold `aisec ask` | {s['cold_ask_s']} | engine imports {s['engine_import_s']} s | {s['cold_ask_over_imports']} "
            f"(goal ≤ {STARTUP_GOALS['cold_ask_over_imports']}) {_mark(s['cold_ask_over_imports'] <= STARTUP_GOALS['cold_ask_over_imports'])} |",
            f"| `aisec ingest --rebuild` | {s['cli_rebuild_s']} | embedder alone {s['embedder_s']} s | {s['cli_rebuild_over_embedder']} "
            f"(goal ≤ {STARTUP_GOALS['cli_rebuild_over_embedder']}) {_mark(s['cli_rebuild_over_embedder'] <= STARTUP_GOALS['cli_rebuild_over_embedder'])} |"]


def _recipes(results: dict, cpu: str) -> list[str]:
    """The int8 recipes table: speed and dense nDCG@10 against fp32, and which one to ship."""
    if "int8_recipes" not in results:
        return []
    r = results["int8_recipes"]
    lines = ["", "### int8 quantisation recipes", "",
             f"CPU: {cpu}. Dense retrieval alone over {r['chunks']} corpus chunks for the {r['cases']} single-turn answerable "
             f"cases of the full suite; speed on {r['speed_texts']} chunks, best of {r['rounds']} interleaved rounds. "
             f"Quality bar: nDCG@10 at most {QUALITY_BAR_POINTS} point below fp32.", "",
             "| model | chunks/s | nDCG@10 | points below fp32 |", "|---|---|---|---|"]
    for name, row in r["recipes"].items():
        shipped = " (shipped)" if name == r["shipped"] else ""
        lines.append(f"| {name}{shipped} | {row['chunks_per_s']} | {row['ndcg_at_10']} | {row['points_below_fp32']} |")
    lines += ["", f"Fastest within the bar (speeds within {SPEED_TIE:.0%} of the fastest count as one; of those the nearest "
              f"fp32): **{r['best_within_bar']}**; shipped: **{r['shipped']}**."]
    return lines
def _listing(row: dict) -> str:
    """The listing answer's latency, or a dash for results measured before it was benchmarked."""
    if "listing" not in row:
        return "—"
    return f"{row['listing']['p50_ms']} / {row['listing']['p95_ms']} {_mark(row['listing']['p95_ms'] <= GOALS['listing_p95_ms'])}"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _mark(ok: bool) -> str:
    return "✅" if ok else "❌"
