"""One background thread that runs index writes in the order given, and none after the first that fails."""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, TypeVar

T = TypeVar("T")


class IndexWriter:
    """Index writes off the embedding thread, kept in order: a write that fails, or is interrupted, stops every later
    one, as a crash would. The overlap is partial: Chroma 1.5 keeps the GIL while it writes (it frees it for reads
    only, chroma-core/chroma#3873), so the embedder's next step waits for the write its current step ran beside."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index-writer")
        self._failed: BaseException | None = None

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run `fn(*args)` after every write submitted before it, unless one of those failed."""
        return self._pool.submit(self._run, fn, args)

    def _run(self, fn: Callable[..., T], args: tuple) -> T:
        if self._failed is not None:
            raise self._failed  # what stopped the writes, for whoever waits on a later one
        try:
            return fn(*args)
        except BaseException as exc:
            self._failed = exc
            raise

    def __enter__(self) -> "IndexWriter":
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        # On an error, writes not yet started are dropped; the one under way finishes (Chroma calls are not interruptible).
        self._pool.shutdown(wait=True, cancel_futures=exc_type is not None)
