"""Ingest and a query work with networking unavailable: a socket guard plus proxies that point nowhere."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter so the model, tokenizer and Chroma are all loaded under the guard.
SCRIPT = r'''
import json, socket, sys

attempts = []


def refuse(what, address):
    attempts.append(f"{what} {address!r}")
    raise OSError(f"network disabled by test_offline: {what} {address!r}")


real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex


def connect(self, address):
    if self.family == socket.AF_UNIX:
        return real_connect(self, address)
    refuse("connect", address)


def connect_ex(self, address):
    if self.family == socket.AF_UNIX:
        return real_connect_ex(self, address)
    refuse("connect_ex", address)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.create_connection = lambda address, *a, **k: refuse("create_connection", address)

from pathlib import Path
from app.settings import Settings
from ingest.embedding import Embedder
from ingest.snapshot import load_snapshot
from ingest.store import ChunkStore
from ingest.sync import run_ingest

data_dir, corpus_dir = Path(sys.argv[1]), Path(sys.argv[2])
settings = Settings(data_dir=data_dir, corpus_dir=corpus_dir)
report = run_ingest(settings, show_progress=False)
embedder = Embedder()
question = embedder.embed_query("How do I secure a model registry and sign model artefacts?")
hits = ChunkStore.open_existing(settings).chunks.query(query_embeddings=[question.tolist()], n_results=3, include=["metadatas"])
snapshot = load_snapshot(data_dir)
print(json.dumps({
    "added": report.added, "chunks_written": report.chunks_written, "skipped": [str(s) for s in report.skipped],
    "top": [m["doc_id"] for m in hits["metadatas"][0]],
    "bm25_top": snapshot.ids[int(snapshot.bm25_scores("model registry signing").argmax())],
    "attempts": attempts,
}))
'''


def offline_env(tmp_path: Path) -> dict[str, str]:
    """The parent's environment minus every offline switch the code must set itself, plus dead proxies."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AISEC_", "HF_", "TRANSFORMERS_", "TIKTOKEN_", "SENTENCE_TRANSFORMERS_"))
           and k.lower() not in {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}}
    dead = "http://127.0.0.1:9"  # the discard port: nothing listens, and the socket guard refuses it anyway
    env.update(HTTP_PROXY=dead, HTTPS_PROXY=dead, ALL_PROXY=dead, http_proxy=dead, https_proxy=dead, all_proxy=dead)
    env["HF_HOME"] = str(tmp_path / "empty-hf-home")  # no hub cache to fall back on
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env["TMPDIR"] = str(tmp_path / "tmp")  # nor tiktoken's default cache under the system temp dir
    return env


@pytest.mark.slow
def test_ingest_and_query_work_without_network(tmp_path, corpus_dir):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data"), str(corpus_dir)],
        cwd=ROOT, env=offline_env(tmp_path), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["attempts"] == [], "something tried to reach the network"
    assert outcome["added"] == 9 and outcome["skipped"] == [] and outcome["chunks_written"] > 0
    supply_chain = {"doc:documents/mlsecops-overview.md", "posting:fx-002", "posting:hr-102"}
    assert supply_chain & set(outcome["top"]), outcome["top"]
    assert outcome["bm25_top"].split("#")[0] in supply_chain


def test_socket_guard_really_blocks_connections(tmp_path):
    """The guard above is only proof if it bites: a plain TCP connect under it must fail."""
    probe = SCRIPT.split("from pathlib import Path")[0] + (
        "\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError as exc:\n    print('blocked', exc)\n"
        "s = socket.socket()\ntry:\n    s.connect(('127.0.0.1', 9))\nexcept OSError as exc:\n    print('blocked', exc)\n"
        "print(len(attempts))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], env=offline_env(tmp_path), capture_output=True, text=True, timeout=60)
    lines = result.stdout.strip().splitlines()
    assert lines[:2] == ["blocked network disabled by test_offline: create_connection ('127.0.0.1', 9)",
                         "blocked network disabled by test_offline: connect ('127.0.0.1', 9)"]
    assert lines[-1] == "2"
