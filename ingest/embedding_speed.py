"""Encoding speed of the torch, ONNX fp32 and ONNX int8 embedders on the same texts, in one process.

    python -m ingest.embedding_speed            # 300 corpus chunks, batch size 16, prints JSON
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from app.settings import Settings
from ingest.embedding import Embedder
from ingest.onnx_embedding import OnnxEmbedder
from ingest.onnx_export import ensure_model_file


def corpus_chunk_texts(settings: Settings, limit: int = 300) -> list[str]:
    """`limit` chunk texts (what the embedder sees at ingest), spread evenly over the corpus's chunks."""
    from ingest.preview import indexed_chunks

    texts = [chunk.index_text for _, chunk in indexed_chunks(settings)]
    if len(texts) <= limit:
        return texts
    return [texts[i] for i in np.linspace(0, len(texts) - 1, limit).round().astype(int)]


def measure_backends(texts: list[str], *, batch_size: int = 16, rounds: int = 3, cache_dir: Path | None = None) -> dict:
    """Chunks/s of each backend (best of `rounds`, each after a warm-up batch), speed-ups over torch,
    the one-off export and quantisation times (into a scratch dir unless `cache_dir` is given),
    and how close the vectors are (cosine: ONNX fp32 to torch, int8 to fp32)."""
    with tempfile.TemporaryDirectory(prefix="aisec-onnx-") as scratch:
        cache = Path(cache_dir or scratch)
        started = time.perf_counter()
        ensure_model_file(cache, "fp32")
        export_s = time.perf_counter() - started
        ensure_model_file(cache, "int8")
        quantize_s = time.perf_counter() - started - export_s
        embedders = {
            "torch": Embedder(batch_size),
            "onnx": OnnxEmbedder(cache, batch_size=batch_size),
            "onnx-int8": OnnxEmbedder(cache, quantized=True, batch_size=batch_size),
        }
        for embedder in embedders.values():
            embedder.embed_passages(texts[:batch_size])
        best = {name: float("inf") for name in embedders}
        vectors = {}
        for _ in range(rounds):  # interleaved, so a busy moment on the machine does not hit one backend only
            for name, embedder in embedders.items():
                started = time.perf_counter()
                vectors[name] = embedder.embed_passages(texts)
                best[name] = min(best[name], time.perf_counter() - started)
    speed = {name: len(texts) / seconds for name, seconds in best.items()}
    return {
        "texts": len(texts), "batch_size": batch_size, "rounds": rounds, "cpu_count": os.cpu_count(),
        "export_s": round(export_s, 2), "quantize_s": round(quantize_s, 2),
        "chunks_per_s": {name: round(value, 1) for name, value in speed.items()},
        "speedup_over_torch": {name: round(speed[name] / speed["torch"], 2) for name in ("onnx", "onnx-int8")},
        "cosine": {"onnx_vs_torch": _cosine(vectors["onnx"], vectors["torch"]),
                   "int8_vs_onnx": _cosine(vectors["onnx-int8"], vectors["onnx"])},
    }


def _cosine(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    similarity = (a * b).sum(axis=1)  # rows are unit length
    return {"mean": round(float(similarity.mean()), 5), "min": round(float(similarity.min()), 5)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="chunk texts to encode (default 300)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = corpus_chunk_texts(Settings(), args.limit)
    print(json.dumps(measure_backends(texts, batch_size=args.batch_size, rounds=args.rounds), indent=2))


if __name__ == "__main__":
    main()
