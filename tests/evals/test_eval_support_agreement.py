"""The project's support checker agrees with hand labels on (sentence, passage) pairs."""
from __future__ import annotations

from pathlib import Path

import yaml

from app.embed_cache import CachedEmbedder
from app.support import SupportChecker

LABELS = Path(__file__).resolve().parents[1] / "data" / "support_labels.yaml"
MIN_AGREEMENT = 0.85


def test_support_checker_agrees_with_human_labels(embedder, record_property):
    pairs = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["pairs"]
    assert len(pairs) >= 20 and {p["supported"] for p in pairs} == {True, False}
    checker = SupportChecker(CachedEmbedder(embedder))
    disagreements = []
    for pair in pairs:
        verdict = checker.check(pair["sentence"], pair["passage"])
        if verdict.supported != pair["supported"]:
            disagreements.append(f"label {pair['supported']}, checker {verdict.supported} ({pair['why']}): "
                                 f"{pair['sentence']} — similarity {verdict.similarity:.2f} {list(verdict.reasons)}")
    agreement = 1 - len(disagreements) / len(pairs)
    record_property("support_agreement", round(agreement, 3))
    print(f"\nsupport checker agreement with hand labels: {agreement:.1%} ({len(pairs) - len(disagreements)}/{len(pairs)})")
    for line in disagreements:
        print("  disagrees:", line)
    assert agreement >= MIN_AGREEMENT, "\n".join(disagreements)
