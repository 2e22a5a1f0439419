"""`aisec ask` prints an answer with numbered sources, or the JSON of Answer.to_dict(); bad input exits 2."""
from __future__ import annotations

import json
import re

import pytest

from answer_checks import ASK_CORPUS
from app.cli import main


@pytest.fixture
def cli_env(monkeypatch, ask_index, embedder):
    """AISEC_* pointing at the module's index; the CLI reuses the session's embedding model."""
    monkeypatch.setenv("AISEC_DATA_DIR", str(ask_index.data_dir))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(ask_index.corpus_dir))
    monkeypatch.setattr("app.assistant.make_embedder", lambda settings: embedder)


def test_ask_prints_the_answer_and_numbered_sources(cli_env, capsys):
    assert main(["ask", "What skills do MLSecOps postings ask for?"]) == 0
    out = capsys.readouterr().out
    answer, sources = out.split("\nSources:\n")
    used = sorted({int(n) for n in re.findall(r"\[(\d+)\]", answer)})
    lines = sources.strip().splitlines()
    assert used == list(range(1, len(lines) + 1))
    assert all(re.match(rf"\[{i}\] .+ \(postings/.+\)$|\[{i}\] .+ \(documents/.+\) — (reviewed \d{{4}}-\d\d-\d\d|not reviewed)$", line)
               for i, line in enumerate(lines, start=1)), lines
    assert ("MLSecOps engineer: platform security basics › Skills employers ask for (documents/mlsecops-platform.md)"
            " — reviewed 2025-04-02") in sources


def test_ask_json_prints_the_answer_dict(cli_env, capsys):
    assert main(["ask", "What did the Northwind study find about AI governance lead salaries?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"text", "citations", "abstained", "verification", "mode", "timings_ms"} <= set(data)
    assert data["abstained"] is False and data["mode"] == "extractive"
    assert "$150,000" in data["text"]
    assert data["citations"][0]["source"] == "documents/governance-pay.md"
    assert all({"sentence", "cited", "supported_by", "status", "reasons"} <= set(c) for c in data["verification"])


def test_ask_filters_from_flags(cli_env, capsys):
    assert main(["ask", "What will the engineer build?", "--json", "--role", "mlsecops", "--remote", "remote",
                 "--seniority", "senior", "--kind", "posting", "--min-salary", "200000", "--location", "remote (us)"]) == 0
    data = json.loads(capsys.readouterr().out)
    shown = data["related"] if data["abstained"] else data["citations"]
    assert [(c["title"], c["metadata"]["company"]) for c in shown] == [("Senior MLSecOps Engineer — Quayside Data", "Quayside Data")]


def test_ask_off_topic_lists_related_passages(cli_env, capsys):
    assert main(["ask", "What is the best recipe for sourdough bread?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The corpus doesn't say.")
    assert "\nRelated passages:\n[1] " in out


@pytest.mark.parametrize("argv, message", [
    (["ask", ""], "error: the question is empty"),
    (["ask", "x" * 2001], "error: the question is 2001 characters long; the limit is 2000"),
    (["ask", "What do they pay?", "--role", "astronaut"], "error: unknown role_family 'astronaut'; choose one of:"),
    (["ask", "What do they pay?", "--remote", "moon"], "error: unknown remote 'moon'; choose one of: onsite, hybrid, remote"),
])
def test_ask_bad_input_is_one_line_on_stderr_and_exit_2(cli_env, capsys, argv, message):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(message) and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_ask_without_an_index_says_to_run_ingest(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("AISEC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(ASK_CORPUS))
    assert main(["ask", "What skills do MLSecOps postings ask for?"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no index found") and "run `aisec ingest` first" in err


def test_ask_with_an_unknown_mode_is_rejected_by_argparse(cli_env, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["ask", "What?", "--mode", "poetry"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'poetry'" in capsys.readouterr().err
