"""The README documents every setting and keeps the two-command quick start."""
from __future__ import annotations

import re
from pathlib import Path

from app.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    missing = [f"AISEC_{name.upper()}" for name in Settings.model_fields if f"`AISEC_{name.upper()}`" not in README]
    assert not missing, f"add these settings to the README's table: {missing}"


def test_quick_start_is_two_commands():
    block = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_the_settings_table_shows_the_real_defaults():
    rows = dict(re.findall(r"^\| `AISEC_(\w+)` \| ([^|]+) \|", README, re.MULTILINE))
    wrong = {}
    for name, field in Settings.model_fields.items():
        default = field.default.get_secret_value() if hasattr(field.default, "get_secret_value") else field.default
        shown = "unset" if default is None else f"`{default}`"
        if rows.get(name.upper(), "").strip() != shown:
            wrong[f"AISEC_{name.upper()}"] = (rows.get(name.upper()), shown)
    assert not wrong, f"README settings table (shown, actual): {wrong}"
