"""A question asking when one event happened leads with the sentence dating that event, to the day: the clause giving
the date names the asked event (in the question's words or another of the event's, lexicon `answer_types.date.events`)
and the asked subject; a date of another event of the subject, or of another subject named beside it, follows. Pure
reads of the shipped lexicon, then answers over a real index (the ask corpus plus one document)."""
from __future__ import annotations

from pathlib import Path

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.answer_type import answer_need, event_fit, refines_date
from app.lexicon import load_lexicon

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")


def test_an_exact_day_is_a_date_asked_to_the_day_and_no_topic():
    need = answer_need("On what exact day did NIST put out version 1.0 of the AI Risk Management Framework?", LEXICON,
                       ["NIST", "1.0", "Risk", "Management", "Framework"], "date")
    assert need.exact
    assert "exact" not in need.topic
    assert any("released" in group for group in need.events)  # "put out" is named by "released"


def test_the_clause_naming_the_asked_event_dates_it_closer_than_another_event_of_the_subject():
    need = answer_need("What was the date ISC2 cut the approved list for the CISSP experience waiver?", LEXICON,
                       ["ISC2", "CISSP"], "date")
    cut = ("ISC2 shortened that approved list from about 50 to about 25 credentials on 1 April 2026, so a credential "
           "that used to earn the one-year waiver may no longer do so; check the current list.")
    guidance = ("On 2 April 2026 ISC2 published exam guidance for artificial intelligence that maps AI security topics "
                "into its existing exams, including CISSP, CCSP, CSSLP and SSCP.")
    assert event_fit(cut, need, LEXICON) > event_fit(guidance, need, LEXICON)


def test_a_date_of_another_thing_named_beside_the_subject_does_not_date_the_subject_closer():
    need = answer_need("When was NIST Cybersecurity Framework 2.0 released?", LEXICON,
                       ["NIST", "Cybersecurity", "Framework", "2.0"], "date")
    csf = ("NIST's Cybersecurity Framework 2.0, released on 26 February 2024 and still the current version of the CSF as "
           "of December 2026, organises outcomes into six functions.")
    profile = ("The Cybersecurity Framework Profile for Artificial Intelligence (Cyber AI Profile, NIST IR 8596) applies "
               "CSF 2.0 to AI in three focus areas; NIST released it as a preliminary draft on 16 December 2025 with "
               "comments due by 30 January 2026.")
    assert event_fit(csf, need, LEXICON) >= event_fit(profile, need, LEXICON)
    assert not refines_date(profile, csf, need, LEXICON)  # a day of another month refines nothing


def test_a_sentence_giving_the_day_refines_one_giving_the_month():
    need = answer_need("When did NIST put out the generative AI profile?", LEXICON, ["NIST"], "date")
    day = "NIST released the Generative Artificial Intelligence Profile, NIST AI 600-1, on 26 July 2024."
    month = "In July 2024 NIST released the Generative AI Profile (NIST AI 600-1), listing risks with suggested actions."
    assert event_fit(day, need, LEXICON) == event_fit(month, need, LEXICON) == 1
    assert refines_date(day, month, need, LEXICON)
    assert not refines_date(month, day, need, LEXICON)


GUIDE = """---
title: Velar Labs frameworks and rules
sources:
  - {title: "Velar Labs", url: "https://example.org/velar", checked: 2026-11-01}
---

## The Orrery framework

Orrery 1.0 (Velar Labs, May 2023) remains the current and only published version of the Orrery framework as of 1 December 2026.
Velar Labs released version 1.0 of the Orrery framework on 14 May 2023.

## The Orrery agent guide

The Orrery agent guide applies the Orrery framework to agents; Velar Labs released it as a public draft on 2 June 2025.

## The Orrery rules

Velar Labs published the Orrery rules on 1 July 2024 after a year of consultation.
The Orrery rules entered into force on 1 September 2024 for every member lab.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("date-event"), embedder, "velar-orrery.md", GUIDE)


@pytest.mark.parametrize("question", [
    "On what exact day did Velar Labs put out version 1.0 of the Orrery framework?",
    "When did the Orrery framework come out?",
])
def test_the_release_leads_to_the_day_not_the_still_current_sentence(bot, question):
    answer = bot.ask(question)
    assert not answer.abstained
    assert "14 May 2023" in lead(answer.text)
    assert_well_cited(answer)


def test_taking_effect_is_dated_by_the_entry_into_force_not_the_publication(bot):
    answer = bot.ask("When did the Orrery rules take effect?")
    assert not answer.abstained
    assert "1 September 2024" in lead(answer.text)


@pytest.mark.xfail(strict=True, reason="left: event_fit is one flag for a topic word or an asked event, so 'rules', "
                   "shared by both sentences, ties the publication with the entry into force and the ranking's order "
                   "stands; the asked event group should count before a topic noun")
def test_putting_out_is_dated_by_the_publication_not_the_entry_into_force(bot):
    answer = bot.ask("When were the Orrery rules put out?")
    assert not answer.abstained
    assert "1 July 2024" in lead(answer.text)
