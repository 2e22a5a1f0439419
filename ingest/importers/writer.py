"""Write postings as JSONL for `aisec ingest`: same id replaced in place, disappeared ones closed or removed."""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from ingest.postings import Posting

OnMissing = Literal["close", "remove"]


@dataclass(frozen=True)
class WriteSummary:
    """What one write changed in the file."""

    path: Path
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    removed: int = 0


def posting_record(posting: Posting) -> dict[str, Any]:
    """The JSON-ready record of a validated posting, fields in schema order."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(posting).items()}


def write_postings(path: Path, records: list[dict[str, Any]], on_missing: OnMissing = "close") -> WriteSummary:
    """Merge `records` (a complete, fresh listing) into the JSONL file at `path`, atomically."""
    if on_missing not in ("close", "remove"):
        raise ValueError(f"on_missing must be 'close' or 'remove', not {on_missing!r}")
    existing = read_postings(path)
    fresh = {r["id"]: r for r in records}
    merged: list[dict[str, Any]] = []
    counts = dict(added=0, updated=0, unchanged=0, closed=0, removed=0)
    for old in existing:
        new = fresh.pop(old.get("id"), None)
        if new is not None:
            counts["unchanged" if new == old else "updated"] += 1
            merged.append(new)
        elif on_missing == "remove":
            counts["removed"] += 1
        else:
            counts["closed"] += old.get("status") != "closed"
            merged.append({**old, "status": "closed"})
    counts["added"] = len(fresh)
    merged.extend(fresh.values())
    _replace_file(path, merged)
    return WriteSummary(path, **counts)


def read_postings(path: Path) -> list[dict[str, Any]]:
    """Records of an earlier write; refuses to merge into a file it cannot read."""
    if not path.exists():
        return []
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path} line {number} is not valid JSON ({exc.msg}); fix or delete the file and fetch again") from None
        if not isinstance(record, dict) or "id" not in record:
            raise ValueError(f"{path} line {number} is not a posting with an id; fix or delete the file and fetch again")
        records.append(record)
    return records


def _replace_file(path: Path, records: list[dict[str, Any]]) -> None:
    """Write to a temporary file beside `path`, then rename over it; an empty result deletes the file."""
    if not records:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
