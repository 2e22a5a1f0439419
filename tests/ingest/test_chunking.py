"""Chunks carry their provenance (doc, source, section, page, offsets, posting fields) and fit the embedder's window."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.settings import Settings
from ingest.chunking import Chunker, cl100k_encode
from ingest.embedding import MAX_WORD_PIECES
from ingest.files import discover_files, read_text
from ingest.loaders import load_file
from ingest.models import Chunk, Document
from ingest.vocabulary import load_vocabulary

REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"

CHROMA_SCALARS = (str, int, float, bool)


def documents_of(settings: Settings, subdir: str | None = None) -> list[tuple[Path, Document]]:
    """(file, document) for every loadable document under the corpus (or one sub-folder), as ingest loads them."""
    root = settings.corpus_dir / subdir if subdir else settings.corpus_dir
    files, _ = discover_files([root], settings.corpus_dir)
    vocabulary = load_vocabulary(settings.vocabulary_path)
    return [(sf.path, doc) for sf in files for doc in load_file(sf, vocabulary, settings.max_posting_rows).documents]


def chunks_by_source(settings: Settings, chunker: Chunker) -> dict[str, list[Chunk]]:
    found: dict[str, list[Chunk]] = {}
    for _, doc in documents_of(settings):
        found.setdefault(doc.source, []).extend(chunker.chunk_document(doc))
    return found


@pytest.mark.parametrize(("chunk_size", "chunk_overlap"), [(192, 32), (32, 8)])
def test_markdown_and_text_offsets_index_back_into_the_file(settings, chunk_size, chunk_overlap):
    chunker = Chunker(chunk_size, chunk_overlap)
    checked = 0
    for path, doc in documents_of(settings, "documents"):
        if path.suffix not in (".md", ".txt"):
            continue
        file_text = read_text(path)
        chunks = chunker.chunk_document(doc)
        assert chunks, path
        for chunk in chunks:
            start, end = chunk.metadata["start_char"], chunk.metadata["end_char"]
            assert file_text[start:end] == chunk.text, (path.name, chunk.chunk_id)
            checked += 1
        starts = [c.metadata["start_char"] for c in chunks]
        assert starts == sorted(starts)  # text order
    assert checked >= (4 if chunk_size == 192 else 12)  # small chunks really split the documents


@pytest.mark.parametrize(("chunk_size", "chunk_overlap"), [(192, 32), (32, 8)])
def test_html_pdf_and_posting_offsets_index_into_the_extracted_text(settings, chunk_size, chunk_overlap):
    chunker = Chunker(chunk_size, chunk_overlap)
    for path, doc in documents_of(settings):
        if path.suffix in (".md", ".txt"):
            continue
        for chunk in chunker.chunk_document(doc):
            assert doc.text[chunk.metadata["start_char"]:chunk.metadata["end_char"]] == chunk.text


def test_chunks_carry_document_identity_and_section(settings):
    chunks = chunks_by_source(settings, Chunker(settings.chunk_size, settings.chunk_overlap))
    guide = chunks["documents/red-team-guide.md"]
    for index, chunk in enumerate(guide):
        meta = chunk.metadata
        assert chunk.doc_id == meta["doc_id"] == "doc:documents/red-team-guide.md"
        assert meta["source"] == "documents/red-team-guide.md"
        assert meta["title"] == "AI red teaming: a short field guide"
        assert meta["kind"] == "document"
        assert meta["chunk_index"] == index
        assert chunk.chunk_id == f"{chunk.doc_id}#{meta['version'][:12]}#{index:04d}"
        assert meta["role_families"] == ["ai-red-team"]
        assert "page" not in meta
    sections = [c.metadata.get("section") for c in guide]
    assert sections == [None, "Daily work", "Skills that matter"]  # the H1 equal to the title is not a section
    assert guide[1].text.startswith("## Daily work")
    assert guide[1].context == "AI red teaming: a short field guide › Daily work"
    assert guide[1].index_text == f"{guide[1].context}\n{guide[1].text}"
    html = chunks["documents/careers-page.html"]
    assert [c.metadata.get("section") for c in html] == [None, "How to apply"]


def test_pdf_chunks_carry_their_page(settings):
    pdf = chunks_by_source(settings, Chunker(32, 8))["documents/threat-report.pdf"]
    pages = [c.metadata["page"] for c in pdf]
    assert pages[0] == 1 and pages[-1] == 2 and pages == sorted(pages)
    for chunk in pdf:
        if chunk.metadata["page"] == 1:
            assert "page two" not in chunk.text
        if "provenance checks" in chunk.text:
            assert chunk.metadata["page"] == 2


def test_posting_chunks_carry_structured_fields_chroma_can_store(settings):
    chunks = chunks_by_source(settings, Chunker(settings.chunk_size, settings.chunk_overlap))
    posting = next(c for c in chunks["postings/sample-postings.jsonl"] if c.doc_id == "posting:fx-002")
    meta = posting.metadata
    assert meta["kind"] == "posting"
    assert meta["posting_id"] == "fx-002"
    assert meta["company"] == "Gridline Systems"
    assert meta["seniority"] == "mid" and meta["remote"] == "remote"
    assert meta["role_family"] == "mlsecops" and meta["role_families"] == ["mlsecops"]
    assert meta["skills"] == ["kubernetes", "model-signing", "mlops"]
    assert meta["clouds"] == ["gcp", "aws"]
    assert meta["salary_min"] == 140000 and meta["salary_max"] == 175000
    assert meta["posted"] == "2025-01-20" and meta["posted_int"] == 20250120
    assert "certifications" not in meta  # empty lists are dropped: Chroma rejects them
    assert posting.context == "MLSecOps Engineer — Gridline Systems (Remote (US))"
    for source_chunks in chunks.values():
        for chunk in source_chunks:
            for key, value in chunk.metadata.items():
                assert value is not None, key
                if isinstance(value, list):
                    assert value and len({type(v) for v in value}) == 1 and isinstance(value[0], CHROMA_SCALARS), key
                else:
                    assert isinstance(value, CHROMA_SCALARS), key


def test_chunk_ids_are_deterministic_and_unique(settings):
    first = chunks_by_source(settings, Chunker(64, 16))
    second = chunks_by_source(settings, Chunker(64, 16))
    ids = [c.chunk_id for chunks in first.values() for c in chunks]
    assert ids == [c.chunk_id for chunks in second.values() for c in chunks]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("chunk_size", [32, 192])
def test_chunks_respect_the_token_budget(settings, chunk_size):
    encode = cl100k_encode()
    for chunks in chunks_by_source(settings, Chunker(chunk_size, chunk_size // 6)).values():
        for chunk in chunks:
            assert len(encode(chunk.text)) <= chunk_size, chunk.chunk_id


def test_overlap_must_be_smaller_than_chunk_size():
    with pytest.raises(ValueError, match="chunk_overlap must be smaller than chunk_size"):
        Chunker(64, 64)


def test_listed_metadata_is_filterable_in_chroma(settings, ingest, read_index):
    """Lists land in Chroma as arrays that `$contains` filters match."""
    from ingest.store import ChunkStore

    ingest(settings, [settings.corpus_dir / "postings"])
    store = ChunkStore.open_existing(settings)
    hits = store.chunks.get(where={"skills": {"$contains": "model-signing"}}, include=["metadatas"])
    assert {m["doc_id"] for m in hits["metadatas"]} == {"posting:fx-002"}
    mlsecops = store.chunks.get(where={"role_families": {"$contains": "mlsecops"}}, include=["metadatas"])
    assert {m["doc_id"] for m in mlsecops["metadatas"]} == {"posting:fx-002", "posting:hr-102"}
    recent = store.chunks.get(where={"posted_int": {"$gte": 20250601}}, include=["metadatas"])
    assert {m["posting_id"] for m in recent["metadatas"]} == {"fxj-001", "fxj-002", "fx-008"}
    state = read_index(settings)
    assert all(m["context"] for m in state.metadatas.values())  # context is stored for BM25 and display


def test_real_corpus_chunks_fit_the_embedder_window(embedder, settings_factory):
    """Every chunk of corpus/ at default settings must fit all-MiniLM-L6-v2's 256 word pieces (else it is truncated)."""
    settings = settings_factory(corpus_dir=REAL_CORPUS)
    defaults = Settings.model_fields
    assert (settings.chunk_size, settings.chunk_overlap) == (defaults["chunk_size"].default, defaults["chunk_overlap"].default)
    chunker = Chunker(settings.chunk_size, settings.chunk_overlap)
    counts: list[tuple[int, str]] = []
    for _, doc in documents_of(settings):
        for chunk in chunker.chunk_document(doc):
            counts.append((embedder.count_word_pieces(chunk.index_text), chunk.chunk_id))
    assert len(counts) > 100  # the real corpus, not an empty folder
    pieces = sorted(n for n, _ in counts)
    over = [(n, chunk_id) for n, chunk_id in counts if n > MAX_WORD_PIECES]
    print(
        f"\nword pieces per chunk (context + text, chunk_size={settings.chunk_size}, overlap={settings.chunk_overlap}): "
        f"{len(counts)} chunks, max {pieces[-1]}, median {pieces[len(pieces) // 2]}, "
        f"p95 {pieces[int(len(pieces) * 0.95)]}, over {MAX_WORD_PIECES}: {len(over)}"
    )
    assert not over, f"{len(over)} chunks would be truncated by the embedder: {sorted(over, reverse=True)[:5]}"


