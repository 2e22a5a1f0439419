"""Analytics answers over an ingested fixture file, checked against numbers computed here from the raw JSONL."""
from __future__ import annotations

import json
import math
import statistics
from collections import Counter

import pytest


def pct(count: int, total: int) -> str:
    """Whole percent, halves rounded up (the documented rounding)."""
    return f"{math.floor(100 * count / total + 0.5)}%"


def mids(rows: list[dict], currency: str) -> list[float]:
    return [(r["salary_min"] + r["salary_max"]) / 2 for r in rows if r.get("currency") == currency]


def cited_ids(answer) -> set[str]:
    return {c.metadata["posting_id"] for c in answer.citations}


def test_share_of_a_role_family_mentioning_a_skill(bot, rows):
    answer = bot.ask("What share of MLSecOps postings mention k8s?")
    family = [r for r in rows if r["role_family"] == "mlsecops"]
    hits = [r for r in family if "kubernetes" in r["skills"]]
    assert answer.route == "analytics" and not answer.abstained
    assert f"{pct(len(hits), len(family))} of the {len(family)} MLSecOps postings mention Kubernetes ({len(hits)} of {len(family)})" in answer.text
    assert f"Based on {len(family)} postings" in answer.text and "role family = MLSecOps (from the question)" in answer.text
    target = answer.data["result"]["targets"][0]
    assert (target["count"], target["total"], target["share"]) == (len(hits), len(family), round(len(hits) / len(family), 4))
    assert 1 <= len(answer.citations) <= 5 and cited_ids(answer) <= {r["id"] for r in hits}
    assert all("kubernetes" in c.text for c in answer.citations)  # the cited first chunk shows the counted field
    assert [c.number for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert "[1]" in answer.text and json.loads(json.dumps(answer.to_dict()))["route"] == "analytics"


def test_count_of_postings_asking_for_a_skill(bot, rows):
    answer = bot.ask("How many postings ask for Python?")
    hits = [r for r in rows if "python" in r["skills"]]
    target = answer.data["result"]["targets"][0]
    assert (target["count"], target["total"]) == (len(hits), len(rows))
    assert f"({len(hits)} of {len(rows)})" in answer.text


def test_count_with_a_year(bot, rows):
    answer = bot.ask("How many MLSecOps postings were posted in 2025?")
    hits = [r for r in rows if r["role_family"] == "mlsecops" and r["posted"].startswith("2025")]
    assert answer.data["result"]["count"] == len(hits)
    assert f"There are {len(hits)} MLSecOps postings posted in 2025 — {pct(len(hits), len(rows))} of the {len(rows)} postings" in answer.text


def test_structural_share(bot, rows):
    answer = bot.ask("What share of postings are remote?")
    hits = [r for r in rows if r["remote"] == "remote"]
    assert f"{pct(len(hits), len(rows))} of the {len(rows)} postings are remote ({len(hits)} of {len(rows)})" in answer.text


def test_salary_median_quartiles_and_range_in_one_currency(bot, rows):
    answer = bot.ask("What is the median salary of MLSecOps roles?")
    family = [r for r in rows if r["role_family"] == "mlsecops"]
    values = mids(family, "USD")
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    result = answer.data["result"]
    assert result["currency"] == "USD" and result["with_salary"] == len(values)
    assert result["median"] == statistics.median(values) == median
    assert (result["q1"], result["q3"]) == (q1, q3)
    assert (result["min"], result["max"]) == (min(r["salary_min"] for r in family), max(r["salary_max"] for r in family))
    assert f"is {median:,.0f} USD" in answer.text


def test_salary_defaults_to_the_most_common_currency_and_says_so(bot, rows):
    answer = bot.ask("What do AI governance roles pay?")
    family = [r for r in rows if r["role_family"] == "ai-governance"]
    in_family = Counter(r["currency"] for r in family if r.get("currency"))
    overall = Counter(r["currency"] for r in rows if r.get("currency"))
    assert in_family["USD"] == in_family["EUR"] == 3 and overall["USD"] > overall["EUR"]  # a tie, broken by the market
    assert answer.data["result"]["currency"] == "USD"
    assert answer.data["result"]["median"] == statistics.median(mids(family, "USD"))
    assert f"{statistics.median(mids(family, 'USD')):,.0f} USD" in answer.text
    assert "the currency most of these postings use" in answer.text and "(3 in EUR)" in answer.text
    assert "1 posting states no salary" in answer.text
    cited = cited_ids(answer)
    assert cited and cited <= {r["id"] for r in family if r.get("currency") == "USD"}


def test_salary_in_the_currency_asked_for(bot, rows):
    answer = bot.ask("What do AI governance roles pay in euros?")
    family = [r for r in rows if r["role_family"] == "ai-governance"]
    assert answer.data["result"]["currency"] == "EUR"
    assert answer.data["result"]["median"] == statistics.median(mids(family, "EUR"))
    assert "the currency you asked for" in answer.text and "(3 in USD)" in answer.text


@pytest.mark.parametrize("question, family, currency", [
    ("What's the typical (median) pay range in the MLSecOps job ads paid in USD?", "mlsecops", "USD"),
    ("What pay range do the AI governance job ads paid in EUR show?", "ai-governance", "EUR"),
])
def test_a_pay_range_in_a_named_currency_is_computed_with_the_typical_range(bot, rows, question, family, currency):
    answer = bot.ask(question)  # the currency's code is a condition counted by, not a name no posting mentions
    paid = [r for r in rows if r["role_family"] == family and r.get("currency") == currency]
    assert answer.route == "analytics" and not answer.abstained and answer.data["result"]["currency"] == currency
    low, high = statistics.median(r["salary_min"] for r in paid), statistics.median(r["salary_max"] for r in paid)
    assert f"typical advertised range runs from {low:,.0f} {currency} to {high:,.0f} {currency}" in answer.text
    assert "illustrative sample postings (fictional)" in answer.text


def test_too_few_salaries_for_a_figure_go_to_passages(bot, rows):
    selection = [r for r in rows if r["role_family"] == "ai-governance" and r["seniority"] == "senior"]
    assert Counter(r.get("currency") for r in selection).most_common(1)[0][1] < 3
    assert bot.ask("What do senior AI governance roles pay?").route == "passages"


def test_top_n_skills(bot, rows):
    answer = bot.ask("Top 3 skills in AI security engineer postings")
    family = [r for r in rows if r["role_family"] == "ai-security-engineer"]
    counts = Counter(s for r in family for s in r["skills"])
    expected = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3]
    items = answer.data["result"]["items"]
    assert [(i["value"], i["count"]) for i in items] == expected
    assert answer.text.index("Python (6") < answer.text.index("LLM security (5") < answer.text.index("prompt injection (4")


