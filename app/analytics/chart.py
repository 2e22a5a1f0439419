"""Matplotlib figures for analytics answers and the market snapshot (Agg canvas; no pyplot, no global state)."""
from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from app.analytics.labels import percent, term

COLOR = "#3b6ea5"


def answer_chart(data: dict[str, Any] | None) -> Figure | None:
    """The chart for an analytics Answer's `data`: shares/counts/top-N as bars, salaries as box plots; None otherwise."""
    if not data or "metric" not in data:
        return None
    groups = data.get("groups") or [data["result"]]
    metric = data["metric"]
    if metric == "salary":
        stats = [_box(g, g.get("value") or "selection") for g in groups if g.get("median") is not None]
        return salary_box_chart(stats, data.get("currency") or "", f"Advertised salary (midpoint), {data['population']}") if stats else None
    if metric == "top":
        g = groups[0] if len(groups) == 1 else None
        if g is None:
            return None
        items = g["items"]
        return share_chart([term(i["value"]) for i in items], [i["share"] for i in items], f"Share of {g['total']} {data['population']}")
    if "targets" in groups[0] and len(groups) == 1:
        targets = groups[0]["targets"]
        return share_chart([term(t["value"]) for t in targets], [t["share"] for t in targets], f"Share of {groups[0]['postings']} {data['population']}")
    if "targets" in groups[0]:
        first = groups[0]["targets"][0]
        return share_chart([term(g["value"]) for g in groups], [g["targets"][0]["share"] for g in groups], f"Share with {term(first['value'])}")
    if len(groups) > 1:
        return share_chart([term(g["value"]) for g in groups], [g["share"] for g in groups], f"Share of {data['postings']} {data['population']}")
    return None


def share_chart(labels: list[str], shares: list[float | None], title: str) -> Figure:
    """Horizontal bars of shares (0-100%), labelled with the percentage."""
    figure = _figure(height=0.45 * len(labels) + 1.2)
    axes = figure.add_subplot()
    values = [100 * (s or 0) for s in shares]
    bars = axes.barh(labels[::-1], values[::-1], color=COLOR)
    axes.bar_label(bars, labels=[percent(s) for s in shares[::-1]], padding=3, fontsize=8)
    axes.set_xlim(0, 105)
    axes.set_xlabel("% of postings")
    axes.set_title(title, fontsize=10)
    figure.tight_layout()
    return figure


def salary_box_chart(stats: list[dict[str, Any]], currency: str, title: str) -> Figure:
    """Box plots from precomputed quartiles: whiskers at the lowest and highest value, no outliers."""
    figure = _figure(height=3.2, width=max(4.0, 1.1 * len(stats) + 1.5))
    axes = figure.add_subplot()
    axes.bxp(stats, showfliers=False, patch_artist=True, boxprops={"facecolor": "#c9d9ec"})
    axes.set_ylabel(f"{currency} per year")
    axes.yaxis.set_major_formatter(lambda v, _: f"{v / 1000:,.0f}k")
    axes.set_title(title, fontsize=10)
    axes.tick_params(axis="x", labelrotation=20, labelsize=8)
    figure.tight_layout()
    return figure


def market_charts(snapshot: dict[str, Any]) -> dict[str, Figure]:
    """The Market tab's figures from market_snapshot(): postings per role family, remote share, salaries per seniority and role family."""
    charts: dict[str, Figure] = {}
    families = snapshot.get("by_role_family", {})
    if families:
        figure = _figure(height=0.45 * len(families) + 1.4)
        axes, order = figure.add_subplot(), list(families)[::-1]
        left = [0] * len(order)
        for level in snapshot["seniority_levels"]:
            counts = [families[f].get(level, 0) for f in order]
            axes.barh([term(f) for f in order], counts, left=left, label=level)
            left = [a + b for a, b in zip(left, counts)]
        axes.set_xlabel("postings")
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_title(f"Postings per role family and seniority ({snapshot['postings']} postings)", fontsize=10)
        axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        figure.tight_layout()
        charts["postings"] = figure
    if snapshot.get("remote"):
        remote = snapshot["remote"]
        charts["remote"] = share_chart(list(remote), [v["share"] for v in remote.values()], "Remote status")
    for key, title in (("salary_by_seniority", "seniority"), ("salary_by_role_family", "role family")):
        stats = [_box(v, k) for k, v in snapshot.get(key, {}).items() if v.get("n")]
        if stats:
            charts[key] = salary_box_chart(stats, snapshot.get("currency") or "", f"Salary midpoints by {title} ({snapshot.get('currency')})")
    return charts


def _box(figures: dict[str, Any], label: str) -> dict[str, Any]:
    n = figures.get("n", figures.get("with_salary"))
    return {"label": f"{term(label)}\n(n={n})", "med": figures["median"], "q1": figures["q1"], "q3": figures["q3"],
            "whislo": figures["min"], "whishi": figures["max"]}


def _figure(height: float, width: float = 6.0) -> Figure:
    figure = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(figure)
    return figure
