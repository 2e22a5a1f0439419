"""Human-readable names for vocabulary terms, conditions and filters."""
from __future__ import annotations

import math

from app.analytics.plan import Condition
from app.filters import Filters

UPPER = {"ai", "ml", "llm", "eu", "iso", "nist", "rmf", "owasp", "mitre", "atlas", "sql", "aws", "gcp", "sbom", "rag",
         "siem", "cti", "iam", "ci", "cd", "soc", "soc2", "iac", "ir", "cks", "usd", "eur", "gbp"}
SPECIAL = {"mlsecops": "MLSecOps", "devsecops": "DevSecOps", "mlops": "MLOps", "pytorch": "PyTorch", "tensorflow": "TensorFlow",
           "ci-cd": "CI/CD", "soc2": "SOC 2", "azure": "Azure", "appsec": "AppSec", "owasp-llm-top-10": "OWASP LLM Top 10",
           "onsite": "onsite", "kubernetes": "Kubernetes", "python": "Python", "docker": "Docker", "terraform": "Terraform",
           "go": "Go", "rust": "Rust", "iso-42001": "ISO 42001", "iso-27001": "ISO 27001"}
LEVEL_WORDS = {"entry": "entry-level", "mid": "mid-level"}
FIELD_NAMES = {"role_family": "role family", "seniority": "seniority", "remote": "remote status", "skills": "skill",
               "clouds": "cloud", "certifications": "certification", "year": "year posted", "since_year": "posted since",
               "location": "location", "outside": "located outside", "employment_type": "employment type"}


def term(value: str | None) -> str:
    """kubernetes -> Kubernetes, ai-governance -> AI governance, nist-ai-rmf -> NIST AI RMF; certifications as they are."""
    if value is None:
        return "unspecified"
    if value in SPECIAL:
        return SPECIAL[value]
    if any(ch.isupper() for ch in value):
        return value
    return " ".join(w.upper() if w in UPPER else w for w in value.split("-"))


def population(conditions: tuple[Condition, ...], filters: Filters, noun: str = "postings") -> str:
    """"senior remote MLSecOps postings from 2025 that mention Kubernetes" from question conditions and user filters."""
    values: dict[str, list[str]] = {}
    for c in conditions:
        values.setdefault(c.field, []).append(c.value)
    for name in ("role_family", "seniority", "remote"):
        if getattr(filters, name) and getattr(filters, name) not in values.get(name, []):
            values.setdefault(name, []).append(getattr(filters, name))
    levels = [LEVEL_WORDS.get(v, v) for v in values.get("seniority", [])]
    words = [*levels, " or ".join(values.get("remote", [])), " or ".join(values.get("employment_type", [])),
             *(term(v) for v in values.get("role_family", [])), noun]
    tail = [f"located in {place}" for place in values.get("location", [])]
    tail += [f"{'and not' if tail else 'located outside'} {place}" for place in values.get("outside", [])]
    if filters.location:
        tail.append(f"located in '{filters.location}'")
    for year in values.get("year", []):
        tail.append(f"posted in {year}")
    for year in values.get("since_year", []):
        tail.append(f"posted since {year}")
    if filters.posted_after:
        tail.append(f"posted on or after {filters.posted_after}")
    if filters.min_salary is not None:
        tail.append(f"whose salary range reaches {filters.min_salary:,}")
    mentioned = [term(v) for f in ("skills", "clouds", "certifications") for v in values.get(f, [])]
    if mentioned:
        tail.append("that mention " + " and ".join(mentioned))
    if filters.skills:
        tail.append("that mention " + " or ".join(term(s) for s in filters.skills))
    return " ".join([" ".join(w for w in words if w), *tail])


def applied(conditions: tuple[Condition, ...], filters: Filters) -> str:
    """"role family = MLSecOps (from the question); seniority = senior (your filter)", or "none"."""
    parts = [f"{FIELD_NAMES.get(c.field, c.field)} = {term(c.value)} (from the question)" for c in conditions]
    parts += [f"{name.replace('_', ' ')} = {', '.join(value) if isinstance(value, list) else term(value) if name == 'role_family' else value}"
              " (your filter)" for name, value in filters.to_dict().items() if name != "kind"]
    return "; ".join(parts) or "none"


def verb(condition: Condition) -> str:
    """How a posting "has" a condition: "mention Kubernetes", "are remote", "are senior-level"."""
    if condition.field in ("skills", "clouds", "certifications"):
        return f"mention {term(condition.value)}"
    if condition.field == "seniority":
        return f"are {condition.value}-level"
    if condition.field == "role_family":
        return f"are {term(condition.value)} roles"
    if condition.field == "year":
        return f"were posted in {condition.value}"
    if condition.field == "location":
        return f"are located in {condition.value}"
    return f"are {condition.value}"


def money(amount: float | None, currency: str) -> str:
    """120,000 USD."""
    return "n/a" if amount is None else f"{amount:,.0f} {currency}"


def percent(fraction: float | None) -> str:
    """0.375 -> 38% (halves round up, so 12.5% -> 13%)."""
    return "n/a" if fraction is None else f"{math.floor(fraction * 100 + 0.5):d}%"
