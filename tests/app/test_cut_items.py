"""A list item a chunk boundary cut in two reads as the one sentence its document wrote, each clause citing its chunk;
a guidance section's long item is quoted whole."""
from __future__ import annotations

from app.compose import compose_answer
from app.cut_items import with_rests
from app.extractive import Draft
from app.guidance import section_items
from app.sentences import MAX_CHARS
from app.support import SupportChecker
from app.types import Passage
from ingest.snapshot import Snapshot

HEAD = ("**Study plan for a GRC analyst**:\n- Month 1: read NIST AI 100-1 and the 12 generative AI risks in NIST AI 600-1.\n"
        "- Month 2: study the EU AI Act's timeline, the Article 5 prohibitions, Annex III high-risk areas and Article 99 "
        "penalties;")
TAIL = ("Article 99 penalties; practise classifying five example AI systems.\n"
        "- Month 3: study ISO/IEC 42001 clauses 4 to 10 and Annex A.")
FIRST = Passage("plan#1", HEAD, {"kind": "document", "doc_id": "plan", "section": "Plan", "chunk_index": 1,
                                 "start_char": 0, "source": "documents/plan.md", "title": "Plan"}, 0.6)
SECOND = Passage("plan#2", TAIL, {"kind": "document", "doc_id": "plan", "section": "Plan", "chunk_index": 2,
                                  "start_char": len(HEAD) - len("Article 99 penalties;"), "source": "documents/plan.md",
                                  "title": "Plan"}, 0.5)
SNAPSHOT = Snapshot("f", [FIRST.chunk_id, SECOND.chunk_id], [FIRST.text, SECOND.text], [FIRST.metadata, SECOND.metadata])
ITEM = ("Month 2: study the EU AI Act's timeline, the Article 5 prohibitions, Annex III high-risk areas and Article 99 "
        "penalties;")


def test_the_rest_of_a_cut_item_follows_it_citing_the_chunk_that_holds_it():
    draft = Draft([(ITEM, [0]), ("Month 1: read NIST AI 100-1 and the 12 generative AI risks in NIST AI 600-1.", [0])], 0.7)
    completed, passages = with_rests(draft, [FIRST], SNAPSHOT)
    assert [p.chunk_id for p in passages] == ["plan#1", "plan#2"]  # the rest's chunk joins: it was not retrieved
    assert completed.sentences[:2] == [(ITEM, [0]), ("…practise classifying five example AI systems.", [1])]
    assert completed.sentences[2][0].startswith("Month 1:")
    whole = Draft([("Month 1: read NIST AI 100-1 and the 12 generative AI risks in NIST AI 600-1.", [0])], 0.7)
    assert with_rests(whole, [FIRST], SNAPSHOT) == (whole, [FIRST])  # an item its chunk holds whole: unchanged


def test_a_cut_item_reads_as_one_sentence_each_clause_citing_its_chunk(embedder):
    draft = [(ITEM, [0]), ("…Practise classifying five example AI systems.", [1]),
             ("Month 3: study ISO/IEC 42001 clauses 4 to 10 and Annex A.", [1])]
    text, citations, checks = compose_answer(draft, [FIRST, SECOND], SupportChecker(embedder.embed_passages),
                                             keep_unsupported=False)
    assert text == ("Month 2: study the EU AI Act's timeline, the Article 5 prohibitions, Annex III high-risk areas and "
                    "Article 99 penalties [1]; practise classifying five example AI systems. [2] "
                    "Month 3: study ISO/IEC 42001 clauses 4 to 10 and Annex A. [2]")
    assert [c.number for c in citations] == [1, 2] and all(c.status == "supported" for c in checks)


