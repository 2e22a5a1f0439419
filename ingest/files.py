"""Find ingestible files under the given paths and read them as text safely."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ingest.models import Skipped, SourceFile
from ingest.owners import UPLOADS, owner_of

DOCUMENT_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm", ".pdf"}
POSTING_SUFFIXES = {".jsonl", ".json", ".csv"}
CONFIG_SUFFIXES = {".yaml", ".yml"}  # vocabulary and column mappings: read by loaders, not ingested


def unindexed_notes(lexicon: dict) -> tuple[str, ...]:
    """Files at a corpus root that describe the corpus (its datasheet) and are not indexed, from the lexicon."""
    return tuple(lexicon.get("not_answer_material", {}).get("corpus_files", ()))


def discover_files(paths: list[Path], corpus_dir: Path, corpus_notes: tuple[str, ...] = (),
                   data_dir: Path | None = None) -> tuple[list[SourceFile], list[Skipped]]:
    """Every supported file under `paths`, with its source path and owner (a file in a user's folder under
    data_dir/uploads); unsupported files are reported; files named in `corpus_notes` at the corpus root (its
    datasheet) describe the corpus and are left out."""
    found: dict[Path, SourceFile] = {}
    skipped: list[Skipped] = []
    for root in paths:
        if not root.exists():
            skipped.append(Skipped(str(root), "path does not exist"))
            continue
        candidates = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in candidates:
            if any(part.startswith(".") for part in path.relative_to(root.parent).parts):
                continue
            suffix = path.suffix.lower()
            if suffix in CONFIG_SUFFIXES:
                continue
            source = source_path(path, root, corpus_dir, data_dir)
            if source in corpus_notes:
                continue
            if suffix not in DOCUMENT_SUFFIXES | POSTING_SUFFIXES:
                skipped.append(Skipped(source, f"unsupported file type '{suffix or path.name}'"))
                continue
            resolved = path.resolve()
            if resolved not in found:
                found[resolved] = SourceFile(resolved, root.resolve(), source, file_hash(path), path.stat().st_size,
                                             owner_of(resolved, data_dir))
    return list(found.values()), skipped


def source_path(path: Path, root: Path, corpus_dir: Path, data_dir: Path | None = None) -> str:
    """Path relative to the corpus root when inside it, "<user folder>/<name>" for a user's upload (whichever folder
    was ingested), else relative to the folder holding `root`."""
    resolved, corpus = path.resolve(), corpus_dir.resolve()
    if resolved.is_relative_to(corpus):
        return resolved.relative_to(corpus).as_posix()
    base = (data_dir / UPLOADS).resolve() if owner_of(resolved, data_dir) else root.resolve().parent
    return resolved.relative_to(base).as_posix()


def file_hash(path: Path) -> str:
    """SHA-256 of the file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_text(path: Path) -> str:
    """Decode a text file, refusing empty, binary and non-UTF-8 content with a reason."""
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid UTF-16 text (byte {exc.start}); save the file as UTF-8 and re-run") from None
    if b"\x00" in data[:8192]:
        raise ValueError("binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 text (byte {exc.start}); save the file as UTF-8 and re-run") from None


def read_yaml(path: Path) -> Any:
    """A YAML file's data, parsed by libyaml where PyYAML has it (several times faster at start-up than pure Python)."""
    import yaml

    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