@pytest.mark.parametrize("question, field, family", [
    ("Which clouds are most requested in MLSecOps jobs?", "clouds", "mlsecops"),
    ("Which certifications are most common in AI governance postings?", "certifications", "ai-governance"),
])
def test_top_clouds_and_certifications(bot, rows, question, field, family):
    answer = bot.ask(question)
    counts = Counter(v for r in rows if r["role_family"] == family for v in r[field])
    expected = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
    assert answer.data["result"]["field"] == field
    assert [(i["value"], i["count"]) for i in answer.data["result"]["items"]] == expected


def test_salary_comparison_between_seniority_levels(bot, rows):
    answer = bot.ask("Do senior roles pay more than mid-level roles?")
    groups = {g["value"]: g for g in answer.data["groups"]}
    assert answer.data["group_by"] == "seniority" and set(groups) == {"senior", "mid"}
    for level in ("senior", "mid"):
        assert groups[level]["median"] == statistics.median(mids([r for r in rows if r["seniority"] == level], "USD"))
    assert "Highest: senior; lowest: mid." in answer.text
    compared = sum(1 for r in rows if r["seniority"] in ("senior", "mid"))
    assert f"Based on {compared} postings" in answer.text


def test_count_comparison_across_all_levels(bot, rows):
    answer = bot.ask("Are entry-level roles rarer?")
    counts = Counter(r["seniority"] for r in rows)
    groups = {g["value"]: g["count"] for g in answer.data["groups"]}
    assert groups == dict(counts)
    assert f"entry {counts['entry']} ({pct(counts['entry'], len(rows))})" in answer.text
    assert "Entry ranks" in answer.text


def test_share_comparison_between_role_families(bot, rows):
    answer = bot.ask("Is Kubernetes more common in MLSecOps or AI security engineer postings?")
    for group in answer.data["groups"]:
        family = [r for r in rows if r["role_family"] == group["value"]]
        hits = [r for r in family if "kubernetes" in r["skills"]]
        assert (group["targets"][0]["count"], group["targets"][0]["total"]) == (len(hits), len(family))
    assert [g["value"] for g in answer.data["groups"]] == ["mlsecops", "ai-security-engineer"]
    assert "Highest: MLSecOps" in answer.text


