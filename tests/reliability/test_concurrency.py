"""Questions asked while an ingest rewrites documents are answered from one consistent index (the old or the new
version of each document, never a mix); a second ingest at the same time fails fast with a clear message."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.settings import Settings
from reliability_figures import record

ROOT = Path(__file__).resolve().parents[2]
AISEC = str(Path(sys.executable).with_name("aisec"))
VOCABULARY = ROOT / "tests" / "data" / "corpus" / "vocabulary.yaml"
TOPICS = ["model registry signing", "prompt injection testing", "AI governance policy", "red team exercises",
          "training data poisoning", "inference gateway logging", "secrets in notebooks", "model supply chain scans"]
QUESTIONS = [f"What does the {edition} handbook say about {topic}?" for topic in TOPICS for edition in ("spring", "autumn")]


def handbook(topic: str, edition: str, paragraphs: int) -> str:
    """One document per topic; every sentence names its edition, so a passage's version is visible in its text."""
    body = "\n\n".join(
        f"In the {edition} edition, step {i} of {topic} is owned by the {edition} rota. "
        f"The {edition} handbook asks teams to review {topic} every {i + 2} weeks and to log each review."
        for i in range(1, paragraphs + 1))
    return f"# {topic.capitalize()} ({edition} handbook)\n\n{body}\n"


def write_edition(corpus: Path, edition: str) -> None:
    paragraphs = 3 if edition == "spring" else 6  # the new version has a different number of chunks
    for number, topic in enumerate(TOPICS):
        (corpus / "documents" / f"handbook-{number}.md").write_text(handbook(topic, edition, paragraphs), encoding="utf-8")


def make_corpus(root: Path) -> Path:
    corpus = root / "handbooks"
    (corpus / "documents").mkdir(parents=True)
    shutil.copy(VOCABULARY, corpus / "vocabulary.yaml")
    write_edition(corpus, "spring")
    return corpus


