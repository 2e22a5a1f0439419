"""The CI gate: compare a configuration's metrics with the minimums and maximums in evals/thresholds.yaml."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from app.errors import UserError

THRESHOLDS = Path(__file__).parent / "thresholds.yaml"


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, Any]:
    """`{suite, config, minimum: {metric: value}, maximum: {metric: value}}`."""
    if not path.exists():
        raise UserError(f"thresholds file {path} is missing")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw.get("minimum", {}), dict) or not isinstance(raw.get("maximum", {}), dict):
        raise UserError(f"{path}: minimum and maximum must map metric names to numbers")
    return raw


def check(metrics: dict[str, Any], thresholds: dict[str, Any]) -> list[str]:
    """Every violated threshold as a sentence; empty when the gate passes. A missing metric is a violation."""
    problems = []
    for name, low in (thresholds.get("minimum") or {}).items():
        value = metrics.get(name)
        if value is None or value < low:
            problems.append(f"{name} = {_show(value)} is below the minimum {low}")
    for name, high in (thresholds.get("maximum") or {}).items():
        value = metrics.get(name)
        if value is None or value > high:
            problems.append(f"{name} = {_show(value)} is above the maximum {high}")
    return problems


def _show(value: Any) -> str:
    return "missing" if value is None else f"{value:.3f}"
