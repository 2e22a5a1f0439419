"""The lexicon: every word list the answer path uses, read from one file beside the vocabulary."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from app.errors import UserError
from ingest.files import read_yaml


@lru_cache(maxsize=4)
def load_lexicon(path: Path) -> dict[str, Any]:
    """Read lexicon.yaml: one section per idea (answer types, query cues, regions, currencies, ...), each a mapping or a list."""
    if not path.exists():
        raise UserError(f"lexicon file {path} is missing; set AISEC_CORPUS_DIR to the corpus folder")
    return read_yaml(path) or {}
