"""Conversations as the browser keeps them, and an answer as Markdown with its sources."""
from __future__ import annotations

from app.ui.conversations import KEPT_CONVERSATIONS, browser_secret, choices, forget, remember
from app.ui.takeaway import answer_markdown, latest_markdown

ANSWER = {"text": "Python and Kubernetes [1]. Governance [2].", "abstained": False, "citations": [
    {"number": 1, "source": "postings/x.jsonl", "title": "MLSecOps Engineer", "kind": "posting", "reviewed": None,
     "text": "Skills: python, kubernetes.\n\nSecond line.", "metadata": {"sample": True, "url": "https://jobs.example/1"}},
    {"number": 2, "source": "documents/gov.md", "title": "Governance guide", "kind": "document", "reviewed": "2025-05-01",
     "text": "Governance matters.", "metadata": {}}]}


def _turn(question: str) -> dict:
    return {"question": question, "filters": {}, "answer": ANSWER, "chart": "<img>", "error": None}


def test_remember_reopen_forget():
    saved, first = remember({"conversations": []}, "", [_turn("What skills?")])
    assert first and saved["conversations"][0]["title"] == "What skills?" and "chart" not in saved["conversations"][0]["turns"][0]
    saved, same = remember(saved, first, [_turn("What skills?"), _turn("And pay?")])
    assert same == first and len(saved["conversations"]) == 1 and len(saved["conversations"][0]["turns"]) == 2
    saved, second = remember(saved, "", [_turn("x" * 200)])
    assert [value for _, value in choices(saved)] == [second, first] and len(choices(saved)[0][0]) < 90
    assert [c["id"] for c in forget(saved, second)["conversations"]] == [first]
    for n in range(KEPT_CONVERSATIONS + 5):
        saved, _ = remember(saved, "", [_turn(f"q{n}")])
    assert len(saved["conversations"]) == KEPT_CONVERSATIONS
    assert remember(None, "", [])[0] == {"conversations": []} and choices({"conversations": [{"junk": 1}]}) == []


def test_browser_secret_is_stable(tmp_path):
    assert browser_secret(tmp_path) == browser_secret(tmp_path) and len(browser_secret(tmp_path)) > 20


def test_answer_markdown_has_numbered_sources_and_passages():
    text = answer_markdown("What  skills?", ANSWER)
    assert text.startswith("# What skills?\n\nPython and Kubernetes [1]. Governance [2].")
    assert "[1] **MLSecOps Engineer**: `postings/x.jsonl`, posting, sample posting (fictional)" in text
    assert "<https://jobs.example/1>" in text and "> Skills: python, kubernetes.\n>\n> Second line." in text
    assert "[2] **Governance guide**: `documents/gov.md`, document, reviewed 2025-05-01" in text
    assert latest_markdown([]) == "" and latest_markdown([_turn("a"), {**_turn("b"), "answer": None}]).startswith("# a")
