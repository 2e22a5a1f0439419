"""The UI in headless Chromium: answers with [n] and sources, safe rendering, feedback, filters, first-run ingest."""
from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from ui_helpers import ANSWERS, UI_CORPUS, ask, free_port, next_answer

pytestmark = [pytest.mark.browser,  # and pandas deprecations raised inside gradio's queue, not ours
              pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
              pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]



@pytest.fixture
def page(browser, ui_server):
    """A fresh tab on the shared server that records dialogs and any request leaving the server."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.dialogs, tab.foreign = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("request", lambda request: tab.foreign.append(request.url) if not request.url.startswith(ui_server.url) else None)
    tab.goto(ui_server.url)
    tab.wait_for_selector("#aisec-question textarea:not([disabled])", timeout=30_000)
    yield tab
    context.close()


def _wait_for_lines(path: Path, count: int, timeout: float = 10.0) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if len(lines) >= count:
            return [json.loads(line) for line in lines]
        time.sleep(0.2)
    raise AssertionError(f"{path} did not reach {count} lines")


def test_answer_has_markers_expandable_sources_and_feedback(page, ui_server, tmp_path):
    answer = ask(page, "What skills do MLSecOps postings ask for?")
    assert "[1]" in answer.locator(".aisec-text").inner_text()
    sources = answer.locator("details.aisec-source")
    assert sources.count() >= 1
    summary = sources.first.locator("summary").inner_text()
    assert "MLSecOps" in summary and ("documents/mlsecops-skills.md" in summary or "postings/ui-postings.jsonl" in summary)
    assert not sources.first.locator("mark").first.is_visible()  # collapsed until opened
    sources.first.locator("summary").click()
    assert sources.first.locator("mark").first.is_visible()
    marked = " ".join(sources.first.locator("mark").first.inner_text().split())
    assert len(marked) > 20 and marked[:40] in answer.locator(".aisec-text").inner_text()  # the sentence the answer used

    before = len(_wait_for_lines(ui_server.feedback_file, 0))
    page.locator("#aisec-chat button[aria-label='Like']").last.click()
    entry = _wait_for_lines(ui_server.feedback_file, before + 1)[-1]
    assert entry["rating"] == "up" and entry["question"] == "What skills do MLSecOps postings ask for?"
    assert entry["answer"] and entry["citations"] and entry["time"]
    page.screenshot(path=str(tmp_path / "answer.png"), full_page=True)

    follow_up = ask(page, "And what do they pay?")
    assert "Read as:" in follow_up.inner_text() and "MLSecOps" in follow_up.locator(".aisec-meta").inner_text()
    assert page.dialogs == [] and page.foreign == []


def test_hostile_posting_renders_as_text(page, tmp_path):
    answer = ask(page, "What does the chat widget security engineer do with model output?")
    answer.locator("details.aisec-source summary").first.click()
    chat = page.locator("#aisec-chat")
    text = chat.inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text
    assert "[click](http://evil.example)" in text
    assert "Posting URL (not a web address, not linked): javascript:alert(5)" in text  # the posting's url field
    assert chat.locator("script").count() == 0 and chat.locator("img").count() == 0 and chat.locator("[onerror]").count() == 0
    assert page.locator("a[href*='evil.example']").count() == 0 and page.locator("a[href*='javascript']").count() == 0
    assert chat.locator(".aisec-passage a").count() == 0 and chat.locator("a:not(.aisec-url a)").count() == 0
    page.wait_for_timeout(300)  # give an injected handler the chance to fire
    assert page.dialogs == []
    injected = ("() => [...document.querySelectorAll('img[src=\"x\"], [onerror], script')]"
                ".filter(e => e.tagName !== 'SCRIPT' || e.textContent.includes('alert(')).length")
    assert page.evaluate(injected) == 0  # nowhere on the page, not only in the chat
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)


def test_filters_examples_abstention_clear_and_about(page):
    page.locator("#aisec-role input").click()
    page.get_by_role("option", name="ai-red-team", exact=True).click()
    answer = ask(page, "Which jobs test attacks against chatbots?")
    assert "Filters: role family: ai-red-team" in page.locator("#aisec-chat").inner_text()
    assert "Quayside Labs" in answer.inner_text() and "Tessel Works" not in answer.inner_text()

    page.locator("#aisec-role input").click()
    page.get_by_role("option", name="any", exact=True).click()
    done = page.locator(ANSWERS).count()
    page.get_by_role("button", name="What does an AI governance lead earn?").click()
    assert "Corbel Mutual" in next_answer(page, done).text_content()  # the one governance posting is a source

    abstained = ask(page, "What is the capital of France?")
    assert "aisec-abstained" in abstained.get_attribute("class")
    assert "Not in the corpus" in abstained.text_content() and "Related passages" in abstained.text_content()
    assert abstained.locator("details.aisec-source").count() >= 1

    page.locator("#aisec-clear").click()
    page.wait_for_function(f"document.querySelectorAll('{ANSWERS}').length === 0", timeout=10_000)

    page.get_by_role("tab", name="About the corpus").click()
    about = page.locator("#aisec-about")
    about.get_by_text("Postings by role family").wait_for()
    assert "2 documents and 7 job postings" in about.inner_text()
    assert "mlsecops\t2" in about.inner_text() and "last ingested" in about.inner_text()
    assert page.dialogs == [] and page.foreign == []


def test_analytics_answer_shows_a_chart_and_postings_link_out_and_the_market_tab(page, tmp_path):
    answer = ask(page, "What share of MLSecOps postings mention Kubernetes?")
    assert "50% of the 2 MLSecOps postings mention Kubernetes" in answer.locator(".aisec-text").inner_text()
    chart = answer.locator("figure.aisec-chart img")
    chart.wait_for()
    assert chart.evaluate("img => img.complete && img.naturalWidth > 300") and chart.get_attribute("src").startswith("data:image/png")
    assert answer.locator("img").count() == 1 and chart.evaluate("img => img.getBoundingClientRect().width") == 576  # 6 in at 96 px/in

    answer.locator("details.aisec-source summary").first.click()
    link = answer.locator(".aisec-url a")
    assert link.inner_text() == "https://jobs.harborpine.example/careers/mlsecops-engineer?ref=aisec&team=ml"
    assert link.get_attribute("href") == link.inner_text() and link.get_attribute("target") == "_blank"
    # Gradio's sanitizer rewrites rel to "noopener noreferrer" (our HTML also says nofollow); both that matter stay
    assert {"noopener", "noreferrer"} <= set(link.get_attribute("rel").split())
    assert answer.locator(".aisec-passage a").count() == 0
    page.screenshot(path=str(tmp_path / "analytics.png"), full_page=True)

    page.get_by_role("tab", name="Market").click()
    market = page.locator("#aisec-market")
    market.locator("table.aisec-market-counts").wait_for(timeout=30_000)
    assert market.locator("table.aisec-market-counts tr.aisec-total").inner_text().split() == ["all", "3", "3", "1", "7"]
    assert "USD per year (1 with a salary in EUR left out)" in market.inner_text()
    images = market.locator(".aisec-market-charts img")
    assert images.count() == 4
    assert all(images.nth(i).evaluate("img => img.complete && img.naturalWidth > 300") for i in range(4))
    page.screenshot(path=str(tmp_path / "market.png"), full_page=True)
    assert page.dialogs == [] and page.foreign == []


class GatedEmbedder:
    """The session embedder, held back until the test opens the gate (so the start-up state can be seen)."""

    def __init__(self, embedder):
        self._embedder, self.gate = embedder, threading.Event()
        self.name, self.dimension, self.backend, self.variant = embedder.name, embedder.dimension, embedder.backend, embedder.variant

    def embed_passages(self, texts):
        self.gate.wait(60)
        return self._embedder.embed_passages(texts)


def test_first_run_ingests_in_the_background_and_shows_progress(browser, embedder, tmp_path):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    from app import Assistant
    from app.settings import Settings
    from app.ui import serve

    shutil.copytree(UI_CORPUS, tmp_path / "corpus")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus", ui_port=free_port())
    gated = GatedEmbedder(embedder)
    demo, url = serve(settings, None, make_assistant=lambda: Assistant(settings, embedder=embedder), ingest_embedder=gated, block=False)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(url)
        banner = page.locator("#aisec-banner")
        banner.get_by_text("Building the index for the first time").wait_for(timeout=30_000)
        assert "3 files found" in banner.inner_text()
        assert page.locator("#aisec-question textarea").is_disabled()
        with pytest.raises(AppError, match="still being built"):
            Client(url, verbose=False).predict(question="What skills do MLSecOps postings ask for?", api_name="/ask")
        page.screenshot(path=str(tmp_path / "first-run.png"), full_page=True)
        gated.gate.set()
        page.wait_for_selector("#aisec-question textarea:not([disabled])", timeout=60_000)
        assert not banner.is_visible()
        assert "[1]" in ask(page, "What skills do MLSecOps postings ask for?").inner_text()
    finally:
        gated.gate.set()
        page.close()
        demo.close()
