"""A yes/no question whether the asker needs something ("do I need to learn gradient-based attacks first?") leads
with the sentence of the retrieved passages that says what is or is not needed for it."""
from __future__ import annotations

from typing import Any, Sequence

from app.answer_type import has_phrase, mentions, question_words
from app.extractive import Draft
from app.sentences import passage_sentences
from app.types import Passage
from ingest.lexical import lexical_tokens


def needed_words(question: str, lexicon: dict[str, Any]) -> frozenset[str]:
    """The stems of what a yes/no question asks whether the asker needs (the words after lexicon `need_questions` …
    `asks` up to one of its `object_ends`: "…or do I need to learn gradient-based attacks first?" asks about learning
    gradient-based attacks, "Do I need a CISA to take the AAIA?" about a CISA); when it names nothing needed ("anything",
    lexicon `query_open_objects`), the question's other words ("… before I can take the AIGP?": the AIGP's
    prerequisites); none for any other question."""
    folded = question_words(question)
    asks = [p for p in lexicon["need_questions"]["asks"] if has_phrase(folded, p)]
    if not asks:
        return frozenset()
    phrase = question_words(asks[0]).strip(" ^")  # where it is asked, wherever the sentence starts
    words = folded[folded.find(f" {phrase} ") + len(phrase) + 1:].split()
    words = words[1:] if words[:1] == ["to"] else words  # "need to learn X"
    ends = lexicon["need_questions"]["object_ends"]
    needed = words[:next((n for n, w in enumerate(words) if w in ends), len(words))]
    named = frozenset(w for w in lexical_tokens(" ".join(needed)) if w.isalpha() and len(w) > 2)
    unnamed = frozenset(lexical_tokens(" ".join([*lexicon["query_open_objects"], *lexicon["question_function_words"],
                                                 phrase, *ends])))
    if named <= unnamed:  # "do I need anything before I can take the AIGP?": what is needed for what it names
        return frozenset(w for w in lexical_tokens(folded) if w.isalpha() and len(w) > 2) - unnamed
    return named


def need_statement_first(draft: Draft, passages: list[Passage], question: str,
                         lexicon: dict[str, Any], subjects: Sequence[str] = ()) -> tuple[Draft, bool]:
    """The draft led by the reference passages' sentence that states a need (lexicon `need_questions` … `statements`: "You
    don't have to compute gradients to break an AI system.") and shares most of what the question asks whether it
    needs, each word weighted by how few of the passages' sentences hold it; the answer keeps its length; and whether
    such a sentence leads. The draft unchanged for any other question, or when no such sentence shares a word. Of the
    `subjects` the question names, those outside what it asks whether it needs name what the need is of: only a
    passage naming one of them states it ("does OSAI expire or do I have to keep renewing it?" is not answered by
    "GIAC certifications must be renewed every four years.")."""
    needed = needed_words(question, lexicon)
    if not needed or not draft.sentences:
        return draft, False
    owners = [s for s in subjects if not set(lexical_tokens(s)) <= needed]
    sentences = [(text, index, set(lexical_tokens(text))) for index, passage in enumerate(passages)
                 if passage.metadata.get("kind") != "posting"  # a posting's requirement is its own, no statement
                 and (not owners or any(mentions(passage.text, s) for s in owners))
                 for text in passage_sentences(passage.text)]
    holding = {word: sum(word in words for *_, words in sentences) for word in needed}
    statements = lexicon["need_questions"]["statements"]
    scored = [(sum(1 / holding[w] for w in needed & words), -n, text, index) for n, (text, index, words) in enumerate(sentences)
              if any(has_phrase(question_words(text), s) for s in statements)]
    best = max(scored, default=None)
    if best is None or best[0] == 0:
        return draft, False
    _, _, text, index = best
    rest = [(sentence, cited) for sentence, cited in draft.sentences if sentence != text]
    return Draft([(text, [index]), *rest][:len(draft.sentences)], draft.evidence, draft.answered), True
