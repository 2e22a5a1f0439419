"""`aisec ingest`: bring the index in step with the files, crash-safely, with progress and a summary."""
from __future__ import annotations

import dataclasses
import datetime as dt
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from app.errors import UserError
from app.settings import Settings
from ingest.catalog import DocRecord, fingerprint_of
from ingest.chroma_import import unchecked_overrides
from app.lexicon import load_lexicon
from ingest.chunking import make_chunker
from ingest.embedding import Embedder, make_embedder
from ingest.files import discover_files, unindexed_notes
from ingest.models import Chunk, Document, SourceFile, SyncReport
from ingest.offline import enforce_offline
from ingest.onnx_embedding import OnnxEmbedder
from ingest.plan import Plan, plan_changes
from ingest.progress import ChunkProgress
from ingest.rebuild import finish_interrupted_rebuild, open_new_index, put_in_place
from ingest.snapshot import Snapshot, build_snapshot, current_fingerprint, save_snapshot, snapshot_of
from ingest.store import ChunkStore, index_signature
from ingest.writer import IndexWriter
from ingest.vocabulary import load_vocabulary

# Chroma 1.5 holds the GIL through a write (chroma-core/chroma#3873), so a write stalls the embedding it was meant to
# overlap, and each write has a fixed cost (a commit, an HNSW save): few large writes are faster than many small ones
# (746 corpus chunks: one write 0.35 s against 0.6 s in three; 21 small catalog writes 0.5-0.8 s against 0.04 s in one).
WINDOW_CHUNKS = 4000  # chunks written per window of whole documents (under Chroma's largest batch, 5,461)
EMBED_CHUNKS = 256  # chunks per encode call: long enough to sort by length, short enough for smooth progress
MAX_PENDING_WINDOWS = 2  # embedded windows waiting for the writer: bounds the vectors held in memory


@contextmanager
def ingest_lock(data_dir: Path) -> Iterator[None]:
    """One ingest at a time per data dir."""
    from filelock import FileLock, Timeout

    data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(data_dir / "ingest.lock"), timeout=0)
    try:
        with lock:
            yield
    except Timeout:
        raise UserError(f"another `aisec ingest` is running on {data_dir} (lock {data_dir / 'ingest.lock'}); wait for it to finish") from None


def run_ingest(settings: Settings, paths: list[Path] | None = None, *, rebuild: bool = False,
               embedder: Embedder | OnnxEmbedder | None = None, show_progress: bool = True,
               on_progress: Callable[[int, int], None] | None = None) -> SyncReport:
    """Sync `paths` (default: the corpus) into the index and return what happened (`on_progress(done, total)`
    hears of every EMBED_CHUNKS chunks embedded)."""
    started = time.perf_counter()
    roots = [Path(p) for p in (paths or [settings.corpus_dir])]
    if not settings.vocabulary_path.exists():
        raise UserError(f"vocabulary file {settings.vocabulary_path} is missing; set AISEC_CORPUS_DIR to the corpus folder")
    with ingest_lock(settings.data_dir), IndexWriter() as writer:
        # Chroma opens (a rebuild: a new, empty index) in the writer's thread while the files are read, planned and
        # chunked, then stores each window while the next is embedded. Its Python is imported here first: two threads
        # importing or chunking at once only take turns with the GIL, and lose time doing so.
        enforce_offline()
        with unchecked_overrides():
            import chromadb  # noqa: F401

        lexicon = load_lexicon(settings.lexicon_path)
        embedder = embedder or make_embedder(settings)
        opening = writer.submit(open_store, settings, index_signature(settings, embedder), rebuild)
        files, unsupported = discover_files(roots, settings.corpus_dir, unindexed_notes(lexicon), settings.data_dir)
        records = {} if rebuild else opening.result().catalog.all()  # a rebuild starts from an empty catalog
        plan = plan_changes(files, records, roots, load_vocabulary(settings.vocabulary_path),
                            settings.max_posting_rows, settings.max_file_mb)
        report = SyncReport(skipped=unsupported + plan.skipped)
        warming = warm_up(embedder) if plan.to_write else None
        chunker = make_chunker(settings, lexicon)
        chunked = [(doc, sf, chunker.chunk_document(doc)) for doc, sf in plan.to_write]
        if warming:
            warming.result()  # a model that cannot load stops the run here, before anything is written
        staged = rebuild and not settings.chroma_url  # built in a new folder (ingest.rebuild)
        prepared = _apply(plan, chunked, writer, opening, records, embedder, report, show_progress, on_progress, staged)
        refresh_snapshot(opening.result(), settings.data_dir, prepared)
        if staged:
            put_in_place(settings, opening.result())
    for status in plan.file_status.values():
        setattr(report, status, getattr(report, status) + 1)
    present = {str(f.path) for f in files}
    report.removed += len({r.origin for r in plan.to_remove if r.origin not in present})
    report.seconds = time.perf_counter() - started
    return report


