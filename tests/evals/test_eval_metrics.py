"""Metric functions against hand-computed values: retrieval, facts, ALCE citations, abstention, latency."""
from __future__ import annotations

import math

import pytest

from evals import metrics
from evals.textmatch import Fact, Number

L2, L3, L4 = 1 / math.log2(2), 1 / math.log2(3), 1 / math.log2(4)  # 1.0, 0.6309, 0.5


# -- retrieval ----------------------------------------------------------------------------------------


def test_hit_recall_mrr_on_a_simple_ranking():
    ranked = ["a", "b", "c", "d"]
    assert metrics.hit_at_k(ranked, {"c"}, 2) == 0.0
    assert metrics.hit_at_k(ranked, {"c"}, 3) == 1.0
    assert metrics.recall_at_k(ranked, {"b", "d", "z"}, 4) == pytest.approx(2 / 3)
    assert metrics.reciprocal_rank(ranked, {"c", "d"}) == pytest.approx(1 / 3)


def test_empty_retrieval_scores_zero_not_error():
    assert metrics.hit_at_k([], {"a"}, 5) == 0.0
    assert metrics.recall_at_k([], {"a"}, 5) == 0.0
    assert metrics.reciprocal_rank([], {"a"}) == 0.0
    assert metrics.ndcg_at_k([], {"a"}, 5) == 0.0


def test_no_expected_sources_means_undefined():
    for value in (metrics.hit_at_k(["a"], [], 5), metrics.recall_at_k(["a"], [], 5),
                  metrics.reciprocal_rank(["a"], []), metrics.ndcg_at_k(["a"], [], 5)):
        assert value is None


def test_duplicates_in_the_ranking_count_once():
    # passages of the same source collapse to its first rank: a, a, b, a, c -> a, b, c
    ranked = ["a", "a", "b", "a", "c"]
    assert metrics.dedupe(ranked) == ["a", "b", "c"]
    assert metrics.hit_at_k(ranked, {"c"}, 3) == 1.0  # c is third once duplicates are gone
    assert metrics.recall_at_k(ranked, {"a", "b"}, 2) == 1.0
    assert metrics.reciprocal_rank(ranked, {"b"}) == 0.5
    # a relevant source repeated does not earn gain twice
    assert metrics.ndcg_at_k(["a", "a", "a"], {"a"}, 3) == pytest.approx(1.0)


def test_ndcg_ideal_comes_from_the_expected_set():
    # three relevant sources, only one retrieved, at rank 1: DCG = 1; ideal DCG = 1 + 1/log2(3) + 1/log2(4)
    value = metrics.ndcg_at_k(["a", "x", "y"], {"a", "b", "c"}, 3)
    assert value == pytest.approx(L2 / (L2 + L3 + L4))
    assert value < 1.0  # an ideal built from the retrieved list would wrongly give 1.0


def test_ndcg_ideal_is_capped_at_k():
    # five relevant, k = 2: the ideal has two hits; retrieving two relevant first is perfect
    assert metrics.ndcg_at_k(["a", "b", "x"], {"a", "b", "c", "d", "e"}, 2) == pytest.approx(1.0)


def test_ndcg_hand_computed_positions():
    # relevant at ranks 2 and 4 of k=4, two expected: DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3)
    value = metrics.ndcg_at_k(["x", "a", "y", "b"], {"a", "b"}, 4)
    assert value == pytest.approx((L3 + 1 / math.log2(5)) / (L2 + L3))


# -- facts -----------------------------------------------------------------------------------------------


def test_fact_recall_counts_facts_not_alternatives():
    facts = [Fact(("Prompt Injection", "LLM01")), Fact((Number(26),)), Fact(("not there",))]
    assert metrics.fact_recall(facts, "LLM01:2025 covers it; AWS appeared in 26% of postings.") == pytest.approx(2 / 3)
    assert metrics.fact_recall([], "anything") is None


def test_lead_accuracy_looks_only_before_the_first_citation():
    facts = [Fact(("2 August 2025",)), Fact((Number(35),))]
    assert metrics.lead_holds_fact(facts, "They apply from 2 August 2025. [1] Fines reach 35 million. [2]") == 1.0
    assert metrics.lead_holds_fact(facts, "The Act applies in stages. [1] From 2 August 2025 [2]") == 0.0
    assert metrics.lead_holds_fact(facts, "No markers, 35 cases") == 1.0
    assert metrics.lead_holds_fact([], "anything") is None


# -- ALCE citation recall and precision -----------------------------------------------------------------------


def _supports(sentence: str, evidence: str) -> bool:
    """Toy checker: every word of the sentence appears in the evidence."""
    return set(sentence.lower().split()) <= set(evidence.lower().split())


def test_citation_scores_all_supported():
    passages = {1: "alpha beta gamma", 2: "delta epsilon"}
    recall, precision = metrics.citation_scores([("alpha beta", [1]), ("delta", [2])], passages, _supports)
    assert (recall, precision) == (1.0, 1.0)


