"""Who owns an ingested file: the user whose upload folder holds it; corpus files are shared and have no owner."""
from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

from ingest.models import LoadResult

OWNER = "owner"  # chunk metadata key: the upload folder's name (user-…); absent on shared corpus chunks
UPLOADS = "uploads"  # data_dir/uploads/<user folder>/ holds each user's own files
DEFAULT_FOLDER = "user-default"  # the uploads of the UI without a login, and what the Python API and CLI see


def user_folder_name(username: str | None) -> str:
    """A folder name for a user: readable when the name is plain, a hash otherwise; "user-default" with no login."""
    if not username:
        return DEFAULT_FOLDER
    slug = re.sub(r"[^a-z0-9_-]+", "-", username.lower()).strip("-")[:40]
    digest = hashlib.sha256(username.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"user-{slug}-{digest}" if slug else f"user-{digest}"


def owner_of(path: Path, data_dir: Path | None) -> str | None:
    """The user folder holding `path` when it lies under data_dir/uploads/<folder>/, else None (a shared file)."""
    if data_dir is None:
        return None
    uploads, resolved = (data_dir / UPLOADS).resolve(), path.resolve()
    if not resolved.is_relative_to(uploads):
        return None
    parts = resolved.relative_to(uploads).parts
    return parts[0] if len(parts) > 1 else None


def owned(result: LoadResult, owner: str | None) -> LoadResult:
    """The documents of one file marked with their owner (unchanged for a shared file); a posting's id is made the
    owner's own, so two users (or a user and the corpus) with the same posting id never replace each other's, and the
    version names the owner, so an upload indexed before owners existed is written again with its owner."""
    if owner is None:
        return result
    documents = [dataclasses.replace(d, doc_id=d.doc_id.replace("posting:", f"posting:{owner}/", 1) if d.kind == "posting" else d.doc_id,
                                     version=hashlib.sha256(f"{d.version}\0{owner}".encode()).hexdigest(),
                                     metadata={**d.metadata, OWNER: owner}) for d in result.documents]
    return dataclasses.replace(result, documents=documents)
