"""SIGKILL `aisec ingest` at random points, re-run it, and check that the index is consistent.

    python tests/reliability/crash_trials.py --trials 20 --seed 7 [--budget-s 900] [--out crash.json]

Each trial mutates a small corpus (edit, add, delete, rename documents; edit, add, drop, reorder and move
postings; break and repair a file), starts an ingest in a subprocess and kills it with SIGKILL, sometimes twice
in a row (a crash during the repair of a crash). Two ways of choosing the moment:

* ``op``: the child counts Chroma writes (catalog and chunks) and snapshot steps and kills itself with SIGKILL
  just before or just after the k-th one (k drawn at random, windows of 8, 32 or 256 chunks);
* ``timer``: the real ``aisec ingest`` console script is killed from outside after a random delay.

A verifying subprocess then looks at what the crash left (the published BM25 snapshot must still be whole),
runs the ingest to completion, and checks: no catalog record left dirty; every document of the corpus present
exactly once; no duplicate and no orphan chunks (every chunk's doc_id and version active in the catalog, with the
catalog's chunk count); BM25 snapshot ids == Chroma ids and its fingerprint == the catalog's; and the catalog,
chunk ids, texts and vectors equal those of a clean rebuild of the same files.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VOCABULARY = ROOT / "tests" / "data" / "corpus" / "vocabulary.yaml"
AISEC = Path(sys.executable).with_name("aisec")
CHUNK_SIZE, CHUNK_OVERLAP = 64, 8

WORDS = ("model", "registry", "signing", "prompt", "injection", "red", "team", "governance", "policy", "audit",
         "pipeline", "artefact", "threat", "detection", "privacy", "risk", "engineer", "evaluation", "jailbreak",
         "supply", "chain", "access", "secrets", "inference", "gateway", "dataset", "poisoning", "review", "incident",
         "response", "control", "framework", "salary", "hiring", "skills", "cloud", "kubernetes", "logging")
ROLES = ("ai-security-engineer", "mlsecops", "ai-governance", "ai-red-team", "security-analyst")


# -- the corpus and its mutations ---------------------------------------------------------------------------
def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + rng.choice((".", ".", ".", "!", "?"))


def document_text(rng: random.Random, title: str) -> str:
    parts = [f"# {title}\n"]
    for section in range(rng.randint(1, 3)):
        parts.append(f"## Part {section + 1}\n")
        for _ in range(rng.randint(1, 3)):
            parts.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 6))) + "\n")
    return "\n".join(parts)


def posting(rng: random.Random, number: int) -> dict:
    low = rng.randrange(90, 200) * 1000
    return {"id": f"ct-{number:04d}", "title": f"{rng.choice(WORDS).capitalize()} Security Engineer {number}",
            "company": f"Company {number % 7}", "location": "Remote (US)", "remote": rng.choice(("remote", "hybrid")),
            "seniority": rng.choice(("entry", "mid", "senior")), "role_family": rng.choice(ROLES),
            "salary_min": low, "salary_max": low + 30000, "currency": "USD", "posted": "2025-04-01",
            "skills": ["python"], "description": " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))}


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_corpus(corpus: Path, rng: random.Random, documents: int = 16, postings: int = 24) -> None:
    """A corpus of small Markdown documents and two postings files."""
    (corpus / "documents").mkdir(parents=True)
    (corpus / "postings").mkdir()
    shutil.copy(VOCABULARY, corpus / "vocabulary.yaml")
    for i in range(documents):
        (corpus / "documents" / f"doc-{i:03d}.md").write_text(document_text(rng, f"Document {i}"), encoding="utf-8")
    rows = [posting(rng, i) for i in range(postings)]
    write_jsonl(corpus / "postings" / "a.jsonl", rows[: postings // 2])
    write_jsonl(corpus / "postings" / "b.jsonl", rows[postings // 2 :])


def mutate(corpus: Path, rng: random.Random, counter: list[int]) -> list[str]:
    """Apply two to four random changes; return what was done."""
    docs = corpus / "documents"
    done = []
    for _ in range(rng.randint(2, 4)):
        existing = sorted(docs.glob("*.md"))
        kind = rng.choice(("edit", "edit", "add", "delete", "rename", "break", "postings", "postings", "move", "reorder"))
        if kind in ("delete", "rename", "edit", "break") and len(existing) < 4:
            kind = "add"
        if kind == "edit":
            path = rng.choice(existing)
            path.write_text(document_text(rng, f"Edited {path.stem}"), encoding="utf-8")
        elif kind == "add":
            counter[0] += 1
            path = docs / f"new-{counter[0]:03d}.md"
            path.write_text(document_text(rng, f"New {counter[0]}"), encoding="utf-8")
        elif kind == "delete":
            path = rng.choice(existing)
            path.unlink()
        elif kind == "rename":
            path = rng.choice(existing)
            counter[0] += 1
            path.rename(docs / f"renamed-{counter[0]:03d}.md")
        elif kind == "break":  # unreadable now: the last good version must be kept, not removed
            path = rng.choice(existing)
            path.write_bytes(b"\x00\x01\x02 binary garbage \xff\xfe\x00")
        elif kind == "postings":
            path = corpus / "postings" / rng.choice(("a.jsonl", "b.jsonl"))
            rows = read_jsonl(path)
            if rows and rng.random() < 0.5:
                rows.pop(rng.randrange(len(rows)))
            if rows:
                rows[rng.randrange(len(rows))]["salary_max"] += 1000
            counter[0] += 1
            rows.append(posting(rng, 1000 + counter[0]))
            write_jsonl(path, rows)
        elif kind == "move":  # a posting moves between files in one run
            a, b = corpus / "postings" / "a.jsonl", corpus / "postings" / "b.jsonl"
            source, target = (a, b) if rng.random() < 0.5 else (b, a)
            rows, other = read_jsonl(source), read_jsonl(target)
            if len(rows) > 1:
                other.append(rows.pop(rng.randrange(len(rows))))
                write_jsonl(source, rows)
                write_jsonl(target, other)
        elif kind == "reorder":  # same postings, new file hash: catalog records are touched, not rewritten
            path = corpus / "postings" / rng.choice(("a.jsonl", "b.jsonl"))
            rows = read_jsonl(path)
            rng.shuffle(rows)
            write_jsonl(path, rows)
        done.append(kind if kind in ("add", "move", "reorder") else f"{kind} {path.name}")
    for broken in docs.glob("*.md"):  # repair files broken two trials ago, so documents come back too
        if broken.read_bytes().startswith(b"\x00") and rng.random() < 0.5:
            broken.write_text(document_text(rng, f"Repaired {broken.stem}"), encoding="utf-8")
            done.append(f"repair {broken.name}")
    return done


# -- the processes --------------------------------------------------------------------------------------------
def environment(data_dir: Path, corpus: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AISEC_")}
    env.update(AISEC_DATA_DIR=str(data_dir), AISEC_CORPUS_DIR=str(corpus), AISEC_CHUNK_SIZE=str(CHUNK_SIZE),
               AISEC_CHUNK_OVERLAP=str(CHUNK_OVERLAP), HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT))
    return env


@contextmanager
def index_write_hook(on_write):
    """Call on_write(n, "before"|"after") around every index write: Chroma add/upsert/delete/modify/update calls
    (catalog and chunks) and the snapshot's save, pointer switch and clean-up. Yields the running count."""
    import chromadb.api.models.Collection as collection_module

    import ingest.snapshot
    import ingest.sync

    count = [0]

    def counted(fn):
        def wrapper(*args, **kwargs):
            count[0] += 1
            number = count[0]
            on_write(number, "before")
            result = fn(*args, **kwargs)
            on_write(number, "after")
            return result
        return wrapper

    cls = collection_module.Collection
    targets = [(cls, name) for name in ("add", "upsert", "delete", "modify", "update")]
    targets += [(ingest.sync, "save_snapshot"), (ingest.snapshot, "_write_pointer"), (ingest.snapshot, "_remove_old")]
    originals = [(owner, name, getattr(owner, name)) for owner, name in targets]
    for owner, name, original in originals:
        setattr(owner, name, counted(original))
    try:
        yield count
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


