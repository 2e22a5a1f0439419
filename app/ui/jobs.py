"""The Jobs tab: the ingested postings as a table to filter and sort, one posting in full, and "ask about these"."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from app.analytics.table import PostingRow, table_from_snapshot
from app.errors import UserError
from app.filters import Filters, matches, parse_filters
from app.ui import render
from app.ui.backend import Backend, request_user

ANY = "any"
HEADERS = ["ID", "Title", "Company", "Role family", "Seniority", "Remote", "Place", "Pay from", "Pay to", "Cur.",
           "Posted", "Skills", "Certifications", "Sample"]
WIDTHS = ["95px", "230px", "160px", "150px", "100px", "80px", "150px", "90px", "90px", "55px", "100px", "230px", "170px", "70px"]
DATATYPES = ["str", "str", "str", "str", "str", "str", "str", "number", "number", "str", "str", "str", "str", "str"]
SORTS = {"Newest first": ("posted", True), "Highest pay first": ("salary_max", True), "Title A–Z": ("title", False)}
ASK_ABOUT_THESE = "Which skills do these postings ask for most often?"
PRIVATE = {"api_visibility": "private"}


@dataclass(frozen=True)
class JobSelection:
    """The Jobs tab's filters: the chat's own Filters, plus a certification the chat cannot filter on."""

    filters: Filters
    certification: str | None = None


def selection_from(role: str, seniority: str, remote: str, place: str, min_pay: Any, skill: str, certification: str,
                   posted_since: str, role_families: tuple[str, ...]) -> JobSelection:
    """Read the tab's widgets through the chat's filter parser (UserError on a bad date or number)."""
    raw = {"role_family": role, "seniority": seniority, "remote": remote, "location": place,
           "min_salary": int(min_pay) if min_pay not in (None, "") and float(min_pay) > 0 else None,
           "skills": [skill] if skill and skill != ANY else None, "posted_after": posted_since}
    raw = {k: v for k, v in raw.items() if v not in (None, "", ANY) and not (isinstance(v, str) and not v.strip())}
    return JobSelection(parse_filters(raw, role_families), None if certification in (None, "", ANY) else certification)


def select_rows(rows: list[PostingRow], selection: JobSelection, sort: str) -> list[PostingRow]:
    """The postings the selection keeps, in the chosen order (missing values last)."""
    kept = [r for r in rows if matches(selection.filters, r.metadata)
            and (selection.certification is None or selection.certification in r.certifications)]
    field, descending = SORTS.get(sort, SORTS["Newest first"])
    present = [r for r in kept if getattr(r, field) not in (None, "")]
    missing = [r for r in kept if getattr(r, field) in (None, "")]
    return sorted(present, key=lambda r: getattr(r, field), reverse=descending) + missing


def table_rows(rows: list[PostingRow]) -> list[list[Any]]:
    """The rows as the Dataframe shows them."""
    return [[r.posting_id, r.title, str(r.metadata.get("company", "")), r.role_family or "", r.seniority or "",
             r.remote or "", r.location, r.salary_min, r.salary_max, r.currency or "", r.posted or "",
             ", ".join(r.skills), ", ".join(r.certifications), "sample" if r.metadata.get("sample") else ""] for r in rows]


def posting_html(row: PostingRow, chunks: list[tuple[str, dict[str, Any]]]) -> str:
    """One posting in full: a sample notice, its facts, its link when it has one, and its text."""
    meta = row.metadata
    notice = ('<div class="aisec-notice aisec-sample">Sample posting: fictional, for illustration only</div>'
              if meta.get("sample") else "")
    facts = " · ".join(render.esc(v) for v in (meta.get("company"), row.location, row.remote, row.seniority,
                                                render.salary_range(meta), row.posted and f"posted {row.posted}") if v)
    return (f'<div class="aisec-posting">{notice}<h3>{render.esc(row.title)}</h3><div class="aisec-facts">{facts}</div>'
            f'{render.url_html(meta.get("url"))}<div class="aisec-passage">{render.esc(full_text(chunks))}</div></div>')


def full_text(chunks: list[tuple[str, dict[str, Any]]]) -> str:
    """The posting's text put back together from its (text, metadata) chunks, in order, by their character offsets."""
    text, end = "", 0
    for piece, meta in chunks:
        start = int(meta.get("start_char", end))
        if not text:
            text = piece
        elif start < end:  # the chunks overlap
            text += piece[end - start:]
        else:
            text += ("\n\n" if start > end else "") + piece
        end = max(end, int(meta.get("end_char", start + len(piece))))
    return text


def handed_filters_note(handed: dict[str, Any]) -> str:
    """What the Jobs tab handed to the chat, shown under the chat's filters."""
    if not handed:
        return ""
    shown = "; ".join(f"{k.replace('_', ' ')}: {', '.join(v) if isinstance(v, list) else v}" for k, v in handed.items())
    return f"**From the Jobs tab:** {shown}"


def handed_filters_box() -> dict[str, Any]:
    """Under the chat's filters: the filters the Jobs tab handed over (a gr.State), their note and a button to drop them."""
    handed = gr.State({})
    note = gr.Markdown("", elem_id="aisec-handed")
    drop = gr.Button("Drop the Jobs filters", size="sm", visible=False, elem_id="aisec-handed-drop")
    drop.click(lambda: ({}, ""), None, [handed, note], queue=False, **PRIVATE)
    handed.change(lambda value: gr.update(visible=bool(value)), handed, drop, queue=False, **PRIVATE)
    return {"handed": handed, "handed_note": note}


