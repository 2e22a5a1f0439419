"""A retrieved sentence giving the asked value answers, whatever the question's other parts tell or ask: a second part
asking another type after a preposition ("…, and from which release is that count?") sets no topic; a date a reported
claim gives is no subject; a clause saying a later thing is unconfirmed does not undo the date of the asked one; a
weekday of the asker's story names nothing; "when does it make sense…" and "…instead?" ask for no date or count.
Pure reads of the shipped lexicon."""
from __future__ import annotations

from pathlib import Path

from app.answer_type import answer_need, asked_types, holds_answer
from app.coverage import asked_terms, asking_text
from app.lexicon import load_lexicon

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
TODAY = "2026-12-07"
ATLAS = ("According to MITRE's changelog, ATLAS content release v2026.09 (14 September 2026) contains 1 matrix, 16 "
         "tactics, 120 techniques, 88 sub-techniques, 40 mitigations and 73 case studies; these are the latest counts "
         "confirmed from a MITRE source for this review.")
PROFILE = ("The Cybersecurity Framework Profile for Artificial Intelligence (Cyber AI Profile, NIST IR 8596) applies "
           "CSF 2.0 to AI in three focus areas: securing AI system components, using AI for cyber defence, and "
           "thwarting AI-enabled attacks; NIST released it as a preliminary draft on 16 December 2025 with comments due "
           "by 30 January 2026, and as of 6 December 2026 the Cyber AI Profile is still a draft (whether a later draft "
           "or final version has appeared is unconfirmed as of 2026-12-06).")


def _need(question: str):
    asking = asking_text(question, LEXICON)
    types = asked_types(question, LEXICON, asking)
    return answer_need(question, LEXICON, asked_terms(question, LEXICON), next(iter(types), None), asking, TODAY)


def test_a_part_asking_another_type_after_a_preposition_sets_no_topic_for_the_count():
    need = _need("How big is MITRE ATLAS these days - how many techniques does it have, and from which release is "
                 "that count?")
    assert need.expects == "count" and "version" in need.also
    assert "from" not in need.topic
    assert holds_answer(ATLAS, need, LEXICON)


def test_the_date_of_the_asked_draft_is_not_undone_by_an_aside_on_a_later_version():
    for question in ("When did NIST release the Cyber AI Profile as a preliminary draft?",
                     "Is NIST's Cyber AI Profile final yet? When did the draft come out?",
                     "When did NIST put out the Cyber AI Profile draft, and when were comments due?"):
        assert holds_answer(PROFILE, _need(question), LEXICON), question


def test_a_date_of_a_version_the_sentence_says_is_unconfirmed_is_still_refused():
    assert not holds_answer(PROFILE, _need("When was the final Cyber AI Profile published?"), LEXICON)


def test_the_date_a_reported_claim_gives_is_no_subject_of_the_date_asked():
    need = _need("A vendor deck says the EU AI Act obligations for hiring/HR AI tools kicked in August 2026. Is that "
                 "right? When do they actually apply?")
    assert need.expects == "date"
    assert "August" not in need.subjects and "2026" not in need.subjects
    assert "2026" in _need("When was the 2026 edition of the OWASP list released?").subjects  # asked, it names one


def test_a_weekday_of_the_askers_story_is_no_asked_term():
    question = ("My prompt attack worked on the demo Monday and failed Tuesday with the exact same input. Is that "
                "normal, and how should our testing deal with it?")
    assert not {"Monday", "Tuesday"} & set(asked_terms(question, LEXICON))


def test_when_it_makes_sense_asks_for_no_date_and_a_when_beside_it_still_does():
    assert not asked_types("When does it make sense for a company to bring in a fractional CISO instead of hiring a "
                           "full-time one?", LEXICON)
    assert "date" in asked_types("When did the EU AI Act come into force, and does it make sense to certify?", LEXICON)


def test_a_number_told_before_asking_for_something_else_instead_is_not_asked():
    question = ("My boss wants the number of blocked alerts as the headline of the board deck. What should I show the "
                "directors instead?")
    assert not asked_types(question, LEXICON, asking_text(question, LEXICON))
    told = "My boss asked what the worst-case fine is. What's the cap?"  # a request told is still asked
    assert "amount" in asked_types(told, LEXICON, asking_text(told, LEXICON))


def test_a_weekday_is_asked_about_when_the_question_asks_for_a_day():
    question = "Someone told me the AI Office's board meets on Tuesday. Which day does it actually meet?"
    assert "Tuesday" in asked_terms(question, LEXICON)
