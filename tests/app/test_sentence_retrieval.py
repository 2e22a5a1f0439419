"""The dense leg scores a passage by its closest sentence too; BM25 searches the lexicon's equivalents; sentence
vectors are embedded once per index and read back from disk."""
from __future__ import annotations

import numpy as np

from app.filters import Filters
from app.sentence_index import SentenceVectors
from app.sentences import passage_sentences


def _row_with_sentences(snapshot) -> tuple[int, str]:
    """A document passage with several quotable sentences, and one of them (not its first)."""
    for row, (text, meta) in enumerate(zip(snapshot.texts, snapshot.metadatas)):
        sentences = [s for s in passage_sentences(text) if len(s.split()) >= 6]
        if meta.get("kind") != "posting" and len(sentences) >= 3:
            return row, sentences[-1]
    raise AssertionError("the ask corpus has no passage of three sentences")


def test_a_passage_ranks_by_its_closest_sentence(assistant):
    retriever = assistant.retriever()
    row, sentence = _row_with_sentences(retriever.snapshot)
    context = retriever.snapshot.metadatas[row].get("context", "")
    vector = assistant.embed([f"{context}\n{sentence}"])[0]
    best = retriever.sentences.index(retriever.snapshot).best(vector, len(retriever.snapshot))
    assert best[row] > 0.99  # the sentence itself, under its heading path
    assert retriever.dense_ranking(vector, Filters())[0] == row


def test_sentence_vectors_are_read_back_not_embedded_again(assistant):
    retriever = assistant.retriever()
    first = retriever.sentences.index(retriever.snapshot)
    assert retriever.sentences.path.exists()

    def refuse(texts):
        raise AssertionError(f"embedded {len(texts)} sentences again")

    reread = SentenceVectors(refuse, assistant.settings.data_dir, assistant.store.signature)
    fresh = type(retriever.snapshot)(retriever.snapshot.fingerprint, retriever.snapshot.ids, retriever.snapshot.texts,
                                     retriever.snapshot.metadatas)
    again = reread.index(fresh)
    assert np.array_equal(first.rows, again.rows) and np.allclose(first.vectors, again.vectors)


def test_bm25_searches_the_words_the_lexicon_gives_for_one_idea(assistant):
    """lexicon `topic_equivalents`: [board, directors]; words the question already has are not repeated."""
    searched = assistant.retriever().with_equivalents("What should I tell the directors each quarter?")
    assert "board" in searched.split()
    assert searched.split().count("directors") == 1
    assert assistant.retriever().with_equivalents("What is prompt injection?") == "What is prompt injection?"
