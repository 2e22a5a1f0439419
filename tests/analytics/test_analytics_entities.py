"""Entity recognition from the controlled vocabulary: synonyms, word boundaries, longest match, years."""
from __future__ import annotations

import pytest

from analytics_helpers import VOCABULARY
from app.analytics.entities import EntityRecognizer
from app.lexicon import load_lexicon


@pytest.fixture(scope="module")
def recognise(vocabulary):
    return EntityRecognizer(vocabulary, load_lexicon(VOCABULARY.parent / "lexicon.yaml")).recognise


@pytest.mark.parametrize("question, expected", [
    ("What share of MLSecOps postings mention k8s?", {"role_family": ["mlsecops"], "skills": ["kubernetes"]}),
    ("What do senior governance roles pay?", {"seniority": ["senior"], "role_family": ["ai-governance"]}),
    ("Are junior roles rarer?", {"seniority": ["entry"]}),
    ("entry-level or entry level or graduate jobs", {"seniority": ["entry"]}),
    ("How many WFH appsec jobs ask for Amazon Web Services?", {"remote": ["remote"], "role_family": ["product-security"], "clouds": ["aws"]}),
    ("Do on-site ML engineers need PyTorch or torch?", {"remote": ["onsite"], "role_family": ["ml-engineer"], "skills": ["pytorch"]}),
    ("Which postings want the CKS or IAPP AIGP?", {"certifications": ["Certified Kubernetes Security Specialist (CKS)", "IAPP AIGP"]}),
    ("Security+ versus CySA+", {"certifications": ["Security+", "CySA+"]}),
    # a certification named without the "Certified" inside its name, not the cloud it starts with
    ("Which postings ask for the AWS Security Specialty?", {"certifications": ["AWS Certified Security - Specialty"]}),
    ("Microsoft Azure Security Engineer Associate jobs", {"certifications": ["Microsoft Certified Azure Security Engineer Associate"]}),
    ("ISO/IEC 42001 Lead Auditor in 2025", {"certifications": ["ISO/IEC 42001 Lead Auditor"], "year": ["2025"]}),
    ("remote AI red team roles since 2024", {"remote": ["remote"], "role_family": ["ai-red-team"], "since_year": ["2024"]}),
])
def test_vocabulary_terms_and_synonyms_map_to_canonical_values(recognise, question, expected):
    assert recognise(question).to_dict() == expected


def test_longest_match_wins(recognise):
    # "machine learning engineer" is a role, not the skill "machine learning" plus the seniority-free rest
    assert recognise("What do machine learning engineers earn?").to_dict() == {"role_family": ["ml-engineer"]}
    # "SOC 2" the audit, not SOC the team; "AI governance" the role, not "governance" twice
    assert recognise("SOC 2 in AI governance postings").to_dict() == {"skills": ["soc2"], "role_family": ["ai-governance"]}
    # "head of security" is security leadership, not the seniority "head"
    assert recognise("head of security salaries").to_dict() == {"role_family": ["security-leadership"]}


def test_word_boundaries(recognise):
    assert recognise("Which laws apply to fragile systems?").to_dict() == {}  # not aws, not rag
    assert recognise("Do NoSQL skills matter?").to_dict() == {}  # not sql
    assert recognise("Which skills lead to higher pay?").to_dict() == {}  # "lead to" is not the seniority
    assert recognise("Where do I go from here?").to_dict() == {}  # "go" the verb is never Go


def test_a_term_that_is_both_role_and_skill_is_read_from_context(recognise):
    assert recognise("What share of postings mention red teaming?").values("skills") == ("red-teaming",)
    assert recognise("What do red teaming roles pay?").values("role_family") == ("ai-red-team",)
    assert recognise("Do MLSecOps postings ask for adversarial ML?").values("skills") == ("adversarial-ml",)


def test_mentions_keep_their_positions(recognise):
    entities = recognise("Is Kubernetes more common in MLSecOps or AI security engineer postings?")
    assert [m.value for m in entities.mentions] == ["kubernetes", "mlsecops", "ai-security-engineer"]
    assert [m.start for m in entities.mentions] == sorted(m.start for m in entities.mentions)
