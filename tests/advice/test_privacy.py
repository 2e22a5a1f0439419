"""A CV never reaches the data folder, the index or the logs, through the API, the CLI or the UI handlers."""
from __future__ import annotations

import io
import logging

import pytest
from cvs import SOC_CV

from app.cli import main
from app.errors import UserError
from ingest.snapshot import current_fingerprint

CANARY = "Quixbyrne"  # the CV author's name: it must be found nowhere afterwards


def files_containing(root, needle: str) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and needle.encode() in path.read_bytes():
            hits.append(str(path))
    return hits


@pytest.fixture
def watched(coach_settings, caplog):
    caplog.set_level(logging.DEBUG)
    before = current_fingerprint(coach_settings.data_dir)
    yield
    assert current_fingerprint(coach_settings.data_dir) == before  # nothing was indexed
    assert files_containing(coach_settings.data_dir, CANARY) == []
    logged = " ".join(r.getMessage() + repr(r.args) + repr(r.exc_text) for r in caplog.records)
    assert CANARY not in logged


def test_api_advice_and_errors_leave_no_trace(watched, coach_assistant):
    cv = f"{CANARY} Ottoline\n{SOC_CV}"
    coach_assistant.advise(cv)
    coach_assistant.advise(cv, target="ai-red-team")
    for bad in (f"{CANARY} likes cooking", f"{CANARY} " * 20_000):
        with pytest.raises(UserError) as error:
            coach_assistant.advise(bad)
        assert CANARY not in str(error.value)  # messages say what to do, they do not echo the CV


def test_cli_advice_and_an_unreadable_pdf_leave_no_trace(watched, coach_settings, monkeypatch, tmp_path, capsys,
                                                          reuse_loaded_model):
    monkeypatch.setenv("AISEC_DATA_DIR", str(coach_settings.data_dir))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(coach_settings.corpus_dir))
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{CANARY} Ottoline\n{SOC_CV}"))
    assert main(["advise", "-"]) == 0
    broken = tmp_path / "cv.pdf"
    broken.write_bytes(f"%PDF-1.4\n1 0 obj << /Title ({CANARY}) >> trailer garbage".encode())
    assert main(["advise", str(broken)]) == 2
    assert CANARY not in capsys.readouterr().err


def test_ui_handlers_keep_the_cv_in_the_session_only(watched, coach_settings, coach_assistant):
    import base64
    import json

    from app.ui.backend import Backend
    from app.ui.coach import _cv_text, advice_html

    backend = Backend(coach_settings, coach_assistant)
    payload = json.dumps({"name": "cv.txt", "size": 10, "data": base64.b64encode(f"{CANARY}\n{SOC_CV}".encode()).decode()})
    profile = coach_assistant.coach().read_profile(_cv_text("", payload))
    advice = backend.assistant.advise(profile.to_dict()).to_dict()
    assert CANARY not in json.dumps(advice) and CANARY not in advice_html(advice)  # only the recognised profile travels on