_KEEP_ALIVE: list = []


def install_kill_switch(kill_at: int, when: str, window: int, ops_file: Path | None) -> None:
    """In a child process: SIGKILL ourselves just before or after the kill_at-th index write."""
    import atexit

    import ingest.sync

    def kill(number: int, moment: str) -> None:
        if number == kill_at and moment == when:
            os.kill(os.getpid(), signal.SIGKILL)

    hook = index_write_hook(kill)
    count = hook.__enter__()  # never undone: the process ends with the ingest
    _KEEP_ALIVE.append(hook)  # a dropped context manager would be finalised, and its `finally` undo the patches
    ingest.sync.WINDOW_CHUNKS = window
    if ops_file is not None:
        atexit.register(lambda: ops_file.write_text(str(count[0])))


def child_main(args: argparse.Namespace) -> int:
    install_kill_switch(args.kill_at, args.when, args.window, Path(args.ops_file) if args.ops_file else None)
    from app.cli import main

    return main(["ingest", "--quiet", "--json"])


@dataclass
class Kill:
    """One killed (or, when the kill point was past the end, completed) ingest run."""

    mode: str
    killed: bool
    seconds: float
    kill_at: int | None = None
    when: str | None = None
    window: int | None = None
    delay_s: float | None = None  # timer: seconds after the first chunk write
    ops: int | None = None  # a run that completed: its index writes (op) or its writing time in ms (timer)


