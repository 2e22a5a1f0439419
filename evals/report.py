"""Write results.json and print the side-by-side terminal table of an evaluation run."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evals.runner import EvalRun
from evals.scoring import LOWER_IS_BETTER, METRIC_ORDER

TAG_METRICS = ("cases", "hit@5", "fact_recall", "lead_accuracy", "citation_precision", "abstention_f1", "wrong_abstention_rate", "pass_rate")
SHORT = {"fact_recall": "facts", "lead_accuracy": "lead", "citation_precision": "cite P", "abstention_f1": "abst F1",
         "wrong_abstention_rate": "wrong abst", "pass_rate": "pass"}


def results_dict(run: EvalRun) -> dict[str, Any]:
    """The whole run as JSON-ready data."""
    return {
        "suite": run.suite.name, "suite_path": str(run.suite.path or ""), "started": run.started, "mode": run.mode,
        "indexes": run.indexes, "shared_embeddings": run.shared_embeddings, "code": run.code,
        "configs": [{
            "name": r.config.name, "description": r.config.description, "settings": r.settings, "index": r.index,
            "seconds": r.seconds, "metrics": r.metrics, "by_tag": r.by_tag, "calibration": r.calibration,
            "records": r.records,
        } for r in run.results],
    }


def write_results(run: EvalRun, path: Path) -> Path:
    """results.json: metrics overall and by tag per configuration, and every per-case record."""
    path.write_text(json.dumps(results_dict(run), indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def write_markdown(run: EvalRun, path: Path) -> Path:
    """summary.md: the comparison table and the calibration line per configuration, for docs and PRs."""
    path.write_text(markdown_summary(results_dict(run)), encoding="utf-8")
    return path


def markdown_summary(results: dict[str, Any]) -> str:
    """Markdown for a results.json document (so older runs can be summarised too)."""
    configs = results["configs"]
    code = results.get("code") or {}
    at = f" at commit `{code['commit']}`" + (f" with {len(code['uncommitted'])} uncommitted file(s)" if code.get("uncommitted") else "") if code.get("commit") else ""
    lines = [f"Suite `{results['suite']}` ({configs[0]['metrics']['cases']} cases), started {results['started']}{at}.", "",
             "| metric | " + " | ".join(c["name"] for c in configs) + " |", "|---|" + "---:|" * len(configs)]
    for name in METRIC_ORDER:
        lines.append(f"| {name} | " + " | ".join(fmt(name, c["metrics"].get(name)) for c in configs) + " |")
    lines.append("")
    for c in configs:
        best = c["calibration"].get("recommended")
        if best:
            lines.append(f"- `{c['name']}`: abstain_threshold {c['calibration']['current']} → best {best['threshold']} "
                         f"(abstention F1 {fmt('f', best['abstention_f1'])}, wrong abstentions "
                         f"{fmt('w', best['wrong_abstention_rate'])}, fact recall {fmt('f', best['fact_recall'])})")
    return "\n".join(lines) + "\n"


def fmt(name: str, value: Any) -> str:
    """A metric value for people: rates with three decimals, latencies in whole milliseconds."""
    if value is None:
        return "–"
    if name == "cases" or name == "errors":
        return str(value)
    if name.startswith("latency"):
        return f"{value:,.0f} ms"
    return f"{value:.3f}"


def best_values(run: EvalRun, name: str) -> set[float]:
    """The best value of a metric across configurations (to highlight it)."""
    values = [r.metrics.get(name) for r in run.results if r.metrics.get(name) is not None]
    if len(values) < 2 or name == "cases":
        return set()
    return {min(values) if name in LOWER_IS_BETTER else max(values)}


def print_summary(run: EvalRun, console) -> None:
    """Metrics per configuration side by side, the first configuration's per-tag table, and calibration."""
    from rich.table import Table

    table = Table(title=f"aisec eval — suite {run.suite.name} ({len(run.suite.cases)} cases)", show_lines=False)
    table.add_column("metric", style="bold")
    for result in run.results:
        table.add_column(result.config.name, justify="right")
    for name in METRIC_ORDER:
        best = best_values(run, name)
        cells = []
        for result in run.results:
            value = result.metrics.get(name)
            text = fmt(name, value)
            cells.append(f"[bold green]{text}[/]" if value is not None and value in best else text)
        table.add_row(name, *cells)
    console.print(table)
    if run.shared_embeddings and len(run.results) > 1:
        console.print("[yellow]embeddings were shared across configurations: latencies after the first are optimistic[/]")

    first = run.results[0]
    tags = Table(title=f"by tag — {first.config.name}")
    tags.add_column("tag", style="bold")
    for name in TAG_METRICS:
        tags.add_column(SHORT.get(name, name), justify="right")
    for tag, summary in first.by_tag.items():
        tags.add_row(tag, *(fmt(n, summary.get(n)) for n in TAG_METRICS))
    console.print(tags)

    for result in run.results:
        best = result.calibration.get("recommended")
        if best:
            console.print(
                f"[bold]{result.config.name}[/]: abstain_threshold {result.calibration['current']} -> best {best['threshold']} "
                f"(abstention F1 {fmt('f1', best['abstention_f1'])}, wrong abstentions {fmt('w', best['wrong_abstention_rate'])}, "
                f"fact recall {fmt('f', best['fact_recall'])})"
            )


class RichProgress:
    """A rich progress bar with one task per configuration (plain lines when not on a terminal)."""

    LOG_EVERY = 25

    def __init__(self, console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.console = console
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=False,
                                 disable=not console.is_terminal)
        self.task = None
        self.name, self.done, self.total = "", 0, 0

    def __enter__(self) -> "RichProgress":
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def stage(self, text: str) -> None:
        """A one-line note (e.g. which index is being built)."""
        self.console.print(f"[dim]{text}…[/]")

    def start(self, name: str, total: int) -> None:
        """A new bar for a configuration."""
        self.task = self.progress.add_task(name, total=total)
        self.name, self.done, self.total = name, 0, total

    def advance(self) -> None:
        """One case done."""
        self.progress.advance(self.task)
        self.done += 1
        if not self.console.is_terminal and (self.done % self.LOG_EVERY == 0 or self.done == self.total):
            self.console.print(f"{self.name}: {self.done}/{self.total} cases", highlight=False)
