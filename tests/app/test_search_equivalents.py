"""A question naming an idea in words the sources seldom use ("works now and then") is searched for by the lexicon's
other words for it (`searched_equivalents`: "non-deterministic", "attempts"), so the lexical leg finds the passage."""
from __future__ import annotations

import pytest

from app.equivalents import Equivalents
from app.lexicon import load_lexicon
from app.settings import Settings

QUESTION = "My jailbreak only works now and then, maybe 3 tries out of 100. How do I write that up?"
REPORTING = """---
title: "Reporting AI red team findings"
sources:
  - "Fixture source: reporting guide (2025)"
updated: 2025-01-01
role_families: [ai-red-team]
---

## Reporting findings from AI red teaming

Because model outputs are non-deterministic, an AI red teamer reports attack success rates over repeated attempts,
records model version, system prompt and sampling settings, and turns successful attacks into regression test cases.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory, embedder):
    """An index of the ask corpus with a reporting guide beside it, and the lexicon's groups."""
    import shutil

    from answer_checks import ASK_CORPUS
    from ingest.sync import run_ingest

    root = tmp_path_factory.mktemp("equivalents")
    corpus = root / "corpus"
    shutil.copytree(ASK_CORPUS, corpus)
    (corpus / "documents" / "reporting.md").write_text(REPORTING, encoding="utf-8")
    settings = Settings(data_dir=root / "data", corpus_dir=corpus)
    report = run_ingest(settings, [corpus], embedder=embedder, show_progress=False)
    assert report.failed == 0, report.to_dict()
    return settings


def _groups():
    return load_lexicon(Settings().lexicon_path)["searched_equivalents"]


def test_the_askers_seldom_used_words_bring_the_sources_words_for_the_idea():
    texts = ["AI red teamers attack models.", "Postings ask for Python."] * 20
    searched = Equivalents(_groups(), texts).searched(QUESTION)
    assert searched.startswith(QUESTION)
    added = searched[len(QUESTION):]
    assert "nondeterministic" in added and "attempts" in added and "then" not in added, searched


def test_a_word_the_sources_use_often_brings_nothing():
    texts = ["Tools such as garak are listed.", "Red teamers use open-source tools."] * 20
    question = "Which tools matter for AI red teaming?"
    assert Equivalents(_groups(), texts).searched(question) == question


def test_the_searched_groups_are_among_those_answer_typing_uses():
    lexicon = load_lexicon(Settings().lexicon_path)
    one_word = [[w for w in g if " " not in w and "-" not in w] for g in lexicon["searched_equivalents"]]
    assert all(group in lexicon["topic_equivalents"] for group in one_word)
    assert not any("now and then" in group for group in lexicon["topic_equivalents"])


def test_a_question_without_such_a_word_is_searched_as_asked():
    question = "How do AI red teamers report their findings?"
    assert Equivalents(_groups(), ["Red teamers report findings."]).searched(question) == question


def test_the_lexical_leg_finds_the_passage_only_with_the_sources_words(index, embedder):
    from app import Assistant
    from app.filters import Filters

    bot = Assistant(index, embedder=embedder)
    retriever = bot.retriever()
    snapshot = retriever.snapshot
    row = next(i for i, t in enumerate(snapshot.texts) if "non-deterministic" in t)
    searched = bot._equivalents(retriever).searched(QUESTION)
    plain, found = retriever.bm25_ranking(QUESTION, Filters()), retriever.bm25_ranking(searched, Filters())
    assert row in found[:2] and (row not in plain or plain.index(row) > found.index(row)), (plain, found)
