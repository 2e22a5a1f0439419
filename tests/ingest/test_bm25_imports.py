"""BM25 snapshots are built and read without importing SciPy, which bm25s imports but our index never calls."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, sys
from pathlib import Path
from ingest.models import Chunk
from ingest.snapshot import load_snapshot, save_snapshot, snapshot_of
chunks = [Chunk(f"d#v#{i:04d}", "d", text, "Guide", {"doc_id": "d", "version": "v"})
          for i, text in enumerate(["MITRE ATLAS lists adversary tactics.", "Salaries for MLSecOps engineers."])]
built = snapshot_of(chunks)
built.fingerprint = "f" * 64
save_snapshot(built, Path(sys.argv[1]))
loaded = load_snapshot(Path(sys.argv[1]))
print(json.dumps({"scipy": sorted(m for m in sys.modules if m.split(".")[0] == "scipy"),
                  "scores": [float(s) for s in loaded.bm25_scores("adversary tactics")]}))
"""


def test_building_and_loading_a_bm25_snapshot_imports_no_scipy(tmp_path):
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True, cwd=root, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["scipy"] == []
    assert result["scores"][0] > 0 == result["scores"][1]


def test_scipy_still_imports_after_bm25s():
    done = subprocess.run([sys.executable, "-c", "from ingest.lexical import bm25s_module; bm25s_module(); import scipy.sparse"],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
