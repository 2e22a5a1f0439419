"""The user's own documents: a folder under the data dir whose files are checked, ingested incrementally and removable."""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import threading
import unicodedata
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from app.errors import UserError
from app.settings import Settings
from ingest.files import DOCUMENT_SUFFIXES, POSTING_SUFFIXES, file_hash, source_path
from ingest.loaders import load_file
from ingest.models import SourceFile
from ingest.owners import UPLOADS, user_folder_name
from ingest.plan import load_failure_reason, oversized_reason
from ingest.vocabulary import load_vocabulary

log = logging.getLogger(__name__)

UPLOAD_SUFFIXES = DOCUMENT_SUFFIXES | POSTING_SUFFIXES
LONGEST_NAME = 120
MANIFEST = ".status.json"
STAGING = ".staging"
Progress = Callable[[float, str], None]


@dataclass
class DocumentStatus:
    """One uploaded file's outcome, as the "My documents" list shows it."""

    name: str
    status: str  # "ingested" | "refused" | "missing" (ingested once, no longer in the index)
    chunks: int = 0
    reason: str = ""
    added: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, the shape the /add_documents and /remove_document endpoints return."""
        return asdict(self)


def checked_name(name: Any) -> str:
    """The upload's file name if it is a plain, supported one; else ValueError saying what to rename it to."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError("the file has no name; give it a name like report.md")
    clean = unicodedata.normalize("NFC", name.strip())
    if any(unicodedata.category(c).startswith("C") for c in clean) or "/" in clean or "\\" in clean or clean.startswith("."):
        raise ValueError("the name looks like a path or a hidden file; rename it to a plain name like report.md")
    if len(clean) > LONGEST_NAME:
        raise ValueError(f"the name is {len(clean)} characters long; shorten it to {LONGEST_NAME} or fewer")
    suffix = Path(clean).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise ValueError(f"unsupported file type '{suffix or clean}'; add .md, .txt, .html or .pdf documents, "
                         "or postings as .jsonl or .csv")
    return clean


