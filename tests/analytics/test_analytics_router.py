"""Routing: labelled questions (none of them among the router's own examples) go to analytics or passages."""
from __future__ import annotations

import pytest

from analytics_helpers import VOCABULARY
from app.analytics.examples import ANALYTICS, PASSAGES
from app.analytics.router import Router
from app.embed_cache import CachedEmbedder
from app.lexicon import load_lexicon
from app.query import QueryParser

LABELLED = [
    ("What percentage of AI governance postings require the IAPP AIGP?", "analytics"),
    ("How many remote MLSecOps jobs are there?", "analytics"),
    ("What is the median salary for senior AI security engineers?", "analytics"),
    ("How much do security analysts earn?", "analytics"),
    ("Which skills are most in demand for MLSecOps roles?", "analytics"),
    ("What are the three most common certifications in product security postings?", "analytics"),
    ("Do lead roles pay more than senior ones?", "analytics"),
    ("Are remote roles more common than onsite roles?", "analytics"),
    ("What fraction of ML engineer postings mention PyTorch?", "analytics"),
    ("How common is the CISSP among security leadership postings?", "analytics"),
    ("Which cloud do AI red team postings mention most?", "analytics"),
    ("Salary range for entry-level AI security engineer jobs", "analytics"),
    ("How many postings were published in 2024?", "analytics"),
    ("Compare Python demand across role families", "analytics"),
    ("What share of hybrid postings are senior?", "analytics"),
    ("What is prompt injection?", "passages"),
    ("How do I become an AI red teamer?", "passages"),
    ("What does the NIST AI RMF say about governance?", "passages"),
    ("Should I get the CISSP or the CCSP first?", "passages"),
    ("What responsibilities does an MLSecOps engineer have?", "passages"),
    ("Explain model supply chain attacks", "passages"),
    ("What are the key obligations under the EU AI Act?", "passages"),
    ("Which learning resources cover adversarial machine learning?", "passages"),
    ("What does the source report conclude about hiring demand?", "passages"),
    ("How can a SOC analyst prepare for an AI security interview?", "passages"),
    ("What kinds of projects should I build to show MLSecOps skills?", "passages"),
    ("Why do companies need AI governance?", "passages"),
    ("What is the role of threat modeling in AI security?", "passages"),
    ("What percentage of companies suffered an AI-related breach according to the report?", "passages"),
    ("How many hours a week do AI red teamers spend testing?", "passages"),
    ("How many years of security work does the CCSP require?", "passages"),
]


@pytest.fixture(scope="module")
def read(vocabulary):
    return QueryParser(vocabulary, load_lexicon(VOCABULARY.parent / "lexicon.yaml")).parse


@pytest.fixture(scope="module")
def router(embedder):
    return Router(CachedEmbedder(embedder))


def test_labelled_questions_are_not_router_examples():
    assert not {q for q, _ in LABELLED} & set(ANALYTICS + PASSAGES)


@pytest.mark.parametrize("question", [
    "How much paid work experience does the CISSP require?",  # "paid" qualifies the experience asked for
    "How much hands-on experience does the OSCP exam require?",
    "How many years of paid security experience are needed for the CCSP?",
])
def test_what_a_credential_requires_is_explained_not_counted(router, read, question):
    assert router.route(read(question)).route == "passages"


def test_route_accuracy_on_labelled_questions(router, read):
    wrong = [(q, label) for q, label in LABELLED if router.route(read(q)).route != label]
    accuracy = 1 - len(wrong) / len(LABELLED)
    print(f"route accuracy {accuracy:.1%} on {len(LABELLED)} labelled questions; wrong: {wrong}")
    assert accuracy >= 0.9, wrong


def test_questions_without_a_figure_skip_the_embedding(read):
    calls = []
    router = Router(lambda texts: calls.append(texts))
    route = router.route(read("What is MITRE ATLAS?"))
    assert route.route == "passages" and not calls


def test_route_carries_its_reasons(router, read):
    route = router.route(read("What share of MLSecOps postings mention Kubernetes?"))
    assert route.route == "analytics"
    assert route.to_dict()["similarity"]["analytics"] > route.to_dict()["similarity"]["passages"]
    assert any("share" in r for r in route.reasons)


def test_a_question_for_an_order_goes_to_passages_and_the_askers_setting_sets_no_list_field(router, read):
    query = read("Cloud engineer, I write Terraform all day and run EKS clusters. "
                 "If I want MLSecOps jobs, which certifications matter most and in what order?")
    assert query.cues.list_field == "certifications"  # "Cloud engineer" describes the asker, it ranks no clouds
    assert "passage" in query.cues  # "in what order" asks for a path, not a ranking of postings
    assert router.route(query).route == "passages"


def test_what_postings_typically_list_ranks_their_skills_and_a_company_size_is_no_seniority(router, read):
    query = read("I'm a hiring manager at a mid-size insurer writing our first AI governance analyst job ad. "
                 "What skills do comparable postings typically list?")
    assert query.cues.list_field == "skills" and "top" in query.cues
    assert query.role_family == ("ai-governance",) and not query.seniority  # "mid-size" sizes the insurer
    assert router.route(query).route == "analytics"


def test_a_ranked_list_s_name_asks_for_no_top_postings(router, read):
    """"Top 10" in "the OWASP Top 10 for Agentic Applications" names the list; it is no ranking of postings."""
    query = read("Which entry of the OWASP Top 10 for Agentic Applications covers an agent being tricked into "
                 "misusing the tools it has access to?")
    assert "top" not in query.cues and query.ranked_list == "owasp-agentic-top-10"
    assert router.route(query).route == "passages"
    assert "top" in read("What are the top 10 skills in AI red team postings?").cues  # no list named: a ranking


@pytest.mark.parametrize("question", [q for q, label in LABELLED if label == "analytics"] + [
    "How prevalent is Kubernetes in MLSecOps postings?",  # figure cues the old intent word lists missed
    "What's the ratio of remote to onsite postings?",
    "What wages do AI red team postings offer?",
])
def test_the_query_s_intent_and_the_router_read_a_figure_alike(read, question):
    """One reading: a question whose cues ask for a share, count or salary has that intent in its Query."""
    query = read(question)
    asked = {"share", "count", "salary"} & set(query.cues.found)
    assert not asked or query.intent in asked | {"rank", "top", "list", "compare"}, (query.intent, asked)


@pytest.mark.parametrize("question", [
    "Which tools come up most often in the AI governance job ads?",
    "What salary range do the Berlin job adverts give?",
    "Which certifications do the sample job listings ask for most?",
])
def test_the_job_ads_of_the_sample_are_postings_not_one_posting(router, read, question):
    """"the … job ads" name the sample postings as a whole: a figure of them, not a question about one posting."""
    query = read(question)
    assert "one_posting" not in query.cues
    assert router.route(query).route == "analytics"
