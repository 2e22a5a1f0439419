"""Questions about what is current: current editions lead, superseded ones are never quoted as current, old reviews say as of when."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from app.asks_current import asks_for_current
from app.currency import Currency
from app.lexicon import load_lexicon
from app.settings import Settings
from app.types import Citation, Passage

REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LEXICON = load_lexicon(REAL_CORPUS / "lexicon.yaml")
REGISTRY = """entries:
  owasp-llm-top-10:
    name: OWASP Top 10 for LLM Applications
    names: [OWASP Top 10 for LLM]
    current: {edition: "2026", phrases: [":2026", 2026 edition, LLM03 Excessive Agency]}
    superseded:
      - {edition: "2025", phrases: [":2025", 2025 edition, LLM03 Supply Chain]}
"""
DOCUMENT = """---
title: "OWASP Top 10 for LLM Applications"
reviewed: {reviewed}
sources:
  - title: "OWASP GenAI Security Project"
    url: https://genai.owasp.org/
    checked: {reviewed}
---
## OWASP Top 10 for LLM Applications: history of editions

In the OWASP Top 10 for LLM Applications 2025 edition the third entry is LLM03 Supply Chain, covering third-party models.

## LLM03:2026 Excessive Agency in the OWASP Top 10 for LLM Applications

