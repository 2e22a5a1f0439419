"""Suite loading: validation messages, automatic tags, includes, configurations and the gate."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.errors import UserError
from app.settings import Settings
from evals.cases import load_suite, parse_case
from evals.config import ingest_key, load_configs, parse_config, settings_for
from evals.gate import check


def write(path: Path, data) -> Path:
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_case_fields_and_automatic_tags():
    case = parse_case({"id": "c1", "turns": ["What does an MLSecOps engineer do?", "and their pay?"], "answerable": True,
                       "filters": {"role_family": "mlsecops"}, "expected_facts": [["Kubernetes", "k8s"], {"number": 5}],
                       "expected_sources": ["doc:documents/x.md", "posting:mso-001"], "tags": ["roles"]})
    assert case.question == "and their pay?"
    assert case.history == [{"role": "user", "content": "What does an MLSecOps engineer do?"}]
    assert case.expected_sources == ("documents/x.md", "posting:mso-001")
    assert case.tags == ("roles", "answerable", "multi-turn", "filtered")
    assert case.expected_route == "passages"
    assert len(case.expected_facts) == 2


def test_routes_default_from_the_case():
    analytics = parse_case({"id": "a", "question": "q", "answerable": True,
                            "analytics": {"metric": "count", "where": {"role_family": "mlsecops"}}})
    assert analytics.expected_route == "analytics" and "analytics" in analytics.tags
    assert parse_case({"id": "u", "question": "q", "answerable": False}).expected_route is None
    assert parse_case({"id": "r", "question": "q", "answerable": False, "route": "analytics"}).expected_route == "analytics"


def test_a_case_may_accept_either_of_several_routes():
    either = parse_case({"id": "e", "question": "q", "answerable": True, "route": ["analytics", "postings"]})
    assert either.expected_routes == ("analytics", "postings")
    assert either.expected_route == "analytics or postings"
    with pytest.raises(UserError, match="route must be one of"):
        parse_case({"id": "x", "question": "q", "answerable": True, "route": ["analytics", "web"]})


@pytest.mark.parametrize("raw,message", [
    ({"id": "x", "answerable": True}, "either `question` or `turns`"),
    ({"id": "x", "question": "q", "turns": ["q"], "answerable": True}, "either"),
    ({"id": "x", "question": "q"}, "answerable"),
    ({"id": "x", "question": "q", "answerable": True, "expected_sources": ["regulation.md"]}, "documents/x.md"),
    ({"id": "x", "question": "q", "answerable": True, "colour": 1}, "unknown field"),
    ({"id": "x", "question": "q", "answerable": True, "route": "sql"}, "route"),
    ({"id": "x", "question": "q", "answerable": True, "analytics": {"metric": "median", "field": "salary_mid"}}, "currency"),
    ({"question": "q", "answerable": True}, "needs an id"),
])
def test_bad_cases_name_the_problem(raw, message):
    with pytest.raises(UserError, match=message):
        parse_case(raw)


def test_include_takes_cases_by_id_and_rejects_duplicates(tmp_path):
    write(tmp_path / "big.yaml", {"cases": [{"id": "a", "question": "qa", "answerable": True},
                                            {"id": "b", "question": "qb", "answerable": False}]})
    small = load_suite(write(tmp_path / "small.yaml", {"name": "small", "include": {"suite": "big", "ids": ["b"]}}))
    assert small.name == "small" and [c.id for c in small.cases] == ["b"]
    with pytest.raises(UserError, match="not in big"):
        load_suite(write(tmp_path / "bad.yaml", {"include": {"suite": "big", "ids": ["zzz"]}}))
    with pytest.raises(UserError, match="duplicate case id a"):
        load_suite(write(tmp_path / "dup.yaml", {"include": {"suite": "big", "ids": ["a"]},
                                                 "cases": [{"id": "a", "question": "q", "answerable": True}]}))
    with pytest.raises(UserError, match="no eval suite"):
        load_suite("no-such-suite")


def test_include_without_ids_takes_a_whole_suite_after_the_own_cases(tmp_path):
    write(tmp_path / "big.yaml", {"cases": [{"id": "a", "question": "qa", "answerable": True},
                                            {"id": "b", "question": "qb", "answerable": False}]})
    write(tmp_path / "other.yaml", {"cases": [{"id": "c", "question": "qc", "answerable": True}]})
    both = load_suite(write(tmp_path / "both.yaml", {"include": [{"suite": "big"}, {"suite": "other", "ids": ["c"]}],
                                                     "cases": [{"id": "own", "question": "q", "answerable": True}]}))
    assert [c.id for c in both.cases] == ["own", "a", "b", "c"]
    with pytest.raises(UserError, match="ids optional"):
        load_suite(write(tmp_path / "bad-list.yaml", {"include": [{"suite": "big", "ids": "a"}]}))


def test_the_full_suite_includes_the_analytics_suite():
    full, analytics = load_suite("full"), load_suite("analytics")
    assert {c.id for c in analytics.cases} <= {c.id for c in full.cases}


def test_configs_validate_settings_and_share_indexes_by_chunking(tmp_path):
    path = write(tmp_path / "sweep.yaml", [{"name": "k3", "top_k": 3}, {"name": "c512", "chunk_size": 512, "chunk_overlap": 64}])
    k3, c512 = load_configs([path])
    base = Settings(data_dir=tmp_path / "ignored")
    default = parse_config({"name": "default"})
    assert ingest_key(k3, base) == ingest_key(default, base) != ingest_key(c512, base)
    settings = settings_for(k3, base, tmp_path / "idx", mode="llm")
    assert (settings.top_k, settings.data_dir, settings.answer_mode) == (3, tmp_path / "idx", "llm")
    with pytest.raises(UserError, match="unknown setting"):
        parse_config({"name": "x", "top_kk": 3})
    with pytest.raises(UserError, match="may not set"):
        parse_config({"name": "x", "data_dir": "/tmp/x"})
    with pytest.raises(UserError, match="invalid settings"):
        settings_for(parse_config({"name": "x", "top_k": 0}), base, tmp_path)
    with pytest.raises(UserError, match="unique"):
        load_configs([path, path])


def test_the_index_key_follows_the_corpus_lexicon_the_chunker_reads(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    base = Settings(data_dir=tmp_path / "ignored", corpus_dir=corpus)
    default = parse_config({"name": "default"})
    shipped = ingest_key(default, base)
    (corpus / "lexicon.yaml").write_text("not_answer_material: {sections: [Sources]}\n", encoding="utf-8")
    own = ingest_key(default, base)
    (corpus / "lexicon.yaml").write_text("not_answer_material: {sections: [Sources, References]}\n", encoding="utf-8")
    assert len({shipped, own, ingest_key(default, base)}) == 3


def test_shipped_configs_load_with_default_first():
    configs = load_configs()
    assert configs[0].name == "default"
    assert {"default", "dense-only", "bm25-only", "chunk-512"} <= {c.name for c in configs}


def test_gate_reports_every_violation():
    thresholds = {"minimum": {"hit@5": 0.9, "fact_recall": 0.5, "route_accuracy": 0.5}, "maximum": {"wrong_abstention_rate": 0.1}}
    problems = check({"hit@5": 0.95, "fact_recall": 0.4, "wrong_abstention_rate": 0.2, "route_accuracy": None}, thresholds)
    assert len(problems) == 3
    assert any("fact_recall = 0.400 is below the minimum 0.5" in p for p in problems)
    assert any("route_accuracy = missing" in p for p in problems)
    assert check({"hit@5": 1.0}, {"minimum": {"hit@5": 0.9}}) == []


def test_select_cases_by_tag_and_skip_tag():
    from evals.cases import Suite, parse_case, select_cases

    cases = tuple(parse_case({"id": f"c{i}", "question": "q?", "answerable": False, "tags": tags})
                  for i, tags in enumerate([["heldout"], ["x"], ["x", "heldout"]]))
    suite = Suite("s", cases)
    assert [c.id for c in select_cases(suite, ["heldout"], []).cases] == ["c0", "c2"]
    assert [c.id for c in select_cases(suite, [], ["heldout"]).cases] == ["c1"]
    assert select_cases(suite, [], []) is suite
    with pytest.raises(UserError, match="no case"):
        select_cases(suite, ["absent"], [])