def run_op_kill(env: dict, rng: random.Random, estimated_ops: int, work: Path, kill_at: int | None = None) -> Kill:
    window = rng.choice((8, 32, 256))
    kill_at = kill_at or rng.randint(1, max(3, estimated_ops))
    when = rng.choice(("before", "after"))
    ops_file = work / "ops.txt"
    ops_file.unlink(missing_ok=True)
    command = [sys.executable, __file__, "child", "--kill-at", str(kill_at), "--when", when, "--window", str(window),
               "--ops-file", str(ops_file)]
    started = time.monotonic()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    killed = result.returncode == -signal.SIGKILL
    if not killed and result.returncode != 0:
        raise RuntimeError(f"ingest failed without being killed ({result.returncode}):\n{result.stderr[-3000:]}")
    ops = int(ops_file.read_text()) if ops_file.exists() else None
    return Kill("op", killed, time.monotonic() - started, kill_at, when, window, ops=ops)


def run_timer_kill(env: dict, rng: random.Random, estimated_write_s: float, data_dir: Path) -> Kill:
    """Start `aisec ingest`; once it first writes chunk vectors (Chroma's segment files change), SIGKILL it after a
    random delay drawn over the writing time of earlier runs: kills land in chunk writes, version switches,
    deletes and the snapshot build rather than in start-up."""
    delay = rng.uniform(0.0, 1.0) * estimated_write_s

    def stamp():
        try:
            return sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                          for p in (data_dir / "chroma").glob("*/*") if p.is_file())
        except FileNotFoundError:
            return None

    before = stamp()
    started = time.monotonic()
    process = subprocess.Popen([str(AISEC), "ingest", "--quiet"], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first_write = None
    while process.poll() is None:
        now = time.monotonic()
        if first_write is None and stamp() != before:
            first_write = now
        if first_write is not None and now - first_write >= delay:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    _, stderr = process.communicate(timeout=120)
    killed = process.returncode == -signal.SIGKILL
    if not killed and process.returncode != 0:
        raise RuntimeError(f"ingest failed without being killed ({process.returncode}):\n{stderr.decode()[-3000:]}")
    writing = time.monotonic() - first_write if first_write is not None else None
    return Kill("timer", killed, time.monotonic() - started, delay_s=round(delay, 3),
                ops=None if killed or writing is None else round(writing * 1000))


def run_verify(env: dict, clean_dir: Path, cache: Path) -> dict:
    command = [sys.executable, __file__, "verify", "--clean-dir", str(clean_dir), "--cache", str(cache)]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        return {"problems": [f"verify crashed ({result.returncode}): {result.stderr[-3000:]}"]}
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- verification (in its own process, so no Chroma client outlives a killed writer) ---------------------------
class CachedVectors:
    """The real embedder behind a disk cache keyed by text (the clean rebuild re-embeds nothing it has seen)."""

    def __init__(self, embedder, path: Path):
        import numpy as np

        self.embedder, self.path, self.np = embedder, path, np
        self.name, self.dimension, self.backend, self.variant = embedder.name, embedder.dimension, embedder.backend, embedder.variant
        self.vectors: dict[str, object] = {}
        if path.exists():
            data = np.load(path, allow_pickle=False)
            self.vectors = dict(zip(data["texts"].tolist(), data["vectors"]))

    def embed_passages(self, texts: list[str]):
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.embedder.embed_passages(missing)))
        return self.np.stack([self.vectors[t] for t in texts]) if texts else self.np.zeros((0, self.dimension), "float32")

    def remember(self, texts, vectors) -> None:
        self.vectors.update(zip(texts, vectors))

    def save(self) -> None:
        texts = list(self.vectors)
        self.np.savez(self.path, texts=self.np.array(texts), vectors=self.np.stack([self.vectors[t] for t in texts]))


