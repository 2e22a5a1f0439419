"""The project's support checker agrees with hand labels on (sentence, passage) pairs."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.embed_cache import CachedEmbedder
from app.support import SupportChecker

LABELS = Path(__file__).resolve().parents[1] / "data" / "support_labels.yaml"
MIN_AGREEMENT = 0.85


def _agreement(embedder, name: str, record_property) -> tuple[float, list[str]]:
    pairs = yaml.safe_load(LABELS.read_text(encoding="utf-8"))[name]
    assert len(pairs) >= 12 and {p["supported"] for p in pairs} == {True, False}
    checker = SupportChecker(CachedEmbedder(embedder))
    disagreements = []
    for pair in pairs:
        verdict = checker.check(pair["sentence"], pair["passage"], pair.get("context", ""))
        if verdict.supported != pair["supported"]:
            disagreements.append(f"label {pair['supported']}, checker {verdict.supported} ({pair['why']}): "
                                 f"{pair['sentence']} — similarity {verdict.similarity:.2f} {list(verdict.reasons)}")
    agreement = 1 - len(disagreements) / len(pairs)
    record_property(f"support_agreement_{name}", round(agreement, 3))
    print(f"\nsupport checker agreement with hand labels ({name}): {agreement:.1%} ({len(pairs) - len(disagreements)}/{len(pairs)})")
    for line in disagreements:
        print("  disagrees:", line)
    return agreement, disagreements


@pytest.mark.parametrize("name", ["pairs", "pairs_2", "pairs_3"])
def test_support_checker_agrees_with_human_labels(embedder, record_property, name):
    """The sets the checker was tuned against (see the comments in the labels file)."""
    agreement, disagreements = _agreement(embedder, name, record_property)
    assert agreement >= MIN_AGREEMENT, "\n".join(disagreements)


@pytest.mark.xfail(strict=True, reason=(
    "held-out pairs, written after app/support.py was last changed: measured 83% (15/18; all 9 supported "
    "sentences accepted, 6 of 9 unsupported caught). It passes 'most come from X' when the passage says a smaller "
    "group does, 'LLMs make the final judgement' when a human keeps it, and 'no longer need'; strict, so this "
    "marker must go once it reaches 85%"))
def test_support_checker_generalises_to_held_out_labels(embedder, record_property):
    agreement, disagreements = _agreement(embedder, "heldout", record_property)
    assert agreement >= MIN_AGREEMENT, "\n".join(disagreements)
