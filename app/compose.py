"""Turn drafted sentences into a verified answer: check each citation, drop the unsupported, renumber."""
from __future__ import annotations

from app.sentences import repeats, strip_markers
from app.support import SupportChecker, echoes_injection
from app.types import Citation, Passage, SentenceCheck


def compose_answer(draft: list[tuple[str, list[int]]], passages: list[Passage], checker: SupportChecker,
                   *, keep_unsupported: bool) -> tuple[str, list[Citation], list[SentenceCheck]]:
    """Verify every (sentence, passage indices) pair; number citations 1..k in order of first use. A sentence whose
    words are all in one already shown is dropped."""
    numbering: dict[int, int] = {}
    supporting: dict[int, list[str]] = {}
    pieces: list[str] = []
    shown: list[str] = []
    checks: list[SentenceCheck] = []
    for sentence, cited in draft:
        sentence = strip_markers(sentence)[0]  # marker-like text inside a drafted sentence is not ours: never shown
        if not sentence:
            checks.append(SentenceCheck(sentence, [i + 1 for i in cited], [], "dropped", ["no text besides markers"]))
            continue
        if repeats(sentence, shown):  # overlapping chunks, or two drafting steps, gave the same sentence twice
            checks.append(SentenceCheck(sentence, [i + 1 for i in cited], [], "dropped", ["repeats a sentence already shown"]))
            continue
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
            markers = "".join(f"[{numbering[i]}]" for i in supported)
            pieces.append(f"{_with_stop(sentence)} {markers}")
            shown.append(sentence)
            status = "supported"
        elif keep_unsupported and echoes_injection(sentence, [p.text for p in passages]):
            status = "dropped"  # an LLM repeating a planted instruction: never shown, not even marked unsupported
            reasons.append("repeats an instruction planted in a passage")
        elif keep_unsupported:
            pieces.append(f"{_with_stop(sentence)} [unsupported]")
            shown.append(sentence)
            status = "unsupported"
        else:
            status = "dropped"
        checks.append(SentenceCheck(sentence, [i + 1 for i in cited], [numbering[i] for i in supported], status, reasons))
    citations = [Citation.from_passage(number, passages[index]) for index, number in sorted(numbering.items(), key=lambda x: x[1])]
    for citation, index in zip(citations, sorted(numbering, key=numbering.get)):
        citation.supporting = supporting[index]
    return " ".join(pieces), citations, checks


def _with_stop(sentence: str) -> str:
    """The sentence ending in a full stop; one cut after a clause ("…ATLAS matrix;") has the stop in place of its mark;
    one whose stop is inside a closing quote or bracket ("…as deployer.\"") has one."""
    sentence = sentence.rstrip().rstrip(";,").rstrip()
    return sentence if sentence.rstrip("\"')”’").endswith((".", "!", "?", "…", ":")) else sentence + "."
