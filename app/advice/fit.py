"""Fit and gaps: how much of each role family's postings a profile covers, and what its target's postings lack."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

from app.advice.types import FamilyFit, Gap, Profile

REACH = 2  # a posting missing at most this many required skills is within reach
MAX_SKILL_GAPS = 8
MAX_CERT_GAPS = 3


def missing_skills(profile: Profile, row) -> list[str]:
    """The posting's required skills the profile lacks, in the posting's order."""
    have = set(profile.skills)
    return [s for s in row.skills if s not in have]


def family_fits(profile: Profile, rows: Sequence, sample_label: str) -> list[FamilyFit]:
    """Role families ranked by the share of their postings the profile fully covers, then by the share within reach."""
    by_family: dict[str, list] = defaultdict(list)
    for row in rows:
        if row.role_family and row.skills:
            by_family[row.role_family].append(row)
    fits, coverage = [], {}
    for family, postings in by_family.items():
        missing = [len(missing_skills(profile, r)) for r in postings]
        covered = sum(1 for m in missing if m == 0)
        reach = sum(1 for m in missing if 0 < m <= REACH)
        coverage[family] = sum(1 - m / len(r.skills) for m, r in zip(missing, postings)) / len(postings)
        fits.append(FamilyFit(family, len(postings), covered, reach, round(covered / len(postings), 3),
                              round((covered + reach) / len(postings), 3),
                              _reason(profile, family, postings, covered, reach, sample_label)))
    return sorted(fits, key=lambda f: (-f.share, -f.reach_share, -coverage[f.family], f.family))


def family_gaps(profile: Profile, rows: Sequence, family: str, sample_label: str) -> list[Gap]:
    """The skills and certifications the family's postings most often ask for that the profile lacks, with counts."""
    postings = [r for r in rows if r.role_family == family]
    skills = Counter(s for r in postings for s in set(r.skills) if s not in set(profile.skills))
    certs = Counter(c for r in postings for c in set(r.certifications) if c not in set(profile.certifications))
    total = len(postings)

    def gap(term: str, kind: str, count: int) -> Gap:
        return Gap(term, kind, count, total, family, f"{term}: {count} of {total} {family} postings{sample_label}")

    ranked = sorted(skills.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_SKILL_GAPS]
    ranked_certs = sorted(certs.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CERT_GAPS]
    return [gap(t, "skill", n) for t, n in ranked] + [gap(t, "certification", n) for t, n in ranked_certs]


def _reason(profile: Profile, family: str, postings: list, covered: int, reach: int, sample_label: str) -> str:
    asked = Counter(s for r in postings for s in r.skills)
    have = [s for s, _ in asked.most_common() if s in set(profile.skills)][:3]
    matched = f"; you have {', '.join(have)}" if have else "; you have none of its common skills yet"
    return (f"{covered} of {len(postings)} {family} postings ask only for skills you have, {reach} more are one or two "
            f"skills away{matched}{sample_label}")
