"""A question answered by a section's introducing sentence and the list under it gets that sentence first, then the
list's items in the source's order, each cited — not one item alone; a name the asker gives only in their background
("Marketing uses ChatGPT for everything…") is not one the corpus must mention, while one the asking part names is. A
real index over the ask corpus plus one guide; and a hand-made section of two chunks for the list's following."""
from __future__ import annotations

import pytest

from answer_checks import assert_well_cited, assistant_with_document, lead
from app.coverage import asked_terms
from app.extractive import Draft
from app.guidance import has_covered_target
from app.lexicon import load_lexicon
from app.list_intro import introduced_list
from app.settings import Settings
from app.types import Passage
from ingest.snapshot import Snapshot

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


FIRST = ("In many firms nobody owns AI risk, so the head of security becomes the AI governance lead. Typical AI oversight "
         "tasks are:\n\n- **Acceptable use.** Setting rules for the AI tools staff may use.\n- **Vendor risk.** Checking "
         "whether vendors train models on customer data.")
SECOND = ("Contracts must say which customer data is used.\n- **Inventory.** Recording AI use cases against a "
          "framework.\n- **Readiness.** Advising whether ISO/IEC 42001 certification is worth it.")


QUESTION = "nobody owns AI risk here. who picks it up, and what do they do?"


def _chunks() -> tuple[Snapshot, list[Passage]]:
    """A section of two chunks, the second opening with the rest of the first one's last item, and another passage."""
    metadata = [{"doc_id": "d", "section": "AI oversight", "chunk_index": n, "kind": "document"} for n in range(2)]
    snapshot = Snapshot("f", ["d:0", "d:1"], [FIRST, SECOND], metadata)
    other = Passage("e:0", "Salaries vary widely by market.", {"doc_id": "e", "section": "Pay", "chunk_index": 0}, 0.1)
    return snapshot, [Passage("d:1", SECOND, metadata[1], 0.5), Passage("d:0", FIRST, metadata[0], 0.4), other]


def test_an_item_quoted_before_its_introduction_follows_it_with_the_whole_list_across_chunks():
    snapshot, passages = _chunks()
    draft = Draft([("Inventory: Recording AI use cases against a framework.", [0]),
                   ("Salaries vary widely by market.", [2]),
                   ("In many firms nobody owns AI risk, so the head of security becomes the AI governance lead.", [1])], 0.6)
    followed, _, chunks = introduced_list(draft, passages, snapshot, 10, QUESTION)
    texts = [text for text, _ in followed.sentences]
    assert texts[0].startswith("In many firms nobody owns AI risk"), texts  # the sentence saying who leads
    assert texts[1].startswith("Typical AI oversight tasks are: Acceptable use"), texts  # the opener with its first item
    assert [t.split(":")[0] for t in texts[2:6]] == ["Vendor risk", "Contracts must say which customer data is used.",
                                                      "Inventory", "Readiness"], texts  # across the chunk boundary
    assert texts[6:] == ["Salaries vary widely by market."], texts  # the draft's other sentence after the list
    assert [p.chunk_id for p in chunks] == ["d:0", "d:1"]
    assert [passages[c[0]].chunk_id for _, c in followed.sentences[:6]] == ["d:0", "d:0", "d:0", "d:1", "d:1", "d:1"]


def test_a_list_item_quoted_alone_or_an_introduction_alone_is_left_as_drafted():
    snapshot, passages = _chunks()
    for sentences in ([("Inventory: Recording AI use cases against a framework.", [0])],
                      [("In many firms nobody owns AI risk, so the head of security becomes the AI governance lead.", [1])]):
        draft = Draft(sentences, 0.6)
        assert introduced_list(draft, passages, snapshot, 10, QUESTION) == (draft, passages, ())
