"""Print the market snapshot as rich tables (`aisec stats`)."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from app.analytics.labels import percent, term


def print_snapshot(snapshot: dict[str, Any], console: Console | None = None) -> None:
    """Postings per role family and seniority, remote share, salary quartiles and top terms per role family."""
    console = console or Console()
    if snapshot.get("provenance"):
        console.print(snapshot["provenance"])
    levels = snapshot["seniority_levels"]
    counts = Table(title=f"Postings per role family and seniority ({snapshot['postings']} postings)")
    counts.add_column("role family")
    for level in (*levels, "total"):
        counts.add_column(level, justify="right")
    for family, row in snapshot["by_role_family"].items():
        counts.add_row(term(family), *(str(row.get(level, 0)) for level in levels), str(row["total"]))
    overall = snapshot["by_seniority"]
    counts.add_row("[bold]all[/bold]", *(str(overall.get(level, 0)) for level in levels), str(overall["total"]), end_section=True)
    console.print(counts)

    remote = Table(title="Remote status")
    remote.add_column("status")
    remote.add_column("postings", justify="right")
    remote.add_column("share", justify="right")
    for status, value in snapshot["remote"].items():
        remote.add_row(status, str(value["count"]), percent(value["share"]))
    console.print(remote)

    currency = snapshot["currency"] or "?"
    others = {c: n for c, n in snapshot["currencies"].items() if c != currency}
    note = f" — {', '.join(f'{n} in {c}' for c, n in others.items())} left out" if others else ""
    salary = Table(title=f"Salary midpoints per role family, {currency}{note}")
    for name in ("role family", "n", "Q1", "median", "Q3"):
        salary.add_column(name, justify="left" if name == "role family" else "right")
    for family, s in snapshot["salary_by_role_family"].items():
        figures = [f"{s[k]:,.0f}" for k in ("q1", "median", "q3")] if s.get("n") else ["–"] * 3
        salary.add_row(term(family), str(s.get("n", 0)), *figures)
    console.print(salary)

    top = Table(title="Most requested per role family (postings)")
    for name in ("role family", "skills", "clouds", "certifications"):
        top.add_column(name)
    for family, fields in snapshot["top_by_role_family"].items():
        top.add_row(term(family), *(", ".join(f"{term(i['value'])} {i['count']}" for i in fields[f]) or "–"
                                    for f in ("skills", "clouds", "certifications")))
    console.print(top)
