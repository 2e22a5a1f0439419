"""Query latency (retrieval alone and full extractive answer) and resident memory over one index.

Run as `python -m evals.bench.query_bench DATA_DIR CORPUS_DIR` so each index size is measured in a
fresh process and its RSS is its own; prints one JSON object.
"""
from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

ROLE_WORDS = ["AI security engineer", "MLSecOps engineer", "AI governance lead", "AI red teamer",
              "product security engineer", "head of security", "ML engineer", "SOC analyst"]
TOPICS = ["Kubernetes", "prompt injection", "the EU AI Act", "model signing", "threat modeling", "AWS",
          "incident response", "ISO/IEC 42001", "data poisoning", "salary", "certifications", "Python"]
LISTINGS = ["Show me remote {family} roles paying more than 150k", "Which {family} postings ask for the CISSP?",
            "What's the newest {family} posting?", "Which is the best-paid {family} job?", "Show me senior {family} roles in London"]
FAMILIES = ["MLSecOps", "AI governance", "AI red team", "product security", "AI security engineer", "security analyst"]
TEMPLATES = ["What does a {role} need to know about {topic}?", "How do {role} postings mention {topic}?",
             "Which skills around {topic} matter for a {role}?"]


def bench_questions(count: int) -> list[str]:
    """Distinct, deterministic questions mixing roles, topics and phrasings."""
    combos = itertools.product(TEMPLATES, ROLE_WORDS, TOPICS)
    return [template.format(role=role, topic=topic) for template, role, topic in itertools.islice(combos, count)]


def listing_questions(count: int) -> list[str]:
    """Job-search questions answered by selecting postings (the postings route), deterministic."""
    combos = itertools.product(LISTINGS, FAMILIES)
    return [template.format(family=family) for template, family in itertools.islice(itertools.cycle(combos), count)]


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    values = np.asarray(samples_ms)
    return {"p50_ms": round(float(np.percentile(values, 50)), 2), "p95_ms": round(float(np.percentile(values, 95)), 2)}


def measure(data_dir: Path, corpus_dir: Path, count: int = 120) -> dict:
    """Latency of retrieval (unfiltered, filtered two ways) and of full answers, plus RSS."""
    import psutil

    from app import Assistant
    from app.filters import chroma_where, parse_filters
    from app.settings import Settings

    assistant = Assistant(Settings(data_dir=data_dir, corpus_dir=corpus_dir))
    retriever = assistant.retriever()
    questions = bench_questions(count)
    role_filter = parse_filters({"role_family": "mlsecops"}, assistant.vocabulary.terms("role_families"))
    for question in questions[:10]:
        assistant.ask(question)
    timings: dict[str, list[float]] = {"retrieval": [], "retrieval_filtered": [], "dense_filter_postfilter": [],
                                       "dense_filter_pushdown": [], "answer": [], "listing": []}
    for question in questions:
        started = time.perf_counter()
        retriever.retrieve(question, assistant.embedder.embed_query(question), parse_filters({}, ()))
        timings["retrieval"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        retriever.retrieve(question, assistant.embedder.embed_query(question), role_filter)
        timings["retrieval_filtered"].append((time.perf_counter() - started) * 1000)
        vector = assistant.embedder.embed_query(question)
        started = time.perf_counter()
        retriever.dense_ranking(vector, role_filter)
        timings["dense_filter_postfilter"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        retriever.store.chunks.query(query_embeddings=[vector.tolist()], n_results=assistant.settings.candidate_k,
                                     where=chroma_where(role_filter), include=[])
        timings["dense_filter_pushdown"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        assistant.ask(question)
        timings["answer"].append((time.perf_counter() - started) * 1000)
    for question in listing_questions(count):  # the first one builds the snapshot's postings table and DuckDB engine
        started = time.perf_counter()
        assistant.ask(question)
        timings["listing"].append((time.perf_counter() - started) * 1000)
    return {
        "chunks": len(retriever.snapshot),
        "questions": len(questions),
        **{name: percentiles(samples) for name, samples in timings.items()},
        "filter_selectivity": round(float(retriever._mask(role_filter).mean()), 4),
        "rss_mb": round(psutil.Process().memory_info().rss / 2**20, 1),
    }


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 120)))
