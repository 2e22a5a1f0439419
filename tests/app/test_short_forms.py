"""A short form the asker writes ("k8s", "JD", "HF") is mentioned where a passage writes out the name it stands for,
and searched for by that name; a short form of no name the passages write out is still refused as unmentioned."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document
from app.short_forms import ShortForms, abbreviates

GROUPS = (("kubernetes", "kubernetes", "k8s", "gke"), ("terraform", "terraform", "iac", "infrastructure as code"))
FORMS = ShortForms(GROUPS, ("job description", "Hugging Face"), ("for", "of", "and", "the", "as"))


@pytest.mark.parametrize("short, name, shortens", [
    ("k8s", "kubernetes", True),  # a numeronym: k, 8 letters, s
    ("IaC", "infrastructure as code", True),  # initials, a small joining word without its own
    ("JDs", "job description", True),  # a plural
    ("GKE", "kubernetes", False),  # a product in the same vocabulary group, no short form of its name
    ("k9s", "kubernetes", False),
    ("HF", "hugging", False),
])
def test_a_short_form_is_a_names_initials_or_numeronym(short, name, shortens):
    assert abbreviates(short, name, ("as",)) is shortens


def test_the_names_a_short_form_stands_for_come_from_its_vocabulary_group_the_lexicon_or_the_question():
    assert FORMS.names("k8s") == ("kubernetes",)
    assert FORMS.names("GKE") == ()  # "kubernetes" is its group's term, but GKE abbreviates no phrasing of it
    assert FORMS.names("JD") == ("job description",)
    question = "Which scanner does Zorbo Labs run on the hub? I mean ZL."
    assert FORMS.names("ZL", question, ("Zorbo", "Labs", "ZL")) == ("Zorbo Labs",)
    assert FORMS.names("QRT", "What does the QRT (quarterly risk test) cover?", ("QRT",)) == ("quarterly risk test",)
    assert FORMS.searched("which k8s certs?", ["k8s"]) == "which k8s certs? kubernetes"


def test_a_short_form_of_common_words_is_no_name_to_mention():
    assert FORMS.common("JD") and not FORMS.common("HF") and not FORMS.common("k8s")


DOCUMENT = """---
title: Orvane platform hiring
sources:
  - {title: "Orvane", url: "https://example.org/orvane", checked: 2026-11-01}
---

## Orvane platform certificates

Engineers who secure Kubernetes clusters for Orvane's training platform hold the Orvane Cluster Guard certificate,
which requires the Orvane Cluster Basics certificate first.

## Writing an Orvane job description

A job description for an Orvane platform lead lists three duties: cluster hardening, model registry reviews and
incident drills.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("short-forms"), embedder, "orvane-platform.md", DOCUMENT)


@pytest.mark.parametrize("question, fact", [
    ("Which Orvane certificate is for engineers securing k8s clusters on its training platform?", "Cluster Guard"),
    ("What duties should the JD for an Orvane platform lead list?", "cluster hardening"),
])
def test_a_short_form_of_a_name_the_passages_write_out_is_answered(bot, question, fact):
    answer = bot.ask(question)
    assert not answer.abstained, answer.text
    assert fact in answer.text


def test_a_short_form_of_no_name_the_passages_write_out_is_refused_naming_it(bot):
    answer = bot.ask("Which Orvane certificate is for engineers securing GKE clusters on its training platform?")
    assert answer.abstained and "“GKE”" in answer.text
