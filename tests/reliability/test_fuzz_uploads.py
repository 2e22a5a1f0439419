"""Property-based fuzzing of the UI's upload path: hostile names and contents through UploadLibrary.add, real ingest.

Every upload ends ingested or refused with a reason; nothing is written outside the user's folder (besides the index);
a refused file never changes what was there. Examples per property: FUZZ_EXAMPLES (default 25) times FUZZ_SCALE.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_inputs import (ALPHABET, EXAMPLES, csv_files, encoded, front_matter_markdown, fuzz, html_documents,
                              jsonl_files, pdf_bytes)

from reliability_figures import count_case, record

DATA = Path(__file__).resolve().parents[1] / "data"
INDEX_DIRS = {"chroma", "snapshots", "ingest.lock"}
SUFFIXES = [".md", ".txt", ".html", ".htm", ".pdf", ".jsonl", ".json", ".csv", ".exe", "", ".MD", ".tar.gz"]

path_like = st.builds(lambda parts, sep, suffix: sep.join(parts) + suffix,
                      st.lists(st.sampled_from(["..", ".", "", "etc", "~", "C:", "x", "\x00", " ", "uploads", "user-default"]),
                               min_size=1, max_size=5),
                      st.sampled_from(["/", "\\", "/./", "//"]), st.sampled_from(SUFFIXES))
names = st.one_of(path_like, st.builds(lambda stem, suffix: stem + suffix, st.text(alphabet=ALPHABET, max_size=60),
                                       st.sampled_from(SUFFIXES)), st.text(max_size=300))
plain_stems = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 _-]{0,24}", fullmatch=True)
typed_uploads = st.one_of(  # (name, bytes) whose type matches the name, so the content reaches the loaders and the ingest
    st.tuples(st.builds(lambda s, x: s + x, plain_stems, st.sampled_from([".md", ".txt", ".html"])), encoded()),
    st.tuples(plain_stems.map(lambda s: s + ".html"), html_documents.map(str.encode)),
    st.tuples(plain_stems.map(lambda s: s + ".csv"), csv_files().map(str.encode)),
    st.tuples(plain_stems.map(lambda s: s + ".jsonl"), jsonl_files().map(str.encode)),
    st.tuples(plain_stems.map(lambda s: s + ".md"), front_matter_markdown.map(str.encode)),
    st.tuples(plain_stems.map(lambda s: s + ".pdf"), pdf_bytes),
)
contents = st.one_of(
    st.binary(max_size=3000), encoded(), html_documents.map(str.encode), csv_files().map(str.encode),
    jsonl_files().map(str.encode), front_matter_markdown.map(str.encode), pdf_bytes,
    st.builds(lambda rows: "\n".join(json.dumps(r) for r in rows).encode(),  # postings, some over the row limit
              st.lists(st.fixed_dictionaries({"id": st.text(ALPHABET, min_size=1, max_size=8), "title": st.just("AI Security Engineer"),
                                              "company": st.just("Acme"), "description": st.just("Secure the models.")}),
                       max_size=6)))


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder):
    """An UploadLibrary over an index that holds one good upload (the anchor every refusal must leave alone)."""
    from app.settings import Settings
    from app.ui.uploads import UploadLibrary

    root = tmp_path_factory.mktemp("fuzz-uploads")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(DATA / "ui_corpus" / "vocabulary.yaml", corpus / "vocabulary.yaml")
    settings = Settings(data_dir=root / "data", corpus_dir=corpus, max_posting_rows=4, max_file_mb=0.5)
    library = UploadLibrary(settings, lambda: embedder)
    [anchor] = library.add(None, [("quillfeather-exam.md", DATA / "uploads" / "quillfeather-exam.md")])
    assert anchor.status == "ingested"
    return library


def _outside(library) -> dict[str, bytes]:
    data_dir, folder = library.settings.data_dir, library.folder(None)
    return {str(p): p.read_bytes() for p in data_dir.rglob("*") if p.is_file() and not p.is_relative_to(folder)
            and p.relative_to(data_dir).parts[0] not in INDEX_DIRS}


def _anchor_chunks(library) -> int:
    from ingest.snapshot import load_snapshot

    return sum(m.get("source") == "user-default/quillfeather-exam.md" for m in load_snapshot(library.settings.data_dir).metadatas)


def test_any_upload_is_ingested_or_refused_with_a_reason_and_stays_in_its_folder(library, tmp_path_factory):
    scratch = tmp_path_factory.mktemp("fuzz-upload-sources")
    folder = library.folder(None)
    anchor_bytes, anchor_chunks = (folder / "quillfeather-exam.md").read_bytes(), _anchor_chunks(library)
    outcomes_seen: dict[str, int] = {}

    @fuzz(EXAMPLES * 2)
    @given(st.one_of(typed_uploads, st.tuples(names, contents)), st.booleans())
    def check(upload, replace_anchor):
        name, data = upload
        count_case("uploads: UploadLibrary.add")
        if replace_anchor:  # a broken new version of the good file: refused, the good one stays
            name, data = "quillfeather-exam.md", b"\x00" + data
        source = scratch / "upload"
        source.write_bytes(data)
        before = _outside(library)
        outcomes = library.add(None, [(name, source)])
        assert len(outcomes) == 1
        [outcome] = outcomes
        outcomes_seen[outcome.status] = outcomes_seen.get(outcome.status, 0) + 1
        assert outcome.status in ("ingested", "refused")
        assert outcome.status == "ingested" or len(outcome.reason.strip()) >= 5, outcome
        assert _outside(library) == before  # nothing written outside the user's folder
        files = {p.name for p in folder.iterdir()}
        assert files <= {".status.json", "quillfeather-exam.md", outcome.name}
        assert all((folder / n).resolve().parent == folder.resolve() for n in files)
        if outcome.name != "quillfeather-exam.md":
            assert (folder / "quillfeather-exam.md").read_bytes() == anchor_bytes and _anchor_chunks(library) == anchor_chunks
            if outcome.status == "ingested":
                assert outcome.chunks >= 1
                library.remove(None, outcome.name)
                assert not (folder / outcome.name).exists()
        else:
            assert outcome.status == "ingested" and outcome.reason.startswith("a new version was refused"), outcome
            assert (folder / "quillfeather-exam.md").read_bytes() == anchor_bytes and _anchor_chunks(library) == anchor_chunks

    check()
    record("uploads: outcomes of the fuzzed uploads", outcomes_seen)


def test_checked_name_keeps_every_accepted_name_inside_the_folder(tmp_path):
    from app.ui.uploads import UPLOAD_SUFFIXES, checked_name

    @fuzz(EXAMPLES * 8)
    @given(names)
    def check(name):
        count_case("uploads: checked_name")
        try:
            clean = checked_name(name)
        except ValueError as exc:
            assert len(str(exc)) >= 10
            return
        assert (tmp_path / clean).resolve().parent == tmp_path.resolve() and not clean.startswith(".")
        assert Path(clean).suffix.lower() in UPLOAD_SUFFIXES and clean.isprintable()

    check()
