"""A progress bar with rate and ETA for long embedding runs (stderr, hidden when disabled)."""
from __future__ import annotations

from typing import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn


class ChunkProgress:
    """Counts embedded chunks against the planned total."""

    def __init__(self, total: int, *, enabled: bool = True, on_advance: Callable[[int, int], None] | None = None):
        self._total, self._done, self._on_advance = total, 0, on_advance
        self._progress = Progress(
            TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TextColumn("chunks"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), disable=not enabled or total == 0, transient=False,
        )
        self._task = self._progress.add_task("embed", total=total)

    def __enter__(self) -> "ChunkProgress":
        self._progress.start()
        if self._on_advance:
            self._on_advance(0, self._total)
        return self

    def __exit__(self, *exc) -> None:
        self._progress.stop()

    def advance(self, count: int) -> None:
        """Record `count` more chunks done."""
        self._progress.advance(self._task, count)
        self._done += count
        if self._on_advance:
            self._on_advance(self._done, self._total)
