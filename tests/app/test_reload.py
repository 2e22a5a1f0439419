"""A running Assistant picks up a re-ingest: the next answer comes from the new version of a document."""
from __future__ import annotations

from app import Assistant
from app.settings import Settings
from ingest.sync import run_ingest

QUESTION = "What did the Northwind study find about AI governance lead salaries?"


def test_the_same_assistant_answers_from_the_new_version_after_a_reingest(tmp_path, ask_corpus_copy, embedder):
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=ask_corpus_copy)
    run_ingest(settings, [ask_corpus_copy], embedder=embedder, show_progress=False)
    bot = Assistant(settings, embedder=embedder)
    before = bot.ask(QUESTION)
    assert "$150,000" in before.text
    old_fingerprint = bot.retriever().snapshot.fingerprint

    doc = ask_corpus_copy / "documents" / "governance-pay.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("$150,000", "$172,500"), encoding="utf-8")
    report = run_ingest(settings, [ask_corpus_copy], embedder=embedder, show_progress=False)
    assert report.updated == 1

    after = bot.ask(QUESTION)
    assert bot.retriever().snapshot.fingerprint != old_fingerprint
    assert "$172,500" in after.text and "$150,000" not in after.text
    cited = next(c for c in after.citations if "$172,500" in c.text)
    assert cited.source == "documents/governance-pay.md"
    assert all("$150,000" not in c.text for c in after.citations + after.related)


def test_a_removed_document_is_no_longer_cited(tmp_path, ask_corpus_copy, embedder):
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=ask_corpus_copy)
    run_ingest(settings, [ask_corpus_copy], embedder=embedder, show_progress=False)
    bot = Assistant(settings, embedder=embedder)
    assert any(c.source == "documents/governance-pay.md" for c in bot.ask(QUESTION).citations)

    (ask_corpus_copy / "documents" / "governance-pay.md").unlink()
    run_ingest(settings, [ask_corpus_copy], embedder=embedder, show_progress=False)
    after = bot.ask(QUESTION)
    assert all(c.source != "documents/governance-pay.md" for c in after.citations + after.related)
    assert "$150,000" not in after.text
