"""A draft quoting both a sentence of the prose that introduces a list and an item of that list follows the list:
the introducing sentence in the place of the first of them, then the list's opener and items in the source's order
("…nobody owns AI risk, so the vCISO or head of security becomes the de facto AI governance lead…" before "Typical AI
oversight tasks are:" and its items), not one item alone."""
from __future__ import annotations

from dataclasses import replace

from app.extractive import Draft
from app.guidance import section_items
from app.sentences import repeats
from app.types import Passage
from ingest.snapshot import Snapshot

def introduced_list(draft: Draft, passages: list[Passage], snapshot: Snapshot,
                    limit: int) -> tuple[Draft, list[Passage], tuple[Passage, ...]]:
    """The draft whose quoted sentences of a list's introduction and items (the first such list, in the draft's
    order) become, in the place of the first of them, the quoted introducing sentences, the list's opener (the
    sentence ending in ":") and all its items in the source's order, each citing its chunk, the draft's other
    sentences around them, up to `limit` sentences; with the passages that adds and the chunks the answer follows.
    The draft unchanged, following nothing, when it quotes no list's introduction together with one of its items."""
    seen: set[tuple[object, str]] = set()
    for text, cited in draft.sentences:
        passage = passages[cited[0]]
        key = _key(passage)
        if passage.metadata.get("kind") == "posting" or not key[1] or key in seen:
            continue
        seen.add(key)
        for intro, listed in _lists(section_items(snapshot, *key)):
            own = [(n, sentence) for n, (sentence, (index, *_)) in enumerate(draft.sentences)
                   if _key(passages[index]) == key]
            opened = f"{intro[-1][0]} {listed[0][0]}"  # the opener quoted with its first item ("…work: Instructions…")
            items = [opened, *(item for item, _ in listed)]
            said = [n for n, sentence in own if any(repeats(sentence, [item]) for item in [*items, *(i for i, _ in intro)])]
            introducing = [item for item in intro[:-1] if any(repeats(s, [item[0]]) for _, s in own)]
            if not introducing or not any(repeats(s, items) for n, s in own if n in said):
                continue
            block = [*introducing, intro[-1], *listed]
            index_of = {p.chunk_id: i for i, p in enumerate(passages)}
            extended = list(passages)
            for _, chunk in block:
                if chunk.chunk_id not in index_of:
                    index_of[chunk.chunk_id] = len(extended)
                    extended.append(chunk)
            quoted = [(sentence, [index_of[chunk.chunk_id]]) for sentence, chunk in block]
            others = [s for n, s in enumerate(draft.sentences) if n not in said]
            sentences = [*others[:said[0]], *quoted, *others[said[0]:]][:limit]
            followed = tuple({chunk.chunk_id: chunk for _, chunk in block}.values())
            return replace(draft, sentences=sentences), extended, followed
    return draft, passages, ()


def _key(passage: Passage) -> tuple[object, str]:
    """The document and section a passage is of."""
    return passage.metadata.get("doc_id"), passage.metadata.get("section", "")


def _lists(items: list[tuple[str, str, Passage]]) -> list[tuple[list[tuple[str, Passage]], list[tuple[str, Passage]]]]:
    """A section's lists, each as (its introduction: the prose back to the section's start or an earlier list,
    ending with the opener, the sentence ending in ":" right before the items; its items), in text order."""
    found, start = [], 0
    for n, (text, kind, _) in enumerate(items):
        if _listed(kind) or _item_goes_on(items, n):
            start = n + 1
            continue
        if not text.endswith(":") or n + 1 >= len(items) or not _listed(items[n + 1][1]):
            continue
        end = next((m for m in range(n + 1, len(items)) if not _listed(items[m][1]) and not _item_goes_on(items, m)),
                   len(items))
        found.append(([(t, c) for t, _, c in items[start:n + 1]], [(t, c) for t, _, c in items[n + 1:end]]))
    return found


def _item_goes_on(items: list[tuple[str, str, Passage]], n: int) -> bool:
    """Whether the sentence at `n`, read as prose, is an item's rest that opens the next chunk between two items
    ("Mitigations limit impact rather than eliminate the flaw." after "Instructions and data share one channel: …")."""
    return 0 < n < len(items) - 1 and _listed(items[n - 1][1]) and _listed(items[n + 1][1]) \
        and items[n][2].chunk_id != items[n - 1][2].chunk_id and not items[n][0].endswith(":")


def _listed(kind: str) -> bool:
    """Whether a section's sentence of this kind is a list's item (app/sentences.py `passage_items`)."""
    return kind in ("step", "option")
