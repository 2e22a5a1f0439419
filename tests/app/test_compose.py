"""compose_answer: verify each citation, drop what the passages don't support, number 1..k by first use."""
from __future__ import annotations

import re

import numpy as np

from app.compose import compose_answer
from app.support import SupportChecker
from app.types import Passage

PASSAGES = [
    Passage("a#1#0000", "MLSecOps postings most often ask for Kubernetes and Terraform.",
            {"doc_id": "a", "source": "documents/a.md", "title": "A", "kind": "document", "chunk_index": 0}, 0.9),
    Passage("b#1#0000", "The median base salary for AI governance leads was $150,000.",
            {"doc_id": "b", "source": "documents/b.md", "title": "B", "kind": "document", "chunk_index": 0}, 0.8),
    Passage("c#1#0000", "Red teamers replay every successful attack against each new model version.",
            {"doc_id": "c", "source": "postings/c.jsonl", "title": "C", "kind": "posting", "chunk_index": 0,
             "role_families": ["ai-red-team"], "version": "v1", "context": "C"}, 0.7),
]


def checker() -> SupportChecker:
    """Numbers and names decide; meaning always matches (the semantic part is tested in test_support)."""
    return SupportChecker(lambda texts: np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2))


def test_citations_are_numbered_by_first_use_and_listed_once():
    draft = [("Red teamers replay attacks", [2]), ("Kubernetes and Terraform are common", [0]),
             ("Each new model version is attacked again", [2]), ("Governance leads earn $150,000", [1])]
    text, citations, checks = compose_answer(draft, PASSAGES, checker(), keep_unsupported=False)
    assert text == ("Red teamers replay attacks. [1] Kubernetes and Terraform are common. [2] "
                    "Each new model version is attacked again. [1] Governance leads earn $150,000. [3]")
    assert [(c.number, c.doc_id) for c in citations] == [(1, "c"), (2, "a"), (3, "b")]
    assert citations[0].supporting == ["Red teamers replay attacks", "Each new model version is attacked again"]
    assert citations[0].kind == "posting" and citations[0].source == "postings/c.jsonl"
    assert "version" not in citations[0].metadata and "context" not in citations[0].metadata
    assert citations[0].metadata["role_families"] == ["ai-red-team"]
    assert [c.supported_by for c in checks] == [[1], [2], [1], [3]]
    assert all(c.status == "supported" for c in checks)


def test_an_unsupported_citation_is_removed_and_the_rest_renumbered():
    draft = [("Governance leads earn $150,000", [0, 1])]  # passage 0 has no $150,000
    text, citations, checks = compose_answer(draft, PASSAGES, checker(), keep_unsupported=False)
    assert text == "Governance leads earn $150,000. [1]"
    assert [c.doc_id for c in citations] == ["b"]
    assert checks[0].cited == [1, 2] and checks[0].supported_by == [1]
    assert any(r.startswith("[1] numbers not in passage: 150000") for r in checks[0].reasons)


def test_a_sentence_with_no_support_is_dropped_in_extractive_mode():
    draft = [("Governance leads earn $900,000", [1]), ("Kubernetes is common", [0])]
    text, citations, checks = compose_answer(draft, PASSAGES, checker(), keep_unsupported=False)
    assert text == "Kubernetes is common. [1]"
    assert [c.doc_id for c in citations] == ["a"]
    assert [c.status for c in checks] == ["dropped", "supported"]


def test_a_sentence_with_no_support_is_marked_when_kept():
    draft = [("Governance leads earn $900,000", [1]), ("Kubernetes is common", [0])]
    text, citations, checks = compose_answer(draft, PASSAGES, checker(), keep_unsupported=True)
    assert text == "Governance leads earn $900,000. [unsupported] Kubernetes is common. [1]"
    assert [c.status for c in checks] == ["unsupported", "supported"]


def test_out_of_range_markers_never_reach_the_text():
    draft = [("Kubernetes is common", [98]), ("Terraform is common", [-1, 0]), ("Governance leads earn $150,000", [3])]
    text, citations, checks = compose_answer(draft, PASSAGES, checker(), keep_unsupported=True)
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", text)]
    assert numbers == [1] and len(citations) == 1
    assert "[99]" not in text and "[4]" not in text and "[0]" not in text
    assert checks[0].status == "unsupported" and checks[0].reasons == ["marker [99] does not resolve to a passage"]
    assert checks[1].status == "supported" and "marker [0] does not resolve to a passage" in checks[1].reasons
    assert checks[2].reasons == ["marker [4] does not resolve to a passage"]


def test_sentences_get_a_full_stop_before_their_markers():
    text, _, _ = compose_answer([("Is it common to ask for Kubernetes?", [0]), ("Kubernetes and Terraform", [0])], PASSAGES,
                                checker(), keep_unsupported=False)
    assert text == "Is it common to ask for Kubernetes? [1] Kubernetes and Terraform. [1]"


def test_a_stop_inside_a_closing_quote_or_bracket_ends_the_sentence():
    text, _, _ = compose_answer([('"Which postings ask for Kubernetes and Terraform?"', [0]), ("(MLSecOps postings ask for Kubernetes.)", [0])],
                                PASSAGES, checker(), keep_unsupported=False)
    assert text == '"Which postings ask for Kubernetes and Terraform?" [1] (MLSecOps postings ask for Kubernetes.) [1]'


