"""Read a CV from pasted text or an uploaded .txt/.md/.pdf/.docx file, in memory only."""
from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import PurePath

from app.errors import UserError

MAX_CV_BYTES = 5 * 1024 * 1024
MAX_CV_CHARS = 60_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", "")
SUPPORTED = ".txt, .md, .pdf or .docx"


def read_cv(data: bytes, name: str) -> str:
    """The CV's text from a file's bytes (never written anywhere); UserError says what to do when it can't be read."""
    suffix = PurePath(name or "").suffix.lower()
    if not data:
        raise UserError("the CV file is empty; upload the file again or paste the text instead")
    refuse_oversized(len(data))
    if suffix in TEXT_SUFFIXES:
        text = _decode(data)
    elif suffix == ".pdf":
        text = _pdf_text(data)
    elif suffix == ".docx":
        text = _docx_text(data)
    elif suffix == ".doc":
        raise UserError("old Word .doc files can't be read; save the CV as .docx or PDF, or paste the text")
    else:
        raise UserError(f"{suffix} files can't be read; upload a {SUPPORTED} file or paste the text")
    return clean_cv_text(text)


def refuse_oversized(size: int) -> None:
    """UserError when a CV file of `size` bytes is over the limit."""
    if size > MAX_CV_BYTES:
        raise UserError(f"the CV file is {size / 1e6:.1f} MB; the limit is {MAX_CV_BYTES // (1024 * 1024)} MB — "
                        "upload a shorter file or paste the text")


def clean_cv_text(text: str) -> str:
    """Normalised CV text; UserError when it is empty or too long."""
    if not isinstance(text, str):
        raise UserError("the CV must be text or a file")
    text = "".join(ch for ch in unicodedata.normalize("NFC", text) if unicodedata.category(ch) != "Cc" or ch in "\n\t")
    text = text.strip()
    if not text:
        raise UserError("no CV text was given; paste your CV or a few lines about your background, or upload a file")
    if len(text) > MAX_CV_CHARS:
        raise UserError(f"the CV is {len(text):,} characters long; the limit is {MAX_CV_CHARS:,} — paste the most recent roles only")
    return text


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise UserError(f"this file is not plain text; upload a {SUPPORTED} file or paste the text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserError("the PDF is password-protected; save an unprotected copy or paste the text")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except UserError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        raise UserError("the PDF could not be read (it may be damaged); export it again or paste the text") from None
    if not text.strip():
        raise UserError("the PDF has no text layer (it looks scanned); upload the original document or paste the text")
    return text


def _docx_text(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError):
        raise UserError("the Word file could not be read (it may be damaged or password-protected); "
                        "save an unprotected .docx or paste the text") from None
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)
