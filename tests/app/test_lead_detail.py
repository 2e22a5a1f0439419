"""The lead is the sentence holding the detail asked about, not the topic's opening sentence; supporting sentences that
share no word with the question do not pad the answer; a sentence the chunking cut does not lead."""
from __future__ import annotations

from pathlib import Path

from app.extractive import draft_extractive
from app.lexicon import load_lexicon
from app.sentences import passage_items, split_sentences
from app.types import Passage

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
GENERIC = [*LEXICON["posting_nouns"]["any"], *LEXICON["question_function_words"]]
# corpus/documents/framework-nist-ai-rmf.md, "The NIST AI RMF Playbook"
PLAYBOOK = ("The NIST AI RMF Playbook is a companion resource that provides suggested actions, transparency and documentation "
            "guidance, and references for each subcategory of the GOVERN, MAP, MEASURE and MANAGE functions. NIST states that "
            "the Playbook is not a checklist: organisations select the suggestions that fit their context.")
REVISION = ("This review found no revised AI RMF (for example a version 1.1 or 2.0) published by NIST and no announced "
            "publication date. Web pages that describe an AI RMF 2.0 as already released are not supported by NIST's own pages.")
# corpus/documents/standard-iso-iec-42001.md, "Related standards" and its publication
RELATED = ("ISO/IEC 42006:2025, published on 7 July 2025, specifies additional requirements, beyond ISO/IEC 17021-1, for bodies "
           "that audit and certify AI management systems against ISO/IEC 42001.")
PUBLISHED = ("ISO/IEC 42001 was published in December 2023 by ISO and IEC, developed by the joint technical committee ISO/IEC "
             "JTC 1/SC 42 (Artificial intelligence). ISO describes ISO/IEC 42001 as the world's first AI management system standard.")
# corpus/documents/regulation-eu-ai-act.md, "Penalties" (shortened), and role-ai-governance-lead.md, its timeline
FINES = ("Article 99 of the EU AI Act sets maximum administrative fines in three tiers. Supplying incorrect, incomplete or "
         "misleading information to authorities can be fined up to EUR 7.5 million or 1%.")
TIMELINE = ("The EU AI Act's dates as they stand today, after the Digital Omnibus on AI (Regulation (EU) 2026/1744, in force "
            "since 27 July 2026): the prohibitions and the AI literacy duty (Article 4) have applied since 2 February 2025; "
            "obligations for general-purpose AI models since 2 August 2025; the Article 50 transparency obligations since "
            "2 August 2026.")

def _draft(question: str, passages: list[Passage], embedder, subject_words: tuple[str, ...] = ()) -> list[str]:
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4,
                               generic_words=GENERIC, refers_back=LEXICON["back_references"], subject_words=subject_words)
    return [sentence for sentence, _ in drafted.sentences]


def test_the_sentence_with_the_detail_asked_about_leads(embedder):
    passages = [Passage("p", PLAYBOOK, {"kind": "document"}, 1.0), Passage("r", REVISION, {"kind": "document"}, 0.9)]
    sentences = _draft("Is the NIST AI RMF Playbook meant to be used as a checklist?", passages, embedder)
    assert sentences[0].startswith("NIST states that the Playbook is not a checklist")


def test_the_sentence_naming_the_asked_standard_leads_over_one_about_its_neighbour(embedder):
    passages = [Passage("a", PUBLISHED, {"kind": "document"}, 1.0), Passage("b", RELATED, {"kind": "document"}, 0.9)]
    sentences = _draft("What does ISO/IEC 42006 specify?", passages, embedder)
    assert sentences[0].startswith("ISO/IEC 42006:2025, published on 7 July 2025, specifies")


def test_a_supporting_sentence_naming_only_the_subject_again_is_left_out(embedder):
    passages = [Passage("f", FINES, {"kind": "document"}, 1.0), Passage("t", TIMELINE, {"kind": "document"}, 0.9)]
    question = "What is the maximum fine under the EU AI Act for misleading information?"
    sentences = _draft(question, passages, embedder, ("EU AI Act",))
    assert any("EUR 7.5 million" in s for s in sentences)
    assert not any(s.startswith("The EU AI Act's dates as they stand today") for s in sentences)


def test_an_aside_after_an_abbreviation_does_not_start_a_sentence():
    text = ("Direct injection comes from the user. Greshake et al. (February 2023) demonstrated indirect prompt injection "
            "against real LLM-integrated applications.")
    assert split_sentences(text)[-1].startswith("Greshake et al. (February 2023) demonstrated")


def test_a_chunk_starting_inside_a_sentence_does_not_lead(embedder):
    cut = Passage("cut", "(February 2023) demonstrated indirect prompt injection against real LLM-integrated applications. "
                  "Some other remark about agents follows here in full.", {"kind": "document"}, 1.0)
    whole = Passage("whole", "Indirect prompt injection hides instructions in content the model reads, such as web pages, "
                    "emails or documents.", {"kind": "document"}, 0.9)
    assert passage_items(cut.text)[0][0].startswith("…(February 2023)")  # shown as the end of a sentence
    sentences = _draft("What did researchers demonstrate about indirect prompt injection?", [cut, whole], embedder)
    assert sentences[0].startswith("Indirect prompt injection hides instructions")
