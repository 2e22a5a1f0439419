"""The CV reader's recogniser against the real vocabulary and lexicon: synonyms, wishes, case, years."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.advice.extract import extract_profile, years_of_experience
from app.advice.terms import TermFinder
from app.lexicon import load_lexicon
from ingest.vocabulary import load_vocabulary

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
TODAY = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def read():
    vocabulary = load_vocabulary(CORPUS / "vocabulary.yaml")
    lexicon = load_lexicon(CORPUS / "lexicon.yaml")
    finder = TermFinder(vocabulary, lexicon)
    return lambda text: extract_profile(text, finder, lexicon["coach_aspiration_words"], TODAY)


@pytest.mark.parametrize("written, field, term", [
    ("Ran workloads on k8s and EKS", "skills", "kubernetes"),
    ("Daily alert triage in Splunk", "skills", "siem"),
    ("Led ISO 27001 audits for two subsidiaries", "skills", "compliance"),
    ("Led ISO 27001 audits for two subsidiaries", "skills", "iso-27001"),
    ("Vendor risk assessments for 150 suppliers", "skills", "risk-management"),
    ("Threat modelling of the payments flow", "skills", "threat-modeling"),
    ("CI/CD with GitHub Actions", "skills", "ci-cd"),
    ("Services in Go and Rust", "skills", "go"),
    ("Deployed on Google Cloud and Amazon Web Services", "clouds", "gcp"),
    ("Deployed on Google Cloud and Amazon Web Services", "clouds", "aws"),
    ("Certified: CompTIA Security+ and CKS", "certifications", "Security+"),
    ("Certified: CompTIA Security+ and CKS", "certifications", "Certified Kubernetes Security Specialist (CKS)"),
    ("Senior SOC Analyst at a bank", "roles", "soc analyst"),
    ("Machine learning engineer, 5 years", "roles", "ml engineer"),
])
def test_how_people_write_a_term_maps_to_the_vocabulary(read, written, field, term):
    assert term in getattr(read(written), field)


def test_every_recognised_term_is_a_vocabulary_term(read):
    vocabulary = load_vocabulary(CORPUS / "vocabulary.yaml")
    profile = read("SOC analyst: Splunk, KQL, MISP, IR, Python, Terraform, MLflow, GDPR, SOX, STRIDE, Okta, Nessus, AWS, Azure")
    assert set(profile.skills) <= set(vocabulary.terms("skills")) and len(profile.skills) >= 10
    assert set(profile.clouds) == {"aws", "azure"}


def test_lexicon_roles_name_real_families_and_transition_path_backgrounds():
    vocabulary = load_vocabulary(CORPUS / "vocabulary.yaml")
    lexicon = load_lexicon(CORPUS / "lexicon.yaml")
    paths = (CORPUS / "documents" / "transition-paths.md").read_text(encoding="utf-8").lower()
    for role, entry in lexicon["coach_roles"].items():
        assert entry["family"] is None or entry["family"] in vocabulary.terms("role_families"), role
        assert entry["background"] is None or f"## transition path from {entry['background']} " in paths, role


def test_a_wish_is_not_experience(read):
    profile = read("SOC analyst: Splunk and incident response.\nI want to move into AI red teaming and\nlearn prompt injection.")
    assert "siem" in profile.skills and "incident-response" in profile.skills
    assert "red-teaming" not in profile.skills and "prompt-injection" not in profile.skills


def test_short_words_count_only_in_their_written_case(read):
    assert "go" not in read("Happy to go the extra mile").skills
    assert "machine-learning" not in read("Drinks 500 ml of coffee").skills
    assert "machine-learning" in read("Built ML models").skills


def test_years_stated_win_over_date_ranges():
    assert years_of_experience("7 years in GRC. Analyst 2020–present", TODAY) == 7
    assert years_of_experience("Analyst 2019–2021; Engineer 2021–present", TODAY) == 7
    assert years_of_experience("Working since 2018 as analyst", TODAY) == 8
    assert years_of_experience("No dates here", TODAY) is None


def test_role_order_is_order_of_mention(read):
    assert read("Detection engineer (now). Before: SOC analyst.").roles == ["detection engineer", "soc analyst"]
