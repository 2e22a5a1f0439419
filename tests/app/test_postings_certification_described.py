"""A certification named by what it is (issuer and subject, the standard it certifies against) selects the real
postings asking for it; the words of its name are no seniority or role-family filter."""
from __future__ import annotations

import shutil
from pathlib import Path

from app.settings import Settings

REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ASKING = ("gov-002", "gov-003", "gov-007", "gov-010", "lead-004", "lead-009", "lead-014", "lead-020")


def test_a_described_certification_selects_the_postings_asking_for_it(tmp_path, embedder):
    from app import Assistant
    from ingest.sync import run_ingest

    corpus = tmp_path / "corpus"
    (corpus / "postings").mkdir(parents=True)
    for name in ("vocabulary.yaml", "lexicon.yaml", "editions.yaml"):
        shutil.copy(REAL_CORPUS / name, corpus)
    for family in ("ai-governance", "security-leadership"):  # the postings asking for them, and others of their family
        lines = (REAL_CORPUS / "postings" / f"{family}.jsonl").read_text(encoding="utf-8").splitlines()
        kept = [line for n, line in enumerate(lines) if n < 5 or any(f'"{i}"' in line for i in ASKING)]
        (corpus / "postings" / f"{family}.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    run_ingest(settings, embedder=embedder, show_progress=False)
    bot = Assistant(settings, embedder=embedder)

    auditor = bot.ask("Do any of the jobs want someone who is a certified lead auditor for the ISO AI management system standard?")
    assert answer_ids(auditor) == {"gov-007", "lead-014"}  # ISO/IEC 42001 Lead Auditor, not every "lead" posting
    governance = bot.ask("I'm studying for the IAPP AI governance cert. Which employers in the postings list it?")
    assert answer_ids(governance) == {"gov-003", "lead-009", "lead-020"}  # IAPP AIGP, not every AI governance posting
    risk = bot.ask("Which postings ask for the ISACA risk cert?")
    assert answer_ids(risk) == {"gov-002", "gov-010", "lead-004"}  # CRISC


def answer_ids(answer) -> set[str]:
    assert answer.route == "postings" and not answer.abstained
    return {row["posting_id"] for row in answer.rows}
