"""Turn drafted sentences into a verified answer: check each citation, drop the unsupported, renumber."""
from __future__ import annotations

from app.cut_items import cut_after_clause
from app.sentences import repeats, strip_markers
from app.support import SupportChecker, echoes_injection
from app.types import Citation, Passage, SentenceCheck
from ingest.lexical import lexical_tokens

RESTATED_MIN_WORDS = 8  # a clause this long whose words, but one, another clause holds (or the other way) says it again


def compose_answer(draft: list[tuple[str, list[int]]], passages: list[Passage], checker: SupportChecker,
                   *, keep_unsupported: bool) -> tuple[str, list[Citation], list[SentenceCheck]]:
    """Verify every (sentence, passage indices) pair; number citations 1..k in order of first use. A sentence whose
    words are all in one already shown is dropped, and so are a document's clauses that say again what a document's
    sentence shown says (see `_unsaid`: the same fact from another section or document), with the rest of a cut item
    so dropped; the rest of an item a chunk boundary cut is shown in the item's sentence, with the citations of both."""
    numbering: dict[int, int] = {}
    supporting: dict[int, list[str]] = {}
    pieces: list[tuple[str, str]] = []  # each shown sentence: what precedes its last clause, and that clause as drafted
    rendered: list[str] = []
    previous: list[int] = []  # the passages verifying the last shown clause
    shown: list[str] = []
    documents: list[bool] = []  # whether each shown sentence is quoted from documents (a posting states its own offer)
    checks: list[SentenceCheck] = []
    unsaid: tuple[str, list[int]] = ("", [])  # the last drafted sentence and its passages, when dropped as said before
    for sentence, cited in draft:
        if unsaid[1] and _continues(*unsaid, sentence, cited, passages):
            checks.append(SentenceCheck(sentence, [i + 1 for i in cited], [], "dropped", ["rest of a sentence said before"]))
            continue  # the rest of an item a chunk boundary cut goes with the item ("…Its ground is now covered by …")
        unsaid = ("", [])
        sentence = strip_markers(sentence)[0]  # marker-like text inside a drafted sentence is not ours: never shown
        if not sentence:
            checks.append(SentenceCheck(sentence, [i + 1 for i in cited], [], "dropped", ["no text besides markers"]))
            continue
        if repeats(sentence, shown):  # overlapping chunks, or two drafting steps, gave the same sentence twice
            checks.append(SentenceCheck(sentence, [i + 1 for i in cited], [], "dropped", ["repeats a sentence already shown"]))
            continue
        said = [text for text, quoted in zip(shown, documents) if quoted] if _of_documents(cited, passages) else []
        rest = _unsaid(sentence, said)
        if not rest:
            checks.append(SentenceCheck(sentence, [i + 1 for i in cited], [], "dropped", ["says again a sentence already shown"]))
            unsaid = (sentence, cited)
            continue
        sentence = rest
        supported, reasons = [], []
        for index in cited:
            if not 0 <= index < len(passages):
                reasons.append(f"marker [{index + 1}] does not resolve to a passage")
                continue
            result = checker.check(sentence, passages[index].text, passages[index].metadata.get("context", ""))
            if result.supported:
                supported.append(index)
            else:
                reasons.extend(f"[{index + 1}] {r}" for r in result.reasons)
        if supported:
            for index in supported:
                numbering.setdefault(index, len(numbering) + 1)
                supporting.setdefault(index, []).append(sentence)
            head, clause = "", sentence
            if pieces and _continues(pieces[-1][1], previous, sentence, supported, passages):  # one sentence, each
                head, before = pieces.pop()  # clause citing its own chunk: "… penalties [1]; practise … [2]"
                rendered.pop()
                head = f"{head}{before[:-1].rstrip()} {_markers(previous, numbering)}{before[-1]} "
                clause = _rest(sentence, passages[supported[0]].text)
            pieces.append((head, clause))
            rendered.append(f"{head}{_with_stop(clause)} {_markers(supported, numbering)}")
            previous = supported
            shown.append(f"{head}{clause}" if head else sentence)  # joined: the chunk holding it whole repeats it
            documents.append(_of_documents(supported, passages))
            status = "supported"
        elif keep_unsupported and echoes_injection(sentence, [p.text for p in passages]):
            status = "dropped"  # an LLM repeating a planted instruction: never shown, not even marked unsupported
            reasons.append("repeats an instruction planted in a passage")
        elif keep_unsupported:
            pieces.append(("", sentence))
            rendered.append(f"{_with_stop(sentence)} [unsupported]")
            previous = []
            shown.append(sentence)
            documents.append(False)
            status = "unsupported"
        else:
            status = "dropped"
        checks.append(SentenceCheck(sentence, [i + 1 for i in cited], [numbering[i] for i in supported], status, reasons))
    citations = [Citation.from_passage(number, passages[index]) for index, number in sorted(numbering.items(), key=lambda x: x[1])]
    for citation, index in zip(citations, sorted(numbering, key=numbering.get)):
        citation.supporting = supporting[index]
    return " ".join(rendered), citations, checks


