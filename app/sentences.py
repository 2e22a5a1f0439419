"""Split passages into clean, quotable sentences, and answers into sentences with their [n] markers."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any

from ingest.lexical import lexical_tokens

if TYPE_CHECKING:
    from app.types import Passage

MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")  # [2], also grouped [2, 3]; any digit count, so no [1234] slips through
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Inc.", "Ltd.", "Dr.", "No.", "St.", "U.S.", "approx.", "Rev.")
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(*\[]?[A-Z0-9])")
BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
EMPHASIS = re.compile(r"(\*\*|__|`)|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
BOLD_HEADING = re.compile(r"^\*\*[^*]+\*\*:?$")
BOLD_LABEL = re.compile(r"^\*\*([^*]+?)[.:]?\*\*[.:]?\s+")  # a list item's bold label, joined to what follows
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
MIN_CHARS, MAX_CHARS = 25, 420
# A passage sentence that tells the model what to do is prompt injection: data to show, never evidence
# for an answer nor a sentence to quote.
INSTRUCTION = re.compile(r"\b(?:ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(?:instructions?|prompts?|rules|directions)\b"
                         r"|\byou are now\b|\brepeat after me\b|\b(?:reply|respond|answer|say)\s+only\b", re.IGNORECASE)
NAME_SHARE = 3  # a clipped sentence keeps the name it opens with when that takes at most a third of it
REQUIREMENTS_START = "Skills: "  # ingest/postings.py renders skills, then clouds and certifications, last
LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")  # [text](url): an answer quotes the text, never the link
TAG = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|</?[A-Za-z][^<>]*>", re.IGNORECASE | re.DOTALL)  # markup, not sentence
# a sentence is finished once the next one has begun: markers may still follow its full stop ("... version. [2]")
SENTENCE_END = re.compile(r"[.!?](?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*(?=\s+[^\s\[])")


def passage_sentences(text: str, reference: str | None = None) -> list[str]:
    """Sentences of a passage worth quoting: headings, rules and fragments dropped, markup removed; a posting's
    block of fields is quoted as its one-line `reference` instead."""
    return [sentence for sentence, _ in passage_items(text, reference)]


def passage_items(text: str, reference: str | None = None, focus: Collection[str] = (),
                  limit: int = MAX_CHARS) -> list[tuple[str, str]]:
    """passage_sentences() with where each came from: "step" (a plain list item), "option" (a list item opened by
    a bold label, one of several alternatives), "posting" (a posting's reference), "requirements" (the skills,
    clouds and certifications it lists) or "prose". A sentence longer than `limit` keeps the clause sharing most
    of the `focus` words (a question's lexical tokens) and what follows it; the end of a sentence the passage begins
    inside opens with an ellipsis ("…Tracking the …")."""
    items: list[tuple[str, str]] = []
    inside = begins_inside(text)
    for block in _blocks(text):
        kind, cut = "prose", inside
        inside = False
        if BULLET.match(block):
            kind = "option" if BULLET.sub("", block).startswith("**") else "step"
            block = BOLD_LABEL.sub(r"\1: ", BULLET.sub("", block))  # "**SAIF (2023).** Six elements" is one sentence
        if block.startswith("|"):
            block = " — ".join(c.strip() for c in block.strip("|").split("|") if c.strip())
        block = TAG.sub("", LINK.sub(r"\1", EMPHASIS.sub("", BULLET.sub("", block))))
        if block.startswith("Company: "):  # a posting's fields stay one unit, quoted as its short reference
            items.append((_clip(TAG.sub("", reference or block)), "posting"))
            asks = block.find(REQUIREMENTS_START)
            if reference and asks >= 0:  # what it asks for (skills, clouds, certifications) is quotable on its own
                items.append((_clip(TAG.sub("", block[asks:])), "requirements"))
            continue
        for position, sentence in enumerate(_whole_quotations(split_sentences(block))):
            quoted = _clip(sentence, focus, limit)
            quoted = f"…{quoted}" if cut and not position and not quoted.startswith("…") else quoted  # only its end
            if len(sentence) >= MIN_CHARS and not INSTRUCTION.search(sentence):
                items.append((_as_sentence(quoted), kind))
    return items


def repeats(sentence: str, quoted: Iterable[str]) -> bool:
    """Whether every word of `sentence` is in one sentence of `quoted`: the same sentence cut differently where two
    chunks overlap ("…data leakage through an assistant, …) aligned with the MANAGE function of the NIST AI RMF.")."""
    words = set(lexical_tokens(sentence))
    return bool(words) and any(words <= set(lexical_tokens(text)) for text in quoted)


def without_conjunction(clause: str, conjunctions: Collection[str]) -> str:
    """A clause clipped from a long sentence ("…and obligations for …") quoted without the conjunction that joined it
    to the clause before, as a sentence: "…Obligations for …"; any other sentence unchanged."""
    first, _, rest = clause[1:].partition(" ")
    return _as_sentence(f"…{rest}") if clause.startswith("…") and rest and first.lower() in conjunctions else clause


def _as_sentence(text: str) -> str:
    """A clause quoted on its own reads as a sentence: one opening with a lower-case word (a passage that begins
    inside a sentence, a clause clipped from a long one) starts with a capital ("…tracking the…" -> "…Tracking the…")."""
    start = len(text) - len(text.lstrip("…"))
    first = text[start:].split(" ", 1)[0]
    return f"{text[:start]}{first[:1].upper()}{text[start + 1:]}" if first.isalpha() and first.islower() else text


def quoted_sentences(passage: Passage) -> list[str]:
    """A retrieved passage's quotable sentences (see `passage_sentences`), a posting's fields as its reference."""
    return passage_sentences(passage.text, posting_reference(passage.metadata))


def posting_reference(metadata: dict) -> str | None:
    """A posting as one short line: title — company, place, pay (and that it is a sample); None for documents. The
    place says "remote" once: not "Remote (US), remote"."""
    if metadata.get("kind") != "posting":
        return None
    location, arrangement = str(metadata.get("location") or ""), str(metadata.get("remote") or "")
    place = ", ".join(p for p in (location, "" if arrangement.casefold() in location.casefold() else arrangement) if p)
    low, high = metadata.get("salary_min"), metadata.get("salary_max")
    pay = f"{low:,}–{high:,} {metadata.get('currency') or ''} per year".replace("  ", " ") if low and high else ""
    details = ", ".join(part for part in (metadata.get("company"), place, pay) if part)
    sample = " (a fictional sample posting)" if metadata.get("sample") else ""
    return as_data(f"{metadata.get('job_title') or metadata.get('title', '')} — {details}{sample}")


def as_data(text: str) -> str:
    """Text from a record's fields as an answer may show it: no markup, nothing that reads as a citation marker."""
    return " ".join(MARKER.sub("", TAG.sub("", text)).split())


def posting_facts(text: str, metadata: dict) -> str | None:
    """A posting's title and block of fields as one line ("Title: Company: …. Skills: …"), None for documents and
    for a posting's later passages: what its reference is found by, though only the reference is quoted."""
    block = next((b for b in _blocks(text) if b.startswith("Company: ")), None) if metadata.get("kind") == "posting" else None
    return TAG.sub("", f"{metadata.get('job_title') or metadata.get('title', '')}: {block}") if block else None


def _blocks(text: str) -> list[str]:
    """Paragraphs, list items and table rows, with hard-wrapped lines joined back together. A bold label standing
    above a list ("**Three-to-six-month study plan for a SOC analyst**:") opens its first item, which quotes it; a
    bold line without a colon, like a heading, only navigates and is dropped."""
    blocks: list[str] = []
    joinable, label = False, ""
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if BOLD_HEADING.match(line):
            label, joinable = _label_of(line), False
            continue
        if not line or line.startswith("#") or TABLE_RULE.match(line):
            label = "" if line.startswith("#") else label
            joinable = False
            continue
        starts_block = bool(BULLET.match(line)) or line.startswith(("|", "Company: "))
        if joinable and not starts_block:
            blocks[-1] = f"{blocks[-1]} {line}"
        else:
            bullet = BULLET.match(line)
            opening = bullet.group(0) if bullet else ""
            labelled = label and not line.startswith(("|", "Company: "))  # a table row or a posting's fields keep their shape
            blocks.append(f"{opening}{label}: {line[len(opening):]}" if labelled else line)
            label = ""
        joinable = not line.startswith("|")
    return blocks


def _label_of(line: str) -> str:
    """The text of a bold line that labels what follows (it ends in a colon, inside or after the bold), else ""."""
    inner = line.rstrip(":").strip("*")
    return inner.rstrip(":").strip() if line.endswith(":") or inner.endswith(":") else ""


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


def is_acronym(word: str) -> bool:
    """Whether a word is written in capitals ("IT", "US"): an acronym, never the pronoun it spells ("it", "us")."""
    return len(word) > 1 and word.isupper()


def is_dash(word: str) -> bool:
    """Whether a word is a dash standing alone between words ("mentioned - is that…", "a bootcamp — how many…"), which
    ends a clause."""
    return len(word) == 1 and word in "—–-"


def points_back(sentence: str, back_references: Collection[str]) -> bool:
    """Whether a sentence opens or ends with a back-reference ("Its root causes …", "… pair well with it"); an acronym
    in capitals ("IT auditors") and a reference inside the sentence ("such as CIA", "its exam") are none."""
    words = sentence.split()
    if not words:
        return False
    opening = words[0].strip("\"'(“‘")
    closing = words[-1].strip(".,;:!?\"')”’")
    return not is_acronym(opening) and opening.lower() in back_references or closing in back_references


def begins_inside(text: str) -> bool:
    """Whether `text` begins inside a sentence: with a lower-case word (not "torch.load") or with an aside that a
    lower-case word or a colon follows ("(February 2023) demonstrated …" after "Greshake et al.")."""
    text = text.lstrip()
    if text.startswith("("):
        after = text[text.find(")") + 1:].lstrip() if ")" in text else ""
        return after[:1] in (":", ",", ";") or after[:1].islower()
    opening = (text.split(maxsplit=1) or [""])[0]
    return opening.isalpha() and opening.islower()


def _whole_quotations(sentences: list[str]) -> list[str]:
    """The sentences with a quotation that spans several kept as one ("A data scientist wants to deploy a model …
    Walk through your intake process." is one example question), with the bracketed aside that follows it ("…as
    deployer." (Employment is an Annex III area.))."""
    joined: list[str] = []
    for sentence in sentences:
        if joined and (_inside_quotation(joined[-1]) or sentence.startswith("(") and joined[-1].endswith(('"', "”"))):
            joined[-1] += f" {sentence}"
        else:
            joined.append(sentence)
    return joined


def _inside_quotation(text: str) -> bool:
    """Whether `text` ends inside a quotation: its last double quote opens one (at the start or after a space or
    bracket; not the closing quote of a passage that begins inside a quotation), or it has more “ than ”."""
    last = text.rfind('"')
    return last >= 0 and text[last - 1:last].strip(" ([") == "" or text.count("“") > text.count("”")


def split_sentences(text: str) -> list[str]:
    """Split running text at sentence ends, not at common abbreviations nor at a "?" or "!" closing a quoted title
    that an aside follows (in "Asleep at the Keyboard?" (IEEE, 2022) the mark ends the title, not the sentence), nor
    after the "et al." of a paper's authors, nor before an aside that continues the sentence ("Greshake et al.
    (February 2023) demonstrated …"; the chunker's pieces may still end there)."""
    sentences: list[str] = []
    for piece in (piece.strip() for piece in sentence_pieces(text)):
        continues = sentences and (sentences[-1].endswith(" et al.") or piece.startswith("(") and (
            sentences[-1][-2:] in ('?"', "?”", '!"', "!”") or begins_inside(piece)))
        if continues:
            sentences[-1] += f" {piece}"
        elif piece:
            sentences.append(piece)
    return sentences


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


def _clip(sentence: str, focus: Collection[str] = (), limit: int = MAX_CHARS) -> str:
    """A sentence cut to `limit` characters: from its start, or from the clause that shares most focus words when that
    clause would be cut off ("…obligations for Annex I systems from 2 August 2028"), after the name the sentence
    opens with, which says what the clause is about ("The Cybersecurity Framework Profile for Artificial Intelligence
    (Cyber AI Profile, NIST IR 8596) … NIST released it as a preliminary draft…", see `_named_opening`); a bracket
    open at the cut is closed after the ellipsis ("(whether a later draft…)")."""
    sentence = MARKER.sub("", sentence).strip()
    if len(sentence) <= limit:
        return sentence
    start = _focus_start(sentence, set(focus), limit)
    name = _named_opening(sentence) if start else ""
    head = f"{name} … " if name and len(name) <= limit // NAME_SHARE and len(name) < start else "…" if start else ""
    room = limit - len(head)
    cut = sentence[start:start + room]
    if start + room < len(sentence):  # cut short: the ellipsis, and the brackets the cut left open closed after it
        cut = cut.rsplit(" ", 1)[0].rstrip(",;:") + "…"
        cut += ")" * max(0, cut.count("(") - cut.count(")"))
    return f"{head}{cut}"


def _named_opening(sentence: str) -> str:
    """The name a sentence opens with and the bracket after it giving its short form or identifier ("The Cybersecurity
    Framework Profile for Artificial Intelligence (Cyber AI Profile, NIST IR 8596)"): capitalised words before the
    bracket, a lower-case one only between two of them; "" when the sentence opens otherwise ("Common open-source
    tools include Microsoft's PyRIT (…)")."""
    bracket = sentence.find(" (")
    capitalised = [word[:1].isupper() for word in sentence[:max(bracket, 0)].split()]
    if not capitalised or not (capitalised[0] and capitalised[-1]) or not all(
            up or capitalised[i - 1] and capitalised[i + 1] for i, up in enumerate(capitalised)):
        return ""
    depth = 0
    for at in range(bracket + 1, len(sentence)):
        depth += {"(": 1, ")": -1}.get(sentence[at], 0)
        if not depth:
            return sentence[:at + 1]
    return ""


def as_held(sentence: str, text: str, reference: str | None = None) -> str:
    """A quoted sentence of a passage's `text` as the passage holds it, however long: one clipped where it is long
    ("Common open-source tools include …; and Inspect, the…") whole again; the sentence itself when the passage holds
    none it was cut from."""
    core = max(sentence.split("…"), key=len).strip()
    return next((held for held, _ in passage_items(text, reference, limit=len(text)) if core and core in held), sentence)


def item_clause(sentence: str, fit: Callable[[str], Any]) -> tuple[str, str | None]:
    """A list sentence cut to its item that `fit`s best (the first of equals; none fits whose fit is falsy; items
    between semicolons, else commas), after the words
    that open the list before a colon ("The … 2026 lists, in order: … LLM03:2026 Excessive Agency …"), and its other items, the cut
    item's place marked "…" ("Common open-source tools include Microsoft's PyRIT …, released in February 2024 …
    promptfoo for …"); the sentence and None when it lists none or no item holds."""
    separator = "; " if "; " in sentence else ", "
    items = sentence.rstrip(".…").split(separator)
    fits = [fit(item) for item in items]
    best = max((f for f in fits if f), default=None)
    held = None if best is None else fits.index(best)
    if held is None or len(items) < 3:
        return sentence, None
    opening = items[0].rsplit(": ", 1)[0] + ":" if ": " in items[0] else ""  # "… lists, in order:"
    cut = f"{opening} … {items[held]}".lstrip() if held else items[0]
    before, after = separator.join(items[:held]), separator.join(items[held + 1:])
    end = "…" if sentence.endswith("…") else "."  # a sentence clipped where it is long stays marked so
    rest = f"{before} …" if not after else f"… {after}{end}" if not held else f"{before} … {after}{end}"
    return (f"{cut} …" if held < len(items) - 1 else f"{cut}{end}"), _clip(rest)


def inline_list(sentence: str) -> tuple[str, list[str]]:
    """The list a sentence holds, as the words opening it and its items in order: after its last ": " when it has one,
    between semicolons, else inside brackets holding two commas or more ("the STRIDE categories (spoofing, tampering,
    …)"), else between commas; a last "X and Y" of a comma list read as two ("Govern, Map, Measure and Manage").
    No items for fewer than three, or fewer than four commas' items that nothing marks ("… in stages, set out in
    Article 113, to providers" lists nothing)."""
    text = sentence.rstrip(".…")
    opening, colon, listed = text.rpartition(": ")
    bracket = listed.rfind("(")
    if "; " not in listed and bracket >= 0 and listed.count(", ", bracket) >= 2:
        opening, listed = f"{opening}{colon}{listed[:bracket]}".strip(), listed[bracket + 1:].split(")")[0]
        colon = "("
    separator = "; " if "; " in listed else ", "
    items = [item.strip() for item in listed.split(separator)]
    if separator == ", " and not items[-1].startswith("and ") and " and " in items[-1]:
        items[-1:] = items[-1].rsplit(" and ", 1)
    if not colon:
        opening = items[0]
    enough = 3 if colon or separator == "; " else 4
    return opening, [item.removeprefix("and ") for item in items] if len(items) >= enough else []


def inline_items(sentence: str) -> list[str]:
    """The items of the list a sentence holds, in order (see `inline_list`)."""
    return inline_list(sentence)[1]


def _focus_start(sentence: str, focus: set[str], limit: int) -> int:
    """Where the clause (between semicolons, else commas) sharing most focus words starts, if it ends beyond
    `limit`; else 0."""
    separator = "; " if "; " in sentence else ", "
    starts, clauses, offset = [], sentence.split(separator), 0
    for clause in clauses:
        starts.append(offset)
        offset += len(clause) + len(separator)
    shared = [len(focus & set(lexical_tokens(clause))) for clause in clauses]
    best = max(range(len(clauses)), key=lambda i: shared[i]) if focus else 0
    return starts[best] if shared and shared[best] and starts[best] + len(clauses[best]) > limit else 0
