"""Evaluation suites: load and validate YAML cases (questions, expected facts, sources, tags)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from app.errors import UserError
from evals.analytics import validate_spec
from evals.jobs import validate_postings_spec
from evals.textmatch import Fact, parse_fact

DATASETS = Path(__file__).parent / "datasets"
CASE_FIELDS = {"id", "question", "turns", "filters", "answerable", "expected_facts", "expected_sources", "tags",
               "forbidden", "route", "analytics", "postings", "notes"}
ROUTES = ("passages", "analytics", "postings")


@dataclass(frozen=True)
class Case:
    """One question (the last of `turns`; earlier turns are the conversation history) and what to expect."""

    id: str
    turns: tuple[str, ...]
    answerable: bool
    expected_facts: tuple[Fact, ...] = ()
    expected_sources: tuple[str, ...] = ()  # "documents/x.md" or "posting:<id>"
    tags: tuple[str, ...] = ()
    filters: dict[str, Any] = field(default_factory=dict)
    forbidden: tuple[str, ...] = ()  # phrases the answer must not contain (false premises, injections)
    route: tuple[str, ...] = ()  # the Answer.route values the case accepts, when it says (one, or either of several)
    analytics: dict[str, Any] | None = None  # expected numbers computed from the postings at run time
    postings: dict[str, Any] | None = None  # expected postings selected from the postings files at run time
    expected_postings: tuple[str, ...] = ()  # resolved from `postings`

    @property
    def question(self) -> str:
        """The turn that is evaluated."""
        return self.turns[-1]

    @property
    def history(self) -> list[dict[str, str]]:
        """Earlier user turns as role/content messages."""
        return [{"role": "user", "content": t} for t in self.turns[:-1]]

    @property
    def expected_routes(self) -> tuple[str, ...]:
        """Routes the assistant may take: explicit, else analytics for analytics cases, passages for answerable ones."""
        if self.route:
            return self.route
        if self.postings:
            return ("postings",)
        if self.analytics:
            return ("analytics",)
        return ("passages",) if self.answerable else ()

    @property
    def expected_route(self) -> str | None:
        """The accepted routes as one label ("analytics or postings"), or None when the case gives none."""
        return " or ".join(self.expected_routes) or None


@dataclass(frozen=True)
class Suite:
    """A named list of cases."""

    name: str
    cases: tuple[Case, ...]
    path: Path | None = None


def suite_path(name_or_path: str | Path) -> Path:
    """`smoke`/`full` (a file in evals/datasets) or a path to a YAML file."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    return DATASETS / f"{name_or_path}.yaml"


def load_suite(name_or_path: str | Path) -> Suite:
    """Load, validate and return a suite; UserError names the case and the problem."""
    path = suite_path(name_or_path)
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in DATASETS.glob("*.yaml")))
        raise UserError(f"no eval suite {str(name_or_path)!r}; choose one of: {known}, or pass a YAML file")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise UserError(f"{path} is not valid YAML: {exc}") from None
    cases = [parse_case(item, path) for item in raw.get("cases") or []]
    include = raw.get("include")
    if include:
        cases = cases + _included(include, path)
    _check_unique(cases, path)
    if not cases:
        raise UserError(f"{path} has no cases")
    return Suite(str(raw.get("name") or path.stem), tuple(cases), path)


def select_cases(suite: Suite, tags: list[str], skip_tags: list[str]) -> Suite:
    """The suite's cases carrying any of `tags` (all when none are given) and none of `skip_tags`."""
    if not tags and not skip_tags:
        return suite
    cases = tuple(c for c in suite.cases
                  if (not tags or set(tags) & set(c.tags)) and not set(skip_tags) & set(c.tags))
    if not cases:
        raise UserError(f"no case of suite {suite.name} carries {' or '.join(tags) or 'any tag'}"
                        + (f" without {' or '.join(skip_tags)}" if skip_tags else ""))
    label = "+".join(tags) + "".join(f"-{t}" for t in skip_tags)
    return Suite(f"{suite.name}[{label}]", cases, suite.path)


