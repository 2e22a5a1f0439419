"""A question naming a labelled item of a plan ("what should they do in month 3?") leads with that item."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.extractive import Draft
from app.lexicon import load_lexicon
from app.cut_items import with_rests
from app.plan_items import asked_label, label_first
from app.types import Passage
from ingest.snapshot import Snapshot

REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LEXICON = load_lexicon(REAL_CORPUS / "lexicon.yaml")
PLAN = """**Study plan**:
- Month 1: read the OWASP Top 10 for LLM Applications and the MITRE ATLAS matrix.
- Month 2: build a small LLM application with logging and attack it.
- Month 3: write detections for AI-specific behaviour and tag each with an ATLAS technique ID.
"""


@pytest.mark.parametrize("question, label", [
    ("What should they do in month 3?", "month 3"),
    ("and in month three?", "month 3"),
    ("What happens in the second month?", "month 2"),
    ("What is stage 2 of the audit?", "stage 2"),
    ("How many months does the plan take?", None),
    ("What should I learn first?", None),
])
def test_the_label_a_question_names(question, label):
    assert asked_label(question, LEXICON) == label


def test_the_labelled_item_leads_from_the_passages_or_the_reserve():
    other = Passage("o", "Shadowing experienced analysts, then handling your own alert queue by month three.", {"kind": "document"}, 0.6)
    plan = Passage("p", PLAN, {"kind": "document"}, 0.4)
    draft = Draft([("Shadowing experienced analysts, then handling your own alert queue by month three.", [0]),
                   ("Another sentence of the first passage.", [0])], 0.7)
    led, passages = label_first(draft, [other], [plan], "What should they do in month 3?", LEXICON)
    assert [p.chunk_id for p in passages] == ["o", "p"]
    assert led.sentences == [("Month 3: write detections for AI-specific behaviour and tag each with an ATLAS technique ID.", [1]),
                             ("Shadowing experienced analysts, then handling your own alert queue by month three.", [0])]
    assert label_first(draft, [other], [plan], "What should they do after the plan?", LEXICON) == (draft, [other])
    assert label_first(draft, [other], [plan], "What should they do in month 7?", LEXICON) == (draft, [other])


def test_the_labelled_item_the_chunk_ended_inside_leads_with_its_rest():
    """"Month 1: …;" ends its chunk; the section's next chunk goes on "study several ATLAS case studies …"."""
    first = Passage("d#1", "**Study plan**:\n- Month 1: read the OWASP Top 10 for LLM Applications and the MITRE ATLAS matrix;",
                    {"kind": "document", "doc_id": "d", "section": "Plan", "chunk_index": 1, "start_char": 0}, 0.5)
    second = Passage("d#2", "study several ATLAS case studies and map each step to the ATT&CK techniques you know.\n"
                     "- Month 2: build a small LLM application with logging and attack it.",
                     {"kind": "document", "doc_id": "d", "section": "Plan", "chunk_index": 2, "start_char": 101}, 0.4)
    snapshot = Snapshot("f", ["d#1", "d#2"], [first.text, second.text], [first.metadata, second.metadata])
    draft = Draft([("Another sentence.", [0])] * 3, 0.7)
    led, passages = with_rests(*label_first(draft, [first], [], "What do I do in the first month?", LEXICON), snapshot)
    assert [p.chunk_id for p in passages] == ["d#1", "d#2"]
    assert led.sentences[:2] == [
        ("Study plan: Month 1: read the OWASP Top 10 for LLM Applications and the MITRE ATLAS matrix;", [0]),  # labelled
        ("…Study several ATLAS case studies and map each step to the ATT&CK techniques you know.", [1])]


def test_a_follow_up_about_a_month_of_a_real_transition_plan(tmp_path, embedder):
    """The conversation's subject is the SOC path; the follow-up names only the month, which the plan's item answers."""
    from app import Assistant
    from app.settings import Settings
    from ingest.sync import run_ingest
    from tests.app.answer_checks import lead

    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    for name in ("vocabulary.yaml", "lexicon.yaml", "editions.yaml"):
        shutil.copy(REAL_CORPUS / name, corpus)
    for name in ("transition-paths.md", "role-ai-security-engineer.md"):
        shutil.copy(REAL_CORPUS / "documents" / name, corpus / "documents")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    run_ingest(settings, embedder=embedder, show_progress=False)
    bot = Assistant(settings, embedder=embedder)

    soc = bot.ask("What should they do in month 3?", history=["How can a SOC analyst move into AI security?"])
    assert lead(soc.text).startswith("Month 3: write detections for AI-specific behaviour")
    ml = bot.ask("what should they do in month 2?", history=["How does an ML engineer move into AI security?"])
    assert lead(ml.text).startswith("Month 2: reproduce classical attacks")
