"""Employers ranked by how many postings they advertise (app.analytics: the `company` list noun, top values of the
company field, the sentence that names them), over the real sample postings."""
from __future__ import annotations

from app.analytics.compute import top_values
from app.analytics.table import PostingRow


def _row(posting_id: str, company: str) -> PostingRow:
    return PostingRow(posting_id, f"posting:{posting_id}", "Engineer", "mlsecops", "senior", "hybrid", "Berlin, Germany",
                      100_000, 120_000, "EUR", "2025-01-01", (), (), (), "open", posting_id, "text", {"company": company})


def test_top_values_of_the_company_field_rank_employers_by_their_postings():
    rows = [_row("a1", "Acme"), _row("a2", "Acme"), _row("b1", "Bolt"), _row("c1", "Crane")]
    figures, counted = top_values(rows, "company", 2)
    assert [(i["value"], i["count"]) for i in figures["items"]] == [("Acme", 2), ("Bolt", 1)]
    assert [r.posting_id for r in counted] == ["a1", "a2"]


def test_which_company_has_the_most_postings_is_answered_by_a_figure(bot, rows):
    answer = bot.ask("Which company has the most postings?")
    assert answer.route == "analytics" and not answer.abstained
    assert f"No company advertises more than one of the {len(rows)} postings" in answer.text  # one company each
    assert "fictional" in answer.text