def environment(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AISEC_")}
    env.update(AISEC_DATA_DIR=str(settings.data_dir), AISEC_CORPUS_DIR=str(settings.corpus_dir),
               AISEC_CHUNK_SIZE=str(settings.chunk_size), AISEC_CHUNK_OVERLAP=str(settings.chunk_overlap), HF_HUB_OFFLINE="1")
    return env


def chunk_texts(settings: Settings) -> dict[str, dict[str, set[str]]]:
    """doc_id -> version -> texts of its chunks, from the published snapshot."""
    from ingest.snapshot import load_snapshot

    snapshot = load_snapshot(settings.data_dir)
    texts: dict[str, dict[str, set[str]]] = {}
    for text, meta in zip(snapshot.texts, snapshot.metadatas):
        texts.setdefault(meta["doc_id"], {}).setdefault(meta["version"], set()).add(text)
    return texts


class Reader(threading.Thread):
    """Asks questions in a loop and records, per answer, which versions each cited document could come from."""

    def __init__(self, bot, embedder):
        super().__init__(daemon=True)
        self.bot, self.embedder = bot, embedder
        self.stop = threading.Event()
        self.answers: list[tuple[float, list[tuple[str, str]]]] = []  # (time, [(doc_id, passage text)])
        self.passage_sets: list[list[tuple[str, str, str]]] = []  # retriever output: (doc_id, version, text)
        self.errors: list[str] = []

    def run(self) -> None:
        from app.filters import Filters

        i = 0
        while not self.stop.is_set():
            question = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            try:
                answer = self.bot.ask(question)
                cited = [(c.doc_id, c.text) for c in answer.citations + answer.related]
                self.answers.append((time.monotonic(), cited))
                retriever = self.bot.retriever()
                passages = retriever.retrieve(question, self.embedder.embed_query(question), Filters())
                self.passage_sets.append([(p.metadata["doc_id"], p.metadata["version"], p.text) for p in passages])
            except Exception as exc:  # noqa: BLE001 - any failure while an ingest runs is a finding
                self.errors.append(f"{question}: {type(exc).__name__}: {exc}")


def mixed_versions(reader: Reader, before, after) -> list[str]:
    """Answers or passage sets that hold two versions of one document, or text from neither version."""
    problems = []
    for _, cited in reader.answers:
        possible: dict[str, set[str]] = {}
        for doc_id, text in cited:
            versions = {v for table in (before, after) for v, texts in table.get(doc_id, {}).items() if text in texts}
            if not versions:
                problems.append(f"{doc_id}: cited text from neither version: {text[:80]!r}")
            possible[doc_id] = possible.get(doc_id, versions) & versions
        problems += [f"{doc_id}: one answer cites two versions" for doc_id, versions in possible.items() if not versions]
    for passages in reader.passage_sets:
        seen: dict[str, set[str]] = {}
        for doc_id, version, text in passages:
            seen.setdefault(doc_id, set()).add(version)
            if text not in before.get(doc_id, {}).get(version, set()) | after.get(doc_id, {}).get(version, set()):
                problems.append(f"{doc_id}: passage text does not belong to its version {version[:12]}")
        problems += [f"{doc_id}: one retrieval mixes versions" for doc_id, versions in seen.items() if len(versions) > 1]
    return problems


def run_concurrently(tmp_path, embedder, ingest_in_subprocess: bool) -> dict:
    from app import Assistant
    from ingest.sync import run_ingest

    corpus = make_corpus(tmp_path)
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, chunk_size=64, chunk_overlap=8)
    run_ingest(settings, embedder=embedder, show_progress=False)
    before = chunk_texts(settings)
    bot = Assistant(settings, embedder=embedder)
    reader = Reader(bot, embedder)
    reader.start()
    time.sleep(1.0)
    write_edition(corpus, "autumn")
    started = time.monotonic()
    if ingest_in_subprocess:
        result = subprocess.run([AISEC, "ingest", "--quiet"], env=environment(settings), cwd=ROOT,
                                capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stderr[-2000:]
    else:
        run_ingest(settings, embedder=embedder, show_progress=False)
    finished = time.monotonic()
    time.sleep(1.0)
    reader.stop.set()
    reader.join(timeout=120)
    after = chunk_texts(settings)
    assert all(len(after[d]) == 1 and set(after[d]) != set(before[d]) for d in before), "the ingest did not replace every document"
    during = [a for a in reader.answers if started <= a[0] <= finished]
    assert not reader.errors, reader.errors[:5]
    problems = mixed_versions(reader, before, after)
    assert not problems, "\n".join(problems[:20])
    assert len(during) >= 3, f"only {len(during)} answers while the ingest ran"
    final = bot.ask("What does the autumn handbook say about model registry signing?")
    autumn = {t for versions in after.values() for texts in versions.values() for t in texts}
    assert final.citations and all(c.text in autumn for c in final.citations), "the reader did not move to the new version"
    from app.filters import Filters

    retriever = bot.retriever()
    rows = retriever.dense_ranking(embedder.embed_query(final.question), Filters())
    assert rows, "the dense leg finds nothing after the ingest: the reader's vector index is stale"
    assert retriever.snapshot.texts[rows[0]] in autumn
    return {"answers": len(reader.answers), "answers_during_ingest": len(during), "ingest_seconds": round(finished - started, 1),
            "retrievals_checked": len(reader.passage_sets), "mixed_or_foreign": 0}


def test_answers_during_an_in_process_ingest_come_from_one_version(tmp_path, embedder):
    """A service that embeds Assistant and re-ingests in the same process (threads, one Chroma client)."""
    figures = run_concurrently(tmp_path, embedder, ingest_in_subprocess=False)
    record("concurrent answers (in-process ingest)", figures)


@pytest.mark.reliability
def test_answers_during_an_aisec_ingest_in_another_process_come_from_one_version(tmp_path, embedder):
    """The UI or a notebook answering while `aisec ingest` runs in another process on the same data dir."""
    figures = run_concurrently(tmp_path, embedder, ingest_in_subprocess=True)
    record("concurrent answers (aisec ingest in another process)", figures)


def test_a_second_ingest_fails_fast_while_one_holds_the_lock(tmp_path, corpus_dir):
    """The lock a running ingest holds (taken here) makes `aisec ingest` in another process stop at once."""
    from ingest.sync import ingest_lock

    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_dir)
    with ingest_lock(settings.data_dir):
        started = time.monotonic()
        result = subprocess.run([AISEC, "ingest", "--quiet"], env=environment(settings), cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
        seconds = time.monotonic() - started
    assert result.returncode == 2
    assert result.stderr.startswith("error: another `aisec ingest` is running on ") and "wait for it to finish" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (settings.data_dir / "chroma").exists(), "the refused ingest touched the index"
    record("second ingest refused (lock held)", {"seconds": round(seconds, 1)})


def flock_holders(path: Path) -> set[int]:
    """PIDs holding an flock on `path`, from /proc/locks (read-only: never takes the lock itself)."""
    inode = path.stat().st_ino
    holders = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] == "FLOCK" and fields[5].split(":")[-1] == str(inode):
            holders.add(int(fields[4]))
    return holders


@pytest.mark.reliability
@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc/locks to see who holds the lock")
def test_two_aisec_ingests_at_once_the_second_fails_fast(tmp_path):
    corpus = make_corpus(tmp_path)
    for extra in range(40):  # enough to keep the first ingest busy for a while
        (corpus / "documents" / f"extra-{extra}.md").write_text(handbook(f"topic {extra}", "spring", 12), encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    env = environment(settings)
    first = subprocess.Popen([AISEC, "ingest", "--quiet"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lock = settings.data_dir / "ingest.lock"
        deadline = time.monotonic() + 120
        while not (lock.exists() and first.pid in flock_holders(lock)):
            assert first.poll() is None, "the first ingest ended before the second could start"
            assert time.monotonic() < deadline, "the first ingest never took the lock"
            time.sleep(0.05)
        started = time.monotonic()
        second = subprocess.run([AISEC, "ingest", "--quiet"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
        seconds = time.monotonic() - started
        assert first.poll() is None, "the first ingest finished before the second was refused: not a real overlap"
    finally:
        out, err = first.communicate(timeout=900)
    assert second.returncode == 2 and "another `aisec ingest` is running" in second.stderr, second.stderr
    assert first.returncode == 0, err[-2000:]
    assert seconds < 30
    record("two aisec ingests at once", {"second_refused_after_s": round(seconds, 1)})