def warm_up(embedder: Embedder | OnnxEmbedder) -> Future[object]:
    """Load the model and run it once in a thread of its own while this one chunks (the second core is idle until
    embedding starts): the session's load and first, slower run then cost the ingest no time."""
    loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="embedder-load")
    try:
        return loader.submit(embedder.embed_passages, ["load the model and run it once"])
    finally:
        loader.shutdown(wait=False)  # its thread ends after this one task


def open_store(settings: Settings, signature: dict, rebuild: bool) -> ChunkStore:
    """Open the index and finish what an interrupted run left half done; a rebuild opens an empty new index beside
    the old one (a Chroma server's is emptied in place)."""
    if settings.chroma_url:
        store = ChunkStore(settings, signature, create=True, reset=rebuild)
    else:
        finish_interrupted_rebuild(settings)
        store = open_new_index(settings, signature) if rebuild else ChunkStore(settings, signature, create=True)
    finish_interrupted(store)
    return store


def finish_interrupted(store: ChunkStore) -> None:
    """Complete writes and deletes that a crash left half done (records marked dirty)."""
    dirty = [r for r in store.catalog.all().values() if r.dirty]
    for record in dirty:
        store.delete_other_versions(record.doc_id, record.version)
    store.catalog.delete([r.doc_id for r in dirty if not r.version])
    store.catalog.put([dataclasses.replace(r, dirty=False) for r in dirty if r.version])


def refresh_snapshot(store: ChunkStore, data_dir: Path, prepared: Snapshot | None = None) -> None:
    """Rebuild the BM25 snapshot when the catalog changed since it was built (`prepared`: a snapshot of the chunks
    this run wrote, which spares reading Chroma back when they are the whole index)."""
    records = store.catalog.all()
    fingerprint = fingerprint_of(records)
    if fingerprint != current_fingerprint(data_dir) or store.catalog.published_fingerprint() != fingerprint:
        save_snapshot(build_snapshot(store, records, prepared), data_dir)
        store.catalog.publish_fingerprint(fingerprint)


def _apply(plan: Plan, chunked: list[tuple[Document, SourceFile, list[Chunk]]], writer: IndexWriter,
           opening: Future[ChunkStore], records: dict[str, DocRecord], embedder: Embedder | OnnxEmbedder,
           report: SyncReport, show_progress: bool, on_progress: Callable[[int, int], None] | None = None,
           staged: bool = False) -> Snapshot | None:
    """Embed the chunks of `plan.to_write` window after window while the writer stores the previous ones; return a
    snapshot of the chunks written when they will be the whole index (a first ingest, a rebuild), built by the writer
    while the first window embeds.

    `staged`: the index is a rebuild's new folder, put in place only once complete (ingest.rebuild), so a crash
    discards it whole: its chunks are written without the dirty marks that make an index in use crash-safe, and the
    catalog once, at the end (each Chroma write has a fixed cost, paid after the last window is embedded)."""
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    synced = [dataclasses.replace(r, file_hash=sf.file_hash, dirty=False) for r, sf in plan.to_touch]
    stored: list[tuple[Future[list[DocRecord]], list]] = []
    replaced = {d.doc_id for d, _, _ in chunked} | {r.doc_id for r in plan.to_remove}
    whole = chunked and all(doc_id in replaced for doc_id, r in records.items() if r.version)
    preparing = writer.submit(snapshot_of, [chunk for _, _, doc_chunks in chunked for chunk in doc_chunks]) if whole else None

    def collect(done: tuple[Future[list[DocRecord]], list]) -> None:
        nonlocal synced
        fresh, window = done[0].result(), done[1]
        synced += [dataclasses.replace(r, file_hash=sf.file_hash) for r, (_, sf, _) in zip(fresh, window)]
        report.chunks_written += sum(len(c) for _, _, c in window)
        report.chunks_deleted += sum(records[d.doc_id].chunk_count for d, _, _ in window
                                     if d.doc_id in records and records[d.doc_id].version != d.version)

    with ChunkProgress(sum(len(c) for _, _, c in chunked), enabled=show_progress, on_advance=on_progress) as progress:
        for window in _windows(chunked):
            chunks = [chunk for _, _, doc_chunks in window for chunk in doc_chunks]
            vectors = _embed(embedder, chunks, progress)
            while stored and (stored[0][0].done() or len(stored) >= MAX_PENDING_WINDOWS):
                collect(stored.pop(0))  # a failed write stops the run here
            write = _write_staged_window if staged else _write_window
            stored.append((writer.submit(write, window, chunks, vectors, opening.result, records, now), window))
    for done in stored:
        collect(done)
    prepared = preparing.result() if preparing else None
    store = opening.result()
    _remove(plan.to_remove, store)
    report.chunks_deleted += sum(r.chunk_count for r in plan.to_remove)
    # Files get their new hash only now: until then a crash leaves their records pending (file_hash ""), so the
    # next run reloads those files instead of taking them as unchanged while a new document of theirs is unwritten.
    store.catalog.put(synced)
    return prepared


