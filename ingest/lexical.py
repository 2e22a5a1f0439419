"""Word tokens for BM25: lower-cased, stop words dropped, English-stemmed; the same for passages and queries."""
from __future__ import annotations

import importlib
import re
import sys
from functools import lru_cache

WORD = re.compile(r"[a-z0-9]+(?:[+#][a-z0-9+#]*)?")


def bm25s_module():
    """bm25s, imported without SciPy: it imports scipy.sparse whenever SciPy is installed (0.17 s, a quarter of an
    ingest's start-up imports), yet calls it only for csc_backend="scipy", and we build with its default, "numpy"."""
    if "bm25s" not in sys.modules and "scipy.sparse" not in sys.modules:
        sys.modules["scipy.sparse"] = None  # `import scipy.sparse` raises ImportError: bm25s takes SciPy as absent
        try:
            return importlib.import_module("bm25s")
        finally:
            del sys.modules["scipy.sparse"]
    return importlib.import_module("bm25s")


@lru_cache(maxsize=1)
def _stemmer_and_stopwords():
    import Stemmer

    return Stemmer.Stemmer("english"), frozenset(bm25s_module().stopwords.STOPWORDS_EN)


def lexical_tokens(text: str) -> list[str]:
    """Tokens of `text` as BM25 indexes them."""
    stemmer, stopwords = _stemmer_and_stopwords()
    words = [w for w in WORD.findall(text.lower()) if w not in stopwords]
    return stemmer.stemWords(words)
