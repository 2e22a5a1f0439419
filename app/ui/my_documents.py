"""The "My documents" tab: drop files to add them to the index, see each one's status, remove one; and its API."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import gradio as gr

from app.errors import UserError
from app.ui.backend import Backend, request_user
from app.ui.uploads import DocumentStatus, UploadLibrary

HEADERS = ["File", "Status", "Passages", "Note", "Added (UTC)"]
INTRO = ("### My documents\nDrop reports (.md, .txt, .html, .pdf) or postings (.jsonl, .csv) here, up to {limit:g} MB "
         "each (AISEC_MAX_FILE_MB). They are checked, indexed into your own folder, and can be asked about as soon as "
         "the bar finishes. A file that is refused changes nothing that was there.")
PRIVATE = {"api_visibility": "private"}


def library_for(backend: Backend) -> UploadLibrary:
    """The upload library over the backend's data dir, embedding with the Assistant's own model."""
    from ingest.embedding import make_embedder

    def embedder():
        if backend.assistant is not None:
            return backend.assistant.embedder
        return backend.ingest_embedder or make_embedder(backend.settings)

    def snapshot(username: str | None):
        return backend.assistant.retriever(username).snapshot if backend.assistant is not None else None

    return UploadLibrary(backend.settings, embedder, snapshot)


def documents_tab(backend: Backend) -> None:
    """Lay out the tab and wire its events, including the /add_documents and /remove_document endpoints."""
    library = library_for(backend)
    with gr.Tab("My documents", elem_id="aisec-docs-tab") as tab:
        gr.Markdown(INTRO.format(limit=backend.settings.max_file_mb))
        upload = gr.File(label="Drop files here, or click to choose (several at once)", file_count="multiple",
                         type="filepath", elem_id="aisec-upload", height=140)
        table = gr.Dataframe(headers=HEADERS, value=[], interactive=False, wrap=True, elem_id="aisec-docs",
                             label="Your documents", column_widths=["26%", "10%", "9%", "40%", "15%"])
        with gr.Row():
            doomed = gr.Dropdown([], label="Remove a document (its passages leave the index)", scale=4, elem_id="aisec-doomed")
            remove = gr.Button("Remove", variant="stop", scale=1, elem_id="aisec-remove")
        api_files = gr.File(file_count="multiple", type="filepath", visible=False)
        api_name = gr.Textbox(visible=False)
        api_result = gr.JSON(visible=False)

    def listing(request: gr.Request):
        documents = library.documents(request_user(request))
        return _rows(documents), gr.update(choices=[d.name for d in documents], value=None)

    def add_from_page(paths: Optional[list[str]], request: gr.Request, progress=gr.Progress()):
        if paths:
            _add(library, backend, paths, request, progress)
        return (*listing(request), None)

    def remove_from_page(name: Optional[str], request: gr.Request, progress=gr.Progress()):
        if not name:
            gr.Warning("Choose a document to remove first.")
        else:
            _remove(library, backend, name, request, progress)
            gr.Info(f"Removed {name}.")
        return listing(request)

    def add_documents(paths: list[str], request: gr.Request) -> list[dict[str, Any]]:
        """Add files to your documents; returns each file's status: name, status (ingested|refused), chunks, reason."""
        return [d.to_dict() for d in _add(library, backend, paths or [], request, None)]

    def remove_document(name: str, request: gr.Request) -> list[dict[str, Any]]:
        """Remove one of your documents and its passages; returns the documents that remain."""
        _remove(library, backend, name, request, None)
        return [d.to_dict() for d in library.documents(request_user(request))]

    one_at_a_time = {"concurrency_limit": 1, "concurrency_id": "aisec-uploads"}
    upload.upload(add_from_page, upload, [table, doomed, upload], show_progress_on=table, **one_at_a_time, **PRIVATE)
    remove.click(remove_from_page, doomed, [table, doomed], show_progress_on=table, **one_at_a_time, **PRIVATE)
    tab.select(listing, None, [table, doomed], queue=False, **PRIVATE)
    api_files.change(add_documents, api_files, api_result, api_name="add_documents", **one_at_a_time)
    api_name.change(remove_document, api_name, api_result, api_name="remove_document", **one_at_a_time)


def _add(library: UploadLibrary, backend: Backend, paths: list[str], request: gr.Request, progress) -> list[DocumentStatus]:
    if backend.assistant is None:
        raise gr.Error("The index is still being built; add documents when it is done.")
    report = (lambda fraction, text: progress(fraction, desc=text)) if progress is not None else None
    return library.add(request_user(request), [(Path(p).name, Path(p)) for p in paths], report)


def _remove(library: UploadLibrary, backend: Backend, name: str, request: gr.Request, progress) -> None:
    if backend.assistant is None:
        raise gr.Error("The index is still being built; try again when it is done.")
    try:
        library.remove(request_user(request), name, (lambda fraction, text: progress(fraction, desc=text)) if progress is not None else None)
    except UserError as exc:
        raise gr.Error(str(exc)) from None


def _rows(documents: list[DocumentStatus]) -> list[list[Any]]:
    shown = {"ingested": "✓ ingested", "refused": "✗ refused", "missing": "? missing"}
    return [[d.name, shown[d.status], d.chunks, d.reason, d.added.replace("T", " ")[:16]] for d in documents]
