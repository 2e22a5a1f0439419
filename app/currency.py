"""Questions about what is current: current editions lead, superseded ones are named, stale reviews say as of when."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

from app.answer_type import mentions, names_every
from app.asks_current import status_words, unlabelled
from app.errors import UserError
from app.extractive import Draft
from app.lexicon import has_any, load_lexicon
from app.sentences import quoted_sentences
from app.settings import Settings
from app.types import Citation, Passage
from ingest.editions import Registry, load_registry
from ingest.history import HistoryConvention

MAX_DAY = 31  # "2 August 2026" opens with a day of the month


@dataclass(frozen=True)
class Currency:
    """The registry, the history convention and the review-age limit, applied to one answer."""

    registry: Registry
    convention: HistoryConvention
    max_age_days: int
    status_words: tuple[str, ...] = ()  # "current", "still", "in force": a sentence saying what is current uses one
    former_asks: tuple[str, ...] = ()  # "the edition before", "previous version": asking what it was (asked_aspects)

    @classmethod
    def from_settings(cls, settings: Settings) -> "Currency":
        """Read the registry and lexicon beside the vocabulary."""
        lexicon = load_lexicon(settings.lexicon_path)
        try:
            registry = load_registry(settings.editions_path)
        except ValueError as exc:
            raise UserError(f"{exc}; fix the file (see docs/corpus.md)") from None
        return cls(registry, HistoryConvention.from_lexicon(lexicon), settings.review_max_age_days, status_words(lexicon),
                   tuple(lexicon["asked_aspects"]["former"]["asks"]))

    def current_first(self, passages: list[Passage], subjects: Sequence[str] = ()) -> list[Passage]:
        """Passages naming every one of the question's `subjects` first ("who governs the Model Context Protocol now?"
        is no question about another list's current edition), and within each group passages about a current edition
        first, then the rest, then history, source lists and superseded-only passages (stable)."""
        return sorted(passages, key=lambda passage: (not names_every(passage.text, subjects), _standing(passage.metadata)))

    def without_superseded(self, draft: Draft, passages: list[Passage]) -> Draft:
        """Drop drafted sentences that present a superseded edition as current (not marked past, current not named)."""
        kept = []
        for sentence, cited in draft.sentences:
            meta = _cited_meta(cited, passages)
            mentions = self.registry.mentions(sentence, _context(meta))
            if not self.convention.superseded_as_current(sentence, mentions):
                kept.append((sentence, cited))
        return Draft(kept, draft.evidence)

    def superseded_asked(self, question: str, ranked_list: str | None, year: str | None) -> set[str]:
        """`entry@edition` tags of the superseded editions a question names, by phrase or by a ranked list and a year."""
        asked = {m.tag for m in self.registry.mentions(question) if not m.edition.current}
        entry = self.registry.get(ranked_list) if ranked_list and year else None
        return asked | {f"{entry.key}@{e.label}" for e in (entry.editions if entry else ()) if not e.current and year in e.label}

    def about_asked_first(self, passages: list[Passage], asked: set[str]) -> list[Passage]:
        """Passages that speak of an asked (superseded) edition first, the rest after them (stable)."""
        return sorted(passages, key=lambda passage: not asked & set(passage.metadata.get("editions") or []))

    def asked_edition_first(self, draft: Draft, passages: list[Passage], asked: set[str]) -> Draft:
        """A question about a superseded edition ("LLM01:2025") is answered first: the first drafted sentence about
        that edition leads, the sentences naming the current edition follow it."""
        for index, (sentence, cited) in enumerate(draft.sentences if asked else ()):
            meta = _cited_meta(cited, passages)
            if asked & {m.tag for m in self.registry.mentions(sentence, _context(meta))}:
                return Draft([draft.sentences[index], *draft.sentences[:index], *draft.sentences[index + 1:]], draft.evidence)
        return draft

    def status_first(self, draft: Draft, passages: list[Passage], question: str) -> Draft:
        """A question whether something is current ("which version should I use now that 2.0 is out?") is answered
        with the sentence that says which edition is current: it leads when the drafted lead names no current
        edition of what the question names (a rumoured "2.0", a meta remark), else it follows the lead. Taken from a
        passage of a section about the status (its heading has a status word: "Current status of the NIST AI RMF and
        its planned revision") with the sentence after it there, which says what is changing ("… is being revised"),
        else from the draft, else from the passages about the present (in their order); the answer keeps its length.
        A lead stating the status stays when no such section is retrieved or the section's pair holds it. A question
        naming an edition by its label alone ("is the 2023 version still the latest?") asks of the lead's entry, and so
        does one naming none whose lead speaks only of a superseded edition ("had excessive agency as LLM06 … Is that
        still its number?" led by "In the previous 2025 edition, … Excessive Agency was LLM06."): what it was is no
        answer to whether it still is, unless the question asks what it was (`former_asks`: "in the edition before the
        current one, what number was it?")."""
        labelled = unlabelled(question) != " ".join(question.split())
        past = set() if has_any(question, self.former_asks) else self._past_lead(draft, passages)
        named = self._named(question) or (self._lead_entries(draft, passages) if labelled else past)
        if not named or not draft.sentences:
            return draft

        def current_named(sentence: str, index: int) -> list[bool]:
            meta = passages[index].metadata if 0 <= index < len(passages) else {}
            return [m.edition.current for m in self.registry.mentions(sentence, _context(meta)) if m.entry.key in named]

        def states(sentence: str, index: int) -> bool:  # names only current editions, with a word saying so
            editions = current_named(sentence, index)
            return bool(editions) and all(editions) and has_any(sentence, self.status_words)

        def stated(index: int) -> list[tuple[str, list[int]]]:  # a passage's status sentence, with the one after it
            sentences = quoted_sentences(passages[index]) if _standing(passages[index].metadata) < 2 else []
            at = next((n for n, sentence in enumerate(sentences) if states(sentence, index)), None)
            return [] if at is None else [(sentence, [index]) for sentence in sentences[at:at + 2]]

        lead, cited = draft.sentences[0]
        sectioned = next((found for index, passage in enumerate(passages)
                          if has_any(str(passage.metadata.get("section") or ""), self.status_words)
                          for found in [stated(index)] if found), [])
        if states(lead, cited[0] if cited else -1) and (not sectioned or lead in {sentence for sentence, _ in sectioned}):
            return draft
        drafted = next((item for item in draft.sentences[1:] if states(item[0], item[1][0] if item[1] else -1)), None)
        found = sectioned or ([drafted] if drafted else next((found for index in range(len(passages))
                                                             for found in [stated(index)[:1]] if found), []))
        if not found:
            return draft
        texts = {sentence for sentence, _ in found}
        rest = [item for item in draft.sentences if item is not drafted and item[0] not in texts]  # one verdict: the
        # drafted one gives way to the section's
        at = 1 if any(current_named(lead, cited[0] if cited else -1)) else 0
        return Draft([*rest[:at], *found, *rest[at:]][:len(draft.sentences)], draft.evidence, draft.answered)

    def correction_first(self, draft: Draft, passages: list[Passage], question: str) -> Draft | None:
        """A question whether a superseded edition it names is still current ("I was planning to sit AZ-500. Is it
        still available?", "…kick in August 2026. Is that still right?") is answered by a sentence naming that edition
        beside the current one ("…AZ-500 was retired on 31 August 2026 and replaced by the SC-500 credential"): the one
        naming the fewest of its editions' phrases leads, from the draft or the passages (history too, no source list),
        before every drafted sentence. None when no sentence corrects what the question names."""
        named = self._named(question)
        drafted = {sentence for sentence, _ in draft.sentences}
        candidates = [*draft.sentences, *((sentence, [index]) for index, passage in enumerate(passages)
                                          if not passage.metadata.get("reference")
                                          for sentence in quoted_sentences(passage)
                                          if sentence not in drafted)]
        corrections = []
        for sentence, cited in candidates:
            meta = _cited_meta(cited, passages)
            found = [m for m in self.registry.mentions(sentence, _context(meta)) if m.entry.key in named]
            asked = {m.entry.key for m in found if not m.edition.current and _names_edition(question, sentence[m.start:m.end])}
            if asked & {m.entry.key for m in found if m.edition.current}:
                corrections.append((len({sentence[m.start:m.end].lower() for m in found}), sentence, cited))
        if not corrections:
            return None
        _, sentence, cited = min(corrections, key=lambda item: item[0])
        rest = [item for item in draft.sentences if item[0] != sentence]
        return Draft([(sentence, cited), *rest], draft.evidence, draft.answered)

    def _named(self, question: str) -> set[str]:
        """Keys of the entries the question names, by name or by an edition's phrase."""
        named = {e.key for e in self.registry.entries if any(p.search(question) for p in e.names)}
        return named | {m.entry.key for m in self.registry.mentions(question)}

    def _past_lead(self, draft: Draft, passages: list[Passage]) -> set[str]:
        """Keys of the entries the drafted lead names only by superseded editions (none when it names a current one);
        an entry its passage speaks of is named by its editions' phrases alone ("In the previous 2025 edition, …")."""
        lead, cited = draft.sentences[0] if draft.sentences else ("", [])
        meta = _cited_meta(cited, passages)
        spoken = self.registry.named_in(_context(meta)) | self._lead_entries(draft, passages)
        found = self.registry.mentions(lead, named=frozenset(spoken))
        return set() if any(m.edition.current for m in found) else {m.entry.key for m in found}

    def _lead_entries(self, draft: Draft, passages: list[Passage]) -> set[str]:
        """Keys of the entries the drafted lead's passage speaks of (its `entry@edition` tags)."""
        cited = draft.sentences[0][1] if draft.sentences else []
        meta = _cited_meta(cited, passages)
        return {tag.partition("@")[0] for tag in meta.get("editions") or []}

    def notes(self, citations: list[Citation], today: dt.date | None = None) -> list[str]:
        """Name each cited passage about a superseded edition, and say as of when the answer holds if its review is old."""
        notes = [note for citation in citations if (note := self._superseded_note(citation))]
        documents = [c for c in citations if c.kind == "document"]
        if not documents:
            return notes
        dates = [_date(c.reviewed) for c in documents]
        if any(d is None for d in dates):
            notes.append("Some cited documents carry no review date: check what they say is current against the issuing body.")
        elif ((today or dt.date.today()) - min(dates)).days > self.max_age_days:
            notes.append(f"As of {min(dates).isoformat()}, when the cited documents were last reviewed; newer editions or "
                         "dates may exist, so check the issuing body.")
        return notes

    def _superseded_note(self, citation: Citation) -> str | None:
        if _standing(citation.metadata) < 2 or citation.metadata.get("reference"):  # a source list names, it does not claim
            return None
        described = []
        for tag in dict.fromkeys(citation.metadata.get("editions_superseded") or []):
            key, _, label = tag.partition("@")
            if entry := self.registry.get(key):
                described.append(f"{entry.name} {label} (current: {entry.current.label})")
        return f"[{citation.number}] is history" + (f": it describes {'; '.join(described)}." if described else
                                                    ", not what is in force now.")


def _standing(meta: dict[str, Any]) -> int:
    """0: speaks of a current edition; 1: of no edition; 2: history, a source list, or only superseded editions.

    A passage outside history that names a superseded edition beside the current one ("2 December 2027, not
    2 August 2026") is about the current state: the corpus check allows a superseded edition there only as past.
    """
    superseded = set(meta.get("editions_superseded") or [])
    current = set(meta.get("editions") or []) - superseded
    if meta.get("history") or meta.get("reference") or (superseded and not current):
        return 2
    return 0 if current else 1


def _names_edition(question: str, phrase: str) -> bool:
    """Whether the question names an edition's `phrase`, as written or, for a date, by its month and year: "August
    2026" names "2 August 2026"."""
    day, _, month_year = phrase.partition(" ")
    dated = day.isdigit() and int(day) <= MAX_DAY and bool(month_year)
    return mentions(question, phrase) or (dated and mentions(question, month_year))


def _cited_meta(cited: list[int], passages: list[Passage]) -> dict[str, Any]:
    """The metadata of the first passage a drafted sentence cites (none when it cites none)."""
    return passages[cited[0]].metadata if cited and 0 <= cited[0] < len(passages) else {}


def _context(meta: dict[str, Any]) -> str:
    """What names a sentence's entry besides the sentence: its passage's title and section."""
    return f"{meta.get('title', '')}\n{meta.get('section', '')}"


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
