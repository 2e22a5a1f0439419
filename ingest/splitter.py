"""Token-bounded pieces of text that keep whole sentences where they can.

The algorithm of llama-index-core's SentenceSplitter (0.14), the chunker the index was built with, kept here so that
ingest does not import llama-index: importing it took longer than chunking the whole corpus. Same pieces, checked
against llama-index's own splitter by tests/ingest/test_chunking.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

PARAGRAPH = "\n\n\n"
PHRASE = re.compile("[^,.;。？！]+[,.;。？！]?|[,.;。？！]")  # a clause up to its punctuation, when a sentence is too long


@dataclass(frozen=True)
class _Split:
    text: str
    is_sentence: bool  # a paragraph or sentence, rather than a clause, a word or a character
    tokens: int


def _keep_separator(separator: str) -> Callable[[str], list[str]]:
    """Split on `separator`, which starts every piece after the first."""
    def split(text: str) -> list[str]:
        parts = text.split(separator)
        return [piece for piece in [parts[0]] + [separator + p for p in parts[1:]] if piece]
    return split


class SentenceSplitter:
    """Pieces of at most `chunk_size` tokens, the next one repeating up to `chunk_overlap` tokens of the last."""

    def __init__(self, chunk_size: int, chunk_overlap: int, tokenize: Callable[[str], list], sentences: Callable[[str], list[str]]):
        self.chunk_size, self.chunk_overlap = chunk_size, chunk_overlap
        self._tokenize = tokenize
        self._sentence_splits = (_keep_separator(PARAGRAPH), sentences)
        self._clause_splits = (PHRASE.findall, _keep_separator(" "), list)

    def split_text(self, text: str) -> list[str]:
        """The pieces of `text`, stripped, whitespace-only ones left out."""
        if text == "":
            return [text]
        return [piece.strip() for piece in self._merge(self._split(text)) if piece.strip()]

    def _split(self, text: str) -> list[_Split]:
        """Paragraphs, else sentences, else clauses, words, characters: each at most chunk_size tokens if it can be."""
        tokens = len(self._tokenize(text))
        if tokens <= self.chunk_size:
            return [_Split(text, True, tokens)]
        parts, is_sentence = self._parts(text)
        splits: list[_Split] = []
        for part in parts:
            tokens = len(self._tokenize(part))
            if tokens <= self.chunk_size or len(parts) == 1:  # one part that cannot be split further stays as it is
                splits.append(_Split(part, is_sentence, tokens))
            else:
                splits.extend(self._split(part))
        return splits

    def _parts(self, text: str) -> tuple[list[str], bool]:
        for split in self._sentence_splits:
            parts = split(text)
            if len(parts) > 1:
                return parts, True
        for split in self._clause_splits:
            parts = split(text)
            if len(parts) > 1:
                break
        return parts, False

    def _merge(self, splits: list[_Split]) -> list[str]:
        """Fill pieces up to chunk_size; each new piece opens with the last pieces' tail, up to chunk_overlap tokens."""
        chunks: list[str] = []
        current: list[tuple[str, int]] = []
        length, fresh = 0, True
        index = 0
        while index < len(splits):
            split = splits[index]
            if split.tokens > self.chunk_size:
                raise ValueError("Single token exceeded chunk size")
            if length + split.tokens > self.chunk_size and not fresh:
                chunks.append("".join(text for text, _ in current))
                current, length, fresh = self._overlap(current)
                continue
            if fresh and length + split.tokens > self.chunk_size:
                while current and length + split.tokens > self.chunk_size:  # drop overlap until the split fits
                    length -= current.pop(0)[1]
            if split.is_sentence or length + split.tokens <= self.chunk_size or fresh:
                current.append((split.text, split.tokens))
                length += split.tokens
                index += 1
                fresh = False
            else:
                chunks.append("".join(text for text, _ in current))
                current, length, fresh = self._overlap(current)
        if not fresh:
            chunks.append("".join(text for text, _ in current))
        return chunks

    def _overlap(self, closed: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], int, bool]:
        """The start of the next piece: the closed piece's last splits, up to chunk_overlap tokens."""
        carried: list[tuple[str, int]] = []
        length = 0
        for text, tokens in reversed(closed):
            if length + tokens > self.chunk_overlap:
                break
            carried.insert(0, (text, tokens))
            length += tokens
        return carried, length, True
