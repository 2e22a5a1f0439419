"""A local job-board server that replays recorded API responses, plus a fast, sleep-recording client."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

import pytest

from ingest.importers.http import PoliteClient
from ingest.vocabulary import load_vocabulary

BOARDS = Path(__file__).resolve().parents[1] / "data" / "job_boards"
REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"

Reply = tuple[int, Any, dict[str, str]]  # status, body (bytes/str, or JSON-able), headers


def recorded(name: str) -> Any:
    """A recorded API response from tests/data/job_boards."""
    return json.loads((BOARDS / name).read_text(encoding="utf-8"))


def lever_pages(postings: list[dict]) -> Callable[[dict[str, list[str]]], Reply]:
    """Serve a Lever site the way the API pages it: skip/limit over the full list."""

    def reply(query: dict[str, list[str]]) -> Reply:
        skip, limit = int(query.get("skip", ["0"])[0]), int(query.get("limit", ["100"])[0])
        return 200, postings[skip : skip + limit], {}

    return reply


@dataclass
class JobBoardServer:
    """Routes by path; a list of replies is played in order, its last reply repeating."""

    base_url: str = ""
    routes: dict[str, list[Reply | Callable]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, list[str]]]] = field(default_factory=list)

    def route(self, path: str, *replies: Reply | Callable) -> None:
        self.routes[path] = list(replies)

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def greenhouse(self, board: str, *replies: Reply | Callable) -> str:
        """Serve a Greenhouse board (default: the recorded nimbuslattice board); returns its path."""
        return self._serve(f"/v1/boards/{board}/jobs", replies or [(200, recorded("greenhouse_nimbuslattice.json"), {})])

    def lever(self, company: str, *replies: Reply | Callable) -> str:
        """Serve a Lever site, paged (default: the recorded quillforge site)."""
        return self._serve(f"/v0/postings/{company}", replies or [lever_pages(recorded("lever_quillforge.json"))])

    def ashby(self, org: str, *replies: Reply | Callable) -> str:
        """Serve an Ashby board (default: the recorded verdantgrid board)."""
        return self._serve(f"/posting-api/job-board/{org}", replies or [(200, recorded("ashby_verdantgrid.json"), {})])

    def _serve(self, path: str, replies) -> str:
        self.route(path, *replies)
        return path

    def respond(self, path: str, query: dict[str, list[str]]) -> Reply:
        self.requests.append((path, query))
        replies = self.routes.get(path)
        if not replies:
            return 404, {"error": "Document not found"}, {}
        reply = replies.pop(0) if len(replies) > 1 else replies[0]
        return reply(query) if callable(reply) else reply


@pytest.fixture
def board_server():
    """ThreadingHTTPServer on 127.0.0.1, port chosen by the OS, stopped after the test."""
    state = JobBoardServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            url = urlsplit(self.path)
            status, body, headers = state.respond(url.path, parse_qs(url.query))
            data = body if isinstance(body, bytes) else body.encode() if isinstance(body, str) else json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", headers.get("Content-Type", "application/json; charset=utf-8"))
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    if name != "Content-Type":
                        self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout tests)

        def log_message(self, *args):  # keep test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


class SleepRecorder:
    """Stands in for time.sleep: records every wait instead of sleeping."""

    def __init__(self):
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def client(sleeps):
    """A PoliteClient that retries 3 times with a tiny back-off and records waits instead of sleeping."""
    with PoliteClient(timeout_s=5, retries=3, backoff_s=0.01, rate_per_s=1000, sleep=sleeps) as polite:
        yield polite


@pytest.fixture
def recorded_response() -> Callable[[str], Any]:
    """Load a recorded API response by file name."""
    return recorded


@pytest.fixture(scope="session")
def vocabulary():
    """The real controlled vocabulary of the corpus."""
    return load_vocabulary(REAL_CORPUS / "vocabulary.yaml")
