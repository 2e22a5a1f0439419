"""Reading CVs from real .txt/.md/.pdf/.docx files made in the test, and a clear message for every bad one."""
from __future__ import annotations

import io

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from app.advice.reader import MAX_CV_BYTES, MAX_CV_CHARS, clean_cv_text, read_cv
from app.errors import UserError


def pdf_with_text(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF (Helvetica text), written by hand with a correct cross-reference table."""
    shown = " ".join(f"({line.replace('(', '[').replace(')', ']')}) Tj T*" for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 72 720 Td {shown} ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_pdf_text_is_read():
    data = pdf_with_text(["Jordan M. - SOC Analyst II", "Splunk, incident response, threat intelligence"])
    assert len(PdfReader(io.BytesIO(data)).pages) == 1  # a valid PDF, not one pypdf had to repair
    text = read_cv(data, "cv.PDF")
    assert "SOC Analyst II" in text and "incident response" in text


def test_docx_paragraphs_and_tables_are_read():
    data = docx_bytes(["GRC Analyst, Westholm Bank"], [["Skills", "ISO 27001 audits, SOC 2"]])
    text = read_cv(data, "cv.docx")
    assert "GRC Analyst" in text and "ISO 27001 audits" in text


def test_text_and_markdown_are_read_in_utf8_and_legacy_encodings():
    assert read_cv("# Zoë\nSOC analyst — Splunk".encode("utf-8"), "cv.md").startswith("# Zoë")
    assert "Zoë" in read_cv("Zoë, SOC analyst".encode("cp1252"), "cv.txt")


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_with_text(["SOC analyst"]))))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("data, name, says", [
    (b"", "cv.pdf", "empty"),
    (b"x" * (MAX_CV_BYTES + 1), "cv.txt", "limit"),
    (encrypted_pdf(), "cv.pdf", "password-protected"),
    (scanned_pdf(), "cv.pdf", "no text layer"),
    (b"%PDF-1.4\nthis is not really a pdf", "cv.pdf", "could not be read"),
    (b"PK\x03\x04 broken zip", "cv.docx", "could not be read"),
    (b"\xd0\xcf\x11\xe0 old word", "cv.doc", "save the CV as .docx"),
    (b"\x00\x01\x02binary", "cv.txt", "not plain text"),
    (b"GIF89a", "photo.gif", ".gif files can't be read"),
    (b"   \n\t  ", "cv.txt", "no CV text"),
])
def test_bad_files_get_a_message_saying_what_to_do(data, name, says):
    with pytest.raises(UserError) as error:
        read_cv(data, name)
    assert says in str(error.value)
    assert "paste" in str(error.value) or "upload" in str(error.value)


def test_overlong_pasted_text_is_refused():
    with pytest.raises(UserError, match="limit"):
        clean_cv_text("SOC analyst " * (MAX_CV_CHARS // 10))


@pytest.mark.parametrize("payload, says", [
    ('{"name": "cv.pdf", "size": %d, "data": ""}' % (MAX_CV_BYTES + 1), "limit"),
    ('{"name": "cv.txt", "size": 4, "data": "not base64!"}', "could not be received"),
    ("not json", "could not be received"),
])
def test_a_bad_browser_upload_gets_a_clear_message(payload, says):
    from app.ui.coach import _cv_text

    with pytest.raises(UserError, match=says):
        _cv_text("", payload)
