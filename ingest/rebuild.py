"""`aisec ingest --rebuild` into a folder of its own that replaces the old index only when complete: a crash keeps the
old index, and the old one is dropped by removing its folder, not record by record."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from app.settings import Settings
from ingest.store import ChunkStore, chroma_folder, forget_cached_client


def new_folder(settings: Settings) -> Path:
    """Where a rebuild writes the new index."""
    return settings.data_dir / "chroma.rebuild"


def old_folder(settings: Settings) -> Path:
    """Where the old index waits, between the two renames that put the new one in its place, to be removed."""
    return settings.data_dir / "chroma.old"


def open_new_index(settings: Settings, signature: dict) -> ChunkStore:
    """An empty index in new_folder (what an interrupted rebuild left there is removed first)."""
    folder = new_folder(settings)
    forget_cached_client(settings, folder)
    shutil.rmtree(folder, ignore_errors=True)
    return ChunkStore(settings, signature, create=True, folder=folder)


def put_in_place(settings: Settings, store: ChunkStore) -> None:
    """Close the complete new index and move it to chroma_folder; the old index is removed."""
    store.client._system.stop()  # Chroma closes its files: none is written after the rename
    forget_cached_client(settings, new_folder(settings))
    current = chroma_folder(settings)
    if current.exists():
        shutil.rmtree(old_folder(settings), ignore_errors=True)
        os.replace(current, old_folder(settings))
    os.replace(new_folder(settings), current)
    forget_cached_client(settings)  # this process's readers open the new index from now on
    shutil.rmtree(old_folder(settings), ignore_errors=True)


def finish_interrupted_rebuild(settings: Settings) -> None:
    """Complete a replacement a crash cut between its two renames, and remove what an interrupted rebuild left."""
    current = chroma_folder(settings)
    if not current.exists() and old_folder(settings).exists() and new_folder(settings).exists():
        forget_cached_client(settings)  # a client this process opened before the crash reads the moved-away files
        os.replace(new_folder(settings), current)  # only a complete new index is ever moved
    if current.exists():
        shutil.rmtree(old_folder(settings), ignore_errors=True)
        shutil.rmtree(new_folder(settings), ignore_errors=True)
