"""Read postings from JSONL, JSON and CSV files, rejecting bad rows one by one."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Iterator

import yaml

from ingest.files import read_text
from ingest.models import Document, LoadResult, Skipped, SourceFile
from ingest.postings import parse_posting, posting_to_document
from ingest.vocabulary import Vocabulary

TOO_DEEP = "JSON nested too deeply to be a posting"


def load_postings(sf: SourceFile, vocabulary: Vocabulary, max_rows: int) -> LoadResult:
    """Parse every row; a bad row is skipped with its number and reason; too many rows are refused before parsing."""
    refuse_too_many_rows(sf.path, max_rows)
    text = read_text(sf.path)
    rows = list(_rows(sf.path, text, max_rows))
    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for number, record in rows:
        try:
            if isinstance(record, Exception):
                raise record
            posting = parse_posting(record, vocabulary)
        except ValueError as exc:
            skipped.append(Skipped(sf.source, str(exc), row=number))
            continue
        if posting.id in seen:
            skipped.append(Skipped(sf.source, f"duplicate posting id {posting.id!r}", row=number))
            continue
        seen.add(posting.id)
        documents.append(posting_to_document(posting, sf.source))
    if not documents:
        reason = "no valid postings" + (f" ({len(skipped)} rows rejected)" if skipped else "")
        raise ValueError(reason + (f"; first problem: {skipped[0]}" if skipped else ""))
    return LoadResult(documents, skipped)


def _rows(path: Path, text: str, max_rows: int) -> Iterator[tuple[int, Any]]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
        _check_rows(len(lines), max_rows)
        for number, line in lines:
            yield number, _json_line(line)
    elif suffix == ".json":
        yield from _json_array(text, max_rows)
    else:
        yield from _csv_rows(path, text, max_rows)


def _json_line(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        return ValueError(f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return ValueError(TOO_DEEP)


def _json_array(text: str, max_rows: int) -> Iterator[tuple[int, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise ValueError(TOO_DEEP) from None
    if isinstance(data, dict) and isinstance(data.get("postings"), list):
        data = data["postings"]
    if not isinstance(data, list):
        raise ValueError("a postings JSON file must hold an array of postings (or {\"postings\": [...]})")
    _check_rows(len(data), max_rows)
    yield from enumerate(data, start=1)


def _csv_rows(path: Path, text: str, max_rows: int) -> Iterator[tuple[int, Any]]:
    mapping = _column_mapping(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ValueError(f"malformed CSV near line {reader.line_num}: {exc}") from None
    _check_rows(len(rows), max_rows)
    if reader.fieldnames is None:
        raise ValueError("CSV has no header row")
    for number, row in enumerate(rows, start=2):
        if None in row:
            yield number, ValueError(f"row has {len(row[None]) + len(reader.fieldnames)} cells but the header has {len(reader.fieldnames)}")
            continue
        yield number, {**row, **{ours: row.get(theirs) for ours, theirs in mapping.items()}}


def _column_mapping(path: Path) -> dict[str, str]:
    """Our field -> their column, from `NAME.mapping.yaml` or `mapping.yaml` beside the CSV."""
    for candidate in (path.with_suffix(".mapping.yaml"), path.parent / "mapping.yaml"):
        if candidate.exists():
            try:
                data = yaml.safe_load(candidate.read_text(encoding="utf-8")) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                raise ValueError(f"{candidate.name} is not valid YAML: {str(exc).splitlines()[0]}") from None
            columns = data.get("columns", data) if isinstance(data, dict) else data
            if not isinstance(columns, dict):
                raise ValueError(f"{candidate.name} must map our field names to your column names")
            return {str(k): str(v) for k, v in columns.items()}
    return {}


def refuse_too_many_rows(path: Path, max_rows: int) -> None:
    """Count JSONL lines or CSV records in one streaming pass that stops at the limit; refuse the file if over it."""
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv"):
        return  # a JSON array is bounded by AISEC_MAX_FILE_MB and counted once parsed
    count = 0
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        if suffix == ".jsonl":
            records = (line for line in handle if line.strip())
        else:
            records = csv.reader(handle)
            next(records, None)  # the header
        try:
            for _ in records:
                count += 1
                if count > max_rows:
                    raise ValueError(f"more than {max_rows:,} rows, over AISEC_MAX_POSTING_ROWS={max_rows}; "
                                     "split the file or raise the limit")
        except (csv.Error, RecursionError):
            return  # malformed: the full parse reports where


def _check_rows(count: int, max_rows: int) -> None:
    if count > max_rows:
        raise ValueError(f"{count} rows is more than AISEC_MAX_POSTING_ROWS={max_rows}; split the file or raise the limit")
