"""A salary grouped by a field: a group too few for a median names each posting's own range (app.analytics.answer); a group
with no posting in the place asked about is left out and named (app.analytics.service)."""
from __future__ import annotations

from app.analytics.answer import render
from app.analytics.compute import compute
from app.analytics.plan import Condition, Plan
from app.analytics.table import PostingRow
from app.filters import Filters


def posting(pid: str, family: str, low: int, high: int) -> PostingRow:
    return PostingRow(pid, f"posting:{pid}", f"{family} engineer", family, "mid", "hybrid", "London, UK", low, high, "GBP",
                      "2025-01-01", (), (), (), "open", f"{pid}-0", "text", {"company": f"Company {pid}", "sample": True})


def test_a_group_of_one_names_its_posting_and_range():
    rows = [posting("a1", "ai-red-team", 76_000, 94_000), *(posting(f"g{i}", "ai-governance", 80_000 + i, 100_000 + i) for i in range(3))]
    plan = Plan("salary", where=(Condition("location", "London", ("london",)),), group_field="role_family",
                groups=("ai-red-team", "ai-governance"))
    text = render("What do AI red team or governance jobs in London pay?", compute(plan, rows), Filters()).text
    assert "n=1: ai-red-team engineer at Company a1, 76,000 GBP to 94,000 GBP" in text
    assert "middle half" in text.split("AI governance", 1)[1]  # three or more: the median and its middle half


def test_a_family_joined_by_or_with_no_posting_in_the_place_is_left_out_and_named(bot, rows):
    mlsecops = [r for r in rows if r["role_family"] == "mlsecops" and "Denver" in r["location"]]
    answer = bot.ask("What do MLSecOps or AI red team jobs in Denver pay?")
    assert answer.route == "analytics" and not answer.abstained
    assert answer.data["postings"] == len(mlsecops)
    assert "None of the AI red team postings is located in Denver." in answer.text
