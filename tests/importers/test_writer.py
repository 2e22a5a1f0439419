"""Re-fetching: same id replaced in place, disappeared postings closed or removed, files written atomically."""
from __future__ import annotations

import json
import re

import pytest

from ingest.importers.boards import fetch_postings, parse_boards
from ingest.importers.writer import read_postings, write_postings


def record(id_, title="Security Engineer", **extra):
    return {"id": id_, "title": title, "company": "Acme", "description": "Secure things.", "status": "open", **extra}


def test_replaces_in_place_closes_missing_and_appends_new(tmp_path):
    path = tmp_path / "live" / "lever-acme.jsonl"
    first = write_postings(path, [record("a"), record("b"), record("c")])
    assert (first.added, first.updated, first.closed) == (3, 0, 0)
    second = write_postings(path, [record("d"), record("b", title="Senior Security Engineer"), record("c")])
    assert (second.added, second.updated, second.unchanged, second.closed, second.removed) == (1, 1, 1, 1, 0)
    rows = read_postings(path)
    assert [(r["id"], r["status"]) for r in rows] == [("a", "closed"), ("b", "open"), ("c", "open"), ("d", "open")]
    assert rows[1]["title"] == "Senior Security Engineer"
    third = write_postings(path, [record("b", title="Senior Security Engineer"), record("c"), record("d")])
    assert third.closed == 0  # already closed stays closed, not counted again
    reopened = write_postings(path, [record("a")])
    assert [(r["id"], r["status"]) for r in read_postings(path)] == [
        ("a", "open"), ("b", "closed"), ("c", "closed"), ("d", "closed")]
    assert reopened.updated == 1 and reopened.closed == 3


def test_remove_drops_missing_postings_and_an_empty_result_deletes_the_file(tmp_path):
    path = tmp_path / "ashby-acme.jsonl"
    write_postings(path, [record("a"), record("b")])
    summary = write_postings(path, [record("b")], on_missing="remove")
    assert summary.removed == 1 and [r["id"] for r in read_postings(path)] == ["b"]
    write_postings(path, [], on_missing="remove")
    assert not path.exists()
    assert write_postings(path, []).added == 0 and not path.exists()  # nothing fetched, nothing before: no empty file


def test_files_are_jsonl_without_leftover_temporaries(tmp_path):
    path = tmp_path / "greenhouse-acme.jsonl"
    write_postings(path, [record("a", skills=["python"]), record("b", title="Ingénieur sécurité")])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"] and "Ingénieur" in lines[1]
    assert [p.name for p in tmp_path.iterdir()] == ["greenhouse-acme.jsonl"]


def test_an_unreadable_earlier_file_is_not_overwritten(tmp_path):
    path = tmp_path / "lever-acme.jsonl"
    path.write_text('{"id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2 is not valid JSON.*fix or delete"):
        write_postings(path, [record("b")])
    assert path.read_text(encoding="utf-8") == '{"id": "a"}\nnot json\n'
    with pytest.raises(ValueError, match="on_missing"):
        write_postings(path, [], on_missing="archive")


@pytest.mark.parametrize("on_missing, expected", [
    ("close", [("4012001", "closed"), ("4012002", "open"), ("4012004", "open")]),
    ("remove", [("4012002", "open"), ("4012004", "open")]),
])
def test_refetch_from_the_board(board_server, client, vocabulary, tmp_path, recorded_response, on_missing, expected):
    data = recorded_response("greenhouse_nimbuslattice.json")
    boards = parse_boards({"greenhouse": ("nimbuslattice", board_server.base_url)})
    out = tmp_path / "live"

    def fetch():
        [result] = fetch_postings(boards, client, vocabulary, out, match=re.compile("security|governance", re.I), on_missing=on_missing)
        return result

    board_server.greenhouse("nimbuslattice", (200, data, {}))
    fetch()
    data["jobs"] = [job for job in data["jobs"] if job["id"] != 4012001]  # filled: gone from the board
    data["jobs"][0]["title"] = "Principal ML Platform Security Engineer (MLSecOps)"  # 4012002 retitled
    board_server.greenhouse("nimbuslattice", (200, data, {}))
    result = fetch()
    rows = read_postings(out / "greenhouse-nimbuslattice.jsonl")
    assert [(r["id"].rsplit("-", 1)[1], r["status"]) for r in rows] == expected
    assert next(r for r in rows if r["id"].endswith("4012002"))["title"].startswith("Principal")
    assert result.written.updated == 1 and (result.written.closed, result.written.removed) == (
        (1, 0) if on_missing == "close" else (0, 1))
    assert "1 updated" in result.summary_line()
