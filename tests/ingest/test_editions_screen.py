"""The chunker screens the editions registry per chunk by plain words: the tags it finds are those of the full registry."""
from __future__ import annotations

from pathlib import Path

from app.sentences import split_sentences
from ingest.editions import load_registry

REAL_REGISTRY = Path(__file__).resolve().parents[2] / "corpus" / "editions.yaml"
REGISTRY = """entries:
  owasp-llm-top-10:
    name: OWASP Top 10 for LLM Applications
    names: [OWASP Top 10 for LLM]
    current: {edition: "2026", phrases: [":2026", 2026 edition]}
    superseded:
      - {edition: "2025", phrases: [":2025", 2025 edition, LLM03 Supply Chain]}
  eu-ai-act:
    name: EU AI Act
    current: {edition: "2024/1689", phrases: [Regulation (EU) 2024/1689]}
"""


def _mentions(registry, text: str, named: frozenset[str]) -> list[list[str]]:
    return [[m.tag for m in registry.mentions(s, named=named)] for line in text.splitlines() for s in split_sentences(line.strip())]


def test_a_screened_registry_keeps_only_entries_whose_words_the_text_holds(tmp_path):
    path = tmp_path / "editions.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = load_registry(path)
    text = "The owasp top 10 for LLM, 2025 EDITION, listed LLM03   Supply\nChain. Nothing else here."
    screened = registry.screened(text, frozenset())
    assert [e.key for e in screened.entries] == ["owasp-llm-top-10"]  # case-blind; the Act's words are absent
    assert _mentions(screened, text, frozenset()) == _mentions(registry, text, frozenset()) != [[], []]
    assert registry.screened("Nothing about either.", frozenset()).entries == ()
    assert [e.key for e in registry.screened("The 2026 edition is out.", frozenset({"owasp-llm-top-10"})).entries] == \
        ["owasp-llm-top-10"]  # named by its context: its name need not be in the text


def test_a_text_with_a_letter_that_folds_to_ascii_is_not_screened(tmp_path):
    path = tmp_path / "editions.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = load_registry(path)
    text = "REGULATION (EU) 2024/1689 \u212a"  # the Kelvin sign matches "k" in a case-blind pattern, not in lower()
    assert registry.screened(text, frozenset()) is registry


def test_the_real_registry_screened_finds_the_same_mentions_in_every_corpus_sentence():
    registry = load_registry(REAL_REGISTRY)
    documents = sorted((REAL_REGISTRY.parent / "documents").glob("*.md"))
    assert documents
    found = 0
    for document in documents:
        for paragraph in document.read_text(encoding="utf-8").split("\n\n"):
            screened = registry.screened(paragraph, frozenset())
            ours, theirs = _mentions(screened, paragraph, frozenset()), _mentions(registry, paragraph, frozenset())
            assert ours == theirs, (document.name, paragraph[:80])
            found += sum(map(len, theirs))
    assert found > 50
