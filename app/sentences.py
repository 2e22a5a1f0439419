"""Split passages into clean, quotable sentences, and answers into sentences with their [n] markers."""
from __future__ import annotations

import re

MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")  # [2], also grouped [2, 3]; any digit count, so no [1234] slips through
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Inc.", "Ltd.", "Dr.", "No.", "St.", "U.S.", "approx.", "Rev.")
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(*\[]?[A-Z0-9])")
BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
EMPHASIS = re.compile(r"(\*\*|__|`)|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
BOLD_HEADING = re.compile(r"^\*\*[^*]+\*\*:?$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
MIN_CHARS, MAX_CHARS = 25, 420
LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")  # [text](url): an answer quotes the text, never the link
TAG = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|</?[A-Za-z][^<>]*>", re.IGNORECASE | re.DOTALL)  # markup, not sentence
# a sentence is finished once the next one has begun: markers may still follow its full stop ("... version. [2]")
SENTENCE_END = re.compile(r"[.!?](?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*(?=\s+[^\s\[])")


def passage_sentences(text: str, title: str | None = None) -> list[str]:
    """Sentences of a passage worth quoting: headings, rules and fragments dropped, markup removed."""
    sentences: list[str] = []
    for block in _blocks(text):
        if block.startswith("|"):
            block = " — ".join(c.strip() for c in block.strip("|").split("|") if c.strip())
        block = TAG.sub("", LINK.sub(r"\1", EMPHASIS.sub("", BULLET.sub("", block))))
        if block.startswith("Company: ") and title:  # the facts line of a posting stays one unit
            sentences.append(_clip(f"{TAG.sub('', title)}: {block}"))
            continue
        sentences.extend(_clip(s) for s in split_sentences(block) if len(s) >= MIN_CHARS)
    return sentences


def _blocks(text: str) -> list[str]:
    """Paragraphs, list items and table rows, with hard-wrapped lines joined back together."""
    blocks: list[str] = []
    joinable = False
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#") or TABLE_RULE.match(line) or BOLD_HEADING.match(line):
            joinable = False
            continue
        starts_block = bool(BULLET.match(line)) or line.startswith(("|", "Company: "))
        if joinable and not starts_block:
            blocks[-1] = f"{blocks[-1]} {line}"
        else:
            blocks.append(line)
        joinable = not line.startswith("|")
    return blocks


def sentence_pieces(text: str) -> list[str]:
    """Running text cut after each sentence end, not at common abbreviations; each piece keeps its trailing space,
    so the pieces join back into the text (the chunker's sentence splitter)."""
    protected = text
    for i, abbreviation in enumerate(ABBREVIATIONS):
        protected = protected.replace(abbreviation, f"\x00{i}\x00")
    pieces, start = [], 0
    for boundary in BOUNDARY.finditer(protected):
        pieces.append(protected[start:boundary.end()])
        start = boundary.end()
    pieces.append(protected[start:])
    for i, abbreviation in enumerate(ABBREVIATIONS):
        pieces = [piece.replace(f"\x00{i}\x00", abbreviation) for piece in pieces]
    return [piece for piece in pieces if piece]


def split_sentences(text: str) -> list[str]:
    """Split running text at sentence ends, not at common abbreviations."""
    return [piece.strip() for piece in sentence_pieces(text) if piece.strip()]


def strip_markers(sentence: str) -> tuple[str, list[int]]:
    """Remove [n] markers from a sentence; return the clean text and the numbers in order."""
    numbers = [int(n) if len(n) < 10 else 10**9 for group in MARKER.findall(sentence) for n in re.split(r"\s*[,;]\s*", group)]
    clean = MARKER.sub("", sentence).strip()
    return clean, list(dict.fromkeys(numbers))


def answer_sentences(text: str) -> list[tuple[str, list[int]]]:
    """An answer's sentences with the markers each carries (markers after the full stop count too)."""
    moved = re.sub(r"([.!?])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)", r"\2\1", text)
    result = []
    for line in moved.splitlines():
        line = BULLET.sub("", line.strip())
        for sentence in split_sentences(line):
            clean, numbers = strip_markers(sentence)
            if clean:
                result.append((clean, numbers))
    return result


def completed_sentences(text: str) -> str:
    """The part of streamed text that ends with a finished sentence (and its markers), or ""."""
    ends = list(SENTENCE_END.finditer(text))
    return text[: ends[-1].end()] if ends else ""


def _clip(sentence: str) -> str:
    sentence = MARKER.sub("", sentence).strip()
    if len(sentence) <= MAX_CHARS:
        return sentence
    cut = sentence[:MAX_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
