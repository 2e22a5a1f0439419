"""A guidance question naming no target role is about the usual path from the asker's own role: a pentester asking
which certs are worth going for gets the AI red teamers' certifications, not a neighbouring role's. A real index over
the ask corpus plus one guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document
from app.guidance import asker_families
from app.lexicon import load_lexicon
from app.settings import Settings

GUIDE = """---
title: Certifications by AI security role
sources:
  - {title: "Fixture guide", url: "https://example.org/certs", checked: 2026-11-01}
---

## Certifications for AI red teamers

AI red teamers benefit most from offensive security credentials plus hands-on AI practice.

- **OSCP and OSCP+ (OffSec).** The Offensive Security Certified Professional (OSCP), earned through a hands-on
penetration testing exam, remains a widely recognised signal.
- **OffSec AI Red Teamer (OSAI).** The course AI-300 leads to a 24-hour hands-on exam against AI-enabled systems.

## Certifications for product security engineers

Product security engineers often hold ISC2's Certified Secure Software Lifecycle Professional (CSSLP), OffSec's OSWE
(web application exploitation and source code review) or PortSwigger's Burp Suite Certified Practitioner. For AI
features, the most useful learning is the OWASP Top 10 for LLM Applications and attacking AI systems in web LLM labs.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("usual"), embedder, "certs.md", GUIDE)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Settings().lexicon_path)


@pytest.mark.parametrize("question, families", [
    ("I'm a pentester and want to specialise in attacking AI systems. Which certs are worth going for?",
     ("ai-red-team",)),
    ("I'm a student. Which certifications should I get?", ()),  # a role with no family of its own
])
def test_the_askers_own_role_gives_its_usual_family(lexicon, question, families):
    assert asker_families(question, lexicon) == families


def test_a_pentester_naming_no_target_role_gets_the_ai_red_teamers_certifications(bot):
    answer = bot.ask("I'm a pentester and want to specialise in attacking AI systems. Which certs are worth going for?")
    assert not answer.abstained, answer.text
    assert "OSAI" in answer.text and "OSCP" in answer.text, answer.text
    assert "CSSLP" not in answer.text, answer.text
    assert_well_cited(answer)
