"""Decide what an ingest run must write, keep and remove, by comparing files with the catalog."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ingest.catalog import DocRecord
from ingest.loaders import load_file
from ingest.models import Document, Skipped, SourceFile
from ingest.vocabulary import Vocabulary


@dataclass
class Plan:
    """The changes one run makes, and per-file outcomes for the summary."""

    to_write: list[tuple[Document, SourceFile]] = field(default_factory=list)
    to_touch: list[tuple[DocRecord, SourceFile]] = field(default_factory=list)  # same content, new file hash
    to_remove: list[DocRecord] = field(default_factory=list)
    file_status: dict[str, str] = field(default_factory=dict)  # source -> added|updated|unchanged|failed
    skipped: list[Skipped] = field(default_factory=list)


def plan_changes(files: list[SourceFile], records: dict[str, DocRecord], roots: list[Path],
                 vocabulary: Vocabulary, max_rows: int, max_file_mb: float | None = None) -> Plan:
    """Load only changed files and compare their documents with the catalog; refuse files over `max_file_mb`."""
    plan = Plan()
    by_origin: dict[str, list[DocRecord]] = {}
    for record in records.values():
        by_origin.setdefault(record.origin, []).append(record)
    present = {str(f.path) for f in files}
    claimed: dict[str, str] = {}  # doc_id -> the file that holds it after this run
    loaded: list[tuple[SourceFile, list[Document], list[DocRecord]]] = []
    for sf in files:
        previous = by_origin.get(str(sf.path), [])
        if previous and all(r.file_hash == sf.file_hash and r.version and r.owner == (sf.owner or "") for r in previous):
            plan.file_status[sf.source] = "unchanged"
            claimed.update((r.doc_id, str(sf.path)) for r in previous)
            continue
        if max_file_mb is not None and sf.size > max_file_mb * 1024 * 1024:
            plan.file_status[sf.source] = "failed"
            plan.skipped.append(Skipped(sf.source, oversized_reason(sf.size, max_file_mb)))
            claimed.update((r.doc_id, str(sf.path)) for r in previous)  # a failed file keeps its last good documents
            continue
        try:
            result = load_file(sf, vocabulary, max_rows)
        except Exception as exc:  # noqa: BLE001 - one unreadable file is skipped with its reason, never stops the run
            plan.file_status[sf.source] = "failed"
            plan.skipped.append(Skipped(sf.source, load_failure_reason(exc)))
            claimed.update((r.doc_id, str(sf.path)) for r in previous)
            continue
        plan.skipped.extend(result.skipped)
        loaded.append((sf, result.documents, previous))
    # Plan changed files only once every file that still holds a document has claimed it, so a document that
    # moved between two files is rewritten under its new file rather than refused as a duplicate and then removed.
    for sf, documents, _ in loaded:
        for document in documents:
            owner = records.get(document.doc_id)
            if owner and owner.origin == str(sf.path):
                claimed.setdefault(document.doc_id, str(sf.path))
    for sf, documents, previous in loaded:
        _plan_file(plan, sf, documents, previous, records, claimed)
    plan.to_remove = [r for r in plan.to_remove if claimed.get(r.doc_id, r.origin) == r.origin]
    for origin, previous in by_origin.items():
        if origin not in present and any(Path(origin).is_relative_to(root.resolve()) for root in roots):
            plan.to_remove.extend(r for r in previous if r.doc_id not in claimed)
    return plan


def load_failure_reason(exc: Exception) -> str:
    """Loaders raise ValueError with a reason; anything else is a parser giving up on an odd file."""
    if isinstance(exc, (ValueError, OSError)) and str(exc):
        return str(exc)
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"could not be read ({type(exc).__name__}{': ' + detail if detail else ''})"


def oversized_reason(size: int, max_file_mb: float) -> str:
    """Why a file over the size limit is refused, and what to do about it."""
    return f"file is {size / (1024 * 1024):.1f} MB, over AISEC_MAX_FILE_MB={max_file_mb:g}; raise the limit or split the file"


def _plan_file(plan: Plan, sf: SourceFile, documents: list[Document], previous: list[DocRecord],
               records: dict[str, DocRecord], claimed: dict[str, str]) -> None:
    changed = False
    kept: set[str] = set()
    for document in documents:
        owner = records.get(document.doc_id)
        other_origin = claimed.get(document.doc_id)
        if other_origin and other_origin != str(sf.path):
            plan.skipped.append(Skipped(sf.source, f"{document.doc_id} is already ingested from {Path(other_origin).name}; ids must be unique"))
            continue
        claimed[document.doc_id] = str(sf.path)
        kept.add(document.doc_id)
        if owner and owner.version == document.version and owner.origin == str(sf.path):
            if owner.file_hash != sf.file_hash or owner.dirty:
                plan.to_touch.append((owner, sf))
            continue
        plan.to_write.append((document, sf))
        changed = True
    gone = [r for r in previous if r.doc_id not in kept]
    plan.to_remove.extend(gone)
    status = "added" if not previous else ("updated" if changed or gone else "unchanged")
    plan.file_status[sf.source] = status