def index_state(settings) -> dict:
    """Everything the checks need, read straight from Chroma and the snapshot folder."""
    from ingest.catalog import fingerprint_of
    from ingest.snapshot import current_fingerprint, load_snapshot
    from ingest.store import ChunkStore

    store = ChunkStore.open_existing(settings)
    got = store.chunks.get(include=["metadatas", "documents", "embeddings"])
    records = store.catalog.all()
    snapshot = load_snapshot(settings.data_dir)
    return {"ids": got["ids"], "metadatas": got["metadatas"], "documents": got["documents"],
            "embeddings": got["embeddings"], "records": records, "fingerprint": fingerprint_of(records),
            "published": store.catalog.published_fingerprint(), "pointer": current_fingerprint(settings.data_dir),
            "snapshot": snapshot}


def snapshot_problems(snapshot) -> list[str]:
    """A published snapshot must hold whole documents: one version each, chunk indexes 0..n-1, no duplicates."""
    if snapshot is None:
        return []
    problems = []
    if len(snapshot.ids) != len(set(snapshot.ids)):
        problems.append("snapshot holds duplicate chunk ids")
    versions: dict[str, set[str]] = {}
    indexes: dict[str, list[int]] = {}
    for meta in snapshot.metadatas:
        versions.setdefault(meta["doc_id"], set()).add(meta["version"])
        indexes.setdefault(meta["doc_id"], []).append(meta["chunk_index"])
    for doc_id, seen in versions.items():
        if len(seen) > 1:
            problems.append(f"snapshot mixes {len(seen)} versions of {doc_id}")
        if sorted(indexes[doc_id]) != list(range(len(indexes[doc_id]))):
            problems.append(f"snapshot holds part of {doc_id}: chunk indexes {sorted(indexes[doc_id])}")
    return problems