def test_user_filters_combine_with_the_question(bot, rows):
    answer = bot.ask("What share of MLSecOps postings mention Kubernetes?", filters={"remote": "remote"})
    selection = [r for r in rows if r["role_family"] == "mlsecops" and r["remote"] == "remote"]
    hits = [r for r in selection if "kubernetes" in r["skills"]]
    assert answer.data["result"]["targets"][0]["total"] == len(selection)
    assert f"{pct(len(hits), len(selection))} of the {len(selection)} remote MLSecOps postings" in answer.text
    assert "remote = remote (your filter)" in answer.text
    by_filter = bot.ask("What share of postings mention Python?", filters={"role_family": "mlsecops"})
    family = [r for r in rows if r["role_family"] == "mlsecops"]
    assert by_filter.data["result"]["targets"][0]["count"] == sum("python" in r["skills"] for r in family)


def test_follow_up_keeps_the_subject(bot, rows):
    history = [{"role": "user", "content": "What share of MLSecOps postings mention Kubernetes?"}]
    answer = bot.ask("And what do they pay?", history=history)
    assert answer.route == "analytics" and answer.standalone_question
    assert answer.data["result"]["median"] == statistics.median(mids([r for r in rows if r["role_family"] == "mlsecops"], "USD"))


def test_stream_yields_the_text_then_the_answer(bot):
    items = list(bot.stream("How many postings ask for Python?"))
    *pieces, answer = items
    assert all(isinstance(p, str) for p in pieces) and "".join(pieces) == answer.text
    assert answer.route == "analytics" and "total" in answer.timings_ms


@pytest.mark.parametrize("question, filters", [
    ("What is MITRE ATLAS?", None),  # not an aggregate question
    ("What share of AI red team postings mention Python?", None),  # no such postings: nothing to count
    ("What share of MLSecOps postings mention Kubernetes?", {"kind": "document"}),  # documents only
    # advice asked by someone who says what they do, in words that also ask for figures ("most", a skill named)
    ("Cloud engineer here, I run our Kubernetes clusters. Which certification matters most for MLSecOps?", None),
    ("I'm a data scientist who knows Python. What skill should I learn most urgently to get into MLSecOps?", None),
])
def test_otherwise_passage_qa(bot, question, filters):
    assert bot.ask(question, filters=filters).route == "passages"


@pytest.mark.parametrize("question, name", [
    ("How much does Anthropic pay its MLSecOps engineers?", "Anthropic"),
])
def test_a_name_no_posting_mentions_is_not_silently_counted_over_all_postings(bot, rows, question, name):
    answer = bot.ask(question)
    assert answer.route == "analytics" and answer.abstained and answer.citations == []
    assert f"None of the {len(rows)} postings mentions “{name}”" in answer.text
    assert answer.data["not_mentioned"] == [name]


@pytest.mark.parametrize("question, place, located", [
    ("How many postings are in Denver?", "Denver", lambda r: "Denver" in r["location"]),
    ("How many postings are there in the US?", "the US", lambda r: r["location"].endswith("USA")),  # "USA" in locations
    ("how many postings are there in colorado?", "Colorado", lambda r: ", CO, " in r["location"]),  # a US state, by its code
])
def test_a_place_in_the_question_restricts_the_count_to_postings_located_there(bot, rows, question, place, located):
    expected = [r for r in rows if located(r)]
    assert 0 < len(expected) < len(rows)
    answer = bot.ask(question)
    assert answer.route == "analytics" and not answer.abstained
    assert {"field": "location", "value": place} in answer.data["where"]
    assert answer.data["postings"] == len(expected) and f"There are {len(expected)} postings located in " in answer.text


@pytest.mark.parametrize("question, place", [
    ("typical salary for an ai red teamer in singapore?", "Singapore"),  # lower case: the gazetteer knows it
    ("What share of MLSecOps postings in Sydney mention Kubernetes?", "Sydney"),
    ("How many postings are there in Japan?", "Japan"),
])
def test_a_place_no_posting_is_in_abstains_and_says_where_the_postings_are(bot, rows, question, place):
    answer = bot.ask(question)
    assert answer.route == "analytics" and answer.abstained and answer.citations == []
    assert f"there are no sample postings located in {place}" in answer.text, "never a figure over all postings"
    assert answer.data["location"] == place
    assert all(country in answer.text for country in {r["location"].rsplit(", ", 1)[1] for r in rows})


def test_a_share_within_a_place_counts_only_the_postings_there(bot, rows):
    there = [r for r in rows if "Denver" in r["location"] and r["role_family"] == "mlsecops"]
    answer = bot.ask("What share of MLSecOps postings in Denver mention Kubernetes?")
    target = answer.data["result"]["targets"][0]
    assert target["total"] == len(there) and target["count"] == sum("kubernetes" in r["skills"] for r in there)


