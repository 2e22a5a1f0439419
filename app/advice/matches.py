"""Postings the profile fits now, and those within reach after closing one or two gaps."""
from __future__ import annotations

from typing import Callable, Sequence

from app.advice.fit import REACH, missing_skills
from app.advice.types import PostingMatch, Profile
from app.types import Passage

MAX_POSTINGS = 5


def postings_now(profile: Profile, rows: Sequence, target: str, cite: Callable[[Passage], int]) -> list[PostingMatch]:
    """Postings whose every required skill the profile has: the target family first, then best paid."""
    fitting = [r for r in rows if r.skills and not missing_skills(profile, r)]
    fitting.sort(key=lambda r: (r.role_family != target, -(r.salary_mid or 0), r.posting_id))
    return [_match(r, [], cite) for r in fitting[:MAX_POSTINGS]]


def postings_within_reach(profile: Profile, rows: Sequence, target: str, cite: Callable[[Passage], int]) -> list[PostingMatch]:
    """The target family's postings missing one or two required skills: fewest missing first, then best paid."""
    near = [(missing_skills(profile, r), r) for r in rows if r.role_family == target and r.skills]
    near = [(m, r) for m, r in near if 0 < len(m) <= REACH]
    near.sort(key=lambda mr: (len(mr[0]), -(mr[1].salary_mid or 0), mr[1].posting_id))
    return [_match(r, m, cite) for m, r in near[:MAX_POSTINGS]]


def _match(row, missing: list[str], cite: Callable[[Passage], int]) -> PostingMatch:
    return PostingMatch(row.posting_id, row.title, str(row.metadata.get("company", "")), row.role_family, row.location,
                        row.remote, row.salary_min, row.salary_max, row.currency, missing, cite(row.passage()))
