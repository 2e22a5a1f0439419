"""Guidance whose request names another section than the asker's background: an order of courses and certifications
asked by a SOC analyst who wants to secure ML platforms follows the MLSecOps learning path, not the SOC analyst's
study plan (the role the question is about is where the asker is going, not the role the parse read from their
setting); a role described by what its holder does ("attacking AI systems", "I'd love to break AI systems") is that
role. A real index over a guide written like the corpus's."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.guidance import asked_roles, target_families

GUIDE = """---
title: Paths for AI security
sources:
  - {title: "Fixture paths", url: "https://example.org/paths", checked: 2026-11-01}
---

## Transition path from SOC analyst to AI security

**Study plan for a SOC analyst**:
- Month 1: read the OWASP Top 10 for LLM Applications 2026 and the MITRE ATLAS matrix.
- Month 2: build a small LLM application with logging, then attack it with public prompt-injection exercises.

**Target roles for a former SOC analyst**: AI security analyst and AI incident responder.

## Suggested learning paths by AI security role

- **MLSecOps engineer:** Kubernetes (CKA, then CKS) → CI/CD and infrastructure as code → NIST SP 800-218A.
- **AI red teamer:** web security (PortSwigger Web Security Academy) → OSCP or equivalent → LLM attack labs.
"""

ORDER = "SOC analyst, 4 years in. I want to end up securing ML platforms. In what order should I tackle the certs and courses?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("guidance-request"), embedder, "paths.md", GUIDE)


def test_the_role_where_the_asker_is_going_replaces_their_own_as_what_is_asked_about(lexicon, families):
    assert asked_roles(ORDER, ("security-analyst",), lexicon, families) == ("mlsecops",)
    # a role the parse read that is not only the asker's own stays
    assert asked_roles("How do I become an AI red teamer?", ("ai-red-team",), lexicon, families) == ("ai-red-team",)
    assert asked_roles("I'm a SOC analyst. What should I learn first?", ("security-analyst",), lexicon, families) \
        == ("security-analyst",)  # no target named: the asker's own role


@pytest.mark.parametrize("question", [
    "Final year compsci student. I want to end up attacking AI systems professionally. In what order should I do courses and certs?",
    "I'm a data scientist, never hacked anything. Long term I'd love to break AI systems for a living. What order for the certs?",
])
def test_a_role_told_by_what_its_holder_does_is_that_role(question, lexicon, families):
    assert target_families(question, lexicon, families) == ("ai-red-team",)


def test_an_order_asked_towards_another_role_leads_with_that_roles_learning_path(bot):
    answer = bot.ask(ORDER)
    assert not answer.abstained, answer.text
    assert "CKS" in lead(answer.text), answer.text
    assert "Month 1: read the OWASP" not in lead(answer.text)
    assert_well_cited(answer)

