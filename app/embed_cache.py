"""A thread-safe LRU cache in front of the embedder, so repeated sentences are embedded once."""
from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np


class CachedEmbedder:
    """Embeds texts, reusing vectors of texts seen recently."""

    def __init__(self, embedder, capacity: int = 50_000):
        self.embedder = embedder
        self.capacity = capacity
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> np.ndarray:
        """Normalised vectors, one row per text."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            fresh = self.embedder.embed_passages(missing)
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
