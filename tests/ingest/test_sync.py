"""Incremental sync against real embedded Chroma: unchanged files are skipped, changes replace only their chunks."""
from __future__ import annotations

import json
from pathlib import Path

FIXTURE_FILES = 9
FIXTURE_DOCUMENTS = 6  # md x3, txt, html, pdf
FIXTURE_POSTINGS = 12  # jsonl 8, json 2, csv 2


def assert_consistent(state) -> None:
    """Chroma, the catalog and the BM25 snapshot describe exactly the same chunks."""
    assert state.snapshot_ids is not None, "no BM25 snapshot was written"
    assert len(state.snapshot_ids) == len(set(state.snapshot_ids))
    assert set(state.snapshot_ids) == state.ids
    active = {doc_id: r for doc_id, r in state.catalog.items() if r.version}
    assert set(active) == set(state.catalog), "a catalog record has no active version"
    assert not [r.doc_id for r in state.catalog.values() if r.dirty], "an interrupted write was left behind"
    assert set(active) == state.doc_ids()
    for doc_id, record in active.items():
        ids = state.ids_of(doc_id)
        assert len(ids) == record.chunk_count, doc_id
        assert {state.metadatas[i]["version"] for i in ids} == {record.version}, doc_id


def rewrite_jsonl(path: Path, edit) -> None:
    """Apply `edit` to the list of rows of a JSONL file and write it back."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = edit(rows)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def others(state, doc_id: str) -> set[str]:
    return state.ids - state.ids_of(doc_id)


def test_first_ingest_indexes_everything_and_reingest_adds_nothing(settings, ingest, read_index):
    first = ingest(settings)
    assert (first.added, first.updated, first.unchanged, first.removed, first.failed) == (FIXTURE_FILES, 0, 0, 0, 0)
    assert first.skipped == []
    state = read_index(settings)
    assert_consistent(state)
    kinds = [r.kind for r in state.catalog.values()]
    assert kinds.count("document") == FIXTURE_DOCUMENTS and kinds.count("posting") == FIXTURE_POSTINGS
    assert first.chunks_written == len(state.ids) >= FIXTURE_DOCUMENTS + FIXTURE_POSTINGS
    sources = {m["source"] for m in state.metadatas.values()}
    assert "documents/threat-report.pdf" in sources and "postings/hr-export.csv" in sources

    again = ingest(settings)
    assert (again.added, again.updated, again.unchanged, again.removed, again.failed) == (0, 0, FIXTURE_FILES, 0, 0)
    assert (again.chunks_written, again.chunks_deleted) == (0, 0)
    after = read_index(settings)
    assert after.ids == state.ids
    assert after.snapshot_ids == state.snapshot_ids
    assert_consistent(after)


def test_changed_file_replaces_only_its_chunks(settings, ingest, read_index):
    ingest(settings)
    before = read_index(settings)
    guide = "doc:documents/red-team-guide.md"
    path = settings.corpus_dir / "documents" / "red-team-guide.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n## Reporting\n\nEvery finding gets a severity and a retest date.\n",
                    encoding="utf-8")
    (settings.corpus_dir / "documents" / "new-note.md").write_text("# Bug bounties\n\nSome AI labs pay for jailbreaks.\n",
                                                                  encoding="utf-8")

    report = ingest(settings)
    assert (report.added, report.updated, report.unchanged, report.removed) == (1, 1, FIXTURE_FILES - 1, 0)
    after = read_index(settings)
    assert_consistent(after)
    assert before.ids_of(guide).isdisjoint(after.ids), "old chunks of the changed file are still there"
    assert others(after, guide) - after.ids_of("doc:documents/new-note.md") == others(before, guide)
    assert any(after.metadatas[i].get("section") == "Reporting" for i in after.ids_of(guide))
    assert report.chunks_written == len(after.ids_of(guide)) + len(after.ids_of("doc:documents/new-note.md"))
    assert report.chunks_deleted == len(before.ids_of(guide))

    # A changed file that can no longer be read keeps its last good version instead of vanishing.
    path.write_bytes(b"\x00\x01binary garbage\x00")
    broken = ingest(settings)
    assert broken.failed == 1 and [str(s) for s in broken.skipped] == ["documents/red-team-guide.md: binary content, not text"]
    assert read_index(settings).ids == after.ids


def test_deleted_file_loses_its_chunks_and_catalog_entries(settings, ingest, read_index):
    ingest(settings)
    before = read_index(settings)
    (settings.corpus_dir / "documents" / "mlsecops-overview.md").unlink()
    (settings.corpus_dir / "postings" / "hr-export.csv").unlink()
    gone = {"doc:documents/mlsecops-overview.md", "posting:hr-101", "posting:hr-102"}

    report = ingest(settings)
    assert (report.removed, report.unchanged, report.added, report.updated) == (2, FIXTURE_FILES - 2, 0, 0)
    after = read_index(settings)
    assert_consistent(after)
    assert gone.isdisjoint(after.catalog) and gone.isdisjoint(after.doc_ids())
    assert after.ids == {i for i in before.ids if before.metadatas[i]["doc_id"] not in gone}
    assert report.chunks_deleted == len(before.ids) - len(after.ids)

    # Ingesting one folder only removes what vanished from that folder; the rest of the index stays.
    (settings.corpus_dir / "documents" / "governance-basics.md").unlink()
    partial = ingest(settings, [settings.corpus_dir / "documents"])
    assert partial.removed == 1 and partial.unchanged == FIXTURE_DOCUMENTS - 2
    final = read_index(settings)
    assert_consistent(final)
    assert final.ids == after.ids - after.ids_of("doc:documents/governance-basics.md")
    assert {d for d in final.doc_ids() if d.startswith("posting:")} == {d for d in after.doc_ids() if d.startswith("posting:")}


def test_postings_inside_a_jsonl_are_synced_one_by_one(settings, ingest, read_index):
    ingest(settings)
    before = read_index(settings)
    jsonl = settings.corpus_dir / "postings" / "sample-postings.jsonl"

    def raise_salary(rows):
        for row in rows:
            if row["id"] == "fx-003":
                row["salary_max"] = 155000
        return rows

    rewrite_jsonl(jsonl, raise_salary)
    changed = ingest(settings)
    assert (changed.updated, changed.unchanged) == (1, FIXTURE_FILES - 1)
    after = read_index(settings)
    assert_consistent(after)
    assert before.ids_of("posting:fx-003").isdisjoint(after.ids)
    assert others(after, "posting:fx-003") == others(before, "posting:fx-003")
    assert {after.metadatas[i]["salary_max"] for i in after.ids_of("posting:fx-003")} == {155000}
    assert changed.chunks_written == len(after.ids_of("posting:fx-003"))

    # Same postings in another order: the file hash changes, no posting does, nothing is re-embedded.
    rewrite_jsonl(jsonl, lambda rows: list(reversed(rows)))
    reordered = ingest(settings)
    assert (reordered.chunks_written, reordered.chunks_deleted, reordered.unchanged) == (0, 0, FIXTURE_FILES)
    assert read_index(settings).ids == after.ids

    rewrite_jsonl(jsonl, lambda rows: [r for r in rows if r["id"] != "fx-008"])
    removed = ingest(settings)
    assert removed.updated == 1 and removed.removed == 0  # the file is still there, one posting is not
    final = read_index(settings)
    assert_consistent(final)
    assert "posting:fx-008" not in final.catalog and "posting:fx-008" not in final.doc_ids()
    assert final.ids == after.ids - after.ids_of("posting:fx-008")
    assert removed.chunks_deleted == len(after.ids_of("posting:fx-008"))


def test_rebuild_starts_over_with_the_same_chunk_ids(settings, ingest, read_index):
    from ingest.store import ChunkStore

    ingest(settings)
    before = read_index(settings)
    stray = ChunkStore.open_existing(settings).chunks  # a chunk no catalog knows about: only a rebuild drops it
    stray.add(ids=["stray#0"], embeddings=[[0.1] * 384], documents=["stray"], metadatas=[{"doc_id": "stray"}])
    ingest(settings)  # an ordinary sync leaves it alone
    assert "stray#0" in read_index(settings).ids
    rebuilt = ingest(settings, rebuild=True)
    assert (rebuilt.added, rebuilt.unchanged, rebuilt.updated) == (FIXTURE_FILES, 0, 0)
    assert rebuilt.chunks_written == len(before.ids)
    after = read_index(settings)
    assert_consistent(after)
    assert after.ids == before.ids  # chunk IDs are stable: the same content gets the same IDs
    assert after.snapshot_ids == before.snapshot_ids
    assert {d: (r.version, r.chunk_count) for d, r in after.catalog.items()} == \
        {d: (r.version, r.chunk_count) for d, r in before.catalog.items()}


def test_index_status_reports_what_was_ingested(settings, ingest):
    from ingest.status import index_status

    report = ingest(settings)
    status = index_status(settings)
    assert status["documents"] == FIXTURE_DOCUMENTS and status["postings"] == FIXTURE_POSTINGS
    assert status["chunks"] == report.chunks_written
    assert status["sources"] == FIXTURE_FILES
    assert (status["chunk_size"], status["chunk_overlap"]) == (settings.chunk_size, settings.chunk_overlap)
    assert status["embedding_model"] == "all-MiniLM-L6-v2"
    assert status["index_location"] == str(settings.data_dir / "chroma")
    assert status["interrupted_writes"] == 0


def test_posting_moved_to_another_file_is_kept_not_lost(settings, ingest, read_index):
    ingest(settings)
    before = read_index(settings)
    jsonl = settings.corpus_dir / "postings" / "sample-postings.jsonl"
    board = settings.corpus_dir / "postings" / "board-export.json"
    moved = []
    rewrite_jsonl(jsonl, lambda rows: [r for r in rows if r["id"] != "fx-008" or moved.append(r)])
    board.write_text(json.dumps(json.loads(board.read_text(encoding="utf-8")) + moved), encoding="utf-8")

    report = ingest(settings)
    assert report.skipped == []
    assert (report.updated, report.removed, report.chunks_deleted) == (2, 0, 0)
    after = read_index(settings)
    assert_consistent(after)
    assert after.ids == before.ids  # same content, same chunk ids: the chunks were rewritten in place
    assert after.catalog["posting:fx-008"].source == "postings/board-export.json"
    assert {after.metadatas[i]["source"] for i in after.ids_of("posting:fx-008")} == {"postings/board-export.json"}
    again = ingest(settings)
    assert (again.unchanged, again.chunks_written) == (FIXTURE_FILES, 0)
    assert read_index(settings).ids == before.ids


def test_duplicate_posting_id_in_a_second_file_is_refused_and_the_first_kept(settings, ingest, read_index):
    ingest(settings)
    before = read_index(settings)
    jsonl = settings.corpus_dir / "postings" / "sample-postings.jsonl"
    copy = json.loads(jsonl.read_text(encoding="utf-8").splitlines()[0])
    copy["title"] = "Impostor"
    (settings.corpus_dir / "postings" / "another.jsonl").write_text(json.dumps(copy) + "\n", encoding="utf-8")
    rewrite_jsonl(jsonl, lambda rows: rows + [{**rows[0], "id": "fx-009"}])  # the owning file changes too

    report = ingest(settings)
    assert [str(s) for s in report.skipped] == [
        "postings/another.jsonl: posting:fx-001 is already ingested from sample-postings.jsonl; ids must be unique"
    ]
    after = read_index(settings)
    assert_consistent(after)
    assert after.catalog["posting:fx-001"].source == "postings/sample-postings.jsonl"
    assert after.ids_of("posting:fx-001") == before.ids_of("posting:fx-001")
    assert "posting:fx-009" in after.doc_ids()


def test_sources_sections_and_the_corpus_datasheet_are_not_indexed(settings, ingest, read_index):
    """A document's `## Sources` list and the corpus README describe the corpus; no passage may quote them. Source
    objects in front matter ({title, url, checked}) are kept as the passage's metadata."""
    (settings.corpus_dir / "README.md").write_text("# Corpus datasheet\n\nPostings are validated against it.\n", encoding="utf-8")
    (settings.corpus_dir / "documents" / "cited.md").write_text(
        "---\ntitle: Cited guide\nsources:\n  - {title: 'OWASP Top 10 for LLM Applications', url: 'https://genai.owasp.org', checked: 2026-11-01}\n"
        "  - 'NIST AI 100-1 (January 2023)'\n---\n\n## What the guide says\n\nModel files can run code when they are loaded.\n\n"
        "## Sources\n\n- OWASP GenAI Security Project — OWASP Top 10 for LLM Applications 2025 (November 2024).\n",
        encoding="utf-8")
    report = ingest(settings)
    assert report.failed == 0
    state = read_index(settings)
    sources = {m["source"] for m in state.metadatas.values()}
    assert "README.md" not in sources and "documents/cited.md" in sources
    cited = [m for m in state.metadatas.values() if m["source"] == "documents/cited.md"]
    assert {m.get("section") for m in cited} == {"What the guide says"}
    assert cited[0]["sources"] == ["OWASP Top 10 for LLM Applications", "NIST AI 100-1 (January 2023)"]
    assert cited[0]["source_urls"] == ["https://genai.owasp.org"]


