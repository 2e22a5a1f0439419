"""A guidance section's items are whole sentences: a chunk that starts inside a sentence (the chunker's overlap)
yields no fragment of it ("Plus the Article 5 prohibitions…", "Launched May 2025) or …"); any other passage quotes
the end of such a sentence as an end ("…Tracking the …")."""
from __future__ import annotations

from pathlib import Path

from app.guidance import _section_items
from app.lexicon import load_lexicon
from app.sentences import passage_items
from app.settings import Settings
from app.types import Passage
from ingest.chunking import Chunker
from ingest.files import discover_files
from ingest.loaders import load_file
from ingest.vocabulary import load_vocabulary

REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _sections_of(name: str) -> tuple[str, dict[str, list[Passage]]]:
    """A real corpus document's text and its chunks by section, cut as ingest cuts them (default sizes)."""
    settings = Settings(corpus_dir=REAL_CORPUS)
    files, _ = discover_files([REAL_CORPUS / "documents" / name], REAL_CORPUS)
    (document,) = load_file(files[0], load_vocabulary(settings.vocabulary_path), settings.max_posting_rows).documents
    sections: dict[str, list[Passage]] = {}
    skipped = tuple(load_lexicon(settings.lexicon_path)["not_answer_material"]["sections"])
    for chunk in Chunker(settings.chunk_size, settings.chunk_overlap, skipped).chunk_document(document):
        sections.setdefault(chunk.metadata.get("section", ""), []).append(Passage(chunk.chunk_id, chunk.text, chunk.metadata, 0.0))
    return document.text, sections


def _starts_mid_sentence(item: str, text: str) -> bool:
    """Whether a quoted item begins, in the document, after a word rather than a line start or a sentence end."""
    at = text.find(item[1:40])
    before = text[:max(at - 1, 0)].rstrip(" *")
    return at > 0 and not item.startswith("…") and before[-1:] not in ("\n", ".", "!", "?", ":", "-", "|")


def test_no_section_item_is_the_tail_of_a_sentence_a_chunk_boundary_cut():
    text, sections = _sections_of("transition-paths.md")
    items = [item for chunks in sections.values() for item, _, _ in _section_items(tuple(chunks))]
    fragments = [item for item in items if _starts_mid_sentence(item, text)]
    assert items and not fragments, fragments
    assert any(item.startswith("Month 2: study the EU AI Act") for item in items)


def test_a_passage_that_begins_inside_a_sentence_quotes_its_end_as_an_end():
    _, sections = _sections_of("role-vciso-head-of-security.md")
    cut = next(chunk for chunks in sections.values() for chunk in chunks if chunk.text.lstrip()[:1].islower())
    (first, _), *rest = passage_items(cut.text)
    assert first.startswith("…") and first[1:2].isupper(), first
    assert rest and not rest[0][0].startswith("…"), rest  # the whole sentences after it read as they are


def test_an_item_a_chunk_boundary_cut_goes_on_with_its_rest_after_the_overlap():
    """"Month 1: …;" ends its chunk and the next goes on "study several ATLAS case studies …" (no overlap); "Month 2:
    … penalties;" ends one and the next repeats "plus the Article 5 prohibitions … penalties;" before going on."""
    _, sections = _sections_of("transition-paths.md")
    for section, month, rest in (("Transition path from SOC analyst to AI security", "Month 1:", "ATLAS case studies"),
                                 ("Transition path from GRC analyst to AI governance and AI risk", "Month 2:",
                                  "practise classifying five example AI systems")):
        items = [(text, kind) for text, kind, _ in _section_items(tuple(sections[section]))]
        at = next(n for n, (text, _) in enumerate(items)  # the first item carries the plan's label before it
                  if text.startswith(month) or f": {month}" in text)
        (after, kind) = items[at + 1]
        assert after.startswith("…") and rest in after and kind == "step", after
        assert not set(after.split()[:3]) & {"plus", "Plus", "Article"}, after  # the overlap is not repeated
