"""My documents, Jobs, conversations and answer download in headless Chromium, on a server with a private index."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ui_helpers import ANSWERS, ask, free_port

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
              pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]

UPLOADS = Path(__file__).resolve().parents[1] / "data" / "uploads"
FACT_QUESTION = "How much does the Quillfeather certification exam cost?"


@pytest.fixture(scope="module")
def server(tmp_path_factory, ui_settings, embedder):
    """One UI server over a copy of the indexed UI corpus for this module (uploads change its index)."""
    from app import Assistant
    from app.ui import serve

    root = tmp_path_factory.mktemp("features")
    shutil.copytree(ui_settings.data_dir, root / "data", ignore=shutil.ignore_patterns("ingest.lock"))
    settings = ui_settings.model_copy(update={"data_dir": root / "data", "ui_port": free_port()})
    demo, url = serve(settings, Assistant(settings, embedder=embedder), block=False)
    yield url
    demo.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    tab.goto(server)
    tab.wait_for_selector("#aisec-question textarea:not([disabled])", timeout=30_000)
    yield tab
    context.close()


def _cells(page, column: int, table: str = "#aisec-jobs-table") -> list[str]:
    """One column of a Dataframe's rendered rows."""
    return [t.strip() for t in page.locator(f"{table} [role=gridcell][data-col='{column}']").all_inner_texts()]


def test_upload_two_good_and_one_bad_ask_then_remove(page):
    page.get_by_role("tab", name="My documents").click()
    page.locator("#aisec-upload input[type=file]").set_input_files(
        [UPLOADS / "quillfeather-exam.md", UPLOADS / "team-postings.jsonl", UPLOADS / "broken.pdf"])
    table = page.locator("#aisec-docs")
    table.get_by_text("broken.pdf").wait_for(timeout=60_000)
    for _ in range(120):  # the refusal can be listed before the two good files finish ingesting
        rows = {name: (status, note) for name, status, note in zip(*(_cells(page, c, "#aisec-docs") for c in (0, 1, 3)))}
        if {"quillfeather-exam.md", "team-postings.jsonl"} <= rows.keys():
            break
        page.wait_for_timeout(500)
    assert "ingested" in rows["quillfeather-exam.md"][0] and "ingested" in rows["team-postings.jsonl"][0]
    assert "refused" in rows["broken.pdf"][0] and rows["broken.pdf"][1]

    page.get_by_role("tab", name="Chat").click()
    assert "417" in ask(page, FACT_QUESTION).inner_text()

    page.get_by_role("tab", name="My documents").click()
    page.locator("#aisec-doomed input").click()
    page.get_by_role("option", name="quillfeather-exam.md", exact=True).click()
    page.locator("#aisec-remove").click()
    page.wait_for_function("!document.querySelector('#aisec-docs').innerText.includes('quillfeather-exam.md')", timeout=60_000)
    page.get_by_role("tab", name="Chat").click()
    assert "417" not in ask(page, FACT_QUESTION).inner_text()


def test_jobs_filter_sort_open_and_ask(page):
    page.get_by_role("tab", name="Jobs").click()
    page.locator("#aisec-jobs-table [role=gridcell]").first.wait_for(timeout=30_000)
    total = len(_cells(page, 0))
    page.locator("#aisec-jobs-role input").click()
    page.get_by_role("option", name="mlsecops", exact=True).click()
    page.wait_for_function(f"document.querySelectorAll('#aisec-jobs-table [role=gridcell][data-col=\"0\"]').length < {total}")
    assert set(_cells(page, 3)) == {"mlsecops"}
    page.locator("#aisec-jobs-sort input").click()
    page.get_by_role("option", name="Highest pay first").click()
    page.wait_for_timeout(1000)
    pay = [int(v.replace(",", "")) for v in _cells(page, 8) if v.strip()]
    assert len(pay) >= 2 and pay == sorted(pay, reverse=True)

    page.locator("#aisec-jobs-table [data-testid='cell-0-1']").click()
    detail = page.locator("#aisec-jobs-detail")
    detail.get_by_text("Sample posting: fictional").wait_for(timeout=10_000)
    assert detail.locator("h3").inner_text() == _cells(page, 1)[0]

    page.locator("#aisec-jobs-ask").click()
    page.wait_for_function("document.querySelector('#aisec-question textarea').value.includes('these postings')", timeout=10_000)
    assert page.locator("#aisec-role input").input_value() == "mlsecops"
    assert page.locator("#aisec-question textarea").is_visible()


def test_conversation_survives_reload_and_answer_downloads(page):
    first = ask(page, "What skills do MLSecOps postings ask for?").inner_text()
    page.locator("#aisec-takeaway").get_by_text("Take the last answer away").click()
    with page.expect_download() as download:
        page.locator("#aisec-takeaway-download").click()
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith("# What skills do MLSecOps postings ask for?") and "## Sources" in markdown
    assert "[1] **" in markdown and "\n> " in markdown

    page.reload()
    page.wait_for_selector("#aisec-question textarea:not([disabled])", timeout=30_000)
    assert page.locator(ANSWERS).count() == 0
    saved = page.locator("#aisec-conversation-list label", has_text="What skills do MLSecOps postings ask for?")
    saved.wait_for(timeout=10_000)
    saved.click()
    page.wait_for_selector(ANSWERS, timeout=10_000)
    assert page.locator(ANSWERS).first.inner_text() == first

    page.locator("#aisec-conversation-delete").click()
    page.wait_for_function("document.querySelectorAll('#aisec-conversation-list label').length === 0", timeout=10_000)
    page.reload()
    page.wait_for_selector("#aisec-question textarea:not([disabled])", timeout=30_000)
    page.wait_for_timeout(1000)
    assert page.locator("#aisec-conversation-list label").count() == 0
