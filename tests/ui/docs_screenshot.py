"""Refresh the screenshots in docs/: the chat over the real corpus (an example asked, its first source opened),
an analytics answer with its chart (screenshot-analytics.png) and the Market tab (screenshot-market.png).

Run: .venv/bin/python tests/ui/docs_screenshot.py [--data-dir DIR]   (ingests corpus/ into DIR if it has no index)
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

from ui_helpers import BROWSER_ARGS, CHROMIUM, free_port  # noqa: E402

ANSWERS = "#aisec-chat .aisec-answer:not(.aisec-streaming)"
SCROLL_CHAT_TO_TOP = """() => { for (const e of document.querySelectorAll('#aisec-chat *'))
    if (e.scrollHeight > e.clientHeight + 4 && getComputedStyle(e).overflowY !== 'visible') e.scrollTop = 0; }"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="index to use or build (default: a temporary folder)")
    parser.add_argument("--question", default="How can an application security engineer move into AI security?")
    parser.add_argument("--analytics-question", default="What share of MLSecOps postings mention Kubernetes?")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args()

    from app import Assistant
    from app.settings import Settings
    from app.ui import index_missing, serve
    from ingest.sync import run_ingest

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="aisec-screenshot-"))
    settings = Settings(data_dir=data_dir, corpus_dir=ROOT / "corpus", ui_port=free_port())
    if index_missing(settings):
        print(f"ingesting {settings.corpus_dir} into {data_dir} …", file=sys.stderr)
        run_ingest(settings, None, show_progress=True)
    demo, url = serve(settings, Assistant(settings), block=False)
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1200}, device_scale_factor=1)
            page.goto(url)
            page.wait_for_selector("#aisec-question textarea:not([disabled])", timeout=60_000)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            written = [args.out, args.out.with_name(f"{args.out.stem}-analytics.png"), args.out.with_name(f"{args.out.stem}-market.png")]
            _ask_and_shoot(page, args.question, written[0])
            page.locator("#aisec-clear").click()
            page.wait_for_function(f"document.querySelectorAll('{ANSWERS}').length === 0", timeout=10_000)
            _ask_and_shoot(page, args.analytics_question, written[1], wait_for="figure.aisec-chart img")
            page.get_by_role("tab", name="Market").click()
            page.wait_for_selector("#aisec-market .aisec-market-charts img", timeout=60_000)
            page.wait_for_timeout(500)
            page.screenshot(path=str(written[2]), full_page=True)
            browser.close()
    finally:
        demo.close()
    print("wrote " + ", ".join(map(str, written)))
    return 0


def _ask_and_shoot(page, question: str, out: Path, wait_for: str | None = None) -> None:
    """Ask, open the first source, scroll the chat to the top and save a full-page screenshot."""
    page.locator("#aisec-question textarea").fill(question)
    page.locator("#aisec-send").click()
    page.wait_for_selector(ANSWERS, timeout=120_000)
    if wait_for:
        page.wait_for_selector(f"{ANSWERS} {wait_for}", timeout=30_000)
    page.locator(f"{ANSWERS} details.aisec-source summary").first.click()
    for _ in range(2):  # the chat may auto-scroll once more after the source opens
        page.evaluate(SCROLL_CHAT_TO_TOP)
        page.wait_for_timeout(500)
    page.screenshot(path=str(out), full_page=True)


if __name__ == "__main__":
    sys.exit(main())
