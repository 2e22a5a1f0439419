"""The Assistant behind the UI, or, while there is no index yet, the first ingest that will make one."""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from app.settings import Settings

log = logging.getLogger(__name__)


def request_user(request: Any) -> str | None:
    """The logged-in user of a Gradio request (None without a login): whose uploads the answers may see."""
    return getattr(request, "username", None) if request is not None else None


def index_missing(settings: Settings) -> bool:
    """True when no chunk collection exists yet (so the UI should run the first ingest)."""
    if not settings.chroma_url and not (settings.data_dir / "chroma").exists():
        return True
    from ingest.store import chroma_client

    names = {c if isinstance(c, str) else c.name for c in chroma_client(settings).list_collections()}
    return settings.collection not in names


@dataclass
class IngestProgress:
    """How far the first ingest has got, for the start-up banner."""

    state: str = "ready"  # "ready" | "ingesting" | "failed"
    files_found: int = 0
    chunks_embedded: int = 0
    started: float = 0.0
    message: str = ""

    def elapsed(self) -> float:
        """Seconds since the ingest started."""
        return time.monotonic() - self.started if self.started else 0.0


class CountingEmbedder:
    """Passes calls through to an embedder and counts the chunks it embeds."""

    def __init__(self, embedder, progress: IngestProgress):
        self._embedder, self._progress = embedder, progress
        self.name, self.dimension, self.backend, self.variant = embedder.name, embedder.dimension, embedder.backend, embedder.variant

    def embed_passages(self, texts: list[str]):
        """Embed and count."""
        vectors = self._embedder.embed_passages(texts)
        self._progress.chunks_embedded += len(texts)
        return vectors

    def __getattr__(self, name: str) -> Any:
        return getattr(self._embedder, name)


class Backend:
    """What every UI handler asks for its Assistant; `assistant` is None until the index exists."""

    def __init__(self, settings: Settings, assistant=None, *, make_assistant: Callable[[], Any] | None = None,
                 ingest_embedder=None):
        self.settings = settings
        self.assistant = assistant
        self.make_assistant = make_assistant
        self.ingest_embedder = ingest_embedder
        self.progress = IngestProgress()

    @property
    def ready(self) -> bool:
        """True once questions can be answered."""
        return self.assistant is not None

    def start_first_ingest(self) -> threading.Thread:
        """Ingest the corpus folder in a background thread, then build the Assistant with `make_assistant`."""
        if self.make_assistant is None:
            raise ValueError("no index and no make_assistant to build one after ingesting")
        from ingest.files import discover_files

        files, _ = discover_files([self.settings.corpus_dir], self.settings.corpus_dir)
        self.progress = IngestProgress("ingesting", files_found=len(files), started=time.monotonic())
        thread = threading.Thread(target=self._ingest, name="aisec-first-ingest", daemon=True)
        thread.start()
        return thread

    def _ingest(self) -> None:
        from ingest.embedding import make_embedder
        from ingest.sync import run_ingest

        progress = self.progress
        try:
            embedder = CountingEmbedder(self.ingest_embedder or make_embedder(self.settings), progress)
            report = run_ingest(self.settings, None, embedder=embedder, show_progress=False)
            self.assistant = self.make_assistant()
            progress.message = f"{report.added} files, {report.chunks_written} chunks in {report.seconds:.0f}s"
            progress.state = "ready"
        except Exception as exc:  # shown in the banner; the log has the traceback
            log.exception("first ingest failed")
            progress.state, progress.message = "failed", str(exc)
