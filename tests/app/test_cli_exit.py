"""`python -m app.cli` exits without tearing the interpreter down: exit codes and output survive, and the index an
ingest wrote that way is complete for the next process."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, data_dir: Path, corpus_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AISEC_")}
    env.update(AISEC_DATA_DIR=str(data_dir), AISEC_CORPUS_DIR=str(corpus_dir), HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "app.cli", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_an_ingest_that_skips_teardown_leaves_a_complete_index_and_its_exit_codes(tmp_path, corpus_dir, embedder, read_index):
    from app.settings import Settings

    data_dir = tmp_path / "data"
    shutil.copytree(embedder.cache_dir, data_dir / "models")  # the exported model: no export in the child
    first = _cli("ingest", "--json", "--quiet", data_dir=data_dir, corpus_dir=corpus_dir)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["added"] > 5 and report["chunks_written"] > 20
    state = read_index(Settings(data_dir=data_dir, corpus_dir=corpus_dir))
    assert len(state.ids) == report["chunks_written"] and set(state.snapshot_ids) == state.ids
    assert sum(r.chunk_count for r in state.catalog.values()) == len(state.ids)
    assert not [r for r in state.catalog.values() if r.dirty or not r.file_hash]
    again = _cli("ingest", "--json", "--quiet", data_dir=data_dir, corpus_dir=corpus_dir)
    assert again.returncode == 0, again.stderr
    assert (json.loads(again.stdout)["unchanged"], json.loads(again.stdout)["chunks_written"]) == (report["added"], 0)
    missing = _cli("ask", "What is MITRE ATLAS?", data_dir=tmp_path / "empty", corpus_dir=corpus_dir)
    assert missing.returncode == 2 and "run `aisec ingest` first" in missing.stderr
