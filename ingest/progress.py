"""A progress bar with rate and ETA for long embedding runs (stderr, hidden when disabled)."""
from __future__ import annotations

from typing import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn


class ChunkProgress:
    """Counts embedded chunks against a total that grows as documents are chunked; `on_advance(done, total)` hears each step."""

    def __init__(self, documents: int, *, enabled: bool = True, on_advance: Callable[[int, int], None] | None = None):
        self._total, self._done, self._on_advance = 0, 0, on_advance
        self._progress = Progress(
            TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TextColumn("chunks"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), disable=not enabled or documents == 0, transient=False,
        )
        self._task = self._progress.add_task("embed", total=0)

    def __enter__(self) -> "ChunkProgress":
        self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self._progress.stop()

    def add_to_total(self, count: int) -> None:
        """Count `count` more chunks to embed (a document has just been chunked)."""
        self._total += count
        self._progress.update(self._task, total=self._total)

    def advance(self, count: int) -> None:
        """Record `count` more chunks done."""
        self._progress.advance(self._task, count)
        self._done += count
        if self._on_advance:
            self._on_advance(self._done, self._total)
