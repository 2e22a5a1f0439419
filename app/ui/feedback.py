"""Thumbs up/down on answers, appended one JSON line each to data_dir/feedback.jsonl."""
from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any

from filelock import FileLock


class FeedbackLog:
    """Append-only feedback file, safe across threads and processes."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def record(self, answer: dict[str, Any], rating: str, filters: dict[str, Any] | None = None) -> dict[str, Any]:
        """Append {question, answer, citations, rating, time} (plus abstained, filters) and return it."""
        if rating not in ("up", "down"):
            raise ValueError(f"rating must be 'up' or 'down', got {rating!r}")
        entry = {
            "question": answer.get("question", ""),
            "answer": answer.get("text", ""),
            "citations": answer.get("citations") or [],
            "rating": rating,
            "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "abstained": bool(answer.get("abstained")),
            "filters": filters or {},
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, FileLock(str(self.path) + ".lock"):
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(line)
        return entry
