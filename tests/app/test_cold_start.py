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


def test_default_ask_imports_neither_torch_nor_transformers(settings, ingest, corpus_dir, embedder):
    ingest(settings)
    shutil.copytree(embedder.cache_dir, settings.data_dir / "models")  # exported already: exporting does need torch
    env = {**os.environ, "AISEC_DATA_DIR": str(settings.data_dir), "AISEC_CORPUS_DIR": str(corpus_dir)}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=300)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "heavy": []}, done.stderr[-2000:]
