"""A default-configuration `aisec ask` of a passage question imports neither torch, transformers nor the postings and
chart libraries (pandas, DuckDB, matplotlib): they cost seconds and are not needed."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

PROBE = """
import json, sys
from app.cli import main
code = main(["ask", "What is MITRE ATLAS?"])
heavy = sorted(m for m in ("torch", "transformers", "sentence_transformers", "nltk", "pandas", "duckdb", "matplotlib") if m in sys.modules)
print(json.dumps({"code": code, "heavy": heavy}))
"""


@pytest.fixture
def cli_env(settings, ingest, corpus_dir, embedder) -> dict[str, str]:
    """The environment of a fresh `aisec` process over an ingested index with the exported model in place."""
    ingest(settings)
    shutil.copytree(embedder.cache_dir, settings.data_dir / "models")  # exported already: exporting does need torch
    return {**os.environ, "AISEC_DATA_DIR": str(settings.data_dir), "AISEC_CORPUS_DIR": str(corpus_dir)}


def test_default_ask_imports_neither_torch_nor_transformers(cli_env):
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=cli_env, timeout=300)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "heavy": []}, done.stderr[-2000:]


def test_ask_into_a_closed_pipe_stops_without_a_traceback(cli_env):
    """`aisec ask … | head` whose reader has gone: exit 1 quietly, no BrokenPipeError traceback."""
    process = subprocess.Popen([sys.executable, "-m", "app.cli", "ask", "What is MITRE ATLAS?"], env=cli_env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=300) == 1
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
