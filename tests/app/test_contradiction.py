"""Lexical contradiction signs: opposite words, phrases the passage denies, and 'only'/'always' claims."""
from __future__ import annotations

import pytest

from app.contradiction import contradictions

AUDIT = "The external audit of the library found no critical flaws, and the format does not execute code on load."
CODE = "Safetensors does not execute code. Pickle files can execute code on load."


@pytest.mark.parametrize("sentence, passage, reason", [
    ("The code of practice is mandatory.", "The code of practice is a voluntary tool.", "says mandatory where the passage says voluntary"),
    ("Engineers rarely need Terraform.", "Engineers typically need Terraform.", "says rarely where the passage says typically"),
    ("Openings fell by 80%.", "Openings grew by 80%.", "says fell where the passage says grew"),
    ("The audit found several critical flaws.", AUDIT, "the passage denies what the sentence states: critical flaws"),
    ("It applies only to high-risk systems.", "It applies regardless of the risk tier.", "absolute claim not in passage: only"),
    ("Certificates never need renewing.", "Certificates must be renewed every four years.", "absolute claim not in passage: never"),
])
def test_a_contradiction_is_named(sentence, passage, reason):
    assert reason in contradictions(sentence, passage)


@pytest.mark.parametrize("sentence, passage", [
    ("The audit found no critical flaws.", AUDIT),                       # negated in both
    ("Pickle files execute code on load.", CODE),                        # the passage also states it plainly
    ("The format stores only tensors.", "The format stores only tensor data."),
    ("Openings grew while mobile roles dropped.", "AI openings grew and mobile roles dropped."),
    ("Python is required and Go is optional.", "Python is required; Go is optional."),
    ("The code of practice is voluntary.", "The code of practice is a voluntary tool."),
])
def test_agreeing_sentences_pass(sentence, passage):
    assert contradictions(sentence, passage) == []
