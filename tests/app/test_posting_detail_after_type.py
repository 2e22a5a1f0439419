"""A typed question about one posting it names ("what's the salary and what is their harness built on?") leads with the
typed value (the posting's reference, its pay) and keeps the detail asked of that posting (app/extractive.py)."""
from __future__ import annotations

from pathlib import Path

from app.extractive import draft_extractive
from app.lexicon import load_lexicon
from app.types import Passage

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
GENERIC = [*LEXICON["posting_nouns"]["any"], *LEXICON["question_function_words"]]
# corpus/postings/ai-red-team.jsonl, art-001 and the start of art-002's record
EMBERVINE = {"kind": "posting", "doc_id": "posting:art-001", "job_title": "AI Red Team Engineer", "company": "Embervine Commerce",
             "location": "Chicago, IL, USA", "remote": "hybrid", "salary_min": 146000, "salary_max": 172000, "currency": "USD",
             "sample": True}
DUTIES = ("AI Red Team Engineer\n\nCompany: Embervine Commerce. Location: Chicago, IL, USA. Skills: red-teaming, "
          "prompt-injection, python, llm-evaluation, owasp-llm-top-10. Clouds: GCP.\n\n"
          "- Run quarterly jailbreak campaigns against Tend, each themed around a current abuse trend, and present results "
          "to the support and engineering leads.\n"
          "- Maintain the automated red teaming harness (built on PyRIT, running on Google Cloud) that replays successful "
          "attacks against every new model or prompt version.\n"
          "- Score outcomes with LLM evaluation methods and track attack success rates over time.")
OTHER = {"kind": "posting", "doc_id": "posting:art-002", "job_title": "Principal AI Red Team Engineer",
         "company": "Quillfort Analytics", "location": "Austin, TX, USA", "remote": "hybrid", "salary_min": 236000,
         "salary_max": 279000, "currency": "USD", "sample": True}
OTHER_TEXT = ("Principal AI Red Team Engineer\n\nCompany: Quillfort Analytics. Location: Austin, TX, USA. Skills: "
              "red-teaming, python, llm-security.\n\n- Lead the red team's engagements against ClaimLens before each release.")


def test_the_detail_asked_of_the_named_posting_follows_its_typed_lead(embedder):
    question = ("For the Embervine Commerce AI red team engineer ad — what's the salary and what is their automated red "
                "teaming harness built on?")
    passages = [Passage("e", DUTIES, EMBERVINE, 1.0), Passage("q", OTHER_TEXT, OTHER, 0.9)]
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4,
                               answers=lambda sentence, index: "146,000" in sentence, postings_lead=True,
                               generic_words=GENERIC, refers_back=LEXICON["back_references"])
    sentences = [sentence for sentence, _ in drafted.sentences]
    assert "146,000–172,000 USD" in sentences[0]
    assert any("PyRIT" in sentence for sentence in sentences)
