"""A draft quoting an item of a list with the sentence opening the list or the prose introducing it follows the whole
list, in the source's order: "…nobody owns AI risk, so the vCISO or head of security becomes the de facto AI governance
lead…" before "Typical AI oversight tasks are:" and every task, not one task alone."""
from __future__ import annotations

from dataclasses import replace

from app.answer_type import mentions
from app.coverage import specific_terms
from app.extractive import Draft, cited_items
from app.guidance import section_items
from app.sentences import repeats
from app.types import Passage
from ingest.lexical import lexical_tokens
from ingest.snapshot import Snapshot


def introduced_list(draft: Draft, passages: list[Passage], snapshot: Snapshot, limit: int,
                    question: str) -> tuple[Draft, list[Passage], tuple[Passage, ...]]:
    """The draft that quotes an item of a list (the first such list, in the draft's order) with its opener (the
    sentence ending in ":" right before the items) or a sentence of the prose before it, following the whole list:
    in the place of the first of those it quotes, the quoted sentences of that prose when it does not quote the opener
    (the sentence saying who, before the duties), then the opener with its first item (an opener alone gives nothing)
    and the list's other items in the source's order, each citing its chunk; the draft's other sentences around
    them, up to `limit` sentences; with the passages that adds and the chunks the answer follows. The draft unchanged,
    following nothing, when it quotes no list's item with its opener or introduction, or leads with the item the
    `question` asks about ("What is confabulation in NIST AI 600-1?": "Confabulation: …")."""
    seen: set[tuple[object, str]] = set()
    for _, cited in draft.sentences:
        passage = passages[cited[0]]
        key = _key(passage)
        if passage.metadata.get("kind") == "posting" or not key[1] or key in seen:
            continue
        seen.add(key)
        for intro, listed in _lists(section_items(snapshot, *key)):
            own = [(n, sentence) for n, (sentence, (index, *_)) in enumerate(draft.sentences)
                   if _key(passages[index]) == key]
            (opener, chunk), (first, first_chunk) = intro[-1], listed[0]
            opened = [f"{opener} {first}"] if chunk.chunk_id == first_chunk.chunk_id else [opener, first]
            items = [*opened, *(item for item, _ in listed)]
            introducing = [item for item in intro[:-1] if any(repeats(s, [item[0]]) for _, s in own)]
            opens = any(repeats(s, opened[:1]) or repeats(s, [opener]) for _, s in own)
            if not (introducing or opens) or not any(repeats(s, items) for _, s in own):
                continue
            if any(repeats(draft.sentences[0][0], [item]) and _names_item(question, item) for item, _ in listed):
                return draft, passages, ()  # the asked item leads: its list is not what is asked
            said = [n for n, s in own if repeats(s, items) or repeats(s, [opener])
                    or not opens and any(repeats(s, [i]) for i, _ in introducing)]
            block = [*([] if opens else introducing), *((o, first_chunk) for o in opened), *listed[1:]]
            return _following(draft, passages, said, block, limit)
    return draft, passages, ()


def _following(draft: Draft, passages: list[Passage], said: list[int], block: list[tuple[str, Passage]],
               limit: int) -> tuple[Draft, list[Passage], tuple[Passage, ...]]:
    """The draft with the `block` of (sentence, chunk) in the place of the first of its sentences at `said`, which
    it replaces, each citing its chunk (added to `passages` when it was not retrieved), cut to leave its other
    sentences room within `limit`; and the chunks it follows."""
    quoted, extended = cited_items(passages, block)
    others = [s for n, s in enumerate(draft.sentences) if n not in said]
    quoted = quoted[:max(limit - len(others), 1)]  # the draft's other sentences answer the question's other parts
    sentences = [*others[:said[0]], *quoted, *others[said[0]:]]
    return replace(draft, sentences=sentences), extended, tuple({chunk.chunk_id: chunk for _, chunk in block}.values())


def _names_item(question: str, item: str) -> bool:
    """Whether the question asks about this item: it names every word of the item's label (the words before its first
    ":") or a name the item holds ("What was the ShadowRay thing…?")."""
    label, colon, _ = item.partition(":")
    return bool(colon) and set(lexical_tokens(label)) <= set(lexical_tokens(question)) \
        or any(mentions(item, term) for term in specific_terms(question))


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