def consistency_problems(state: dict, corpus_sources: set[str]) -> list[str]:
    problems = []
    records = state["records"]
    dirty = [d for d, r in records.items() if r.dirty or not r.version]
    if dirty:
        problems.append(f"catalog records left dirty or without a version: {dirty[:5]}")
    sources = {r.source for r in records.values()}
    if sources - corpus_sources:
        problems.append(f"catalog holds documents of files that are gone: {sorted(sources - corpus_sources)[:5]}")
    ids = state["ids"]
    if len(ids) != len(set(ids)):
        problems.append("Chroma holds duplicate chunk ids")
    per_doc: dict[str, list[dict]] = {}
    for chunk_id, meta in zip(ids, state["metadatas"]):
        record = records.get(meta["doc_id"])
        if record is None or record.version != meta["version"]:
            problems.append(f"orphan chunk {chunk_id} (catalog has {record.version[:12] if record else 'no record'})")
        per_doc.setdefault(meta["doc_id"], []).append(meta)
    positions = [(m["doc_id"], m["version"], m["chunk_index"]) for m in state["metadatas"]]
    if len(positions) != len(set(positions)):
        problems.append("duplicate chunks: the same (document, version, index) stored twice")
    for doc_id, record in records.items():
        stored = per_doc.get(doc_id, [])
        if len(stored) != record.chunk_count:
            problems.append(f"{doc_id}: catalog says {record.chunk_count} chunks, Chroma holds {len(stored)}")
    snapshot = state["snapshot"]
    if snapshot is None:
        problems.append("no BM25 snapshot")
    else:
        if sorted(snapshot.ids) != sorted(ids):
            problems.append(f"BM25 snapshot ids != Chroma ids ({len(snapshot.ids)} vs {len(ids)}; "
                            f"{len(set(snapshot.ids) ^ set(ids))} differ)")
        if not (snapshot.fingerprint == state["fingerprint"] == state["published"] == state["pointer"]):
            problems.append("snapshot, pointer and catalog fingerprints disagree")
        if snapshot.bm25 is None and ids:
            problems.append("snapshot has no BM25 index")
        problems.extend(snapshot_problems(snapshot))
    return problems


def without_sources(state: dict, sources: set[str]) -> dict:
    """The state minus documents from `sources` (files that fail to load now keep their last good version)."""
    keep = [i for i, m in enumerate(state["metadatas"]) if m["source"] not in sources]
    return {**state, "records": {d: r for d, r in state["records"].items() if r.source not in sources},
            **{k: [state[k][i] for i in keep] for k in ("ids", "metadatas", "documents", "embeddings")}}


def rebuild_problems(state: dict, clean: dict, failed_sources: set[str]) -> list[str]:
    import numpy as np

    problems = []
    state = without_sources(state, failed_sources)

    def catalog_view(records):
        return {d: (r.version, r.chunk_count, r.source, r.kind, r.title, r.origin) for d, r in records.items()}

    ours, theirs = catalog_view(state["records"]), catalog_view(clean["records"])
    if ours != theirs:
        differ = sorted(set(ours) ^ set(theirs)) or sorted(d for d in ours if ours[d] != theirs[d])
        problems.append(f"catalog differs from a clean rebuild ({len(ours)} vs {len(theirs)} documents): {differ[:5]}")
    ours_chunks = dict(zip(state["ids"], state["documents"]))
    clean_chunks = dict(zip(clean["ids"], clean["documents"]))
    if set(ours_chunks) != set(clean_chunks):
        problems.append(f"chunk ids differ from a clean rebuild ({len(ours_chunks)} vs {len(clean_chunks)})")
    elif any(ours_chunks[i] != clean_chunks[i] for i in ours_chunks):
        problems.append("chunk texts differ from a clean rebuild")
    else:
        ours_vectors = dict(zip(state["ids"], state["embeddings"]))
        clean_vectors = dict(zip(clean["ids"], clean["embeddings"]))
        worst = max((float(np.max(np.abs(np.asarray(ours_vectors[i]) - np.asarray(clean_vectors[i])))) for i in ours_vectors),
                    default=0.0)
        if worst > 1e-3:
            problems.append(f"stored vectors differ from a clean rebuild (max abs difference {worst:.4f})")
    if state["snapshot"] is not None and clean["snapshot"] is not None:
        kept = [i for i, m in zip(state["snapshot"].ids, state["snapshot"].metadatas) if m["source"] not in failed_sources]
        if kept != clean["snapshot"].ids:
            problems.append("BM25 snapshot order differs from a clean rebuild")
    return problems


