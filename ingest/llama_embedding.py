"""llama-index's embedding interface over the project's embedders (torch or ONNX Runtime)."""
from __future__ import annotations

import asyncio
from typing import Any

from llama_index.core.embeddings import BaseEmbedding
from llama_index.core.bridge.pydantic import PrivateAttr

from ingest.embedding import Embedder, make_embedder
from ingest.onnx_embedding import OnnxEmbedder


class ProjectEmbedding(BaseEmbedding):
    """A `BaseEmbedding` whose vectors are exactly those `aisec ingest` writes (normalised all-MiniLM-L6-v2)."""

    _embedder: Embedder | OnnxEmbedder = PrivateAttr()

    def __init__(self, embedder: Embedder | OnnxEmbedder, *, embed_batch_size: int = 256, **kwargs: Any):
        # llama-index hands texts over in slices of embed_batch_size; the embedder batches (by length) within a slice.
        super().__init__(model_name=embedder.name, embed_batch_size=embed_batch_size, **kwargs)
        self._embedder = embedder

    @classmethod
    def from_settings(cls, settings, **kwargs: Any) -> "ProjectEmbedding":
        """The embedder `settings.embed_backend` names, wrapped."""
        return cls(make_embedder(settings), **kwargs)

    @classmethod
    def class_name(cls) -> str:
        return "ProjectEmbedding"

    @property
    def embedder(self) -> Embedder | OnnxEmbedder:
        """The wrapped project embedder."""
        return self._embedder

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.embed_query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.embed_passages([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed_passages(list(texts)).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return await asyncio.to_thread(self._get_query_embedding, query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return await asyncio.to_thread(self._get_text_embedding, text)

    async def _aget_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return await asyncio.to_thread(self._get_text_embeddings, texts)
