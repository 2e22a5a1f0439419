"""An embedder wrapper that remembers vectors, so configurations in one run reuse each other's work."""
from __future__ import annotations

import numpy as np


class SharedEmbeddings:
    """Same interface as the embedder it wraps; texts embedded once per run, whichever configuration asks.

    Vectors are deterministic per text, so answers do not change; latencies of later configurations
    do (they skip most embedding), which is why `aisec eval` only shares when asked to.
    """

    def __init__(self, embedder):
        self.inner = embedder
        self.name, self.dimension = embedder.name, embedder.dimension
        self.backend, self.variant = embedder.backend, embedder.variant
        self._passages: dict[str, np.ndarray] = {}
        self._queries: dict[str, np.ndarray] = {}

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """One row per text, from the cache where possible."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._passages]
        if missing:
            self._passages.update(zip(missing, self.inner.embed_passages(missing)))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack([self._passages[t] for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        """The query vector, from the cache where possible."""
        if text not in self._queries:
            self._queries[text] = self.inner.embed_query(text)
        return self._queries[text]

    def __getattr__(self, name: str):
        return getattr(self.inner, name)
