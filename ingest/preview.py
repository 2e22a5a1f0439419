"""What an ingest of a folder would index, read without writing anything: the benchmark's and speed checks' input."""
from __future__ import annotations

from pathlib import Path

from app.lexicon import load_lexicon
from app.settings import Settings
from ingest.chunking import make_chunker
from ingest.files import discover_files, unindexed_notes
from ingest.loaders import load_file
from ingest.models import Chunk, Document
from ingest.vocabulary import load_vocabulary


def indexed_documents(settings: Settings, folder: Path | None = None) -> list[Document]:
    """Every document `aisec ingest` would load from `folder` (default: the corpus), in source order."""
    folder = folder or settings.corpus_dir
    files, _ = discover_files([folder], folder, unindexed_notes(load_lexicon(settings.lexicon_path)))
    vocabulary = load_vocabulary(settings.vocabulary_path)
    return [doc for sf in sorted(files, key=lambda f: f.source) for doc in load_file(sf, vocabulary, settings.max_posting_rows).documents]


def indexed_chunks(settings: Settings, folder: Path | None = None) -> list[tuple[Document, Chunk]]:
    """Every chunk `aisec ingest` would write for `folder`, with its document."""
    chunker = make_chunker(settings, load_lexicon(settings.lexicon_path))
    return [(doc, chunk) for doc in indexed_documents(settings, folder) for chunk in chunker.chunk_document(doc)]