class UploadLibrary:
    """Adds and removes files in users' folders under data_dir/uploads, one change at a time, through the ingest."""

    def __init__(self, settings: Settings, embedder: Callable[[], Any], snapshot: Callable[[str | None], Any] | None = None):
        self.settings = settings
        self.root = settings.data_dir / UPLOADS
        self._embedder = embedder
        self._snapshot = snapshot or self._published_snapshot
        self._lock = threading.Lock()

    def folder(self, username: str | None) -> Path:
        """The user's folder (created on first use)."""
        folder = self.root / user_folder_name(username)
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def documents(self, username: str | None) -> list[DocumentStatus]:
        """Every file the user added or tried to add, newest first, with passages counted in the current index."""
        folder = self.folder(username)
        counts = self._chunk_counts(folder, username)
        documents = []
        for entry in self._manifest(folder).values():
            if entry.status in ("ingested", "missing"):
                chunks = counts.get(f"{folder.name}/{entry.name}", 0)
                entry = DocumentStatus(entry.name, "ingested", chunks, entry.reason, entry.added) if chunks else DocumentStatus(
                    entry.name, "missing", 0, "no longer in the index (was it rebuilt?); add the file again", entry.added)
            documents.append(entry)
        return sorted(documents, key=lambda d: d.added, reverse=True)

    def add(self, username: str | None, files: Iterable[tuple[str, Path]], progress: Progress | None = None) -> list[DocumentStatus]:
        """Check each (name, path) upload, ingest the good ones into the user's folder; returns this batch's outcomes."""
        progress = progress or (lambda fraction, text: None)
        files = list(files)
        with self._lock:
            folder = self.folder(username)
            staging = folder / STAGING / uuid.uuid4().hex
            staging.mkdir(parents=True)
            now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            outcomes: dict[str, DocumentStatus] = {}
            accepted: dict[str, Path] = {}
            try:
                for number, (name, path) in enumerate(files):
                    progress(0.2 * number / max(len(files), 1), f"checking {str(name)[:60]}")
                    try:
                        clean = checked_name(name)
                        accepted[clean] = self._staged(Path(path), clean, staging, folder)
                        outcomes.pop(clean, None)
                    except (ValueError, OSError) as exc:
                        shown = _shown_name(name)
                        outcomes[shown] = DocumentStatus(shown, "refused", reason=load_failure_reason(exc), added=now)
                if accepted:
                    outcomes.update(self._ingest(username, folder, staging, accepted, now, progress))
            finally:
                shutil.rmtree(folder / STAGING, ignore_errors=True)
            manifest = self._manifest(folder)
            for name, outcome in outcomes.items():
                kept = manifest.get(name)
                if outcome.status == "refused" and kept and kept.status == "ingested":  # the earlier version stays
                    outcome = DocumentStatus(name, "ingested", kept.chunks, f"a new version was refused: {outcome.reason}", kept.added)
                    outcomes[name] = outcome
                manifest[name] = outcome
            self._save_manifest(folder, manifest)
        progress(1.0, "done")
        return list(outcomes.values())

    def remove(self, username: str | None, name: str, progress: Progress | None = None) -> DocumentStatus:
        """Delete one of the user's files and its chunks; returns its last status. UserError when there is no such file."""
        progress = progress or (lambda fraction, text: None)
        with self._lock:
            folder = self.folder(username)
            manifest = self._manifest(folder)
            if name not in manifest:
                raise UserError(f"there is no document named {_shown_name(name)!r} in your documents; refresh the list")
            entry = manifest[name]
            target = folder / name
            if entry.status != "refused":  # re-ingest the folder even if the file is gone already, so its chunks go
                staging = folder / STAGING / uuid.uuid4().hex
                staging.mkdir(parents=True)
                moved = target.is_file()
                try:
                    if moved:
                        os.replace(target, staging / name)
                    try:
                        self._run_ingest(folder, progress)
                    except Exception:
                        if moved:
                            os.replace(staging / name, target)  # the file and its chunks stay as they were
                        raise
                finally:
                    shutil.rmtree(folder / STAGING, ignore_errors=True)
            del manifest[name]
            self._save_manifest(folder, manifest)
        progress(1.0, "done")
        return entry

    # -- steps --------------------------------------------------------------------------------------------------
    def _staged(self, path: Path, name: str, staging: Path, folder: Path) -> Path:
        """Copy an upload into staging and read it as ingest would; ValueError with the reason when it cannot be used."""
        size = path.stat().st_size
        if size == 0:
            raise ValueError("empty file")
        if size > self.settings.max_file_mb * 1024 * 1024:
            raise ValueError(oversized_reason(size, self.settings.max_file_mb))
        staged = staging / name
        shutil.copyfile(path, staged)
        source = SourceFile(staged.resolve(), folder.resolve(), f"{folder.name}/{name}", file_hash(staged), size, folder.name)
        try:
            result = load_file(source, load_vocabulary(self.settings.vocabulary_path), self.settings.max_posting_rows)
        except Exception as exc:  # noqa: BLE001 - a parser giving up on an odd file is a refusal with its reason
            raise ValueError(load_failure_reason(exc)) from None
        if not result.documents:
            reasons = "; ".join(dict.fromkeys(s.reason for s in result.skipped)) or "nothing readable"
            raise ValueError(f"no postings could be read ({reasons[:300]})")
        return staged

    def _ingest(self, username: str | None, folder: Path, staging: Path, accepted: dict[str, Path], now: str,
                progress: Progress) -> dict[str, DocumentStatus]:
        """Move the checked files in (keeping what they replace) and ingest; put everything back if the ingest fails."""
        backups = staging / "replaced"
        backups.mkdir()
        for name, staged in accepted.items():
            if (folder / name).exists():
                os.replace(folder / name, backups / name)
            os.replace(staged, folder / name)
        try:
            report = self._run_ingest(folder, progress)
        except Exception as exc:
            for name in accepted:
                (folder / name).unlink(missing_ok=True)
                if (backups / name).exists():
                    os.replace(backups / name, folder / name)
            if not isinstance(exc, UserError):
                log.exception("ingest of uploaded files failed")
            reason = str(exc) if isinstance(exc, UserError) else f"the ingest failed ({type(exc).__name__}); see the server log"
            return {name: DocumentStatus(name, "refused", reason=reason, added=now) for name in accepted}
        chunks = self._chunk_counts(folder, username)
        outcomes = {}
        for name in accepted:
            source = source_path(folder / name, folder, self.settings.corpus_dir)
            problems = "; ".join(dict.fromkeys(s.reason for s in report.skipped if s.source == source))
            if chunks.get(source):
                outcomes[name] = DocumentStatus(name, "ingested", chunks[source], reason=problems[:500], added=now)
            else:
                outcomes[name] = DocumentStatus(name, "refused", reason=problems[:500] or "nothing could be indexed", added=now)
        return outcomes

    def _run_ingest(self, folder: Path, progress: Progress):
        from ingest.sync import run_ingest

        embedder = ReportingEmbedder(self._embedder(), progress)
        progress(0.2, "reading the files")
        return run_ingest(self.settings, [folder], embedder=embedder, show_progress=False, on_progress=embedder.window_done)

    def _published_snapshot(self, username: str | None):
        from ingest.snapshot import load_snapshot

        return load_snapshot(self.settings.data_dir)

    def _chunk_counts(self, folder: Path, username: str | None) -> dict[str, int]:
        """Chunks in the current snapshot (as the user sees it) per source file of this folder."""
        snapshot = self._snapshot(username)
        counts: dict[str, int] = {}
        prefix = f"{folder.name}/"
        for meta in snapshot.metadatas if snapshot else []:
            source = str(meta.get("source", ""))
            if source.startswith(prefix):
                counts[source] = counts.get(source, 0) + 1
        return counts

    def _manifest(self, folder: Path) -> dict[str, DocumentStatus]:
        try:
            raw = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            return {name: DocumentStatus(**entry) for name, entry in raw.items()}
        except (FileNotFoundError, json.JSONDecodeError, TypeError):
            return {}

    def _save_manifest(self, folder: Path, manifest: dict[str, DocumentStatus]) -> None:
        temporary = folder / f"{MANIFEST}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps({n: d.to_dict() for n, d in manifest.items()}, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, folder / MANIFEST)


