"""Selecting postings: a place offered beside remote work, a preference against an employment type, and pay asked of
fewer postings than a market figure needs (the postings themselves, not a median of one or two)."""
from __future__ import annotations


def test_remote_offered_beside_a_place_is_no_condition(parser):
    uk = parser.parse("Any AI red teaming jobs in the UK in your postings? London or remote both fine.")
    assert uk.intent == "list" and uk.place == "the UK" and uk.remote == ()  # the London ones and the remote UK ones
    scotland = parser.parse("Any MLSecOps roles in the UK? I'm in Glasgow so Scotland or remote would be ideal")
    assert scotland.place == "the UK" and scotland.remote == ()
    assert parser.parse("security analyst jobs in the UK? remote or Manchester preferred").remote == ()
    assert parser.parse("hybrid or remote MLSecOps jobs?").remote == ("hybrid", "remote")  # two arrangements: either


def test_a_nation_of_the_uk_is_a_region(parser):
    query = parser.parse("MLSecOps jobs in Scotland?")
    assert query.place == "Scotland" and "edinburgh, uk" in query.place_spellings


def test_a_preference_against_an_employment_type_excludes_it(parser):
    rather = parser.parse("I'd rather contract than go perm. Any contract gigs in AI red teaming or AI security engineering?")
    assert rather.employment_type == ("contract",) and rather.intent == "list"
    assert parser.parse("I prefer part-time over full-time. Any security leadership roles like that?").employment_type == ("part-time",)
    assert parser.parse("I'd rather freelance than take a permanent job. Any MLSecOps contracts?").employment_type == ("contract",)
    compared = parser.parse("Are there more contract than full-time MLSecOps roles?")  # a comparison, no preference
    assert set(compared.employment_type) == {"contract", "full-time"}


def test_asking_what_is_in_the_postings_lists_them(parser):
    query = parser.parse("looking for part-time security leadership work (vCISO / fractional CISO type stuff). what's in the postings?")
    assert query.intent == "list" and query.employment_type == ("part-time",)


def test_pay_of_two_postings_lists_them_best_paid_first(assistant):
    answer = assistant.ask("What do the senior MLSecOps or AI red team postings in the US pay?")
    assert answer.route == "postings" and not answer.abstained
    assert [r["posting_id"] for r in answer.rows] == ["ac-010", "ac-002"]  # 230,000 then 215,000 USD
    assert "best-paid first" in answer.text and "230,000" in answer.text and "real postings" in answer.text


def test_pay_of_a_kind_of_work_stays_a_figure_naming_its_few_ranges(assistant):
    answer = assistant.ask("What do senior MLSecOps or AI red team jobs in the US pay?")  # what the work pays
    assert answer.route == "analytics" and "n=1" in answer.text


def test_pay_where_no_posting_is_keeps_the_figures_abstention(assistant):
    answer = assistant.ask("What's the typical salary for MLSecOps jobs in Sydney?")
    assert answer.abstained and answer.route == "analytics" and "no sample postings located in Sydney" in answer.text


def test_pay_of_a_kind_absent_from_a_place_other_postings_are_in_keeps_the_figures_abstention(assistant):
    answer = assistant.ask("What do AI governance jobs in London pay?")
    assert answer.abstained and answer.route == "analytics" and "of any kind" in answer.text  # it counts those there
