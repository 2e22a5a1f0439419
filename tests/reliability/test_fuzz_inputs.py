"""Property-based fuzzing of everything that takes outside input: nothing crashes, every rejection says why.

Loaders (random bytes, mixed encodings, zero-width and right-to-left characters, enormous lines, deeply nested
HTML, CSV with quoting errors, odd JSON and front matter), the chunker, the answer-sentence splitter, the citation
composer and verifier, the question validator, the filters and the UI renderer. Examples per property:
FUZZ_EXAMPLES (default 25) times FUZZ_SCALE (default 1; `make test-reliability` runs 10x, not derandomised).
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import string
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import UserError
from reliability_figures import count_case

DATA = Path(__file__).resolve().parents[1] / "data"
SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25")) * SCALE
LONGEST_LINE = 1_500_000 if SCALE > 1 else 200_000  # characters in the "enormous line" inputs
CHUNKED_LINE = 60_000 if SCALE > 1 else 6_000  # the chunker's share of such a line


def fuzz(examples: int = EXAMPLES):
    return settings(max_examples=examples, deadline=None, database=None, derandomize=SCALE == 1,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                                           HealthCheck.large_base_example])


# -- text that attacks parsers ----------------------------------------------------------------------------------
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
SCRIPTS = "שלום مرحبا Привет 你好 ñé ﬁ 𝔘𝔫𝔦 🙂 \u0301\u0308"
MARKUP = "<>&\"'`[]()*_#|{}$\\-=:;,./!?\t\r\n"
ALPHABET = st.sampled_from(list(ZERO_WIDTH + BIDI + SCRIPTS + MARKUP + string.ascii_letters + string.digits + " " * 8))
hostile_text = st.text(alphabet=ALPHABET, max_size=400) | st.text(max_size=200)
enormous_line = st.builds(lambda unit, n: unit * n, st.sampled_from(["a", "word ", "-", "A", "\u200b", "ش", "[1]", "<b>"]),
                          st.integers(50_000, LONGEST_LINE))
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252", "shift_jis")


@st.composite
def encoded(draw, text=hostile_text):
    """Text in one encoding, or pieces of it in several (the mixed files people really have)."""
    pieces = draw(st.lists(st.tuples(text, st.sampled_from(ENCODINGS)), min_size=1, max_size=4))
    return b"".join(t.encode(enc, errors="replace") for t, enc in pieces)


def nested_html(depth: int, tag: str, body: str) -> str:
    return f"<html><head><title>T</title></head><body>{f'<{tag}>' * depth}{body}{f'</{tag}>' * depth}</body></html>"


html_documents = st.one_of(
    st.builds(nested_html, st.integers(1, 6000), st.sampled_from(["div", "span", "p", "li", "table", "b", "h2"]), hostile_text),
    st.builds(lambda depth, body: "<div>" * depth + body, st.integers(1, 6000), hostile_text),  # never closed
    st.builds(lambda parts: "".join(parts), st.lists(st.sampled_from(
        ["<script>alert(1)</script>", "<!--", "-->", "<![CDATA[", "<style>", "<h1>", "</h1>", "<p>", "&amp", "&#0;",
         "&#x110000;", "<?xml?>", "<!DOCTYPE html>", "<img src=x onerror=alert(1)>", "text ", "<table><tr><td>"]),
        max_size=60)),
)


@st.composite
def csv_files(draw):
    """Header plus rows, with the quoting broken at random places."""
    header = ["id", "title", "company", "description", *draw(st.lists(st.sampled_from(["salary_min", "remote", "skills", "x"]),
                                                                        max_size=3))]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 8))):
        writer.writerow([draw(hostile_text) for _ in range(draw(st.integers(0, len(header) + 2)))])
    text = buffer.getvalue()
    for _ in range(draw(st.integers(0, 3))):  # stray quotes and separators
        if text:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(['"', '""', ',', '\n', '\r', '"\n"', '\x00'])) + text[at:]
    return text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(hostile_text, children, max_size=4), max_leaves=12)
POSTING = {"id": "p1", "title": "AI Security Engineer", "company": "Acme", "description": "Secure the model pipeline.",
           "seniority": "senior", "remote": "remote", "salary_min": 1, "salary_max": 2, "skills": ["python"]}
posting_like = st.builds(lambda extra: {**POSTING, **extra},
                         st.dictionaries(st.sampled_from(list(POSTING) + ["clouds", "posted", "url", "role_family", "currency"]),
                                         json_values, max_size=4))
deep_json = st.builds(lambda n, kind: ("[" * n + "]" * n) if kind else ('{"a":' * n + "1" + "}" * n),
                      st.integers(1, 200_000), st.booleans())


@st.composite
def jsonl_files(draw):
    lines = draw(st.lists(st.one_of(posting_like.map(json.dumps), json_values.map(json.dumps), hostile_text, deep_json),
                          max_size=8))
    return "\n".join(line.replace("\n", " ") for line in lines)


front_matter_markdown = st.builds(
    lambda front, body: "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body,
    st.dictionaries(st.sampled_from(["title", "sources", "updated", "role_families", "other"]), json_values, max_size=4),
    hostile_text,
) | st.builds(lambda raw, body: f"---\n{raw}\n---\n{body}", hostile_text, hostile_text)


def _fixture_pdf() -> bytes:
    return (DATA / "corpus" / "documents" / "threat-report.pdf").read_bytes()


pdf_bytes = st.one_of(
    st.builds(lambda cut: _fixture_pdf()[:cut], st.integers(0, len(_fixture_pdf()))),
    st.builds(lambda at, junk: _fixture_pdf()[:at] + junk + _fixture_pdf()[at:], st.integers(0, len(_fixture_pdf())),
              st.binary(max_size=64)),
    st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b),
)

# (suffix, raw file content) pairs
loader_inputs = st.one_of(
    st.tuples(st.sampled_from([".md", ".txt", ".html", ".csv", ".jsonl", ".json", ".pdf"]), st.binary(max_size=3000)),
    st.tuples(st.sampled_from([".md", ".txt", ".html"]), encoded()),
    st.tuples(st.sampled_from([".md", ".txt"]), enormous_line.map(str.encode)),
    st.tuples(st.just(".html"), html_documents.map(str.encode)),
    st.tuples(st.just(".csv"), csv_files().map(str.encode)),
    st.tuples(st.just(".jsonl"), jsonl_files().map(str.encode)),
    st.tuples(st.just(".json"), st.one_of(json_values.map(json.dumps), st.lists(posting_like).map(json.dumps), deep_json,
                                          st.builds(lambda rows: json.dumps({"postings": rows}), st.lists(json_values, max_size=4)))
              .map(str.encode)),
    st.tuples(st.just(".md"), front_matter_markdown.map(str.encode)),
    st.tuples(st.just(".pdf"), pdf_bytes),
)


@pytest.fixture(scope="module")
def vocabulary():
    from ingest.vocabulary import load_vocabulary

    return load_vocabulary(DATA / "corpus" / "vocabulary.yaml")


@pytest.fixture(scope="module")
def chunker():
    from ingest.chunking import Chunker

    return Chunker(64, 8)


def _reason_ok(exc: BaseException) -> bool:
    return isinstance(exc, ValueError) and len(str(exc).strip()) >= 5


def test_loaders_return_documents_or_a_valueerror_with_a_reason(tmp_path_factory, vocabulary, chunker):
    from ingest.files import file_hash
    from ingest.loaders import load_file
    from ingest.models import SourceFile

    folder = tmp_path_factory.mktemp("fuzz-loaders")

    @fuzz(EXAMPLES * 4)
    @given(loader_inputs, st.booleans())
    def check(case, mapping):
        count_case("loaders: load_file")
        suffix, data = case
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        mapping_file = folder / "input.mapping.yaml"
        if mapping and suffix == ".csv":  # a column mapping, sometimes broken itself
            mapping_file.write_text(json.dumps({"columns": {"title": "Job"}}) if data[:1] != b"x" else "columns: [", encoding="utf-8")
        else:
            mapping_file.unlink(missing_ok=True)
        source = SourceFile(path, folder, path.name, file_hash(path), len(data))
        try:
            result = load_file(source, vocabulary, max_rows=50)
        except Exception as exc:  # noqa: BLE001 - the property is about which exceptions escape
            assert _reason_ok(exc), f"{suffix}: {type(exc).__name__}: {exc!r}"
            return
        assert result.documents, "a load that returns must return documents"
        for document in result.documents:
            assert isinstance(document.text, str) and document.text.strip() and document.version and document.doc_id
            assert len({d.doc_id for d in result.documents}) == len(result.documents)
        for skipped in result.skipped:
            assert skipped.reason.strip() and skipped.row is not None
        if len(result.documents[0].text) < 20_000:  # the chunker takes whatever a loader produces
            assert chunker.chunk_document(result.documents[0])

    check()


def test_a_bad_file_is_skipped_with_a_reason_and_never_stops_the_plan(tmp_path_factory, vocabulary):
    """plan_changes, the caller of the loaders: every file ends up planned or skipped with its name and a reason."""
    from ingest.files import discover_files
    from ingest.plan import plan_changes

    root = tmp_path_factory.mktemp("fuzz-plan")

    @fuzz(EXAMPLES)
    @given(st.lists(loader_inputs, min_size=1, max_size=4))
    def check(cases):
        count_case("loaders: plan_changes over a folder")
        for old in root.iterdir():
            old.unlink()
        for number, (suffix, data) in enumerate(cases):
            (root / f"f{number}{suffix}").write_bytes(data)
        files, skipped = discover_files([root], root)
        plan = plan_changes(files, {}, [root], vocabulary, max_rows=50, max_file_mb=1)
        assert not skipped
        for sf in files:
            status = plan.file_status.get(sf.source)
            assert status in ("added", "failed"), (sf.source, status)
            if status == "failed":
                reasons = [s.reason for s in plan.skipped if s.source == sf.source and s.row is None]
                assert reasons and all(r.strip() for r in reasons)

    check()


# -- the chunker --------------------------------------------------------------------------------------------------
@st.composite
def documents(draw):
    from ingest.models import Document

    text = draw(st.one_of(hostile_text, enormous_line.map(lambda s: s[:CHUNKED_LINE]),
                          st.lists(hostile_text, max_size=6).map("\n\n".join)))
    cuts = sorted(set(draw(st.lists(st.integers(0, max(0, len(text) - 1)), max_size=4))))
    sections = tuple((cut, draw(hostile_text) or "Heading") for cut in cuts)
    kind = draw(st.sampled_from(["document", "posting"]))
    return Document(doc_id=f"doc:{draw(hostile_text)}", source="x.md", title=draw(hostile_text) or "Title", kind=kind,
                    text=text, version=draw(st.text(alphabet="0123456789abcdef", min_size=12, max_size=64)),
                    metadata={"location": draw(hostile_text)} if kind == "posting" else {},
                    sections=sections, text_offset=draw(st.integers(0, 100)))


def test_chunker_keeps_offsets_ids_and_size(chunker):
    from ingest.chunking import cl100k_encode

    encode = cl100k_encode()

    @fuzz(EXAMPLES * 2)
    @given(documents())
    def check(document):
        count_case("chunker: chunk_document")
        chunks = chunker.chunk_document(document)
        if document.text.strip():
            assert chunks
        assert len({c.chunk_id for c in chunks}) == len(chunks)
        assert [c.metadata["chunk_index"] for c in chunks] == list(range(len(chunks)))
        for chunk in chunks:
            assert chunk.text.strip()
            start, end = chunk.metadata["start_char"] - document.text_offset, chunk.metadata["end_char"] - document.text_offset
            assert 0 <= start <= end <= len(document.text)
            assert document.text[start:end] == chunk.text, "character offsets do not point at the chunk"
            assert len(encode(chunk.text)) <= 64 + 8, "chunk over the configured size"

    check()


# -- answers: sentences, markers, citation verification -----------------------------------------------------------
MARKERISH = st.sampled_from(["[1]", "[2]", "[99]", "[0]", "[1234]", "[ 1 ]", "[1][2]", "[", "]", "[[3]]", "[-1]", "[01]",
                             ". [1]", "[unsupported]"])
answer_text = st.lists(st.one_of(hostile_text, MARKERISH), max_size=12).map(" ".join)


def test_answer_sentences_split_any_text():
    from app.sentences import answer_sentences

    @fuzz(EXAMPLES * 2)
    @given(st.one_of(answer_text, enormous_line.map(lambda s: s[:100_000])))
    def check(text):
        count_case("citations: answer_sentences")
        for sentence, numbers in answer_sentences(text):
            assert sentence.strip() and all(isinstance(n, int) and n >= 0 for n in numbers)
            assert not re.search(r"\[\d+\]", sentence), f"a marker survived in {sentence!r}"

    check()


def fake_embed(texts: list[str]) -> np.ndarray:
    """Deterministic unit vectors from character counts: fast, and similar texts land close."""
    vectors = np.zeros((len(texts), 64), dtype=np.float32)
    for row, text in enumerate(texts):
        for ch in text.lower():
            vectors[row, ord(ch) % 64] += 1
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1
    return vectors / norms


def _passage(text: str, number: int):
    from app.types import Passage

    return Passage(f"d{number}#v#0000", text, {"doc_id": f"d{number}", "source": f"s{number}.md", "title": f"T{number}",
                                             "kind": "document", "version": "v"}, 1.0 / (number + 1))


def test_compose_answer_only_shows_markers_that_resolve():
    from app.compose import compose_answer
    from app.sentences import answer_sentences
    from app.support import SupportChecker

    checker = SupportChecker(fake_embed, threshold=0.5)

    @fuzz(EXAMPLES * 2)
    @given(st.lists(st.one_of(hostile_text, answer_text), max_size=6), st.lists(st.tuples(answer_text, st.lists(st.integers(-3, 9), max_size=4)), max_size=6),
           st.booleans(), st.booleans())
    def check(passage_texts, draft, keep_unsupported, through_llm_parser):
        count_case("citations: compose_answer (formatter and verifier)")
        passages = [_passage(t, i) for i, t in enumerate(passage_texts)]
        if through_llm_parser:  # the LLM path: raw text with markers, parsed back into a draft
            raw = " ".join(f"{s} " + "".join(f"[{n}]" for n in ns) for s, ns in draft)
            draft = [(s, [n - 1 for n in ns]) for s, ns in answer_sentences(raw)]
        text, citations, checks = compose_answer(draft, passages, checker, keep_unsupported=keep_unsupported)
        assert [c.number for c in citations] == list(range(1, len(citations) + 1))
        for number in re.findall(r"\[(\d+)\]", text):
            assert 1 <= int(number) <= len(citations), f"marker [{number}] does not resolve in {text!r}"
        assert len(checks) == len(draft)
        for check_ in checks:
            assert check_.status in ("supported", "unsupported", "dropped")
            assert all(1 <= n <= len(citations) for n in check_.supported_by)
            if check_.status != "supported" and check_.cited:
                assert check_.reasons, "an unsupported citation must say why"
        if not keep_unsupported:
            assert all(c.status != "unsupported" for c in checks)

    check()


def test_support_checker_takes_any_sentence_and_passage():
    from app.support import SupportChecker, names_in, numbers_in, without_instructions

    checker = SupportChecker(fake_embed)

    @fuzz(EXAMPLES * 2)
    @given(st.one_of(hostile_text, answer_text), st.one_of(hostile_text, answer_text, enormous_line.map(lambda s: s[:20_000])))
    def check(sentence, passage):
        count_case("citations: support checker")
        result = checker.check(sentence, passage)
        assert isinstance(result.supported, bool) and math.isfinite(result.similarity)
        assert result.supported or result.reasons
        numbers_in(passage), names_in(passage), without_instructions(passage)

    check()


# -- questions, filters, history -----------------------------------------------------------------------------------
def test_question_validator_normalises_or_says_why():
    from app.assistant import Assistant
    from app.settings import Settings

    holder = SimpleNamespace(settings=Settings(max_question_chars=2000))

    @fuzz(EXAMPLES * 3)
    @given(st.one_of(hostile_text, enormous_line.map(lambda s: s[:5000]), st.text(alphabet=ZERO_WIDTH + BIDI + " \t\n\x00\x07"),
                     json_values, st.binary(max_size=20)))
    def check(question):
        count_case("questions: validate_question")
        try:
            cleaned = Assistant.validate_question(holder, question)
        except UserError as exc:
            assert len(str(exc)) > 10
            return
        assert isinstance(question, str)
        assert cleaned and cleaned == cleaned.strip() and len(cleaned) <= 2000
        assert not any(ch in cleaned for ch in ZERO_WIDTH + BIDI + "\x00\x07\n\t")

    check()


def test_filters_are_parsed_or_refused_with_a_reason():
    from app.filters import Filters, chroma_where, matches, parse_filters

    roles = ("mlsecops", "ai-governance")
    names = st.sampled_from(["kind", "role_family", "seniority", "remote", "location", "min_salary", "posted_after", "skills", "bogus"])
    values = st.one_of(json_values, st.sampled_from(["posting", "mlsecops", "senior", "remote", "2025-01-01", "150000"]),
                       st.floats(), st.integers(-10**30, 10**30))

    @fuzz(EXAMPLES * 2)
    @given(st.one_of(st.dictionaries(names, values, max_size=4), json_values))
    def check(raw):
        count_case("questions: parse_filters")
        try:
            filters = parse_filters(raw, roles)
        except UserError as exc:
            assert len(str(exc)) > 10
            return
        assert isinstance(filters, Filters)
        chroma_where(filters)
        matches(filters, {"kind": "posting", "salary_max": 150000, "skills": ["python"], "location": "Remote"})
        if filters.min_salary is not None:
            assert abs(filters.min_salary) < 2**63, "Chroma cannot compare with integers beyond 64 bits"

    check()


def test_follow_up_rewriting_takes_any_history():
    from app.followup import FollowUpRewriter
    from app.lexicon import load_lexicon
    from app.settings import Settings

    standalone = FollowUpRewriter(load_lexicon(Settings().lexicon_path), ["mlsecops", "ai governance"]).standalone

    @fuzz(EXAMPLES)
    @given(hostile_text.filter(str.strip), st.one_of(st.none(), st.lists(st.one_of(json_values, st.fixed_dictionaries(
        {"role": st.sampled_from(["user", "assistant", "x"]), "content": json_values})), max_size=5)))
    def check(question, history):
        count_case("questions: standalone_question(history)")
        assert isinstance(standalone(question, history), str)

    check()


# -- the UI renderer ------------------------------------------------------------------------------------------------
SAFE_TAGS = {"div", "span", "details", "summary", "code", "mark", "figure"}
URLS = st.sampled_from(["https://jobs.example/123", "http://evil.example/a?b=<c>&d='e'", "javascript:alert(1)",
                        'https://x.example/" onmouseover="alert(1)', "data:text/html,<script>alert(1)</script>",
                        "HTTPS://EXAMPLE.COM", "//evil.example", "http://[::1", "ftp://a"])


class TagAudit(HTMLParser):
    """Collects every element and attribute the browser would build from a piece of HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def audit(html: str) -> list[tuple[str, list]]:
    parser = TagAudit()
    parser.feed(html)
    parser.close()
    return parser.tags


