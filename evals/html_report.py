"""report.html: one self-contained page with inline SVG charts, metric tables and the failing cases."""
from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

from evals.report import TAG_METRICS, best_values, fmt
from evals.runner import EvalRun
from evals.scoring import METRIC_ORDER

RATE_METRICS = ["hit@1", "hit@5", "mrr", "ndcg@5", "context_recall", "fact_recall", "lead_accuracy", "citation_recall",
                "citation_precision", "abstention_f1", "wrong_abstention_rate", "premise_safety", "pass_rate"]
PASSAGE_CHARS = 700
STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#222;padding:0 1rem}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}
.best{font-weight:bold;color:#176b2c}.case{border:1px solid #e3c2c2;background:#fffafa;margin:.75rem 0;padding:.5rem .75rem}
.reasons{color:#a11}.answer{white-space:pre-wrap;background:#f6f6f6;padding:.4rem}.passage{color:#555;font-size:12px}
details{margin:.4rem 0}summary{cursor:pointer}code{background:#f0f0f0;padding:0 .2rem}svg{max-width:100%;height:auto}
"""


def write_html(run: EvalRun, path: Path) -> Path:
    """Render the run to `path`; every value from cases or answers is HTML-escaped."""
    e = html.escape
    names = [r.config.name for r in run.results]
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>aisec eval — {e(run.suite.name)}</title>",
             f"<style>{STYLE}</style></head><body>",
             f"<h1>aisec eval — suite <code>{e(run.suite.name)}</code>, {len(run.suite.cases)} cases</h1>",
             f"<p>Started {e(run.started)}; configurations: {e(', '.join(names))}"
             + (f"; mode forced to <code>{e(run.mode)}</code>" if run.mode else "") + ".</p>"
             + ("<p><b>Embeddings were shared across configurations</b>: answers are unaffected, but latencies "
                "after the first configuration are optimistic.</p>" if run.shared_embeddings and len(run.results) > 1 else "")]
    parts.append("<h2>Metrics</h2>" + _metrics_table(run))
    parts.append(_svg(_bar_chart({r.config.name: [r.metrics.get(m) for m in RATE_METRICS] for r in run.results},
                                 RATE_METRICS, "Metrics per configuration (higher is better, except wrong abstention)")))
    parts.append(_svg(_bar_chart({r.config.name: [r.metrics.get("latency_p50_ms"), r.metrics.get("latency_p95_ms")]
                                  for r in run.results}, ["latency p50 (ms)", "latency p95 (ms)"], "Latency per configuration",
                                 rate=False)))
    tags = list(run.results[0].by_tag)
    for metric in ("pass_rate", "fact_recall"):
        parts.append(_svg(_tag_chart(run, tags, metric)))
    parts.append("<h2>By tag</h2>")
    for result in run.results:
        parts.append(f"<details{' open' if result is run.results[0] else ''}><summary>{e(result.config.name)}</summary>"
                     + _tag_table(result.by_tag) + "</details>")
    parts.append("<h2>Abstention threshold calibration</h2>" + _calibration(run))
    parts.append("<h2>Configurations</h2><table><tr><th>name</th><th>description</th><th>overrides</th><th>index</th><th>seconds</th></tr>")
    for r in run.results:
        parts.append(f"<tr><td>{e(r.config.name)}</td><td>{e(r.config.description)}</td><td>{e(str(r.config.overrides))}</td>"
                     f"<td>{e(r.index)}</td><td>{r.seconds}</td></tr>")
    parts.append("</table><h2>Failing cases</h2>")
    for result in run.results:
        failing = [rec for rec in result.records if rec["failures"]]
        parts.append(f"<details><summary>{e(result.config.name)}: {len(failing)} of {len(result.records)} cases</summary>")
        parts.extend(_case(rec) for rec in failing)
        parts.append("</details>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _metrics_table(run: EvalRun) -> str:
    e = html.escape
    rows = ["<table><tr><th>metric</th>" + "".join(f"<th>{e(r.config.name)}</th>" for r in run.results) + "</tr>"]
    for name in METRIC_ORDER:
        best = best_values(run, name)
        cells = "".join(
            f"<td class='best'>{e(fmt(name, v))}</td>" if v is not None and v in best else f"<td>{e(fmt(name, v))}</td>"
            for v in (r.metrics.get(name) for r in run.results))
        rows.append(f"<tr><td>{e(name)}</td>{cells}</tr>")
    return "".join(rows) + "</table>"


def _tag_table(by_tag: dict[str, dict[str, Any]]) -> str:
    e = html.escape
    head = "<table><tr><th>tag</th>" + "".join(f"<th>{e(n)}</th>" for n in TAG_METRICS) + "</tr>"
    body = "".join(f"<tr><td>{e(tag)}</td>" + "".join(f"<td>{e(fmt(n, s.get(n)))}</td>" for n in TAG_METRICS) + "</tr>"
                   for tag, s in by_tag.items())
    return head + body + "</table>"


def _calibration(run: EvalRun) -> str:
    e = html.escape
    rows = ["<table><tr><th>configuration</th><th>current</th><th>recommended</th><th>abstention F1</th>"
            "<th>wrong abstentions</th><th>fact recall</th><th>evidence answerable (p10/median)</th>"
            "<th>evidence unanswerable (median/p90)</th></tr>"]
    for r in run.results:
        best, ev = r.calibration.get("recommended") or {}, r.calibration["evidence"]
        rows.append(
            f"<tr><td>{e(r.config.name)}</td><td>{r.calibration['current']}</td><td>{best.get('threshold', '–')}</td>"
            f"<td>{fmt('f', best.get('abstention_f1'))}</td><td>{fmt('w', best.get('wrong_abstention_rate'))}</td>"
            f"<td>{fmt('f', best.get('fact_recall'))}</td>"
            f"<td>{fmt('e', ev['answerable']['p10'])} / {fmt('e', ev['answerable']['median'])}</td>"
            f"<td>{fmt('e', ev['unanswerable']['median'])} / {fmt('e', ev['unanswerable']['p90'])}</td></tr>")
    rows.append("</table>")
    first = run.results[0]
    if first.calibration["sweep"] and first.calibration["sweep"][0]["cases"]:
        rows.append(_svg(_sweep_chart(first.config.name, first.calibration["sweep"], first.calibration["current"])))
    return "".join(rows)


def _case(rec: dict[str, Any]) -> str:
    e = html.escape
    history = "".join(f"<div>earlier turn: {e(t)}</div>" for t in rec["history"])
    filters = f"<div>filters: <code>{e(str(rec['filters']))}</code></div>" if rec["filters"] else ""
    citations = "".join(
        f"<li>[{c['number']}] {e(c['title'])} (<code>{e(c['source'])}</code>)"
        f"<div class='passage'>{e(c['text'][:PASSAGE_CHARS])}{'…' if len(c['text']) > PASSAGE_CHARS else ''}</div></li>"
        for c in rec["citations"])
    checks = "".join(f"<li>{e(v['status'])}: {e(v['sentence'])} {e('; '.join(v['reasons']))}</li>"
                     for v in rec["verification"] if v["status"] != "supported")
    return (
        f"<div class='case'><b>{e(rec['id'])}</b> <small>{e(', '.join(rec['tags']))}</small>{history}"
        f"<div>question: {e(rec['question'])}</div>{filters}"
        f"<div class='reasons'>{'<br>'.join(e(r) for r in rec['failures'])}</div>"
        f"<div>expected facts: {e(' ; '.join(rec['expected_facts']) or '–')} · expected sources: "
        f"{e(', '.join(rec['expected_sources']) or '–')} · retrieved: {e(', '.join(rec['ranked_sources'][:5]))}</div>"
        f"<div class='answer'>{e(rec['text'])}</div>"
        + (f"<ol>{citations}</ol>" if citations else "")
        + (f"<details><summary>sentences not kept</summary><ul>{checks}</ul></details>" if checks else "")
        + "</div>"
    )


# -- charts --------------------------------------------------------------------------------------------


def _figure(width: float, height: float):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "aisec-eval", "font.size": 9})
    return plt, plt.subplots(figsize=(width, height))


def _bar_chart(series: dict[str, list[float | None]], labels: list[str], title: str, rate: bool = True):
    plt, (fig, ax) = _figure(max(6.0, 0.9 * len(labels) + 3.5), 3.6)
    width = 0.8 / max(1, len(series))
    for i, (name, values) in enumerate(series.items()):
        xs = [j + i * width - 0.4 + width / 2 for j in range(len(labels))]
        ax.bar(xs, [v if v is not None else 0 for v in values], width, label=name)
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
    if rate:
        ax.set_ylim(0, 1.05)
    ax.set_title(title)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return fig


def _tag_chart(run: EvalRun, tags: list[str], metric: str):
    """Heatmap of one metric: a row per tag, a column per configuration, values written in the cells."""
    import numpy as np

    names = [r.config.name for r in run.results]
    values = np.array([[r.by_tag.get(t, {}).get(metric) for r in run.results] for t in tags], dtype=float)
    plt, (fig, ax) = _figure(2.5 + 0.9 * len(names), 1.0 + 0.24 * len(tags))
    ax.imshow(np.ma.masked_invalid(values), cmap="RdYlGn", vmin=0, vmax=1, aspect="auto")
    for i in range(len(tags)):
        for j in range(len(names)):
            if not np.isnan(values[i, j]):
                ax.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center", fontsize=7)
    ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
    ax.set_yticks(range(len(tags)), [f"{t} ({run.results[0].by_tag.get(t, {}).get('cases', 0)})" for t in tags])
    ax.set_title(f"{metric} by tag (cases in brackets; blank = not applicable)")
    fig.tight_layout()
    return fig


def _sweep_chart(name: str, rows: list[dict[str, Any]], current: float):
    plt, (fig, ax) = _figure(7, 3.4)
    xs = [r["threshold"] for r in rows]
    for key, label in (("abstention_f1", "abstention F1"), ("wrong_abstention_rate", "wrong abstentions"),
                       ("fact_recall", "fact recall (answerable)")):
        ax.plot(xs, [r[key] if r[key] is not None else float("nan") for r in rows], label=label)
    ax.axvline(current, color="grey", linestyle="--", label=f"current {current}")
    ax.set_xlabel("abstain_threshold")
    ax.set_ylim(0, 1.05)
    ax.set_title(f"Threshold sweep over recorded evidence — {name}")
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def _svg(fig) -> str:
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    text = buffer.getvalue()
    return "<figure>" + text[text.index("<svg"):] + "</figure>"
