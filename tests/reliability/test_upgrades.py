"""An index written by an older schema, another embedding variant or other chunking is detected by every entry
point (ingest, ask, the Assistant the UI builds) with the fix spelled out, and nothing is mixed into it.
(tests/ingest/test_guard.py covers chunk size, embedding model and variant on the ingest side.)"""
from __future__ import annotations

import pytest

from app.cli import main
from app.errors import UserError

REBUILD = "run `aisec ingest --rebuild`"


@pytest.fixture
def one_doc(corpus_dir):
    return [corpus_dir / "documents" / "red-team-guide.md"]


def stamp(settings, **changes) -> None:
    """Make the index look as if an older or differently configured version wrote it (None removes the key)."""
    from ingest.store import ChunkStore

    chunks = ChunkStore.open_existing(settings).chunks
    metadata = {k: v for k, v in {**chunks.metadata, **changes}.items() if v is not None}
    chunks.modify(metadata=metadata)


def index_ids(settings) -> set[str]:
    from ingest.store import ChunkStore

    return set(ChunkStore.open_existing(settings).chunks.get(include=[])["ids"])


@pytest.mark.parametrize("changes, expected", [
    ({"schema_version": 2}, "schema_version: index has 2, settings say 3"),  # passages before the sentence splitter and edition tags
    ({"schema_version": None}, "schema_version: index has None, settings say 3"),  # written before the field existed
    ({"embedding_variant": "fp32"}, "embedding_variant: index has 'fp32', settings say 'int8'"),  # the old default
    ({"chunk_size": 512, "chunk_overlap": 64}, "chunk_size: index has 512, settings say 192"),
])
def test_an_older_or_other_index_is_refused_everywhere_until_rebuilt(settings, ingest, embedder, one_doc, changes, expected):
    from app import Assistant

    ingest(settings, one_doc)
    stamp(settings, **changes)
    before = index_ids(settings)
    (one_doc[0]).write_text(one_doc[0].read_text(encoding="utf-8") + "\nA new paragraph about retests.\n", encoding="utf-8")
    with pytest.raises(UserError) as refused_ingest:
        ingest(settings, one_doc)
    with pytest.raises(UserError) as refused_reader:
        Assistant(settings, embedder=embedder)
    for info in (refused_ingest, refused_reader):
        assert expected in str(info.value) and REBUILD in str(info.value)
    assert index_ids(settings) == before, "a refused run still wrote to the index"

    report = ingest(settings, one_doc, rebuild=True)
    assert report.added == 1
    from ingest.store import SCHEMA_VERSION, ChunkStore

    stored = ChunkStore.open_existing(settings).chunks.metadata
    assert stored["schema_version"] == SCHEMA_VERSION and stored["embedding_variant"] == "int8" and stored["chunk_size"] == 192
    Assistant(settings, embedder=embedder)  # and readers open it again


def test_the_cli_says_how_to_rebuild(settings, ingest, one_doc, monkeypatch, capsys, reuse_loaded_model):
    ingest(settings, one_doc)
    stamp(settings, schema_version=1)
    monkeypatch.setenv("AISEC_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(settings.corpus_dir))
    capsys.readouterr()
    for argv in (["ask", "What do red teams do?"], ["ingest", "--quiet", str(one_doc[0])]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: the index at ") and REBUILD in err and "Traceback" not in err
    assert main(["ingest", "--quiet", "--rebuild", str(one_doc[0])]) == 0
    assert main(["ask", "What do red teams do?"]) == 0
