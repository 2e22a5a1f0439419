"""Server mode: every command works against a real `chroma run` server through AISEC_CHROMA_URL."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from app import Assistant
from ingest.status import index_status

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    """A real Chroma server on a free loopback port, persisted under tmp_path, stopped afterwards."""
    if not CHROMA.exists():
        pytest.skip("the `chroma` command from the chromadb package is not installed in this environment")
    port = _free_port()
    log = (tmp_path / "chroma.log").open("w")
    process = subprocess.Popen([str(CHROMA), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"chroma run exited early: {(tmp_path / 'chroma.log').read_text()[-2000:]}")
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("chroma run did not answer its heartbeat within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=30)
    log.close()


@pytest.mark.slow
def test_ingest_ask_and_incremental_sync_against_a_chroma_server(chroma_server, settings_factory, corpus_dir, ingest, embedder):
    settings = settings_factory(chroma_url=chroma_server)
    first = ingest(settings)
    assert first.added > 0 and first.failed == 0
    status = index_status(settings)
    assert status["index_location"] == chroma_server and status["chunks"] == first.chunks_written

    assistant = Assistant(settings, embedder=embedder)
    answer = assistant.ask("What does the EU AI Act prohibit?")
    assert not answer.abstained and answer.citations

    again = ingest(settings)
    assert again.added == again.updated == again.chunks_written == 0
    assert index_status(settings)["chunks"] == status["chunks"]

    changed = sorted(corpus_dir.rglob("*.md"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA new closing paragraph about model signing with Sigstore.\n", encoding="utf-8")
    third = ingest(settings)
    assert third.updated == 1 and third.added == 0 and third.chunks_written > 0
    assert index_status(settings)["chunks"] == status["chunks"] - third.chunks_deleted + third.chunks_written


def test_unreachable_server_gives_a_clear_error(settings_factory):
    from app.errors import UserError
    from ingest.status import index_status as status_of

    settings = settings_factory(chroma_url=f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(UserError, match="Chroma server"):
        status_of(settings)


def test_unreachable_server_stops_a_rebuild_with_the_same_clear_error(settings_factory, ingest):
    """A rebuild opens Chroma in the index writer's thread while it embeds: the failure reaches the caller as it is."""
    from app.errors import UserError

    settings = settings_factory(chroma_url=f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(UserError, match="cannot reach the Chroma server"):
        ingest(settings, rebuild=True)
