"""The plan: the transition path matching the background, its steps in order, and the certifications documents recommend."""
from __future__ import annotations

from dataclasses import dataclass

from app.advice.terms import TermFinder
from app.advice.types import Profile
from app.sentences import BULLET, passage_sentences
from app.types import Passage

MIN_SHARED_SKILLS = 2  # a path chosen by skills alone must share at least this many carried-over skills
MAX_CERT_QUOTES = 3


@dataclass(frozen=True)
class PathSection:
    """One transition path: its heading, its chunks in document order, and the skills it says carry over."""

    heading: str
    passages: list[Passage]
    carry_over: frozenset[str]


def path_sections(snapshot, finder: TermFinder, heading_prefix: str, carry_over_words: str) -> list[PathSection]:
    """Every transition-path section in the index, read from the snapshot's chunks."""
    grouped: dict[tuple[str, str], list[Passage]] = {}
    for chunk_id, text, meta in zip(snapshot.ids, snapshot.texts, snapshot.metadatas):
        section = str(meta.get("section") or "")
        if meta.get("kind") == "document" and section.lower().startswith(heading_prefix):
            grouped.setdefault((meta.get("source", ""), section), []).append(Passage(chunk_id, text, meta, 1.0))
    sections = []
    for (_, heading), passages in sorted(grouped.items()):
        passages.sort(key=lambda p: int(p.metadata.get("start_char", 0)))
        lines = [line for p in passages for line in p.text.splitlines() if carry_over_words in line.lower()]
        sections.append(PathSection(heading, passages, frozenset(finder.find("\n".join(lines))["skills"])))
    return sections


def choose_path(profile: Profile, sections: list[PathSection], backgrounds: list[str]) -> tuple[PathSection | None, str]:
    """The path named by the first role's background, else the one sharing most carried-over skills (or none)."""
    for background in backgrounds:
        named = next((s for s in sections if f" {background} " in f" {s.heading.lower()} "), None)
        if named:
            return named, "role title"
    have = set(profile.skills)
    best = max(sections, key=lambda s: (len(s.carry_over & have), s.heading), default=None)
    if best and len(best.carry_over & have) >= MIN_SHARED_SKILLS:
        return best, "skills"
    return None, "none"


def path_steps(section: PathSection) -> list[tuple[str, Passage]]:
    """The section's list items in order (as app.sentences reads a list item), each with the passage it is quoted from."""
    steps, seen = [], set()
    for passage in section.passages:
        for line in passage.text.splitlines():
            item = BULLET.match(line)
            step = line[item.end():].strip() if item else ""
            if step and step not in seen:
                seen.add(step)
                steps.append((step, passage))
    return steps


def certification_quotes(passages: list[Passage], finder: TermFinder, heading_prefix: str) -> list[tuple[str, Passage]]:
    """Sentences naming certifications, from the best retrieved certification section (else the best passage naming any)."""
    def names_certs(text: str) -> bool:
        return bool(finder.find(text)["certifications"])

    sections = [p for p in passages if str(p.metadata.get("section", "")).lower().startswith(heading_prefix)]
    chosen = next((p for p in sections + passages if names_certs(p.text)), None)
    if chosen is None:
        return []
    quotes = [s for s in passage_sentences(chosen.text) if names_certs(s)]
    return [(q, chosen) for q in quotes[:MAX_CERT_QUOTES]]
