"""A seeded generator of synthetic postings built from the corpus's own postings and vocabulary."""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

from app.sentences import split_sentences


def load_sample_postings(corpus_dir: Path) -> list[dict]:
    """The corpus's sample postings (the generator's raw material)."""
    rows = []
    for path in sorted((corpus_dir / "postings").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def generate_postings(count: int, seed: int, samples: list[dict]) -> list[dict]:
    """`count` schema-valid postings: sentences of same-family samples recombined, fields varied; deterministic."""
    rng = random.Random(seed)
    by_family: dict[str, list[str]] = {}
    for sample in samples:
        lines = [line.strip() for line in sample["description"].splitlines() if line.strip() and not line.startswith("**")]
        sentences = [s for line in lines for s in split_sentences(re.sub(r"^[-*]\s+", "", line)) if len(s) > 40]
        by_family.setdefault(sample["role_family"], []).extend(sentences)
    companies = sorted({s["company"] for s in samples})
    start = dt.date(2024, 1, 1)
    postings = []
    for i in range(count):
        template = rng.choice(samples)
        pool = by_family[template["role_family"]]
        body = rng.sample(pool, k=min(len(pool), rng.randint(7, 12)))
        scale = rng.uniform(0.88, 1.12)
        salary_min = int(round(template["salary_min"] * scale, -3))
        postings.append({
            **template,
            "id": f"gen-{seed}-{i:06d}",
            "company": f"{rng.choice(companies)} {rng.choice(['Labs', 'Group', 'Systems', 'Digital', 'Works'])}",
            "salary_min": salary_min,
            "salary_max": max(salary_min + 1000, int(round(template["salary_max"] * scale, -3))),
            "posted": (start + dt.timedelta(days=rng.randrange(730))).isoformat(),
            "description": "\n\n".join(body) + f"\n\nSkills we look for: {', '.join(template['skills'])}.",
        })
    return postings


def write_postings_corpus(postings: list[dict], folder: Path, vocabulary: Path) -> Path:
    """A corpus folder (vocabulary + one JSONL file) ready for `aisec ingest`."""
    (folder / "postings").mkdir(parents=True, exist_ok=True)
    (folder / "vocabulary.yaml").write_text(vocabulary.read_text(encoding="utf-8"), encoding="utf-8")
    with (folder / "postings" / "generated.jsonl").open("w", encoding="utf-8") as handle:
        for posting in postings:
            handle.write(json.dumps(posting, ensure_ascii=False) + "\n")
    return folder
