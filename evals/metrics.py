"""Deterministic evaluation metrics: retrieval, fact recall, ALCE citation scores, abstention, latency."""
from __future__ import annotations

import math
import re
from typing import Callable, Iterable, Sequence

from evals.textmatch import Fact, fact_matched

# -- retrieval --------------------------------------------------------------------------------------
# `ranked` is the retriever's list of source keys, best first; duplicates (several passages of one
# source) are removed keeping the first occurrence, so a source never counts twice. `expected` is the
# set of relevant source keys; with no expected sources the metrics are undefined (None).


def dedupe(ranked: Iterable[str]) -> list[str]:
    """The ranked keys with repeats removed, first occurrence kept."""
    return list(dict.fromkeys(ranked))


def hit_at_k(ranked: Sequence[str], expected: Iterable[str], k: int) -> float | None:
    """1.0 when any expected source is in the top k, else 0.0."""
    relevant = set(expected)
    if not relevant:
        return None
    return 1.0 if relevant & set(dedupe(ranked)[:k]) else 0.0


def recall_at_k(ranked: Sequence[str], expected: Iterable[str], k: int) -> float | None:
    """Share of the expected sources found in the top k."""
    relevant = set(expected)
    if not relevant:
        return None
    return len(relevant & set(dedupe(ranked)[:k])) / len(relevant)


def reciprocal_rank(ranked: Sequence[str], expected: Iterable[str]) -> float | None:
    """1 / rank of the first expected source (0.0 when none is retrieved); MRR is its mean."""
    relevant = set(expected)
    if not relevant:
        return None
    for rank, key in enumerate(dedupe(ranked), start=1):
        if key in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked: Sequence[str], expected: Iterable[str], k: int) -> float | None:
    """Binary-relevance nDCG@k; the ideal DCG places min(k, |expected|) relevant sources first.

    The ideal comes from the expected set, not from the retrieved list, so retrieving one of three
    relevant sources at rank 1 scores below 1.0.
    """
    relevant = set(expected)
    if not relevant:
        return None
    dcg = sum(1.0 / math.log2(i + 2) for i, key in enumerate(dedupe(ranked)[:k]) if key in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal


# -- answers -----------------------------------------------------------------------------------------


def fact_recall(facts: Sequence[Fact], text: str) -> float | None:
    """Share of expected facts found in `text` (normalised phrasings or numbers within tolerance)."""
    if not facts:
        return None
    return sum(fact_matched(f, text) for f in facts) / len(facts)


def lead_text(text: str) -> str:
    """An answer's text up to its first citation marker (the whole text when it cites nothing)."""
    marker = re.search(r"\[(?:\d{1,3}|unsupported)\]", text)
    return text[: marker.start()] if marker else text


def lead_holds_fact(facts: Sequence[Fact], text: str) -> float | None:
    """1.0 when the answer's lead (text before its first citation) already holds one of the expected facts."""
    if not facts:
        return None
    lead = lead_text(text)
    return 1.0 if any(fact_matched(f, lead) for f in facts) else 0.0


CITED_SPAN = re.compile(r"(.*?)((?:\s*\[(?:\d{1,3}|unsupported)\])+)", re.DOTALL)


def cited_spans(text: str) -> list[tuple[str, list[int]]]:
    """An answer cut into claims: each span of text up to a group of markers, with the numbers cited.

    `A. [1] B [2][3]. C` gives ("A.", [1]), ("B", [2, 3]), ("C", []); `[unsupported]` ends a span with
    no citation. Cutting at markers keeps a quoted passage line with inner full stops as one claim.
    """
    spans, end = [], 0
    for match in CITED_SPAN.finditer(text):
        claim = match.group(1).strip(" .;,\n")
        numbers = [int(n) for n in re.findall(r"\[(\d{1,3})\]", match.group(2))]
        if any(ch.isalnum() for ch in claim):
            spans.append((claim, numbers))
        end = match.end()
    rest = text[end:].strip(" .;,\n")
    if any(ch.isalnum() for ch in rest):
        spans.append((rest, []))
    return spans


def claim_spans(text: str, statements: Sequence[str] = ()) -> list[tuple[str, list[int]]]:
    """cited_spans() less the answer's own `statements` about the corpus ("The corpus doesn't say the rest: none of
    the passages … gives a count of hours."): they name a gap and quote no passage, so they owe no citation."""
    own = {s.strip(" .;,\n") for s in statements}
    return [(claim, cited) for claim, cited in cited_spans(text) if cited or claim not in own]


def citation_scores(sentences: Sequence[tuple[str, Sequence[int]]], passages: dict[int, str],
                    supports: Callable[[str, str], bool]) -> tuple[float | None, float | None]:
    """ALCE citation recall and precision for one answer.

    `sentences` are (sentence, cited numbers); `passages` maps a citation number to its passage text;
    `supports(sentence, evidence)` is the support checker. Recall: share of sentences whose cited
    passages, joined, support them. Precision: share of citations that are needed: a citation of a
    supported sentence counts when it supports the sentence alone or when the other citations without
    it do not; citations of unsupported sentences and markers without a passage never count.
    Returns (None, None) for an answer without sentences; precision is None when nothing is cited.
    """
    if not sentences:
        return None, None
    supported_sentences, precise, total = 0, 0, 0
    for sentence, cited in sentences:
        cited = list(dict.fromkeys(cited))
        total += len(cited)
        texts = [passages[n] for n in cited if n in passages]
        if not texts:
            continue
        if not supports(sentence, "\n".join(texts)):
            continue
        supported_sentences += 1
        if len(cited) == 1:
            precise += 1
            continue
        for n in cited:
            if n not in passages:
                continue
            others = [passages[m] for m in cited if m != n and m in passages]
            if supports(sentence, passages[n]) or not (others and supports(sentence, "\n".join(others))):
                precise += 1
    recall = supported_sentences / len(sentences)
    precision = precise / total if total else None
    return recall, precision


# -- abstention --------------------------------------------------------------------------------------


def abstention_scores(outcomes: Iterable[tuple[bool, bool]]) -> dict[str, float | None]:
    """Precision, recall and F1 of abstaining on unanswerable cases, and the wrong-abstention rate.

    `outcomes` are (answerable, abstained) pairs. The positive class is "unanswerable". Precision is
    0.0 when nothing abstained but some case was unanswerable; metrics without any case to count
    over are None.
    """
    tp = fp = fn = answerable = 0
    for is_answerable, abstained in outcomes:
        answerable += is_answerable
        if abstained and not is_answerable:
            tp += 1
        elif abstained:
            fp += 1
        elif not is_answerable:
            fn += 1
    unanswerable = tp + fn
    precision = tp / (tp + fp) if tp + fp else (0.0 if unanswerable else None)
    recall = tp / unanswerable if unanswerable else None
    if precision is None or recall is None:
        f1 = None
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "abstention_precision": precision,
        "abstention_recall": recall,
        "abstention_f1": f1,
        "wrong_abstention_rate": fp / answerable if answerable else None,
    }


# -- aggregation -------------------------------------------------------------------------------------


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the defined values; None when there are none."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
