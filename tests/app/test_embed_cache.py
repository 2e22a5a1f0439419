"""The answer path's embedder front: misses of a one-text-per-run embedder are run two at a time, same vectors."""
from __future__ import annotations

import numpy as np

from app.embed_cache import CachedEmbedder

SENTENCES = [
    "MITRE ATLAS is a knowledge base of adversary tactics and techniques against AI-enabled systems.",
    "The ATLAS data is released openly in YAML form.",
    "Prompt injection is the first entry of the OWASP Top 10 for LLM Applications.",
    "AI red teamers probe models for jailbreaks, data leakage and unsafe tool use before release.",
    "The EU AI Act applies in stages.",
    "A short one.",
    "Model cards document intended use, evaluation data and known limitations of a machine-learning model.",
]


def test_misses_are_embedded_two_at_a_time_with_the_vectors_of_one_text_runs(embedder):
    assert embedder.batch_size == 1  # the default int8 backend runs one text at a time
    cached = CachedEmbedder(embedder)
    assert cached._runs is not None and cached._runs._max_workers == 2
    vectors = cached(SENTENCES + SENTENCES[:2])
    alone = np.vstack([embedder.embed_passages([text])[0] for text in SENTENCES])
    assert np.array_equal(vectors[: len(SENTENCES)], alone)  # bit for bit: no batching, no reordering
    assert np.array_equal(vectors[len(SENTENCES):], alone[:2])
