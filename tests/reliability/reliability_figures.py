"""Figures the reliability tests measure (hypothesis cases run, trials, peak RSS), printed at the end of the run."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

FUZZ_CASES: Counter[str] = Counter()
MEASURED: dict[str, object] = {}


def count_case(name: str) -> None:
    """Record one generated hypothesis example of property `name`."""
    FUZZ_CASES[name] += 1


def record(name: str, value: object) -> None:
    """Keep a measured figure for the summary (and for RELIABILITY_FIGURES, if set)."""
    MEASURED[name] = value


def summary_lines() -> list[str]:
    lines = []
    if FUZZ_CASES:
        lines.append(f"hypothesis cases run: {sum(FUZZ_CASES.values())} over {len(FUZZ_CASES)} properties")
        lines.extend(f"  {name}: {count}" for name, count in sorted(FUZZ_CASES.items()))
    lines.extend(f"{name}: {json.dumps(value)}" for name, value in MEASURED.items())
    target = os.environ.get("RELIABILITY_FIGURES")
    if target and (FUZZ_CASES or MEASURED):
        Path(target).write_text(json.dumps({"fuzz_cases": dict(FUZZ_CASES), **MEASURED}, indent=2), encoding="utf-8")
    return lines
