"""The Career coach tab in headless Chromium: upload or paste a CV, edit the profile, cited advice, follow-ups, privacy."""
from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "advice"))
from cvs import GRC_CV, SOC_CV  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
              pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]
CANARY = "Quillenbrook"
ADVICE = "#aisec-advice .aisec-advice"


@pytest.fixture(scope="module")
def coach_server(coach_settings, coach_assistant):
    from app.ui import serve

    demo, url = serve(coach_settings.model_copy(update={"ui_port": _port()}), coach_assistant, block=False)
    yield url
    demo.close()


def _port() -> int:
    from ui_helpers import free_port

    return free_port()


@pytest.fixture
def coach_page(browser, coach_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.foreign = []
    tab.on("request", lambda r: tab.foreign.append(r.url) if not r.url.startswith(coach_server) else None)
    tab.goto(coach_server)
    tab.get_by_role("tab", name="Career coach").click()
    tab.wait_for_selector("#aisec-cv-file input[type=file]", timeout=30_000)
    yield tab
    context.close()


def chips(page, elem_id: str) -> list[str]:
    return [t.strip() for t in page.locator(f"#{elem_id} .token").all_inner_texts()]


def test_uploaded_cv_gives_an_editable_profile_and_cited_advice(coach_page, coach_settings, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    started = time.time()
    cv = tmp_path / "cv.md"
    cv.write_text(f"# {CANARY} Ottoline\n{GRC_CV}", encoding="utf-8")
    page = coach_page
    page.set_input_files("#aisec-cv-file input[type=file]", str(cv))
    page.locator("#aisec-cv-read").click()
    page.wait_for_selector(ADVICE, timeout=90_000)
    assert {"iso-27001", "risk-management", "policy-writing"} <= set(chips(page, "aisec-cv-skills"))
    assert chips(page, "aisec-cv-roles") == ["grc analyst"]
    advice = page.locator(ADVICE)
    text = advice.inner_text()
    assert "Plan: Transition path from GRC analyst to AI governance and AI risk" in text
    assert "of 8 ai-governance postings (sample data)" in text and "fictional samples" in text
    assert advice.locator(".aisec-plan li").count() >= 3
    assert advice.locator(".aisec-marker").count() >= 3
    first = advice.locator("details.aisec-source").first
    assert "documents/transition-paths.md" in first.locator("summary").inner_text()
    first.locator("summary").click()
    assert first.locator("mark").first.is_visible()  # the quoted step is highlighted in its passage

    # correct the profile: drop a skill, ask again, and the dropped skill becomes a counted gap
    page.locator("#aisec-cv-skills .token", has_text="risk-management").locator(".token-remove").click()
    page.locator("#aisec-cv-advise").click()
    page.wait_for_function("document.querySelector('#aisec-advice').innerText.includes('risk-management: ')", timeout=60_000)

    page.locator("#aisec-coach-question textarea").fill("Which of these are remote?")
    page.locator("#aisec-coach-ask").click()
    page.wait_for_selector("#aisec-coach-chat .aisec-answer", timeout=60_000)
    answer = page.locator("#aisec-coach-chat .aisec-answer").first.inner_text()
    assert "ai-governance" in answer  # the profile's target family is the follow-up's context
    assert page.foreign == []
    page.context.close()  # the session ends; nothing of the CV is left behind on the server's disk or in its log
    gradio_cache = Path(os.environ.get("GRADIO_TEMP_DIR") or Path(tempfile.gettempdir()) / "gradio")
    for root in (coach_settings.data_dir, gradio_cache):  # no upload reached gradio's file cache either
        fresh = [p for p in root.rglob("*") if p.is_file() and p.stat().st_mtime >= started]
        assert [p for p in fresh if CANARY.encode() in p.read_bytes()] == []
    assert CANARY not in " ".join(r.getMessage() for r in caplog.records)


def test_pasted_cv_and_unrecognisable_text(coach_page):
    page = coach_page
    page.locator("#aisec-cv-text textarea").fill("I like gardening and long walks.")
    page.locator("#aisec-cv-read").click()
    page.get_by_text("nothing in this text matches").first.wait_for(timeout=30_000)
    assert page.locator(ADVICE).count() == 0
    page.locator("#aisec-cv-text textarea").fill(SOC_CV)
    page.locator("#aisec-cv-read").click()
    page.wait_for_selector(ADVICE, timeout=90_000)
    assert "Transition path from SOC analyst to AI security" in page.locator(ADVICE).inner_text()
    assert "siem" in chips(page, "aisec-cv-skills")
