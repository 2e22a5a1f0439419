"""Two people logged in to one UI in headless Chromium: one's upload shows in their chat and Jobs tab, never the other's."""
from __future__ import annotations

import pytest
from test_private_uploads import LOGINS, PRIVATE, ROTATION, two_login_server  # noqa: F401 (the fixture)
from ui_helpers import ask

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
              pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]


def _logged_in(browser, url: str, login: tuple[str, str]):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(url)
    page.locator("input[type=text]").first.fill(login[0])
    page.locator("input[type=password]").first.fill(login[1])
    page.get_by_role("button", name="Login").click()
    page.wait_for_selector("#aisec-question textarea:not([disabled])", timeout=30_000)
    return page


def _jobs_table(page) -> str:
    page.get_by_role("tab", name="Jobs").click()
    page.locator("#aisec-jobs-table [role=gridcell]").first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    return page.locator("#aisec-jobs-table").inner_text()


def test_an_upload_is_seen_by_its_owner_only(browser, two_login_server):
    ana, ben = (_logged_in(browser, two_login_server, login) for login in LOGINS)
    ana.get_by_role("tab", name="My documents").click()
    ana.locator("#aisec-upload input[type=file]").set_input_files([PRIVATE / "ana-rotation.md", PRIVATE / "ana-postings.jsonl"])
    for _ in range(120):  # until both are listed (ingested)
        listed = [t.strip() for t in ana.locator("#aisec-docs [role=gridcell][data-col='0']").all_inner_texts()]
        if {"ana-rotation.md", "ana-postings.jsonl"} <= set(listed):
            break
        ana.wait_for_timeout(500)
    assert {"ana-rotation.md", "ana-postings.jsonl"} <= set(listed)
    ana.get_by_role("tab", name="Chat").click()
    assert "913" in ask(ana, ROTATION).inner_text()
    assert "913" not in ask(ben, ROTATION).inner_text()
    assert "Quenbury Analytics" in _jobs_table(ana)
    assert "Quenbury Analytics" not in _jobs_table(ben)
    ben.get_by_role("tab", name="My documents").click()
    ben.wait_for_timeout(1000)
    assert "ana-rotation.md" not in ben.locator("#aisec-docs").inner_text()
