"""Regenerate the fixture PDFs (run once; the outputs are committed): a 2-page text PDF and a truncated copy."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, TextStringObject

HERE = Path(__file__).parent
PAGES = [
    ["Threat report page one.", "Attackers hid prompt injection payloads in shared PDF files.",
     "Retrieval pipelines copied them into the model context."],
    ["Threat report page two.", "Defenders added provenance checks and output filtering.",
     "Red team retests found the attack rate fell below one percent."],
]


def _content(lines: list[str]) -> bytes:
    ops = ["BT", "/F1 12 Tf", "16 TL", "72 720 Td"]
    for line in lines:
        ops.append("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def make_text_pdf(path: Path) -> None:
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }))
    for lines in PAGES:
        page = writer.add_blank_page(width=612, height=792)
        stream = DecodedStreamObject()
        stream.set_data(_content(lines))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
    writer.add_metadata({"/Title": TextStringObject("Fixture threat report")})
    with path.open("wb") as handle:
        writer.write(handle)


if __name__ == "__main__":
    good = HERE / "corpus" / "documents" / "threat-report.pdf"
    make_text_pdf(good)
    data = good.read_bytes()
    (HERE / "bad" / "truncated.pdf").write_bytes(data[: len(data) // 3])
    print(f"wrote {good} ({len(data)} bytes) and bad/truncated.pdf")
