"""The Market tab: tables checked against figures computed here, straight from the fixture JSONL; charts; escaping; refresh."""
from __future__ import annotations

import base64
import json
import math
import re
import shutil
from collections import Counter
from html.parser import HTMLParser

import pytest
from ui_helpers import UI_CORPUS

from app.analytics.labels import term  # display names only; every number below is computed here
from app.ui.market import MarketView, market_html

POSTINGS = [json.loads(line) for line in (UI_CORPUS / "postings" / "ui-postings.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
LEVELS = ["entry", "mid", "senior", "lead", "executive"]


class Tables(HTMLParser):
    """Every <table> of a page as {first class after aisec-table: [[cell text, ...], ...]}."""

    def __init__(self, page: str):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            name = (dict(attrs).get("class") or "").split()[-1]
            self._rows = self.tables.setdefault(name, [])
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._rows = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    """Q1, median, Q3 by linear interpolation between order statistics (position p·(n-1))."""
    ordered = sorted(values)

    def at(p: float) -> float:
        position = p * (len(ordered) - 1)
        low = math.floor(position)
        high = min(low + 1, len(ordered) - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (position - low)

    return at(0.25), at(0.5), at(0.75)


def _percent(count: int, total: int) -> str:
    return f"{math.floor(100 * count / total + 0.5)}%"


@pytest.fixture(scope="module")
def market(ui_assistant) -> str:
    return MarketView().html(ui_assistant)


def test_postings_per_role_family_and_seniority(market):
    rows = Tables(market).tables["aisec-market-counts"]
    levels = [level for level in LEVELS if any(p["seniority"] == level for p in POSTINGS)]
    assert rows[0] == ["role family", *levels, "total"]
    expected = {}
    for family in sorted({p["role_family"] for p in POSTINGS}):
        mine = [p for p in POSTINGS if p["role_family"] == family]
        expected[term(family)] = [str(sum(p["seniority"] == level for p in mine)) for level in levels] + [str(len(mine))]
    expected["all"] = [str(sum(p["seniority"] == level for p in POSTINGS)) for level in levels] + [str(len(POSTINGS))]
    assert {row[0]: row[1:] for row in rows[1:]} == expected
    assert rows[-1][0] == "all" and rows[-1][-1] == "7"


def test_remote_share(market):
    rows = Tables(market).tables["aisec-market-remote"]
    counts = Counter(p["remote"] for p in POSTINGS)
    assert {row[0]: row[1:] for row in rows[1:]} == {status: [str(n), _percent(n, len(POSTINGS))] for status, n in counts.items()}


def test_salary_quartiles_per_role_family_in_the_main_currency(market):
    page = Tables(market)
    rows = page.tables["aisec-market-salary"]
    currencies = Counter(p["currency"] for p in POSTINGS if p.get("salary_min") is not None)
    main = currencies.most_common(1)[0][0]
    assert main == "USD" and currencies["EUR"] == 1
    assert "Salary per role family, USD per year (1 with a salary in EUR left out)" in market.replace("&#40;", "(").replace("&#41;", ")")
    expected = {}
    for family in sorted({p["role_family"] for p in POSTINGS}):
        mids = [(p["salary_min"] + p["salary_max"]) / 2 for p in POSTINGS if p["role_family"] == family and p["currency"] == main]
        expected[term(family)] = [str(len(mids)), *(f"{v:,.0f}" for v in _quartiles(mids))] if mids else ["0", "–", "–", "–"]
    assert {row[0]: row[1:] for row in rows[1:]} == expected
    assert expected["MLSecOps"] == ["2", "165,000", "175,000", "185,000"]  # (155,000 and 195,000 midpoints)


def test_top_skills_clouds_and_certifications_per_role_family(market):
    rows = Tables(market).tables["aisec-market-top"]
    assert rows[0] == ["role family", "skills", "clouds", "certifications"]

    def top(postings, field):
        counts = Counter(value for p in postings for value in set(p.get(field) or []))
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
        return ", ".join(f"{term(value)} ({n})" for value, n in ranked) or "–"

    expected = {term(f): [top([p for p in POSTINGS if p["role_family"] == f], field) for field in ("skills", "clouds", "certifications")]
                for f in sorted({p["role_family"] for p in POSTINGS})}
    expected["all"] = [top(POSTINGS, field) for field in ("skills", "clouds", "certifications")]
    assert {row[0]: row[1:] for row in rows[1:]} == expected
    assert "CISSP (1)" in expected["AI security engineer"][2]


def test_market_charts_are_png_images_rendered_on_the_server(market):
    sources = re.findall(r'<img src="data:image/png;base64,([^"]+)" style="width: \d+px" alt="Chart: ([^"]+)"', market)
    assert len(sources) == 4  # postings, remote, salary by seniority, salary by role family
    assert all(base64.b64decode(data).startswith(b"\x89PNG\r\n\x1a\n") for data, _ in sources)
    assert "Postings per role family and seniority &#40;7 postings&#41;" in sources[0][1]


def test_market_text_is_escaped():
    from app.analytics import market_snapshot
    from app.analytics.table import PostingRow

    def row(i, currency):
        return PostingRow(f"p{i}", f"posting:p{i}", "t", "<b>fam</b>", "mid", "remote", "", 100, 200, currency, "2025-01-01",
                          ("<img src=x onerror=alert(1)>",), (), ("[x](javascript:alert(2))",), "open", f"c{i}", "text")

    page = market_html(market_snapshot([row(1, "<SCRIPT>"), row(2, "<SCRIPT>"), row(3, "EUR")]))
    lowered = page.lower()
    assert "<script" not in lowered and "<b>fam" not in lowered and "<img src=x" not in lowered and "](" not in page
    assert "&lt;SCRIPT&gt;" in page and "&lt;b&gt;fam&lt;/b&gt;" in page and "&lt;img src=x onerror=alert&#40;1&#41;&gt;" in page
    assert page.count("<img ") == 4  # only the charts


def test_market_follows_the_index(tmp_path, embedder):
    from app import Assistant
    from app.settings import Settings
    from ingest.sync import run_ingest

    corpus = tmp_path / "corpus"
    shutil.copytree(UI_CORPUS, corpus)
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    run_ingest(settings, [corpus], embedder=embedder, show_progress=False)
    assistant, view = Assistant(settings, embedder=embedder), MarketView()
    before = view.html(assistant)
    assert view.html(assistant) is before  # same index: not rebuilt
    extra = dict(POSTINGS[0], id="ui-100", title="Staff MLSecOps Engineer", seniority="lead", salary_min=200000, salary_max=240000)
    (corpus / "postings" / "more.jsonl").write_text(json.dumps(extra) + "\n", encoding="utf-8")
    run_ingest(settings, [corpus], embedder=embedder, show_progress=False)
    after = Tables(view.html(assistant)).tables["aisec-market-counts"]
    assert after[-1][-1] == "8" and {row[0]: row[-1] for row in after}["MLSecOps"] == "3"
