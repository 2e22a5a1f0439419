"""The model's word-piece tokenizer, read straight from the packaged tokenizer.json by the `tokenizers` library."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ingest.embedding import MAX_WORD_PIECES, model_dir


@dataclass(frozen=True)
class Batch:
    """Model inputs for a batch of texts, padded to the longest one."""

    input_ids: np.ndarray
    attention_mask: np.ndarray
    token_type_ids: np.ndarray

    def feeds(self) -> dict[str, np.ndarray]:
        """The inputs by ONNX input name."""
        return {"input_ids": self.input_ids, "attention_mask": self.attention_mask, "token_type_ids": self.token_type_ids}


class WordPieces:
    """BERT word pieces without transformers (and so without torch): the same ids as the model's fast tokenizer."""

    def __init__(self, max_length: int = MAX_WORD_PIECES):
        from tokenizers import Tokenizer

        self._path = str(model_dir() / "tokenizer.json")
        self._counter = None  # built on first count (answering never counts): each copy takes ~20 ms to read
        self._batcher = Tokenizer.from_file(self._path)
        self._batcher.enable_truncation(max_length)
        self._batcher.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of the batch

    def batch(self, texts: list[str]) -> Batch:
        """Encode texts with special tokens, truncated to the model's window and padded together."""
        encodings = self._batcher.encode_batch(texts)
        as_array = lambda field: np.array([getattr(e, field) for e in encodings], dtype=np.int64)  # noqa: E731
        return Batch(as_array("ids"), as_array("attention_mask"), as_array("type_ids"))

    def count(self, text: str) -> int:
        """How many word pieces `text` makes, special tokens included, without truncation."""
        if self._counter is None:
            from tokenizers import Tokenizer

            counter = Tokenizer.from_file(self._path)  # the file itself pads and truncates to 128: switch both off
            counter.no_truncation()
            counter.no_padding()
            self._counter = counter
        return len(self._counter.encode(text).ids)