def test_nothing_drafted_gives_nothing():
    assert compose_answer([], PASSAGES, checker(), keep_unsupported=False) == ("", [], [])


def test_a_clause_cut_at_its_semicolon_or_comma_ends_with_the_stop_instead():
    text, _, _ = compose_answer([("Postings ask for Kubernetes and Terraform;", [0]), ("MLSecOps postings ask for Kubernetes,", [0])],
                                PASSAGES, checker(), keep_unsupported=False)
    assert text == "Postings ask for Kubernetes and Terraform. [1] MLSecOps postings ask for Kubernetes. [1]"


def test_a_sentence_already_shown_within_a_longer_one_is_dropped():
    draft = [("MLSecOps postings most often ask for Kubernetes and Terraform", [0]), ("Ask for Kubernetes and Terraform", [0]),
             ("Kubernetes is common", [0])]
    text, citations, checks = compose_answer(draft, PASSAGES, checker(), keep_unsupported=False)
    assert text == "MLSecOps postings most often ask for Kubernetes and Terraform. [1] Kubernetes is common. [1]"
    assert [c.status for c in checks] == ["supported", "dropped", "supported"]
    assert checks[1].reasons == ["repeats a sentence already shown"]


def test_a_documents_sentence_saying_again_what_one_shown_says_is_dropped():
    """One fact stated in two sections or documents is said once; a posting's line, its own offer, is kept."""
    passages = [
        Passage("r#1#0000", "As of 6 December 2026, AI RMF 1.0 is still the current version of the NIST AI RMF.",
                {"doc_id": "r", "source": "documents/r.md", "title": "R", "kind": "document", "chunk_index": 0}, 0.9),
        Passage("g#1#0000", "AI RMF 1.0 (NIST AI 100-1, January 2023) remains the current and only published version "
                "of the NIST AI RMF as of 6 December 2026. NIST is revising the framework.",
                {"doc_id": "g", "source": "documents/g.md", "title": "G", "kind": "document", "chunk_index": 0}, 0.8),
    ]
    draft = [("As of 6 December 2026, AI RMF 1.0 is still the current version of the NIST AI RMF.", [0]),
             ("AI RMF 1.0 (NIST AI 100-1, January 2023) remains the current and only published version of the NIST AI "
              "RMF as of 6 December 2026.", [1]),
             ("NIST is revising the framework.", [1])]
    text, citations, checks = compose_answer(draft, passages, checker(), keep_unsupported=False)
    assert text == ("As of 6 December 2026, AI RMF 1.0 is still the current version of the NIST AI RMF. [1] "
                    "NIST is revising the framework. [2]")
    assert [c.status for c in checks] == ["supported", "dropped", "supported"]


def test_a_sentence_giving_other_dates_says_something_else():
    """"…set 2 August 2026 … and 2 August 2027" (the law as adopted) does not restate "from 2 December 2027"."""
    passages = [
        Passage("t#1#0000", "The Annex III high-risk obligations of the EU AI Act apply from 2 December 2027, not from 2 August 2026.",
                {"doc_id": "t", "source": "documents/t.md", "title": "T", "kind": "document", "chunk_index": 0}, 0.9),
        Passage("h#1#0000", "The EU AI Act as adopted in 2024 set 2 August 2026 as the date from which the obligations for "
                "Annex III high-risk AI systems would apply, and 2 August 2027 for high-risk AI systems under Annex I.",
                {"doc_id": "h", "source": "documents/h.md", "title": "H", "kind": "document", "chunk_index": 0}, 0.8),
    ]
    draft = [(passages[0].text, [0]), (passages[1].text, [1])]
    _, _, checks = compose_answer(draft, passages, checker(), keep_unsupported=False)
    assert [c.status for c in checks] == ["supported", "supported"]


def test_the_rest_of_a_cut_item_said_before_goes_with_it():
    """An item a chunk boundary cut that says again a shown sentence is dropped with its rest ("…Its ground …")."""
    meta = {"source": "documents/c.md", "title": "C", "kind": "document"}
    passages = [
        Passage("a#1#0000", "AWS retired the AWS Certified Machine Learning – Specialty exam (MLS-C01) on 31 March 2026.",
                {**meta, "doc_id": "a", "chunk_index": 0}, 0.9),
        Passage("c#1#0000", "AWS Certified Machine Learning – Specialty (MLS-C01): was AWS's specialty credential until AWS "
                "retired the exam on 31 March 2026;", {**meta, "doc_id": "c", "chunk_index": 0}, 0.8),
        Passage("c#1#0001", "its ground is now covered by the Machine Learning Engineer – Associate.",
                {**meta, "doc_id": "c", "chunk_index": 1}, 0.7),
    ]
    draft = [(passages[0].text, [0]), (passages[1].text, [1]), ("…Its ground is now covered by the Machine Learning "
                                                                  "Engineer – Associate.", [2])]
    text, _, checks = compose_answer(draft, passages, checker(), keep_unsupported=False)
    assert text == f"{passages[0].text} [1]"
    assert [c.status for c in checks] == ["supported", "dropped", "dropped"]
