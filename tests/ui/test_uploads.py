"""Adding and removing the user's own documents through the real ingest: statuses, limits, refusals, isolation."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.errors import UserError
from app.ui.uploads import UploadLibrary, checked_name, user_folder_name

UPLOADS = Path(__file__).resolve().parents[1] / "data" / "uploads"
FACT_QUESTION = "How much does the Quillfeather certification exam cost?"


@pytest.fixture
def library_settings(tmp_path, ui_settings):
    """A private copy of the indexed UI corpus, so uploads here never change the shared UI index."""
    root = tmp_path / "copy"
    shutil.copytree(ui_settings.data_dir, root / "data", ignore=shutil.ignore_patterns("ingest.lock"))
    return ui_settings.model_copy(update={"data_dir": root / "data"})


@pytest.fixture
def library(library_settings, embedder):
    return UploadLibrary(library_settings, lambda: embedder)


def _files(*names: str) -> list[tuple[str, Path]]:
    return [(name, UPLOADS / name) for name in names]


def _everything(root: Path, skip: Path) -> dict[str, bytes]:
    """Every file under root except the index itself and the user's folder."""
    index = {"chroma", "snapshots"}
    return {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()
            and not p.is_relative_to(skip) and p.relative_to(root).parts[0] not in index and p.name != "ingest.lock"}


def test_add_ask_remove(library, library_settings, embedder):
    from app import Assistant

    assistant = Assistant(library_settings, embedder=embedder)
    assert "417" not in assistant.ask(FACT_QUESTION).text
    seen = []
    outcomes = {d.name: d for d in library.add(None, _files("quillfeather-exam.md", "team-postings.jsonl", "broken.pdf"),
                                               lambda fraction, text: seen.append((fraction, text)))}
    assert outcomes["quillfeather-exam.md"].status == "ingested" and outcomes["quillfeather-exam.md"].chunks >= 1
    assert outcomes["team-postings.jsonl"].status == "ingested"
    assert outcomes["broken.pdf"].status == "refused" and outcomes["broken.pdf"].reason
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(0.2 < f < 1 and text.startswith("indexing: ") for f, text in seen)
    assert [d.name for d in library.documents(None)].count("broken.pdf") == 1
    answer = assistant.ask(FACT_QUESTION)  # no restart: the Assistant picks up the new snapshot
    assert "417" in answer.text and any(c.source == "user-default/quillfeather-exam.md" for c in answer.citations)

    library.remove(None, "quillfeather-exam.md")
    assert not (library.folder(None) / "quillfeather-exam.md").exists()
    assert "417" not in assistant.ask(FACT_QUESTION).text
    assert not any(m.get("source") == "user-default/quillfeather-exam.md" for m in assistant.retriever().snapshot.metadatas)
    assert {d.name for d in library.documents(None)} == {"team-postings.jsonl", "broken.pdf"}
    with pytest.raises(UserError, match="no document named"):
        library.remove(None, "quillfeather-exam.md")


def test_bad_files_are_refused_with_reasons_and_keep_what_was_there(library, library_settings, tmp_path):
    library.add("ana", _files("quillfeather-exam.md"))
    folder = library.folder("ana")
    good = (folder / "quillfeather-exam.md").read_bytes()
    before = _everything(library_settings.data_dir, folder)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.md").write_bytes(b"")
    (bad / "tool.exe").write_bytes(b"MZ")
    (bad / "rows.jsonl").write_text((UPLOADS / "team-postings.jsonl").read_text() * 3)
    (bad / "quillfeather-exam.md").write_bytes(b"\xff\xfe\x00\xd8 broken utf-16 \x00\x00")
    library.settings = library_settings.model_copy(update={"max_posting_rows": 2})
    outcomes = {d.name: d for d in library.add("ana", [
        ("empty.md", bad / "empty.md"), ("tool.exe", bad / "tool.exe"), ("../../x.md", UPLOADS / "quillfeather-exam.md"),
        ("rows.jsonl", bad / "rows.jsonl"), ("quillfeather-exam.md", bad / "quillfeather-exam.md")])}
    assert "empty" in outcomes["empty.md"].reason
    assert "unsupported file type '.exe'" in outcomes["tool.exe"].reason
    assert "path" in outcomes["../../x.md"].reason
    assert "AISEC_MAX_POSTING_ROWS" in outcomes["rows.jsonl"].reason or "rows" in outcomes["rows.jsonl"].reason
    kept = outcomes["quillfeather-exam.md"]
    assert kept.status == "ingested" and "a new version was refused" in kept.reason
    assert (folder / "quillfeather-exam.md").read_bytes() == good
    assert _everything(library_settings.data_dir, folder) == before  # nothing written outside the user's folder
    assert sorted(p.name for p in folder.iterdir()) == [".status.json", "quillfeather-exam.md"]


def test_size_limit(library, library_settings):
    library.settings = library_settings.model_copy(update={"max_file_mb": 0.0001})
    [outcome] = library.add(None, _files("quillfeather-exam.md"))
    assert outcome.status == "refused" and "AISEC_MAX_FILE_MB" in outcome.reason


@pytest.mark.parametrize("name", ["../../x.md", "/etc/passwd.md", "a\\b.md", ".hidden.md", "x.md\x00.txt", "", "notes", "x" * 200 + ".md"])
def test_checked_name_refuses(name):
    with pytest.raises(ValueError):
        checked_name(name)


def test_user_folders_are_plain_names():
    assert user_folder_name(None) == "user-default"
    assert "/" not in user_folder_name("../../root") and user_folder_name("../../root").startswith("user-root-")
    assert user_folder_name("Ana") != user_folder_name("ana")


def test_removing_a_file_deleted_by_hand_still_takes_its_passages_out(library, library_settings):
    from ingest.snapshot import load_snapshot

    library.add(None, _files("quillfeather-exam.md"))
    (library.folder(None) / "quillfeather-exam.md").unlink()
    library.remove(None, "quillfeather-exam.md")
    sources = {m.get("source") for m in load_snapshot(library_settings.data_dir).metadatas}
    assert "user-default/quillfeather-exam.md" not in sources and library.documents(None) == []


def test_a_rebuilt_index_shows_the_upload_as_missing(library, library_settings, embedder):
    from ingest.sync import run_ingest

    library.add(None, _files("quillfeather-exam.md"))
    run_ingest(library_settings, [library_settings.corpus_dir], rebuild=True, embedder=embedder, show_progress=False)
    [entry] = library.documents(None)
    assert entry.status == "missing" and entry.chunks == 0 and "add the file again" in entry.reason
    [again] = library.add(None, _files("quillfeather-exam.md"))
    assert again.status == "ingested" and library.documents(None)[0].status == "ingested"
