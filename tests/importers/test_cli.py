"""`aisec fetch-postings` and `aisec import-postings`: one line per board, exit codes, options and settings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
EXPORTS = Path(__file__).resolve().parents[1] / "data" / "job_boards" / "exports"


@pytest.fixture(autouse=True)
def fast_settings(monkeypatch, tmp_path):
    """Real vocabulary, data in tmp_path, quick retries (settings come from AISEC_* variables)."""
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(REAL_CORPUS))
    monkeypatch.setenv("AISEC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AISEC_FETCH_BACKOFF_S", "0.01")
    monkeypatch.setenv("AISEC_FETCH_RATE_PER_S", "50")
    monkeypatch.setenv("AISEC_FETCH_RETRIES", "2")


def bases(server) -> list[str]:
    return [f"--api-base-{source}={server.base_url}" for source in ("greenhouse", "lever", "ashby")]


def test_fetch_prints_one_line_per_board_and_survives_a_failing_one(board_server, tmp_path, capsys):
    board_server.greenhouse("nimbuslattice")
    board_server.greenhouse("brokenco", (500, "down", {}))
    board_server.lever("quillforge")
    board_server.ashby("verdantgrid")
    out = tmp_path / "live"
    code = main(["fetch-postings", "--greenhouse", "nimbuslattice,brokenco", "--lever", "quillforge", "--ashby", "verdantgrid",
                 "--out", str(out), *bases(board_server)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0].startswith("greenhouse nimbuslattice: ok: 3 kept of 5; 3 new, 0 updated, 0 closed, 0 removed -> ")
    assert lines[1].startswith("greenhouse brokenco: error: HTTP 500 from ") and "gave up after 3 attempts" in lines[1]
    assert lines[2].startswith("lever quillforge: ok: 4 kept of 5")
    assert lines[3].startswith("ashby verdantgrid: ok: 3 kept of 4")
    assert lines[4] == f"next: aisec ingest {out}"
    assert sorted(p.name for p in out.iterdir()) == ["ashby-verdantgrid.jsonl", "greenhouse-nimbuslattice.jsonl", "lever-quillforge.jsonl"]


def test_api_bases_can_come_from_settings_and_match_is_an_option(board_server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AISEC_ASHBY_API_BASE", board_server.base_url)
    board_server.ashby("verdantgrid")
    code = main(["fetch-postings", "--ashby", "verdantgrid", "--match", "director", "--out", str(tmp_path / "live")])
    assert code == 0 and "ashby verdantgrid: ok: 1 kept of 4" in capsys.readouterr().out


def test_on_missing_remove(board_server, tmp_path, recorded_response, capsys):
    out = tmp_path / "live"
    data = recorded_response("ashby_verdantgrid.json")
    board_server.ashby("verdantgrid", (200, data, {}))
    assert main(["fetch-postings", "--ashby", "verdantgrid", "--out", str(out), *bases(board_server)]) == 0
    data["jobs"] = data["jobs"][1:]
    board_server.ashby("verdantgrid", (200, data, {}))
    assert main(["fetch-postings", "--ashby", "verdantgrid", "--out", str(out), "--on-missing", "remove", *bases(board_server)]) == 0
    assert "2 kept of 3; 0 new, 0 updated, 0 closed, 1 removed" in capsys.readouterr().out.splitlines()[-2]
    assert len((out / "ashby-verdantgrid.jsonl").read_text().splitlines()) == 2


def test_exit_1_when_every_board_fails(board_server, tmp_path, capsys):
    board_server.lever("garbled", (200, "{not json", {}))
    code = main(["fetch-postings", "--lever", "garbled,missing", "--out", str(tmp_path), *bases(board_server)])
    captured = capsys.readouterr()
    assert code == 1
    assert "lever garbled: error: response from" in captured.out and "is not valid JSON" in captured.out
    assert "lever missing: error: HTTP 404" in captured.out
    assert "no board could be fetched" in captured.err


@pytest.mark.parametrize("argv, message", [
    (["fetch-postings"], "name at least one board"),
    (["fetch-postings", "--greenhouse", "https://boards.greenhouse.io/acme"], "public slug"),
    (["fetch-postings", "--lever", "acme", "--match", "(unclosed"], "--match is not a valid regular expression"),
    (["fetch-postings", "--lever", "acme", "--api-base-lever", "api.lever.co"], "is not an http(s) URL"),
])
def test_usage_errors_exit_2_with_a_message(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_import_postings_from_csv(tmp_path, capsys):
    out = tmp_path / "imported"
    code = main(["import-postings", str(EXPORTS / "spreadsheet.csv"), "--mapping", str(EXPORTS / "spreadsheet.mapping.yaml"), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert f"spreadsheet.csv: 3 kept of 5 rows; 3 new, 0 updated, 0 closed, 0 removed -> {out / 'spreadsheet.jsonl'}" in captured.out
    assert "skipped spreadsheet.csv row 5: missing required field(s): description" in captured.err
    assert [json.loads(line)["id"] for line in (out / "spreadsheet.jsonl").read_text().splitlines()] == [
        "harborlight-101", "harborlight-102", "harborlight-103"]


def test_import_postings_with_a_bad_mapping_is_a_user_error(tmp_path, capsys):
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns: {title: Nope}\n", encoding="utf-8")
    assert main(["import-postings", str(EXPORTS / "spreadsheet.csv"), "--mapping", str(mapping), "--out", str(tmp_path)]) == 2
    assert "cannot import" in capsys.readouterr().err
