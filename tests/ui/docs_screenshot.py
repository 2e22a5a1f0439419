"""Refresh docs/screenshot.png: the UI over the real corpus, an example asked, its first source opened.

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
            page.locator("#aisec-question textarea").fill(args.question)
            page.locator("#aisec-send").click()
            page.wait_for_selector(ANSWERS, timeout=120_000)
            page.locator(f"{ANSWERS} details.aisec-source summary").first.click()
            page.evaluate(SCROLL_CHAT_TO_TOP)
            page.wait_for_timeout(500)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=True)
            browser.close()
    finally:
        demo.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
