"""A thread-safe LRU cache in front of the embedder, so repeated sentences are embedded once."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

import numpy as np

_TWO_RUNS = ThreadPoolExecutor(2, thread_name_prefix="embed")  # shared by every cache: its threads start on first use


class CachedEmbedder:
    """Embeds texts, reusing vectors of texts seen recently."""

    def __init__(self, embedder, capacity: int = 50_000):
        self.embedder = embedder
        self.capacity = capacity
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        # An embedder that runs one text at a time (int8: its vectors never depend on their batch) is given two texts
        # at once, which ONNX Runtime runs side by side without the GIL: the same vectors, sooner.
        self._runs = _TWO_RUNS if getattr(embedder, "batch_size", None) == 1 and (os.cpu_count() or 1) > 1 else None

    def __call__(self, texts: list[str]) -> np.ndarray:
        """Normalised vectors, one row per text."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            fresh = self._embed(missing)
            with self._lock:
                for text, vector in zip(missing, fresh):
                    self._vectors[text] = vector
                while len(self._vectors) > self.capacity:
                    self._vectors.popitem(last=False)
        with self._lock:
            rows = []
            for text in texts:
                vector = self._vectors.get(text)
                if vector is None:  # evicted by a concurrent caller: embed it again
                    vector = self.embedder.embed_passages([text])[0]
                rows.append(vector)
                self._vectors.move_to_end(text) if text in self._vectors else None
        return np.vstack(rows) if rows else np.zeros((0, self.embedder.dimension), dtype=np.float32)

    def _embed(self, texts: list[str]) -> np.ndarray:
        if self._runs is None or len(texts) < 2:
            return self.embedder.embed_passages(texts)
        return np.vstack(list(self._runs.map(lambda text: self.embedder.embed_passages([text])[0], texts)))
