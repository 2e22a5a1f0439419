"""Read the records of a CSV, JSON or JSONL export, and reach into nested JSON by dotted path."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ingest.files import read_text

LIST_KEYS = ("postings", "jobs", "data", "results", "items", "records")
EXTRA_CELLS = "\0extra cells"  # key under which a CSV row keeps cells beyond the header


def read_rows(path: Path, columns: dict[str, str], records: str | None = None) -> list[tuple[int, dict[str, Any]]]:
    """(row number, their record) from CSV, JSON or JSONL."""
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(text, columns)
    if suffix == ".jsonl":
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                rows.append((number, _json(line, f"line {number}")))
        return rows
    data = _json(text, "the file")
    items = lookup(data, records) if records else data
    if isinstance(items, dict):
        items = next((items[k] for k in LIST_KEYS if isinstance(items.get(k), list)), items)
    if not isinstance(items, list):
        raise ValueError(f"{path.name} holds no list of postings; set `records:` in the mapping to where the list is")
    return list(enumerate(items, start=1))


def lookup(record: Any, path: str) -> Any:
    """`record[path]`, or a dotted path into nested objects and lists (`location.name`, `departments.0.name`)."""
    if isinstance(record, dict) and path in record:
        return record[path]
    value = record
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _csv_rows(text: str, columns: dict[str, str]) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ValueError(f"malformed CSV near line {reader.line_num}: {exc}") from None
    header = reader.fieldnames or []
    absent = [f"{theirs!r} (for {ours})" for ours, theirs in columns.items() if theirs not in header]
    if absent:
        raise ValueError(f"mapped column(s) not in the CSV header: {', '.join(absent)}; the header has: {', '.join(header)}")
    return [(n, {**row, EXTRA_CELLS: row.pop(None)} if None in row else row) for n, row in enumerate(rows, start=2)]


def _json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where} is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
