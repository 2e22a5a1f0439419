"""A retrieved passage's answer is quoted, not only its neighbour: a list its section's heading opens (no sentence
introduces it) is given whole, in order, once two of its items are quoted. A real index over the ask corpus plus one
guide."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document

DUTIES = ["Dataset licensing", "Evaluation drift", "Rollback drills", "Release notes", "Access reviews",
          "Retirement of old weights"]
GUIDE = "\n".join([
    "---",
    "title: The model steward role",
    "sources:",
    '  - {title: "Fixture guide", url: "https://example.org/model-steward", checked: 2026-11-01}',
    "---",
    "",
    "## Typical responsibilities of a model steward",
    "",
    *(f"- **{duty}.** A model steward is responsible for keeping {duty.lower()} in order for every production "
      f"model, recorded in the model register with an owner and a date." for duty in DUTIES),
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
    return assistant_with_document(tmp_path_factory.mktemp("quoted"), embedder, "model-steward.md", GUIDE)


def test_a_list_its_heading_opens_is_given_whole_in_order(bot):
    answer = bot.ask("What is a model steward typically responsible for?")
    assert not answer.abstained, answer.text
    at = [answer.text.find(duty) for duty in DUTIES]
    assert all(a >= 0 for a in at) and at == sorted(at), answer.text  # every item, in the source's order
    assert_well_cited(answer)
