"""The profile suite: CVs in, Advice out; top-1/top-2 fit accuracy, gap recall and plan citation accuracy."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from app.errors import UserError

DATASET = Path(__file__).parent / "datasets" / "profiles.yaml"
SUITES = {"profiles": "dev", "profiles-heldout": "heldout"}  # suite name -> split it runs
PATH_SOURCE = "documents/transition-paths.md"


@dataclass(frozen=True)
class ProfileCase:
    """One CV and what good advice for it must contain."""

    id: str
    split: str
    text: str
    target: str
    fit: tuple[str, ...]  # acceptable best-fit families
    gaps: tuple[str, ...]  # terms that must be among the gaps for `target`
    paths: tuple[str, ...]  # acceptable transition-path headings; empty: no path should be chosen


def load_profile_cases(split: str, path: Path = DATASET) -> list[ProfileCase]:
    """The cases of one split ("dev" or "heldout")."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    cases = []
    for item in raw.get("profiles") or []:
        expected_path = item.get("path")
        paths = tuple(expected_path) if isinstance(expected_path, list) else ((expected_path,) if expected_path else ())
        cases.append(ProfileCase(str(item["id"]), str(item.get("split", "dev")), str(item["text"]), str(item["target"]),
                                 tuple(item["fit"]), tuple(item.get("gaps") or ()), paths))
    chosen = [c for c in cases if c.split == split]
    if not chosen:
        raise UserError(f"{path} has no profiles in split {split!r}")
    return chosen


def score_case(case: ProfileCase, advice: dict[str, Any]) -> dict[str, Any]:
    """One case's record: what the advice said and whether it met each expectation."""
    ranked = [f["family"] for f in advice["fit"]]
    gap_terms = {g["term"] for g in advice["gaps"]}
    plan = advice["plan"]
    cited = {c["number"]: c for c in advice["citations"]}
    step_sections = {(cited[s["citation"]]["source"], cited[s["citation"]]["metadata"].get("section")) for s in plan["steps"]}
    if case.paths:
        plan_ok = plan["path"] in case.paths and bool(plan["steps"]) and step_sections == {(PATH_SOURCE, plan["path"])}
    else:
        plan_ok = plan["path"] is None and not plan["steps"] and bool(plan["message"])
    found = [g for g in case.gaps if g in gap_terms]
    return {"id": case.id, "split": case.split, "target": case.target, "expected_fit": list(case.fit),
            "fit": ranked[:3], "top1": ranked[:1] and ranked[0] in case.fit, "top2": any(f in case.fit for f in ranked[:2]),
            "expected_gaps": list(case.gaps), "gaps_found": found, "gaps": [g["term"] for g in advice["gaps"]],
            "expected_paths": list(case.paths), "path": plan["path"], "plan_ok": plan_ok,
            "profile": advice["profile"]}


def summarize(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Top-1/top-2 fit accuracy, gap recall (over all expected gaps) and plan citation accuracy."""
    n = len(records)
    expected = sum(len(r["expected_gaps"]) for r in records)
    return {"cases": n, "fit_top1": round(sum(bool(r["top1"]) for r in records) / n, 3),
            "fit_top2": round(sum(bool(r["top2"]) for r in records) / n, 3),
            "gap_recall": round(sum(len(r["gaps_found"]) for r in records) / expected, 3) if expected else None,
            "plan_citation_accuracy": round(sum(r["plan_ok"] for r in records) / n, 3)}


def run_profiles(assistant, split: str) -> dict[str, Any]:
    """Advise on every CV of the split through the public API and score it (the CV texts stay in memory)."""
    records = []
    for case in load_profile_cases(split):
        try:
            records.append(score_case(case, assistant.advise(case.text, target=case.target).to_dict()))
        except UserError as exc:
            records.append({"id": case.id, "split": split, "error": str(exc), "top1": False, "top2": False,
                            "expected_gaps": list(case.gaps), "gaps_found": [], "plan_ok": False})
    return {"suite": f"profiles ({split})", "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "metrics": summarize(records), "records": records}


def write_profile_report(result: dict[str, Any], out_dir: Path) -> list[Path]:
    """results.json and summary.md for a profile run."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results = out_dir / "results.json"
    results.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    m = result["metrics"]
    lines = [f"Suite `{result['suite']}` ({m['cases']} CVs), started {result['started']}.", "",
             "| metric | value |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in m.items() if k != "cases"]
    lines += ["", "| case | fit (top 3) | expected | gaps missed | path ok |", "|---|---|---|---|---|"]
    for r in result["records"]:
        missed = sorted(set(r["expected_gaps"]) - set(r["gaps_found"]))
        lines.append(f"| {r['id']} | {', '.join(r.get('fit', []))} | {', '.join(r.get('expected_fit', []))} | "
                     f"{', '.join(missed) or '—'} | {'yes' if r['plan_ok'] else 'no'} |")
    summary = out_dir / "summary.md"
    summary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [results, summary]


def run_profile_suite(settings, suite: str, configs: list[Path] | None, mode: str | None, out_dir: Path,
                      index_dir: Path | None, console) -> dict[str, Any]:
    """`aisec eval --suite profiles|profiles-heldout`: index the corpus for one configuration (default), advise, report."""
    from app import Assistant
    from evals.config import ingest_key, load_configs, settings_for
    from ingest.sync import run_ingest

    loaded = load_configs(configs)
    config = next((c for c in loaded if c.name == "default"), loaded[0])  # advice does not vary with the answer settings
    run_settings = settings_for(config, settings, (index_dir or out_dir / "indexes") / ingest_key(config, settings), mode)
    console.print(f"suite [bold]{suite}[/] with configuration {config.name} → {out_dir}")
    run_ingest(run_settings, None, show_progress=False)
    result = run_profiles(Assistant(run_settings), SUITES[suite])
    result["config"] = config.name
    written = write_profile_report(result, out_dir)
    console.print(" ".join(f"{k} {v}" for k, v in result["metrics"].items()))
    console.print("wrote " + ", ".join(str(p) for p in written))
    return result
