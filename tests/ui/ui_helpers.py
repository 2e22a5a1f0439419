"""Constants and helpers shared by the UI tests and their fixtures."""
from __future__ import annotations

import socket
from pathlib import Path

UI_CORPUS = Path(__file__).resolve().parents[1] / "data" / "ui_corpus"
CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
