"""The Jobs tab's selection over the snapshot's postings table: the chat's filters, certification, order, full text."""
from __future__ import annotations

import pytest

from app.analytics.table import table_from_snapshot
from app.errors import UserError
from app.ui.jobs import ANY, full_text, posting_html, select_rows, selection_from


@pytest.fixture(scope="module")
def rows(ui_assistant):
    return table_from_snapshot(ui_assistant.retriever().snapshot)


def _select(rows, families, sort="Newest first", **widgets):
    values = {"role": ANY, "seniority": ANY, "remote": ANY, "place": "", "min_pay": 0, "skill": ANY, "certification": ANY,
              "posted_since": "", **widgets}
    return select_rows(rows, selection_from(**values, role_families=families), sort)


def test_filters_and_sorts(rows, ui_assistant):
    families = tuple(ui_assistant.vocabulary.terms("role_families"))
    everything = _select(rows, families)
    assert len(everything) == len(rows) > 3
    posted = [r.posted for r in everything if r.posted]
    assert posted == sorted(posted, reverse=True)
    mlsecops = _select(rows, families, role="mlsecops")
    assert mlsecops and all(r.role_family == "mlsecops" for r in mlsecops) and len(mlsecops) < len(rows)
    rich = _select(rows, families, min_pay=150000, sort="Highest pay first")
    assert rich and all(r.salary_max >= 150000 for r in rich)
    assert [r.salary_max for r in rich] == sorted((r.salary_max for r in rich), reverse=True)
    skill = rows[0].skills[0]
    assert all(skill in r.skills for r in _select(rows, families, skill=skill))
    place = rows[0].location.split(",")[0]
    assert all(place.lower() in r.location.lower() for r in _select(rows, families, place=place))
    since = sorted(r.posted for r in rows if r.posted)[-2]
    assert all(r.posted >= since for r in _select(rows, families, posted_since=since))
    certified = [r for r in rows if r.certifications]
    if certified:
        cert = certified[0].certifications[0]
        assert _select(rows, families, certification=cert) == [r for r in everything if cert in r.certifications]
    with pytest.raises(UserError, match="posted_after must be a date"):
        _select(rows, families, posted_since="last tuesday")


def test_posting_html_marks_samples_and_links(rows):
    sample = next(r for r in rows if r.metadata.get("sample") and r.metadata.get("url"))
    shown = posting_html(sample, [(sample.text, sample.metadata)])
    assert "Sample posting: fictional" in shown and 'target="_blank"' in shown and sample.title in shown


def test_full_text_puts_chunks_back_by_their_offsets():
    document = "# Title\n\nalpha beta gamma\n\n**What you do** delta"
    pieces = [(0, 25), (15, 25), (27, 48)]  # the second overlaps the first; a blank line sits between two
    chunks = [(document[a:b], {"start_char": a, "end_char": b}) for a, b in pieces]
    assert full_text(chunks) == document
    assert full_text([("one", {})]) == "one"
