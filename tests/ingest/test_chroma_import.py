"""Opening Chroma skips its dependency's import-time @override signature checks and puts the real decorator back."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter: chromadb defines its classes only on first import. Prints how many signature checks ran.
SCRIPT = r'''
import sys
import overrides

decorator = sys.modules["overrides.overrides"]  # the module; `overrides.overrides` is also the name of a function

checks = []
real_check = decorator.ensure_signature_is_compatible
decorator.ensure_signature_is_compatible = lambda *a, **k: checks.append(a) or real_check(*a, **k)
real_override = overrides.override
if sys.argv[1] == "plain":
    import chromadb
    chromadb.PersistentClient(path=sys.argv[2])
else:
    from app.settings import Settings
    from ingest.store import chroma_client
    chroma_client(Settings(data_dir=sys.argv[2]))
from chromadb.api.rust import RustBindingsAPI

assert overrides.override is real_override, "the real @override must be back after opening Chroma"
assert RustBindingsAPI.heartbeat.__override__, "methods are still marked as overrides"
print(len(checks))
'''


def _signature_checks(how: str, data_dir: Path) -> int:
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, how, str(data_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return int(done.stdout.split()[-1])


def test_opening_chroma_runs_no_override_signature_checks(tmp_path):
    assert _signature_checks("plain", tmp_path / "plain") > 100  # what a bare import and client pay
    assert _signature_checks("ours", tmp_path / "ours") == 0
