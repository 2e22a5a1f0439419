"""What the default answer quotes reads once and names its postings: a sentence repeated by overlapping chunks is
quoted once; a sample posting quoted from any of its passages is named by its reference, which says it is fictional."""
from __future__ import annotations

from app.compose import compose_answer
from app.extractive import draft_extractive
from app.support import SupportChecker
from app.posting_heads import with_posting_heads
from app.types import Passage
from ingest.snapshot import Snapshot

QUESTION = "How does a SOC analyst handle data leakage through an assistant with the NIST AI RMF?"
FIRST = ("Month 3: write detections for AI-specific behaviour and tag each with an ATLAS technique ID. "
         "Months 4 to 6 (optional): write an AI incident response playbook (prompt injection, data leakage through an "
         "assistant, a compromised model artifact) aligned with the MANAGE function of the NIST AI RMF.")
SECOND = ("data leakage through an assistant, a compromised model artifact) aligned with the MANAGE function of the NIST AI RMF. "
          "Target roles for a former SOC analyst: AI-aware detection engineer, AI incident responder and junior AI red team roles.")


def test_a_sentence_quoted_from_one_chunk_is_not_quoted_again_from_the_overlapping_next(embedder):
    passages = [Passage(f"t#{i}", text, {"kind": "document", "source": "documents/transition-paths.md", "doc_id": "t"}, 1.0)
                for i, text in enumerate([FIRST, SECOND])]
    draft = draft_extractive(QUESTION, embedder.embed_query(QUESTION), passages, embedder.embed_passages, 5)
    quoted = [text for text, _ in draft.sentences]
    assert sum("aligned with the MANAGE function" in text for text in quoted) == 1, quoted


POSTING = {"kind": "posting", "source": "postings/mlsecops.jsonl", "doc_id": "posting:mlsecops:ml-07", "sample": True,
           "job_title": "Lead MLSecOps Engineer", "company": "Aurellion Pharma", "location": "Basel, Switzerland",
           "salary_min": 150000, "salary_max": 190000, "currency": "CHF", "context": "Lead MLSecOps Engineer — Aurellion Pharma"}
HEAD = ("# Lead MLSecOps Engineer\n\nCompany: Aurellion Pharma. Location: Basel, Switzerland. Salary: 150000-190000 CHF.\n\n"
        "The manufacturing analytics group runs its models on Azure Kubernetes Service.")
LATER = ("**What you'll bring**\n- Certified Kubernetes Security Specialist (CKS) certification, or the ability to earn it "
         "within six months.\n- Kubernetes hardening across development, validation and production clusters.")
KUBERNETES = "What Kubernetes certification do MLSecOps engineers need?"


def test_a_sample_posting_quoted_from_a_later_passage_is_named_once_citing_the_passage_with_its_fields(embedder):
    head, later = Passage("p#0", HEAD, {**POSTING, "chunk_index": 0}, 0.0), Passage("p#1", LATER, {**POSTING, "chunk_index": 1}, 1.0)
    document = Passage("d#0", "MLSecOps engineers need strong Kubernetes and container security skills.",
                       {"kind": "document", "source": "documents/role-mlsecops-engineer.md", "doc_id": "d"}, 0.9)
    snapshot = Snapshot("f", [p.chunk_id for p in (head, later, document)], [p.text for p in (head, later, document)],
                        [p.metadata for p in (head, later, document)])
    draft = draft_extractive(KUBERNETES, embedder.embed_query(KUBERNETES), [later, document], embedder.embed_passages, 5)
    draft, passages = with_posting_heads(draft, [later, document], snapshot)
    checker = SupportChecker(embedder.embed_passages)
    text, citations, _ = compose_answer(draft.sentences, passages, checker, keep_unsupported=False)
    assert "Certified Kubernetes Security Specialist (CKS) certification" in text, text
    reference = "Lead MLSecOps Engineer — Aurellion Pharma, Basel, Switzerland, 150,000–190,000 CHF per year (a fictional sample posting)"
    assert text.count(reference) == 1, text
    cited = next(c for c in citations if reference in c.supporting)
    assert cited.text == HEAD and checker.check(reference, cited.text).supported  # the passage shown holds its fields


