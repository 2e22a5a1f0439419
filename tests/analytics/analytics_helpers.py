"""Shared by the analytics tests: fixture paths, reading raw postings, and building an index of one postings file."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from app.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE = DATA / "analytics_postings.jsonl"
OWN = DATA / "analytics_postings_own.jsonl"
VOCABULARY = Path(__file__).resolve().parents[2] / "corpus" / "vocabulary.yaml"


def read_postings(path: Path) -> list[dict]:
    """The raw postings, one dict per line, exactly as in the file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_index(root: Path, postings: Path, embedder) -> Settings:
    """A corpus folder with the real vocabulary and one postings file, ingested into root/data."""
    from ingest.sync import run_ingest

    corpus = root / "corpus"
    (corpus / "postings").mkdir(parents=True)
    shutil.copy(VOCABULARY, corpus / "vocabulary.yaml")
    shutil.copy(postings, corpus / "postings" / postings.name)
    settings = Settings(data_dir=root / "data", corpus_dir=corpus)
    run_ingest(settings, [corpus / "postings"], embedder=embedder, show_progress=False)
    return settings
