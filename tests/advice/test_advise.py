"""Assistant.advise over a real index: ranked fit, counted gaps, the cited transition path, fitting postings."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from app.sentences import passage_sentences
from cvs import GRC_CV, ML_CV, NO_PATH_CV, SOC_CV

from app.advice import Advice, Profile
from app.errors import UserError


def postings_of(settings, family: str) -> list[dict]:
    path = settings.corpus_dir / "postings" / f"{family}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("cv, fits, path", [
    (SOC_CV, "security-analyst", "Transition path from SOC analyst to AI security"),
    (ML_CV, "ml-engineer", "Transition path from ML engineer to AI security"),
    (GRC_CV, "ai-governance", "Transition path from GRC analyst to AI governance and AI risk"),
])
def test_three_backgrounds_get_fit_gaps_cited_plan_and_postings(coach_assistant, coach_settings, cv, fits, path):
    advice = coach_assistant.advise(cv)
    assert isinstance(advice, Advice)
    ranked = [f.family for f in advice.fit]
    assert fits in ranked[:2]
    assert [f.share for f in advice.fit] == sorted((f.share for f in advice.fit), reverse=True)
    assert all(f.reason for f in advice.fit)

    postings = postings_of(coach_settings, advice.target)
    asked = Counter(s for p in postings for s in p["skills"])
    assert advice.gaps
    for gap in (g for g in advice.gaps if g.kind == "skill"):
        assert gap.term not in advice.profile.skills
        assert (gap.count, gap.total) == (asked[gap.term], len(postings))  # counted over the postings
        assert f"{gap.count} of {gap.total} {advice.target} postings (sample data)" in gap.text

    cited = {c.number: c for c in advice.citations}
    assert advice.plan.path == path and len(advice.plan.steps) >= 3
    assert advice.plan.steps[0].text.startswith("Month 1")  # the path's steps, in the document's order
    for step in advice.plan.steps:
        citation = cited[step.citation]
        assert citation.source == "documents/transition-paths.md" and citation.metadata["section"] == path
        assert step.text in citation.text  # quoted, not invented
    for cert in advice.plan.certifications:
        assert cert.text in passage_sentences(cited[cert.citation].text)  # a sentence of the passage, as answers quote it

    for match in advice.postings_now + advice.postings_within_reach:
        citation = cited[match.citation]
        assert citation.kind == "posting" and citation.metadata["posting_id"] == match.posting_id
        assert len(match.missing) <= 2 and not set(match.missing) & set(advice.profile.skills)
    assert advice.notes and "fictional" in advice.notes[0]
    assert json.loads(json.dumps(advice.to_dict()))["plan"]["path"] == path


def test_grc_plan_quotes_the_governance_certifications(coach_assistant):
    advice = coach_assistant.advise(GRC_CV)
    assert advice.target == "ai-governance"
    assert any("AIGP" in c.text for c in advice.plan.certifications)


def test_an_edited_profile_passed_back_changes_the_advice(coach_assistant):
    first = coach_assistant.advise(GRC_CV, target="ai-governance")
    edited = Profile(**{**first.profile.to_dict(), "skills": [s for s in first.profile.skills if s != "risk-management"]})
    second = coach_assistant.advise(edited, target="ai-governance")
    assert "risk-management" not in {g.term for g in first.gaps}
    assert "risk-management" in {g.term for g in second.gaps}
    as_dict = coach_assistant.advise({**first.profile.to_dict(), "skills": ["k8s", "Splunk"]}, target="mlsecops")
    assert as_dict.profile.skills == ["kubernetes", "siem"]  # synonyms accepted, stored canonical


def test_a_target_family_is_honoured(coach_assistant):
    advice = coach_assistant.advise(SOC_CV, target="AI red team")
    assert advice.target == "ai-red-team" and {g.family for g in advice.gaps} == {"ai-red-team"}


def test_no_matching_path_is_said_plainly_and_gaps_and_postings_remain(coach_assistant):
    advice = coach_assistant.advise(NO_PATH_CV, target="ai-security-engineer")
    assert advice.plan.path is None and advice.plan.steps == []
    assert "None of the transition paths" in advice.plan.message and advice.gaps
    assert "None of the transition paths" in advice.text


@pytest.mark.parametrize("value, says", [
    ("", "no CV text"),
    ("I enjoy cooking and hiking.", "nothing in this text matches"),
    ({"skills": ["basket weaving"]}, "unknown skill"),
    ({"skills": [], "roles": []}, "the profile is empty"),
    ({"skills": ["python"], "years": "many"}, "years"),
    ({"hobbies": ["chess"]}, "unknown profile field"),
])
def test_bad_profiles_get_a_clear_message(coach_assistant, value, says):
    with pytest.raises(UserError, match=says):
        coach_assistant.advise(value)


def test_an_unknown_target_lists_the_families(coach_assistant):
    with pytest.raises(UserError, match="choose one of: .*mlsecops"):
        coach_assistant.advise(SOC_CV, target="astronaut")