ODD_TEXTS = (
    "",
    "   \n\n  ",
    "One short sentence.",
    "word " * 400,  # no sentence end: cut at words
    "x" * 3000,  # one long word: cut at characters
    "a, b; c. " * 150 + "\n\n\n" + "Second paragraph. " * 60,  # clauses, then a paragraph break
    "第一句。第二句！第三句？" * 80,  # CJK sentence ends
    "Dr. Smith, i.e. the lead, met the U.S. team. " * 40,  # abbreviations are not sentence ends
)


@pytest.mark.parametrize(("chunk_size", "chunk_overlap"), [(192, 32), (64, 8), (32, 8), (16, 15)])
def test_the_sentence_splitter_cuts_as_llama_index_does(chunk_size, chunk_overlap):
    """ingest.splitter ports llama-index's SentenceSplitter so ingest need not import llama-index: on every section of
    the real corpus and on odd texts it must give exactly the pieces llama-index gives, or the index would change."""
    from llama_index.core.node_parser import SentenceSplitter as LlamaSentenceSplitter

    from app.sentences import sentence_pieces
    from ingest.chunking import _section_spans
    from ingest.splitter import SentenceSplitter

    ours = SentenceSplitter(chunk_size, chunk_overlap, cl100k_encode(), sentence_pieces)
    reference = LlamaSentenceSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap, tokenizer=cl100k_encode(),
                                      include_metadata=False, chunking_tokenizer_fn=sentence_pieces)
    real = Settings(corpus_dir=REAL_CORPUS)
    sections = [doc.text[start:end] for _, doc in documents_of(real) for start, end, _ in _section_spans(doc)]
    assert len(sections) > 250
    for text in sections + list(ODD_TEXTS):
        assert ours.split_text(text) == reference.split_text(text), text[:80]


def test_chunking_does_not_import_llama_index():
    """Importing llama-index took longer than chunking the whole corpus; `aisec ingest` must not pay for it."""
    import subprocess
    import sys

    code = ("import sys; from app.settings import Settings; from app.lexicon import load_lexicon; "
            "from ingest.chunking import make_chunker; s = Settings(); make_chunker(s, load_lexicon(s.lexicon_path)); "
            "print([m for m in sys.modules if m.startswith('llama_index.')])")  # the bare namespace package locates tiktoken's cache
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.stdout.strip() == "[]"
