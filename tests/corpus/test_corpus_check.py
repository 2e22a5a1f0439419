"""`aisec corpus check`: superseded editions presented as current, disagreeing documents, review dates and source URLs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
REGISTRY = """entries:
  owasp-llm-top-10:
    name: OWASP Top 10 for LLM Applications
    names: [OWASP Top 10 for LLM]
    current: {edition: "2026", phrases: [":2026", 2026 edition]}
    superseded:
      - {edition: "2025", phrases: [":2025", 2025 edition, LLM03 Supply Chain]}
"""
FRONT = """---
title: "{title}"
reviewed: 2026-12-06
sources:
  - title: "OWASP GenAI Security Project — OWASP Top 10 for LLM Applications 2026"
    url: https://genai.owasp.org/
    checked: 2026-12-06
---
"""


def write(root: Path, name: str, body: str, front: str | None = None) -> Path:
    path = root / "documents" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((FRONT.format(title=name) if front is None else front) + body, encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small corpus: the shipped lexicon, a one-entry registry, one clean document."""
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copy(CORPUS / "lexicon.yaml", root / "lexicon.yaml")
    (root / "editions.yaml").write_text(REGISTRY, encoding="utf-8")
    write(root, "clean.md", "## The OWASP Top 10 for LLM list\n\nThe OWASP Top 10 for LLM Applications 2026 edition lists LLM03:2026 Excessive Agency.\n\n"
                            "## OWASP Top 10 for LLM Applications: history of editions\n\nThe 2025 edition numbered LLM03 Supply Chain.\n")
    return root


def check(root: Path, capsys, monkeypatch) -> tuple[int, list[str]]:
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(root))
    code = main(["corpus", "check", str(root)])
    return code, capsys.readouterr().out.splitlines()


def test_a_clean_corpus_passes_history_sections_and_past_sentences_included(corpus, capsys, monkeypatch):
    write(corpus, "past.md", "## Using the list\n\nThe OWASP Top 10 for LLM list was numbered differently in the 2025 edition, "
                             "which was replaced by the 2026 edition.\n")
    assert check(corpus, capsys, monkeypatch) == (0, [])


def test_a_superseded_edition_presented_as_current_fails_with_file_and_line(corpus, capsys, monkeypatch):
    path = write(corpus, "stale.md", "## Frameworks\n\nTeams should know the OWASP Top 10 for LLM.\n\n"
                                     "The OWASP Top 10 for LLM entry LLM03 Supply Chain covers third-party models.\n")
    code, lines = check(corpus, capsys, monkeypatch)
    assert code == 1
    assert any(line.startswith(f"{path}:13: presents superseded OWASP Top 10 for LLM Applications 2025 as current") for line in lines), lines
    assert any(line.startswith(f"{path}:13: disagrees about the current OWASP Top 10 for LLM Applications") and "clean.md:" in line
               for line in lines), lines


def test_missing_review_date_and_source_without_url_are_named(corpus, capsys, monkeypatch):
    path = write(corpus, "unreviewed.md", "## Notes\n\nNothing about editions.\n",
                 front='---\ntitle: "x"\nsources:\n  - title: "A report with no link"\n    checked: 2026-12-06\n---\n')
    code, lines = check(corpus, capsys, monkeypatch)
    assert code == 1
    assert f"{path}:1: front matter lacks `reviewed:` (the ISO date the document's claims were last checked)" in lines
    assert any(line.startswith(f"{path}:4: source 'A report with no link' lacks an http(s) `url:`") for line in lines), lines


def test_planting_a_superseded_edition_in_a_copy_of_the_shipped_corpus_fails_the_check(tmp_path, capsys, monkeypatch):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root, ignore=shutil.ignore_patterns("postings"))
    assert check(root, capsys, monkeypatch) == (0, []), "the shipped corpus must pass before a sentence is planted"
    target = root / "documents" / "role-ai-security-engineer.md"
    lines = target.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("## Skills")) + 1
    lines.insert(at, "The current OWASP Top 10 for LLM Applications is the 2025 edition, whose LLM03 Supply Chain entry matters most.")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = check(root, capsys, monkeypatch)
    assert code == 1
    assert any(line.startswith(f"{target}:{at + 1}: presents superseded OWASP Top 10 for LLM Applications 2025 as current") for line in out), out


def test_a_file_that_is_not_utf8_is_named_with_its_line_not_a_traceback(corpus, capsys, monkeypatch):
    path = corpus / "documents" / "latin1.md" if (corpus / "documents").is_dir() else corpus / "latin1.md"
    path.write_bytes("---\ntitle: x\n---\n## Caf\u00e9\n".encode("latin-1"))
    code, lines = check(corpus, capsys, monkeypatch)
    assert code == 1
    assert any(line.startswith(f"{path}:4: not UTF-8 text") for line in lines), lines