def test_citation_scores_unsupported_sentence_and_irrelevant_citation():
    passages = {1: "alpha beta", 2: "gamma", 3: "zeta"}
    sentences = [
        ("alpha beta", [1, 3]),  # supported; [3] is irrelevant (alone it fails, and [1] alone suffices)
        ("gamma omega", [2]),  # not supported: recall 0 for it, its citation is not precise
        ("no citation here", []),  # a sentence without citations lowers recall only
    ]
    recall, precision = metrics.citation_scores(sentences, passages, _supports)
    assert recall == pytest.approx(1 / 3)
    assert precision == pytest.approx(1 / 3)  # precise: [1] only, of 3 citations


def test_citation_needed_jointly_counts_as_precise():
    # "alpha gamma" needs both passages: neither alone supports it, and removing either breaks support
    recall, precision = metrics.citation_scores([("alpha gamma", [1, 2])], {1: "alpha", 2: "gamma"}, _supports)
    assert (recall, precision) == (1.0, 1.0)


def test_marker_without_a_passage_is_never_precise():
    recall, precision = metrics.citation_scores([("alpha", [1, 9])], {1: "alpha"}, _supports)
    assert recall == 1.0
    assert precision == 0.5


def test_citation_scores_of_an_empty_answer_are_undefined():
    assert metrics.citation_scores([], {}, _supports) == (None, None)
    assert metrics.citation_scores([("alpha", [])], {}, _supports) == (0.0, None)


def test_cited_spans_cut_at_marker_groups():
    text = "Junior MLSecOps Engineer: Company: Embervine. Seniority: entry. [1] It pays well [2][3]. Trailing claim"
    assert metrics.cited_spans(text) == [
        ("Junior MLSecOps Engineer: Company: Embervine. Seniority: entry", [1]),
        ("It pays well", [2, 3]),
        ("Trailing claim", []),
    ]
    assert metrics.cited_spans("Made up. [unsupported] Real [1].") == [("Made up", []), ("Real", [1])]


# -- abstention -----------------------------------------------------------------------------------------------


def test_abstention_scores_hand_computed():
    outcomes = [  # (answerable, abstained)
        (False, True), (False, True), (False, False),  # 2 of 3 unanswerable abstained
        (True, True), (True, False), (True, False), (True, False),  # 1 of 4 answerable abstained wrongly
    ]
    scores = metrics.abstention_scores(outcomes)
    assert scores["abstention_precision"] == pytest.approx(2 / 3)
    assert scores["abstention_recall"] == pytest.approx(2 / 3)
    assert scores["abstention_f1"] == pytest.approx(2 / 3)
    assert scores["wrong_abstention_rate"] == pytest.approx(1 / 4)


def test_abstention_edge_cases():
    never = metrics.abstention_scores([(False, False), (True, False)])
    assert never["abstention_precision"] == 0.0 and never["abstention_recall"] == 0.0 and never["abstention_f1"] == 0.0
    only_answerable = metrics.abstention_scores([(True, False), (True, True)])
    assert only_answerable["abstention_recall"] is None and only_answerable["abstention_f1"] is None
    assert only_answerable["wrong_abstention_rate"] == 0.5
    only_unanswerable = metrics.abstention_scores([(False, True)])
    assert only_unanswerable["abstention_f1"] == 1.0 and only_unanswerable["wrong_abstention_rate"] is None


# -- aggregation ---------------------------------------------------------------------------------------------------


def test_percentile_and_mean():
    assert metrics.percentile([10, 20, 30, 40], 50) == 25
    assert metrics.percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)
    assert metrics.percentile([7], 95) == 7
    assert metrics.percentile([], 50) is None
    assert metrics.mean([1.0, None, 0.0]) == 0.5
    assert metrics.mean([None]) is None


def test_an_answers_own_gap_statement_is_no_claim_owing_a_citation():
    """A partial answer names what the corpus lacks; that sentence quotes no passage, so it is not scored as a claim."""
    gap = "The corpus doesn't say the rest: none of the passages found for this question gives a count of hours."
    text = f"Month 3: write detections for AI-specific behaviour. [1] Made up. [unsupported]\n\n{gap}"
    assert metrics.claim_spans(text, [gap]) == [("Month 3: write detections for AI-specific behaviour", [1]),
                                                 ("Made up", [])]  # an uncited claim still counts
    assert metrics.claim_spans(text) == metrics.cited_spans(text)


def test_a_partial_answers_citation_recall_counts_its_cited_claims(embedder):
    from app.support import SupportChecker
    from evals.cases import Case
    from evals.record import score_record

    gap = "The corpus doesn't say the rest: none of the passages found for this question gives a count of hours."
    record = {"text": f"Month 3: write detections for AI-specific behaviour. [1]\n\n{gap}", "abstained": False,
              "route": "passages", "ranked_sources": ["documents/plan.md"], "context_sources": ["documents/plan.md"],
              "citations": [{"number": 1, "text": "- Month 3: write detections for AI-specific behaviour."}],
              "stated_gap": gap}
    case = Case("c", ("What happens in month 3, and how many hours a week?",), True,
                expected_sources=("documents/plan.md",))
    scores = score_record(record, case, SupportChecker(embedder.embed_passages))
    assert scores["citation_recall"] == 1.0 and scores["citation_precision"] == 1.0
    assert score_record({**record, "stated_gap": None}, case, SupportChecker(embedder.embed_passages))["citation_recall"] == 0.5
