"""Answers, sources and questions as HTML in which every piece of corpus or user text is escaped."""
from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

from app.sentences import MARKER

WORD = re.compile(r"\w+")
SEGMENT = re.compile(r"[^\n.!?]+[.!?]*")
# html.escape leaves these alone; as entities they can never start a Markdown link, LaTeX or a template.
EXTRA_ENTITIES = str.maketrans({"[": "&#91;", "]": "&#93;", "(": "&#40;", ")": "&#41;", "$": "&#36;", "`": "&#96;",
                                "{": "&#123;", "}": "&#125;", "\\": "&#92;"})


def esc(value: Any) -> str:
    """Text safe to put inside any HTML element or attribute, shown exactly as written."""
    return html.escape("" if value is None else str(value), quote=True).translate(EXTRA_ENTITIES)


def answer_text_html(text: str) -> str:
    """Escaped answer text with each [n] marker wrapped so it stands out."""
    pieces, last = [], 0
    for match in MARKER.finditer(text):
        opening = text.index("[", match.start())  # the white space before a marker stays outside it
        pieces.append(esc(text[last:opening]))
        pieces.append(f'<span class="aisec-marker">{esc(text[opening:match.end()])}</span>')
        last = match.end()
    pieces.append(esc(text[last:]))
    return "".join(pieces)


def user_html(question: str, filters: dict[str, Any] | None = None) -> str:
    """The user's question, and the filters it was asked with."""
    shown = "; ".join(f"{name.replace('_', ' ')}: {value}" for name, value in (filters or {}).items() if value not in (None, ""))
    note = f'<div class="aisec-filters">Filters: {esc(shown)}</div>' if shown else ""
    return f'<div class="aisec-question">{esc(question)}</div>{note}'


def streaming_html(partial: str) -> str:
    """An answer still being written."""
    text = f'{answer_text_html(partial)}<span class="aisec-cursor">▍</span>'
    return f'<div class="aisec-answer aisec-streaming"><div class="aisec-text">{text}</div></div>'


def error_html(message: str) -> str:
    """A question that could not be answered because something failed."""
    notice = '<div class="aisec-notice">Could not answer</div>'
    return f'<div class="aisec-answer aisec-error">{notice}<div class="aisec-text">{esc(message)}</div></div>'


def answer_html(answer: dict[str, Any], chart: str = "") -> str:
    """A finished answer (Answer.to_dict()): text, notes, its chart (ready-made HTML) and its sources; abstentions look different."""
    abstained = bool(answer.get("abstained"))
    parts = [f'<div class="aisec-answer{" aisec-abstained" if abstained else ""}">']
    if abstained:
        parts.append('<div class="aisec-notice">Not in the corpus: no passage supports an answer</div>')
    parts.append(f'<div class="aisec-text">{answer_text_html(answer.get("text", ""))}</div>')
    if answer.get("standalone_question"):
        parts.append(f'<div class="aisec-meta">Read as: {esc(answer["standalone_question"])}</div>')
    for note in answer.get("notes") or []:
        parts.append(f'<div class="aisec-note">{esc(note)}</div>')
    parts.append(chart)
    sources = answer.get("related" if abstained else "citations") or []
    if sources:
        heading = "Related passages (closest matches, not evidence)" if abstained else "Sources"
        parts.append(f'<div class="aisec-sources"><div class="aisec-sources-title">{heading}</div>')
        parts.extend(source_html(citation) for citation in sources)
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def source_html(citation: dict[str, Any]) -> str:
    """One numbered source: where it comes from, what it is, and the passage (expandable)."""
    meta = citation.get("metadata") or {}
    where = str(citation.get("source", ""))
    if meta.get("page"):
        where += f", p. {meta['page']}"
    facts = [f'<span class="aisec-kind">{esc(citation.get("kind", "document"))}</span>']
    if citation.get("kind") == "posting":
        facts.extend(f'<span>{esc(meta[k])}</span>' for k in ("company", "location", "seniority") if meta.get(k))
        if salary_range(meta):
            facts.append(f'<span class="aisec-salary">{esc(salary_range(meta))}</span>')
    elif meta.get("section"):
        facts.append(f"<span>{esc(meta['section'])}</span>")
    if citation.get("kind", "document") == "document":
        reviewed = f"reviewed {citation['reviewed']}" if citation.get("reviewed") else "not reviewed"
        facts.append(f'<span class="aisec-reviewed">{esc(reviewed)}</span>')
    link = url_html(meta.get("url"))
    number = esc(f"[{citation.get('number', '')}]")
    return (
        f'<details class="aisec-source"><summary><span class="aisec-num">{number}</span> '
        f'<span class="aisec-title">{esc(citation.get("title") or where)}</span> '
        f'<code class="aisec-path">{esc(where)}</code> <span class="aisec-facts">{" · ".join(facts)}</span></summary>'
        f'<div class="aisec-passage">{highlight(citation.get("text", ""), citation.get("supporting") or [])}</div>{link}</details>'
    )


