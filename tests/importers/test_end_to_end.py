"""Fetch from the local job-board server, ingest into a real embedded Chroma, and find the postings in the index."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.settings import Settings
from ingest.importers.boards import fetch_postings, parse_boards
from ingest.status import index_status
from ingest.store import ChunkStore
from ingest.sync import run_ingest

REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
RED_TEAM_LEAD = "posting:lever-quillforge-5b1e2c44-0a6d-4c8e-9a51-1f2e3d4c5b01"


@pytest.mark.slow
def test_fetched_postings_ingest_and_are_retrievable(board_server, client, vocabulary, embedder, tmp_path, recorded_response):
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=REAL_CORPUS)
    out = tmp_path / "live"
    boards = parse_boards({source: (token, board_server.base_url) for source, token in
                           (("greenhouse", "nimbuslattice"), ("lever", "quillforge"), ("ashby", "verdantgrid"))})
    match = re.compile("security|governance|mlsecops|red team", re.IGNORECASE)
    board_server.greenhouse("nimbuslattice")
    board_server.lever("quillforge")
    board_server.ashby("verdantgrid")
    results = fetch_postings(boards, client, vocabulary, out, match=match)
    assert [r.kept for r in results] == [3, 4, 3]

    report = run_ingest(settings, [out], embedder=embedder, show_progress=False)
    assert (report.added, report.failed, report.skipped) == (3, 0, [])
    status = index_status(settings)
    assert status["postings"] == 10 and status["documents"] == 0

    chunks = ChunkStore.open_existing(settings).chunks
    lead = chunks.get(where={"doc_id": RED_TEAM_LEAD}, include=["metadatas", "documents"])
    meta = lead["metadatas"][0]
    assert meta["url"] == "https://jobs.lever.co/quillforge/5b1e2c44-0a6d-4c8e-9a51-1f2e3d4c5b01"  # what a citation links to
    assert (meta["kind"], meta["role_family"], meta["salary_min"], meta["status"]) == ("posting", "ai-red-team", 190000, "open")
    assert meta["source"] == "live/lever-quillforge.jsonl"
    assert "Salary: 190,000–240,000 USD per year." in " ".join(lead["documents"])
    hits = chunks.query(query_embeddings=[embedder.embed_query("AI red team lead jailbreak prompt injection").tolist()], n_results=3)
    assert RED_TEAM_LEAD in {m["doc_id"] for m in hits["metadatas"][0]}

    data = recorded_response("lever_quillforge.json")
    board_server.lever("quillforge", lambda query: (200, data[1:] if query["skip"] == ["0"] else [], {}))  # the lead role was filled
    fetch_postings(boards[1:2], client, vocabulary, out, match=match)  # default: close
    run_ingest(settings, [out], embedder=embedder, show_progress=False)
    assert index_status(settings)["postings"] == 10
    assert chunks.get(where={"doc_id": RED_TEAM_LEAD}, include=["metadatas"])["metadatas"][0]["status"] == "closed"

    fetch_postings(boards[1:2], client, vocabulary, out, match=match, on_missing="remove")
    run_ingest(settings, [out], embedder=embedder, show_progress=False)
    assert index_status(settings)["postings"] == 9
    assert chunks.get(where={"doc_id": RED_TEAM_LEAD})["ids"] == []
