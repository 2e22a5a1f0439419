"""A question asking how a process goes or how a thing works ("what does the certification process look like?",
"how does the fractional model work?") is led by the sentence naming the process's steps, or by the first sentence
of a section whose heading says how the thing goes — not by a sentence that only shares the question's words. A
real index over the ask corpus plus one guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.lexicon import load_lexicon
from app.process_steps import asks_process
from app.settings import Settings

GUIDE = """---
title: Certification and engagement models in AI governance
sources:
  - {title: "Fixture guide", url: "https://example.org/process", checked: 2026-11-01}
---

## Certification to the Fixture AI Management Standard

Vendors can be certified to the Fixture AI Management Standard by an accredited certification body. Certification
follows the usual audit process: a stage 1 audit reviews documentation and readiness, a stage 2 audit checks that the
management system is implemented, and surveillance audits follow over a certificate cycle of three years. Customers
of AI vendors increasingly ask for the Fixture AI Management Standard certificate during procurement.

## How the retained governance adviser model works

A retained governance adviser serves several clients at once and commits a set number of days per month to each.
The retained governance adviser model works best when the adviser has a clear mandate and an internal owner.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("process"), embedder, "process.md", GUIDE)


def test_a_vendor_asking_how_certification_goes_gets_the_audit_stages_first(bot):
    answer = bot.ask("Our customers keep asking for the Fixture AI Management Standard. What does the certification "
                     "process look like for a small AI vendor?")
    assert not answer.abstained, answer.text
    assert "stage 1 audit" in lead(answer.text) and "stage 2 audit" in lead(answer.text), answer.text
    assert_well_cited(answer)


def test_how_a_certification_is_done_is_led_by_the_audit_stages(bot):
    answer = bot.ask("We want our product certified to the Fixture AI Management Standard. How is that done?")
    assert not answer.abstained, answer.text
    assert "stage 1 audit" in lead(answer.text), answer.text
    assert_well_cited(answer)


def test_how_a_model_works_is_led_by_the_section_whose_heading_says_so(bot):
    answer = bot.ask("How does the retained governance adviser model work?")
    assert not answer.abstained, answer.text
    assert lead(answer.text).startswith("A retained governance adviser serves several clients"), answer.text
    assert_well_cited(answer)


@pytest.mark.parametrize("question, asks", [
    ("What does the certification process look like?", True),
    ("How does the fractional CISO model work?", True),
    ("How are AI security interviews structured?", True),
    ("What does ISO/IEC 42001 certify?", False),
    ("How do I move into AI governance?", False),
    ("We want our AI management system certified to 42001. How is that done?", True),
    ("How do organisations get certified against the NIST AI RMF?", False),  # which is not certifiable
])
def test_asks_process_reads_the_asking_part(question, asks):
    assert asks_process(question, load_lexicon(Settings().lexicon_path)) is asks
