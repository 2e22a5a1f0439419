"""Fetch job boards one at a time: download, keep matching jobs, normalise, validate, write; one result per board."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ingest.importers import ashby, greenhouse, lever
from ingest.importers.http import FetchError, PoliteClient, check_base_url
from ingest.importers.listing import check_board_token
from ingest.importers.normalize import listing_to_record
from ingest.importers.recognize import Recognizer
from ingest.importers.writer import OnMissing, WriteSummary, posting_record, write_postings
from ingest.postings import parse_posting
from ingest.vocabulary import Vocabulary

SOURCES = {"greenhouse": greenhouse, "lever": lever, "ashby": ashby}
DEFAULT_MATCH = "security|governance|mlsecops|red team"


@dataclass(frozen=True)
class Board:
    """One board to fetch: which API, the board's public token, and the API base URL."""

    source: str
    token: str
    base: str

    @property
    def name(self) -> str:
        return f"{self.source} {self.token}"


@dataclass
class BoardResult:
    """What fetching one board gave."""

    board: Board
    total: int = 0
    kept: int = 0
    invalid: list[str] = field(default_factory=list)
    error: str | None = None
    written: WriteSummary | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def summary_line(self) -> str:
        """`greenhouse acme: ok: 3 kept of 41 ...` or `lever foo: error: ...`."""
        if self.error:
            return f"{self.board.name}: error: {self.error}"
        line = f"{self.board.name}: ok: {self.kept} kept of {self.total}"
        if self.invalid:
            line += f" ({len(self.invalid)} invalid)"
        if self.written:
            w = self.written
            line += f"; {w.added} new, {w.updated} updated, {w.closed} closed, {w.removed} removed -> {w.path}"
        return line


def parse_boards(lists: dict[str, tuple[str | None, str]]) -> list[Board]:
    """Boards from `{"greenhouse": ("acme,globex", base_url), ...}`; ValueError on a bad token."""
    boards = []
    for source, (tokens, base) in lists.items():
        for token in (t.strip() for t in (tokens or "").split(",")):
            if token:
                boards.append(Board(source, check_board_token(token), check_base_url(base)))
    return boards


def fetch_postings(boards: list[Board], client: PoliteClient, vocabulary: Vocabulary, out_dir: Path, *,
                   match: re.Pattern, on_missing: OnMissing = "close",
                   report: Callable[[BoardResult], None] | None = None) -> list[BoardResult]:
    """Fetch every board; a board that fails gets an error result and the others carry on."""
    recognizer = Recognizer(vocabulary)
    results = []
    for board in boards:
        result = BoardResult(board)
        try:
            records = fetch_board(board, client, recognizer, vocabulary, match, result)
            result.written = write_postings(out_dir / f"{board.source}-{board.token}.jsonl", records, on_missing)
        except (FetchError, ValueError, OSError) as exc:
            result.error = str(exc) or type(exc).__name__
        results.append(result)
        if report:
            report(result)
    return results


def fetch_board(board: Board, client: PoliteClient, recognizer: Recognizer, vocabulary: Vocabulary,
                match: re.Pattern, result: BoardResult) -> list[dict[str, Any]]:
    """Valid posting records for the jobs on one board whose title or department matches."""
    api = SOURCES[board.source]
    jobs = api.fetch_jobs(client, board.base, board.token)
    result.total = len(jobs)
    records: dict[str, dict[str, Any]] = {}
    for job in jobs:
        try:
            listing = api.to_listing(job, board.token)
        except (ValueError, TypeError, AttributeError) as exc:
            result.invalid.append(f"{board.name} job {job.get('id', '?')}: {exc}")
            continue
        if not match.search(f"{listing.title}\n{listing.department}"):
            continue
        try:
            posting = parse_posting(listing_to_record(listing, recognizer), vocabulary)
        except ValueError as exc:
            result.invalid.append(f"{listing.posting_id}: {exc}")
            continue
        records.setdefault(posting.id, posting_record(posting))
    result.kept = len(records)
    return list(records.values())
