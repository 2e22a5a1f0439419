"""Feedback lines are appended whole under concurrency; binding and auth rules."""
from __future__ import annotations

import json
import threading

import pytest
from pydantic import SecretStr

from app.settings import Settings
from app.ui.feedback import FeedbackLog
from app.ui.launch import basic_auth, is_loopback, warn_if_exposed


def test_feedback_appends_one_json_line_per_rating(tmp_path):
    log = FeedbackLog(tmp_path / "data" / "feedback.jsonl")
    answer = {"question": "q?", "text": "a [1]", "citations": [{"number": 1, "source": "s.md"}], "abstained": False}
    threads = [threading.Thread(target=log.record, args=(answer, "up" if i % 2 else "down", {"role_family": "mlsecops"}))
               for i in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = [json.loads(line) for line in log.path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 40 and {line["rating"] for line in lines} == {"up", "down"}
    first = lines[0]
    assert {"question", "answer", "citations", "rating", "time"} <= set(first)
    assert first["question"] == "q?" and first["answer"] == "a [1]" and first["citations"][0]["source"] == "s.md"
    with pytest.raises(ValueError):
        log.record(answer, "meh")


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True),
                                            ("0.0.0.0", False), ("192.168.1.5", False), ("myhost", False)])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_warning_only_for_exposed_ui_without_password(capsys):
    warn_if_exposed("127.0.0.1", has_auth=False)
    warn_if_exposed("0.0.0.0", has_auth=True)
    assert capsys.readouterr().err == ""
    warn_if_exposed("0.0.0.0", has_auth=False)
    assert "no password" in capsys.readouterr().err


def test_basic_auth_needs_user_and_password(tmp_path, capsys):
    assert basic_auth(Settings(data_dir=tmp_path)) is None
    assert basic_auth(Settings(data_dir=tmp_path, ui_user="ana", ui_password=SecretStr("s3cret"))) == ("ana", "s3cret")
    assert basic_auth(Settings(data_dir=tmp_path, ui_user="ana")) is None
    assert "needs both" in capsys.readouterr().err


def test_cli_ui_subcommand_parses_host_and_port():
    from app.cli import _parser

    args = _parser().parse_args(["ui", "--host", "0.0.0.0", "--port", "7999"])
    assert (args.host, args.port, args.handler.__name__) == ("0.0.0.0", 7999, "_ui")
    assert _parser().parse_args(["ui"]).host is None


def test_index_missing_and_a_failed_first_ingest_is_reported(tmp_path, ui_settings):
    from types import SimpleNamespace

    from app.ui.backend import Backend, index_missing
    from app.ui.corpus import progress_html

    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "no-corpus")
    assert index_missing(settings) and not index_missing(ui_settings)
    backend = Backend(settings, make_assistant=lambda: None, ingest_embedder=SimpleNamespace(name="fake", dimension=3, backend="fake", variant="fake"))
    backend.start_first_ingest().join(30)
    assert backend.progress.state == "failed" and not backend.ready
    assert "vocabulary file" in progress_html(backend.progress) and "aisec ingest" in progress_html(backend.progress)


def test_mode_selector_shows_only_when_an_llm_is_configured(ui_settings, ui_assistant):
    import gradio as gr

    from app.ui.app import build_ui
    from app.ui.backend import Backend

    def radios(settings):
        demo = build_ui(Backend(settings, ui_assistant))
        return [block.visible for block in demo.blocks.values() if isinstance(block, gr.Radio) and block.label == "Answer mode"]

    assert radios(ui_settings) == [False]
    assert radios(ui_settings.model_copy(update={"llm_base_url": "http://127.0.0.1:9/v1"})) == [True]
