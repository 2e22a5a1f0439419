"""The "About the corpus" view: what is indexed and when it was last ingested."""
from __future__ import annotations

from collections import Counter
from typing import Any

from app.ui.render import esc

MAX_LISTED = 60


def corpus_overview(assistant, settings, user: str | None = None) -> dict[str, Any]:
    """Documents, postings by role family and the last ingest time, from the snapshot as `user` sees it (the corpus
    and their own uploads) and index_status."""
    from ingest.status import index_status

    status = index_status(settings)
    documents: dict[str, tuple[str, str]] = {}
    families: dict[str, str] = {}
    snapshot = assistant.retriever(user).snapshot
    for meta in snapshot.metadatas:
        doc_id = meta.get("doc_id", "")
        if meta.get("kind") == "posting":
            families[doc_id] = meta.get("role_family") or "unclassified"
        else:
            documents[doc_id] = (str(meta.get("title") or meta.get("source", "")), str(meta.get("source", "")))
    return {
        "documents": len(documents),
        "postings": len(families),
        "chunks": len(snapshot),
        "last_ingested": status.get("last_ingested"),
        "embedding_model": status.get("embedding_model"),
        "postings_by_role_family": dict(Counter(families.values()).most_common()),
        "document_titles": sorted(documents.values(), key=lambda item: item[1]),
    }


def overview_html(overview: dict[str, Any]) -> str:
    """The overview as escaped HTML."""
    rows = "".join(f"<tr><td>{esc(family)}</td><td>{count}</td></tr>" for family, count in overview["postings_by_role_family"].items())
    titles = overview["document_titles"]
    listed = "".join(f"<li>{esc(title)} <code>{esc(source)}</code></li>" for title, source in titles[:MAX_LISTED])
    more = f"<li>… and {len(titles) - MAX_LISTED} more</li>" if len(titles) > MAX_LISTED else ""
    return (
        '<div class="aisec-about">'
        f'<p><b>{overview["documents"]}</b> documents and <b>{overview["postings"]}</b> job postings '
        f'in <b>{overview["chunks"]}</b> passages; last ingested <b>{esc(overview["last_ingested"] or "never")}</b> '
        f'(embeddings: {esc(overview["embedding_model"])}).</p>'
        f'<h3>Postings by role family</h3><table class="aisec-table"><tr><th>Role family</th><th>Postings</th></tr>{rows}</table>'
        f"<h3>Documents</h3><ul>{listed}{more}</ul></div>"
    )


def progress_html(progress) -> str:
    """The start-up banner while the first ingest runs (or why it failed)."""
    if progress.state == "failed":
        return (f'<div class="aisec-banner aisec-failed"><b>The first ingest failed:</b> {esc(progress.message)}<br>'
                "Fix the problem, run <code>aisec ingest</code>, and restart <code>aisec ui</code>.</div>")
    if progress.state == "ingesting":
        return (
            '<div class="aisec-banner"><b>Building the index for the first time…</b> '
            f"{progress.files_found} files found · {progress.chunks_embedded} passages embedded · "
            f"{progress.elapsed():.0f}s elapsed. The chat opens when it is done.</div>"
        )
    return ""