def _embed(embedder: Embedder | OnnxEmbedder, chunks: list[Chunk], progress: ChunkProgress) -> np.ndarray:
    """The vectors of `chunks`, encoded EMBED_CHUNKS at a time so that progress moves while a long window embeds."""
    parts = [np.zeros((0, embedder.dimension), dtype=np.float32)]
    for start in range(0, len(chunks), EMBED_CHUNKS):
        step = chunks[start : start + EMBED_CHUNKS]
        parts.append(embedder.embed_passages([c.index_text for c in step]))
        progress.advance(len(step))
    return np.concatenate(parts)


def _windows(chunked: list[tuple[Document, SourceFile, list[Chunk]]]):
    """Groups of whole documents of about WINDOW_CHUNKS chunks."""
    window, size = [], 0
    for item in chunked:
        window.append(item)
        size += len(item[2])
        if size >= WINDOW_CHUNKS:
            yield window
            window, size = [], 0
    if window:
        yield window


def _write_window(window, chunks: list[Chunk], vectors, store_of: Callable[[], ChunkStore], records: dict[str, DocRecord],
                  now: str) -> list[DocRecord]:
    """Mark dirty, write new chunks, switch versions, delete old chunks, mark clean: safe at any crash point.

    The records are written with file_hash "" (their file not yet fully synced); `_apply` sets it at the end.
    """
    store = store_of()
    fresh = [dataclasses.replace(_record(doc, sf, len(doc_chunks), now), file_hash="") for doc, sf, doc_chunks in window]
    before = [dataclasses.replace(records.get(r.doc_id) or dataclasses.replace(r, version=""), dirty=True) for r in fresh]
    store.catalog.put(before)
    store.add(chunks, vectors)
    store.catalog.put([dataclasses.replace(r, dirty=True) for r in fresh])
    old_ids = [old_chunk_id(records[r.doc_id], i) for r in fresh if r.doc_id in records
               for i in range(records[r.doc_id].chunk_count) if records[r.doc_id].version != r.version]
    if old_ids:
        store.chunks.delete(ids=old_ids)
    store.catalog.put(fresh)
    return fresh


def _write_staged_window(window, chunks: list[Chunk], vectors, store_of: Callable[[], ChunkStore],
                         records: dict[str, DocRecord], now: str) -> list[DocRecord]:
    """Write new chunks into a staged index; their records go into its catalog with the run's last write (`_apply`)."""
    store_of().add(chunks, vectors)
    return [_record(doc, sf, len(doc_chunks), now) for doc, sf, doc_chunks in window]


def _remove(doomed: list[DocRecord], store: ChunkStore) -> None:
    if not doomed:
        return
    store.catalog.put([dataclasses.replace(r, version="", dirty=True) for r in doomed])
    ids = [r.doc_id for r in doomed]
    for start in range(0, len(ids), 500):
        store.chunks.delete(where={"doc_id": {"$in": ids[start : start + 500]}})
    store.catalog.delete(ids)


def old_chunk_id(record: DocRecord, index: int) -> str:
    """The ID a chunk of `record`'s active version was written under."""
    return f"{record.doc_id}#{record.version[:12]}#{index:04d}"


def _record(document: Document, sf: SourceFile, chunk_count: int, now: str) -> DocRecord:
    return DocRecord(
        doc_id=document.doc_id, source=document.source, origin=str(sf.path), version=document.version,
        file_hash=sf.file_hash, title=document.title[:500], kind=document.kind, chunk_count=chunk_count, ingested_at=now,
        owner=sf.owner or "",
    )
