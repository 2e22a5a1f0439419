"""Route a question to passage QA or to analytics: cue rules plus similarity to labelled example questions."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from app.analytics.entities import Entities
from app.analytics.examples import ANALYTICS, PASSAGES
from app.analytics.plan import BY_FIELD, COMPARE, COUNT, FIELD_NOUNS, POSTING_NOUN, SALARY, SHARE, TOP

Embed = Callable[[list[str]], np.ndarray]  # texts -> normalised vectors (app.embed_cache.CachedEmbedder)

COUNT_OF_POSTINGS = re.compile(r"\b(?:how many|number of|count of)\b(?:\s+[\w+/-]+){0,6}?\s+(?:postings?|roles?|jobs?|positions?|openings?|listings?|vacancies|ads?)\b", re.I)
PASSAGE_CUE = re.compile(
    r"\b(?:report|survey|study|studies|analysis|guide|article|what is an?|what does .{1,60} (?:do|mean|cover|require|certify)|"
    r"explain|define|definition|how (?:do|can|should|would) (?:i|you|we)|should|why|tips?|advice|prepare|interview|learn|"
    r"career path|transition|pivot|move into|moving into|day[- ]to[- ]day|responsibilit(?:y|ies)|tell me about|worth it|differ|"
    r"difference|portfolio|years of experience)\b", re.I)
SOURCE_VIEW = re.compile(r"\b(?:according to|as reported|the report|the survey|the (?:job market )?analysis)\b", re.I)
# One posting, not the market: "the CISO role at Lumenvale Bank", "which AI red team postings pay at least $300,000".
ONE_POSTING = re.compile(r"\bat\s+[A-Z][a-z][\w&'.-]*|\bthe\b[^?.,;]{0,60}?\b(?:role|position|posting|job|opening|vacancy)\b(?!s)|"
                         r"\bwhich\s+(?:(?!(?:do|does|did|are|is|have|has)\b)[\w-]+\s+){0,4}(?:postings|roles|jobs|positions|openings)\b|"
                         r"\b(?:at least|over|above|more than|under|below|upwards of)\s+[$€£]?\d")
OTHER_POPULATION = re.compile(r"\b(?:organi[sz]ations?|companies|respondents|firms|enterprises|businesses|people|workers|incidents|"
                              r"breaches|attacks|models|leaders|executives|cisos|boards|countries|professionals)\b", re.I)
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


def rule_score(question: str, entities: Entities) -> tuple[float, list[str]]:
    """Evidence from cue words: positive for figures about postings, negative for explanations or other populations."""
    score, reasons = 0.0, []
    quantity = [name for name, hit in (
        ("share", SHARE.search(question)), ("count", COUNT_OF_POSTINGS.search(question)), ("salary", SALARY.search(question)),
        ("top", TOP.search(question) and any(p.search(question) for p in FIELD_NOUNS.values())),
        ("group-by", any(p.search(question) for p in BY_FIELD.values())),
        ("comparison", COMPARE.search(question) and entities.of("role_family", "seniority", "remote", "year")),
    ) if hit]
    if quantity:
        score += 1.0 + 0.25 * (len(quantity) - 1)
        reasons.append("asks for a figure: " + ", ".join(quantity))
    elif COUNT.search(question):
        score += 0.3
        reasons.append("'how many' without a posting noun")
    if POSTING_NOUN.search(question) or entities.of("role_family", "seniority", "remote"):
        score += 0.5
        reasons.append("about postings or roles")
    if PASSAGE_CUE.search(question):
        score -= 1.0
        reasons.append("asks for an explanation or advice")
    if SOURCE_VIEW.search(question):
        score -= 2.0
        reasons.append("asks what a source says")
    if ONE_POSTING.search(question):
        score -= 2.0
        reasons.append("asks about particular postings")
    if OTHER_POPULATION.search(question) and not POSTING_NOUN.search(question):
        score -= 1.0
        reasons.append("counts something other than postings")
    return score, reasons


class Router:
    """Rules plus nearest-example similarity; when in doubt, passages."""

    def __init__(self, embed: Embed, analytics: tuple[str, ...] = ANALYTICS, passages: tuple[str, ...] = PASSAGES):
        self.embed = embed
        self.analytics, self.passages = analytics, passages

    def route(self, question: str, entities: Entities) -> Route:
        """Classify one question."""
        score, reasons = rule_score(question, entities)
        if score <= 0:  # no cue for a figure at all: skip the embedding
            return Route("passages", score, {}, tuple(reasons))
        vectors = self.embed([question, *self.analytics, *self.passages])
        query, examples = vectors[0], vectors[1:]
        sims = examples @ query
        near_a = float(np.sort(sims[: len(self.analytics)])[-K_NEAREST:].mean())
        near_p = float(np.sort(sims[len(self.analytics):])[-K_NEAREST:].mean())
        score += SIMILARITY_WEIGHT * (near_a - near_p)
        similarity = {"analytics": round(near_a, 4), "passages": round(near_p, 4)}
        return Route("analytics" if score >= THRESHOLD else "passages", score, similarity, tuple(reasons))
