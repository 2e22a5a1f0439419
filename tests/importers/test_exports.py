"""CSV and JSON exports with a field-mapping file become valid postings; bad rows are reported by number."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ingest.importers.exports import import_export, load_mapping
from ingest.postings import parse_posting

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "job_boards" / "exports"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_csv_with_column_mapping(vocabulary, tmp_path):
    result = import_export(EXPORTS / "spreadsheet.csv", EXPORTS / "spreadsheet.mapping.yaml", vocabulary, tmp_path)
    assert (result.rows, result.kept) == (5, 3)
    assert result.invalid == ["spreadsheet.csv row 5: missing required field(s): description",
                              "spreadsheet.csv row 6: remote 'Flexible' is not one of: onsite, hybrid, remote"]
    records = rows(tmp_path / "spreadsheet.jsonl")
    assert result.written.path == tmp_path / "spreadsheet.jsonl"
    for record in records:
        assert parse_posting(record, vocabulary) and record["sample"] is False and record["employment_type"] == "full-time"
    engineer, analyst, governance = records
    assert engineer["id"] == "harborlight-101" and engineer["url"] == "https://careers.harborlight.example/jobs/101"
    assert (engineer["seniority"], engineer["role_family"], engineer["remote"]) == ("senior", "ai-security-engineer", "hybrid")
    assert (engineer["salary_min"], engineer["salary_max"], engineer["currency"], engineer["posted"]) == (165000, 195000, "USD", "2025-04-03")
    assert {"threat-modeling", "prompt-injection", "secure-code-review", "python", "kubernetes"} <= set(engineer["skills"])
    assert engineer["clouds"] == ["aws"] and engineer["certifications"] == ["CISSP"]
    assert (analyst["seniority"], analyst["role_family"], analyst["remote"], analyst["salary_min"]) == ("entry", "security-analyst", "remote", 140000)
    assert governance["description"] == "Own our **NIST AI RMF** & ISO 42001 programme.\n\n- Risk management\n- Policy writing"
    assert governance["salary_min"] is None and governance["role_family"] == "ai-governance"


def test_json_export_with_field_mapping_and_nested_paths(vocabulary, tmp_path):
    result = import_export(EXPORTS / "ats_export.json", EXPORTS / "ats_export.mapping.yaml", vocabulary, tmp_path)
    assert (result.rows, result.kept) == (3, 2)
    assert result.invalid == ["ats_export.json row 3: missing required field(s): title"]
    mlsecops, red_team = rows(tmp_path / "ats_export.jsonl")
    assert mlsecops["id"] == "cobaltreach-R-2201" and mlsecops["company"] == "Cobaltreach"
    assert (mlsecops["salary_min"], mlsecops["salary_max"], mlsecops["currency"]) == (210000, 250000, "USD")
    assert mlsecops["skills"] == ["python", "kubernetes", "threat-modeling"]  # their tags, in our vocabulary
    assert mlsecops["clouds"] == ["gcp"] and mlsecops["posted"] == "2025-04-02"
    assert (mlsecops["remote"], mlsecops["seniority"], mlsecops["role_family"]) == ("hybrid", "lead", "mlsecops")
    assert mlsecops["description"].startswith("## About us\n\nCobaltreach builds fraud models for banks.")
    assert "<" not in mlsecops["description"] and "&amp;" not in mlsecops["description"]
    assert red_team["remote"] == "remote" and red_team["role_family"] == "ai-red-team" and red_team["salary_min"] is None
    assert {"prompt-injection", "adversarial-ml"} <= set(red_team["skills"])  # no tags: recognised from the text


def test_reimport_replaces_in_place_and_closes_rows_no_longer_exported(vocabulary, tmp_path):
    export = tmp_path / "spreadsheet.csv"
    shutil.copy(EXPORTS / "spreadsheet.csv", export)
    import_export(export, EXPORTS / "spreadsheet.mapping.yaml", vocabulary, tmp_path / "out")
    lines = export.read_text(encoding="utf-8").splitlines()
    export.write_text("\n".join([lines[0], lines[1].replace("AI Security Engineer", "Lead AI Security Engineer"), lines[3]]) + "\n", encoding="utf-8")
    result = import_export(export, EXPORTS / "spreadsheet.mapping.yaml", vocabulary, tmp_path / "out")
    assert (result.written.updated, result.written.unchanged, result.written.closed) == (1, 1, 1)
    records = rows(tmp_path / "out" / "spreadsheet.jsonl")
    assert [(r["id"], r["status"]) for r in records] == [("harborlight-101", "open"), ("harborlight-102", "closed"), ("harborlight-103", "open")]
    assert records[0]["title"] == "Lead AI Security Engineer" and records[0]["seniority"] == "senior"  # their Level column wins


def test_ids_are_derived_when_the_export_has_none(vocabulary, tmp_path):
    export, mapping = tmp_path / "sheet.csv", tmp_path / "sheet.mapping.yaml"
    export.write_text("Role,Company,Text\nAppSec Engineer,Acme,Review code.\nAppSec Engineer,Acme,Review code.\n", encoding="utf-8")
    mapping.write_text("columns: {title: Role, company: Company, description: Text}\n", encoding="utf-8")
    result = import_export(export, mapping, vocabulary, tmp_path)
    assert result.kept == 1 and result.invalid[0].startswith("sheet.csv row 3: duplicate posting id 'sheet-")
    again = import_export(export, mapping, vocabulary, tmp_path)
    assert again.written.unchanged == 1  # stable across imports


@pytest.mark.parametrize("mapping_text, message", [
    ("columns: {titel: Job Title}\n", r"unknown field\(s\) titel; ours are: id, title"),
    ("- title\n", r"needs `columns:`"),
    ("columns: {title: Position}\n", r"mapped column\(s\) not in the CSV header: 'Position' \(for title\)"),
])
def test_mapping_problems_are_explained(vocabulary, tmp_path, mapping_text, message):
    mapping = tmp_path / "m.yaml"
    mapping.write_text(mapping_text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        import_export(EXPORTS / "spreadsheet.csv", mapping, vocabulary, tmp_path)


def test_json_without_a_list_asks_for_records(vocabulary, tmp_path):
    export, mapping = tmp_path / "x.json", tmp_path / "m.yaml"
    export.write_text('{"meta": {"count": 0}}', encoding="utf-8")
    mapping.write_text("columns: {title: name}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="set `records:`"):
        import_export(export, mapping, vocabulary, tmp_path)


def test_mapping_file_accepts_columns_or_fields():
    assert load_mapping(EXPORTS / "spreadsheet.mapping.yaml").fields["title"] == "Job Title"
    assert load_mapping(EXPORTS / "ats_export.mapping.yaml").records == "export.requisitions"
