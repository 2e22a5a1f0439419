"""A question in the asker's words is answered by the sentence that says it in the corpus's words: a word shared
through the lexicon's `topic_equivalents` ("flaky", "non-deterministic") counts as shared."""
from __future__ import annotations

from app.answer_type import equivalent_stems
from app.extractive import draft_extractive
from app.lexicon import load_lexicon
from app.settings import Settings
from app.types import Passage

QUESTION = ("My jailbreak works sometimes and not other times. As a red teamer, how am I supposed to report "
            "something that flaky?")
ROLE = ("An AI red teamer attacks AI models and AI-powered products before real adversaries do. AI red teamers report "
        "what they found, how reliably it reproduces, and how to fix it.")
METHODS = ("Because model outputs are non-deterministic, an AI red teamer reports attack success rates over repeated "
           "attempts, records model version, system prompt and sampling settings, and turns successful attacks into "
           "regression test cases.")
INTERVIEW = ("Red teamers are also asked how they scope engagements, measure attack success rates, and report findings "
             "with OWASP identifiers (naming the edition, such as LLM01:2026) and ATLAS technique IDs, recording the "
             "ATLAS release used because MITRE updates ATLAS monthly.")
GLOSSARY = ("Jailbreaks: Prompts that bypass a model's safety training, for example through role-play, obfuscation, "
            "multi-turn escalation or encoding tricks.")


def _passages() -> list[Passage]:
    sources = ["role-ai-red-teamer.md", "role-ai-red-teamer.md", "interview-topics.md", "framework-owasp.md"]
    return [Passage(f"p#{i}", text, {"kind": "document", "source": f"documents/{source}", "doc_id": source}, 1.0)
            for i, (text, source) in enumerate(zip([ROLE, METHODS, INTERVIEW, GLOSSARY], sources))]


def test_the_sentence_saying_flaky_in_the_corpus_words_is_quoted(embedder):
    equivalents = equivalent_stems(load_lexicon(Settings().lexicon_path))
    draft = draft_extractive(QUESTION, embedder.embed_query(QUESTION), _passages(), embedder.embed_passages, 5,
                             equivalents=equivalents)
    quoted = " ".join(text for text, _ in draft.sentences)
    assert "sampling settings" in quoted and "regression test cases" in quoted, quoted


def test_a_question_without_such_a_word_is_answered_as_before(embedder):
    question = "How do AI red teamers report their findings?"
    equivalents = equivalent_stems(load_lexicon(Settings().lexicon_path))
    plain, expanded = (draft_extractive(question, embedder.embed_query(question), _passages(), embedder.embed_passages, 5,
                                        equivalents=groups) for groups in ((), equivalents))
    assert expanded.sentences == plain.sentences
