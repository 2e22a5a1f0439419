"""What a share measures and whom it is of, and questions on the postings that read like questions on a source."""
from __future__ import annotations

import pytest

from analytics_helpers import VOCABULARY
from app.analytics.plan import Condition, plan_question
from app.analytics.router import Router
from app.embed_cache import CachedEmbedder
from app.lexicon import load_lexicon
from app.query import QueryParser


@pytest.fixture(scope="module")
def read(vocabulary):
    return QueryParser(vocabulary, load_lexicon(VOCABULARY.parent / "lexicon.yaml"), locations=["London, UK"]).parse


@pytest.fixture(scope="module")
def router(embedder):
    return Router(CachedEmbedder(embedder))


@pytest.mark.parametrize("question, target, where", [
    ("What share of AI governance postings are contract roles?", ("employment_type", "contract"), ("role_family", "ai-governance")),
    ("What percentage of product security roles are part-time positions?", ("employment_type", "part-time"), ("role_family", "product-security")),
    ("What share of contract roles are remote?", ("remote", "remote"), ("employment_type", "contract")),
])
def test_a_share_measures_the_term_after_its_population(read, question, target, where):
    plan = plan_question(read(question))
    assert plan.metric == "share"
    assert plan.targets == (Condition(*target),) and plan.where == (Condition(*where),)


@pytest.mark.parametrize("question", [
    "what does a product security job in London pay according to the ads?",
    "According to the job listings, what do AI red team engineers in London earn?",
])
def test_according_to_the_ads_names_the_postings_not_a_source(router, read, question):
    query = read(question)
    assert "source_view" not in query.cues
    assert router.route(query).route == "analytics"


def test_according_to_a_report_still_asks_what_the_source_says(read):
    assert "source_view" in read("What do AI security engineers earn according to the report?").cues


@pytest.mark.parametrize("question, target", [
    ("Do employers like the CISSP?", ("certifications", "CISSP")),
    ("Do employers want Kubernetes skills?", ("skills", "kubernetes")),
    ("Do hiring managers want Terraform?", ("skills", "terraform")),
])
def test_do_employers_want_x_asks_how_many_postings_ask_for_x(router, read, question, target):
    query = read(question)
    assert router.route(query).route == "analytics"
    assert plan_question(query).targets == (Condition(*target),)


def test_what_employers_want_from_a_role_is_no_figure(read):
    assert "share" not in read("What do employers want from AI security engineers?").cues


def test_a_count_of_a_handful_of_postings_names_each_with_its_citation(bot, rows):
    """"How many … are part-time?" with a handful of answers: the number, then which postings they are."""
    answer = bot.ask("How many entry-level postings are there?")
    expected = [r for r in rows if r["seniority"] == "entry"]
    assert 0 < len(expected) <= 5 and answer.data["result"]["count"] == len(expected)
    assert answer.text.startswith(f"There are {len(expected)} entry-level postings")
    for r in expected:
        cited = next(c.number for c in answer.citations if c.doc_id == f"posting:{r['id']}")
        assert f"{r['title']} at {r['company']} [{cited}]" in answer.text


def test_a_count_of_many_postings_names_none(bot, rows):
    answer = bot.ask("How many postings are in Denver?")
    assert answer.data["postings"] > 5
    assert not any(f"{r['title']} at {r['company']}" in answer.text for r in rows)


@pytest.mark.parametrize("question, salary", [
    ("what do ML engineers in San Francisco make according to the postings?", True),
    ("How much does a security analyst make in Berlin?", True),
    ("What do AI red teamers make?", True),
    ("What does MITRE ATLAS make possible?", False),  # "make" not as earning
    ("What do hiring managers make of a CISSP?", False),
])
def test_what_a_role_makes_asks_its_pay(read, question, salary):
    assert ("salary" in read(question).cues) == salary