class ReportingEmbedder:
    """Embeds an ingest window in slices of SLICE chunks and reports each one, so the bar moves while a window embeds."""

    SLICE = 32

    def __init__(self, embedder, progress: Progress):
        self._embedder, self._progress = embedder, progress
        self._done, self._total = 0, 0
        self.name, self.dimension, self.backend, self.variant = embedder.name, embedder.dimension, embedder.backend, embedder.variant

    def window_done(self, done: int, total: int) -> None:
        """run_ingest's on_progress: the chunks of finished windows, and the total to embed."""
        self._done, self._total = done, total

    def embed_passages(self, texts: list[str]):
        """Embed in slices, reporting after each."""
        import numpy as np

        vectors = []
        for start in range(0, len(texts), self.SLICE):
            vectors.append(self._embedder.embed_passages(texts[start:start + self.SLICE]))
            done = self._done + min(start + self.SLICE, len(texts))
            self._progress(0.2 + 0.75 * done / max(self._total, 1), f"indexing: {done} of {self._total} passages")
        return np.concatenate(vectors) if vectors else self._embedder.embed_passages(texts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._embedder, name)


def _shown_name(name: Any) -> str:
    """A refused name as it can be shown: printable and short."""
    text = name if isinstance(name, str) else repr(name)
    text = "".join(c if c.isprintable() else "?" for c in text)
    return (text[:LONGEST_NAME] + "…") if len(text) > LONGEST_NAME else (text or "(no name)")
