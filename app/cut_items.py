"""A list item the chunk boundary cut in two ("… Article 99 penalties;" | "practise classifying …") is quoted with its
rest, which the next chunk of its section holds, right after it."""
from __future__ import annotations

from app.extractive import Draft
from app.guidance import section_items
from app.types import Passage
from ingest.snapshot import Snapshot


def cut_after_clause(sentence: str) -> bool:
    """Whether a quoted sentence ends where a chunk boundary cuts an item: after a clause ("… Article 99 penalties;")."""
    return sentence.endswith((",", ";", ":"))


def _item_rest(item: str, passage: Passage, snapshot: Snapshot) -> tuple[str, Passage] | None:
    """The rest of a list item its passage's chunk ended inside ("Month 1: read … matrix;"), as its section's items
    give it ("…study several ATLAS case studies …"), with the chunk holding it; None for an item the chunk holds whole."""
    if not cut_after_clause(item):
        return None
    items = section_items(snapshot, passage.metadata.get("doc_id"), passage.metadata.get("section", ""))
    at = next((n for n, (text, *_) in enumerate(items) if text == item), None)
    if at is None or at + 1 >= len(items) or not items[at + 1][0].startswith("…"):
        return None
    return items[at + 1][0], items[at + 1][2]


def with_rests(draft: Draft, passages: list[Passage], snapshot: Snapshot) -> tuple[Draft, list[Passage]]:
    """The draft with the rest of every sentence a chunk boundary cut right after it, citing the chunk that holds it
    (which joins `passages` when it was not retrieved); a rest the draft quoted elsewhere moves there."""
    rests = {text: _item_rest(text, passages[cited[0]], snapshot) for text, cited in draft.sentences if cited}
    moved = {rest[0] for rest in rests.values() if rest}
    if not moved:
        return draft, passages
    index_of = {p.chunk_id: i for i, p in enumerate(passages)}
    extended, sentences = list(passages), []
    for text, cited in draft.sentences:
        if text in moved:
            continue
        sentences.append((text, cited))
        if rests.get(text):
            rest, chunk = rests[text]
            if chunk.chunk_id not in index_of:
                index_of[chunk.chunk_id] = len(extended)
                extended.append(chunk)
            sentences.append((rest, [index_of[chunk.chunk_id]]))
    return Draft(sentences, draft.evidence, draft.answered), extended
