"""The `aisec` command line: a thin shell over ingest and app.Assistant."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.errors import UserError


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run one command, turn UserError into a one-line message and exit code 2."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        from app.settings import Settings

        return int(args.handler(args, Settings()) or 0)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aisec", description="AI security careers assistant with verified citations.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="sync files into the index (default: the corpus folder)")
    ingest.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    ingest.add_argument("--rebuild", action="store_true", help="drop the index and ingest from scratch")
    ingest.add_argument("--strict", action="store_true", help="exit 1 if any file or row was skipped")
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(handler=_ingest)

    ask = commands.add_parser("ask", help="answer a question with numbered sources")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print Answer.to_dict() as JSON")
    ask.add_argument("--role", dest="role_family", help="role family filter, e.g. mlsecops")
    ask.add_argument("--seniority", help="entry, mid, senior, lead or executive")
    ask.add_argument("--remote", help="onsite, hybrid or remote")
    ask.add_argument("--kind", help="document or posting")
    ask.add_argument("--location", help="substring of the posting location")
    ask.add_argument("--min-salary", type=int, help="postings whose range reaches this annual salary")
    ask.add_argument("--mode", choices=["extractive", "llm"], help="override AISEC_ANSWER_MODE")
    ask.set_defaults(handler=_ask)

    status = commands.add_parser("status", help="what the index holds")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)
    return parser


def _ingest(args: argparse.Namespace, settings) -> int:
    from ingest.sync import run_ingest

    report = run_ingest(settings, args.paths or None, rebuild=args.rebuild, show_progress=not args.quiet)
    for skipped in report.skipped:
        print(f"skipped {skipped}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(
            f"files: {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.removed} removed, {report.failed} failed; {report.chunks_written} chunks written, "
            f"{report.chunks_deleted} deleted in {report.seconds:.1f}s ({report.chunks_per_second:.1f} chunks/s)"
        )
    ingested = report.added + report.updated + report.unchanged
    if ingested == 0:
        print("error: nothing could be ingested; see the reasons above", file=sys.stderr)
        return 1
    return 1 if args.strict and (report.failed or report.skipped) else 0


def _ask(args: argparse.Namespace, settings) -> int:
    from app import Assistant

    filters = {k: getattr(args, k) for k in ("role_family", "seniority", "remote", "kind", "location", "min_salary")}
    answer = Assistant(settings).ask(args.question, filters=filters, mode=args.mode)
    if args.json:
        print(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(answer.text)
    for note in answer.notes:
        print(f"note: {note}")
    sources = answer.related if answer.abstained else answer.citations
    if sources:
        print("\nRelated passages:" if answer.abstained else "\nSources:")
    for citation in sources:
        where = citation.source + (f", p. {citation.metadata['page']}" if citation.metadata.get("page") else "")
        section = f" › {citation.metadata['section']}" if citation.metadata.get("section") else ""
        print(f"[{citation.number}] {citation.title}{section} ({where})")
    return 0


def _status(args: argparse.Namespace, settings) -> int:
    from ingest.status import index_status

    status = index_status(settings)
    if args.json:
        print(json.dumps(status, indent=2))
    else:
        width = max(len(k) for k in status)
        for key, value in status.items():
            print(f"{key.replace('_', ' '):<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
