"""`aisec corpus check`: superseded editions presented as current, documents that disagree, missing review dates and source URLs."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from app.sentences import split_sentences
from ingest.editions import Mention, Registry
from ingest.history import HistoryConvention
from ingest.loaders import HEADING, front_matter

URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class Problem:
    """One finding, at a file and line."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Presented:
    """An edition a document presents as current, and where."""

    path: Path
    line: int
    mention: Mention


def reference_documents(path: Path) -> list[Path]:
    """The Markdown documents to check: PATH itself, PATH/documents/**.md when it exists, else PATH/**.md."""
    if path.is_file():
        return [path]
    root = path / "documents" if (path / "documents").is_dir() else path
    return sorted(root.rglob("*.md"))


def check_corpus(paths: list[Path], registry: Registry, convention: HistoryConvention) -> list[Problem]:
    """Every problem in these documents, in file and line order."""
    problems: list[Problem] = []
    presented: list[Presented] = []
    for path in paths:
        data = path.read_bytes()
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            problems.append(Problem(path, line, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"))
            continue
        lines = raw.splitlines()
        body_start, front = _front_matter(raw)
        problems += _front_matter_problems(path, lines, body_start, front)
        title = str(front.get("title") or "") if isinstance(front, dict) else ""
        found, current_claims = _superseded_as_current(path, lines, body_start, title, registry, convention)
        problems += found
        presented += current_claims
    problems += _disagreements(presented)
    return sorted(problems, key=lambda p: (str(p.path), p.line))


def _front_matter(raw: str) -> tuple[int, dict | None]:
    """(index of the first body line, parsed front matter or None when absent or not a mapping), as the loader reads it."""
    block, offset = front_matter(raw)
    if block is None:
        return 0, None
    body_start = raw.count("\n", 0, offset)
    try:
        front = yaml.safe_load(block)
    except yaml.YAMLError:
        return body_start, None
    return body_start, front if isinstance(front, dict) else None


def _front_matter_problems(path: Path, lines: list[str], body_start: int, front: dict | None) -> list[Problem]:
    if front is None:
        return [Problem(path, 1, "no YAML front matter; start the file with --- title, reviewed, sources --- (see docs/corpus.md)")]
    problems = []
    reviewed = front.get("reviewed")
    if reviewed is None:
        problems.append(Problem(path, 1, "front matter lacks `reviewed:` (the ISO date the document's claims were last checked)"))
    elif not isinstance(reviewed, dt.date):
        problems.append(Problem(path, _line_of(lines, "reviewed:", body_start), f"`reviewed: {reviewed}` is not an ISO date (YYYY-MM-DD)"))
    sources = front.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.append(Problem(path, 1, "front matter lists no `sources:` (each with title, url and checked)"))
        return problems
    if front.get("source_report"):  # a report reproduced as the corpus's own source: it has no primary URL to give
        return problems
    for source in sources:
        if not isinstance(source, dict):
            problems.append(Problem(path, _line_of(lines, str(source)[:40], body_start),
                                    "source is plain text; write it as {title, url, checked} with the primary-source URL"))
        elif not URL.match(str(source.get("url") or "")):
            problems.append(Problem(path, _line_of(lines, str(source.get("title", ""))[:40], body_start),
                                    f"source {str(source.get('title', '?'))[:60]!r} lacks an http(s) `url:`"))
    return problems


def _superseded_as_current(path: Path, lines: list[str], body_start: int, title: str, registry: Registry,
                           convention: HistoryConvention) -> tuple[list[Problem], list[Presented]]:
    problems, presented = [], []
    heading = None
    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        match = HEADING.match(line)
        if match:
            heading = match.group(2)
            sentences = [heading]
        else:
            sentences = split_sentences(line.strip())
        if convention.is_history_heading(heading) or convention.is_reference_heading(heading):
            continue
        for sentence in sentences:
            mentions = registry.mentions(sentence, f"{title}\n{heading or ''}")
            stale = convention.superseded_as_current(sentence, mentions)
            for mention in {(m.entry.key, m.edition.label): m for m in stale}.values():
                current = mention.entry.current.label
                problems.append(Problem(path, number, f"presents superseded {mention.entry.name} {mention.edition.label} as current "
                                        f"(current: {current}); move it under a heading containing 'history' or say it is past"))
            presented += [Presented(path, number, m) for m in mentions if m.edition.current or m in stale]
    return problems, presented


def _disagreements(presented: list[Presented]) -> list[Problem]:
    """Documents that present different editions of one entry as current."""
    problems = []
    by_entry: dict[str, list[Presented]] = {}
    for item in presented:
        by_entry.setdefault(item.mention.entry.key, []).append(item)
    for items in by_entry.values():
        if len({i.mention.edition.label for i in items}) < 2:
            continue
        right = next((i for i in items if i.mention.edition.current), items[0])
        reported: set[Path] = set()
        for item in items:
            if item.mention.edition.label != right.mention.edition.label and item.path not in reported and item.path != right.path:
                reported.add(item.path)
                problems.append(Problem(item.path, item.line, f"disagrees about the current {item.mention.entry.name}: this document says "
                                        f"{item.mention.edition.label}, {right.path.name}:{right.line} says {right.mention.edition.label}"))
    return problems


def _line_of(lines: list[str], text: str, before: int) -> int:
    """1-based line of the first front-matter line containing `text` (1 when not found)."""
    return next((i + 1 for i, line in enumerate(lines[:before]) if text and text in line), 1)
