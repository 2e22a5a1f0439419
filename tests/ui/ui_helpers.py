"""Constants and helpers shared by the UI tests and their fixtures."""
from __future__ import annotations

import socket
from pathlib import Path

UI_CORPUS = Path(__file__).resolve().parents[1] / "data" / "ui_corpus"
CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ANSWERS = "#aisec-chat .aisec-answer:not(.aisec-streaming)"  # finished answers in the chat


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ask(page, question: str):
    """Type a question, send it, and return the finished answer's element."""
    done = page.locator(ANSWERS).count()
    page.locator("#aisec-question textarea").fill(question)
    page.locator("#aisec-send").click()
    return next_answer(page, done)


def next_answer(page, done: int):
    """The answer after the first `done` ones, once it has finished."""
    page.wait_for_function(f"document.querySelectorAll('{ANSWERS}').length > {done}", timeout=60_000)
    return page.locator(ANSWERS).nth(done)
