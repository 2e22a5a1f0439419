"""Draft a quoted answer: lead with the sentence of the asked-for kind, follow the guidance section of the asked kind
item by item; say what kind of answer is missing when none is found."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Callable

import numpy as np

from app.answer_type import (AnswerNeed, answer_need, asked_types, asks_only_yes_or_no, earliest_date, equivalent_stems, event_fit,
                              has_phrase, holds_answer, largest_value, mentions, question_words, quoted_term, refines_date, says_not_happened,
                              states_unknown, topic_fit, topic_stems)
from app.coverage import asked_terms, asker_setting, asking_text, ranking_part
from app.duties import duty_items
from app.extractive import Answers, Draft, cited_items, draft_extractive, gives_members, names_company
from app.guidance import (asked_clauses, asked_kinds, asker_backgrounds, asker_families, asks_about_postings, asks_advice,
                          asks_duties, asks_order, counterpart_first, focus_words, guidance_items, has_covered_target,
                          section_items, without_held)
from app.list_intro import introduced_list
from app.need_first import need_statement_first
from app.posting_heads import with_posting_heads
from app.process_steps import asks_process, process_items
from app.sentences import (as_held, item_clause, passage_items, posting_reference, quoted_sentences, split_sentences,
                           without_conjunction)
from app.types import Passage
from ingest.lexical import lexical_tokens
from ingest.snapshot import Snapshot

GUIDANCE_ITEMS_PER_SENTENCE = 2  # a guidance answer gives up to twice the usual sentences: a plan is longer than a fact


@dataclass(frozen=True)
class AnswerDraft:
    """The drafted sentences over `passages` (which may add a guidance section's chunks), the kind of answer
    the question asks for (`asks_for`, e.g. "a date"), whether no sentence gave it (`lacking`), and whether the
    lead gives it about every subject the question names (`typed`: evidence of its own, whatever the similarity);
    `followed` are the chunks of the guidance section the answer follows, which the guidance step ranks first;
    `unknown` a sentence (with its passage's index) saying the asked value is not known, quoted with the refusal;
    `unanswered` the kind of answer one part of a question asks for that no sentence gives, while the draft answers
    its other part ("what should I study first, and how many hours a week?")."""

    draft: Draft
    passages: list[Passage]
    asks_for: str | None = None
    lacking: str | None = None
    typed: bool = False
    followed: tuple[Passage, ...] = ()
    unknown: tuple[str, int] | None = None
    unanswered: str | None = None


def asker_kind(question: str, lexicon: dict[str, Any]) -> Answers | None:
    """Whether a sentence names the kind of asker the question tells of (lexicon `asker_kinds`: "we're a 30-person
    startup" of the "small and medium-sized enterprises, including start-ups"), a rule setting their own figure, not
    one saying its scope is unconfirmed (lexicon `currency.unconfirmed_markers`); None when it tells of none."""
    folded = question_words(question)
    named = [w for spec in lexicon["asker_kinds"] if any(has_phrase(folded, t) for t in spec["told"]) for w in spec["named"]]
    unconfirmed = lexicon["currency"]["unconfirmed_markers"]

    def names_kind(sentence: str, index: int) -> bool:
        words = question_words(sentence)
        return any(has_phrase(words, w) for w in named) and not any(has_phrase(words, m) for m in unconfirmed)
    return names_kind if named else None


def _either(first: Answers | None, second: Answers | None) -> Answers | None:
    """Whether a sentence answers by either test (None: no test)."""
    if first is None or second is None:
        return first or second
    return lambda sentence, index: first(sentence, index) or second(sentence, index)


def draft_answer(question: str, query_vector: np.ndarray, passages: list[Passage], embed: Callable[[list[str]], np.ndarray],
                 max_sentences: int, lexicon: dict[str, Any], snapshot: Snapshot, expects: str | None,
                 reserve: list[Passage] | None = None, roles: tuple[str, ...] = (),
                 roles_of: Callable[[str], tuple[str, ...]] = lambda text: (),
                 search: Callable[[str], list[Passage]] = lambda text: [], enough: float | None = None,
                 credentials_of: Callable[[str], tuple[str, ...]] = lambda text: (),
                 aspect: str | None = None, common: Callable[[str], bool] = lambda term: False) -> AnswerDraft:
    """The extractive draft for `question` from its retrieved `passages`; `expects` is the answer type asked for.
    When no sentence of them gives it, the first passage of `reserve` (ranked below them) with one that does joins,
    else the first such passage that `search` finds for the question's subjects alone ("PyRIT", not "job ads").
    `roles` are the role families the question names and `roles_of` reads them from a heading; `enough` is the
    evidence past which clauses need not be embedded (see `draft_extractive`); `credentials_of` names the
    certifications a text names, in order, so that a guidance answer does not lead with those the asker holds;
    `aspect` is a follow-up's own words, which rank the sentences (see `draft_extractive`); `common` tells a short form
    of common words ("HR", human resources: ShortForms.common), which names no subject a sentence must name, as it
    names nothing a passage must mention (coverage.corpus_gap)."""
    covered = has_covered_target(question, roles, lexicon)  # the asker's setting names no subject
    subjects = [term for term in asked_terms(question, lexicon, covered) if not common(term)]
    need = answer_need(question, lexicon, subjects, expects, asking_text(question, lexicon),
                       _reviewed(passages), [p.text for p in passages])

    def answering(need: AnswerNeed, kind: str | None, before: bool) -> Answers:
        def answers(sentence: str, index: int) -> bool:  # not from a passage saying the event has not happened
            context = _context(passages[index], sentence, before, _cut_off(passages[index], snapshot) if before else ())
            return holds_answer(sentence, need, lexicon, context, kind) \
                and not says_not_happened(passages[index].text, need, lexicon, kind, sentence)
        return answers
    parts = [answering(need, kind, True) for kind in need.also]  # a sentence for each further type asked
    kind_named = asker_kind(question, lexicon)  # "we're a 30-person startup": the sentence naming start-ups too, of a
    if kind_named and need:  # passage giving the value asked (the fines' rule, not "Certain SME reliefs are extended …")
        named, valued = kind_named, answering(need, None, False)
        kind_named = lambda sentence, index: named(sentence, index) \
            and any(valued(other, index) for other in quoted_sentences(passages[index]))
    parts += [kind_named] if kind_named else []

    def fit(sentence: str, index: int) -> tuple[float, ...]:  # how many further parts an answering sentence answers too;
        answered = sum(part(sentence, index) for part in parts)  # of a date, then how closely it dates the asked event;
        return (answered, earliest_date(sentence, need, lexicon), event_fit(sentence, need, lexicon)) \
            if need.expects == "date" else (answered, topic_fit(sentence, need, lexicon),  # of a number, its topic,
                                            largest_value(sentence, need, lexicon))  # then the largest, if asked
    postings_lead = asks_about_postings(question, lexicon) or any(names_company(question, p.metadata) for p in passages)
    opening = next((o for o in lexicon["definition_questions"] if question.strip().casefold().startswith(o)), None)
    defined = question.strip()[len(opening):] if opening else None  # "MITRE ATLAS?" of "What is MITRE ATLAS?"
    asked = question_words(ranking_part(question, lexicon))  # an aspect of the subject: its causes, mitigations …
    yes_or_no = asks_only_yes_or_no(asking_text(question, lexicon), lexicon)  # "is it still the latest?"
    aspect_held = [phrase for spec in lexicon["asked_aspects"].values() if spec.get("polar") or not yes_or_no
                   if any(has_phrase(asked, a) for a in spec["asks"]) for phrase in spec["held"]]

    enumerates = any(has_phrase(question_words(asking_text(question, lexicon)), ask)  # not the setting's words:
                     for ask in lexicon["members_asks"])  # "I know ATT&CK well. Which tactics …?"
    if enumerates and not need.expects:  # which members: a passage naming them joins when none retrieved does
        passages = _members_passage(passages, reserve or [], question, lexicon)

    def drafted(answers: Answers | None) -> Draft:
        draft = draft_extractive(question, query_vector, passages, embed, max_sentences, answers, bool(need.subjects),
                                postings_lead, parts, enough, aspect,
                                [*lexicon["posting_nouns"]["any"], *lexicon["question_function_words"]],
                                _either(answering(need, None, False) if need else None, kind_named),  # the pre-rank
                                # keeps what answers alone
                                lexicon["back_references"], defined,
                                enumerates,
                                lexicon["query_number_words"],
                                ranking_part(question, lexicon),
                                asks_advice(question, lexicon),  # what to do or how it changes: the list of ways
                                any(has_phrase(question_words(question), w) for spec in lexicon["guidance_kinds"].values()
                                    for w in spec.get("lists_asked", ())),  # example questions asked for
                                aspect_held, fit, equivalent_stems(lexicon), yes_or_no)
        conjunctions = lexicon["clause_conjunctions"]
        return replace(draft, sentences=[(without_conjunction(text, conjunctions), cited) for text, cited in draft.sentences])
    for precision in [need, replace(need, exact=False)] if need.exact else [need]:  # the day, then a month or year
        need = precision
        answers = answering(need, None, False) if need else None
        draft = drafted(answers)
        if need and (not draft.answered or need.expects == "date"):  # then a sentence whose subject an earlier sentence
            wider = answering(need, None, True)  # of its passage names; for a date, one dating the asked event closer
            further = drafted(wider)  # ("CISSP (ISC2). … ISC2 shortened that list…")
            if not draft.answered or further.answered and _dates_closer(further, draft, need, lexicon):
                answers, draft = wider, further
        if draft.answered:
            draft = _to_the_day(draft, passages, need, lexicon)
            break
    quoted = quoted_term(question)  # 'Saw the term "slopsquatting" …'
    term = need.identifier() or quoted  # "what is AML.TA0001 called now?", 'the term "slopsquatting"'
    if not need and term and not aspect_held:  # a sentence naming the identifier or the quoted term leads, unless an
        # aspect of it is asked ("where was LLM03:2026 ranked in the edition before that?": what it was, see `asked_aspects`)
        naming = drafted(lambda sentence, index: mentions(sentence, term))
        draft = naming if naming.answered else draft
    deeper = _answering_passage(reserve or [], need, lexicon) if need and need.subjects and not draft.answered else None
    if need and need.subjects and not draft.answered and deeper is None:
        deeper = _answering_passage(search(" ".join(need.subjects)), need, lexicon)
    if deeper is not None:
        passages = [*passages, deeper]
        draft = drafted(answers)
    asks_for, unanswered = need.missing(lexicon) if need else None, None
    if not draft.answered and not (need and not need.occurred and _asks_untyped_part(question, lexicon)):  # an event
        # no passage records leaves no part to answer ("Which company got the first fine …, and how much was it?")
        return AnswerDraft(draft, passages, asks_for, asks_for, unknown=_stated_unknown(passages, need, lexicon))
    asked = need  # the question's need, whose subjects and topic an "unconfirmed" lead is read against
    if not draft.answered:  # the part asking no typed value is answered; the refusal names what the other lacks
        need, unanswered = AnswerNeed(None), asks_for
        draft = drafted(None)
    about = replace(asked, expects=None, also=())  # the first sentence about the asked subjects says only "unconfirmed"
    lead, cited = next(((s, c) for s, c in draft.sentences if holds_answer(s, about, lexicon, _context(passages[c[0]], s, False))),
                       ("", [0]))
    if not need.expects and lead and not yes_or_no \
            and states_unknown(lead, asked, lexicon, every=True):  # "its exam details are unconfirmed": no domains, nor
        # what the exam's other part asks ("How many questions does the AAIR exam have, and what do you need before…?")
        unconfirmed = lexicon["currency"]["unconfirmed_names"]
        return AnswerDraft(draft, passages, unconfirmed, unconfirmed, unknown=(lead, cited[0]))
    asked_credentials = credentials_of(asking_text(question, lexicon))
    kinds, followed = asked_kinds(question, lexicon, bool(asked_credentials)), ()
    steps = process_items(question, passages, snapshot, lexicon, max_sentences) \
        if not need and asks_process(question, lexicon) else []
    if steps:  # how a process goes: the sentence giving its steps leads, its section following (no guidance kind)
        draft, passages = _items_draft(draft, passages, steps)
        followed, kinds = tuple({chunk.chunk_id: chunk for _, chunk in steps}.values()), set()
    duties = duty_items(question, passages, snapshot, lexicon, roles, roles_of, max_sentences) \
        if not need and not kinds and not steps and asks_duties(question, lexicon) else []  # the skills asked for, not a duty
    if duties:  # what the party the asker names must do: the sentence stating it leads, its section following
        draft, passages = _items_draft(draft, passages, duties)
        followed = tuple({chunk.chunk_id: chunk for _, chunk in duties}.values())
    if draft.sentences and kinds:  # a kind asked of the target role (`of_target`: its skills) is that role's own
        targets = roles if any(lexicon["guidance_kinds"][k].get("of_target") for k in kinds) else ()
        items = guidance_items(query_vector, kinds, passages, roles, roles_of, embed, snapshot, lexicon,
                               max_sentences * GUIDANCE_ITEMS_PER_SENTENCE, asker_backgrounds(question, lexicon, targets),
                               focus_words(question, lexicon), credentials_of, asked_credentials,
                               asker_backgrounds(asker_setting(question, lexicon), lexicon, targets),
                               asker_families(question, lexicon), focus_words(question, lexicon, whole=True),
                               asks_order(question, lexicon))
        held = credentials_of(asker_setting(question, lexicon))
        items = without_held(items, held, credentials_of)
        sections = tuple({chunk.chunk_id: chunk for _, chunk in items}.values())  # what the answer follows
        if "certifications" in kinds:  # the credential that builds on one the asker holds leads (retrieved, if not theirs)
            items = counterpart_first(items, passages, held, credentials_of, lexicon)
        if items and (not need or holds_answer(items[0][0], replace(need, subjects=()), lexicon)):
            draft, passages = _items_draft(draft, passages, items)  # it leads with a value of the type asked for, if any
            followed = sections
    stated = False  # "…or do I need to learn X first?": the sentence saying what X is needed for leads
    if not followed:
        draft, stated = need_statement_first(draft, passages, question, lexicon, subjects)
    introduced: tuple[Passage, ...] = ()
    if not followed and not stated:  # a list's item quoted with its opener or the prose before it: the whole list, in
        # order; not the list a need statement belongs to ("You don't have to compute gradients…" answers whether the
        # maths is needed, not which lessons the paper gives)
        draft, passages, introduced = introduced_list(draft, passages, snapshot,
                                                      max_sentences * GUIDANCE_ITEMS_PER_SENTENCE, question)
        followed = introduced
    if not followed and asks_advice(question, lexicon):  # the advice's list, also where the next chunks hold it
        draft, passages = _list_continued(draft, passages, snapshot, max_sentences * GUIDANCE_ITEMS_PER_SENTENCE)
    lead, cited = draft.sentences[0] if draft.sentences else ("", [0])
    if lexicon["answer_types"].get(need.expects or "", {}).get("one_item") and not followed:
        draft = _item_first(draft, passages, need, lexicon)  # lead with the asked item, not the whole list that holds it
        lead = draft.sentences[0][0]
    if not followed or introduced:  # "…, and which tools scan model files?": a further part asking for no typed value,
        draft, passages = _parts_answered(draft, question, passages, embed, search, lexicon)  # its own sentence
    typed = bool(need.expects and need.subjects and holds_answer(lead, need, lexicon, _context(passages[cited[0]], lead, False))) \
        or bool(not need and quoted and quoted == term and mentions(lead, term))  # the quoted term's sentence
    draft, passages = with_posting_heads(draft, passages, snapshot)
    return AnswerDraft(draft, passages, asks_for, typed=typed, followed=followed, unanswered=unanswered)


def _members_passage(passages: list[Passage], reserve: list[Passage], question: str,
                     lexicon: dict[str, Any]) -> list[Passage]:
    """The passages, and the first of `reserve` (ranked below them) naming members of the set the question asks for
    when none of them does (see `gives_members`): "Which ATLAS tactics have no ATT&CK counterpart?" is answered by
    the passage naming the two ("Two tactics are unique to ATLAS. AI Model Access …"), not by one retrieved above it
    that only describes them ("ATLAS adds AI-specific tactics … that have no ATT&CK equivalent")."""
    numbers = lexicon["query_number_words"]
    if any(gives_members(p, question, numbers) for p in passages):
        return passages
    naming = next((p for p in reserve if gives_members(p, question, numbers)), None)
    return passages if naming is None else [*passages, naming]


def _item_first(draft: Draft, passages: list[Passage], need: AnswerNeed, lexicon: dict[str, Any]) -> Draft:
    """The draft whose lead, a list sentence, is cut to the item giving the one thing asked (the asked entry, else the
    first item between semicolons holding the answer by itself and naming a subject asked of, if any: "… NVIDIA's garak
    LLM vulnerability scanner …"; read in the sentence as its passage holds it, so an item past where a long sentence
    was clipped counts: "… Inspect, the evaluation framework of the UK AI Security Institute …"), the list's other items
    following it as a quote of their own (none after an entry, whose list is the ranking asked about)."""
    (lead, cited), *rest = draft.sentences
    entry = need.entry()
    passage = passages[cited[0]]
    whole = as_held(lead, passage.text, posting_reference(passage.metadata))  # the item may lie past where it was clipped
    if not entry and "; " not in whole:  # a list of named things is marked by semicolons; commas part clauses too
        return draft
    cut, others = item_clause(whole, (lambda item: entry in item) if entry else lambda item: _item_fit(item, need, lexicon))
    if others is None:  # no item holds the answer: the lead as it was quoted
        return draft
    return replace(draft, sentences=[(cut, cited), *([(others, cited)] if others and not entry else []), *rest])


def _item_fit(item: str, need: AnswerNeed, lexicon: dict[str, Any]) -> tuple[int, ...]:
    """How well a list item answers by itself: it holds the answer and names the question's subjects (how many), else,
    the question naming none, shares words of its topic (how many: "promptfoo … part of OpenAI … announced" for "who
    bought promptfoo and when was that announced?", not "Microsoft's PyRIT"); () when it does not answer."""
    if not holds_answer(item, need, lexicon):
        return ()
    named = sum(mentions(item, subject) for subject in need.subjects)
    shared = len(need.topic & set(lexical_tokens(item)))
    return (named, shared) if named or shared and not need.subjects else ()


def _parts_answered(draft: Draft, question: str, passages: list[Passage], embed: Callable[[list[str]], np.ndarray],
                    search: Callable[[str], list[Passage]], lexicon: dict[str, Any]) -> tuple[Draft, list[Passage]]:
    """The draft with, right after its lead, a sentence for each further clause of the question about a subject of its
    own ("Which OWASP LLM entries cover supply chain and poisoning, and which tools scan model files?"): the lead of that
    clause asked alone, of the passages or of those `search` finds for it (then added to the passages), unless the
    draft quotes it already. Not a clause asking yes or no, nor one pointing back ("and when did NIST put it out?",
    whose typed value `draft_extractive`'s `parts` give), which the lead's subject answers."""
    asker = lexicon["asker"]
    clauses = [c for s in split_sentences(asking_text(question, lexicon)) for c in asked_clauses(s, lexicon)]
    quoted, added = [text for text, _ in draft.sentences], []
    for clause in clauses[1:]:
        words = question_words(clause).replace("^", " ").split()
        if not words or words[0] in asker["polar_openers"] \
                or set(words) & set(asker["pointing_words"]) or len(topic_stems(clause)) < 2:
            continue
        ids = {p.chunk_id for p in passages}
        found = [*passages, *(p for p in search(clause) if p.chunk_id not in ids)]
        own = draft_extractive(clause, embed([clause])[0], found, embed, 1,
                               generic_words=[*lexicon["posting_nouns"]["any"], *lexicon["question_function_words"]],
                               refers_back=lexicon["back_references"],
                               enumerates=any(has_phrase(question_words(clause), a) for a in lexicon["members_asks"]),
                               number_words=lexicon["query_number_words"], asking=clause).sentences[:1]
        if not own or any(own[0][0] in text or text in own[0][0] for text in quoted):
            continue
        (text, (index, *_)), = own
        if index >= len(passages):
            passages, index = [*passages, found[index]], len(passages)
        added.append((text, [index]))
        quoted.append(text)
    return (replace(draft, sentences=[draft.sentences[0], *added, *draft.sentences[1:]]) if added else draft), passages


def _to_the_day(draft: Draft, passages: list[Passage], need: AnswerNeed, lexicon: dict[str, Any]) -> Draft:
    """A date's lead giving the asked date only to the month follows the sentence (quoted, else of a retrieved passage)
    that gives it to the day and dates the asked event as closely (see `refines_date`, `event_fit`): "NIST released …
    on 26 July 2024" before "In July 2024 NIST released the Generative AI Profile…"; so does, in its place, the
    sentence answering a further part asking for a date ("How many risks does it list, and when did NIST put it
    out?"); not for a question naming no subject, whose date is of what the conversation set."""
    dated = need if need.expects == "date" else replace(need, expects="date", also=()) if "date" in need.also else None
    if dated is None or not need.subjects or not draft.sentences:
        return draft
    at = 0 if dated is need else next((n for n, (text, cited) in enumerate(draft.sentences) if n and holds_answer(
        text, dated, lexicon, _context(passages[cited[0]], text))), None)
    if at is None:
        return draft
    given = draft.sentences[at][0]
    retrieved = [(text, [index]) for index, passage in enumerate(passages)
                 for text in quoted_sentences(passage)]
    day = next((quoted for quoted in [*draft.sentences[at + 1:], *retrieved] if refines_date(quoted[0], given, dated, lexicon)
                and holds_answer(quoted[0], dated, lexicon, _context(passages[quoted[1][0]], quoted[0]))
                and event_fit(quoted[0], dated, lexicon) >= event_fit(given, dated, lexicon)), None)
    if day is None:
        return draft
    rest = [s for s in draft.sentences if s[0] != day[0]]
    return replace(draft, sentences=[day, *rest] if at == 0 else [*rest[:at], day, *rest[at + 1:]])


def _dates_closer(draft: Draft, other: Draft, need: AnswerNeed, lexicon: dict[str, Any]) -> bool:
    """Whether the lead of `draft` dates the asked event more closely than the lead of `other` (see `event_fit`)."""
    return event_fit(draft.sentences[0][0], need, lexicon) > event_fit(other.sentences[0][0], need, lexicon)


def _asks_untyped_part(question: str, lexicon: dict[str, Any]) -> bool:
    """Whether the question's asking part asks, in a clause of its own opening with a question word, for no typed
    value beside a clause asking for one ("what should I study first, and how long will it take?"); not a clause that
    only sets the scene ("For ISACA's AAISM, how much time…"), nor one asking yes or no ("does the CSA offer an AI
    certificate?"), which a passage near the question does not answer."""
    asker = lexicon["asker"]
    openers = [o for o in asker["question_openers"] if o not in asker["polar_openers"]]
    clauses = [c for s in split_sentences(asking_text(question, lexicon)) for c in asked_clauses(s, lexicon)]
    return any(asked_types(c, lexicon) for c in clauses) and any(
        not asked_types(c, lexicon) and question_words(c).split()[1:2] in ([o] for o in openers) for c in clauses)


def _answering_passage(reserve: list[Passage], need: AnswerNeed, lexicon: dict[str, Any]) -> Passage | None:
    """The first passage of `reserve` with a sentence that gives what `need` asks about every subject it names."""
    return next((p for p in reserve if not says_not_happened(p.text, need, lexicon)
                 and any(holds_answer(s, need, lexicon, _context(p, s, False))
                         for s in quoted_sentences(p))), None)


def _stated_unknown(passages: list[Passage], need: AnswerNeed, lexicon: dict[str, Any]) -> tuple[str, int] | None:
    """The first sentence of `passages` about the question's subjects that says the asked value is not known or the
    asked event has not happened ("no announced publication date"), with its passage's index."""
    about = replace(need, expects=None, also=())
    return next(((s, i) for i, p in enumerate(passages) for s in quoted_sentences(p)
                 if states_unknown(s, need, lexicon) and holds_answer(s, about, lexicon, _context(p, s, False))), None)


def _reviewed(passages: list[Passage]) -> str:
    """The ISO date the retrieved documents were last checked (today when none says): what is planned comes after it."""
    return max((p.metadata["reviewed"] for p in passages if p.metadata.get("reviewed")), default=dt.date.today().isoformat())


def _context(passage: Passage, sentence: str, before: bool = True, cut_off: tuple[str, ...] = ()) -> str:
    """What a sentence of `passage` continues: its title and section, and (`before`) the passage's sentences
    before it, which may name what "The exam has 90 questions" is about, or for its first sentence those of its
    section that a chunk boundary `cut_off` (see `_cut_off`); not a posting's requirements ("Skills: …
    Certifications: OSCP."), which name what it asks of a candidate: "The team — four people" after them counts no
    OSCP holders. Only the first sentence continues the cut: a later one has the passage's own sentences before it
    ("NIST's AI standards work is led by CAISI, the name given in June 2025…" dates no Cyber AI Profile)."""
    items = passage_items(passage.text, posting_reference(passage.metadata)) if before else []
    sentences = [text for text, _ in items]
    earlier = [text for text, kind in items[:sentences.index(sentence)] if kind != "requirements"] if sentence in sentences else []
    return " ".join([passage.metadata.get("context", ""), *(earlier or cut_off)])


def _cut_off(passage: Passage, snapshot: Snapshot) -> tuple[str, ...]:
    """The sentences of a document passage's section that the chunk before it holds: a chunk boundary may cut a list
    item or a paragraph after the sentence naming its subject ("Secure SDLC: … NIST's Secure Software Development
    Framework (SSDF) groups…" before a passage opening "The final version of the SSDF is still version 1.1…")."""
    items = section_items(snapshot, passage.metadata.get("doc_id"), passage.metadata.get("section", ""))
    first = next((n for n, (_, _, chunk) in enumerate(items) if chunk.chunk_id == passage.chunk_id), 0)
    previous = items[first - 1][2].chunk_id if first else None
    return tuple(text for text, _, chunk in items[:first] if chunk.chunk_id == previous)


def _list_continued(draft: Draft, passages: list[Passage], snapshot: Snapshot,
                    limit: int) -> tuple[Draft, list[Passage]]:
    """The draft whose last sentence is an item of a list in the lead's passage followed by the list's further items
    that its section holds in the next chunks ("Certification readiness: …" after "AI inventory and risk assessment:
    …"), in order, each citing its chunk, up to `limit` sentences; the draft unchanged otherwise."""
    if len(draft.sentences) < 2 or draft.sentences[-1][1][:1] != draft.sentences[0][1][:1]:
        return draft, passages
    lead = passages[draft.sentences[0][1][0]]
    items = section_items(snapshot, lead.metadata.get("doc_id"), lead.metadata.get("section", ""))
    end = draft.sentences[-1][0].rstrip(".,;:… ")  # as its chunk holds it: cut where the chunk ends
    last = next((n for n, (text, kind, _) in enumerate(items)
                 if text.startswith(end) and kind in ("step", "option")), None)
    if last is None:
        return draft, passages
    quoted, following = {text for text, _ in draft.sentences}, []
    for text, kind, chunk in items[last + 1:]:
        if kind not in ("step", "option") or len(draft.sentences) + len(following) >= limit:
            break
        following += [] if text in quoted else [(text, chunk)]
    if not following:
        return draft, passages
    extended, added = _items_draft(draft, passages, following)
    return Draft([*draft.sentences, *extended.sentences], draft.evidence, draft.answered), added


def _items_draft(draft: Draft, passages: list[Passage], items: list[tuple[str, Passage]]) -> tuple[Draft, list[Passage]]:
    """The guidance items, each citing its chunk (added to `passages` when it was not retrieved)."""
    quoted, extended = cited_items(passages, items)
    return Draft(quoted, draft.evidence), extended