def parse_case(raw: Any, path: Path | None = None) -> Case:
    """One case from its YAML mapping."""
    where = f"{path}: " if path else ""
    if not isinstance(raw, dict) or not raw.get("id"):
        raise UserError(f"{where}every case needs an id, got {str(raw)[:80]!r}")
    cid = str(raw["id"])
    try:
        unknown = set(raw) - CASE_FIELDS
        if unknown:
            raise ValueError(f"unknown field(s) {sorted(unknown)}; allowed: {', '.join(sorted(CASE_FIELDS))}")
        if ("question" in raw) == ("turns" in raw):
            raise ValueError("give either `question` or `turns`")
        turns = [raw["question"]] if "question" in raw else raw["turns"]
        if not isinstance(turns, list) or not turns or not all(isinstance(t, str) and t.strip() for t in turns):
            raise ValueError("`turns` must be a non-empty list of questions")
        if not isinstance(raw.get("answerable"), bool):
            raise ValueError("`answerable` must be true or false")
        facts = tuple(parse_fact(f) for f in raw.get("expected_facts") or [])
        sources = tuple(_source_key(s) for s in raw.get("expected_sources") or [])
        route = raw.get("route") or ()
        route = (route,) if isinstance(route, str) else tuple(route)
        if not all(r in ROUTES for r in route):
            raise ValueError(f"route must be one of {ROUTES}, or a list of them")
        analytics = raw.get("analytics")
        if analytics is not None:
            validate_spec(analytics)
        postings = raw.get("postings")
        if postings is not None:
            validate_postings_spec(postings)
        filters = raw.get("filters") or {}
        if not isinstance(filters, dict):
            raise ValueError("`filters` must be a mapping like {role_family: mlsecops}")
        tags = [str(t) for t in raw.get("tags") or []]
        tags += ["answerable" if raw["answerable"] else "unanswerable"]
        tags += ["multi-turn"] if len(turns) > 1 else []
        tags += ["filtered"] if filters else []
        tags += ["analytics"] if analytics else []
        tags += ["postings"] if postings else []
        forbidden = tuple(str(f) for f in raw.get("forbidden") or [])
    except (ValueError, TypeError) as exc:
        raise UserError(f"{where}case {cid}: {exc}") from None
    return Case(cid, tuple(t.strip() for t in turns), raw["answerable"], facts, sources, tuple(dict.fromkeys(tags)),
                dict(filters), forbidden, route, analytics, postings)


def with_facts(case: Case, facts: tuple[Fact, ...], postings: tuple[str, ...] = ()) -> Case:
    """The case with its expected facts (and postings) replaced: analytics and postings specs resolved at run time."""
    return replace(case, expected_facts=facts, expected_postings=postings)


def _source_key(raw: Any) -> str:
    """Canonical source key: `documents/x.md` for documents, `posting:<id>` for postings."""
    text = str(raw).strip()
    if text.startswith("doc:"):
        text = text[4:]
    if not text or (not text.startswith("posting:") and "/" not in text):
        raise ValueError(f"expected source {raw!r} should look like documents/x.md or posting:<id>")
    return text


def _included(include: Any, path: Path) -> list[Case]:
    """Cases from other suites: `include: {suite: full, ids: [...]}`, or a list of those; no `ids` takes all."""
    cases: list[Case] = []
    for item in include if isinstance(include, list) else [include]:
        ids = item.get("ids") if isinstance(item, dict) else None
        if not isinstance(item, dict) or "suite" not in item or not isinstance(ids, (list, type(None))):
            raise UserError(f"{path}: include must look like {{suite: full, ids: [case-id, ...]}} (ids optional)")
        name = str(item["suite"])
        other = load_suite(path.parent / (name if name.endswith(".yaml") else f"{name}.yaml"))
        by_id = {c.id: c for c in other.cases}
        missing = [i for i in ids or [] if i not in by_id]
        if missing:
            raise UserError(f"{path}: included case ids not in {other.name}: {', '.join(map(str, missing))}")
        cases += [by_id[i] for i in ids] if ids is not None else list(other.cases)
    return cases


def _check_unique(cases: list[Case], path: Path) -> None:
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise UserError(f"{path}: duplicate case id {case.id}")
        seen.add(case.id)
