"""Word tokens for BM25: lower-cased, stop words dropped, English-stemmed; the same for passages and queries."""
from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[a-z0-9]+(?:[+#][a-z0-9+#]*)?")


@lru_cache(maxsize=1)
def _stemmer_and_stopwords():
    import Stemmer
    from bm25s.stopwords import STOPWORDS_EN

    return Stemmer.Stemmer("english"), frozenset(STOPWORDS_EN)


def lexical_tokens(text: str) -> list[str]:
    """Tokens of `text` as BM25 indexes them."""
    stemmer, stopwords = _stemmer_and_stopwords()
    words = [w for w in WORD.findall(text.lower()) if w not in stopwords]
    return stemmer.stemWords(words)
