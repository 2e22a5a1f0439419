"""A quoted sentence's paragraph goes on with the next sentence when that one names an asked word the quoted one does
not (the fact sits right after the sentence the answer quotes); not after a typed lead, which answers already, nor in a
follow-up, whose subject is the conversation's. A real index over the ask corpus plus one guide."""
from __future__ import annotations

import pytest

import numpy as np

from answer_checks import assert_well_cited, assistant_with_document
from app.extractive import Candidate, _with_continuations
from app.types import Passage

GUIDE = "\n".join([
    "---",
    "title: The model steward role",
    "sources:",
    '  - {title: "Fixture guide", url: "https://example.org/model-steward", checked: 2026-11-01}',
    "---",
    "",
    "## Interviews for model stewards",
    "",
    "Release-review exercises ask candidates to walk an interviewer through one model release from training to "
    "production. For a fine-tuned chatbot, the key hazards are licence drift, silent evaluation regressions and "
    "rollback gaps. Interviewers also ask about the register.",
    "",
])


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("continued"), embedder, "model-steward.md", GUIDE)


def test_the_next_sentence_naming_an_asked_word_continues_a_quoted_one(bot):
    answer = bot.ask("I have a release-review exercise for a model steward job on a fine-tuned chatbot next week. "
                     "Which hazards will they want me to name?")
    assert not answer.abstained, answer.text
    assert "licence drift" in answer.text, answer.text  # the sentence after the quoted one names "chatbot"
    assert_well_cited(answer)


def test_a_quoted_sentence_brings_the_next_one_only_when_that_names_an_asked_word_it_does_not():
    text = ("## Interviews for model stewards\n\nRelease-review exercises ask candidates to walk an interviewer through "
            "one model release. For a fine-tuned chatbot, the key hazards are licence drift and rollback gaps. "
            "Interviewers also ask about the model register.")
    passages = [Passage("c1", text, {"kind": "document", "section": "Interviews for model stewards"}, 1.0)]
    quoted = Candidate("Release-review exercises ask candidates to walk an interviewer through one model release.",
                       0, 0, 0.5, 0.5, np.zeros(2))
    question = "Which hazards of a fine-tuned chatbot will the release review ask about?"
    continued = _with_continuations([quoted], passages, question, question, [], [])
    assert [c.text for c in continued][1:] == ["For a fine-tuned chatbot, the key hazards are licence drift and "
                                               "rollback gaps."]  # "hazards", "chatbot": asked, not in the quoted one
    asked_words_held = "Which release-review exercises do candidates walk an interviewer through?"
    assert _with_continuations([quoted], passages, asked_words_held, asked_words_held, [], []) == [quoted]
