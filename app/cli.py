"""The `aisec` command line: a thin shell over ingest and app.Assistant."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pydantic import ValidationError

from app.errors import UserError


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run one command, turn UserError into a one-line message and exit code 2."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        from app.settings import Settings

        code = int(args.handler(args, Settings()) or 0)
        sys.stdout.flush()  # a closed pipe surfaces here, inside the handler below, not at interpreter exit
        return code
    except BrokenPipeError:  # the reader went away (`aisec ask … | head`): stop quietly, as other Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:  # a bad AISEC_* value: name it, never echo the value (it may be a secret)
        problems = "; ".join(f"AISEC_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        print(f"error: invalid setting {problems}", file=sys.stderr)
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
    ask.add_argument("--after", dest="history", action="append", metavar="EARLIER_QUESTION",
                     help="an earlier question of the conversation (repeatable, oldest first); the question is its follow-up")
    ask.set_defaults(handler=_ask)

    advise = commands.add_parser("advise", help="career advice for a CV: fit, gaps, a cited plan and postings (the CV is never stored)")
    advise.add_argument("file", metavar="FILE|-", help="a .txt, .md, .pdf or .docx CV, or - to read the text from stdin")
    advise.add_argument("--target", metavar="ROLE_FAMILY", help="the role family to plan for (default: the best fit outside your current field)")
    advise.add_argument("--json", action="store_true", help="print Advice.to_dict() as JSON")
    advise.set_defaults(handler=_advise)

    corpus = commands.add_parser("corpus", help="maintain the corpus")
    corpus_commands = corpus.add_subparsers(required=True, metavar="ACTION")
    check = corpus_commands.add_parser("check", help="superseded editions presented as current, disagreeing documents, "
                                       "missing review dates and source URLs (exit 1 if any)")
    check.add_argument("path", nargs="?", type=Path, metavar="PATH", help="corpus folder or document (default: the corpus folder)")
    check.set_defaults(handler=_corpus_check)

    bench = commands.add_parser("bench", help="measure ingest throughput, query latency, memory and load")
    bench.add_argument("--quick", action="store_true", help="a reduced run (under about two minutes)")
    bench.add_argument("--load", action="store_true", help="also run the concurrent-client load test against the UI")
    bench.add_argument("--out", type=Path, default=Path("bench"), help="where results.json and results.md go")
    bench.set_defaults(handler=_bench)

    status = commands.add_parser("status", help="what the index holds")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    ui = commands.add_parser("ui", help="open the chat UI (the first run ingests the corpus)")
    ui.add_argument("--host", help="address to bind (default AISEC_UI_HOST or 127.0.0.1)")
    ui.add_argument("--port", type=int, help="port to listen on (default AISEC_UI_PORT or 7860)")
    ui.set_defaults(handler=_ui)

    stats = commands.add_parser("stats", help="market snapshot of the ingested postings")
    stats.add_argument("--json", action="store_true", help="print the snapshot as JSON")
    stats.add_argument("--top", type=int, default=5, metavar="N", help="top skills, clouds and certifications per role family (default 5)")
    stats.set_defaults(handler=_stats)

    fetch = commands.add_parser("fetch-postings", help="download postings from public Greenhouse, Lever and Ashby job boards")
    fetch.add_argument("--greenhouse", metavar="BOARD[,BOARD...]", help="Greenhouse board tokens (the slug in boards.greenhouse.io/SLUG)")
    fetch.add_argument("--lever", metavar="COMPANY[,COMPANY...]", help="Lever sites (the slug in jobs.lever.co/SLUG)")
    fetch.add_argument("--ashby", metavar="ORG[,ORG...]", help="Ashby boards (the slug in jobs.ashbyhq.com/SLUG)")
    fetch.add_argument("--match", metavar="REGEX", help='keep jobs whose title or department matches (case-insensitive; default "security|governance|mlsecops|red team")')
    fetch.add_argument("--out", type=Path, metavar="DIR", help="where the JSONL files go (default: CORPUS_DIR/postings/live)")
    fetch.add_argument("--api-base-greenhouse", metavar="URL", help="override AISEC_GREENHOUSE_API_BASE")
    fetch.add_argument("--api-base-lever", metavar="URL", help="override AISEC_LEVER_API_BASE")
    fetch.add_argument("--api-base-ashby", metavar="URL", help="override AISEC_ASHBY_API_BASE")
    fetch.add_argument("--on-missing", choices=("close", "remove"), default="close",
                       help="postings gone from a board: mark status closed (default) or remove them")
    fetch.set_defaults(handler=_fetch_postings)

    imports = commands.add_parser("import-postings", help="convert a CSV or JSON postings export with a field-mapping file")
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument("--mapping", type=Path, required=True, metavar="MAPPING.yaml", help="`columns: {our_field: their_column}`")
    imports.add_argument("--out", type=Path, metavar="DIR", help="where the JSONL file goes (default: CORPUS_DIR/postings/imported)")
    imports.add_argument("--on-missing", choices=("close", "remove"), default="close",
                         help="postings absent from this export but in the earlier import: close (default) or remove")
    imports.set_defaults(handler=_import_postings)

    evaluate = commands.add_parser("eval", help="run an evaluation suite; write results.json, report.html and summary.md")
    evaluate.add_argument("--suite", default="full", metavar="smoke|full|PATH", help="suite name or YAML file (default: full); profiles or profiles-heldout run the career-coach CVs")
    evaluate.add_argument("--mode", choices=["extractive", "llm"], help="force the answer mode for every configuration")
    evaluate.add_argument("--config", dest="configs", action="append", type=Path, metavar="FILE",
                          help="configuration YAML (repeatable; default: every file in evals/configs/)")
    evaluate.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: evals/out/<timestamp>, linked as evals/out/latest)")
    evaluate.add_argument("--index-dir", type=Path, metavar="DIR", help="where the per-chunking indexes live (default: OUT/indexes); reuse it to skip re-embedding")
    evaluate.add_argument("--reuse-embeddings", action="store_true",
                          help="share sentence embeddings across configurations (fast sweeps; later latencies are optimistic)")
    evaluate.add_argument("--gate", action="store_true", help="exit 1 if the run is below evals/thresholds.yaml")
    evaluate.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG",
                          help="run only the cases carrying this tag (repeatable: any of them), e.g. --tag heldout")
    evaluate.add_argument("--skip-tag", dest="skip_tags", action="append", default=[], metavar="TAG",
                          help="leave out the cases carrying this tag (repeatable), e.g. --skip-tag heldout")
    evaluate.set_defaults(handler=_eval)
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
    answer = Assistant(settings).ask(args.question, filters=filters, mode=args.mode, history=args.history or None)
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
        reviewed = f" — reviewed {citation.reviewed}" if citation.reviewed else (" — not reviewed" if citation.kind == "document" else "")
        print(f"[{citation.number}] {citation.title}{section} ({where}){reviewed}")
    return 0


def _corpus_check(args: argparse.Namespace, settings) -> int:
    from app.lexicon import load_lexicon
    from ingest.corpus_check import check_corpus, reference_documents
    from ingest.editions import load_registry
    from ingest.history import HistoryConvention

    path = args.path or settings.corpus_dir
    if not path.exists():
        raise UserError(f"{path} does not exist; pass a corpus folder or a Markdown document")
    documents = reference_documents(path)
    if not documents:
        raise UserError(f"no Markdown documents under {path}")
    registry_path = path / "editions.yaml" if (path / "editions.yaml").exists() else settings.editions_path
    try:
        registry = load_registry(registry_path)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    problems = check_corpus(documents, registry, HistoryConvention.from_lexicon(load_lexicon(settings.lexicon_path)))
    for problem in problems:
        print(problem)
    print(f"{len(documents)} documents, {len(registry.entries)} registry entries ({registry_path}): "
          f"{len(problems) or 'no'} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
    return 1 if problems else 0


def _ui(args: argparse.Namespace, settings) -> int:
    from app.ui import index_missing, serve  # app.ui switches Gradio analytics off before importing it

    overrides = {k: v for k, v in (("ui_host", args.host), ("ui_port", args.port)) if v is not None}
    settings = settings.model_validate({**settings.model_dump(), **overrides}) if overrides else settings

    def make_assistant():
        from app import Assistant

        return Assistant(settings)

    assistant = None if index_missing(settings) else make_assistant()
    if assistant is None:
        print(f"no index in {settings.data_dir} yet: the UI starts now and ingests {settings.corpus_dir} first", file=sys.stderr)
    serve(settings, assistant, make_assistant=make_assistant)
    return 0


def _bench(args: argparse.Namespace, settings) -> int:
    from evals.bench.runner import run_bench

    run_bench(settings, args.out, quick=args.quick, load=args.load)
    print((args.out / "results.md").read_text(encoding="utf-8"))
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


def _stats(args: argparse.Namespace, settings) -> int:
    from app.analytics.stats import market_snapshot, postings_of

    snapshot = market_snapshot(postings_of(settings), top_n=max(1, args.top))
    if args.json:
        print(json.dumps(snapshot, indent=2, ensure_ascii=False))
        return 0
    if not snapshot["postings"]:
        print("the index holds no postings; add JSONL/CSV postings to the corpus and run `aisec ingest`")
        return 0
    from app.analytics.stats_table import print_snapshot

    print_snapshot(snapshot)
    return 0


def _fetch_postings(args: argparse.Namespace, settings) -> int:
    import re

    from ingest.importers.boards import DEFAULT_MATCH, fetch_postings, parse_boards
    from ingest.importers.http import PoliteClient

    try:
        boards = parse_boards({
            "greenhouse": (args.greenhouse, args.api_base_greenhouse or settings.greenhouse_api_base),
            "lever": (args.lever, args.api_base_lever or settings.lever_api_base),
            "ashby": (args.ashby, args.api_base_ashby or settings.ashby_api_base),
        })
        match = re.compile(args.match or DEFAULT_MATCH, re.IGNORECASE)
    except re.error as exc:
        raise UserError(f"--match is not a valid regular expression: {exc}") from None
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if not boards:
        raise UserError("name at least one board: --greenhouse BOARD, --lever COMPANY or --ashby ORG")
    out = args.out or settings.corpus_dir / "postings" / "live"
    client = PoliteClient(timeout_s=settings.fetch_timeout_s, retries=settings.fetch_retries,
                          backoff_s=settings.fetch_backoff_s, rate_per_s=settings.fetch_rate_per_s)
    with client:
        results = fetch_postings(boards, client, _vocabulary(settings), out, match=match,
                                 on_missing=args.on_missing, report=_print_board)
    if not any(r.ok for r in results):
        print("error: no board could be fetched; see the reasons above", file=sys.stderr)
        return 1
    print(f"next: aisec ingest {out}")
    return 0


def _print_board(result) -> None:
    for problem in result.invalid:
        print(f"skipped {problem}", file=sys.stderr)
    print(result.summary_line(), flush=True)


def _import_postings(args: argparse.Namespace, settings) -> int:
    from ingest.importers.exports import import_export

    out = args.out or settings.corpus_dir / "postings" / "imported"
    try:
        result = import_export(args.file, args.mapping, _vocabulary(settings), out, args.on_missing)
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot import {args.file}: {exc}") from None
    for problem in result.invalid:
        print(f"skipped {problem}", file=sys.stderr)
    w = result.written
    print(f"{args.file}: {result.kept} kept of {result.rows} rows; {w.added} new, {w.updated} updated, "
          f"{w.closed} closed, {w.removed} removed -> {w.path}")
    if not result.kept:
        print("error: no row could be imported; see the reasons above", file=sys.stderr)
        return 1
    print(f"next: aisec ingest {out}")
    return 0


def _eval(args: argparse.Namespace, settings) -> int:
    from rich.console import Console

    from evals.command import run_command

    return run_command(settings, suite=args.suite, configs=args.configs, mode=args.mode, out=args.out,
                       index_dir=args.index_dir, gate=args.gate, console=Console(), share_embeddings=args.reuse_embeddings,
                       tags=args.tags, skip_tags=args.skip_tags)


def _advise(args: argparse.Namespace, settings) -> int:
    from app import Assistant
    from app.advice.reader import read_cv

    if args.file == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.file)
        if not path.is_file():
            raise UserError(f"no CV file at {path}; give a .txt, .md, .pdf or .docx file, or - to paste the text on stdin")
        text = read_cv(path.read_bytes(), path.name)
    advice = Assistant(settings).advise(text, target=args.target)
    if args.json:
        print(json.dumps(advice.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(advice.text)
    print("\nSources:")
    for c in advice.citations:
        print(f"[{c.number}] {c.title}" + (f" › {c.metadata['section']}" if c.metadata.get("section") else "") + f" ({c.source})")
    return 0


def _vocabulary(settings):
    from ingest.vocabulary import load_vocabulary

    if not settings.vocabulary_path.exists():
        raise UserError(f"vocabulary file {settings.vocabulary_path} is missing; set AISEC_CORPUS_DIR to the corpus folder")
    return load_vocabulary(settings.vocabulary_path)


def run() -> None:
    """The `aisec` console script: main(), then an exit that skips tearing the interpreter down.

    Freeing every module and object at exit took 0.2-0.5 s after an ingest (Chroma's, ONNX Runtime's, SciPy's), all
    of it after the work was done. atexit handlers still run and output is flushed; what is skipped frees memory the
    process is about to lose anyway. The index is on disk before this, as it must be for a crash (ingest is built to
    survive SIGKILL at any point)."""
    import atexit

    code = main()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing left to say
            pass
    os._exit(code)


if __name__ == "__main__":
    run()