In the current OWASP Top 10 for LLM Applications 2026 edition the third entry is LLM03 Excessive Agency, covering agents with too much power.
"""


@pytest.mark.parametrize("question, expected", [
    ("What is LLM03 in the current OWASP Top 10 for LLM Applications?", True),
    ("When do the EU AI Act's high-risk obligations for Annex III systems apply?", True),
    ("What is the latest edition of the list?", True),
    ("Is the AZ-500 exam still offered?", True),
    ("What skills do MLSecOps postings ask for?", False),
    ("How did the OWASP list change between 2023 and 2025?", False),
])
def test_asks_for_current_reads_the_lexicon(question, expected):
    assert asks_for_current(question, LEXICON) is expected


def passage(chunk_id: str, **meta) -> Passage:
    return Passage(chunk_id, "text", {"kind": "document", "title": "OWASP Top 10 for LLM Applications", **meta}, 0.5)


def currency(tmp_path: Path, max_age_days: int = 90) -> Currency:
    (tmp_path / "editions.yaml").write_text(REGISTRY, encoding="utf-8")
    shutil.copy(REAL_CORPUS / "lexicon.yaml", tmp_path / "lexicon.yaml")
    return Currency.from_settings(Settings(corpus_dir=tmp_path, data_dir=tmp_path / "data", review_max_age_days=max_age_days))


def test_current_editions_lead_and_history_goes_last(tmp_path):
    history = passage("h", editions=["owasp-llm-top-10@2025"], editions_superseded=["owasp-llm-top-10@2025"], history=True)
    neutral = passage("n")
    current = passage("c", editions=["owasp-llm-top-10@2026"])
    both = passage("b", editions=["owasp-llm-top-10@2026", "owasp-llm-top-10@2025"], editions_superseded=["owasp-llm-top-10@2025"])
    sources = passage("s", editions=["owasp-llm-top-10@2026"], reference=True)
    ordered = currency(tmp_path).current_first([history, sources, neutral, current, both])
    assert [p.chunk_id for p in ordered] == ["c", "b", "n", "h", "s"]


def test_sentences_presenting_a_superseded_edition_as_current_are_dropped(tmp_path):
    from app.extractive import Draft

    draft = Draft([("The third entry is LLM03 Supply Chain.", [0]),
                   ("LLM03 Supply Chain was third in the 2025 edition.", [0]),
                   ("The third entry is LLM03 Excessive Agency.", [0])], 0.8)
    kept = currency(tmp_path).without_superseded(draft, [passage("p")])
    assert [s for s, _ in kept.sentences] == ["LLM03 Supply Chain was third in the 2025 edition.", "The third entry is LLM03 Excessive Agency."]


def test_notes_name_history_and_say_as_of_when_the_review_is_old(tmp_path):
    bot = currency(tmp_path, max_age_days=90)
    today = dt.date(2026, 12, 6)
    fresh = Citation(1, "documents/a.md", "A", "t", 0.5, "doc:a", "document", {}, reviewed="2026-12-06")
    old = Citation(2, "documents/b.md", "B", "t", 0.5, "doc:b", "document",
                   {"history": True, "editions_superseded": ["owasp-llm-top-10@2025"]}, reviewed="2026-08-01")
    posting = Citation(3, "postings/x.jsonl", "P", "t", 0.5, "posting:x", "posting", {})
    assert bot.notes([fresh, posting], today) == []
    notes = bot.notes([fresh, old], today)
    assert notes[0] == "[2] is history: it describes OWASP Top 10 for LLM Applications 2025 (current: 2026)."
    assert notes[1].startswith("As of 2026-08-01, when the cited documents were last reviewed")
    unreviewed = Citation(4, "documents/c.md", "C", "t", 0.5, "doc:c", "document", {})
    assert bot.notes([unreviewed], today)[0].startswith("Some cited documents carry no review date")


def test_citation_carries_the_review_date_of_documents_only():
    doc = Citation.from_passage(1, Passage("c", "t", {"kind": "document", "reviewed": "2026-12-06"}, 0.4))
    post = Citation.from_passage(2, Passage("p", "t", {"kind": "posting", "reviewed": "2026-12-06"}, 0.4))
    assert (doc.reviewed, post.reviewed) == ("2026-12-06", None)
    assert "reviewed" not in doc.metadata


@pytest.mark.parametrize("reviewed, as_of", [("2026-12-06", False), ("2025-01-10", True)])
def test_current_question_over_a_real_index(tmp_path, embedder, reviewed, as_of):
    from app import Assistant
    from ingest.store import ChunkStore
    from ingest.sync import run_ingest

    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    shutil.copy(REAL_CORPUS / "vocabulary.yaml", corpus)
    shutil.copy(REAL_CORPUS / "lexicon.yaml", corpus)
    (corpus / "editions.yaml").write_text(REGISTRY, encoding="utf-8")
    (corpus / "documents" / "owasp.md").write_text(DOCUMENT.format(reviewed=reviewed), encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    run_ingest(settings, embedder=embedder, show_progress=False)

    metadatas = [m for _, _, page in ChunkStore.open_existing(settings).iter_chunks() for m in page]
    history = next(m for m in metadatas if "history" in m.get("section", ""))
    assert history["editions_superseded"] == ["owasp-llm-top-10@2025"] and history["history"] is True
    assert all(m["reviewed"] == reviewed for m in metadatas)

    answer = Assistant(settings, embedder=embedder).ask("What is LLM03 in the current OWASP Top 10 for LLM Applications?")
    assert "Excessive Agency" in answer.text
    assert "LLM03 Supply Chain" not in answer.text  # the superseded entry is never quoted as current
    assert answer.to_dict()["citations"][0]["reviewed"] == reviewed
    assert any(n.startswith(f"As of {reviewed}") for n in answer.notes) is as_of


def test_a_question_about_a_superseded_edition_leads_with_that_edition(tmp_path):
    from app.extractive import Draft

    draft = Draft([("The current edition is the 2026 edition of the OWASP Top 10 for LLM.", [0]),
                   ("The list is free.", [0]),
                   ("In the 2025 edition the third entry was LLM03 Supply Chain.", [0])], 0.8)
    bot = currency(tmp_path)
    asked = bot.superseded_asked("What was LLM03:2025 in the OWASP Top 10 for LLM?", None, None)
    assert asked == {"owasp-llm-top-10@2025"} == bot.superseded_asked("What was LLM03 in 2025?", "owasp-llm-top-10", "2025")
    assert bot.superseded_asked("What is LLM03 in the OWASP Top 10 for LLM?", None, None) == set()
    led = bot.asked_edition_first(draft, [passage("p")], asked)
    assert [s for s, _ in led.sentences] == ["In the 2025 edition the third entry was LLM03 Supply Chain.",
                                             "The current edition is the 2026 edition of the OWASP Top 10 for LLM.", "The list is free."]
    assert bot.asked_edition_first(draft, [passage("p")], set()) == draft
    old, current = passage("o", editions=["owasp-llm-top-10@2025"]), passage("c", editions=["owasp-llm-top-10@2026"])
    assert [p.chunk_id for p in bot.about_asked_first([current, passage("n"), old], asked)] == ["o", "c", "n"]


@pytest.mark.parametrize("question, status", [
    ("is the 2025 owasp llm top 10 still the latest one?", True),
    ("Which 2025 OWASP LLM entry replaced Overreliance?", False),
    ("Does that mean there's a new 2026 version of 42001 I need to buy?", True),  # a label inside "new … version"
    ("Is there a newer 2.0 edition of the list?", True),
    ("Has NIST released AI RMF 2.0 yet?", True),  # "yet": whether it has come out by now
    ("What changed in the 2026 version of the list?", False),
])
def test_asks_for_status_leaves_out_change_words(question, status):
    from app.asks_current import asks_for_status

    assert asks_for_status(question, LEXICON) is status


def test_older_edition_question_over_the_real_owasp_document(tmp_path, embedder):
    """The real OWASP document opens with the current edition; a question about 2025 still leads with 2025."""
    from app import Assistant
    from ingest.sync import run_ingest
    from tests.app.answer_checks import lead

    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    for name in ("vocabulary.yaml", "lexicon.yaml", "editions.yaml"):
        shutil.copy(REAL_CORPUS / name, corpus)
    shutil.copy(REAL_CORPUS / "documents" / "framework-owasp-llm-top-10.md", corpus / "documents")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    run_ingest(settings, embedder=embedder, show_progress=False)
    bot = Assistant(settings, embedder=embedder)

    older = bot.ask("What is LLM01:2025 in the OWASP Top 10 for LLM Applications?")
    assert "2025" in lead(older.text) and "Prompt Injection" in lead(older.text)
    assert "2026" in older.text  # the newer edition is still named, after the answer
    premise = bot.ask("is the 2025 owasp llm top 10 still the latest one?")
    assert "2026" in lead(premise.text)  # an outdated premise: the correction is the answer and leads


def test_a_status_question_leads_with_the_sentence_saying_which_edition_is_current(tmp_path):
    from app.extractive import Draft

    bot = currency(tmp_path)
    question = "Which OWASP Top 10 for LLM should we use now that a 2027 edition is out?"
    status = "The current edition is the 2026 edition of the OWASP Top 10 for LLM."
    rumour = "Pages that describe a 2027 edition of the OWASP Top 10 for LLM as released are not supported."
    drafted = Draft([(rumour, [0]), ("The list is free.", [0]), (status, [0])], 0.8)
    led = bot.status_first(drafted, [passage("p")], question)
    assert [s for s, _ in led.sentences] == [status, rumour, "The list is free."]
    # not drafted: taken from a passage about the present, the answer keeps its length; history is never taken
    history = Passage("h", "The 2026 edition is still the current one of the OWASP Top 10 for LLM.",
                      {"kind": "document", "title": "OWASP Top 10 for LLM", "history": True}, 0.5)
    present = Passage("c", f"The list is free. {status}", {"kind": "document", "title": "OWASP Top 10 for LLM"}, 0.5)
    short = Draft([(rumour, [0]), ("The list is free.", [1])], 0.8)
    assert bot.status_first(short, [history, present], question).sentences == [(status, [1]), (rumour, [0])]
    # a lead that already names the current edition stays; the sentence saying it is current follows it
    compared = "LLM03 Supply Chain moved to fourth place in the 2026 edition of the OWASP Top 10 for LLM."
    kept = bot.status_first(Draft([(compared, [0]), ("The list is free.", [1])], 0.8), [history, present], question)
    assert kept.sentences == [(compared, [0]), (status, [1])]
    assert bot.status_first(Draft([(status, [0]), (rumour, [0])], 0.8), [present], question).sentences[0] == (status, [0])
    assert bot.status_first(drafted, [passage("p")], "What skills do MLSecOps postings ask for?") == drafted


def test_a_rumoured_version_question_over_the_real_nist_document_leads_with_the_current_version(tmp_path, embedder):
    """"Now that 2.0 is out": the sentence naming the rumoured version matches best, but the answer is which one is current."""
    from app import Assistant
    from ingest.sync import run_ingest
    from tests.app.answer_checks import lead

    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    for name in ("vocabulary.yaml", "lexicon.yaml", "editions.yaml"):
        shutil.copy(REAL_CORPUS / name, corpus)
    shutil.copy(REAL_CORPUS / "documents" / "framework-nist-ai-rmf.md", corpus / "documents")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    run_ingest(settings, embedder=embedder, show_progress=False)
    bot = Assistant(settings, embedder=embedder)

    for question in ("which version of the NIST AI RMF should I use now that 2.0 is out?",
                     "A consultant told us to align with NIST AI RMF 2.0. Has NIST actually released a new version?",
                     "Has NIST released AI RMF 2.0 yet? A vendor blog keeps citing it and I can't tell if it's real."):
        answer = bot.ask(question)
        assert not answer.abstained and "AI RMF 1.0" in lead(answer.text) and "current" in lead(answer.text)
    # the status section's verdict is followed by its next sentence, what is changing
    assert "being revised" in bot.ask("Has NIST put out an AI RMF 2.0 yet or are we still on 1.0?").text


def test_the_status_sections_verdict_leads_with_the_sentence_after_it(tmp_path):
    """A passage of a section about the status (its heading says "current") gives the verdict and the sentence after
    it, what is changing; they lead a draft whose lead states no status, and follow a lead that states one."""
    from app.extractive import Draft

    bot = currency(tmp_path)
    question = "Has OWASP released a 2027 edition of the OWASP Top 10 for LLM yet?"
    status = "The 2026 edition is the current edition of the OWASP Top 10 for LLM."
    changing = "OWASP states that a new edition is being drafted."
    rumour = "Pages that describe a 2027 edition of the OWASP Top 10 for LLM as released are not supported."
    section = Passage("s", f"{status} {changing}", {"kind": "document", "title": "OWASP Top 10 for LLM",
                                                     "section": "Current status of the list"}, 0.5)
    drafted = Draft([(rumour, [0]), ("The list is free.", [0]), ("It has ten entries.", [0])], 0.8)
    assert bot.status_first(drafted, [passage("p"), section], question).sentences == \
        [(status, [1]), (changing, [1]), (rumour, [0])]
    stated = "As of today the 2026 edition is still the current one of the OWASP Top 10 for LLM."
    kept = bot.status_first(Draft([(stated, [0]), (rumour, [0]), ("The list is free.", [0])], 0.8),
                            [passage("p"), section], question)
    assert kept.sentences == [(stated, [0]), (status, [1]), (changing, [1])]


def test_passages_naming_the_asked_subject_lead_before_another_lists_current_edition(tmp_path):
    other = Passage("o", "Hidden Context Exposure (LLM08:2026) is the extraction of hidden context.",
                    {"kind": "document", "title": "OWASP Top 10 for LLM Applications", "editions": ["owasp-llm-top-10@2026"]}, 0.5)
    subject = Passage("m", "Anthropic introduced MCP in November 2024 and donated it to the Agentic AI Foundation.",
                      {"kind": "document", "title": "Product security"}, 0.5)
    ordered = currency(tmp_path).current_first([other, subject], ["Model", "Context", "Protocol"])
    assert [p.chunk_id for p in ordered] == ["m", "o"]
    assert [p.chunk_id for p in currency(tmp_path).current_first([subject, other])] == ["o", "m"]


EXAMS = """entries:
  microsoft-security-engineer:
    name: Microsoft cloud security engineer certification
    names: []
    current: {edition: SC-500, phrases: [SC-500]}
    superseded:
      - {edition: AZ-500, phrases: [AZ-500]}
  eu-ai-act:
    name: EU AI Act high-risk timeline
    names: [high-risk]
    current: {edition: amended, phrases: ["2 December 2027", "2 August 2028"]}
    superseded:
      - {edition: "2024", phrases: ["2 August 2026"]}
