"""A follow-up's own words rank the quoted sentences; the standalone question's match stays the evidence."""
from __future__ import annotations

from app.extractive import draft_extractive
from app.types import Passage

# from corpus/documents/regulation-eu-ai-act.md (section "EU AI Act penalties" and "What the EU AI Act is")
PENALTIES = ("Article 99 of the EU AI Act sets maximum administrative fines in three tiers. Non-compliance with the "
             "prohibited practices of Article 5 can be fined up to EUR 35 million or 7% of total worldwide annual turnover "
             "for the preceding financial year, whichever is higher.")
GPAI = ("Fines for providers of general-purpose AI models are set separately in Article 101 (up to EUR 15 million or 3%) "
        "and have been enforceable by the Commission since 2 August 2026.")
WHAT = ("The EU AI Act is Regulation (EU) 2024/1689 of the European Parliament and of the Council, laying down harmonised "
        "rules on artificial intelligence.")
STANDALONE = "And what are the maximum fines under EU AI Act?"  # rewritten from the follow-up below
OWN_WORDS = "And what are the maximum fines under it?"


def draft(embedder, aspect: str | None):
    passages = [Passage(f"c{i}", text, {"kind": "document", "source": "documents/regulation-eu-ai-act.md",
                                        "context": "EU AI Act (Regulation (EU) 2024/1689)"}, 1.0)
                for i, text in enumerate([PENALTIES, GPAI, WHAT])]
    def amount(sentence: str, index: int) -> bool:  # the question asks for an amount: a sentence naming one leads
        return "EUR" in sentence
    return draft_extractive(STANDALONE, embedder.embed_query(STANDALONE), passages, embedder.embed_passages, 3, amount,
                            aspect=aspect)


def test_the_follow_ups_own_words_pick_the_lead(embedder):
    lead = draft(embedder, OWN_WORDS).sentences[0][0]
    assert "EUR 35 million or 7%" in lead
    assert "general-purpose AI models" not in lead


def test_the_evidence_is_the_standalone_questions_match(embedder):
    assert draft(embedder, OWN_WORDS).evidence == draft(embedder, None).evidence


def test_a_question_not_about_postings_leads_with_a_documents_sentence(embedder):
    """"and what do they need to know about Kubernetes?": a posting's requirement line matches the follow-up's own
    words best, but the role document's sentence answers the question and leads."""
    question, own_words = "and what do MLSecOps engineer need to know about Kubernetes?", "and what do they need to know about Kubernetes?"
    posting = Passage("p", "Kubernetes hardening across development, validation and production clusters.",
                      {"kind": "posting", "source": "postings/mlsecops.jsonl"}, 1.0)
    document = Passage("d", "An MLSecOps engineer typically needs strong Kubernetes and container security skills (pod "
                            "security, network policies, RBAC, admission control, runtime detection) and Python.",
                       {"kind": "document", "source": "documents/role-mlsecops-engineer.md"}, 0.9)
    drafted = draft_extractive(question, embedder.embed_query(question), [posting, document], embedder.embed_passages, 2,
                               aspect=own_words)
    assert drafted.sentences[0][0].startswith("An MLSecOps engineer typically needs strong Kubernetes")
