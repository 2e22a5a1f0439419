"""A clause clipped from a sentence too long to quote reads as a sentence of its own: the conjunction that joined it
to the clause before is dropped, not capitalised ("…And scanners for …" -> "…Scanners for …"). Over a real index."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document

TOOLS = """---
title: Model supply-chain tooling at Quillmark
sources:
  - {title: "Quillmark tooling notes", url: "https://example.org/qtools", checked: 2026-11-01}
---

## Tooling

The Quillmark platform team keeps a long list of supply-chain tooling that every model release passes through,
including signing services that attach provenance to each artifact built in the release pipeline, registries that
record which datasets and base models a release was trained from, policy engines that block releases missing a
software bill of materials, dashboards that show the release owners which checks passed for each build, audit logs
that the compliance team reviews each quarter, and scanners for unsafe model files such as Zedscan and Picklewatch.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("clauses"), embedder, "quillmark-tooling.md", TOOLS)


def test_a_clause_clipped_after_and_is_quoted_without_the_conjunction(bot):
    answer = bot.ask("Which scanners check model files for unsafe code at Quillmark?")
    assert "Zedscan and Picklewatch" in answer.text, answer.text
    assert "…Scanners for unsafe model files" in answer.text and "…And " not in answer.text, answer.text
