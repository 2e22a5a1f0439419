"""What a quoted sentence is about stays with it (session 17, status27). Over a real index of the ask corpus with one
more document: a version question is answered by the sentence giving the versions even when the chunk holding it
begins after the sentence naming its subject ("Release tooling: … the Zorvale Build Framework (ZBF) …" in the chunk
before "The final version of the ZBF is still version 3.1…"); a sentence clipped to its clause that answers keeps
the name (and identifier) it opens with; "whose job should that be?" asks whose duty a thing is, no postings."""
from __future__ import annotations

import pytest

from answer_checks import assistant_with_document, lead

FILLER = " ".join(f"Step {n} of the release checklist asks the owning team to record who approved the build, which "
                  f"tests ran against it and where its artifacts were stored for later audit." for n in range(1, 9))
NOTES = f"""---
title: Zorvale platform notes
sources:
  - {{title: "Zorvale platform notes", url: "https://example.org/zorvale", checked: 2026-11-01}}
---

## Core duties of a Zorvale platform engineer

- **Release tooling.** Running the release pipeline for every product team. The Zorvale Build Framework (ZBF) groups
  these practices into five stages. {FILLER} The final version of the ZBF is still version 3.1 (ZB 100, March 2021);
  Zorvale published ZBF version 3.2 as an initial public draft on 4 November 2025, and a final version 3.2 is
  unconfirmed as of 6 December 2026.
- **Incident reviews.** Leading the review after every outage that reaches customers.

## Companion documents

The Quellmark Assurance Profile for Machine Learning (Assurance Profile, QM IR 4471) applies the Quellmark control
catalogue to machine learning in three focus areas: securing model pipelines, using models for monitoring, and
resisting model-enabled fraud; Quellmark released it as a preliminary draft on 3 March 2025 with comments due by 30
April 2025, and as of 6 December 2026 the Assurance Profile is still a draft (whether a later draft or final version
has appeared is unconfirmed as of 2026-12-06).
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("subject"), embedder, "zorvale-notes.md", NOTES)


def test_a_version_is_found_in_a_chunk_that_begins_after_its_subject_is_named(bot):
    answer = bot.ask("Which ZBF version should our release policy reference? Is 3.2 out yet?")
    assert not answer.abstained, answer.text
    assert "still version 3.1" in lead(answer.text), answer.text


def test_a_clipped_sentence_keeps_the_name_it_opens_with(bot):
    answer = bot.ask("Has Quellmark finalised its Assurance Profile yet, or is it still a draft?")
    first = lead(answer.text)
    assert "QM IR 4471" in first and "still a draft" in first, answer.text
    assert not first.startswith("…"), answer.text


def test_whose_job_asks_for_the_owner_not_for_postings(bot):
    answer = bot.ask("We're a 150-person SaaS company and nobody owns AI risk. Whose job should that be, and what would "
                     "they actually do?")
    assert answer.route == "passages", answer.text
