"""Split documents into token-bounded passages that keep their section, page and offsets."""
from __future__ import annotations

import bisect
import functools
from functools import lru_cache
from typing import Any, Callable

from app.errors import UserError
from app.sentences import sentence_pieces
from app.settings import Settings
from ingest.models import Chunk, Document
from ingest.offline import enforce_offline
from ingest.splitter import SentenceSplitter


@lru_cache(maxsize=1)
def cl100k_encode():
    """tiktoken's cl100k_base encoder, loaded from llama-index-core's offline cache."""
    enforce_offline()
    import tiktoken

    return tiktoken.get_encoding("cl100k_base").encode


class Chunker:
    """Token-aware splitting with a sentence splitter (ingest.splitter), one section at a time."""

    def __init__(self, chunk_size: int, chunk_overlap: int, skip_sections: tuple[str, ...] = (),
                 editions: Callable[[str, str | None, str], dict[str, Any]] | None = None):
        """Sections headed by one of `skip_sections` are left out; `editions(text, heading, title)` gives a document
        chunk's registry metadata (ingest.history.edition_metadata)."""
        if chunk_overlap >= chunk_size:
            raise ValueError("chunk_overlap must be smaller than chunk_size")
        self._editions = editions
        # sentence_pieces, not NLTK's punkt (llama-index's default): punkt took longer to import than the corpus to chunk
        self._splitter = SentenceSplitter(chunk_size, chunk_overlap, cl100k_encode(), sentence_pieces)
        self._skip_sections = {s.casefold() for s in skip_sections}

    def chunk_document(self, document: Document) -> list[Chunk]:
        """All chunks of one document, in text order, with stable IDs."""
        chunks: list[Chunk] = []
        for start, end, heading in _section_spans(document):
            if heading and heading.casefold() in self._skip_sections:
                continue  # a document's list of sources: metadata, not a passage to quote
            cursor = start
            for piece in self._splitter.split_text(document.text[start:end]):
                if not piece.strip():
                    continue
                found = document.text.find(piece, cursor, end)
                offset = found if found >= 0 else cursor
                cursor = offset + 1
                chunk = _make_chunk(document, len(chunks), piece, offset, heading)
                if self._editions and document.kind == "document":
                    chunk.metadata.update(self._editions(piece, heading, document.title))
                chunks.append(chunk)
        return chunks


def make_chunker(settings: Settings, lexicon: dict[str, Any]) -> Chunker:
    """The chunker the ingest uses: the settings' sizes, leaving out the lexicon's not-answer-material sections,
    tagging each document chunk with the editions of corpus/editions.yaml it speaks of."""
    from ingest.editions import load_registry
    from ingest.history import HistoryConvention, edition_metadata

    try:
        registry = load_registry(settings.editions_path)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    editions = functools.partial(edition_metadata, registry=registry, convention=HistoryConvention.from_lexicon(lexicon))
    skipped = tuple(lexicon.get("not_answer_material", {}).get("sections", ()))
    return Chunker(settings.chunk_size, settings.chunk_overlap, skipped, editions)


def _section_spans(document: Document) -> list[tuple[int, int, str | None]]:
    """(start, end, heading) for the text before the first heading and each section."""
    bounds = [(0, None)] + [(offset, heading) for offset, heading in document.sections if offset > 0]
    if document.sections and document.sections[0][0] == 0:
        bounds[0] = (0, document.sections[0][1])
    spans = []
    for i, (start, heading) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(document.text)
        if document.text[start:end].strip():
            spans.append((start, end, heading))
    return spans


def _make_chunk(document: Document, index: int, text: str, offset: int, heading: str | None) -> Chunk:
    metadata: dict[str, Any] = {
        "doc_id": document.doc_id,
        "source": document.source,
        "title": document.title,
        "kind": document.kind,
        "version": document.version,
        "chunk_index": index,
        "start_char": document.text_offset + offset,
        "end_char": document.text_offset + offset + len(text),
    }
    if heading and heading != document.title:
        metadata["section"] = heading
    if document.pages:
        metadata["page"] = bisect.bisect_right(document.pages, offset)
    metadata.update(_flat_metadata(document))
    context = document.title + (f" › {metadata['section']}" if "section" in metadata else "")
    if document.kind == "posting" and document.metadata.get("location"):
        context += f" ({document.metadata['location']})"
    return Chunk(
        chunk_id=f"{document.doc_id}#{document.version[:12]}#{index:04d}",
        doc_id=document.doc_id,
        text=text,
        context=context,
        metadata=metadata,
    )


def _flat_metadata(document: Document) -> dict[str, Any]:
    """Document metadata in a form Chroma accepts: no None, no empty lists; dates also as YYYYMMDD ints."""
    flat: dict[str, Any] = {}
    for key, value in document.metadata.items():
        if value is None or value == [] or value == "":
            continue
        flat[key] = value
    if document.kind == "posting":
        if document.metadata.get("role_family"):
            flat["role_families"] = [document.metadata["role_family"]]
        if document.metadata.get("posted"):
            flat["posted_int"] = int(document.metadata["posted"].replace("-", ""))
    return flat
