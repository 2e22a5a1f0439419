"""What the documents add to a postings answer: a figure a reference document states on what a sample-postings figure
measures, quoted first; the answer to a clause asking the documents, after the list ("…, and what does PyRIT stand for?")."""
from __future__ import annotations

import re

from app.filters import Filters
from app.query import Query
from app.sentences import MARKER, passage_sentences
from app.types import Answer, Citation

PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%|\b\d+(?:\.\d+)?\s?percent\b")


def with_documented_figure(answer: Answer, query: Query, retriever, embed) -> Answer:
    """The answer with the documents' own figure on the same term (and year) put first, cited; unchanged without one."""
    terms = [*query.clouds, *query.skills, *query.certifications]
    if not terms:
        return answer
    passages = retriever.retrieve(query.text, embed([query.text])[0], Filters(kind="document"), k=5)
    for passage in passages:
        for sentence in passage_sentences(passage.text):  # markup and the document's own markers removed
            if PERCENT.search(sentence) and all(re.search(rf"\b{re.escape(t)}\b", sentence, re.I) for t in terms) \
                    and (not query.year or query.year in sentence):
                lead = f"The source document states: “{sentence}” [1] In the illustrative sample postings indexed here (fictional, not market data):"
                shifted = _shifted(answer.text, 1)  # the answer's own markers, after the quoted one
                answer.text = f"{lead} {shifted}"
                answer.citations = [Citation.from_passage(1, passage),
                                    *(Citation(**{**c.__dict__, "number": c.number + 1}) for c in answer.citations)]
                answer.data = {**(answer.data or {}), "documented": {"sentence": sentence, "source": passage.metadata.get("source")}}
                return answer
    return answer


def with_documents_part(listed: Answer, told: Answer) -> Answer:
    """A postings answer followed by the answer to the part of the question the documents answer, its citations after
    the postings'."""
    listed.text = f"{listed.text}\n\n{_shifted(told.text, len(listed.citations))}"
    listed.citations = [*listed.citations, *(Citation(**{**c.__dict__, "number": c.number + len(listed.citations)})
                                             for c in told.citations)]
    listed.data = {**(listed.data or {}), "documents_part": told.question}
    return listed


def _shifted(text: str, by: int) -> str:
    """The citation markers of `text` numbered `by` up ("[2]" -> "[3]", " [2, 3]" -> " [3, 4]"), the white space before
    each kept."""
    def shifted(marker: re.Match) -> str:
        opening = marker.group(0).index("[")
        numbers = marker.group(1).replace(";", ",").split(",")
        return f"{marker.group(0)[:opening]}[{', '.join(str(int(n) + by) for n in numbers)}]"
    return MARKER.sub(shifted, text)
