"""Build time of the term recognisers (Query's EntityRecognizer, coach's TermFinder) now and at an older revision, in one run.

Usage: python bench/recogniser_build.py [REV]  (default REV: 8b933b6, before app.term_index); run from the repository root.
"""
from __future__ import annotations

import importlib.util
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.advice.terms import TermFinder  # noqa: E402
from app.analytics.entities import EntityRecognizer  # noqa: E402
from app.lexicon import load_lexicon  # noqa: E402
from app.settings import Settings  # noqa: E402
from ingest.vocabulary import load_vocabulary  # noqa: E402

ROUNDS = 7


def _module_at(rev: str, path: str, name: str):
    """The module `path` as it was at `rev`, imported under `name`."""
    source = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, text=True, check=True).stdout
    file = Path(tempfile.mkdtemp()) / Path(path).name
    file.write_text(source)
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _median_builds(*builds) -> list[float]:
    """The median build time of each, the builds taken in turn (so a busy moment slows all of them alike)."""
    times: list[list[float]] = [[] for _ in builds]
    for _ in range(ROUNDS):
        for build, taken in zip(builds, times):
            re.purge()  # a cold start compiles every pattern afresh
            start = time.perf_counter()
            build()
            taken.append(time.perf_counter() - start)
    return [sorted(taken)[ROUNDS // 2] for taken in times]


def _cpu() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def main() -> None:
    rev = sys.argv[1] if len(sys.argv) > 1 else "8b933b6"
    settings = Settings()
    lexicon, vocabulary = load_lexicon(settings.lexicon_path), load_vocabulary(settings.vocabulary_path)
    old_entities = _module_at(rev, "app/analytics/entities.py", "old_entities")
    old_terms = _module_at(rev, "app/advice/terms.py", "old_terms")
    print(f"CPU: {_cpu()}; median of {ROUNDS} cold builds, old ({rev}) and new alternating in one process")
    for name, old, new in (("EntityRecognizer", old_entities.EntityRecognizer, EntityRecognizer),
                           ("TermFinder", old_terms.TermFinder, TermFinder)):
        before, after = _median_builds(lambda: old(vocabulary, lexicon), lambda: new(vocabulary, lexicon))
        print(f"{name}: {before * 1000:.1f} ms -> {after * 1000:.1f} ms ({before / after:.0f}x faster to build)")


if __name__ == "__main__":
    main()
