"""Questions asking what a party must do, settle or should expect: led by the sentence stating that party's duty,
its section following in the source's order."""
from __future__ import annotations

from typing import Any, Callable

from app.coverage import asking_text
from app.guidance import asked_clauses, section_items
from app.sentences import split_sentences
from app.types import Passage
from ingest.lexical import lexical_tokens
from ingest.snapshot import Snapshot


def duty_items(question: str, retrieved: list[Passage], snapshot: Snapshot, lexicon: dict[str, Any],
               roles: tuple[str, ...], roles_of: Callable[[str], tuple[str, ...]], limit: int) -> list[tuple[str, Passage]]:
    """(sentence, chunk) in answer order: the duty sentence (`_duty_subject`) of a `retrieved` reference section whose
    subject names a word of the question's asking part ("As the deployer, …": "Deployers … must"), else a role family
    of the question (`roles`, read by `roles_of`: "fractional CISO" for "a vCISO should"), first in retrieval and
    text order — then the prose it continues (`_prose_before`) and the section's items after it, in the source's
    order, without the lists that illustrate its prose; for a question asking more than that (`_asks_more`), then
    the list that the prose follows ("Common situations where organisations hire a vCISO include: …"). Empty when
    no retrieved section states a duty of a party the question names."""
    asked = _party_words(question, lexicon)
    candidates, seen = [], set()
    for passage in retrieved:
        key = (passage.metadata.get("doc_id"), passage.metadata.get("section"))
        if passage.metadata.get("kind") == "posting" or not key[1] or key in seen:
            continue
        seen.add(key)
        items = section_items(snapshot, *key)
        for position, (text, kind, chunk) in enumerate(items):
            for sentence in split_sentences(text):
                subject = _duty_subject(sentence, lexicon)
                if subject is not None:
                    candidates.append((sentence, chunk, items, position, subject))
    named = [(not asked & set(lexical_tokens(subject)), not set(roles) & set(roles_of(subject)), n)
             for n, (*_, subject) in enumerate(candidates)]
    best = min((key for key in named if not (key[0] and key[1])), default=None)
    if best is None:  # no duty of a party the question names: the usual answer
        return []
    sentence, chunk, items, position, _ = candidates[best[2]]
    rest, before = items[position:], _prose_before(items, position)
    following = [(text, item_chunk) for text, kind, item_chunk in rest[1:]
                 if kind != "step" and not text.endswith(":")]  # the lists illustrating the prose stay out
    in_item = split_sentences(rest[0][0])
    after = in_item[in_item.index(sentence) + 1:]  # the rest of its item (a paragraph or list item)
    listed = _list_before(items, position - len(before)) if _asks_more(question, lexicon) else []
    return [(sentence, chunk), *before, *((s, chunk) for s in after), *following, *listed][:limit]


def _asks_more(question: str, lexicon: dict[str, Any]) -> bool:
    """Whether the question's asking part asks more than one thing ("Does a fractional CISO make sense for us, and
    what should we sort out before hiring one?")."""
    return len([c for s in split_sentences(asking_text(question, lexicon)) for c in asked_clauses(s, lexicon)]) > 1


def _list_before(items: list[tuple[str, str, Passage]], start: int) -> list[tuple[str, Passage]]:
    """The list of a section that ends right before the prose starting at `start`, with the sentence opening it
    ("Common situations where organisations hire a vCISO include:" and its items), in order; none when that prose
    follows no list."""
    end = start
    while end and items[end - 1][1] in ("step", "option"):
        end -= 1
    opener = [items[end - 1]] if end and items[end - 1][0].endswith(":") else []
    return [(text, chunk) for text, _, chunk in [*opener, *items[end:start]]] if end < start else []


def _prose_before(items: list[tuple[str, str, Passage]], position: int) -> list[tuple[str, Passage]]:
    """The prose the item at `position` continues, in order: the items before it back to a list or a sentence opening
    one ("The fractional model works best when … a clear mandate." before "Before accepting …, a vCISO should …")."""
    start = position
    while start and items[start - 1][1] == "prose" and not items[start - 1][0].endswith(":"):
        start -= 1
    return [(text, chunk) for text, _, chunk in items[start:position]]


def _duty_subject(sentence: str, lexicon: dict[str, Any]) -> str | None:
    """The words of the clause before the first duty word of a sentence (lexicon `duties` … `words`), after a ";"
    or ":" and a conjunction following a comma (`clause_conjunctions`): "a vCISO" of "Before accepting an engagement,
    a vCISO should clarify…", "an MLSecOps engineer" of "…, but an MLSecOps engineer must…"; None when it has none or
    opens with one."""
    words = sentence.split()
    bare = [w.strip("()[],.;:!?\"'").lower() for w in words]
    duty = [w.split() for w in lexicon["duties"]["words"]]
    at = next((i for i in range(1, len(words)) if any(bare[i:i + len(d)] == d for d in duty)), None)
    if not at:
        return None
    start = max((i + 1 for i in range(at) if words[i].endswith((";", ":")) or i and words[i - 1].endswith(",")
                 and bare[i] in lexicon["clause_conjunctions"]), default=0)
    return " ".join(words[start:at]) or None


def _party_words(question: str, lexicon: dict[str, Any]) -> frozenset[str]:
    """The stems of the asking part's own words: not function words, the asker's, nor duty words."""
    asking = asking_text(question, lexicon)
    asks = [*lexicon["duties"]["words"], *lexicon["question_function_words"], *lexicon["asker"]["first_person"]]
    return frozenset(lexical_tokens(asking)) - set(lexical_tokens(" ".join(asks)))
