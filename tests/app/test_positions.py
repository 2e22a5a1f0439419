"""A position in a ranked list ("number 3", "ranked third", "and number 6?") answered from a real index of the
OWASP LLM Top 10 document with its editions registry: the entry of the current edition, or of the edition named."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from answer_checks import lead

REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def owasp(tmp_path_factory, embedder):
    from app import Assistant
    from app.settings import Settings
    from ingest.sync import run_ingest

    corpus = tmp_path_factory.mktemp("positions") / "corpus"
    (corpus / "documents").mkdir(parents=True)
    for name in ("vocabulary.yaml", "lexicon.yaml", "editions.yaml"):
        shutil.copy(REAL_CORPUS / name, corpus)
    for name in ("framework-owasp-llm-top-10.md", "framework-owasp-agentic-top-10.md"):
        if (REAL_CORPUS / "documents" / name).exists():
            shutil.copy(REAL_CORPUS / "documents" / name, corpus / "documents")
    settings = Settings(data_dir=corpus.parent / "data", corpus_dir=corpus)
    assert run_ingest(settings, embedder=embedder, show_progress=False).failed == 0
    return Assistant(settings, embedder=embedder)


@pytest.mark.parametrize("question, entry", [
    ("Which edition of the OWASP LLM Top 10 is the current one, and what sits at number 3 in it?", "LLM03:2026 Excessive Agency"),
    ("In the OWASP Top 10 for LLM apps, which risk is ranked fifth?", "LLM05:2026 Data and Model Poisoning"),
    ("whats #8 in the owasp llm top 10?", "LLM08:2026 Hidden Context Exposure"),
    ("what was the 3rd item in the 2025 edition of the owasp llm top 10?", "LLM03:2025 Supply Chain"),
])
def test_the_answer_leads_with_the_entry_at_that_position(owasp, question, entry):
    answer = owasp.ask(question)
    assert not answer.abstained and entry in lead(answer.text)


def test_a_follow_up_asks_for_another_position_of_the_same_list(owasp):
    answer = owasp.ask("and number 6?", history=["What sits at number 1 in the OWASP LLM Top 10?"])
    assert not answer.abstained and "LLM06:2026 Unbounded Consumption" in lead(answer.text)


@pytest.mark.parametrize("question, entry, others", [
    ("what sits at number 1 in the owasp llm top 10?", "LLM01:2026 Prompt Injection", "LLM02:2026"),
    ("In the OWASP Top 10 for LLM apps, which risk is ranked fifth?", "LLM05:2026 Data and Model Poisoning", "LLM10:2026"),
    ("what is number 3 in the 2025 edition of the owasp llm top 10?", "LLM03:2025 Supply Chain", "LLM01:2025"),
])
def test_the_lead_is_the_entry_not_the_whole_list(owasp, question, entry, others):
    answer = owasp.ask(question)
    assert entry in lead(answer.text) and others not in lead(answer.text)