def test_an_ellipsis_sentence_after_a_whole_one_or_from_another_document_stays_apart(embedder):
    other = Passage("other#1", "Practise classifying five example AI systems.",
                    {"kind": "document", "doc_id": "other", "section": "S", "chunk_index": 0}, 0.4)
    checker = SupportChecker(embedder.embed_passages)
    text, _, _ = compose_answer([(ITEM, [0]), ("…Practise classifying five example AI systems.", [1])],
                                [FIRST, other], checker, keep_unsupported=False)
    assert text.endswith("penalties. [1] …Practise classifying five example AI systems. [2]")
    text, _, _ = compose_answer([("Month 1: read NIST AI 100-1 and the 12 generative AI risks in NIST AI 600-1.", [0]),
                                 ("…Practise classifying five example AI systems.", [1])], [FIRST, SECOND], checker,
                                keep_unsupported=False)
    assert "600-1. [1] …Practise" in text


def test_a_section_item_longer_than_the_quoting_limit_is_whole():
    item = ("- Months 4 to 6 (optional): consider a certification such as " + ", ".join(
        f"the Example Credential {n} (EC{n}, launched May 2025)" for n in range(1, 12)) + " or Advanced in AI Risk (AAIR).")
    assert len(item) > MAX_CHARS
    chunk = Passage("p#1", f"**Plan**:\n{item}", {"kind": "document", "doc_id": "p", "section": "Plan", "chunk_index": 0,
                                                   "start_char": 0}, 0.5)
    items = section_items(Snapshot("f", [chunk.chunk_id], [chunk.text], [chunk.metadata]), "p", "Plan")
    assert items[-1][0].endswith("or Advanced in AI Risk (AAIR).") and items[-1][0].startswith("Plan: Months 4 to 6")


def test_a_chunk_opening_with_the_tail_of_an_earlier_item_gives_no_rest():
    """The next chunk repeats "responsibilities and authorities." (Clause 5's end) before Clause 6 whole: that tail is
    overlap, not the rest of Clause 6, which the chunk before ended inside."""
    head = ("**Clauses**:\n- **Clause 5, Leadership**: top management commitment, an AI policy, and assigned roles, "
            "responsibilities and authorities.\n- **Clause 6, Planning**: actions to address risks, including AI risk "
            "assessment (6.1.2),")
    tail = ("responsibilities and authorities.\n- **Clause 6, Planning**: actions to address risks, including AI risk "
            "assessment (6.1.2), AI risk treatment (6.1.3) and AI system impact assessment (6.1.4).\n"
            "- **Clause 7, Support**: resources, competence and documented information.")
    first = Passage("iso#4", head, {"kind": "document", "doc_id": "iso", "section": "S", "chunk_index": 4,
                                     "start_char": 0}, 0.5)
    second = Passage("iso#5", tail, {"kind": "document", "doc_id": "iso", "section": "S", "chunk_index": 5,
                                      "start_char": len(head) - len(tail.split("\n")[0]) - 150}, 0.4)
    snapshot = Snapshot("f", [first.chunk_id, second.chunk_id], [first.text, second.text], [first.metadata, second.metadata])
    texts = [text for text, *_ in section_items(snapshot, "iso", "S")]
    assert [text.split(":")[0] for text in texts] == ["Clauses", "Clause 6, Planning", "Clause 7, Support"]
    assert texts[1].endswith("AI system impact assessment (6.1.4).")


def test_the_whole_sentence_after_its_joined_parts_is_a_repeat(embedder):
    """The next chunk may also hold the cut item whole (after the overlap): once its parts are joined, it repeats them."""
    whole = ("Month 2: study the EU AI Act's timeline, the Article 5 prohibitions, Annex III high-risk areas and Article 99 "
             "penalties; practise classifying five example AI systems.")
    holding = Passage("plan#2", f"- {whole}\n- Month 3: study ISO/IEC 42001 clauses 4 to 10 and Annex A.",
                      {**SECOND.metadata}, 0.5)
    draft = [(ITEM, [0]), ("…Practise classifying five example AI systems.", [1]), (whole, [1])]
    text, _, checks = compose_answer(draft, [FIRST, holding], SupportChecker(embedder.embed_passages),
                                     keep_unsupported=False)
    assert text.count("practise classifying") == 1 and checks[-1].reasons == ["repeats a sentence already shown"]
