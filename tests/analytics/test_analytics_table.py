"""The posting table: one row per posting, from its first chunk, whatever order the chunks come in."""
from __future__ import annotations

from app.analytics.table import posting_table


def test_one_row_per_posting_from_chunk_zero():
    meta = {"kind": "posting", "doc_id": "posting:p1", "posting_id": "p1", "role_family": "mlsecops", "skills": ["python"],
            "salary_min": 100, "salary_max": 200, "currency": "usd", "posted": "2025-02-01"}
    ids = ["posting:p1#v#0001", "posting:p1#v#0000", "doc#0000", "posting:p2#v#0000"]
    texts = ["second chunk", "first chunk", "a document", "other posting"]
    metas = [{**meta, "chunk_index": 1}, {**meta, "chunk_index": 0}, {"kind": "document", "doc_id": "doc", "chunk_index": 0},
             {"kind": "posting", "doc_id": "posting:p2", "chunk_index": 0}]
    rows = posting_table(ids, texts, metas)
    assert [r.posting_id for r in rows] == ["p1", "p2"]
    first = rows[0]
    assert first.text == "first chunk" and first.chunk_id == "posting:p1#v#0000"
    assert (first.salary_mid, first.currency, first.year, first.values("skills")) == (150, "USD", "2025", ("python",))
    assert rows[1].salary_mid is None and rows[1].values("seniority") == ()
    assert first.passage().metadata["posting_id"] == "p1"


def test_closed_postings_are_left_out_unless_asked_for_and_each_table_is_built_once_per_snapshot():
    from app.analytics.table import table_from_snapshot
    from ingest.snapshot import Snapshot

    metas = [{"kind": "posting", "doc_id": "posting:open", "chunk_index": 0},
             {"kind": "posting", "doc_id": "posting:gone", "chunk_index": 0, "status": "closed"}]
    snapshot = Snapshot("fp", ["open#0", "gone#0"], ["a", "b"], metas)
    assert [r.posting_id for r in table_from_snapshot(snapshot)] == ["open"]
    assert [r.posting_id for r in table_from_snapshot(snapshot, include_closed=True)] == ["gone", "open"]
    assert table_from_snapshot(snapshot) is table_from_snapshot(snapshot)  # kept with the snapshot, not rebuilt
    other = Snapshot("fp", ["new#0"], ["c"], [{"kind": "posting", "doc_id": "posting:new", "chunk_index": 0}])
    assert [r.posting_id for r in table_from_snapshot(other)] == ["new"]  # a new snapshot gets its own table
