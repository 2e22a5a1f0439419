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
# corpus/documents/certifications-and-learning-paths.md, two neighbouring list items
SECAI = ("- **CompTIA SecAI+ (exam CY0-001).** CompTIA launched SecAI+ on 17 February 2026 as the first exam in its Expansion "
         "series. SecAI+ covers AI concepts for security, securing AI systems, AI-assisted security operations and AI "
         "governance, risk and compliance, and is meant to sit on top of Security+, CySA+ or PenTest+.")
GMLE = ("- **GIAC Machine Learning Engineer (GMLE).** The GMLE certification is associated with the SANS course SEC595 "
        "(Applied Data Science and AI/Machine Learning for Cybersecurity Professionals). GIAC has since added further AI "
        "credentials, such as the GIAC AI Security Automation Engineer (GASAE, SANS SEC598).")
CERTIFIES = ("ISO/IEC 42001 certifies a management system, meaning the policies, processes, roles and controls an organisation "
             "uses to govern AI; an ISO/IEC 42001 certificate does not certify that any individual AI model or product is safe.")

def _draft(question: str, passages: list[Passage], embedder) -> list[str]:
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4,
                               generic_words=GENERIC, refers_back=LEXICON["back_references"])
    return [sentence for sentence, _ in drafted.sentences]


def test_the_sentence_with_the_detail_asked_about_leads(embedder):
    passages = [Passage("p", PLAYBOOK, {"kind": "document"}, 1.0), Passage("r", REVISION, {"kind": "document"}, 0.9)]
    sentences = _draft("Is the NIST AI RMF Playbook meant to be used as a checklist?", passages, embedder)
    assert sentences[0].startswith("NIST states that the Playbook is not a checklist")


def test_the_sentence_naming_the_asked_standard_leads_over_one_about_its_neighbour(embedder):
    passages = [Passage("c", CERTIFIES, {"kind": "document"}, 1.0), Passage("a", PUBLISHED, {"kind": "document"}, 0.95),
                Passage("b", RELATED, {"kind": "document"}, 0.9)]
    sentences = _draft("What does ISO/IEC 42006 specify?", passages, embedder)
    assert sentences[0].startswith("ISO/IEC 42006:2025, published on 7 July 2025, specifies")


def test_a_supporting_sentence_sharing_no_word_with_the_question_is_left_out(embedder):
    passages = [Passage("g", GMLE, {"kind": "document"}, 1.0), Passage("s", SECAI, {"kind": "document"}, 0.9)]
    sentences = _draft("Which SANS course is associated with the GIAC Machine Learning Engineer certification?", passages, embedder)
    assert any("SEC595" in s for s in sentences)
    assert not any(s.startswith("SecAI+ covers") for s in sentences)


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


def test_support_about_something_else_pads_and_the_leads_own_passage_continues():
    import numpy as np

    from app.extractive import Candidate, _on_subject
    passages = [Passage("g", GMLE, {"kind": "document"}, 1.0), Passage("s", SECAI, {"kind": "document"}, 0.9)]
    def candidate(text: str, index: int, position: int) -> Candidate:
        return Candidate(text, index, position, 0.5, 0.5, np.zeros(3))
    lead = candidate("The GMLE certification is associated with the SANS course SEC595.", 0, 0)
    same = candidate("GIAC has since added further AI credentials, such as the GASAE.", 0, 1)
    other = candidate("SecAI+ covers AI concepts for security, securing AI systems and AI governance.", 1, 1)
    named = candidate("CompTIA launched SecAI+ on 17 February 2026 as the first exam of its kind for a machine learning engineer.", 1, 0)
    kept = _on_subject([same, other, named], lead, "Which SANS course is associated with the GIAC Machine Learning Engineer "
                       "certification?", passages, GENERIC, LEXICON["back_references"])
    assert kept == [same, named]  # "AI" alone is no shared subject; "machine learning engineer" is
