"""A question naming a labelled item of a plan ("what should they do in month 3?") leads with that item."""
from __future__ import annotations

from typing import Any

from app.extractive import Draft
from app.sentences import passage_items, posting_reference
from app.types import Passage


def asked_label(question: str, lexicon: dict[str, Any]) -> str | None:
    """The item label a question names, as plans write it: "month 3" for "month 3", "month three" or "third month"."""
    words = [w.strip(".,;:!?()\"'") for w in question.lower().split()]
    labels, numbers = set(lexicon["item_labels"]), lexicon["query_number_words"]
    ordinals = lexicon["query_positions"]["ordinals"]
    for i, word in enumerate(words):
        if word not in labels:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        n = int(after) if after.isdigit() else numbers.get(after) or (ordinals.get(words[i - 1]) if i else None)
        if n:
            return f"{word} {n}"
    return None


def label_first(draft: Draft, passages: list[Passage], reserve: list[Passage], question: str,
                lexicon: dict[str, Any]) -> tuple[Draft, list[Passage]]:
    """The draft led by the list item the question's label opens ("Month 3: write detections …"), found in the
    passages, else in `reserve` (ranked below them; its passage joins); the answer keeps its length (the rest of an
    item a chunk cut joins later: see `cut_items.with_rests`)."""
    label = asked_label(question, lexicon)
    if not label or not draft.sentences:
        return draft, passages
    for index, passage in enumerate([*passages, *reserve]):
        item = next((text for text, kind in passage_items(passage.text, posting_reference(passage.metadata),
                                                          limit=len(passage.text))  # the asked item whole
                     if kind == "step" and _opens_with(text, label)), None)
        if item is None:
            continue
        if index >= len(passages):
            passages, index = [*passages, passage], len(passages)
        rest = [(text, cited) for text, cited in draft.sentences if text != item]
        return Draft([(item, [index]), *rest][:len(draft.sentences)], draft.evidence, draft.answered), passages
    return draft, passages


def _opens_with(text: str, label: str) -> bool:
    """Whether a list item opens with the label ("Month 3: …", "Month 3 (optional): …"), not "Month 30", also after
    the label of its list that a first item quotes ("Study plan for a SOC analyst: Month 1: …")."""
    head = text.lower()
    return any(h.startswith(label) and h[len(label):len(label) + 1] in (":", " ", ".", ")")
               for h in (head, head.partition(": ")[2]))
