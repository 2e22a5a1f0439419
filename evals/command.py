"""`aisec eval`: load the suite and configurations, run them, write the reports, apply the gate."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from app.errors import UserError
from app.settings import Settings

OUT = Path(__file__).parent / "out"


def run_command(settings: Settings, *, suite: str, configs: list[Path] | None, mode: str | None, out: Path | None,
                index_dir: Path | None, gate: bool, console, embedder=None, share_embeddings: bool = False,
                tags: list[str] | None = None, skip_tags: list[str] | None = None) -> int:
    """Run and report; exit status 1 when --gate is given and a threshold is violated."""
    from evals.cases import load_suite, select_cases
    from evals.profiles import SUITES, run_profile_suite
    from evals.config import load_configs
    from evals.gate import check, load_thresholds
    from evals.html_report import write_html
    from evals.report import RichProgress, print_summary, write_markdown, write_results
    from evals.runner import run_eval

    if suite in SUITES:  # CVs through Assistant.advise, not questions
        run_dir = out or OUT / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        run_profile_suite(settings, suite, configs, mode, run_dir, index_dir, console)
        return 0
    loaded_suite = select_cases(load_suite(suite), tags or [], skip_tags or [])
    loaded_configs = load_configs(configs)
    thresholds = load_thresholds() if gate else None
    out_dir = out or OUT / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out_dir.mkdir(parents=True, exist_ok=True)
    console.print(f"suite [bold]{loaded_suite.name}[/] ({len(loaded_suite.cases)} cases) × "
                  f"{len(loaded_configs)} configuration(s): {', '.join(c.name for c in loaded_configs)} → {out_dir}")
    with RichProgress(console) as progress:
        run = run_eval(loaded_suite, loaded_configs, settings, out_dir, mode=mode, embedder=embedder,
                       index_root=index_dir, progress=progress, share_embeddings=share_embeddings)
    print_summary(run, console)
    written = [write_results(run, out_dir / "results.json"), write_html(run, out_dir / "report.html"),
               write_markdown(run, out_dir / "summary.md")]
    if out is None:
        _point_latest(out_dir)
    console.print("wrote " + ", ".join(str(p) for p in written))
    if thresholds is None:
        return 0
    result = next((r for r in run.results if r.config.name == thresholds.get("config", "default")), None)
    if result is None:
        raise UserError(f"--gate needs the configuration {thresholds.get('config', 'default')!r} in the run")
    problems = check(result.metrics, thresholds)
    for problem in problems:
        console.print(f"[bold red]gate:[/] {problem}")
    return 1 if problems else 0


def _point_latest(out_dir: Path) -> None:
    """evals/out/latest -> the newest run (left alone if `latest` is a real directory)."""
    latest = out_dir.parent / "latest"
    if latest.exists() and not latest.is_symlink():
        return
    tmp = out_dir.parent / f".latest-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(out_dir.name)
    tmp.replace(latest)
