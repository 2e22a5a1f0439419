"""`aisec stats`, the market snapshot and the charts, over the fixture index; numbers recomputed from the raw file."""
from __future__ import annotations

import json
import statistics
from collections import Counter

from matplotlib.figure import Figure

from app.analytics.chart import answer_chart, market_charts
from app.analytics.stats import market_snapshot, postings_of
from app.cli import main


def test_market_snapshot_matches_the_file(fixture_settings, rows):
    snapshot = market_snapshot(postings_of(fixture_settings))
    assert snapshot["postings"] == len(rows) and snapshot["currency"] == "USD"
    for family in {r["role_family"] for r in rows}:
        members = [r for r in rows if r["role_family"] == family]
        counts = Counter(r["seniority"] for r in members)
        assert snapshot["by_role_family"][family] == {"total": len(members), **counts}
        usd = sorted((r["salary_min"] + r["salary_max"]) / 2 for r in members if r.get("currency") == "USD")
        salary = snapshot["salary_by_role_family"][family]
        assert salary["n"] == len(usd) and salary["median"] == statistics.median(usd)
        top_skills = sorted(Counter(s for r in members for s in r["skills"]).items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        assert [(i["value"], i["count"]) for i in snapshot["top_by_role_family"][family]["skills"]] == top_skills
    remote = Counter(r["remote"] for r in rows)
    assert {k: v["count"] for k, v in snapshot["remote"].items()} == dict(remote)


def test_cli_stats_json_and_table(fixture_settings, rows, monkeypatch, capsys):
    monkeypatch.setenv("AISEC_DATA_DIR", str(fixture_settings.data_dir))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(fixture_settings.corpus_dir))
    assert main(["stats", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["postings"] == len(rows) and printed["by_seniority"]["total"] == len(rows)
    assert main(["stats"]) == 0
    table = capsys.readouterr().out
    assert "Postings per role family and seniority" in table and "MLSecOps" in table and "Remote status" in table


def test_cli_stats_without_an_index_says_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AISEC_DATA_DIR", str(tmp_path / "nothing"))
    assert main(["stats"]) == 2
    assert "aisec ingest" in capsys.readouterr().err


def test_charts_are_matplotlib_figures(bot, fixture_settings):
    charts = market_charts(market_snapshot(postings_of(bot)))
    assert set(charts) == {"postings", "remote", "salary_by_seniority", "salary_by_role_family"}
    assert all(isinstance(f, Figure) for f in charts.values())
    for question in ("What share of MLSecOps postings mention Kubernetes?", "Do senior roles pay more than mid-level roles?",
                     "Top 3 skills in AI security engineer postings", "Are entry-level roles rarer?"):
        figure = answer_chart(bot.ask(question).data)
        assert isinstance(figure, Figure), question
        figure.canvas.draw()  # renders with the Agg canvas, no display needed
    assert answer_chart(None) is None
