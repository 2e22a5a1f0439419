"""Bad files and rows are skipped with one clear line each; good files still go in; exit codes follow the rules."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from app.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
BAD_INPUTS = DATA / "bad"

BAD_FILE_REASONS = {
    "incoming/empty.md": "empty file",
    "incoming/binary.txt": "binary content, not text",
    "incoming/latin1.md": "not valid UTF-8 text (byte 15); save the file as UTF-8 and re-run",
    "incoming/truncated.pdf": "could not read PDF (corrupt or truncated?)",
    "incoming/huge.md": "file is 1.5 MB, over AISEC_MAX_FILE_MB=1; raise the limit or split the file",
    "incoming/slides.pptx": "unsupported file type '.pptx'",
}
BAD_ROW_REASONS = {
    2: "invalid JSON (",
    3: "seniority 'wizard' is not one of: entry, mid, senior, lead, executive",
    4: "missing required field(s): title",
}
GOOD_FILES = 9  # the fixture corpus


def add_bad_inputs(corpus_dir: Path, folder: str = "incoming") -> Path:
    """Copy tests/data/bad into the corpus and add the files that are made at run time."""
    target = corpus_dir / folder
    shutil.copytree(BAD_INPUTS, target)
    line = "Oversized file: this paragraph repeats until the file is over the size limit.\n"
    (target / "huge.md").write_text(line * (int(1.5 * 1024 * 1024) // len(line) + 1), encoding="utf-8")
    (target / "slides.pptx").write_bytes(b"PK\x03\x04 not a presentation")
    return target


def reasons_by_place(skipped) -> dict[tuple[str, int | None], list[str]]:
    found: dict[tuple[str, int | None], list[str]] = {}
    for item in skipped:
        found.setdefault((item.source, item.row), []).append(item.reason)
    return found


def test_each_bad_input_is_skipped_once_with_its_reason_and_good_files_go_in(settings_factory, corpus_dir, ingest, read_index):
    add_bad_inputs(corpus_dir)
    settings = settings_factory(max_file_mb=1)
    report = ingest(settings)

    places = reasons_by_place(report.skipped)
    expected = {(source, None) for source in BAD_FILE_REASONS} | {("incoming/mixed-postings.jsonl", row) for row in BAD_ROW_REASONS}
    assert set(places) == expected
    for (source, row), reasons in places.items():
        assert len(reasons) == 1, f"{source} row {row}: {reasons}"
        wanted = BAD_FILE_REASONS[source] if row is None else BAD_ROW_REASONS[row]
        assert reasons[0].startswith(wanted), (source, row, reasons[0])
    lines = [str(s) for s in report.skipped]
    assert "incoming/mixed-postings.jsonl row 4: missing required field(s): title" in lines
    assert "incoming/empty.md: empty file" in lines

    assert report.failed == 5  # empty, binary, latin-1, truncated PDF, oversized (the .pptx is not a candidate)
    assert report.added == GOOD_FILES + 1  # every good file plus the mixed postings file's valid rows
    state = read_index(settings)
    assert {"posting:bad-ok-1", "posting:bad-ok-2"} <= state.doc_ids()
    assert not {"posting:bad-json", "posting:bad-seniority", "posting:bad-no-title"} & state.doc_ids()
    assert not {m["source"] for m in state.metadatas.values()} & set(BAD_FILE_REASONS)
    assert len({m["source"] for m in state.metadatas.values()}) == GOOD_FILES + 1

    # Fixing the inputs gets them in on the next run, without re-embedding anything else.
    (corpus_dir / "incoming" / "empty.md").write_text("# Now with text\n\nA short note about AI incident response.\n",
                                                      encoding="utf-8")
    (corpus_dir / "incoming" / "latin1.md").write_bytes((corpus_dir / "incoming" / "latin1.md").read_bytes().decode("latin-1").encode())
    fixed = ingest(settings)
    assert fixed.added == 2 and fixed.unchanged == GOOD_FILES + 1
    assert {"doc:incoming/empty.md", "doc:incoming/latin1.md"} <= read_index(settings).doc_ids()
    assert "incoming/empty.md" not in {s.source for s in fixed.skipped}


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings_factory, corpus_dir, ingest):
    big = corpus_dir / "documents" / "big.md"
    big.write_text("# Big\n\n" + "word " * 70_000, encoding="utf-8")  # ~0.33 MB
    report = ingest(settings_factory(max_file_mb=0.25), [big])
    assert [str(s) for s in report.skipped] == [
        "documents/big.md: file is 0.3 MB, over AISEC_MAX_FILE_MB=0.25; raise the limit or split the file"
    ]
    assert (report.failed, report.added, report.chunks_written) == (1, 0, 0)


def test_cli_exit_codes(tmp_path, corpus_dir, monkeypatch, capsys, reuse_loaded_model):
    monkeypatch.setenv("AISEC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(corpus_dir))
    monkeypatch.setenv("AISEC_MAX_FILE_MB", "1")

    assert main(["ingest", "--quiet"]) == 0
    out = capsys.readouterr()
    assert f"files: {GOOD_FILES} added, 0 updated, 0 unchanged" in out.out and "skipped" not in out.err
    assert main(["ingest", "--quiet", "--strict"]) == 0  # nothing skipped: strict changes nothing
    assert f"0 added, 0 updated, {GOOD_FILES} unchanged" in capsys.readouterr().out

    add_bad_inputs(corpus_dir)
    assert main(["ingest", "--quiet"]) == 0  # skipped files do not fail a normal run
    err = capsys.readouterr().err.splitlines()
    assert "skipped incoming/empty.md: empty file" in err
    assert "skipped incoming/mixed-postings.jsonl row 3: seniority 'wizard' is not one of: entry, mid, senior, lead, executive" in err
    assert "skipped incoming/huge.md: file is 1.5 MB, over AISEC_MAX_FILE_MB=1; raise the limit or split the file" in err
    assert len(err) == len(BAD_FILE_REASONS) + len(BAD_ROW_REASONS)  # one line per problem, nothing else

    assert main(["ingest", "--quiet", "--strict"]) == 1  # the bad files are still there
    capsys.readouterr()

    assert main(["ingest", "--quiet", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["unchanged"] == GOOD_FILES + 1 and summary["failed"] == 5
    assert "incoming/truncated.pdf: could not read PDF (corrupt or truncated?): " in " ".join(summary["skipped"])


def test_cli_exits_1_when_nothing_could_be_ingested(tmp_path, monkeypatch, capsys):
    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    shutil.copy(BAD_INPUTS.parent / "corpus" / "vocabulary.yaml", only_bad / "vocabulary.yaml")
    for name in ("empty.md", "binary.txt", "latin1.md", "truncated.pdf"):
        shutil.copy(BAD_INPUTS / name, only_bad / name)
    jsonl = only_bad / "all-bad.jsonl"
    jsonl.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    monkeypatch.setenv("AISEC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(only_bad))

    assert main(["ingest", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "error: nothing could be ingested" in err
    assert "skipped all-bad.jsonl: no valid postings (2 rows rejected); first problem: all-bad.jsonl row 1: " \
           "missing required field(s): title, company, description" in err
    assert err.count("skipped ") == 5


def test_cli_reports_a_missing_vocabulary_as_a_user_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AISEC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(tmp_path / "nowhere"))
    assert main(["ingest", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: vocabulary file ") and "set AISEC_CORPUS_DIR to the corpus folder" in err