def test_a_place_none_of_the_postings_asked_about_is_in_abstains_instead_of_quoting_others(bot, rows):
    mlsecops = [r for r in rows if r["role_family"] == "mlsecops"]
    assert mlsecops and not any("London" in r["location"] for r in mlsecops)
    answer = bot.ask("What share of MLSecOps postings in London mention Kubernetes?")
    assert answer.route == "analytics" and answer.abstained and answer.citations == []
    in_london = sum("London" in r["location"] for r in rows)
    assert f"None of the {len(mlsecops)} MLSecOps postings is located in London" in answer.text
    assert f"({in_london} posting{'s' if in_london != 1 else ''} of any kind" in answer.text


def test_too_few_salaries_in_a_place_are_listed_not_summarised(bot, rows):
    (london,) = [r for r in rows if "London" in r["location"]]
    answer = bot.ask("What do AI security engineers earn in London?")
    assert answer.route == "postings" and not answer.abstained  # the postings' own ranges answer it, not a figure
    assert answer.text.endswith("(fictional), not from the job market.")  # still computed from sample postings
    assert "too few for a market figure" in answer.text and "median" not in answer.text
    assert f"{london['salary_min']:,} {london['currency']} to {london['salary_max']:,} {london['currency']} [1]" in answer.text
    assert answer.citations[0].doc_id == f"posting:{london['id']}"


def test_the_askers_own_background_no_posting_mentions_does_not_stop_the_count(bot, rows):
    """"my SRE background" is the asker's setting: the skills of MLSecOps postings are still counted."""
    answer = bot.ask("What skills do MLSecOps job ads usually ask for? Trying to see how far my SRE background gets me.")
    assert answer.route == "analytics" and not answer.abstained, answer.text
    assert "None of the" not in answer.text
    assert answer.citations


def test_an_employment_type_is_a_condition_of_the_count(bot, rows):
    full_time = [r for r in rows if r.get("employment_type") == "full-time"]
    answer = bot.ask("How many full-time postings are there?")
    assert answer.route == "analytics" and f"{len(full_time)} full-time postings" in answer.text
    assert not [r for r in rows if r.get("employment_type") == "part-time"]  # so no figure over all postings may answer:
    answer = bot.ask("How many part-time postings are there?")
    assert answer.route != "analytics" or f"{len(rows)} postings" not in answer.text


def test_a_superlative_ranks_by_the_asked_field_within_one_currency(bot, rows):
    usd = [r for r in rows if r.get("currency") == "USD"]
    lowest_floor = min(usd, key=lambda r: r["salary_min"])
    answer = bot.ask("Which sample posting has the lowest salary floor?")
    assert answer.route == "postings" and [r["posting_id"] for r in answer.rows] == [lowest_floor["id"]]
    assert answer.text.startswith(f"The lowest-paid of the {len(usd)} postings (by the floor of the advertised range, in USD):")
    others = Counter(r["currency"] for r in rows if r.get("currency") not in (None, "USD"))
    counts = ", ".join(f"{n} in {c}" for c, n in sorted(others.items(), key=lambda item: (-item[1], item[0])))
    assert f"pay in other currencies is not compared ({counts})" in answer.text and "(fictional)" in answer.text
    top = max(usd, key=lambda r: r["salary_max"])
    ranked = bot.ask("Which job in the sample listings has the highest top of range?")  # "job", not "listings": one
    assert [r["posting_id"] for r in ranked.rows] == [top["id"]]
    oldest = min(rows, key=lambda r: r["posted"])
    assert [r["posting_id"] for r in bot.ask("Which is the oldest job ad?").rows] == [oldest["id"]]
    cheapest = sorted(usd, key=lambda r: (r["salary_max"], r["id"]))[:3]
    assert {r["posting_id"] for r in bot.ask("Show me the 3 lowest-paid postings").rows} == {r["id"] for r in cheapest}


def test_a_pronoun_for_what_the_preamble_names_selects_postings(bot, rows):
    """"I just got the AIGP. Do any of the jobs ask for it?": a list of the postings asking for it, not passages."""
    aigp = {r["id"] for r in rows if "IAPP AIGP" in r["certifications"]}
    answer = bot.ask("I just got the IAPP AIGP. Do any of the listed jobs ask for it?")
    assert answer.route == "postings" and {r["posting_id"] for r in answer.rows} == aigp
    cissp = {r["id"] for r in rows if "CISSP" in r["certifications"]}
    asked = bot.ask("My manager says I should get the CISSP. Are any of the sample jobs asking for it?")
    assert {r["posting_id"] for r in asked.rows} == cissp and asked.query.get("seniority") is None  # "my manager" is no level