def _unsaid(sentence: str, said: list[str]) -> str:
    """The sentence without its clauses (between semicolons) that say again what one of `said` says (see
    `restates`): "" when each does, the rest when some do ("AI RMF 1.0 is still the current version as of December
    2026; NIST has said the framework is being revised…" after "…AI RMF 1.0 is still the current version…")."""
    clauses = sentence.split("; ")
    kept = [clause for clause in clauses if not any(restates(clause, text) for text in said)]
    if len(kept) == len(clauses):
        return sentence
    rest = "; ".join(kept)
    return rest[:1].upper() + rest[1:]


def restates(clause: str, shown: str) -> bool:
    """Whether `clause` says again what a clause (between semicolons) of `shown` says: of the two, each of
    RESTATED_MIN_WORDS words or more, the longer holds every word of the shorter but one that is no value (a name, a
    date, a number: "from 2 December 2027" is not restated by "set 2 August 2026 … and 2 August 2027"), and no more
    words besides than the two share ("AI RMF 1.0 (NIST AI 100-1, January 2023) remains the current and only
    published version … as of 6 December 2026" after "As of 6 December 2026, AI RMF 1.0 is still the current version
    of the NIST AI RMF."); a sentence that names the shown fact among more of its own says something else."""
    for part in shown.split("; "):
        shorter, longer = sorted((clause, part), key=lambda text: len(_words(text)))
        words, said = _words(shorter), _words(longer)
        lacking = words - said
        if len(words) >= RESTATED_MIN_WORDS and len(lacking) <= 1 and 2 * len(words & said) >= len(words | said) \
                and not any(set(_words(w)) & lacking for w in shorter.split() if any(c.isupper() or c.isdigit() for c in w)):
            return True
    return False


def _words(text: str) -> set[str]:
    """The text's word stems, a version's number without its "v" ("v1.2" is "1.2")."""
    return set(lexical_tokens(" ".join(w[1:] if w[:1] in "vV" and w[1:2].isdigit() else w for w in text.split())))


def _of_documents(indices: list[int], passages: list[Passage]) -> bool:
    """Whether the passages at `indices` are documents' (not postings', each stating its own offer)."""
    return bool(indices) and all(0 <= i < len(passages) and passages[i].metadata.get("kind") != "posting" for i in indices)


def _continues(before: str, indices: list[int], sentence: str, supported: list[int], passages: list[Passage]) -> bool:
    """Whether `sentence` is the rest ("…practise classifying …") of the clause shown `before`, which a chunk boundary
    cut ("… Article 99 penalties;"): both verified (by `indices` and `supported`), from one document."""
    documents = {passages[i].metadata.get("doc_id") for i in [*indices, *supported]}
    return sentence.startswith("…") and cut_after_clause(before) and bool(indices) and len(documents) == 1


def _markers(indices: list[int], numbering: dict[int, int]) -> str:
    """The citation markers of the passages at `indices`: "[1][2]"."""
    return "".join(f"[{numbering[i]}]" for i in indices)


def _rest(sentence: str, passage: str) -> str:
    """The rest of a cut item without its ellipsis, its first letter as the passage writes it ("study several …" where
    the drafted sentence opened "…Study several …")."""
    body = sentence[1:].lstrip()
    at = passage.casefold().find(body[:40].casefold())
    return passage[at] + body[1:] if at >= 0 and body else body


def _with_stop(sentence: str) -> str:
    """The sentence ending in a full stop; one cut after a clause ("…ATLAS matrix;") has the stop in place of its mark;
    one whose stop is inside a closing quote or bracket ("…as deployer.\"") has one."""
    sentence = sentence.rstrip().rstrip(";,").rstrip()
    return sentence if sentence.rstrip("\"')”’").endswith((".", "!", "?", "…", ":")) else sentence + "."
