"""Import postings from a spreadsheet CSV or a JSON export whose field names differ from ours (a mapping file)."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.importers.export_rows import EXTRA_CELLS, lookup, read_rows
from ingest.importers.normalize import HAS_TAG, html_to_markdown, iso_date, tidy
from ingest.importers.recognize import Recognizer
from ingest.importers.salary import checked_salary, salary_from_text
from ingest.importers.writer import OnMissing, WriteSummary, posting_record, write_postings
from ingest.postings import Posting, parse_posting
from ingest.vocabulary import Vocabulary

FIELDS = tuple(Posting.__dataclass_fields__) + ("salary",)  # `salary`: a range written as text, e.g. "$120k-$150k"


@dataclass(frozen=True)
class ExportMapping:
    """How an export's fields map to ours, plus constants for fields the export lacks."""

    fields: dict[str, str]  # our field -> their column (CSV) or key / dotted path (JSON)
    defaults: dict[str, Any] = field(default_factory=dict)
    records: str | None = None  # JSON: dotted path to the list of postings
    id_prefix: str = ""
    date_format: str | None = None  # strptime format when dates are not ISO, e.g. "%d/%m/%Y"


@dataclass
class ImportResult:
    """What importing one export gave."""

    rows: int = 0
    kept: int = 0
    invalid: list[str] = field(default_factory=list)
    written: WriteSummary | None = None


def load_mapping(path: Path) -> ExportMapping:
    """Read `columns:` (or `fields:`), `defaults:`, `records:`, `id_prefix:`, `date_format:` from YAML."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"cannot read mapping file {path}: {exc}") from None
    if not isinstance(data, dict):
        data = {}
    fields = data.get("columns", data.get("fields"))
    defaults = data.get("defaults") or {}
    if not isinstance(fields, dict) or not isinstance(defaults, dict):
        raise ValueError(f"{path.name} needs `columns:` mapping our field names to yours, e.g. `title: Job Title`")
    unknown = sorted(set(map(str, fields)) - set(FIELDS)) + sorted(set(map(str, defaults)) - set(FIELDS))
    if unknown:
        raise ValueError(f"{path.name}: unknown field(s) {', '.join(unknown)}; ours are: {', '.join(FIELDS)}")
    return ExportMapping({str(k): str(v) for k, v in fields.items()}, dict(defaults), data.get("records"),
                         str(data.get("id_prefix") or ""), data.get("date_format"))


def import_export(path: Path, mapping_path: Path, vocabulary: Vocabulary, out_dir: Path,
                  on_missing: OnMissing = "close") -> ImportResult:
    """Read, map, normalise and validate every row; write the valid ones to `out_dir/<name>.jsonl`."""
    mapping = load_mapping(mapping_path)
    rows = read_rows(path, mapping.fields, mapping.records)
    recognizer = Recognizer(vocabulary)
    result = ImportResult(rows=len(rows))
    records: dict[str, dict[str, Any]] = {}
    for number, row in rows:
        try:
            posting = parse_posting(map_row(row, mapping, recognizer, vocabulary, path.stem), vocabulary)
        except ValueError as exc:
            result.invalid.append(f"{path.name} row {number}: {exc}")
            continue
        if posting.id in records:
            result.invalid.append(f"{path.name} row {number}: duplicate posting id {posting.id!r}")
            continue
        records[posting.id] = posting_record(posting)
    result.kept = len(records)
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.") or "imported"
    result.written = write_postings(out_dir / f"{name}.jsonl", list(records.values()), on_missing)
    return result


def map_row(row: Any, mapping: ExportMapping, recognizer: Recognizer, vocabulary: Vocabulary, stem: str) -> dict[str, Any]:
    """Their record -> a raw posting record, filling what can be recognised from the title and description."""
    if not isinstance(row, dict):
        raise ValueError(f"expected an object with posting fields, got {type(row).__name__}")
    if EXTRA_CELLS in row:
        raise ValueError("row has more cells than the header")
    raw = {f: row[f] for f in FIELDS if f in row and f not in mapping.fields}
    raw.update({ours: lookup(row, theirs) for ours, theirs in mapping.fields.items()})
    raw.update({k: v for k, v in mapping.defaults.items() if _empty(raw.get(k))})
    title = _str(raw.get("title"))
    description = _str(raw.get("description"))
    description = html_to_markdown(description) if HAS_TAG.search(description) else tidy(description)
    evidence = f"{title}\n\n{description}"
    record = {**raw, "description": description, "posted": _date(raw.get("posted"), mapping.date_format)}
    record["id"] = mapping.id_prefix + (_str(raw.get("id")) or _stable_id(stem, raw))
    record["seniority"] = _term(raw.get("seniority"), "seniority", recognizer.seniority, title, vocabulary)
    record["role_family"] = _term(raw.get("role_family"), "role_families", recognizer.role_family, title, vocabulary)
    record["remote"] = _term(raw.get("remote"), "remote", recognizer.remote, f"{_str(raw.get('location'))} {title}", vocabulary)
    for name, find in (("skills", recognizer.skills), ("clouds", recognizer.clouds), ("certifications", recognizer.certifications)):
        if _empty(raw.get(name)):
            record[name] = find(evidence)
    if _empty(raw.get("salary_min")) and _empty(raw.get("salary_max")) and not _empty(raw.get("salary")):
        salary = salary_from_text(_str(raw["salary"])) or checked_salary(raw["salary"], raw["salary"], None)
        if salary:
            record.update(salary_min=salary.min, salary_max=salary.max, currency=raw.get("currency") or salary.currency)
    record.pop("salary", None)
    record.setdefault("sample", False)
    return record


def _term(given: Any, vocab_field: str, recognise, fallback_text: str, vocabulary: Vocabulary) -> Any:
    """Their value when the vocabulary knows it, else what it (or the fallback text) is recognised as."""
    text = _str(given)
    if not text:
        return recognise(fallback_text)
    return text if vocabulary.canonical(vocab_field, text) else (recognise(text) or text)


def _date(value: Any, date_format: str | None) -> str | None:
    text = _str(value)
    if text and date_format:
        try:
            return dt.datetime.strptime(text, date_format).date().isoformat()
        except ValueError:
            raise ValueError(f"posted {text!r} does not match date_format {date_format!r}") from None
    return iso_date(value if isinstance(value, (int, float)) else text) or (text or None)


def _stable_id(stem: str, raw: dict[str, Any]) -> str:
    key = "|".join(_str(raw.get(k)).lower() for k in ("title", "company", "location", "url"))
    return f"{stem}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def _str(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []
