"""Refresh the screenshots of My documents, Jobs, past conversations and the Markdown take-away in docs/.

Run: .venv/bin/python tests/ui/docs_screenshot_features.py [--data-dir DIR]
DIR (default: a temporary folder) is ingested from corpus/ when it has no index; the uploads go to a copy of it.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

from ui_helpers import BROWSER_ARGS, CHROMIUM, free_port  # noqa: E402

UPLOADS = ROOT / "tests" / "data" / "uploads"
ANSWERS = "#aisec-chat .aisec-answer:not(.aisec-streaming)"
READY = "#aisec-question textarea:not([disabled])"
SCROLL_CHAT_TO_TOP = """() => { for (const e of document.querySelectorAll('#aisec-chat *'))
    if (e.scrollHeight > e.clientHeight + 4 && getComputedStyle(e).overflowY !== 'visible') e.scrollTop = 0; }"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="index to copy, or to build first (default: a temporary folder)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    args = parser.parse_args()

    from app import Assistant
    from app.settings import Settings
    from app.ui import index_missing, serve
    from ingest.sync import run_ingest

    source = args.data_dir or Path(tempfile.mkdtemp(prefix="aisec-screenshot-"))
    if index_missing(Settings(data_dir=source, corpus_dir=ROOT / "corpus")):
        run_ingest(Settings(data_dir=source, corpus_dir=ROOT / "corpus"), None, show_progress=True)
    data_dir = Path(tempfile.mkdtemp(prefix="aisec-screenshot-copy-")) / "data"
    shutil.copytree(source, data_dir, ignore=shutil.ignore_patterns("ingest.lock", "uploads", "ui-browser-key"))
    settings = Settings(data_dir=data_dir, corpus_dir=ROOT / "corpus", ui_port=free_port())
    demo, url = serve(settings, Assistant(settings), block=False)
    shots = {name: args.docs / f"screenshot-{name}.png"
             for name in ("documents-progress", "documents", "jobs", "jobs-ask", "conversations", "takeaway")}
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1000}, device_scale_factor=1)
            page.goto(url)
            page.wait_for_selector(READY, timeout=60_000)
            _progress(page, data_dir.parent / "ai-security-reading-pack.md", shots["documents-progress"])
            _documents(page, shots["documents"])
            _jobs(page, shots["jobs"])
            _ask_about_these(page, shots["jobs-ask"])
            _conversations_and_takeaway(page, shots["conversations"], shots["takeaway"])
            browser.close()
    finally:
        demo.close()
    print("wrote " + ", ".join(map(str, shots.values())))
    return 0


def _progress(page, pack: Path, out: Path) -> None:
    """Upload a long file, shoot while it is being indexed, then remove it again."""
    pack.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "documents").glob("*.md"))[:8]),
                    encoding="utf-8")
    page.get_by_role("tab", name="My documents").click()
    page.locator("#aisec-upload input[type=file]").set_input_files([pack])
    page.locator("#aisec-docs").get_by_text("indexing:").first.wait_for(timeout=120_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(out), full_page=True)
    page.locator("#aisec-docs [role=gridcell]", has_text=pack.name).first.wait_for(timeout=300_000)
    page.locator("#aisec-doomed input").click()
    page.get_by_role("option", name=pack.name, exact=True).click()
    page.locator("#aisec-remove").click()
    page.wait_for_function(f"!document.querySelector('#aisec-docs').innerText.includes('{pack.name}')", timeout=120_000)


def _documents(page, out: Path) -> None:
    page.get_by_role("tab", name="My documents").click()
    page.locator("#aisec-upload input[type=file]").set_input_files(
        [UPLOADS / "quillfeather-exam.md", UPLOADS / "team-postings.jsonl", UPLOADS / "broken.pdf"])
    page.locator("#aisec-docs [role=gridcell]", has_text="broken.pdf").first.wait_for(timeout=120_000)
    page.wait_for_timeout(800)
    page.screenshot(path=str(out), full_page=True)


def _jobs(page, out: Path) -> None:
    page.get_by_role("tab", name="Jobs").click()
    page.wait_for_function("!document.querySelector('.toast-body')", timeout=30_000)  # the "Removed …" notice
    page.locator("#aisec-jobs-table [role=gridcell]").first.wait_for(timeout=30_000)
    page.locator("#aisec-jobs-role input").click()
    page.get_by_role("option", name="mlsecops", exact=True).click()
    page.locator("#aisec-jobs-sort input").click()
    page.get_by_role("option", name="Highest pay first").click()
    page.wait_for_timeout(1200)
    page.locator("#aisec-jobs-table [data-testid='cell-0-1']").click()
    page.locator("#aisec-jobs-detail h3").wait_for(timeout=10_000)
    page.wait_for_timeout(500)
    page.screenshot(path=str(out), full_page=True)


def _ask_about_these(page, out: Path) -> None:
    """Hand the Jobs selection (MLSecOps, remote) to the chat, ask, shoot; then start afresh without those filters."""
    page.locator("#aisec-jobs-remote input").click()
    page.get_by_role("option", name="remote", exact=True).click()
    page.wait_for_timeout(800)
    page.locator("#aisec-jobs-ask").click()
    page.wait_for_function("document.querySelector('#aisec-question textarea').value.includes('these postings')", timeout=10_000)
    page.locator("#aisec-send").click()
    page.wait_for_selector(ANSWERS, timeout=120_000)
    for _ in range(2):  # the chat may auto-scroll once more
        page.evaluate(SCROLL_CHAT_TO_TOP)
        page.wait_for_timeout(500)
    page.screenshot(path=str(out), full_page=True)
    page.locator("#aisec-clear").click()
    if page.locator("#aisec-handed-drop").is_visible():
        page.locator("#aisec-handed-drop").click()
    for widget in ("#aisec-role", "#aisec-remote"):
        page.locator(f"{widget} input").click()
        page.locator(widget).get_by_role("option", name="any", exact=True).click()
        page.wait_for_timeout(300)


def _conversations_and_takeaway(page, conversations: Path, takeaway: Path) -> None:
    page.get_by_role("tab", name="Chat").click()
    page.locator("#aisec-question textarea").fill("How much does the Quillfeather certification exam cost?")
    page.locator("#aisec-send").click()
    page.wait_for_selector(ANSWERS, timeout=120_000)
    page.locator("#aisec-takeaway").get_by_text("Take the last answer away").click()
    page.wait_for_timeout(800)
    page.screenshot(path=str(takeaway), full_page=True)
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    page.locator("#aisec-conversation-list label").first.click()
    page.wait_for_selector(ANSWERS, timeout=30_000)
    page.wait_for_timeout(800)
    page.screenshot(path=str(conversations), full_page=True)


if __name__ == "__main__":
    sys.exit(main())
