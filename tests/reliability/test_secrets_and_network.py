"""The LLM API key never shows (logs, errors, `aisec status`, `aisec ask [--json]`, the UI and its API); the UI
binds to loopback by default; and in the default configuration nothing connects anywhere but loopback — checked
for ingest, ask and UI start-up in a fresh interpreter (Python socket guard, and strace for native code), which
also writes nothing to HOME but matplotlib's font cache."""
from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from reliability_figures import record

ROOT = Path(__file__).resolve().parents[2]
SECRET = "sk-canary-5f3e9b1c77d04aa2"
QUESTION = "How do I secure a model registry and sign model artefacts?"
sys.path.insert(0, str(ROOT / "tests" / "app"))
from fake_llm import ScriptedLlm  # noqa: E402  (the scripted OpenAI-compatible endpoint of the app tests)


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/v1"


@pytest.fixture
def indexed(settings, ingest, monkeypatch):
    """An index of the fixture corpus, and AISEC_* variables pointing the CLI at it, with an LLM key set."""
    ingest(settings)
    monkeypatch.setenv("AISEC_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("AISEC_LLM_API_KEY", SECRET)
    return settings


@pytest.mark.parametrize("endpoint", ["echoes-key-in-401", pytest.param("answers", marks=pytest.mark.reliability),
                                      pytest.param("down", marks=pytest.mark.reliability)])
def test_the_api_key_never_reaches_output_errors_or_logs(indexed, monkeypatch, capsys, caplog, reuse_loaded_model, endpoint):
    caplog.set_level(logging.DEBUG)  # every library's debug logging too (openai, httpx, chromadb, gradio ...)
    server = {"echoes-key-in-401": ScriptedLlm(status=401), "answers": ScriptedLlm(reply="Sign model artefacts [1].")}.get(endpoint)
    with server or contextlib.nullcontext():
        monkeypatch.setenv("AISEC_LLM_BASE_URL", server.base_url if server else closed_port_url())
        outputs = []
        for argv in (["ask", "--json", "--mode", "llm", QUESTION], ["ask", "--mode", "llm", QUESTION], ["status"], ["status", "--json"]):
            code = main(argv)
            out, err = capsys.readouterr()
            outputs.append((argv, code, out, err))
        if server and endpoint == "echoes-key-in-401":
            assert server.requests and server.requests[0]["authorization"] == f"Bearer {SECRET}"  # the key was really sent
    for argv, code, out, err in outputs:
        assert code == 0, (argv, err)
        assert SECRET not in out and SECRET not in err, argv
    assert SECRET not in caplog.text
    answer = json.loads(outputs[0][2])
    if endpoint != "answers":
        assert answer["mode"] == "extractive" and "LLM endpoint failed" in answer["notes"][0]
        assert "***" in answer["notes"][0] or endpoint == "down"


def test_settings_never_print_the_key(monkeypatch):
    from app.settings import Settings

    monkeypatch.setenv("AISEC_LLM_API_KEY", SECRET)
    monkeypatch.setenv("AISEC_UI_PASSWORD", SECRET + "-ui")
    settings = Settings()
    for shown in (repr(settings), str(settings), settings.model_dump_json(), json.dumps(settings.model_dump(mode="json"))):
        assert SECRET not in shown
    assert settings.llm_api_key.get_secret_value() == SECRET


def test_a_bad_setting_is_a_one_line_error_without_the_key(monkeypatch, capsys):
    monkeypatch.setenv("AISEC_LLM_API_KEY", SECRET)
    monkeypatch.setenv("AISEC_CHUNK_SIZE", "a lot")
    assert main(["status"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "AISEC_CHUNK_SIZE" in err and "Traceback" not in err and SECRET not in err


def test_the_ui_and_its_api_never_show_the_key(indexed, embedder):
    """Page, Gradio config, API description and an /ask answer whose LLM error echoed the key."""
    import httpx
    from gradio_client import Client
    from pydantic import SecretStr

    from app import Assistant
    from app.ui import serve

    with ScriptedLlm(status=401) as llm, socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        settings = indexed.model_copy(update={"llm_base_url": llm.base_url, "answer_mode": "llm", "ui_port": port,
                                              "llm_api_key": SecretStr(SECRET)})
        demo, url = serve(settings, Assistant(settings, embedder=embedder), block=False)
        try:
            pages = [httpx.get(url + path, timeout=30).text for path in ("", "config", "gradio_api/info")]
            answer = Client(url, verbose=False).predict(question=QUESTION, mode="llm", api_name="/ask")
        finally:
            demo.close()
    assert llm.requests, "the LLM was never asked: the test proves nothing"
    assert "LLM endpoint failed" in answer["notes"][0]
    for shown in [*pages, json.dumps(answer)]:
        assert SECRET not in shown


# -- no network: a fresh interpreter, everything loaded under the guard -------------------------------------------
GUARD = r'''
import json, os, socket, sys

LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "", None}
attempts = []


def address(host):
    import ipaddress
    try:
        return ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return None


def loopback(host):
    return address(host).is_loopback if address(host) else host in LOCAL_NAMES


real_connect, real_connect_ex, real_getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo


def check(kind, address):
    if isinstance(address, tuple) and not loopback(address[0]):
        attempts.append(f"{kind} {address[0]}:{address[1]}")
        raise OSError(f"network disabled by the reliability guard: {address!r}")


def connect(self, address):
    check("connect", address)
    return real_connect(self, address)


def connect_ex(self, address):
    check("connect", address)
    return real_connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):  # a name lookup; IP literals pass (connect() decides about them)
    if not (host in LOCAL_NAMES or address(host)):
        attempts.append(f"dns {host}")
        raise socket.gaierror(f"DNS disabled by the reliability guard: {host}")
    return real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo

from pathlib import Path

import httpx
import psutil

from app import Assistant
from app.settings import Settings
from app.ui import serve
from ingest.sync import run_ingest

data_dir, corpus_dir, port = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
settings = Settings(data_dir=data_dir, corpus_dir=corpus_dir, ui_port=port)  # otherwise the defaults
report = run_ingest(settings, show_progress=False)
bot = Assistant(settings)
answer = bot.ask("How do I secure a model registry and sign model artefacts?")
demo, url = serve(settings, bot, block=False)
page = httpx.get(url, timeout=30)
from gradio_client import Client
api_answer = Client(url, verbose=False).predict(question="What do MLSecOps engineers do?", api_name="/ask")
listening = sorted({f"{c.laddr.ip}:{c.laddr.port}" for c in psutil.Process().net_connections(kind="inet")
                    if c.status == psutil.CONN_LISTEN})
demo.close()
print(json.dumps({"added": report.added, "answered": not answer.abstained, "page": page.status_code,
                  "api_citations": len(api_answer["citations"]), "url": url, "listening": listening,
                  "attempts": attempts}))
'''


def guarded_run(tmp_path: Path, corpus_dir: Path, prefix: list[str] | None = None) -> tuple[dict, subprocess.CompletedProcess]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AISEC_", "HF_", "TRANSFORMERS_", "TIKTOKEN_", "SENTENCE_TRANSFORMERS_", "GRADIO_"))
           and k.lower() not in {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}}  # a proxy would hide attempts
    env["HF_HOME"] = str(tmp_path / "empty-hf-home")
    env["HOME"] = str(tmp_path / "home")  # watched: an identifier or an upload queue written there is a finding too
    (tmp_path / "home").mkdir(exist_ok=True)
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env["TMPDIR"] = str(tmp_path / "tmp")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [*(prefix or []), sys.executable, "-c", GUARD, str(tmp_path / "data"), str(corpus_dir), str(port)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    outcome["home_files"] = sorted(str(p.relative_to(tmp_path / "home")) for p in (tmp_path / "home").rglob("*") if p.is_file())
    return outcome, result


def test_the_guard_bites(tmp_path):
    """The no-network verdict is only worth something if the guard records and blocks what it should."""
    probe = GUARD.split("from pathlib import Path")[0] + (
        "\nfor target in (('example.com', 443), ('93.184.215.14', 80), ('127.0.0.1', 9)):\n"
        "    try:\n        socket.create_connection(target, timeout=1)\n    except OSError:\n        pass\n"
        "print(json.dumps(attempts))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert json.loads(result.stdout) == ["dns example.com", "connect 93.184.215.14:80"]


FONT_CACHE = ".cache/matplotlib/"  # matplotlib's list of installed fonts: the one file a run may leave in HOME


def assert_offline(outcome: dict) -> None:
    assert outcome["attempts"] == [], f"tried to reach the network: {outcome['attempts']}"
    unexpected = [f for f in outcome["home_files"] if not f.startswith(FONT_CACHE)]
    assert unexpected == [], f"wrote outside the data dir: {unexpected}"
    assert outcome["added"] == 9 and outcome["answered"] and outcome["page"] == 200 and outcome["api_citations"] >= 1
    assert outcome["url"].startswith("http://127.0.0.1:")
    assert outcome["listening"] and all(a.startswith("127.0.0.1:") for a in outcome["listening"]), outcome["listening"]


@pytest.mark.slow
def test_ingest_ask_and_ui_start_up_make_no_outgoing_connection(tmp_path, corpus_dir):
    outcome, _ = guarded_run(tmp_path, corpus_dir)
    assert_offline(outcome)
    record("no-network run (Python socket guard)", {"attempts": len(outcome["attempts"]), "listening": outcome["listening"],
                                                    "files_in_home": outcome["home_files"]})


@pytest.mark.reliability
@pytest.mark.skipif(not shutil.which("strace"), reason="strace is not installed (apt-get install strace)")
def test_no_outgoing_connection_from_native_code_either(tmp_path, corpus_dir):
    """strace sees every connect() the process tree makes, including Chroma's Rust core, tokenizers and torch."""
    trace = tmp_path / "connect.trace"
    outcome, _ = guarded_run(tmp_path, corpus_dir, ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace)])
    assert_offline(outcome)
    addresses = re.findall(r'(?:inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)")', trace.read_text())
    remote = sorted({a or b for a, b in addresses} - {"127.0.0.1", "::1", "::ffff:127.0.0.1"})
    assert remote == [], f"native code connected to {remote}"
    record("no-network run (strace connect)", {"connect_calls": trace.read_text().count("connect("),
                                               "non_loopback": len(remote)})
