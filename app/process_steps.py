"""Questions asking how a process goes or how a thing works: led by the retrieved sentence giving the process's
steps, or by a section whose heading says how the thing goes, the rest following in the source's order."""
from __future__ import annotations

from typing import Any

from app.answer_type import has_phrase, question_words
from app.coverage import asking_text
from app.guidance import section_items
from app.sentences import split_sentences
from app.types import Passage
from ingest.lexical import lexical_tokens
from ingest.snapshot import Snapshot

TOPIC_SHARED = 2  # a lead's sentence and heading share this many of the question's own words ("ISO 42001 certification")


def asks_process(question: str, lexicon: dict[str, Any]) -> bool:
    """Whether the question's asking part asks how a process goes or a thing works (lexicon `process` … `asks`:
    "what does the certification process look like", "how does … work", "how are … structured")."""
    asking = question_words(asking_text(question, lexicon))
    return any(has_phrase(asking, p) for p in lexicon["process"]["asks"])


def process_items(question: str, retrieved: list[Passage], snapshot: Snapshot, lexicon: dict[str, Any],
                  limit: int) -> list[tuple[str, Passage]]:
    """(sentence, chunk) in answer order, from the retrieved reference sections: among the sentences sharing
    `TOPIC_SHARED` of the question's own words (with their section's heading), the one naming most steps of a
    process (lexicon `process` … `words`: "…audit process: a stage 1 audit …, a stage 2 audit …"), or the first
    sentence of a section whose heading names how the thing goes ("How the fractional CISO model works"), counted by
    the heading's such words — most first, then retrieval order; then the rest of that item and the section's items
    after it, in the source's order. Empty when no retrieved section gives a process of the asked topic."""
    steps = frozenset(lexical_tokens(" ".join(lexicon["process"]["words"])))
    topic = _topic(question, lexicon) - steps
    shared = min(TOPIC_SHARED, len(topic))
    best, seen = None, set()
    for rank, passage in enumerate(retrieved):
        key = (passage.metadata.get("doc_id"), passage.metadata.get("section"))
        if passage.metadata.get("kind") == "posting" or not key[1] or key in seen:
            continue
        seen.add(key)
        items = section_items(snapshot, *key)
        heading = lexical_tokens(key[1])
        if items and len(topic & set(heading)) >= shared and steps & set(heading):
            candidate = (sum(w in steps for w in heading), -rank, items, 0, split_sentences(items[0][0])[0])
            best = max(best, candidate, key=_rank) if best else candidate
        for position, (text, _, _) in enumerate(items):
            for sentence in split_sentences(text):
                words = lexical_tokens(sentence)
                named = sum(w in steps for w in words)
                if named and len(topic & {*words, *heading}) >= shared:
                    candidate = (named, -rank, items, position, sentence)
                    best = max(best, candidate, key=_rank) if best else candidate
    if best is None:
        return []
    _, _, items, position, sentence = best
    in_item = split_sentences(items[position][0])
    chunk = items[position][2]
    after = [(s, chunk) for s in in_item[in_item.index(sentence) + 1:]]
    before = [(s, chunk) for s in in_item[:in_item.index(sentence)]]
    following = [(text, item_chunk) for text, _, item_chunk in items[position + 1:]]
    return [(sentence, chunk), *after, *before, *following][:limit]


def _rank(candidate: tuple) -> tuple[int, int]:
    """How a candidate lead ranks: by the process words it names, then by its section's retrieval rank."""
    return candidate[0], candidate[1]


def _topic(question: str, lexicon: dict[str, Any]) -> frozenset[str]:
    """The stems of the question's own words: not function words, the asker's, nor the process asks' words."""
    asks = [*lexicon["process"]["asks"], *lexicon["question_function_words"], *lexicon["asker"]["first_person"]]
    return frozenset(lexical_tokens(question)) - set(lexical_tokens(" ".join(asks)))
