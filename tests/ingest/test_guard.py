"""The index records its embedding model and chunking; opening it with other settings is refused until --rebuild."""
from __future__ import annotations

import pytest

from app.cli import main
from app.errors import UserError


@pytest.fixture
def one_doc(corpus_dir):
    """Guard tests ingest a single document to stay fast."""
    return [corpus_dir / "documents" / "red-team-guide.md"]


def test_other_chunk_size_is_refused_until_rebuild(settings_factory, ingest, read_index, one_doc):
    ingest(settings_factory(chunk_size=192), one_doc)
    before = read_index(settings_factory(chunk_size=192))

    smaller = settings_factory(chunk_size=32, chunk_overlap=8)
    with pytest.raises(UserError) as info:
        ingest(smaller, one_doc)
    message = str(info.value)
    assert "run `aisec ingest --rebuild`" in message
    assert "chunk_size: index has 192, settings say 32" in message
    assert "chunk_overlap: index has 32, settings say 8" in message
    assert read_index(settings_factory(chunk_size=192)).ids == before.ids  # the refused run changed nothing

    report = ingest(smaller, one_doc, rebuild=True)
    assert report.added == 1
    after = read_index(smaller)
    assert len(after.ids) > len(before.ids)  # really re-chunked at 32 tokens
    assert after.snapshot_ids is not None and set(after.snapshot_ids) == after.ids
    from ingest.store import ChunkStore

    stored = ChunkStore.open_existing(smaller).chunks.metadata
    assert (stored["chunk_size"], stored["chunk_overlap"]) == (32, 8)
    with pytest.raises(UserError, match="chunk_size: index has 32, settings say 192"):
        ingest(settings_factory(chunk_size=192), one_doc)


def test_index_built_with_another_embedding_model_is_refused(settings, ingest, one_doc):
    from ingest.store import ChunkStore

    ingest(settings, one_doc)
    chunks = ChunkStore.open_existing(settings).chunks
    chunks.modify(metadata={**chunks.metadata, "embedding_model": "all-mpnet-base-v2", "embedding_dim": 768})
    with pytest.raises(UserError) as info:
        ingest(settings, one_doc)
    assert "embedding_model: index has 'all-mpnet-base-v2', settings say 'all-MiniLM-L6-v2'" in str(info.value)
    assert "embedding_dim: index has 768, settings say 384" in str(info.value)
    assert "aisec ingest --rebuild" in str(info.value)


def test_index_built_with_another_embedding_variant_is_refused(settings, ingest, one_doc, torch_embedder):
    from ingest.sync import run_ingest

    run_ingest(settings, one_doc, embedder=torch_embedder, show_progress=False)  # PyTorch: fp32 vectors
    with pytest.raises(UserError, match=r"embedding_variant: index has 'fp32', settings say 'int8'.*aisec ingest --rebuild"):
        ingest(settings, one_doc)  # the default int8 model must not add its vectors to them


def test_cli_guard_message_and_rebuild(tmp_path, monkeypatch, capsys, corpus_dir, one_doc, reuse_loaded_model):
    monkeypatch.setenv("AISEC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(corpus_dir))
    path = str(one_doc[0])
    assert main(["ingest", "--quiet", path]) == 0
    monkeypatch.setenv("AISEC_CHUNK_SIZE", "128")
    capsys.readouterr()
    assert main(["ingest", "--quiet", path]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the index at ") and "run `aisec ingest --rebuild` to rebuild it" in err
    assert main(["ingest", "--quiet", "--rebuild", path]) == 0
    assert main(["status", "--json"]) == 0
    assert '"chunk_size": 128' in capsys.readouterr().out
