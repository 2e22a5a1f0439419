"""Route a question to passage QA or to analytics: the Query's figure cues plus similarity to labelled example questions."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

import numpy as np

from app.analytics.examples import ANALYTICS, PASSAGES

if TYPE_CHECKING:  # app.query reads terms with app.analytics.entities: importing it here would be circular
    from app.query import Query

Embed = Callable[[list[str]], np.ndarray]  # texts -> normalised vectors (app.embed_cache.CachedEmbedder)

K_NEAREST = 3
SIMILARITY_WEIGHT = 4.0
THRESHOLD = 1.0


@dataclass(frozen=True)
class Route:
    """Where a question goes and why."""

    route: str  # "analytics" | "passages"
    score: float
    similarity: dict[str, float] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """JSON-ready."""
        return {"route": self.route, "score": round(self.score, 3), "similarity": self.similarity, "reasons": list(self.reasons)}


def rule_score(query: Query) -> tuple[float, list[str]]:
    """Evidence from cue words: positive for figures about postings, negative for explanations or other populations."""
    cues, entities = query.cues, query.cues.entities
    score, reasons = 0.0, []
    quantity = [name for name, hit in (
        ("share", "share" in cues), ("count", "count_of_postings" in cues), ("salary", "salary" in cues),
        ("top", "top" in cues and cues.list_field), ("group-by", cues.group_by),
        ("comparison", "compare" in cues and entities.of("role_family", "seniority", "remote", "year")),
    ) if hit]
    if quantity:
        score += 1.0 + 0.25 * (len(quantity) - 1)
        reasons.append("asks for a figure: " + ", ".join(quantity))
    elif "count" in cues:
        score += 0.3
        reasons.append("'how many' without a posting noun")
    if "posting_noun" in cues or entities.of("role_family", "seniority", "remote"):
        score += 0.5
        reasons.append("about postings or roles")
    if "passage" in cues:
        score -= 1.0
        reasons.append("asks for an explanation or advice")
    if "source_view" in cues:
        score -= 2.0
        reasons.append("asks what a source says")
    if "one_posting" in cues:
        score -= 2.0
        reasons.append("asks about particular postings")
    if "other_population" in cues and "posting_noun" not in cues:
        score -= 1.0
        reasons.append("counts something other than postings")
    return score, reasons


class Router:
    """Rules plus nearest-example similarity; when in doubt, passages."""

    def __init__(self, embed: Embed, analytics: tuple[str, ...] = ANALYTICS, passages: tuple[str, ...] = PASSAGES):
        self.embed = embed
        self.analytics, self.passages = analytics, passages

    def route(self, query: Query) -> Route:
        """Classify one question by its Query."""
        score, reasons = rule_score(query)
        if score <= 0:  # no cue for a figure at all: skip the embedding
            return Route("passages", score, {}, tuple(reasons))
        vectors = self.embed([query.text, *self.analytics, *self.passages])
        asked, examples = vectors[0], vectors[1:]
        sims = examples @ asked
        near_a = float(np.sort(sims[: len(self.analytics)])[-K_NEAREST:].mean())
        near_p = float(np.sort(sims[len(self.analytics):])[-K_NEAREST:].mean())
        score += SIMILARITY_WEIGHT * (near_a - near_p)
        similarity = {"analytics": round(near_a, 4), "passages": round(near_p, 4)}
        return Route("analytics" if score >= THRESHOLD else "passages", score, similarity, tuple(reasons))
