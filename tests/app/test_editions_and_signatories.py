"""Unanswerable questions the nearby sentences must not answer: a numbered edition written apart ("DEF CON 34",
"Generative Red Team 4") that no passage names is missing, as "GRT4" is, while one a passage names, joined or apart,
is not, nor a count ("CISSP 5 years"); and who has signed a code or pledge (lexicon `occurrence_kinds`) is given only
by a clause naming a signing done, not by one saying who may sign. Pure reads of the shipped lexicon."""
from __future__ import annotations

from pathlib import Path

from app.answer_type import answer_need, asked_types, holds_answer
from app.coverage import asked_terms, asking_text, corpus_gap, numbered_names
from app.lexicon import load_lexicon
from app.types import Passage

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
EVENTS = ("The AI Village has since run further Generative Red Team events, GRT2 at DEF CON 32 in August 2024 and GRT3 "
          "at DEF CON 33 in August 2025.")


def _gap(question: str):
    return corpus_gap(question, [Passage("c1", EVENTS, {}, 1.0)], None, LEXICON)


def test_a_numbered_edition_no_passage_names_is_missing():
    gap = _gap("Is the AI Village running a Generative Red Team 4 at DEF CON 34, and when are signups?")
    assert gap.missing == ("Generative Red Team 4", "DEF CON 34"), gap
    assert not _gap("Where was GRT 3 held, and was DEF CON 32 the one before?")  # joined or apart, named
    assert not _gap("Where did the AI Village hold Generative Red Team 3?")  # by its initials: "GRT3"
    assert numbered_names("Do I need CISSP 5 years in, and what should I do in Month 3 or on August 12?", LEXICON) == []


def test_who_signed_is_answered_by_a_signing_done_not_by_who_may_sign():
    question = "Which AI companies have actually signed the General-Purpose AI Code of Practice so far?"
    asking = asking_text(question, LEXICON)
    need = answer_need(question, LEXICON, asked_terms(question, LEXICON),
                       next(iter(asked_types(question, LEXICON, asking)), None), asking)
    assert need.expects == "agent" and need.occurred, need
    allowed = "The General-Purpose AI Code of Practice is a voluntary tool GPAI providers can sign; Mistral AI commented."
    assert not holds_answer(allowed, need, LEXICON)
    done = "Mistral AI and Aleph Alpha signed the General-Purpose AI Code of Practice in 2025."
    assert holds_answer(done, need, LEXICON)