def jobs_tab(backend: Backend, chat: dict[str, Any], role_families: list[str], seniority: list[str], remote: list[str]) -> None:
    """Lay out the tab; `chat` holds the chat widgets "Ask about these" fills: role, seniority, remote, min_salary,
    question, handed (a gr.State of the other filters) and handed_note."""
    families = tuple(role_families)
    with gr.Tab("Jobs", elem_id="aisec-jobs-tab") as tab:
        gr.Markdown("### Job postings in the index\nFilter and sort; click a row to read the posting. "
                    "Rows marked *sample* are fictional postings for illustration.")
        with gr.Row():
            role = gr.Dropdown([ANY, *role_families], value=ANY, label="Role family", elem_id="aisec-jobs-role")
            level = gr.Dropdown([ANY, *seniority], value=ANY, label="Seniority", elem_id="aisec-jobs-seniority")
            where = gr.Dropdown([ANY, *remote], value=ANY, label="Remote", elem_id="aisec-jobs-remote")
            place = gr.Textbox(label="Place contains", placeholder="e.g. London", elem_id="aisec-jobs-place")
        with gr.Row():
            min_pay = gr.Number(label="Minimum pay per year (0 = any)", value=0, minimum=0, precision=0, elem_id="aisec-jobs-pay")
            skill = gr.Dropdown([ANY], value=ANY, label="Skill", elem_id="aisec-jobs-skill")
            cert = gr.Dropdown([ANY], value=ANY, label="Certification", elem_id="aisec-jobs-cert")
            since = gr.Textbox(label="Posted since (YYYY-MM-DD)", placeholder="2025-01-01", elem_id="aisec-jobs-since")
        with gr.Row():
            sort = gr.Dropdown(list(SORTS), value="Newest first", label="Sort by", scale=2, elem_id="aisec-jobs-sort")
            count = gr.Markdown("", elem_id="aisec-jobs-count")
            ask = gr.Button("Ask about these in the chat", variant="primary", scale=1, elem_id="aisec-jobs-ask")
        table = gr.Dataframe(headers=HEADERS, datatype=DATATYPES, value=[], interactive=False, max_height=460,
                             column_widths=WIDTHS, elem_id="aisec-jobs-table", pinned_columns=2)
        detail = gr.HTML("", elem_id="aisec-jobs-detail")
    inputs = [role, level, where, place, min_pay, skill, cert, since, sort]

    def rows_now(request: gr.Request | None) -> list[PostingRow]:
        if backend.assistant is None:
            return []
        return table_from_snapshot(backend.assistant.retriever(request_user(request)).snapshot)

    def show(role_v, level_v, where_v, place_v, pay_v, skill_v, cert_v, since_v, sort_v, request: gr.Request):
        rows = rows_now(request)
        try:
            selection = selection_from(role_v, level_v, where_v, place_v, pay_v, skill_v, cert_v, since_v, families)
        except UserError as exc:
            gr.Warning(str(exc))
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        chosen = select_rows(rows, selection, sort_v)
        samples = sum(1 for r in chosen if r.metadata.get("sample"))
        note = f"**{len(chosen)}** of {len(rows)} postings" + (f" ({samples} samples)" if samples else "")
        skills = sorted({s for r in rows for s in r.skills})
        certs = sorted({c for r in rows for c in r.certifications})
        return (table_rows(chosen), note, gr.update(choices=[ANY, *skills]), gr.update(choices=[ANY, *certs]))

    def open_row(data: gr.SelectData, request: gr.Request):
        posting_id = (data.row_value or [None])[0]
        snapshot = backend.assistant.retriever(request_user(request)).snapshot if backend.assistant else None
        row = next((r for r in rows_now(request) if r.posting_id == posting_id), None)
        if row is None or snapshot is None:
            return ""
        chunks = [(t, m) for t, m in zip(snapshot.texts, snapshot.metadatas) if m.get("doc_id") == row.doc_id]
        return posting_html(row, sorted(chunks, key=lambda chunk: int(chunk[1].get("chunk_index", 0))))

    def hand_over(role_v, level_v, where_v, place_v, pay_v, skill_v, cert_v, since_v):
        try:
            selection = selection_from(role_v, level_v, where_v, place_v, pay_v, skill_v, cert_v, since_v, families)
        except UserError as exc:
            gr.Warning(str(exc))
            return [gr.skip()] * 7
        chosen = selection.filters.to_dict()
        handed = {k: v for k, v in chosen.items() if k not in ("role_family", "seniority", "remote", "min_salary")}
        if selection.certification:
            gr.Info(f"The chat cannot filter on a certification; ask about {selection.certification} in your question.")
        return (chosen.get("role_family", ANY), chosen.get("seniority", ANY), chosen.get("remote", ANY),
                chosen.get("min_salary", 0), ASK_ABOUT_THESE, handed, handed_filters_note(handed))

    tab.select(show, inputs, [table, count, skill, cert], **PRIVATE)
    for widget in inputs:
        (widget.submit if isinstance(widget, gr.Textbox) else widget.change)(show, inputs, [table, count, skill, cert], **PRIVATE)
    table.select(open_row, None, detail, **PRIVATE)
    ask.click(hand_over, inputs[:-1], [chat["role"], chat["seniority"], chat["remote"], chat["min_salary"], chat["question"],
                                       chat["handed"], chat["handed_note"]], **PRIVATE).then(
        None, None, None, js="() => { const tab = [...document.querySelectorAll('button[role=tab]')]"
                             ".find(b => b.innerText.trim() === 'Chat'); if (tab) tab.click(); }")
