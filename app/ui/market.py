"""The Market tab: the market snapshot as escaped tables and server-side charts, rebuilt when the index changes."""
from __future__ import annotations

import threading
from typing import Any

from app.analytics.labels import percent, term
from app.ui.charts import figure_html
from app.ui.render import esc

CHART_ORDER = ("postings", "remote", "salary_by_seniority", "salary_by_role_family")


class MarketView:
    """The tab's HTML for the Assistant's current snapshot as each user sees it; built once per index fingerprint."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pages: dict[tuple[str, str], str] = {}  # (fingerprint, user folder) -> HTML

    def html(self, assistant, user: str | None = None) -> str:
        """The Market tab for the index `assistant` reads now (re-read after every ingest), over the corpus and
        `user`'s own postings."""
        from app.analytics import market_snapshot, postings_of
        from ingest.owners import user_folder_name

        snapshot = assistant.retriever(user).snapshot
        key = (snapshot.fingerprint, user_folder_name(user))
        with self._lock:
            if key not in self._pages:
                self._pages = {k: v for k, v in self._pages.items() if k[0] == snapshot.fingerprint}
                self._pages[key] = market_html(market_snapshot(postings_of(snapshot)))
            return self._pages[key]


def market_html(snap: dict[str, Any], charts: bool = True) -> str:
    """Tables (postings per role family × seniority, remote share, salary quartiles, top terms) and the charts."""
    if not snap["postings"]:
        return '<div class="aisec-market"><p>No job postings are indexed. Add a postings file and run <code>aisec ingest</code>.</p></div>'
    parts = ['<div class="aisec-market">',
             f'<p>Figures computed from the <b>{snap["postings"]}</b> open job postings in the index. '
             f"Salaries are midpoints of advertised ranges. <b>{esc(snap.get('provenance', ''))}</b></p>",
             counts_table(snap), remote_table(snap), salary_table(snap), top_table(snap)]
    if charts:
        from app.analytics.chart import market_charts

        figures = market_charts(snap)
        shown = "".join(figure_html(figures[key], "aisec-market-chart") for key in CHART_ORDER if key in figures)
        parts.append(f'<h3>Charts</h3><div class="aisec-market-charts">{shown}</div>')
    parts.append("</div>")
    return "".join(parts)


def counts_table(snap: dict[str, Any]) -> str:
    """Postings per role family and seniority, with totals."""
    levels = [*snap["seniority_levels"], *(["unspecified"] if snap["by_seniority"].get("unspecified") else [])]
    head = "".join(f"<th>{esc(level)}</th>" for level in (*levels, "total"))
    rows = [_row(term(family), [counts.get(level, 0) for level in (*levels, "total")])
            for family, counts in snap["by_role_family"].items()]
    rows.append(_row("all", [snap["by_seniority"].get(level, 0) for level in (*levels, "total")], "aisec-total"))
    return _table("aisec-market-counts", "Postings per role family and seniority", f"<th>role family</th>{head}", rows)


def remote_table(snap: dict[str, Any]) -> str:
    """Postings and share per remote status."""
    rows = [_row(status, [value["count"], percent(value["share"])]) for status, value in snap["remote"].items()]
    return _table("aisec-market-remote", "Remote status", "<th>status</th><th>postings</th><th>share</th>", rows)


def salary_table(snap: dict[str, Any]) -> str:
    """Quartiles of salary midpoints per role family, in the most common currency (others are named, not mixed in)."""
    currency = snap["currency"] or "?"
    others = {c: n for c, n in snap["currencies"].items() if c != currency}
    note = f" ({', '.join(f'{n} with a salary in {c}' for c, n in others.items())} left out)" if others else ""
    rows = []
    for family, s in snap["salary_by_role_family"].items():
        figures = [_money(s[k]) for k in ("q1", "median", "q3")] if s.get("n") else ["–"] * 3
        rows.append(_row(term(family), [s.get("n", 0), *figures]))
    title = f"Salary per role family, {currency} per year{note}"
    head = "<th>role family</th><th>with salary</th><th>Q1</th><th>median</th><th>Q3</th>"
    return _table("aisec-market-salary", title, head, rows)


def top_table(snap: dict[str, Any]) -> str:
    """The most requested skills, clouds and certifications per role family (postings naming each)."""
    fields = ("skills", "clouds", "certifications")
    rows = [_row(term(family), [_top(top[f]) for f in fields]) for family, top in snap["top_by_role_family"].items()]
    if snap.get("top_overall"):
        rows.append(_row("all", [_top(snap["top_overall"][f]) for f in fields], "aisec-total"))
    head = "<th>role family</th>" + "".join(f"<th>{f}</th>" for f in fields)
    return _table("aisec-market-top", "Most requested per role family (number of postings)", head, rows)


def _top(items: list[dict[str, Any]]) -> str:
    return ", ".join(f"{term(item['value'])} ({item['count']})" for item in items) or "–"


def _money(amount: float) -> str:
    return f"{amount:,.0f}"


def _row(label: str, cells: list[Any], css_class: str = "") -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<tr{attribute}><td>{esc(label)}</td>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>"


def _table(elem_class: str, title: str, head: str, rows: list[str]) -> str:
    return f'<h3>{esc(title)}</h3><table class="aisec-table {elem_class}"><tr>{head}</tr>{"".join(rows)}</table>'
