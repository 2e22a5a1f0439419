"""Run one ingest in this process and print its peak RSS and timings as JSON (for the resource-limit figures).

    python tests/reliability/measure_ingest.py [--fake-embedder] [PATH ...]

Settings come from AISEC_* variables as for `aisec ingest`. With --fake-embedder, vectors come from a hash of
the text instead of the model: the run then measures what grows with the input (loading, chunking, Chroma
writes, the BM25 snapshot) without hours of embedding; the real model adds a constant on top (measured apart).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import threading
import time
from pathlib import Path

import numpy as np


class HashEmbedder:
    """384-d unit vectors from a text hash: deterministic and instant."""

    name, dimension = "all-MiniLM-L6-v2", 384
    backend = variant = "hash"

    def embed_passages(self, texts):
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, hash(text) % self.dimension] = 1.0
        return out

    def embed_query(self, text):
        return self.embed_passages([text])[0]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fake-embedder", action="store_true")
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    from app.errors import UserError
    from app.settings import Settings
    from ingest.sync import run_ingest

    samples: list[tuple[float, float]] = []
    started = time.monotonic()
    stop = threading.Event()

    def sample() -> None:  # RSS over time, to see which phase peaks
        import psutil

        process = psutil.Process()
        while not stop.wait(0.25):
            samples.append((round(time.monotonic() - started, 2), round(process.memory_info().rss / 2**20, 1)))

    threading.Thread(target=sample, daemon=True).start()
    baseline = peak_rss_mb()
    try:
        report = run_ingest(Settings(), args.paths or None, embedder=HashEmbedder() if args.fake_embedder else None,
                            show_progress=False)
        outcome = report.to_dict()
    except UserError as exc:
        outcome = {"error": str(exc)}
    stop.set()
    print(json.dumps({"peak_rss_mb": round(peak_rss_mb(), 1), "rss_before_ingest_mb": round(baseline, 1),
                      "seconds": round(time.monotonic() - started, 2), "report": outcome,
                      "rss_timeline": samples[:: max(1, len(samples) // 40)]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
