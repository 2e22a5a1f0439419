"""Assistant start-up overlaps loading the model with opening the index, and still fails loudly on either."""
from __future__ import annotations

import shutil

import pytest

from app import Assistant
from app.errors import UserError
from ingest.onnx_embedding import OnnxEmbedder
from ingest.onnx_export import ensure_model_file


def test_a_damaged_model_fails_the_start_up_not_the_first_question(ask_index, embedder, tmp_path):
    damaged = tmp_path / "model.onnx"
    damaged.write_bytes(ensure_model_file(embedder.cache_dir, "int8").read_bytes()[:4096])
    with pytest.raises(Exception) as raised:
        Assistant(ask_index, embedder=OnnxEmbedder.from_file(damaged, quantized=True))
    assert not isinstance(raised.value, UserError)  # the runtime's own error, from the warm-up thread, not swallowed


def test_a_missing_index_is_reported_while_the_model_loads(tmp_path, ask_index, embedder):
    empty = ask_index.model_copy(update={"data_dir": tmp_path / "nothing-ingested"})
    with pytest.raises(UserError, match="run `aisec ingest` first"):
        Assistant(empty, embedder=embedder)


def test_the_model_and_the_vector_index_are_loaded_before_the_first_question(ask_index, embedder):
    fresh = OnnxEmbedder(embedder.cache_dir, quantized=True)
    bot = Assistant(ask_index, embedder=fresh)
    assert fresh._session is not None  # loaded by the warm-up thread, which Assistant() waited for
    answer = bot.ask("What does an AI governance lead earn?")
    assert answer.citations or answer.abstained

