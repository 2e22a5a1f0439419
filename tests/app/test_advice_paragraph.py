"""An advice answer's lead is followed by the sentence that goes on with it in its paragraph, however weakly that
sentence matches the question's words ("A practical approach is to report a few consistent indicators tied to risk
appetite" after what a board report covers)."""
from __future__ import annotations

from app.extractive import draft_extractive
from app.types import Passage

# corpus/documents/role-vciso-head-of-security.md, "## Board reporting for a vCISO or head of security"
BOARD = ("Effective board reporting by a head of security translates technical detail into business risk: top risks and "
         "their trend, progress against the roadmap, material incidents and lessons learned, compliance status, "
         "third-party and AI risk, and decisions or investment the board is asked to approve. A practical approach is to "
         "report a few consistent indicators tied to risk appetite rather than raw counts of alerts.\n\n"
         "Regulation has raised expectations of board oversight of cybersecurity.")
OTHER = ("Whether full-time or fractional, the head of security sets strategy, owns security risk on behalf of "
         "management and reports to the board. Most heads of security come up through security engineering.")
QUESTION = "I have to present to the board quarterly as head of security. What should the report actually contain?"


def _sentences(embedder, advises: bool) -> list[str]:
    passages = [Passage("b", BOARD, {"kind": "document"}, 1.0), Passage("o", OTHER, {"kind": "document"}, 0.9)]
    drafted = draft_extractive(QUESTION, embedder.embed_query(QUESTION), passages, embedder.embed_passages, 3,
                               advises=advises)
    return [sentence for sentence, _ in drafted.sentences]


def test_the_advice_lead_goes_on_with_the_next_sentence_of_its_paragraph(embedder):
    sentences = _sentences(embedder, advises=True)
    assert sentences[0].startswith("Effective board reporting")
    assert sentences[1].startswith("A practical approach is to report a few consistent indicators"), sentences