"""


def test_a_question_naming_a_superseded_edition_leads_with_the_sentence_correcting_it(tmp_path):
    """"AZ-500 … still available?": the sentence naming it beside its replacement leads, the most focused one first;
    a month and year name the date on a day of it; no correction, no change."""
    from app.extractive import Draft

    (tmp_path / "editions.yaml").write_text(EXAMS, encoding="utf-8")
    shutil.copy(REAL_CORPUS / "lexicon.yaml", tmp_path / "lexicon.yaml")
    bot = Currency.from_settings(Settings(corpus_dir=tmp_path, data_dir=tmp_path / "data"))
    listing = "The current ones are SC-500 and others."
    retired = "AZ-500 was retired on 31 August 2026 and replaced by the SC-500 credential."
    history = Passage("h", f"Older exams. {retired}", {"kind": "document", "title": "Certifications", "history": True}, 0.5)
    drafted = Draft([(listing, [0]), ("Postings ask for cloud skills.", [0])], 0.3)
    led = bot.correction_first(drafted, [passage("p"), history], "I was planning to sit AZ-500 next month. Is it still available?")
    assert led.sentences == [(retired, [1]), *drafted.sentences]  # from history too, before every drafted sentence
    dates = "The high-risk obligations apply from 2 December 2027, not from 2 August 2026."
    wide = "The high-risk dates are 2 December 2027 and 2 August 2028, moved from 2 August 2026."
    draft = Draft([(wide, [0]), (dates, [0])], 0.8)
    question = "A deck says the high-risk rules kick in August 2026. Is that still right?"
    assert bot.correction_first(draft, [passage("p")], question).sentences[0] == (dates, [0])
    assert bot.correction_first(draft, [passage("p")], "Is the high-risk date still in 2027?") is None


def test_a_status_question_naming_a_label_alone_asks_of_the_leads(tmp_path):
    """"Is the 2023 version still the latest?" after a question about the list: the lead's passage says what is asked
    of; a question naming no label asks of nothing in particular."""
    from app.extractive import Draft

    bot = currency(tmp_path)
    adoption = "A regional adoption carries its own year but the same text."
    status = "The current edition is the 2026 edition of the OWASP Top 10 for LLM."
    lead_passage = passage("p", editions=["owasp-llm-top-10@2026"])
    drafted = Draft([(adoption, [0]), (status, [0])], 0.8)
    assert bot.status_first(drafted, [lead_passage], "Is the 2023 version still the latest?").sentences[0] == (status, [0])
    assert bot.status_first(drafted, [lead_passage], "When did it enter into force?") == drafted  # no label: no status asked of it


def test_status_questions_over_the_real_documents(tmp_path, embedder):
    """A retired exam, an outdated date and a country's initials, over the real documents: the current state leads."""
    from app import Assistant
    from ingest.sync import run_ingest
    from tests.app.answer_checks import lead

    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    for name in ("vocabulary.yaml", "lexicon.yaml", "editions.yaml"):
        shutil.copy(REAL_CORPUS / name, corpus)
    for name in ("certifications-and-learning-paths.md", "regulation-eu-ai-act.md", "role-ai-governance-lead.md"):
        shutil.copy(REAL_CORPUS / "documents" / name, corpus / "documents")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    run_ingest(settings, embedder=embedder, show_progress=False)
    bot = Assistant(settings, embedder=embedder)

    retired = bot.ask("I was planning to sit AZ-500 next month. Is it still available?")
    assert not retired.abstained and "31 August 2026" in lead(retired.text) and "SC-500" in lead(retired.text)
    moved = bot.ask("A vendor deck says the EU AI Act high-risk rules for things like hiring tools kick in August 2026. "
                    "Is that still right?")
    assert "2 December 2027" in lead(moved.text)
    guidance = bot.ask("Our bank's model risk program is built around SR 11-7. Is that still the current US supervisory "
                       "guidance on model risk?")
    assert not guidance.abstained and "SR 26-2" in lead(guidance.text)