def inert(html: str) -> list[tuple[str, list]]:
    """Our layout elements with class attributes only; links only to http(s) in a new tab without an opener;
    images only as inline PNG data. Returns the elements, for callers that check more."""
    tags = audit(html)
    for tag, attrs in tags:
        names = {name for name, _ in attrs}
        values = dict(attrs)
        assert not any(name.startswith("on") for name in names), f"<{tag} {attrs}>"
        if tag == "a":
            assert names <= {"href", "target", "rel", "class"}, attrs
            assert re.match(r"https?://[^\s\"'<>`]+$", values.get("href") or "", re.IGNORECASE), attrs
            assert values.get("target") == "_blank" and "noopener" in (values.get("rel") or ""), attrs
        elif tag == "img":
            assert names <= {"src", "style", "alt", "class"} and values["src"].startswith("data:image/png;base64,"), attrs
        else:
            assert tag in SAFE_TAGS, f"<{tag}> in rendered output"
            assert names <= {"class"}, f"<{tag} {attrs}>"
    return tags


citation_dicts = st.fixed_dictionaries({
    "number": st.integers(0, 99), "source": hostile_text, "title": hostile_text, "text": st.one_of(hostile_text, answer_text),
    "score": st.floats(allow_nan=False), "doc_id": hostile_text, "kind": st.sampled_from(["document", "posting"]) | hostile_text,
    "supporting": st.lists(st.one_of(hostile_text, answer_text), max_size=3),
    "metadata": st.fixed_dictionaries({}, optional={k: hostile_text for k in ("company", "location", "seniority", "section", "currency")}
                                      | {"url": URLS | hostile_text, "page": st.integers(0, 999), "salary_min": st.integers(0, 10**7),
                                         "salary_max": st.integers(0, 10**7)}),
})


def test_ui_rendering_never_produces_active_content():
    from app.ui.render import answer_html, error_html, streaming_html, user_html

    @fuzz(EXAMPLES * 2)
    @given(st.fixed_dictionaries({"text": st.one_of(answer_text, hostile_text), "abstained": st.booleans(),
                                  "citations": st.lists(citation_dicts, max_size=3), "related": st.lists(citation_dicts, max_size=2),
                                  "notes": st.lists(hostile_text, max_size=2), "standalone_question": st.none() | hostile_text}),
           hostile_text, st.dictionaries(hostile_text, hostile_text, max_size=3))
    def check(answer, question, filters):
        count_case("ui: render functions")
        for html in (answer_html(answer), user_html(question, filters), streaming_html(answer["text"]), error_html(question)):
            inert(html)
            text_only = re.sub(r"<[^>]*>", "", html)
            assert "<" not in text_only and ">" not in text_only
            for forbidden in ("](", "$", "`"):
                assert forbidden not in text_only, forbidden

    check()