def web_url(value: Any) -> str | None:
    """`value` when it is an absolute http(s) URL with a host (safe to link to), else None."""
    if not isinstance(value, str) or not value or any(ch.isspace() or not ch.isprintable() or ch in '"<>\\`' for ch in value):
        return None
    try:
        parts = urlsplit(value)
        host, _ = parts.hostname, parts.port
    except ValueError:  # e.g. an invalid IPv6 host or port
        return None
    return value if parts.scheme.lower() in ("http", "https") and host else None


def url_html(url: Any) -> str:
    """A posting's public URL: a link that opens in a new tab when it is http(s), otherwise inert text."""
    if not url:
        return ""
    if web_url(url):
        return (f'<div class="aisec-url">Posting: <a href="{esc(url)}" target="_blank" rel="noopener noreferrer nofollow">'
                f"{esc(url)}</a></div>")
    return f'<div class="aisec-url">Posting URL (not a web address, not linked): {esc(url)}</div>'


def salary_range(meta: dict[str, Any]) -> str:
    """"140,000–170,000 USD", one bound if only one is known, or ""."""
    low, high, currency = meta.get("salary_min"), meta.get("salary_max"), meta.get("currency") or ""
    if low is None and high is None:
        return ""
    bounds = "–".join(f"{int(v):,}" for v in (low, high) if v is not None)
    return f"{bounds} {currency}".strip()


def highlight(passage: str, supporting: list[str]) -> str:
    """The escaped passage with the spans that match a supporting sentence wrapped in <mark>."""
    spans = sorted(span for sentence in supporting for span in _sentence_spans(passage, sentence))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, last = [], 0
    for start, end in merged:
        pieces.append(esc(passage[last:start]))
        pieces.append(f"<mark>{esc(passage[start:end])}</mark>")
        last = end
    pieces.append(esc(passage[last:]))
    return "".join(pieces)


def _sentence_spans(passage: str, sentence: str) -> list[tuple[int, int]]:
    """Where `sentence` sits in the passage: verbatim (any whitespace), else the segments made of its words."""
    words = sentence.split()
    if not words:
        return []
    exact = re.search(r"\s+".join(re.escape(w) for w in words), passage)
    if exact:
        return [exact.span()]
    if words[-1][-1:] in ".!?" and len(words[-1]) > 1:  # compose adds a full stop the passage may not have
        exact = re.search(r"\s+".join(re.escape(w) for w in [*words[:-1], words[-1][:-1]]), passage)
        if exact:
            return [exact.span()]
    vocabulary = {w.lower() for w in WORD.findall(sentence)}
    spans = []
    for match in SEGMENT.finditer(passage):
        tokens = [w.lower() for w in WORD.findall(match.group(0))]
        if len(tokens) >= 2 and sum(t in vocabulary for t in tokens) / len(tokens) >= 0.8:
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            spans.append((start, match.end()))
    return spans
