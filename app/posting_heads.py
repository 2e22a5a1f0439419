"""A posting's short reference cites the passage that prints its fields (title, company, place, pay): its first one."""
from __future__ import annotations

from dataclasses import replace

from app.extractive import Draft
from app.sentences import posting_facts, posting_reference
from app.types import Passage
from ingest.snapshot import Snapshot


def with_posting_heads(draft: Draft, passages: list[Passage], snapshot: Snapshot) -> tuple[Draft, list[Passage]]:
    """The draft with each posting reference drawn from a later passage of its posting (which does not print its
    fields, so cannot support it) citing the posting's first passage instead, added to `passages` when not retrieved."""
    extended, index_of = list(passages), {p.chunk_id: i for i, p in enumerate(passages)}
    sentences = []
    for text, cited in draft.sentences:
        passage = passages[cited[0]] if len(cited) == 1 and 0 <= cited[0] < len(passages) else None
        head = _head(snapshot, passage) if passage and text == posting_reference(passage.metadata) else None
        if head is not None:
            if head.chunk_id not in index_of:
                index_of[head.chunk_id] = len(extended)
                extended.append(head)
            cited = [index_of[head.chunk_id]]
        sentences.append((text, cited))
    return replace(draft, sentences=sentences), extended


def _head(snapshot: Snapshot, passage: Passage) -> Passage | None:
    """The first passage of `passage`'s posting, when `passage` is a later one; None otherwise."""
    if posting_facts(passage.text, passage.metadata) is not None:
        return None
    heads = snapshot.derived.get("posting_heads")
    if heads is None:  # doc_id -> row of the chunk printing the posting's fields, computed once per snapshot
        heads = {m.get("doc_id"): row for row, (text, m) in enumerate(zip(snapshot.texts, snapshot.metadatas))
                 if posting_facts(text, m) is not None}
        snapshot.derived["posting_heads"] = heads
    row = heads.get(passage.metadata.get("doc_id"))
    return None if row is None else Passage(snapshot.ids[row], snapshot.texts[row], snapshot.metadatas[row], 0.0)
