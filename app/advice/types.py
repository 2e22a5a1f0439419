"""What flows through the career coach: the recognised Profile and the computed Advice."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from app.errors import UserError
from app.types import Citation


@dataclass
class Profile:
    """What a CV says about its author, in the vocabulary's terms; editable before advice is computed."""

    roles: list[str] = field(default_factory=list)  # canonical role titles (lexicon coach_roles), most recent first
    years: int | None = None
    skills: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    clouds: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        """True when nothing usable was recognised."""
        return not (self.roles or self.skills or self.certifications or self.clouds)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Profile":
        """A Profile from its to_dict() form (e.g. edited by the user); UserError names a bad field."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise UserError(f"unknown profile field(s) {', '.join(unknown)}; use {', '.join(sorted(known))}")
        lists = {k: raw.get(k) or [] for k in known - {"years"}}
        for name, value in lists.items():
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UserError(f"profile field {name} must be a list of strings")
        years = raw.get("years")
        if years is not None and (not isinstance(years, int) or isinstance(years, bool) or not 0 <= years <= 70):
            raise UserError("profile field years must be a whole number of years between 0 and 70, or null")
        return cls(years=years, **lists)


@dataclass(frozen=True)
class FamilyFit:
    """How well the profile covers one role family's postings."""

    family: str
    postings: int
    covered: int  # postings whose every required skill the profile has
    within_reach: int  # postings missing one or two required skills
    share: float  # covered / postings
    reach_share: float  # (covered + within_reach) / postings
    reason: str


@dataclass(frozen=True)
class Gap:
    """A skill or certification the target family's postings ask for that the profile lacks."""

    term: str
    kind: str  # "skill" | "certification"
    count: int
    total: int
    family: str
    text: str  # "prompt-injection: 14 of 20 ai-security-engineer postings (sample data)"


@dataclass(frozen=True)
class PlanStep:
    """One quoted step (or recommendation) and the number of the citation it comes from."""

    text: str
    citation: int


@dataclass
class Plan:
    """The transition path that matches the background, its steps in order, and recommended certifications."""

    path: str | None  # the section heading, None when no path matches
    background: str | None
    chosen_by: str  # "role title", "skills" or "none"
    steps: list[PlanStep] = field(default_factory=list)
    certifications: list[PlanStep] = field(default_factory=list)
    message: str = ""


@dataclass(frozen=True)
class PostingMatch:
    """A posting the profile fits now or after closing a gap or two."""

    posting_id: str
    title: str
    company: str
    family: str | None
    location: str
    remote: str | None
    salary_min: int | None
    salary_max: int | None
    currency: str | None
    missing: list[str]
    citation: int


@dataclass
class Advice:
    """Fit, gaps, plan and postings for one profile, every claim numbered against `citations`."""

    profile: Profile
    target: str
    fit: list[FamilyFit]
    gaps: list[Gap]
    plan: Plan
    postings_now: list[PostingMatch]
    postings_within_reach: list[PostingMatch]
    citations: list[Citation]
    notes: list[str] = field(default_factory=list)
    text: str = ""  # the advice as readable text with [n] markers

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; the shape of `aisec advise --json`."""
        return asdict(self)
