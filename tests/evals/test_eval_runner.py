"""The runner end to end: `aisec eval` over a tiny fixture corpus and suite, three configurations."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from app.cli import main
from evals.html_report import _case

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def configs(tmp_path: Path) -> list[Path]:
    path = tmp_path / "configs.yaml"
    path.write_text(yaml.safe_dump([
        {"name": "default"},
        {"name": "top-k-3", "top_k": 3},  # same chunking: shares the default index
        # its own index; LLM mode without an endpoint falls back to extractive answers with a note
        {"name": "chunk-64", "chunk_size": 64, "chunk_overlap": 8, "retrieval": "bm25", "answer_mode": "llm"},
    ]), encoding="utf-8")
    return [path]


@pytest.mark.slow
def test_eval_command_end_to_end(tmp_path, monkeypatch, embedder, configs, capsys):
    monkeypatch.setenv("AISEC_CORPUS_DIR", str(DATA / "eval_corpus"))
    monkeypatch.setenv("AISEC_DATA_DIR", str(tmp_path / "unused"))
    monkeypatch.setattr("ingest.embedding.make_embedder", lambda settings: embedder)
    out = tmp_path / "out"
    args = ["eval", "--suite", str(DATA / "eval_suite.yaml"), "--out", str(out)]
    for path in configs:
        args += ["--config", str(path)]
    assert main(args) == 0

    printed = capsys.readouterr().out
    assert "aisec eval — suite fixture" in printed and "by tag — default" in printed
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [c["name"] for c in results["configs"]] == ["default", "top-k-3", "chunk-64"]
    assert len(results["indexes"]) == 2  # one per distinct chunking
    assert results["configs"][0]["index"] == results["configs"][1]["index"] != results["configs"][2]["index"]
    assert sorted(p.name for p in (out / "indexes").iterdir()) == sorted(results["indexes"])

    default = results["configs"][0]
    records = {r["id"]: r for r in default["records"]}
    assert len(records) == 8
    assert records["fx-force"]["hit@5"] == 1.0 and records["fx-force"]["fact_recall"] == 1.0
    assert records["fx-force"]["citations"] and not records["fx-force"]["abstained"]
    assert records["fx-follow-up"]["history"] == ["What does an MLSecOps engineer do?"]
    assert records["fx-follow-up"]["standalone_question"]  # rewritten with the earlier turn's subject
    assert records["fx-entry-posting"]["ranked_sources"] == ["posting:ev-002"]  # filters restrict retrieval
    assert records["fx-off-topic"]["abstained"] is True
    assert records["fx-injection"]["forbidden_found"] == []
    # the analytics spec became expected numbers from the postings file: 1 of 2 MLSecOps postings, 50%
    assert records["fx-share"]["expected_facts"] == ["50 (±1)", "2"]
    assert records["fx-share"]["expected_route"] == "analytics"
    assert records["fx-share"]["analytics_exact"] is (records["fx-share"]["route"] == "analytics" and not records["fx-share"]["facts_missed"])
    assert default["metrics"]["analytics_accuracy"] == float(records["fx-share"]["analytics_exact"])  # its only analytics case
    # a case that raises is recorded as failed, not fatal
    assert "error" in records["fx-bad-filter"] and records["fx-bad-filter"]["failures"][0].startswith("error:")
    assert default["metrics"]["errors"] == 1

    metrics = default["metrics"]
    for name in ("hit@5", "mrr", "ndcg@5", "ndcg@10", "fact_recall", "citation_recall", "citation_precision", "abstention_f1",
                 "wrong_abstention_rate", "latency_p50_ms", "latency_p95_ms"):
        assert metrics[name] is not None, name
    assert set(default["by_tag"]) >= {"eu-ai-act", "postings", "unanswerable", "multi-turn", "filtered", "analytics"}
    assert default["calibration"]["sweep"] and default["calibration"]["recommended"]["threshold"] is not None
    assert results["configs"][1]["settings"]["top_k"] == 3
    assert all(len(r["context_sources"]) <= 3 for r in results["configs"][1]["records"])

    llm = {r["id"]: r for r in results["configs"][2]["records"]}
    assert llm["fx-force"]["mode"] == "extractive" and "LLM endpoint failed" in llm["fx-force"]["notes"][0]

    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 4 and "Failing cases" in page and "fx-bad-filter" in page
    assert "<script" not in page.lower()


def test_failing_case_html_is_escaped():
    record = {"id": "x<1>", "tags": ["t"], "history": ["<img src=x>"], "question": "<script>alert(1)</script>",
              "filters": {"location": "<b>"}, "failures": ["missed facts: <i>"], "expected_facts": ["a&b"],
              "expected_sources": ["documents/x.md"], "ranked_sources": [], "text": "answer </div><script>",
              "citations": [{"number": 1, "title": "<t>", "source": "s", "text": "<p>passage</p>"}],
              "verification": [{"status": "dropped", "sentence": "<s>", "reasons": ["<r>"]}]}
    html = _case(record)
    for raw in ("<script", "<img", "'<b>'", "<p>passage", "<t>", "<s>", "<r>", "<i>", "x<1>"):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "a&amp;b" in html