def test_a_list_opener_quoted_without_its_items_says_they_are_left_out(embedder):
    question = "What is confabulation, as a risk of generative AI?"
    passages = [Passage("c#0", "Confabulation in NIST AI 600-1 means confidently stated but false content from generative AI.",
                        {"kind": "document", "source": "documents/nist.md", "doc_id": "c"}, 1.0),
                Passage("r#0", "NIST AI 600-1 identifies 12 risks of generative AI:",  # the chunk ends before its items
                        {"kind": "document", "source": "documents/nist-risks.md", "doc_id": "r"}, 0.9)]
    draft = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 2)
    quoted = [text for text, _ in draft.sentences]
    assert quoted[1:] == ["NIST AI 600-1 identifies 12 risks of generative AI: …"], quoted


def test_a_list_opener_quoted_after_the_lead_brings_its_items_in_order_each_cited(embedder):
    question = "What clauses of ISO/IEC 42001 hold its requirements?"
    passages = [Passage("i#0", "The clauses of ISO/IEC 42001 hold its requirements for an AI management system.",
                        {"kind": "document", "source": "documents/iso.md", "doc_id": "i"}, 1.0),
                Passage("s#0", "Clauses 1 to 3 cover scope and terms. The requirements of ISO/IEC 42001 are in clauses 4 to 10:\n"
                        "- **Clause 4, Context of the organization**: interested parties and the scope of the AIMS.\n"
                        "- **Clause 5, Leadership**: top management commitment and an AI policy.",
                        {"kind": "document", "source": "documents/iso-structure.md", "doc_id": "s"}, 0.9)]
    draft = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 3)
    opener = next(i for i, (text, _) in enumerate(draft.sentences) if text.startswith("The requirements of ISO/IEC 42001 are in"))
    assert draft.sentences[opener][0].endswith(":"), draft.sentences
    assert [text.split(":")[0] for text, _ in draft.sentences[opener + 1:opener + 3]] == \
        ["Clause 4, Context of the organization", "Clause 5, Leadership"], draft.sentences
    assert all(cited == [1] for _, cited in draft.sentences[opener + 1:opener + 3]), draft.sentences


def test_a_question_asking_for_the_members_of_a_set_is_led_by_the_quoted_sentence_opening_their_list(embedder):
    question = "Which clauses of ISO/IEC 42001 hold its requirements?"
    passages = [Passage("i#0", "The clauses of ISO/IEC 42001 hold its requirements for an AI management system.",
                        {"kind": "document", "source": "documents/iso.md", "doc_id": "i"}, 1.0),
                Passage("s#0", "Clauses 1 to 3 cover scope and terms. The requirements of ISO/IEC 42001 are in clauses 4 to 10:\n"
                        "- **Clause 4, Context of the organization**: interested parties and the scope of the AIMS.\n"
                        "- **Clause 5, Leadership**: top management commitment and an AI policy.",
                        {"kind": "document", "source": "documents/iso-structure.md", "doc_id": "s"}, 0.9)]
    draft = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 3,
                             enumerates=True)
    assert [text.split(": ")[:2] for text, _ in draft.sentences[:2]] == \
        [["The requirements of ISO/IEC 42001 are in clauses 4 to 10", "Clause 4, Context of the organization"],
         ["Clause 5, Leadership", "top management commitment and an AI policy."]], draft.sentences


def test_a_lead_opening_a_list_is_quoted_with_its_first_item_as_one_cited_sentence(embedder):
    question = "How does the threat model change for LLM features?"
    passages = [Passage("w#0", "In practice the threat model changes in three ways:\n"
                        "- **The model is an untrusted component.** Model output must be treated like user input.\n"
                        "- **Content becomes code-like.** A document the model reads may carry instructions.",
                        {"kind": "document", "source": "documents/ways.md", "doc_id": "w"}, 1.0)]
    draft = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 3, advises=True)
    assert draft.sentences[0][0].startswith("In practice the threat model changes in three ways: The model is an untrusted"), \
        draft.sentences  # an opener alone announces the answer without giving it
    assert [cited for _, cited in draft.sentences] == [[0], [0]] and draft.sentences[1][0].startswith("Content becomes")

