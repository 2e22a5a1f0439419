"""Conversations kept in the browser (gr.BrowserState, encrypted localStorage): list, reopen, delete, start anew."""
from __future__ import annotations

import datetime as dt
import secrets
import uuid
from pathlib import Path
from typing import Any, Callable

import gradio as gr

KEPT_CONVERSATIONS = 30
KEPT_TURNS = 50
TITLE_CHARS = 60
STORAGE_KEY = "aisec-conversations"
PRIVATE = {"api_visibility": "private"}


def browser_secret(data_dir: Path) -> str:
    """The key the browser's copy is encrypted with, kept in the data dir so saved conversations outlive a restart."""
    path = data_dir / "ui-browser-key"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(24)
        path.write_text(key, encoding="utf-8")
        return key


def saved_turn(turn: dict[str, Any]) -> dict[str, Any]:
    """A turn as the browser keeps it (its chart is drawn again on reopening, so it is not stored)."""
    return {k: v for k, v in turn.items() if k != "chart"}


def remember(saved: dict[str, Any] | None, conversation_id: str, turns: list[dict[str, Any]]) -> tuple[dict[str, Any], str]:
    """The browser's store with this conversation saved first (a new id when it has none); oldest dropped past the cap."""
    conversations = list((saved or {}).get("conversations") or [])
    if not turns:
        return {"conversations": conversations}, conversation_id
    conversation_id = conversation_id or uuid.uuid4().hex[:12]
    old = next((c for c in conversations if c.get("id") == conversation_id), None)
    entry = {"id": conversation_id, "title": _title(turns[0]["question"]),
             "started": (old or {}).get("started") or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
             "turns": [saved_turn(t) for t in turns[-KEPT_TURNS:]]}
    rest = [c for c in conversations if c.get("id") != conversation_id]
    return {"conversations": [entry, *rest][:KEPT_CONVERSATIONS]}, conversation_id


def forget(saved: dict[str, Any] | None, conversation_id: str) -> dict[str, Any]:
    """The store without that conversation."""
    return {"conversations": [c for c in (saved or {}).get("conversations") or [] if c.get("id") != conversation_id]}


def choices(saved: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(label, id) for the list of past conversations, newest first."""
    return [(f"{c['title']} · {str(c.get('started', ''))[:10]}", c["id"]) for c in (saved or {}).get("conversations") or []
            if isinstance(c, dict) and c.get("id") and c.get("title")]


def conversations_panel(saved_secret: str) -> dict[str, Any]:
    """The list of past conversations with Open and Delete (call inside the chat's layout)."""
    saved = gr.BrowserState({"conversations": []}, storage_key=STORAGE_KEY, secret=saved_secret)
    current = gr.State("")
    with gr.Accordion("Past conversations (kept in this browser only)", open=True, elem_id="aisec-conversations"):
        picker = gr.Radio([], label="Open one", show_label=False, elem_id="aisec-conversation-list")
        delete = gr.Button("Delete the selected conversation", size="sm", variant="secondary", elem_id="aisec-conversation-delete")
    return {"saved": saved, "current": current, "picker": picker, "delete": delete}


def wire_conversations(panel: dict[str, Any], demo: gr.Blocks, chatbot, turns, starts: list, answered: list,
                       messages: Callable[[list], list], chart: Callable[[dict], str]) -> None:
    """Save after every answer (`answered`: the events that finish one), reopen, delete, start anew on `starts`
    (event triggers such as a button's click), list on load."""
    saved, current, picker = panel["saved"], panel["current"], panel["picker"]

    def store(history: list, conversation_id: str, stored: dict):
        stored, conversation_id = remember(stored, conversation_id, history)
        return stored, conversation_id, gr.update(choices=choices(stored), value=conversation_id)

    def reopen(conversation_id: str, stored: dict):
        entry = next((c for c in (stored or {}).get("conversations") or [] if c.get("id") == conversation_id), None)
        if entry is None:
            return gr.skip(), gr.skip(), gr.skip()
        history = [{**t, "chart": chart(t["answer"]) if t.get("answer") else ""} for t in entry["turns"]]
        return messages(history), history, conversation_id

    def delete(conversation_id: str, now_open: str, stored: dict):
        stored = forget(stored, conversation_id)
        cleared = conversation_id and conversation_id == now_open
        return (stored, gr.update(choices=choices(stored), value=None), [] if cleared else gr.skip(),
                [] if cleared else gr.skip(), "" if cleared else now_open)

    for event in answered:
        event.then(store, [turns, current, saved], [saved, current, picker], queue=False, **PRIVATE)
    picker.input(reopen, [picker, saved], [chatbot, turns, current], queue=False, **PRIVATE)
    panel["delete"].click(delete, [picker, current, saved], [saved, picker, chatbot, turns, current], queue=False, **PRIVATE)
    gr.on(starts, lambda: ("", gr.update(value=None)), None, [current, picker], queue=False, **PRIVATE)
    demo.load(lambda stored: gr.update(choices=choices(stored), value=None), saved, picker, queue=False, **PRIVATE)


def _title(question: str) -> str:
    question = " ".join(str(question).split())
    return question if len(question) <= TITLE_CHARS else question[: TITLE_CHARS - 1] + "…"
