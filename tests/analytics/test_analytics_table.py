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


def test_closed_postings_are_left_out_unless_asked_for():
    from types import SimpleNamespace

    from app.analytics.table import table_from_snapshot

    metas = [{"kind": "posting", "doc_id": "posting:open", "chunk_index": 0},
             {"kind": "posting", "doc_id": "posting:gone", "chunk_index": 0, "status": "closed"}]
    snapshot = SimpleNamespace(ids=["open#0", "gone#0"], texts=["a", "b"], metadatas=metas)
    assert [r.posting_id for r in table_from_snapshot(snapshot)] == ["open"]
    assert [r.posting_id for r in table_from_snapshot(snapshot, include_closed=True)] == ["gone", "open"]
