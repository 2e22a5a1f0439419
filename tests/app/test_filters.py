"""Metadata filters restrict both retrieval legs (Chroma and BM25) and therefore every citation."""
from __future__ import annotations

import pytest

from app.filters import Filters, chroma_where, parse_filters

# Each case: filters as a user passes them, a question, and an independent predicate over chunk metadata.
CASES = {
    "role_family": ({"role_family": "mlsecops"}, "What skills do employers ask for in these roles?",
                    lambda m: "mlsecops" in (m.get("role_families") or [])),
    "seniority": ({"seniority": "senior"}, "What will a security engineer do in this job?",
                  lambda m: m["kind"] == "posting" and m.get("seniority") == "senior"),
    "remote": ({"remote": "remote"}, "Which roles can be done from home?",
               lambda m: m["kind"] == "posting" and m.get("remote") == "remote"),
    "location": ({"location": "LONDON"}, "What will the engineer build?",
                 lambda m: m["kind"] == "posting" and "london" in m.get("location", "").lower()),
    "min_salary": ({"min_salary": 200000}, "Which security roles pay the most?",
                   lambda m: m["kind"] == "posting" and m.get("salary_max", 0) >= 200000),
    "posted_after": ({"posted_after": "2025-03-01"}, "Which models will the new hire secure?",
                     lambda m: m["kind"] == "posting" and m.get("posted", "") >= "2025-03-01"),
    "skills": ({"skills": ["terraform", "model-signing"]}, "What will the engineer secure?",
               lambda m: m["kind"] == "posting" and bool({"terraform", "model-signing"} & set(m.get("skills") or []))),
    "skills-comma-string": ({"skills": "Terraform, model-signing"}, "What will the engineer secure?",
                            lambda m: m["kind"] == "posting" and bool({"terraform", "model-signing"} & set(m.get("skills") or []))),
    "kind-document": ({"kind": "document"}, "What skills do MLSecOps postings ask for?",
                      lambda m: m["kind"] == "document"),
    "kind-posting": ({"kind": "posting"}, "What do AI red teams do?",
                     lambda m: m["kind"] == "posting"),
    "combined": ({"role_family": "ai-red-team", "remote": "remote"}, "What will a red teamer do?",
                 lambda m: m["kind"] == "posting" and m.get("remote") == "remote" and "ai-red-team" in m.get("role_families", [])),
}


def _meta(citation) -> dict:
    return {**citation.metadata, "kind": citation.kind}


@pytest.fixture(scope="module")
def vocabulary_terms(assistant):
    return assistant.vocabulary.terms("role_families")


@pytest.mark.parametrize("pushdown", [False, True], ids=["post-filter", "chroma-where"])
@pytest.mark.parametrize("name", CASES)
def test_both_legs_return_only_matching_passages(assistant, vocabulary_terms, monkeypatch, name, pushdown):
    """The dense leg either post-filters over-fetched neighbours or pushes the filter into Chroma: both must hold."""
    if pushdown:
        monkeypatch.setattr("app.retrieval.MIN_POST_FILTER_SELECTIVITY", 1.01)
    raw, question, allowed = CASES[name]
    filters = parse_filters(raw, vocabulary_terms)
    retriever = assistant.retriever()
    metadatas = retriever.snapshot.metadatas
    matching = [m for m in metadatas if allowed(m)]
    assert 0 < len(matching) < len(metadatas), "the fixture corpus should make this filter meaningful"

    dense = retriever.dense_ranking(assistant.embedder.embed_query(question), filters)
    assert dense, "the dense leg found nothing"
    assert all(allowed(metadatas[row]) for row in dense)
    assert len(dense) == min(len(matching), assistant.settings.candidate_k), "Chroma's where clause dropped matching rows"

    lexical = retriever.bm25_ranking(question, filters)
    assert all(allowed(metadatas[row]) for row in lexical)
    unfiltered = retriever.bm25_ranking(question, Filters())
    assert set(lexical) == {row for row in unfiltered if allowed(metadatas[row])}


@pytest.mark.parametrize("name", CASES)
def test_every_citation_and_related_passage_satisfies_the_filter(assistant, name):
    raw, question, allowed = CASES[name]
    answer = assistant.ask(question, filters=raw)
    shown = answer.related if answer.abstained else answer.citations
    assert shown, "nothing retrieved under the filter"
    assert all(allowed(_meta(c)) for c in shown), [(c.title, _meta(c)) for c in shown if not allowed(_meta(c))]


def test_filter_values_are_normalised():
    filters = parse_filters({"role_family": " MLSecOps ", "remote": "Remote", "location": " London ",
                             "min_salary": "150000", "posted_after": "2025-03-01", "skills": ["Python", " "],
                             "seniority": None, "kind": ""}, ("mlsecops", "ai-governance"))
    assert filters == Filters(role_family="mlsecops", remote="remote", location="london", min_salary=150000,
                              posted_after="2025-03-01", skills=("python",))
    assert filters.to_dict() == {"role_family": "mlsecops", "remote": "remote", "location": "london",
                                 "min_salary": 150000, "posted_after": "2025-03-01", "skills": ["python"]}


def test_posting_only_filters_also_restrict_chroma_to_postings():
    where = chroma_where(Filters(seniority="senior", kind="posting"))
    assert where == {"$and": [{"kind": "posting"}, {"seniority": "senior"}]}
    assert chroma_where(Filters()) is None
    assert chroma_where(Filters(location="london")) == {"kind": "posting"}
