"""Dense search with the old HNSW settings (ef_search 100) and the current ones, in one run: do two builds of one index
give the same neighbours, how far are they from the exact cosine order, and what do writes and queries cost.

Usage: python bench/hnsw_search.py DATA_DIR [EXTRA]  (DATA_DIR: an ingested data dir; EXTRA: add that many perturbed
copies of its vectors, for a larger index); run from the repository root.
"""
from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.assistant import Assistant  # noqa: E402
from app.settings import Settings  # noqa: E402
from ingest.store import HNSW, chroma_client  # noqa: E402

OLD = {"space": "cosine", "sync_threshold": 100}  # before hnsw15: Chroma's default ef_search of 100
SUITES = ("full", "fresh9", "fresh16")
NEIGHBOURS, BUILDS = 30, 2


def _questions() -> list[str]:
    """Every question and turn of SUITES."""
    found = []
    for suite in SUITES:
        for case in yaml.safe_load(Path(f"evals/datasets/{suite}.yaml").read_text())["cases"]:
            turns = [case["question"]] if "question" in case else case.get("turns", [])
            found += [t if isinstance(t, str) else t.get("question", "") for t in turns]
    return [q for q in found if q]


def _build(folder: Path, hnsw: dict, ids: list[str], vectors: np.ndarray):
    """A new collection holding `vectors`, and the seconds its writes took."""
    client = chroma_client(Settings(data_dir=folder), folder)
    collection = client.create_collection("bench-chunks", configuration={"hnsw": hnsw}, embedding_function=None)
    started = time.perf_counter()
    for i in range(0, len(ids), 4000):
        collection.upsert(ids=ids[i : i + 4000], embeddings=vectors[i : i + 4000])
    return collection, time.perf_counter() - started


def main(data_dir: Path, extra: int) -> None:
    bot = Assistant(Settings(data_dir=data_dir))
    store = bot.retriever().store
    stored = store.chunks.get(include=["embeddings"])
    ids, vectors = list(stored["ids"]), np.asarray(stored["embeddings"], dtype=np.float32)
    if extra:
        rng = np.random.default_rng(1)
        copies = vectors[rng.integers(0, len(vectors), extra)] + rng.normal(scale=0.03, size=(extra, vectors.shape[1]))
        vectors = np.vstack([vectors, (copies / np.linalg.norm(copies, axis=1, keepdims=True)).astype(np.float32)])
        ids += [f"copy-{i}" for i in range(extra)]
    queries = np.asarray(bot.embed(_questions()), dtype=np.float32)
    exact = [[ids[j] for j in np.argsort(-(vectors @ q), kind="stable")[:NEIGHBOURS]] for q in queries]
    root = Path(tempfile.mkdtemp(prefix="hnsw-bench-"))
    settings = {"old": OLD, "new": HNSW}
    writes: dict[str, list[float]] = {name: [] for name in settings}
    builds: dict[str, list] = {name: [] for name in settings}
    for build in range(BUILDS):
        for name, hnsw in settings.items():  # alternating, so both see the same load
            collection, seconds = _build(root / f"{name}{build}", hnsw, ids, vectors)
            builds[name].append(collection)
            writes[name].append(seconds)
    latency: dict[str, list[float]] = {name: [] for name in settings}
    found: dict[str, list[list[list[str]]]] = {name: [[] for _ in range(BUILDS)] for name in settings}
    for q in queries:
        for name in settings:
            for build, collection in enumerate(builds[name]):
                started = time.perf_counter()
                neighbours = collection.query(query_embeddings=[q.tolist()], n_results=NEIGHBOURS, include=[])["ids"][0]
                latency[name].append(time.perf_counter() - started)
                found[name][build].append(neighbours)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.machine())
    print(f"{cpu}; {len(ids)} vectors, {len(queries)} questions, top {NEIGHBOURS}")
    for name, hnsw in settings.items():
        first, second = found[name][0], found[name][1]
        recall = np.mean([len(set(a) & set(b)) / NEIGHBOURS for a, b in zip(first, exact)])
        print(f"{name} {hnsw}: builds differ on {sum(a != b for a, b in zip(first, second))} questions; "
              f"off the exact order {sum(a != b for a, b in zip(first, exact))} and {sum(a != b for a, b in zip(second, exact))}; "
              f"recall@{NEIGHBOURS} {recall:.3f}; write {statistics.median(writes[name]):.3f} s; "
              f"query {statistics.median(latency[name]) * 1e3:.2f} ms")
    print(f"new/old: write {statistics.median(writes['new']) / statistics.median(writes['old']):.2f}, "
          f"query {statistics.median(latency['new']) / statistics.median(latency['old']):.2f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0)