def test_a_status_question_whose_lead_speaks_only_of_a_superseded_edition_leads_with_the_current_one(tmp_path):
    """"had excessive agency as LLM06 … Is that still its number?" names no entry; a lead saying only what the entry was
    in the 2025 edition (its passage's entry, named by the edition's phrase alone) gives way to the current one."""
    from app.extractive import Draft

    bot = currency(tmp_path)
    question = "A training I did last year had excessive agency as LLM06. Is that still its number?"
    past = "In the previous 2025 edition, Excessive Agency was LLM06."
    status = "The current 2026 edition of the OWASP Top 10 for LLM lists Excessive Agency as LLM03:2026."
    role = Passage("r", f"{past} {status}", {"kind": "document", "title": "Product security engineer",
                                            "editions": ["owasp-llm-top-10@2025", "owasp-llm-top-10@2026"]}, 0.5)
    led = bot.status_first(Draft([(past, [0]), (status, [0])], 0.8), [role], question)
    assert [s for s, _ in led.sentences] == [status, past]
    # a lead naming the current edition stays
    kept = Draft([(status, [0]), (past, [0])], 0.8)
    assert bot.status_first(kept, [role], question) == kept
    # a question asking what it was in the edition before keeps the lead saying so
    former = "And in the edition before the current one, what number was it?"
    assert bot.status_first(Draft([(past, [0]), (status, [0])], 0.8), [role], former).sentences[0] == (past, [0])
