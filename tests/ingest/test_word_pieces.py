"""The `tokenizers`-based word pieces equal the model's transformers tokenizer, on the shipped corpus."""
from __future__ import annotations

import numpy as np
import pytest

from app.settings import Settings
from ingest.chunking import Chunker
from ingest.embedding import MAX_WORD_PIECES
from ingest.onnx_export import load_tokenizer
from ingest.word_pieces import WordPieces
from tests.conftest import REAL_CORPUS
from tests.ingest.test_chunking import documents_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_chunks() -> list[str]:
    settings = Settings(corpus_dir=REAL_CORPUS)
    chunker = Chunker(settings.chunk_size, settings.chunk_overlap)
    return [chunk.index_text for _, doc in documents_of(settings) for chunk in chunker.chunk_document(doc)]


def test_counts_equal_the_transformers_tokenizer_on_every_corpus_chunk(corpus_chunks):
    ours, theirs = WordPieces(), load_tokenizer()
    assert len(corpus_chunks) > 500
    for text in corpus_chunks:
        assert ours.count(text) == len(theirs(text, add_special_tokens=True, truncation=False)["input_ids"]), text[:80]


def test_batches_equal_the_transformers_tokenizer(corpus_chunks):
    ours, theirs = WordPieces(), load_tokenizer()
    longest = max(corpus_chunks, key=len) * 3  # past the window, so truncation is compared too
    texts = ["", "AI red teamer", "Ünïcödé, naïve café; 東京 🔐", longest, *corpus_chunks[:40]]
    got = ours.batch(texts)
    expected = theirs(texts, padding=True, truncation=True, max_length=MAX_WORD_PIECES, return_tensors="np")
    assert got.input_ids.shape[1] == MAX_WORD_PIECES
    for name, array in got.feeds().items():
        np.testing.assert_array_equal(array, expected[name], err_msg=name)