def verify_main(args: argparse.Namespace) -> int:
    """Look at what the crash left, finish the ingest, check it, and compare with a clean rebuild."""
    from app.settings import Settings
    from ingest.embedding import make_embedder
    from ingest.files import discover_files
    from ingest.sync import run_ingest

    settings = Settings()
    problems, left = [], {}
    if (settings.data_dir / "chroma").exists():
        try:
            crashed = index_state(settings)
        except Exception as exc:  # what a reader would hit right after the crash
            problems.append(f"index unreadable after the crash: {type(exc).__name__}: {exc}")
        else:
            left = {"dirty_records": sum(r.dirty for r in crashed["records"].values()),
                    "chunks": len(crashed["ids"]),
                    "orphans": sum(1 for m in crashed["metadatas"]
                                   if getattr(crashed["records"].get(m["doc_id"]), "version", None) != m["version"]),
                    "snapshot_behind": crashed["pointer"] != crashed["fingerprint"]}
            problems.extend(f"after the crash, before the re-run: {p}" for p in snapshot_problems(crashed["snapshot"]))
    embedder = CachedVectors(make_embedder(settings), Path(args.cache))
    started = time.monotonic()
    with index_write_hook(lambda number, moment: None) as writes:
        report = run_ingest(settings, embedder=embedder, show_progress=False)
    recovery_s = time.monotonic() - started
    files, _ = discover_files([settings.corpus_dir], settings.corpus_dir)
    state = index_state(settings)
    problems.extend(consistency_problems(state, {f.source for f in files}))

    clean_settings = settings.model_copy(update={"data_dir": Path(args.clean_dir)})
    shutil.rmtree(args.clean_dir, ignore_errors=True)
    clean_report = run_ingest(clean_settings, embedder=embedder, show_progress=False)
    clean = index_state(clean_settings)
    problems.extend(consistency_problems(clean, {f.source for f in files}))
    problems.extend(rebuild_problems(state, clean, {s.source for s in clean_report.skipped if s.row is None}))
    embedder.save()
    print(json.dumps({"problems": problems, "left_by_crash": left, "recovery_writes": writes[0],
                      "recovery_s": round(recovery_s, 2), "documents": len(state["records"]), "chunks": len(state["ids"]),
                      "recovery": {k: report.to_dict()[k] for k in ("added", "updated", "unchanged", "removed", "failed")}}))
    return 0


# -- the driver -----------------------------------------------------------------------------------------------
@dataclass
class Trial:
    number: int
    changes: list[str]
    kills: list[Kill]
    left_by_crash: dict
    problems: list[str]
    seconds: float
    documents: int = 0
    chunks: int = 0


@dataclass
class Summary:
    seed: int
    trials: list[Trial] = field(default_factory=list)
    seconds: float = 0.0
    baseline: dict = field(default_factory=dict)

    @property
    def killed_runs(self) -> int:
        return sum(k.killed for t in self.trials for k in t.kills)

    @property
    def failures(self) -> int:
        return sum(bool(t.problems) for t in self.trials)

    def to_dict(self) -> dict:
        dirty = sum(t.left_by_crash.get("dirty_records", 0) > 0 for t in self.trials)
        orphans = sum(t.left_by_crash.get("orphans", 0) > 0 for t in self.trials)
        behind = sum(bool(t.left_by_crash.get("snapshot_behind")) for t in self.trials)
        return {"seed": self.seed, "trials": len(self.trials), "killed_runs": self.killed_runs,
                "completed_runs": sum(not k.killed for t in self.trials for k in t.kills),
                "kills_by_mode": {m: sum(k.killed and k.mode == m for t in self.trials for k in t.kills) for m in ("op", "timer")},
                "trials_with_two_crashes": sum(sum(k.killed for k in t.kills) > 1 for t in self.trials),
                "crash_left_dirty_records": dirty, "crash_left_orphan_chunks": orphans, "crash_left_snapshot_behind": behind,
                "failures": self.failures, "seconds": round(self.seconds, 1), "baseline": self.baseline,
                "details": [asdict(t) for t in self.trials]}


