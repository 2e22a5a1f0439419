"""Works with the user's own postings: another file gives other numbers, and a re-ingest moves them."""
from __future__ import annotations

import json
import shutil
import statistics

from analytics_helpers import OWN, build_index, read_postings


def test_numbers_follow_the_ingested_file(tmp_path, embedder, ingest):
    from app import Assistant

    settings = build_index(tmp_path, OWN, embedder)
    bot = Assistant(settings, embedder=embedder)
    own = read_postings(OWN)
    family = [r for r in own if r["role_family"] == "mlsecops"]
    answer = bot.ask("What share of MLSecOps postings mention Kubernetes?")
    target = answer.data["result"]["targets"][0]
    assert (target["count"], target["total"]) == (sum("kubernetes" in r["skills"] for r in family), len(family))
    salary = bot.ask("What do MLSecOps roles pay?").data["result"]
    assert salary["currency"] == "EUR"  # this organisation pays in euros
    assert salary["median"] == statistics.median((r["salary_min"] + r["salary_max"]) / 2 for r in family)

    # The organisation adds two MLSecOps postings that ask for Kubernetes and re-ingests: the same Assistant follows.
    path = settings.corpus_dir / "postings" / OWN.name
    extra = [dict(family[0], id=f"own-new-{i}", title=f"MLSecOps Engineer {i}", skills=["kubernetes"]) for i in (1, 2)]
    path.write_text(path.read_text(encoding="utf-8") + "".join(json.dumps(r) + "\n" for r in extra), encoding="utf-8")
    ingest(settings, [settings.corpus_dir / "postings"])
    again = bot.ask("What share of MLSecOps postings mention Kubernetes?").data["result"]["targets"][0]
    assert (again["count"], again["total"]) == (target["count"] + 2, target["total"] + 2)
    shutil.rmtree(settings.data_dir)
