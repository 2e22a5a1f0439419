"""The default answerer: quote the retrieved sentences that best answer the question, the one that answers it
first, no LLM."""
from __future__ import annotations

import math
import string
from dataclasses import dataclass, field, replace
from collections.abc import Collection, Mapping
from typing import Callable

import numpy as np

from app.answer_type import has_phrase, question_words, topic_stems
from app.support import GENERIC_ACRONYMS
from app.sentences import (BOLD_HEADING, begins_inside, inline_items, inline_list, is_acronym, passage_items,
                           passage_sentences, posting_facts, posting_reference, repeats)
from app.types import Passage
from ingest.lexical import lexical_tokens

SEMANTIC_WEIGHT, LEXICAL_WEIGHT, RANK_WEIGHT = 0.65, 0.25, 0.10
REDUNDANCY_LIMIT = 0.88
RELATIVE_FLOOR = 0.72
PER_PASSAGE = 2
OPENER_ASKED_WORDS = 2  # an advice list's opener below the floor leads when it names this many of the asked words
MAX_EMBEDDED = 24  # sentences embedded per question; the rest are pre-ranked away lexically
MAX_ANSWERING = 12  # sentences pre-ranked away that are embedded still, as they hold the asked-for kind of value
MIN_CLAUSE_CHARS = 25  # as short as a quotable sentence
ADVICE_LIST_SHARE = 2  # an advice answer following its lead's list gives up to twice the usual sentences
ANNOUNCING_WORDS = 14  # at most this long, a sentence naming a number of things announces them ("Two tactics are unique")


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved passage with its relevance to the question."""

    text: str
    passage_index: int
    position: int
    semantic: float
    score: float
    vector: np.ndarray = field(repr=False, compare=False)
    leading: float = 0.0  # the score with the question's words weighted by how few sentences hold them: ranks the lead


@dataclass(frozen=True)
class Draft:
    """Chosen sentences (each citing one passage index), the answering one first, and the evidence strength;
    `answered` is False when a sentence of the asked-for kind was needed and none was found."""

    sentences: list[tuple[str, list[int]]]
    evidence: float
    answered: bool = True


def cited_items(passages: list[Passage],
                items: list[tuple[str, Passage]]) -> tuple[list[tuple[str, list[int]]], list[Passage]]:
    """The (sentence, chunk) `items` as quoted sentences each citing its chunk, and `passages` with the chunks that
    were not retrieved added at the end."""
    index_of = {p.chunk_id: i for i, p in enumerate(passages)}
    extended = list(passages)
    for _, chunk in items:
        if chunk.chunk_id not in index_of:
            index_of[chunk.chunk_id] = len(extended)
            extended.append(chunk)
    return [(sentence, [index_of[chunk.chunk_id]]) for sentence, chunk in items], extended


# Whether a sentence of the passage at an index answers the question (holds the asked-for kind of value).
Answers = Callable[[str, int], bool]


def draft_extractive(question: str, query_vector: np.ndarray, passages: list[Passage],
                     embed: Callable[[list[str]], np.ndarray], max_sentences: int, answers: Answers | None = None,
                     subjects: bool = False, postings_lead: bool = False, parts: list[Answers] | None = None,
                     enough: float | None = None, aspect: str | None = None,
                     generic_words: Collection[str] = (), answers_alone: Answers | None = None,
                     refers_back: Collection[str] = (), defined: str | None = None, enumerates: bool = False,
                     number_words: Mapping[str, int] | None = None, asking: str | None = None,
                     advises: bool = False, asks_questions: bool = False, aspect_held: Collection[str] = (),
                     fit: Callable[[str, int], tuple[int, ...]] | None = None,
                     equivalents: Collection[frozenset[str]] = (), polar: bool = False) -> Draft:
    """Score every passage sentence (those of the lexical pre-rank and any that `answers_alone`, without the
    sentences before it); lead with the best one that `answers` (the best one when no kind is asked for), a sentence
    for each further part of the question (`parts`) the lead does not answer and, after a typed lead, the detail asked
    of the one posting the question names (see `_detail_lead`), then the best of the rest without
    redundancy, in reading order; each quoted sentence that opens a list (ends with ":") followed by the list's
    items, in order, the lead quoted with its first item (an opener alone announces the answer without giving it:
    "In practice the threat model changes in three ways:"). The answering sentence may come from below the quoting
    floor out of a passage the answer quotes, and out of any retrieved passage when `answers` checks that it names
    the question's subjects; outside a question about postings (`postings_lead`) a document's answering sentence leads
    before a posting's ("PyRIT keeps coming up in job ads. What is it?"). A posting's reference leads only when
    `postings_lead` (a question about postings) or `answers` allows it, and not when the question asks about a detail
    of the one posting it names (see `_detail_lead`). The evidence is the best match of a sentence or of a clause; clauses are embedded only while
    the sentences' is below `enough` (the abstention threshold): above it they cannot change whether the answer
    abstains. A follow-up's own words (`aspect`, "what tools do they use?") give the sentences' match in meaning:
    the topic the conversation set is in every retrieved passage; the word overlap and the evidence stay the whole
    `question`'s. A sentence opening with a word of `refers_back` ("Its root causes are …") is scored with its
    section's heading, the subject it refers to. A supporting sentence about something else pads the answer and is
    left out (see `_on_subject`). A question asking for the members of a set (`enumerates`) is led by the sentence
    giving them all (see `_enumerating`; a number the question names is read in digits or `number_words`), whole
    however long, the sentences holding them following it (one quote with it when it announces them: "Two tactics
    are unique to ATLAS. AI Model Access … AI Attack Adaptation …"); one asking for advice (`advises`: how something
    changes, what to do) by the best-matching sentence that opens a list, the ways ("In practice the threat model
    changes in three ways:"), of a passage the answer quotes (an opener names the ways without giving them, so it may
    match below the floor when it names words the question asks about, see `_names_asked`, and the question is not
    `polar`, asking yes or no: "Is that the date we should be planning against?" asks whether, which a list of dates
    does not say), its items following, as they follow a lead that continues into a list (see
    `_listed_items`); one asking what something is or does, by the sentence of a quoted passage that opens with the
    thing asked about, its subject (`defined`, the question's words after "What is"; see `_defining`). The detail
    that ranks the lead is the words of the question's asking part (`asking`, without the asker's setting: "how
    should my threat models change?" after "I'm on product security"), so a sentence sharing only the setting's
    nouns does not lead. A passage's sentence that is itself a question (an interview question) counts as evidence,
    but is quoted only when the question `asks_questions`. A question naming an aspect of its subject besides the
    subject (its causes, its mitigations, the first one; `aspect_held` are the phrases of a sentence giving it) is
    led by a quoted sentence holding the aspect about the subject, rather than the subject's definition (see
    `_aspect_lead`). Of the sentences that answer, the one that `fit`s the question best leads (it answers the
    question's other parts too: "CompTIA SecAI+ (exam CY0-001): CompTIA launched SecAI+ on 17 February 2026"), the
    better-ranked of equals."""
    if enumerates:  # the pre-rank keeps the sentences that may list the members asked for, whatever words they use
        answers_alone = _or(answers_alone, lambda text, index: _lists(text, number_words or {}))
    if aspect_held:  # and those holding the aspect asked about ("Mitigations include …")
        answers_alone = _or(answers_alone, lambda text, index: _holds(text, aspect_held))
    candidates = _candidates(question, query_vector, passages, embed, aspect, answers_alone, refers_back, asking,
                             equivalents)
    if not candidates:
        return Draft([], 0.0, answers is None)
    evidence = max(c.semantic for c in candidates)
    if enough is None or evidence < enough:
        evidence = max(evidence, _clause_evidence(candidates, query_vector, embed))
    ranked = sorted(candidates, key=lambda c: -c.score)
    floor = ranked[0].score * RELATIVE_FLOOR
    quoted = {c.passage_index for c in ranked if c.score >= floor}  # the passages the answer would quote from
    if not asks_questions:  # a question sentence is evidence and marks its passage as one to quote from, no answer
        candidates, ranked = _answer_material(candidates), _answer_material(ranked)
        if not candidates:
            return Draft([], evidence, answers is None)
        floor = ranked[0].score * RELATIVE_FLOOR  # the answer material's own floor: a question the asker retells
        quoted |= {c.passage_index for c in ranked if c.score >= floor}  # sets no bar its answers must reach
    # a sentence of a quoted passage may answer from below the floor; of any passage when `answers` checks the subjects
    quotable = [c for c in ranked if c.passage_index in quoted or subjects]
    by_detail = sorted(candidates, key=lambda c: -c.leading)  # the sentence holding the detail asked about leads
    whole = [c for c in by_detail if c.position or not begins_inside(passages[c.passage_index].text)]
    aspected = None  # the lead holding the aspect asked about, which the sentence after it goes on with
    if answers:  # a sentence the chunking cut ("(February 2023) demonstrated …") leads only when no whole one answers
        answering = [c for c in whole if (c.passage_index in quoted or subjects) and answers(c.text, c.passage_index)] \
            or [c for c in by_detail if (c.passage_index in quoted or subjects) and answers(c.text, c.passage_index)]
        if not postings_lead:  # a question about something other than postings: a document's answering sentence leads
            answering = [c for c in answering if passages[c.passage_index].metadata.get("kind") != "posting"] or answering
        lead = max(answering, key=lambda c: fit(c.text, c.passage_index)) if answering and fit \
            else next(iter(answering), None)
    elif postings_lead:
        lead = _detail_lead(question, ranked, passages, embed, generic_words) or (whole or ranked)[0]
    else:  # a question about something other than postings: a document's sentence leads where one is quoted
        aspected = _aspect_lead(aspect_held, whole, quoted, passages, asking or question, generic_words, refers_back) \
            if aspect_held else None
        before = _going_on(aspected, whole, passages, -1) if aspected else None  # the aspect's run read from its start:
        aspected = before if before is not None and _holds(before.text, aspect_held) else aspected  # "can be evaded"
        lead = aspected \
            or (_enumerating(question, query_vector, [c for c in whole if c.passage_index in quoted], passages, embed,
                             number_words or {}) if enumerates else None) \
            or next((c for c in whole if advises and (c.score >= floor or c.passage_index in quoted and not polar
                                                      and _names_asked(c.text, asking or question, generic_words))
                     and _listed_items(c, passages, 1)), None) \
            or (_defining(defined, [c for c in whole if c.passage_index in quoted], passages) if defined else None) \
            or next((c for c in whole if c.score >= floor and passages[c.passage_index].metadata.get("kind") != "posting"), None) \
            or next((c for c in whole if c.text != posting_reference(passages[c.passage_index].metadata)), (whole or ranked)[0])
    if lead is None:
        return Draft([], evidence, False)
    listed = _listed_items(lead, passages, max_sentences * ADVICE_LIST_SHARE if advises else max_sentences - 1, advises)
    announced = [] if listed or not enumerates else _announced(lead, passages, question, number_words or {})
    listed = listed or announced
    answered = [next((c for c in quotable if part(c.text, c.passage_index)), None)
                for part in parts or [] if not part(lead.text, lead.passage_index)]
    leading = list(dict.fromkeys(c for c in answered if c is not None and c is not lead))
    detail = _detail_lead(question, ranked, passages, embed, generic_words) if answers and postings_lead else None
    leading += [detail] if detail is not None and detail is not lead and detail not in leading else []
    going_on = _going_on(lead, candidates, passages) if (advises or lead is aspected) and not listed else None
    leading += [going_on] if going_on is not None and going_on not in leading else []
    chosen: list[Candidate] = [lead, *leading]
    chosen_vectors: list[np.ndarray] = [c.vector for c in chosen]
    per_passage: dict[int, int] = {}
    for c in chosen:
        per_passage[c.passage_index] = per_passage.get(c.passage_index, 0) + 1
    for candidate in ranked:
        if candidate in chosen or candidate.text in listed:
            continue
        if len(chosen) + len(listed) >= max_sentences or candidate.score < floor:
            break
        if per_passage.get(candidate.passage_index, 0) >= PER_PASSAGE:
            continue
        if any(float(candidate.vector @ v) > REDUNDANCY_LIMIT for v in chosen_vectors) \
                or _overlaps(candidate.text, [c.text for c in chosen] + listed):
            continue
        chosen.append(candidate)
        chosen_vectors.append(candidate.vector)
        per_passage[candidate.passage_index] = per_passage.get(candidate.passage_index, 0) + 1
    support = sorted(_on_subject(chosen[1 + len(leading):], lead, question, passages, generic_words, refers_back),
                     key=lambda c: (c.passage_index, c.position))
    quoted = [lead, *chosen[1:1 + len(leading)], *support]
    if answers is None and aspect is None:  # a typed lead answers already; a follow-up's subject is the conversation's
        quoted = _with_continuations(quoted, passages, question, asking or question, generic_words, equivalents)
    opened = {c.text: (c.passage_index, listed if c is lead else _listed_items(c, passages, max_sentences - 1))
              for c in quoted if c.text.endswith(":") or c is lead}  # each list opener quoted brings its items, in order
    # the members a sentence lists are given all, unless the clause holding the one asked about was quoted ("…scanners
    # for unsafe model files such as …")
    whole_lead = _whole(lead, passages) if enumerates and not lead.text.startswith("…") \
        and inline_items(_whole(lead, passages)) else lead.text
    sentences = []
    for text, cited in _with_posting_references(quoted, passages, question):
        index, items = opened.get(text, (None, []))
        items = [item for item in items if item not in {c.text for c in quoted}]
        if text == lead.text and announced:  # one quote, cited once: the members read in the lead
            sentences.append((" ".join([text, *items]), cited))
            continue
        if text == lead.text and items:  # a lead that opens a list answers with its first item: one quote, cited once
            text, items = f"{whole_lead} {items[0]}", items[1:]
            sentences += [(text, cited), *((item, [index]) for item in items)]
            continue
        text = whole_lead if text == lead.text else text
        sentences += [(text if items else _items_left_out(text), cited), *((item, [index]) for item in items)]
    return Draft(sentences, evidence)


def _going_on(lead: Candidate, candidates: list[Candidate], passages: list[Passage], step: int = 1) -> Candidate | None:
    """The sentence after an advice answer's lead in the lead's paragraph, which goes on with the advice ("A practical
    approach is to report a few consistent indicators tied to risk appetite …" after what a board report covers);
    with a `step` of -1 the sentence before it."""
    text = passages[lead.passage_index].text
    other = next((c for c in candidates if c.passage_index == lead.passage_index and c.position == lead.position + step),
                 None)
    first, second = (lead, other) if step > 0 else (other, lead)
    end, start = (text.find(first.text[-40:]), text.find(second.text[:40])) if other else (-1, -1)
    return other if 0 <= end < start and "\n" not in text[end:start] else None


def _with_continuations(quoted: list[Candidate], passages: list[Passage], question: str, asking: str,
                        generic_words: Collection[str], equivalents: Collection[frozenset[str]]) -> list[Candidate]:
    """The quoted sentences, each of a document followed by the sentence after it in its paragraph when that one names
    an asked word (of the `asking` part, not one of `generic_words` nor a generic acronym) the sentence it continues
    does not: the paragraph goes on with what was asked ("In financial services, AI governance often extends existing
    model risk management practice." then "In the United States the current interagency model risk guidance is SR
    26-2 …, issued … on 17 April 2026")."""
    asked = set(lexical_tokens(asking)) - set(lexical_tokens(" ".join([*generic_words, *GENERIC_ACRONYMS])))
    texts = {c.text for c in quoted}
    continued: list[Candidate] = []
    for c in quoted:
        continued.append(c)
        after = _next_in_paragraph(c, passages, question)
        if after is not None and after.text not in texts \
                and _said(asked, set(lexical_tokens(after.text)), equivalents) \
                - _said(asked, set(lexical_tokens(c.text)), equivalents):
            continued.append(after)
            texts.add(after.text)
    return continued


def _next_in_paragraph(candidate: Candidate, passages: list[Passage], question: str) -> Candidate | None:
    """The statement after a document's prose sentence in its paragraph (a question sentence answers nothing)."""
    passage = passages[candidate.passage_index]
    if passage.metadata.get("kind") == "posting" or candidate.text.endswith(":"):
        return None
    items = passage_items(passage.text, posting_reference(passage.metadata), set(lexical_tokens(question)))
    if candidate.position + 1 >= len(items) or items[candidate.position][1] != "prose" \
            or items[candidate.position + 1][1] != "prose":
        return None
    text = answer_material(items[candidate.position + 1][0])
    end, start = passage.text.find(candidate.text[-40:]), passage.text.find(items[candidate.position + 1][0][:40])
    if not text or not 0 <= end < start or "\n" in passage.text[end:start]:
        return None
    return replace(candidate, text=text, position=candidate.position + 1)


def _on_subject(support: list[Candidate], lead: Candidate, question: str, passages: list[Passage],
                generic_words: Collection[str], refers_back: Collection[str]) -> list[Candidate]:
    """The supporting sentences that continue the lead's passage or share a content word with the question (not one of
    `generic_words` nor a generic acronym such as "AI"; a sentence that refers back, read with its section's heading):
    one about something else ("… CISOs" after a question about CAISI) pads the answer."""
    asked = set(lexical_tokens(question)) - set(lexical_tokens(" ".join([*generic_words, *GENERIC_ACRONYMS])))
    back = {word.lower() for word in refers_back}
    return [c for c in support if c.passage_index == lead.passage_index
            or asked & set(lexical_tokens(_with_subject(c.text, passages[c.passage_index], back)))]


def _aspect_lead(held: Collection[str], candidates: list[Candidate], quoted: Collection[int], passages: list[Passage],
                 asking: str, generic_words: Collection[str], refers_back: Collection[str]) -> Candidate | None:
    """Of the document `candidates` (in leading order) holding a phrase of `held` ("Its root causes are …" for "What
    causes Excessive Agency?"), the one whose words with its section's heading share most stems of the asking part's
    topic (not the aspect's words nor `generic_words`; each weighted by how few of them hold it): the aspect of the
    subject asked about, not another subject's ("Mitigations are …" of Hidden Context Exposure for a question about
    prompt injection). Only a sentence whose heading names the topic at least as fully as the heading of the best
    sentence of them all may lead (a sentence about the subject outranks an aspect of a neighbouring section: "Each
    entry … is described with … mitigation strategies" of the list's introduction), and, from a passage the answer
    would not quote, only one whose heading names the topic at all (the subject's own section: "LLM05:2026 Data and
    Model Poisoning")."""
    topic = topic_stems(asking) - set(lexical_tokens(" ".join([*held, *generic_words])))
    documents = [c for c in candidates if passages[c.passage_index].metadata.get("kind") != "posting"]
    if not topic or not documents:
        return None
    back = {word.lower() for word in refers_back}
    headings = [set(lexical_tokens(str(passages[c.passage_index].metadata.get("section") or ""))) for c in documents]
    texts = [words | set(lexical_tokens(_with_subject(c.text, passages[c.passage_index], back)))
             for c, words in zip(documents, headings)]
    # a topic word every sentence holds (the document's name, "OWASP") tells the subjects apart less than a rare one
    weight = {t: 1 + math.log((len(texts) + 1) / (1 + sum(t in words for words in texts))) for t in topic}
    position = {c: n for n, c in enumerate(documents)}

    def heading(c: Candidate) -> float:
        return sum(weight[t] for t in topic & headings[position[c]])

    def subject(c: Candidate) -> float:
        return sum(weight[t] for t in topic & texts[position[c]])
    holding = [c for c in documents if _holds(c.text, held) and subject(c) and heading(c) >= heading(documents[0])
               and (c.passage_index in quoted or heading(c) > 0)]
    return max(holding, key=subject, default=None)


def _holds(sentence: str, phrases: Collection[str]) -> bool:
    """Whether a sentence holds one of the phrases, as whole words."""
    folded = question_words(sentence)
    return any(has_phrase(folded, phrase) for phrase in phrases)


def _items_left_out(sentence: str) -> str:
    """A sentence opening a list whose items are not quoted after it says they are left out, rather than end on a colon
    that announces nothing ("Common situations where organisations hire a vCISO include: …")."""
    return f"{sentence} …" if sentence.endswith(":") else sentence


def _names_asked(sentence: str, asking: str, generic_words: Collection[str]) -> bool:
    """Whether a sentence names `OPENER_ASKED_WORDS` words of the `asking` part that are not `generic_words` nor a
    generic acronym ("In practice the threat model changes in three ways:" for "what changes in how I should threat
    model these?"; not "…that general platform security teams often miss:" for "what format rule should I push for
    as the security person?")."""
    generic = set(lexical_tokens(" ".join([*generic_words, *GENERIC_ACRONYMS])))
    return len((set(lexical_tokens(asking)) - generic) & set(lexical_tokens(sentence))) >= OPENER_ASKED_WORDS


def _overlaps(sentence: str, quoted: list[str]) -> bool:
    """Whether `sentence` and a sentence already quoted are one sentence cut differently (see `repeats`), either way."""
    return repeats(sentence, quoted) or any(repeats(text, [sentence]) for text in quoted)


def _detail_lead(question: str, ranked: list[Candidate], passages: list[Passage],
                 embed: Callable[[list[str]], np.ndarray], generic_words: Collection[str]) -> Candidate | None:
    """For a question about one posting it names by its company (and title, when the company has several), the
    sentence of that posting that best matches the question without the posting's name: the detail asked about
    ("write Terraform for", "certification"; a sentence's words include the bold heading above it, "**Engagement
    terms**"), which the posting's reference, matching the name, would outrank.
    Only a sentence sharing a content word of the detail (see `topic_stems`; not one of `generic_words` nor a word of the
    posting's name, however the question words it) leads: "Where is the role based?" names none, and the
    reference (its place) answers it."""
    named = {p.metadata.get("doc_id"): p.metadata for p in passages if names_company(question, p.metadata)}
    if len(named) > 1:
        asked = set(lexical_tokens(question))
        named = {doc: meta for doc, meta in named.items() if set(lexical_tokens(str(meta.get("job_title") or ""))) <= asked}
    if len(named) != 1:
        return None
    (doc_id, metadata), = named.items()
    names = [str(metadata.get(key) or "") for key in ("company", "job_title")]
    detail = question.casefold()
    for name in names:
        detail = detail.replace(name.casefold(), " ")
    own = [c for c in ranked if passages[c.passage_index].metadata.get("doc_id") == doc_id]
    if not own:
        return None
    detail_tokens = topic_stems(detail) - set(lexical_tokens(" ".join([*generic_words, *names])))
    labels = {c: section_labels(passages[c.passage_index].text).get(c.text, "") for c in own}  # "**Engagement terms**"
    shared = {c: len(detail_tokens & set(lexical_tokens(f"{labels[c]} {c.text}"))) for c in own}
    naming = [c for c in own if shared[c]]  # a sentence naming the detail asked about; else the reference leads
    if not naming:
        return None
    reference = posting_reference(metadata)
    vector, reference_vector = embed([detail, reference or ""])  # the reference as quoted, not by all its fields
    return max(naming, key=lambda c: SEMANTIC_WEIGHT * float((reference_vector if c.text == reference else c.vector) @ vector)
               + LEXICAL_WEIGHT * shared[c] / len(detail_tokens))


def section_labels(text: str) -> dict[str, str]:
    """Each sentence of a passage, as `passage_sentences` quotes it, under a bold heading ("**Engagement terms**"), with
    that heading's words: a question naming the section asks for its sentences."""
    labels, heading = {}, ""
    for line in text.splitlines():
        line = line.strip()
        if BOLD_HEADING.match(line) or line.startswith("#"):
            heading = line.strip("*:# ") if BOLD_HEADING.match(line) else ""
        elif heading:
            labels.update((sentence, heading) for sentence in passage_sentences(line))
    return labels


def _defining(defined: str, candidates: list[Candidate], passages: list[Passage]) -> Candidate | None:
    """The sentence that defines what a question asks about (`defined`: "MITRE ATLAS?" of "What is MITRE ATLAS?"): the
    document sentence opening with most of its first words, its subject ("MITRE ATLAS (…) is a … knowledge base"), not
    one naming it later ("MITRE publishes several resources around ATLAS") nor one opening with a stop word of it only
    ("The period …" for "the 2025 salary trend"); of equals the one holding most of its words ("… specifies
    requirements for …"), then the one ranked first."""
    asked, held = _words(defined), set(lexical_tokens(defined))

    def opening(candidate: Candidate) -> tuple[int, int]:
        said = _words(candidate.text)
        shared = next((n for n, (a, b) in enumerate(zip(asked, said)) if a != b), min(len(asked), len(said)))
        return sum(word in held for word in asked[:shared]), len(held & set(lexical_tokens(candidate.text)))
    documents = [c for c in candidates if passages[c.passage_index].metadata.get("kind") != "posting"]
    best = max(documents, key=opening, default=None)  # `candidates` come best first: max keeps the first of equals
    return best if best is not None and opening(best)[0] else None


def _words(text: str) -> list[str]:
    """The words of a text in order, as BM25 stems them, a stop word ("the", "in") kept as it is: "In 2025" does not
    open like "the 2025 …"."""
    return [token for word in text.split() for token in lexical_tokens(word) or [word.strip(string.punctuation).lower()]
            if token]


def _enumerating(question: str, query_vector: np.ndarray, candidates: list[Candidate], passages: list[Passage],
                 embed: Callable[[list[str]], np.ndarray], number_words: Mapping[str, int]) -> Candidate | None:
    """The document sentence of `candidates` (those of the passages quoted) giving the members of the set asked for
    (see `_members`), judged by its opening, the words before its list ("The Annex III areas are biometrics; …",
    "Two tactics are unique to ATLAS."): first one giving as many as the question names ("the seven …
    characteristics", "Top 10"), then one whose opening names a plural noun of the question, the set asked for
    ("areas" of "Which areas …?"), then one whose list a colon, semicolons or brackets mark (commas alone, "…
    requirements for establishing, implementing, maintaining and improving …", may list no members); of equals the
    opening matching the question best, in meaning and by its words weighted by how few openings hold them. One not
    naming the set leads only when its opening's meaning is at least RELATIVE_FLOOR of the best sentence's match."""
    counted = [(c, len(_members(c, passages, question, number_words))) for c in candidates
               if passages[c.passage_index].metadata.get("kind") != "posting"]
    counted = [(c, n) for c, n in counted if n]
    if not counted:
        return None
    lists = [inline_list(_whole(c, passages)) for c, _ in counted]
    openings = [opening if items else c.text for (c, _), (opening, items) in zip(counted, lists)]
    match = embed(openings) @ query_vector
    detail = _weighted_overlaps(question, openings)
    asked = {_number(word, number_words) for word in question.split()}
    sets = _asked_sets(question)
    ranks = [(n in asked, bool(sets & set(lexical_tokens(opening))), not items or opening != items[0] or "; " in c.text,
              SEMANTIC_WEIGHT * float(similarity) + LEXICAL_WEIGHT * weighted)
             for (c, n), opening, (_, items), similarity, weighted in zip(counted, openings, lists, match, detail)]
    best = max(range(len(counted)), key=ranks.__getitem__)
    least = RELATIVE_FLOOR * max(c.semantic for c in candidates)
    return counted[best][0] if ranks[best][1] or match[best] >= least else None


def _lists(sentence: str, number_words: Mapping[str, int]) -> bool:
    """Whether a sentence may give members of a set: it opens a list, holds one, or may announce them (see
    `_announced`: short, naming a number)."""
    words = sentence.split()
    return sentence.endswith(":") or bool(inline_items(sentence)) or len(words) <= ANNOUNCING_WORDS and any(
        _number(word, number_words) for word in words)


def _members(candidate: Candidate, passages: list[Passage], question: str, number_words: Mapping[str, int]) -> list[str]:
    """The members of a set a sentence gives: the items of the list it opens ("… clauses 4 to 10:"), of the list it holds
    ("… four functions: Govern, Map, Measure and Manage."), or the sentences after it that it announces (see
    `_announced`)."""
    return _listed_items(candidate, passages, len(passages[candidate.passage_index].text)) \
        or inline_items(_whole(candidate, passages)) or _announced(candidate, passages, question, number_words)


def _announced(candidate: Candidate, passages: list[Passage], question: str, number_words: Mapping[str, int]) -> list[str]:
    """The sentences a short sentence announces by naming their number and what the question asks for ("Two tactics
    are unique to ATLAS." for "Which tactics …?"): as many as it names, those that follow it in its passage; [] when
    it announces none or the passage holds fewer."""
    passage = passages[candidate.passage_index]
    following = passage_items(passage.text, posting_reference(passage.metadata))[candidate.position + 1:]
    count = _announcing(candidate.text, question, number_words)
    return [text for text, _ in following[:count]] if 1 < count <= len(following) else []


def _announcing(sentence: str, question: str, number_words: Mapping[str, int]) -> int:
    """How many things of what the question asks for a short sentence announces ("Two tactics are unique to ATLAS."
    announces two for "Which tactics …?"); 0 for a sentence announcing none."""
    words = sentence.rstrip(".").split()
    if len(words) > ANNOUNCING_WORDS or sentence.endswith(":"):
        return 0
    asked = set(lexical_tokens(question))
    return next((_number(word, number_words) for position, word in enumerate(words)
                 if _number(word, number_words) and asked & set(lexical_tokens(" ".join(words[position + 1:position + 3])))), 0)


def gives_members(passage: Passage, question: str, number_words: Mapping[str, int]) -> bool:
    """Whether a passage names members of the set a question asks for ("Which tactics …?"): a sentence announcing
    them by their number ("Two tactics are unique to ATLAS.", the sentences after it naming them, see `_announced`),
    or opening a list, or holding one, in words naming the set ("The 16 ATLAS matrix tactics are Reconnaissance, …");
    not one that only describes them ("ATLAS adds AI-specific tactics … that have no ATT&CK equivalent")."""
    sets = _asked_sets(question)
    items = passage_items(passage.text, posting_reference(passage.metadata), limit=len(passage.text))
    for position, (text, _) in enumerate(items):
        opening, listed = inline_list(text)
        names_set = bool(sets & set(lexical_tokens(opening if listed else text)))
        count = _announcing(text, question, number_words)
        if names_set and (listed or text.endswith(":") and position + 1 < len(items)
                          or 1 < count <= len(items) - position - 1):
            return True
    return False


def _asked_sets(question: str) -> set[str]:
    """The stems of the plural nouns a question asks for members of ("Which areas …?", "which tactics …"): a word
    whose stem drops its "s", so a name typed in lower case is none ("mitre atlas")."""
    words = [word.strip(string.punctuation) for word in question.split()]
    return {stem for word in words if word.islower() and len(word) > 4 and word.endswith("s") and not word.endswith("ss")
            for stem in lexical_tokens(word) if stem != word}


def _number(word: str, number_words: Mapping[str, int]) -> int:
    """The number a word writes, in digits or as one of `number_words` ("Two", "10?"); 0 for any other word."""
    word = word.strip(string.punctuation).lower()
    return int(word) if word.isdigit() else number_words.get(word, 0)


def _whole(candidate: Candidate, passages: list[Passage]) -> str:
    """A candidate sentence as its passage holds it, however long (a list of members is quoted whole); the aside
    was taken from a question (see `answer_material`) stays as it is."""
    passage = passages[candidate.passage_index]
    whole = passage_items(passage.text, posting_reference(passage.metadata),
                          limit=len(passage.text))[candidate.position][0]
    return whole if answer_material(whole) == whole else candidate.text


def answer_material(sentence: str) -> str | None:
    """What of a passage's sentence an answer may quote: nothing of one that is itself a question ("How would you
    report a jailbreak that succeeds 3 times in 100 attempts?" asks, it answers nothing), but the statement in the
    aside that follows a quoted question ("… What do you advise?" (Article 5 prohibits emotion recognition in
    workplaces …)), nor of one wholly in quotes, a task set as an example ("Design a red-team plan for …"); the
    sentence itself otherwise."""
    text = sentence.strip()
    asked = max(text.rfind('?" ('), text.rfind("?” ("), text.rfind("? ("))
    if asked >= 0 and text.endswith(")") and text[:1] in "\"“":  # a quoted question, then its aside
        aside = text[text.index("(", asked) + 1:-1].strip()
        return aside if aside.endswith((".", "!")) and aside[:1].isupper() else None
    quoted = text[:1] in "\"“" and text[-1:] in "\"”" and len(text) > 2
    return None if quoted or text.rstrip("\"”’' ").endswith("?") else sentence


def _answer_material(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates an answer may quote, as it may quote them (see `answer_material`): a sentence that is itself a
    question (an interview question) answers nothing; the statement in the aside after a quoted question stands for it."""
    return [replace(c, text=material) for c in candidates for material in [answer_material(c.text)] if material]


def _or(first: Answers | None, second: Answers) -> Answers:
    """A sentence answers when either test says so (`first` may be absent)."""
    return second if first is None else lambda text, index: first(text, index) or second(text, index)


def _listed_items(lead: Candidate, passages: list[Passage], limit: int, continues: bool = False) -> list[str]:
    """The list items that follow a lead sentence opening a list ("NIST AI 600-1 identifies 12 risks:"), in order;
    when the lead `continues` into a list (the sentence after it in its passage opens one: "… becomes the de facto AI
    governance lead, working with legal and privacy. Typical AI oversight tasks are:"), that sentence, then its items."""
    passage = passages[lead.passage_index]
    items = passage_items(passage.text, posting_reference(passage.metadata))[lead.position + 1:]
    opener: list[str] = []
    if not lead.text.endswith(":"):
        if not (continues and items and items[0][1] == "prose" and items[0][0].endswith(":")):
            return []
        opener, items = [items[0][0]], items[1:]
    listed = []
    for text, kind in items[:limit - len(opener)]:
        if kind not in ("step", "option"):
            break
        listed.append(text)
    return [*opener, *listed] if listed else []


def _clause_evidence(candidates: list[Candidate], query_vector: np.ndarray, embed: Callable[[list[str]], np.ndarray]) -> float:
    """The best match of a clause (a part between semicolons or brackets) of a long sentence: an answer in an aside,
    "(the fast gradient sign method introduced by Goodfellow ... in December 2014)", is evidence too."""
    clauses = [part.strip() for c in candidates for part in c.text.replace("(", ";").replace(")", ";").split(";")
               if len(part.strip()) >= MIN_CLAUSE_CHARS and len(part.strip()) < len(c.text) - 2]
    return float(np.max(embed(clauses) @ query_vector)) if clauses else 0.0


def _with_posting_references(chosen: list[Candidate], passages: list[Passage], question: str) -> list[tuple[str, list[int]]]:
    """The chosen sentences, each posting quoted (from any of its passages) also named once by its short reference:
    after the lead, else before the posting's first sentence; a posting the question names by its company also with
    what it asks for."""
    references = {c.passage_index: posting_reference(passages[c.passage_index].metadata) for c in chosen}
    named = {passages[c.passage_index].metadata.get("doc_id") for c in chosen if c.text == references[c.passage_index]}
    sentences: list[tuple[str, list[int]]] = []
    for position, candidate in enumerate(chosen):
        index, reference = candidate.passage_index, references[candidate.passage_index]
        posting = passages[index].metadata.get("doc_id")
        quoted = [(candidate.text, [index])]
        if reference and posting not in named:
            named.add(posting)
            quoted = quoted + [(reference, [index])] if position == 0 else [(reference, [index])] + quoted
        if candidate.text == reference and names_company(question, passages[index].metadata):
            quoted += [(text, [index]) for text, kind in passage_items(passages[index].text, reference)
                       if kind == "requirements" and text not in {c.text for c in chosen}]
        sentences.extend(quoted)
    return sentences


def _weighted_overlaps(question: str, sentences: list[str], equivalents: Collection[frozenset[str]] = ()) -> list[float]:
    """Each sentence's share of the question's words, each weighted by how few of the sentences hold it: the words of
    the topic, in every retrieved sentence, tell them apart less than the detail asked about ("… a checklist?"). A
    sentence holds an asked word also by one of its `equivalents` ("flaky" by "non-deterministic")."""
    asked = set(lexical_tokens(question))
    held = [_said(asked, set(lexical_tokens(sentence)), equivalents) for sentence in sentences]
    holding = {t: sum(t in tokens for tokens in held) for t in asked}
    weight = {t: 1 + math.log((len(held) + 1) / (1 + n)) for t, n in holding.items() if n}  # smoothed; no sentence: no help
    total = sum(weight.values())
    return [sum(weight.get(t, 0.0) for t in asked & tokens) / total if total else 0.0 for tokens in held]


def _share(asked: set[str], held: set[str], equivalents: Collection[frozenset[str]]) -> float:
    """The share of the asked words a sentence holds, itself or by a word that says the same."""
    return len(_said(asked, held, equivalents)) / len(asked) if asked else 0.0


def _said(asked: set[str], held: set[str], equivalents: Collection[frozenset[str]]) -> set[str]:
    """The asked words a sentence holds, itself or by a word that says the same (one of `equivalents`)."""
    return {word for word in asked if word in held or any(word in group and group & held for group in equivalents)}


def _with_subject(sentence: str, passage: Passage, refers_back: set[str]) -> str:
    """The text a sentence is scored by: a sentence that refers back ("Its root causes are …") with its section's
    heading ("LLM03:2026 Excessive Agency"), the subject it continues; any other sentence (an acronym in capitals
    such as "IT" is no back-reference) as it is."""
    section = str(passage.metadata.get("section") or "")
    opening = sentence.split(maxsplit=1)[0] if sentence.strip() else ""
    refers = not is_acronym(opening) and opening.lower() in refers_back  # "It" refers back; "IT auditors" does not
    return f"{section}: {sentence}" if section and refers else sentence


def names_company(question: str, metadata: dict) -> bool:
    """Whether the question names the company of the posting with this metadata."""
    company = str(metadata.get("company") or "").casefold()
    return bool(company) and company in question.casefold()


def _candidates(question: str, query_vector: np.ndarray, passages: list[Passage],
                embed: Callable[[list[str]], np.ndarray], aspect: str | None = None,
                answers: Answers | None = None, refers_back: Collection[str] = (),
                asking: str | None = None, equivalents: Collection[frozenset[str]] = ()) -> list[Candidate]:
    """The passages' sentences scored against the question: the MAX_EMBEDDED that share most of its words (a word
    shared through one of its `equivalents` counts: "flaky" is held by "non-deterministic"), and every one that
    `answers` it whatever words it uses ("prohibited practices … EUR 35 million" for "banned AI"); each sentence's
    `leading` weighs the words of the `asking` part (the whole question when None)."""
    question_tokens = set(lexical_tokens(question))
    back = {word.lower() for word in refers_back}
    rows = [(i, position, sentence, facts if kind == "posting" else _with_subject(sentence, passage, back))
            for i, passage in enumerate(passages)
            for facts in [posting_facts(passage.text, passage.metadata)]
            for position, (sentence, kind) in enumerate(passage_items(passage.text, posting_reference(passage.metadata),
                                                                      question_tokens))]
    if not rows:
        return []
    shares = [_share(question_tokens, set(lexical_tokens(scored)), equivalents) for *_, scored in rows]
    keep = sorted(range(len(rows)), key=lambda r: -(shares[r] + RANK_WEIGHT / (1 + rows[r][0]) + (rows[r][1] == 0) * 0.05))
    answering = [r for r in keep[MAX_EMBEDDED:] if answers and answers(rows[r][2], rows[r][0])][:MAX_ANSWERING]
    keep = sorted({*keep[:MAX_EMBEDDED], *answering})
    weighted = _weighted_overlaps(asking or question, [rows[r][3] for r in keep], equivalents)  # among those kept
    rows, shares = [rows[r] for r in keep], [shares[r] for r in keep]
    vectors = embed([scored for *_, scored in rows])  # a posting's reference is scored by all its fields
    semantic = vectors @ query_vector
    ranking = semantic if aspect is None else vectors @ embed([aspect])[0]
    candidates = []
    for (i, position, sentence, _), vector, similarity, relevance, share, detail in zip(rows, vectors, semantic, ranking,
                                                                                          shares, weighted):
        base = SEMANTIC_WEIGHT * float(relevance) + RANK_WEIGHT / (1 + i)
        candidates.append(Candidate(sentence, i, position, float(similarity), base + LEXICAL_WEIGHT * share, vector,
                                    base + LEXICAL_WEIGHT * detail))
    # a sentence scored with its section's subject continues its passage: it ranks no higher than the passage's own best
    referring = [_with_subject(c.text, passages[c.passage_index], back) != c.text for c in candidates]
    own_best: dict[int, tuple[float, float]] = {}
    for c, refers in zip(candidates, referring):
        if not refers:
            best = own_best.get(c.passage_index, (c.score, c.leading))
            own_best[c.passage_index] = (max(best[0], c.score), max(best[1], c.leading))
    return [replace(c, score=min(c.score, own_best.get(c.passage_index, (c.score,))[0]),
                    leading=min(c.leading, own_best.get(c.passage_index, (0.0, c.leading))[1])) if refers else c
            for c, refers in zip(candidates, referring)]