def run_trials(trials: int, seed: int, budget_s: float, work: Path, log=None, modes=("op", "timer"),
               documents: int = 16, postings: int = 24) -> Summary:
    log = log or (lambda line: print(line, flush=True))
    rng = random.Random(seed)
    corpus, data, clean, cache = work / "corpus", work / "data", work / "clean", work / "vectors.npz"
    make_corpus(corpus, rng, documents, postings)
    env = environment(data, corpus)
    started = time.monotonic()
    first = run_verify(env, clean, cache)  # the first full ingest (and a clean rebuild to compare it with)
    summary = Summary(seed, baseline={k: first.get(k) for k in ("documents", "chunks", "recovery_s")})
    if first["problems"]:
        raise RuntimeError(f"the first ingest is already inconsistent: {first['problems']}")
    estimated_ops, estimated_write_s, counter = max(3, first.get("recovery_writes", 12)), 3.0, [0]
    for number in range(1, trials + 1):
        if time.monotonic() - started > budget_s:
            log(f"time budget of {budget_s:.0f}s used up after {number - 1} trials")
            break
        trial_started = time.monotonic()
        changes = mutate(corpus, rng, counter)
        kills = []
        for attempt in range(2 if rng.random() < 0.3 else 1):
            mode = rng.choice(modes)
            if attempt == 1:  # a crash during the repair of the first crash: the first few writes
                kill = run_op_kill(env, rng, estimated_ops, work, kill_at=rng.randint(1, 4))
            elif mode == "op":
                kill = run_op_kill(env, rng, estimated_ops, work)
                if not kill.killed and kill.ops:  # the kill point lay past the run's writes: change the corpus
                    changes += mutate(corpus, rng, counter)  # again and kill within the writes that run took
                    kills.append(kill)
                    kill = run_op_kill(env, rng, kill.ops, work, kill_at=rng.randint(1, kill.ops))
            else:
                kill = run_timer_kill(env, rng, estimated_write_s, data)
            if not kill.killed and kill.ops and kill.mode == "op":
                estimated_ops = max(3, kill.ops)
            if not kill.killed and kill.ops and kill.mode == "timer":
                estimated_write_s = kill.ops / 1000
            kills.append(kill)
        outcome = run_verify(env, clean, cache)
        trial = Trial(number, changes, kills, outcome.get("left_by_crash", {}), outcome["problems"],
                      round(time.monotonic() - trial_started, 1), outcome.get("documents", 0), outcome.get("chunks", 0))
        summary.trials.append(trial)
        described = ", ".join(f"{k.mode}{'' if k.killed else '(completed)'}"
                              + (f" at write {k.kill_at} {k.when}" if k.mode == "op" else f" {k.delay_s}s into writing") for k in kills)
        log(f"trial {number}: {'; '.join(changes)} | {described} | left {trial.left_by_crash} | "
            f"{'OK' if not trial.problems else 'FAIL ' + str(trial.problems)} ({trial.seconds}s)")
    summary.seconds = time.monotonic() - started
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command")
    child = commands.add_parser("child")
    child.add_argument("--kill-at", type=int, required=True)
    child.add_argument("--when", choices=("before", "after"), required=True)
    child.add_argument("--window", type=int, default=256)
    child.add_argument("--ops-file")
    verify = commands.add_parser("verify")
    verify.add_argument("--clean-dir", required=True)
    verify.add_argument("--cache", required=True)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--budget-s", type=float, default=1200, help="stop starting new trials after this many seconds")
    parser.add_argument("--out", type=Path, help="write the summary as JSON here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    if args.command == "child":
        return child_main(args)
    if args.command == "verify":
        return verify_main(args)
    work = Path(tempfile.mkdtemp(prefix="aisec-crash-"))
    try:
        summary = run_trials(args.trials, args.seed, args.budget_s, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    result = summary.to_dict()
    if args.out:
        args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps({k: v for k, v in result.items() if k != "details"}, indent=2))
    return 1 if summary.failures else 0


if __name__ == "__main__":
    sys.exit(main())
