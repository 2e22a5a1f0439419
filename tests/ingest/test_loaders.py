"""Unit tests per loader: front matter, HTML boilerplate, PDF pages, CSV mapping, JSON arrays, posting validation."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.files import discover_files, read_text
from ingest.loaders import load_file
from ingest.models import Document, LoadResult
from ingest.postings import parse_posting
from ingest.vocabulary import load_vocabulary

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE_CORPUS, BAD_INPUTS = DATA / "corpus", DATA / "bad"

VOCABULARY = load_vocabulary(FIXTURE_CORPUS / "vocabulary.yaml")


def load(path: Path, corpus_dir: Path, max_rows: int = 1000) -> LoadResult:
    """Discover one file the way ingest does and run its loader."""
    files, skipped = discover_files([path], corpus_dir)
    assert not skipped and len(files) == 1, skipped
    return load_file(files[0], VOCABULARY, max_rows)


def load_one(path: Path, corpus_dir: Path) -> Document:
    result = load(path, corpus_dir)
    assert len(result.documents) == 1 and not result.skipped
    return result.documents[0]


def valid_posting(**changes) -> dict:
    record = {"id": "t-1", "title": "AI Security Engineer", "company": "Testco", "description": "Secure the models."}
    return {**record, **changes}


# --- Markdown and text ---------------------------------------------------------------------------------------------

def test_markdown_front_matter_becomes_title_and_metadata(corpus_dir):
    path = corpus_dir / "documents" / "red-team-guide.md"
    doc = load_one(path, corpus_dir)
    assert doc.doc_id == "doc:documents/red-team-guide.md"
    assert doc.source == "documents/red-team-guide.md"
    assert doc.kind == "document"
    assert doc.title == "AI red teaming: a short field guide"
    assert doc.metadata["sources"] == ["Fixture source A (2024)", "Fixture source B (2025)"]
    assert doc.metadata["updated"] == "2025-01-15"
    assert doc.metadata["role_families"] == ["ai-red-team"]
    assert "sources:" not in doc.text and "---" not in doc.text
    raw = read_text(path)
    assert raw[doc.text_offset:] == doc.text  # text_offset points just past the front matter
    assert [heading for _, heading in doc.sections] == ["AI red teaming: a short field guide", "Daily work", "Skills that matter"]
    for offset, heading in doc.sections:
        assert doc.text[offset:].startswith("#") and heading in doc.text[offset:offset + 80]


def test_markdown_without_front_matter_takes_title_from_heading_then_file_name(tmp_path):
    with_heading = tmp_path / "notes-on-llm-risk.md"
    with_heading.write_text("Intro line.\n\n## Threats to RAG\n\nText.\n", encoding="utf-8")
    bare = tmp_path / "notes_on_llm_risk.md"
    bare.write_text("Just a paragraph about model risk.\n", encoding="utf-8")
    assert load_one(with_heading, tmp_path).title == "Threats to RAG"
    assert load_one(bare, tmp_path).title == "Notes on llm risk"
    assert load_one(bare, tmp_path).text_offset == 0


def test_markdown_with_broken_front_matter_is_refused_with_reason(tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: [unclosed\n---\n\nBody text.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="invalid YAML front matter"):
        load(path, tmp_path)


def test_text_file_title_is_its_first_line(corpus_dir):
    doc = load_one(corpus_dir / "documents" / "salary-notes.txt", corpus_dir)
    assert doc.title == "Salary notes for AI security roles"
    assert "150,000 and 220,000 USD" in doc.text
    assert doc.text == read_text(corpus_dir / "documents" / "salary-notes.txt")


def test_read_text_handles_bom_and_utf16(tmp_path):
    utf8_bom = tmp_path / "bom.txt"
    utf8_bom.write_bytes("\ufeffCafé résumé".encode("utf-8"))
    utf16 = tmp_path / "wide.txt"
    utf16.write_bytes("Café résumé".encode("utf-16"))  # with BOM
    assert read_text(utf8_bom) == "Café résumé"
    assert read_text(utf16) == "Café résumé"


# --- HTML ---------------------------------------------------------------------------------------------------------

def test_html_keeps_text_and_headings_and_strips_boilerplate(corpus_dir):
    doc = load_one(corpus_dir / "documents" / "careers-page.html", corpus_dir)
    assert doc.title == "Careers in AI Security"
    assert "indirect prompt injection" in doc.text
    assert "BOILERPLATE" not in doc.text  # script, header, nav, aside, footer markers all gone
    assert "font-family" not in doc.text and "<" not in doc.text
    assert doc.text.startswith("# Careers in AI Security\n")  # the <title> is not repeated as body text
    assert "\n## How to apply\n" in doc.text  # heading marker and heading text on one line
    assert [heading for _, heading in doc.sections] == ["Careers in AI Security", "How to apply"]


def test_html_with_only_boilerplate_is_refused(tmp_path):
    path = tmp_path / "empty-page.html"
    path.write_text("<html><body><nav>Home</nav><script>x()</script><footer>(c)</footer></body></html>", encoding="utf-8")
    with pytest.raises(ValueError, match="no readable text"):
        load(path, tmp_path)


# --- PDF ----------------------------------------------------------------------------------------------------------

def test_pdf_keeps_page_starts_and_metadata_title(corpus_dir):
    doc = load_one(corpus_dir / "documents" / "threat-report.pdf", corpus_dir)
    assert doc.title == "Fixture threat report"
    assert doc.metadata["page_count"] == 2
    assert len(doc.pages) == 2 and doc.pages[0] == 0
    page_one, page_two = doc.text[: doc.pages[1]], doc.text[doc.pages[1]:]
    assert page_one.startswith("Threat report page one.") and "page two" not in page_one
    assert page_two.startswith("Threat report page two.") and "provenance checks" in page_two


def test_pdf_without_text_is_refused_with_hint(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    path = tmp_path / "scanned.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ValueError, match="no extractable text.*OCR"):
        load(path, tmp_path)


def test_truncated_pdf_is_refused_as_corrupt(tmp_path):
    path = tmp_path / "truncated.pdf"
    path.write_bytes((BAD_INPUTS / "truncated.pdf").read_bytes())
    with pytest.raises(ValueError, match="could not read PDF"):
        load(path, tmp_path)


# --- postings files -----------------------------------------------------------------------------------------------

def test_jsonl_postings_become_one_document_each(corpus_dir):
    result = load(corpus_dir / "postings" / "sample-postings.jsonl", corpus_dir)
    assert [d.doc_id for d in result.documents] == [f"posting:fx-00{i}" for i in range(1, 9)]
    doc = result.documents[2]
    assert doc.kind == "posting"
    assert doc.source == "postings/sample-postings.jsonl"
    assert doc.title == "AI Governance Lead — Harbor Mutual"
    assert doc.metadata["posting_id"] == "fx-003"
    assert doc.metadata["salary_min"] == 110000 and doc.metadata["currency"] == "GBP"
    assert doc.metadata["skills"] == ["nist-ai-rmf", "eu-ai-act", "risk-management"]
    assert doc.text.startswith("# AI Governance Lead\n") and "Salary: 110,000–140,000 GBP per year." in doc.text


def test_csv_columns_are_mapped_by_the_mapping_file(corpus_dir):
    result = load(corpus_dir / "postings" / "hr-export.csv", corpus_dir)
    assert not result.skipped
    by_id = {d.metadata["posting_id"]: d for d in result.documents}
    assert set(by_id) == {"hr-101", "hr-102"}
    first = by_id["hr-101"].metadata
    assert first["job_title"] == "Detection Engineer for AI Systems"
    assert first["company"] == "Redwater Energy"
    assert first["location"] == "Houston, TX, USA"
    assert first["seniority"] == "senior" and first["remote"] == "onsite"
    assert first["salary_min"] == 150000 and first["salary_max"] == 180000  # strings in the CSV, ints here
    assert first["skills"] == ["detection-engineering", "siem", "python"]  # "a;b;c" split into a list
    assert first["clouds"] == ["aws"]
    assert first["posted"] == "2025-05-15"


def test_csv_without_mapping_reports_every_row_and_fails(corpus_dir):
    (corpus_dir / "postings" / "hr-export.mapping.yaml").unlink()
    with pytest.raises(ValueError) as info:
        load(corpus_dir / "postings" / "hr-export.csv", corpus_dir)
    message = str(info.value)
    assert "no valid postings (2 rows rejected)" in message
    assert "row 2: missing required field(s): id, title, company, description" in message


def test_csv_row_with_extra_cells_is_rejected_alone(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text(
        "id,title,company,description\n"
        "c-1,Engineer,Acme,Good row\n"
        "c-2,Engineer,Acme,Bad row,extra cell\n", encoding="utf-8")
    result = load(path, tmp_path)
    assert [d.doc_id for d in result.documents] == ["posting:c-1"]
    assert len(result.skipped) == 1
    assert result.skipped[0].row == 3 and "5 cells but the header has 4" in result.skipped[0].reason


def test_json_array_and_postings_object_both_load(corpus_dir, tmp_path):
    result = load(corpus_dir / "postings" / "board-export.json", corpus_dir)
    assert [d.doc_id for d in result.documents] == ["posting:fxj-001", "posting:fxj-002"]
    assert result.documents[0].metadata["clouds"] == ["aws", "azure"]
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"postings": [valid_posting(id="w-1")]}), encoding="utf-8")
    assert [d.doc_id for d in load(wrapped, tmp_path).documents] == ["posting:w-1"]


def test_json_that_is_not_an_array_is_refused(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(valid_posting()), encoding="utf-8")
    with pytest.raises(ValueError, match="must hold an array of postings"):
        load(path, tmp_path)


def test_jsonl_bad_rows_are_skipped_with_their_row_numbers(tmp_path):
    path = tmp_path / "mixed-postings.jsonl"
    path.write_bytes((BAD_INPUTS / "mixed-postings.jsonl").read_bytes())
    result = load(path, tmp_path)
    assert [d.doc_id for d in result.documents] == ["posting:bad-ok-1", "posting:bad-ok-2"]
    reasons = {s.row: s.reason for s in result.skipped}
    assert set(reasons) == {2, 3, 4}
    assert reasons[2].startswith("invalid JSON")
    assert reasons[3] == "seniority 'wizard' is not one of: entry, mid, senior, lead, executive"
    assert reasons[4] == "missing required field(s): title"
    assert all(s.source == "mixed-postings.jsonl" for s in result.skipped)
    assert str(result.skipped[0]).startswith("mixed-postings.jsonl row 2: invalid JSON")


def test_duplicate_posting_ids_in_one_file_keep_the_first(tmp_path):
    path = tmp_path / "dupes.jsonl"
    path.write_text("\n".join(json.dumps(valid_posting(title=t)) for t in ("First", "Second")) + "\n", encoding="utf-8")
    result = load(path, tmp_path)
    assert [d.metadata["job_title"] for d in result.documents] == ["First"]
    assert result.skipped[0].row == 2 and result.skipped[0].reason == "duplicate posting id 't-1'"


def test_too_many_rows_is_refused_with_the_setting_name(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps(valid_posting(id=f"m-{i}")) for i in range(5)) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="more than 3 rows, over AISEC_MAX_POSTING_ROWS=3; split the file or raise the limit"):
        load(path, tmp_path, max_rows=3)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "missing required field(s): title"),
        ({"company": None, "description": ""}, "missing required field(s): company, description"),
        ({"seniority": "wizard"}, "seniority 'wizard' is not one of: entry, mid, senior, lead, executive"),
        ({"remote": "moon"}, "remote 'moon' is not one of: onsite, hybrid, remote"),
        ({"role_family": "astronaut"}, "role_family 'astronaut' is not one of: ai-security-engineer"),
        ({"salary_min": 200000, "salary_max": 100000}, "salary_min 200000 is greater than salary_max 100000"),
        ({"salary_min": "lots"}, "salary_min must be a whole number, got 'lots'"),
        ({"posted": "last week"}, "posted 'last week' is not an ISO date (YYYY-MM-DD)"),
        ({"clouds": ["aws", "oracle"]}, "cloud 'oracle' is not one of: aws, azure, gcp"),
    ],
)
def test_posting_validation_names_the_problem(changes, message):
    with pytest.raises(ValueError) as info:
        parse_posting(valid_posting(**changes), VOCABULARY)
    assert str(info.value).startswith(message)


def test_posting_that_is_not_an_object_is_refused():
    with pytest.raises(ValueError, match="expected an object with posting fields, got list"):
        parse_posting(["t-1", "title"], VOCABULARY)


def test_posting_synonyms_are_canonicalised():
    posting = parse_posting(valid_posting(
        seniority="Sr", remote="WFH", role_family="AppSec", clouds="Amazon Web Services; google cloud",
        skills=["Threat Modelling", "k8s", "Quantum Basket Weaving"], salary_min="120,000", salary_max=150000.0,
        posted="2025-02-03T10:00:00Z", sample="yes",
    ), VOCABULARY)
    assert posting.seniority == "senior"
    assert posting.remote == "remote"
    assert posting.role_family == "product-security"
    assert posting.clouds == ("aws", "gcp")
    assert posting.skills == ("threat-modeling", "kubernetes", "quantum-basket-weaving")  # unknown skills are slugged
    assert (posting.salary_min, posting.salary_max) == (120000, 150000)
    assert posting.posted == "2025-02-03"
    assert posting.sample is True and posting.status == "open"


# --- discovery ----------------------------------------------------------------------------------------------------

def test_discovery_skips_config_and_hidden_files_and_reports_unsupported(corpus_dir):
    (corpus_dir / "documents" / "slides.pptx").write_bytes(b"PK\x03\x04")
    (corpus_dir / ".cache").mkdir()
    (corpus_dir / ".cache" / "hidden.md").write_text("# hidden\n", encoding="utf-8")
    files, skipped = discover_files([corpus_dir], corpus_dir)
    sources = sorted(f.source for f in files)
    assert sources == [
        "documents/careers-page.html", "documents/governance-basics.md", "documents/mlsecops-overview.md",
        "documents/red-team-guide.md", "documents/salary-notes.txt", "documents/threat-report.pdf",
        "postings/board-export.json", "postings/hr-export.csv", "postings/sample-postings.jsonl",
    ]
    assert [str(s) for s in skipped] == ["documents/slides.pptx: unsupported file type '.pptx'"]


def test_markdown_sources_as_objects_and_the_review_date_become_metadata(tmp_path):
    path = tmp_path / "documents" / "reviewed.md"
    path.parent.mkdir()
    path.write_text('---\ntitle: "Reviewed"\nreviewed: 2026-12-06\nsources:\n'
                    '  - title: "Regulation (EU) 2024/1689"\n    url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj\n    checked: 2026-12-06\n'
                    '  - "An older plain-text source"\n---\n## Body\n\nText.\n', encoding="utf-8")
    doc = load_one(path, tmp_path)
    assert doc.metadata["sources"] == ["Regulation (EU) 2024/1689", "An older plain-text source"]
    assert doc.metadata["source_urls"] == ["https://eur-lex.europa.eu/eli/reg/2024/1689/oj"]
    assert doc.metadata["reviewed"] == "2026-12-06"
