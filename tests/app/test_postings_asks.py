"""Which questions ask for postings and which postings (app.query, app.analytics.entities, app.followup), with the real
vocabulary and lexicon: role families joined by "or", open asks, a bare framework or credential, "IT" in capitals, and
the read-as line of a follow-up about listed postings."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.followup import FollowUpRewriter
from app.lexicon import load_lexicon

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize("question, families", [
    ("What do AI security or AI red team jobs in London pay?", ("ai-security-engineer", "ai-red-team")),
    ("Any AI security or governance roles in London?", ("ai-security-engineer", "ai-governance")),
    ("What do governance or red team jobs in London pay?", ("ai-governance", "ai-red-team")),
    ("How much do product security or AI security jobs pay in Austin?", ("product-security", "ai-security-engineer")),
    ("Is AI security or governance the better career?", ("ai-governance",)),  # no role noun: no shared head
])
def test_role_families_joined_by_or_before_one_role_noun_select_each(parser, question, families):
    query = parser.parse(question)
    assert query.role_family == families
    assert "red-teaming" not in query.skills


@pytest.mark.parametrize("question, intent", [
    ("Looking for part-time fractional CISO or vCISO gigs - anything in the postings?", "list"),
    ("Want part-time work in AI governance. Anything in the postings?", "list"),
    ("what's out there remotely for a junior?", "list"),
    ("Anything remote for someone senior in MLSecOps?", "list"),
    ("Does the NIST AI RMF say anything about red teaming?", "explain"),  # no posting noun, no postings-only condition
])
def test_an_open_ask_about_postings_lists_them(parser, question, intent):
    assert parser.parse(question).intent == intent


@pytest.mark.parametrize("question, intent", [
    ("SOC analyst here, mostly Splunk. Which of my skills carry over to AI security?", "explain"),
    ("Backend dev here. If I want to pivot into AI appsec, which of the OWASP LLM risks should I dig into most?", "explain"),
    ("GRC analyst, mostly ISO 27001 audits. Which of those skills transfer to AI governance work?", "explain"),
    ("I'm a SOC analyst; which security analyst postings are remote?", "list"),  # a posting noun
    ("SOC analyst, mostly Splunk. Which of the security analyst postings ask for Python?", "list"),
    ("Backend dev here, I want to pivot into AI appsec. Which product security roles are hiring in London?", "list"),
])
def test_a_guidance_question_after_the_askers_background_asks_for_no_postings(parser, question, intent):
    assert parser.parse(question).intent == intent


def test_remotely_is_remote_work(parser):
    query = parser.parse("what's out there remotely for a junior?")
    assert (query.remote, query.seniority) == (("remote",), ("entry",))


@pytest.mark.parametrize("question, intent", [
    ("Show me the NIST AI RMF", "explain"),
    ("Show me CISSP", "explain"),
    ("Show me MITRE ATLAS", "explain"),
    ("Show me CISSP jobs in Boston", "list"),
    ("show me everything requiring PyTorch", "list"),
    ("show me any with PyTorch", "list"),
])
def test_a_framework_or_credential_alone_asks_the_documents(parser, question, intent):
    assert parser.parse(question).intent == intent


def test_a_bare_credential_in_a_conversation_about_postings_narrows_it(parser):
    query = parser.parse("Show me CISSP", parser.parse("Which jobs are in New York?"))
    assert query.intent == "list" and query.certifications == ("CISSP",) and query.place == "New York"


def test_it_in_capitals_is_no_back_reference_to_the_earlier_postings(parser):
    query = parser.parse("What remote jobs are there for people coming from IT?", parser.parse("Which MLSecOps jobs are in Dublin?"))
    assert query.intent == "list" and not query.follow_up
    assert query.role_family == () and query.place is None


def test_it_in_lower_case_still_points_back(parser):
    query = parser.parse("which of it is remote?", parser.parse("Which MLSecOps jobs are in Dublin?"))
    assert query.follow_up and query.role_family == ("mlsecops",)


REWRITER = FollowUpRewriter(load_lexicon(CORPUS / "lexicon.yaml"), ["mlsecops"])
BOSTON = "Relocating to Boston next year. What security jobs are posted there?"


def test_a_follow_up_on_listed_postings_reads_as_a_question_about_them():
    standalone = REWRITER.standalone("ok, which of those pays best?", [BOSTON], "the postings located in Boston")
    assert standalone == "which of the postings located in Boston pays best?"  # the opener read past


def test_a_described_back_reference_keeps_its_noun():
    assert "the senior the postings" not in REWRITER.standalone("only the senior ones", [BOSTON], "the postings located in Boston")


def test_the_read_as_line_of_a_follow_up_names_the_postings_listed(assistant):
    earlier = "Moving to Boston soon. What AI governance jobs are posted there?"
    answer = assistant.ask("ok, which of those pays best?", history=[earlier])
    assert answer.route == "postings" and [r["posting_id"] for r in answer.rows] == ["ac-006"]
    assert answer.standalone_question == "which of the AI governance postings located in Boston pays best?"
