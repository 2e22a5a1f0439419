"""`aisec ingest --rebuild` builds a new index beside the old one: the same index as before, and a crash keeps the old."""
from __future__ import annotations

import numpy as np
import pytest

from test_sync import FIXTURE_FILES, assert_consistent


class Crash(BaseException):
    """Stands in for SIGKILL in-process: no handler in the code under test catches it."""


def _stored(settings) -> dict:
    """Every chunk as stored: id -> (text, metadata, vector)."""
    from ingest.store import ChunkStore

    got = ChunkStore.open_existing(settings).chunks.get(include=["documents", "metadatas", "embeddings"])
    return {i: (d, m, np.asarray(e)) for i, d, m, e in zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"])}


def _assert_same(ours: dict, theirs: dict) -> None:
    assert ours.keys() == theirs.keys()
    for chunk_id, (text, metadata, vector) in ours.items():
        assert (text, metadata) == theirs[chunk_id][:2], chunk_id
        assert np.array_equal(vector, theirs[chunk_id][2]), f"{chunk_id}: the vector differs"


def _leftovers(settings) -> list[str]:
    return [name for name in ("chroma.rebuild", "chroma.old") if (settings.data_dir / name).exists()]


def test_a_rebuild_gives_the_same_index_and_leaves_no_folder_behind(settings, ingest, read_index):
    ingest(settings)
    before, before_state = _stored(settings), read_index(settings)
    report = ingest(settings, rebuild=True)
    assert (report.added, report.unchanged) == (FIXTURE_FILES, 0)
    _assert_same(_stored(settings), before)
    after = read_index(settings)
    assert_consistent(after)
    assert after.snapshot_ids == before_state.snapshot_ids and after.catalog.keys() == before_state.catalog.keys()
    assert _leftovers(settings) == []


def test_a_crash_during_a_rebuild_keeps_the_old_index(settings, ingest, read_index, monkeypatch):
    from ingest.store import ChunkStore

    ingest(settings)
    before, before_state = _stored(settings), read_index(settings)
    writes = []
    original = ChunkStore.add

    def add_then_crash(self, chunks, vectors):
        writes.append(len(chunks))
        original(self, chunks, vectors)
        raise Crash

    monkeypatch.setattr(ChunkStore, "add", add_then_crash)
    monkeypatch.setattr("ingest.sync.WINDOW_CHUNKS", 4)  # several windows: the crash falls after one was written
    with pytest.raises(Crash):
        ingest(settings, rebuild=True)
    assert writes, "the rebuild wrote nothing before the crash"
    monkeypatch.undo()
    _assert_same(_stored(settings), before)  # readers still find the whole old index
    assert read_index(settings).catalog == before_state.catalog
    report = ingest(settings)  # the next run finds nothing to do and clears what the crash left
    assert (report.added, report.updated, report.unchanged) == (0, 0, FIXTURE_FILES)
    assert_consistent(read_index(settings))
    assert _leftovers(settings) == []


def test_a_crash_between_the_two_renames_is_completed_by_the_next_run(settings, ingest, read_index, monkeypatch):
    import os
    from pathlib import Path

    ingest(settings)
    before = _stored(settings)
    rename = os.replace

    def replace(source, target):
        if Path(target).name == "chroma":
            raise Crash  # after the old index moved aside, before the new one moved in
        rename(source, target)

    monkeypatch.setattr("ingest.rebuild.os.replace", replace)
    with pytest.raises(Crash):
        ingest(settings, rebuild=True)
    monkeypatch.undo()
    assert not (settings.data_dir / "chroma").exists() and _leftovers(settings) == ["chroma.rebuild", "chroma.old"]
    report = ingest(settings)
    assert (report.added, report.updated, report.unchanged) == (0, 0, FIXTURE_FILES)
    _assert_same(_stored(settings), before)
    assert_consistent(read_index(settings))
    assert _leftovers(settings) == []


def test_a_rebuild_that_fits_one_window_writes_its_chunks_and_its_catalog_to_chroma_once(settings, ingest, read_index,
                                                                                         monkeypatch):
    """Chroma holds the GIL through a write and each write has a fixed cost: chunks that fit a window go in one write,
    and the catalog of the new folder, which a crash discards whole, in one write at the end (no dirty marks)."""
    import chromadb.api.models.Collection as collection_module

    ingest(settings)
    writes: dict[str, int] = {}
    upsert = collection_module.Collection.upsert

    def counted(self, *args, **kwargs):
        writes[self.name] = writes.get(self.name, 0) + 1
        return upsert(self, *args, **kwargs)

    monkeypatch.setattr(collection_module.Collection, "upsert", counted)
    report = ingest(settings, rebuild=True)
    monkeypatch.undo()
    assert report.chunks_written > 20 and report.added == FIXTURE_FILES
    assert writes[settings.collection] == 1
    assert writes[f"{settings.collection}-catalog"] == 1
    assert_consistent(read_index(settings))
