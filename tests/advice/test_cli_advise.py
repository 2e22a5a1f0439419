"""`aisec advise FILE|- [--target] [--json]`: the same advice as the API, clear errors with exit code 2."""
from __future__ import annotations

import io
import json

import pytest
from cvs import ML_CV, SOC_CV

from app.cli import main


@pytest.fixture
def coach_env(monkeypatch, coach_settings, reuse_loaded_model):
    monkeypatch.setenv("AISEC_DATA_DIR", str(coach_settings.data_dir))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(coach_settings.corpus_dir))


def test_advise_a_file_as_json(coach_env, tmp_path, capsys):
    cv = tmp_path / "ml.md"
    cv.write_text(ML_CV, encoding="utf-8")
    assert main(["advise", str(cv), "--json", "--target", "mlsecops"]) == 0
    advice = json.loads(capsys.readouterr().out)
    assert advice["target"] == "mlsecops" and "kubernetes" in advice["profile"]["skills"]
    assert advice["plan"]["path"] == "Transition path from ML engineer to AI security"
    assert advice["gaps"] and advice["citations"]


def test_advise_stdin_as_text_lists_plan_and_numbered_sources(coach_env, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(SOC_CV))
    assert main(["advise", "-"]) == 0
    out = capsys.readouterr().out
    assert "Plan: Transition path from SOC analyst to AI security" in out
    assert "1. Month 1:" in out and "Sources:" in out and "[1] Transition Paths into AI Security" in out
    assert "(sample data)" in out


@pytest.mark.parametrize("args, stdin, says", [
    (["advise", "/no/such/cv.pdf"], "", "no CV file at"),
    (["advise", "-"], "", "no CV text"),
    (["advise", "-"], "I like long walks.", "nothing in this text matches"),
    (["advise", "-", "--target", "astronaut"], SOC_CV, "unknown target"),
])
def test_bad_input_is_one_line_and_exit_code_2(coach_env, monkeypatch, capsys, args, stdin, says):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and says in err and "Traceback" not in err
