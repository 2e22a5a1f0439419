"""A question answered by a section's introducing sentence and the list under it gets that sentence first, then the
list's items in the source's order, each cited — not one item alone; a name the asker gives only in their background
("Marketing uses ChatGPT for everything…") is not one the corpus must mention, while one the asking part names is. A
real index over the ask corpus plus one guide."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.coverage import asked_terms
from app.guidance import has_covered_target
from app.lexicon import load_lexicon
from app.settings import Settings

TASKS = ["Acceptable use of chat assistants", "Supplier questionnaires", "A register of AI use",
         "Readiness for an AI management certificate", "Tracking the AI regulation timeline"]
GUIDE = "\n".join([
    "---",
    "title: Security leadership at a growing company",
    "sources:",
    '  - {title: "Fixture guide", url: "https://example.org/growing-company", checked: 2026-11-01}',
    "---",
    "",
    "## AI oversight by the security lead of a growing company",
    "",
    "In many growing companies no one is accountable for AI risk, so the security lead becomes the de facto AI "
    "oversight owner, working with legal and privacy. Typical AI oversight duties are:",
    "",
    *(f"- **{task}.** The security lead handles {task.lower()} as duty number {n}, reviewing it each quarter with "
      f"legal and privacy and reporting its state to the executives." for n, task in enumerate(TASKS, 1)),
    "",
])


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embedder):
    return assistant_with_document(tmp_path_factory.mktemp("intro"), embedder, "growing-company.md", GUIDE)


def test_the_sentence_introducing_a_list_leads_and_its_items_follow_in_order(bot):
    answer = bot.ask("no one at our 150-person company is accountable for AI risk. who should pick it up, and what "
                     "should they actually be doing?")
    assert not answer.abstained, answer.text
    assert "security lead becomes the de facto AI oversight owner" in lead(answer.text), answer.text  # who: a role
    at = [answer.text.find(task) for task in TASKS]
    assert all(a >= 0 for a in at) and at == sorted(at), answer.text  # every duty, in the source's order
    assert_well_cited(answer)


def test_a_name_only_in_the_askers_background_causes_no_refusal(bot):
    answer = bot.ask("We're a 150 person SaaS company. Marketing uses ChatGPT for everything and honestly no one is "
                     "accountable for AI risk. Whose job should this be and what should they do first?")
    assert not answer.abstained, answer.text
    assert "security lead" in lead(answer.text), answer.text
    assert_well_cited(answer)


def test_the_coverage_check_weighs_the_asking_part_of_an_advice_question():
    lexicon = load_lexicon(Settings().lexicon_path)
    told = ("We're a ~150 person SaaS company. Marketing uses ChatGPT for everything, eng is building an LLM feature, "
            "and honestly nobody owns AI risk. Whose job should this be and what should they do first?")
    assert "ChatGPT" not in asked_terms(told, lexicon, has_covered_target(told, ("ai-governance",), lexicon))
    asked = "Marketing uses ChatGPT for everything. Does OpenAI train its models on what our staff paste into ChatGPT?"
    assert "ChatGPT" in asked_terms(asked, lexicon, has_covered_target(asked, ("ai-governance",), lexicon))
    platform = "We run all our ML on Databricks. Which Databricks security certification should our ML platform engineer get?"
    assert "Databricks" in asked_terms(platform, lexicon, has_covered_target(platform, ("mlsecops",), lexicon))
