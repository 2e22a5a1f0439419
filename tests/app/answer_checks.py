"""Assertions shared by the app tests: the citation invariants every answer must keep."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

ASK_CORPUS = Path(__file__).resolve().parents[1] / "data" / "ask_corpus"
MARKER = re.compile(r"\[(\d+)\]")


def assistant_with_document(root: Path, embedder, name: str, text: str):
    """An Assistant over a copy of the ask corpus in `root` with one more document, `name`, holding `text`."""
    from app import Assistant
    from app.settings import Settings
    from ingest.sync import run_ingest

    corpus = root / "corpus"
    shutil.copytree(ASK_CORPUS, corpus)
    (corpus / "documents" / name).write_text(text, encoding="utf-8")
    settings = Settings(data_dir=root / "data", corpus_dir=corpus)
    report = run_ingest(settings, [corpus], embedder=embedder, show_progress=False)
    assert report.failed == 0
    return Assistant(settings, embedder=embedder)


def lead(text: str) -> str:
    """An answer's text up to its first citation marker."""
    return re.split(r"\s*\[\d+\]", text, maxsplit=1)[0]


def markers(text: str) -> list[int]:
    """Every [n] marker in an answer text, in order of appearance."""
    return [int(n) for n in MARKER.findall(text)]


def assert_well_cited(answer) -> None:
    """The citation invariants every non-abstaining answer must keep."""
    used = markers(answer.text)
    numbers = [c.number for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    assert used, f"no markers in {answer.text!r}"
    assert all(1 <= n <= len(answer.citations) for n in used), (used, len(answer.citations))
    first_use = list(dict.fromkeys(used))
    assert first_use == numbers, f"citations not numbered in order of first use: {first_use}"
    passages = [(c.doc_id, c.metadata.get("chunk_index"), c.text) for c in answer.citations]
    assert len(set(passages)) == len(passages), "a passage is cited under two numbers"


def assert_verified(answer, checker) -> None:
    """Each sentence the answer keeps is supported by every citation it carries, re-checked with `checker`."""
    kept = [c for c in answer.verification if c.status == "supported"]
    assert kept, "no verified sentence"
    for check in kept:
        assert check.sentence.rstrip(".") in answer.text
        assert check.supported_by, check
        for number in check.supported_by:
            assert 1 <= number <= len(answer.citations), check
            citation = answer.citations[number - 1]
            assert check.sentence in citation.supporting
            verdict = checker.check(check.sentence, citation.text)
            assert verdict.supported, (check.sentence, citation.text, verdict.reasons)
    cited_numbers = {n for c in kept for n in c.supported_by}
    assert cited_numbers == {c.number for c in answer.citations}, "a citation no kept sentence relies on"
