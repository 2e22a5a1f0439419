"""Take an answer away: Markdown with its numbered sources and their passages, to copy or download (made in the browser)."""
from __future__ import annotations

from typing import Any

import gradio as gr

PRIVATE = {"api_visibility": "private"}
DOWNLOAD_JS = """(markdown) => {
    if (!markdown) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([markdown], {type: 'text/markdown;charset=utf-8'}));
    link.download = 'aisec-answer.md';
    document.body.appendChild(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}"""


def answer_markdown(question: str, answer: dict[str, Any]) -> str:
    """The question, the answer text with its [n] markers, and each numbered source with its passage quoted."""
    lines = [f"# {' '.join(question.split())}", ""]
    if answer.get("abstained"):
        lines += ["*Not in the corpus: no passage supports an answer.*", ""]
    lines += [answer.get("text", "").strip(), ""]
    citations = answer.get("citations") or []
    if citations:
        lines += ["## Sources", ""]
    for citation in citations:
        meta = citation.get("metadata") or {}
        facts = [f"`{citation.get('source', '')}`", citation.get("kind", "")]
        if citation.get("reviewed"):
            facts.append(f"reviewed {citation['reviewed']}")
        if meta.get("sample"):
            facts.append("sample posting (fictional)")
        lines.append(f"[{citation.get('number')}] **{citation.get('title', '')}**: {', '.join(f for f in facts if f)}")
        if meta.get("url"):
            lines.append(f"<{meta['url']}>")
        lines += ["", *[f"> {line}" if line.strip() else ">" for line in str(citation.get("text", "")).strip().splitlines()], ""]
    return "\n".join(lines).rstrip() + "\n"


def latest_markdown(history: list[dict[str, Any]]) -> str:
    """The newest answered turn as Markdown ("" when there is none)."""
    answered = [t for t in history or [] if t.get("answer")]
    return answer_markdown(answered[-1]["question"], answered[-1]["answer"]) if answered else ""


def takeaway_panel(turns) -> None:
    """Under the chat: the last answer as Markdown, with a copy button and a download (call inside the chat's layout)."""
    with gr.Accordion("Take the last answer away (Markdown with its sources)", open=False, elem_id="aisec-takeaway"):
        markdown = gr.Textbox(label="Answer as Markdown", lines=8, max_lines=16, interactive=False, buttons=["copy"],
                              elem_id="aisec-takeaway-text")
        download = gr.Button("Download as Markdown (.md)", size="sm", elem_id="aisec-takeaway-download")
    turns.change(latest_markdown, turns, markdown, queue=False, **PRIVATE)
    download.click(None, markdown, None, js=DOWNLOAD_JS, **PRIVATE)
