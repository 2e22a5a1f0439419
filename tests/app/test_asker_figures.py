"""Figures that depend on who asks: a question telling the asker's kind (lexicon `asker_kinds`: "we're a 25-person
company", "a small startup") is answered by the value asked and the sentence naming that kind ("For small firms,
including start-ups, the lower of the two amounts applies"); a yes/no follow-up asking whether something changes the
earlier turn's value (lexicon `query_follow_up_changes`: "I have a diploma - does that help?") is asked after that
question, so the answer gives the value and the change; a question asking about a fine as one that happened (lexicon
`occurrence_kinds`: "has anyone been fined yet?") is refused when the sources give only what a rule allows. A real
index over the ask corpus plus one fictional guide."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document, lead
from app.followup import FollowUpRewriter
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: The Marrow Data Code and its credentials
sources:
  - {title: "Marrow registry — the Marrow Data Code", url: "https://example.org/marrow-data-code", checked: 2026-11-01}
---

## Marrow Data Code penalties

The Marrow Data Code sets maximum fines in two tiers. Breaching the core duties of the Marrow Data Code can be fined
up to EUR 20 million or 5% of worldwide annual turnover, whichever is higher. Late filings can be fined up to EUR 2
million or 1%. For small and medium-sized enterprises, including start-ups, the lower of the two amounts applies.

## Marrow credentials and their experience requirements

- **Marrow Steward Credential.** The Marrow Steward Credential requires four years of paid work experience in data
  stewardship. A two-year diploma in records management, or a credential on the Marrow approved list, can substitute
  for one year of that experience. Candidates without the experience can become a Marrow Associate.
"""

LEXICON = load_lexicon(Settings().lexicon_path)
REWRITER = FollowUpRewriter(LEXICON, [])


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("asker_figures"), embedder, "marrow-data-code.md", GUIDE)


def test_a_small_company_asking_the_most_it_could_be_fined_gets_the_cap_and_the_sme_rule(bot):
    answer = bot.ask("We're a 25-person company. What's the most we could be fined under the Marrow Data Code, and is "
                     "it any different for a business our size?")
    assert not answer.abstained and "20 million" in answer.text, answer.text
    assert "lower of the two amounts" in answer.text, answer.text


def test_a_startup_asking_if_the_cap_applies_to_it_gets_the_cap_and_the_sme_rule(bot):
    answer = bot.ask("we're a 30-person startup - does the same cap apply to us?",
                     history=["What's the maximum fine under the Marrow Data Code for breaching the core duties?"])
    assert "20 million" in answer.text and "lower of the two amounts" in answer.text, answer.text


def test_a_follow_up_asking_whether_a_diploma_helps_gives_the_requirement_and_the_waiver(bot):
    answer = bot.ask("I have a two-year diploma in records management - does that help at all?",
                     history=["How much work experience do I need for the Marrow Steward Credential?"])
    assert answer.standalone_question.startswith("How much work experience"), answer.standalone_question
    assert "four years" in answer.text and "one year" in answer.text, answer.text
    assert lead(answer.text).startswith("A two-year diploma"), answer.text  # the change asked about leads


def test_the_sentence_sharing_the_follow_ups_words_leads_the_rest_keep_their_order():
    sentences = [("The credential requires four years of work experience.", [0]), ("Exams run monthly.", [1]),
                 ("A two-year diploma can substitute for one year.", [0])]
    led = REWRITER.case_first(sentences, "I have a two-year diploma - does that help?")
    assert [text for text, _ in led] == [sentences[2][0], sentences[0][0], sentences[1][0]]
    assert REWRITER.case_first(sentences[:2], "does that help?") == sentences[:2]  # no word shared: as drafted


def test_a_fine_asked_as_one_imposed_is_refused_naming_what_is_missing(bot):
    answer = bot.ask("Has anyone actually been fined under the Marrow Data Code yet? What's the biggest fine so far "
                     "and who got it?")
    assert answer.abstained and "a fine actually imposed" in answer.text, answer.text


def test_the_biggest_fine_a_rule_allows_is_still_answered(bot):
    answer = bot.ask("What's the biggest fine a company can get under the Marrow Data Code?")
    assert not answer.abstained and "20 million" in lead(answer.text), answer.text


@pytest.mark.parametrize("follow_up, earlier", [
    ("I have a four-year computer science degree - does that help at all?", "How much work experience do I need for the CISSP?"),
    ("would having the CCSK cut that down?", "what's the experience requirement for CCSP?"),
    ("we're only a small startup, would it be less for us?", "how big can EU AI Act fines get?"),
])
def test_asking_whether_something_changes_the_earlier_value(follow_up, earlier):
    assert REWRITER.asks_change(follow_up, earlier)
    assert REWRITER.standalone(follow_up, [earlier]) == f"{earlier} {follow_up}"


@pytest.mark.parametrize("follow_up, earlier", [
    ("does that help with AI red teaming jobs?", "What is the CISSP?"),  # no value asked before
    ("how long is it valid?", "How much does the CISSP cost?"),  # no yes/no question about a change
])
def test_other_follow_ups_ask_no_change(follow_up, earlier):
    assert not REWRITER.asks_change(follow_up, earlier)
