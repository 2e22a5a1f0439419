"""Advice as readable text with [n] markers (the CLI prints it; follow-up questions use it as context)."""
from __future__ import annotations

from app.advice.types import Advice, PostingMatch

TOP_FITS = 5


def advice_text(advice: Advice) -> str:
    """Fit, gaps, plan and postings, one section each, every quoted or counted claim marked with its source."""
    lines = [*advice.notes, "", "Fit (families ranked by the share of their postings your skills cover):"]
    lines += [f"{i}. {f.family}: {f.reason}" for i, f in enumerate(advice.fit[:TOP_FITS], 1)]
    lines += ["", f"Gaps for {advice.target} (what its postings ask for that the profile lacks):"]
    lines += [f"- {g.text}" for g in advice.gaps] or ["- none: the profile has every skill these postings ask for"]
    plan = advice.plan
    lines += [""]
    if plan.path:
        lines += [f"Plan: {plan.path} (matched by {plan.chosen_by}):"]
        lines += [f"{i}. {s.text} [{s.citation}]" for i, s in enumerate(plan.steps, 1)]
    else:
        lines += [f"Plan: {plan.message}"]
    if plan.certifications:
        lines += [f"Certifications the documents recommend for {advice.target}:"]
        lines += [f"- \"{c.text}\" [{c.citation}]" for c in plan.certifications]
    lines += ["", "Postings that fit now:"]
    lines += [_posting(p) for p in advice.postings_now] or ["- none yet: every posting asks for a skill the profile lacks"]
    lines += ["", f"{advice.target} postings within reach after closing one or two gaps:"]
    lines += [_posting(p) for p in advice.postings_within_reach] or ["- none within two skills"]
    return "\n".join(lines).strip()


def pay(p: PostingMatch) -> str:
    """"120,000–150,000 USD" or "pay not stated"."""
    if p.salary_min is None and p.salary_max is None:
        return "pay not stated"
    bounds = "–".join(f"{b:,}" for b in (p.salary_min, p.salary_max) if b is not None)
    return f"{bounds} {p.currency or ''}".strip()


def _posting(p: PostingMatch) -> str:
    place = p.location + (f" ({p.remote})" if p.remote else "")
    missing = f"; missing {', '.join(p.missing)}" if p.missing else ""
    return f"- {p.title}, {p.company} — {place}, {pay(p)}{missing} [{p.citation}]"
