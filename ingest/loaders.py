"""Turn one source file into Documents: Markdown, text, HTML and PDF; postings files are delegated."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from ingest.files import POSTING_SUFFIXES, read_text
from ingest.models import Document, LoadResult, SourceFile
from ingest.owners import owned
from ingest.posting_files import load_postings
from ingest.vocabulary import Vocabulary

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
BOILERPLATE_TAGS = ("title", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template")


def load_file(source_file: SourceFile, vocabulary: Vocabulary, max_rows: int) -> LoadResult:
    """Read a file into documents; raise ValueError with the reason when nothing can be read."""
    suffix = source_file.path.suffix.lower()
    if suffix in POSTING_SUFFIXES:
        return owned(load_postings(source_file, vocabulary, max_rows), source_file.owner)
    loader = {".pdf": _load_pdf, ".html": _load_html, ".htm": _load_html, ".txt": _load_text}.get(suffix, _load_markdown)
    return owned(LoadResult([loader(source_file)]), source_file.owner)


def _load_markdown(sf: SourceFile) -> Document:
    raw = read_text(sf.path)
    front, body, offset = _split_front_matter(raw, sf.source)
    title = str(front.get("title") or _first_heading(body) or _title_from_name(sf.path))
    sources = _sources(front.get("sources"))
    metadata = {
        "sources": [source["title"] for source in sources],
        "source_urls": [source["url"] for source in sources if source["url"]],
        "updated": str(front.get("updated") or ""),
        "reviewed": str(front.get("reviewed") or ""),
        "role_families": _strings(front.get("role_families")),
    }
    return _document(sf, title, body, metadata, sections=_sections(body), text_offset=offset)


def _load_text(sf: SourceFile) -> Document:
    text = read_text(sf.path)
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = first_line[:120] if 0 < len(first_line) <= 120 else _title_from_name(sf.path)
    return _document(sf, title, text, {})


def _load_html(sf: SourceFile) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(read_text(sf.path), "html.parser")
    title_tag = soup.find("title")
    h1 = soup.find("h1")
    title = (title_tag or h1).get_text(" ", strip=True) if (title_tag or h1) else _title_from_name(sf.path)
    for tag in soup.find_all(BOILERPLATE_TAGS):
        tag.decompose()
    for heading in soup.find_all(re.compile(r"^h[1-6]$")):
        heading.insert_before("\n" + "#" * int(heading.name[1]) + " ")
        heading.insert_after("\n")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in soup.get_text("\n").splitlines())
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    text = re.sub(r"^(#{1,6}) ?\n+", r"\1 ", text, flags=re.MULTILINE)  # lines were stripped: "# " is now "#"
    if not text:
        raise ValueError("HTML page has no readable text")
    return _document(sf, title or _title_from_name(sf.path), text, {}, sections=_sections(text))


def _load_pdf(sf: SourceFile) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(sf.path))
        if reader.is_encrypted:
            raise ValueError("PDF is encrypted; save an unencrypted copy and re-run")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except (PdfReadError, OSError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"could not read PDF (corrupt or truncated?): {exc}") from None
    if not any(p.strip() for p in pages):
        raise ValueError("PDF has no extractable text (a scanned image?); run OCR first")
    starts, parts, cursor = [], [], 0
    for page_text in pages:
        starts.append(cursor)
        parts.append(page_text)
        cursor += len(page_text) + 2
    text = "\n\n".join(parts)
    title = str(meta_title).strip() or _title_from_name(sf.path)
    return _document(sf, title, text, {"page_count": len(pages)}, pages=tuple(starts))


def _document(sf: SourceFile, title: str, text: str, metadata: dict, *, sections=(), pages=(), text_offset: int = 0) -> Document:
    if not text.strip():
        raise ValueError("no text to index (only front matter or whitespace)")
    version = hashlib.sha256(f"{title}\n{metadata}\n{text}".encode("utf-8")).hexdigest()
    return Document(
        doc_id=f"doc:{sf.source}",
        source=sf.source,
        title=title,
        kind="document",
        text=text,
        version=version,
        metadata=metadata,
        sections=tuple(sections),
        pages=tuple(pages),
        text_offset=text_offset,
    )


def front_matter(raw: str) -> tuple[str | None, int]:
    """A Markdown file's front matter (the YAML between its opening and closing `---` lines, None when it has
    none) and where its body starts."""
    match = FRONT_MATTER.match(raw)
    return (match.group(1), match.end()) if match else (None, 0)


def _split_front_matter(raw: str, source: str) -> tuple[dict, str, int]:
    block, offset = front_matter(raw)
    if block is None:
        return {}, raw, 0
    try:
        front = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"invalid YAML front matter: {str(exc).splitlines()[0]}") from None
    if not isinstance(front, dict):
        raise ValueError("front matter must be a YAML mapping (key: value lines)")
    return front, raw[offset:], offset


def _strings(value) -> list[str]:
    """A front-matter list field; a single value counts as a list of one."""
    return [str(v) for v in _list(value)]


def _list(value) -> list:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _sources(value) -> list[dict[str, str]]:
    """Front-matter sources as {title, url}: objects (title, url, checked) or, in older files, plain titles."""
    sources = []
    for item in value if isinstance(value, (list, tuple)) else _strings(value):
        item = item if isinstance(item, dict) else {"title": item}
        sources.append({"title": str(item.get("title") or item.get("url") or ""), "url": str(item.get("url") or "")})
    return [s for s in sources if s["title"]]


def _sections(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(2).strip()) for m in HEADING.finditer(text)]


def _first_heading(text: str) -> str | None:
    match = HEADING.search(text)
    return match.group(2).strip() if match else None


def _title_from_name(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or path.name