def test_a_rebuild_leaves_no_metadata_of_the_old_index_on_the_new_one(settings, ingest, read_index):
    """chroma-core/chroma#7594: delete_collection left list-valued metadata that the next records inherited; a
    rebuild over a changed corpus must give every chunk exactly the metadata a first ingest gives it."""
    ingest(settings)
    first_doc = sorted((settings.corpus_dir / "documents").glob("*.md"))[0]
    first_doc.unlink()  # the rebuilt index writes its chunks in another order, onto reused row ids
    ingest(settings, rebuild=True)
    rebuilt = read_index(settings).metadatas
    fresh_settings = settings.model_copy(update={"data_dir": settings.data_dir.parent / "fresh-index"})
    ingest(fresh_settings)
    assert rebuilt == read_index(fresh_settings).metadatas


def test_the_snapshot_holds_what_chroma_holds_after_a_rebuild_and_after_a_change(settings, ingest):
    """A run builds the BM25 snapshot from the chunks it just wrote when they cover the index, else it reads Chroma;
    either way the snapshot must equal one read back from Chroma: same ids, texts, metadata and BM25 scores."""
    from ingest.snapshot import build_snapshot, load_snapshot
    from ingest.store import ChunkStore

    def assert_snapshot_matches_chroma():
        published = load_snapshot(settings.data_dir)
        from_chroma = build_snapshot(ChunkStore.open_existing(settings))
        assert (published.fingerprint, published.ids, published.texts) == (from_chroma.fingerprint, from_chroma.ids, from_chroma.texts)
        assert published.metadatas == from_chroma.metadatas
        for query in ("model signing in the ML pipeline", "salary of an AI security engineer"):
            assert published.bm25_scores(query).tolist() == from_chroma.bm25_scores(query).tolist()

    ingest(settings)
    ingest(settings, rebuild=True)  # every chunk written by this run: the snapshot comes from memory
    assert_snapshot_matches_chroma()
    guide = settings.corpus_dir / "documents" / "red-team-guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n## Reporting\n\nEvery finding gets a retest date.\n", encoding="utf-8")
    ingest(settings)  # one document rewritten: the rest of the snapshot comes from Chroma
    assert_snapshot_matches_chroma()
