"""The kind of answer a question asks for (a date, an amount, a count, a person...), read once, and whether a
sentence holds a value of that kind; the word lists come from the lexicon."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from app.places import countries_named
from app.sentences import is_dash, split_sentences
from app.support import COMMON_CAPITALS, GENERIC_ACRONYMS, fold_words, names_in, numbers_in
from ingest.lexical import lexical_tokens

TOKEN = re.compile(r"[$€£%?^]|[A-Za-z0-9][A-Za-z0-9.,:'’/&+-]*[A-Za-z0-9+]|[A-Za-z0-9]")
LOWER_RUN_MIN = 4  # an acronym spelled out in lower-case words needs this many initials to be told from chance
CAPITAL_RUN_MIN = 3  # in capitalised words, this many ("Cloud Security Alliance" is the CSA; "UK" is no "Using Kubernetes")
RUN_BREAKS = str.maketrans({mark: "\n" for mark in ",;:()[]—–.!?\""})  # a name spelled out runs between these marks
OPENING_WORDS = 3  # a sentence is about the name it opens on within this many words ("The AAISM exam has…")
COUNT_WINDOW = 3  # a count stands at most this many words before the thing counted ("250 poisoned documents")
COUNTED_WORDS = 5  # the thing a "how many" question counts is among this many words after it ("how many Annex III high-risk AI systems")
QUOTED_TERM_WORDS = 3  # a term a question quotes to ask about it is this short ("denial of wallet"), no quoted question
SPELLED_OUT_WORDS = 8  # a name before its acronym in brackets is at most this long ("Advanced in AI Security Management")
GERUND_MIN_LETTERS = 6  # an "-ing" verb ("Trying…"); shorter "-ing" words ("King", "thing") are no verb
NOUN_PHRASE_WORDS = 3  # the noun a wh-question asks for is among its first words ("the OSCP+ renewal fee")


@dataclass(frozen=True)
class AnswerNeed:
    """What a sentence must hold to answer the question: a value of `expects`, and the words of the relation asked
    about (founding, authorship...) and, for a relation bound to a thing ("the very first certificate"), that thing
    (`relation_object`), which the sentence names just after the relation's words; `subjects` are the question's
    names, which the sentence is about (with the acronym an expansion is asked of); `topic` the stems of the
    question's other words (not its type cue), one of which the sentence shares: a duration of the exam, not of a
    certificate's validity; beside further types asked, only those of a part asking for the expected type alone; `also` the further types a question of several parts asks for; `exact` that a date
    must give the day ("on what date", "when exactly"); `after` the ISO date a date must come after, for a planned or
    next thing ("when is the next edition planned?"), in a clause sharing a word of the topic: a date already past
    dates the current edition, a planned review is no edition; `named` the names (see `_own_name`) anywhere in the
    question, its telling sentences too ("NIST wrote a generative AI profile…"): a sentence opening on one of them is
    about the question's matter; `since` that a length of time up to now is asked, which the date it started gives
    ("How long has Microsoft had an AI red team?": since 2018); `until` the ISO date a deadline must come after when
    the time allowed up to it is asked ("How long do we actually have?": from 2 December 2027); `events` the groups
    of phrases naming the event a date is asked of (lexicon `answer_types.date.events`: "put out" is named by "released"); `kind` the words of the kind
    of value asked (lexicon `named_kinds`: "the annual fee" asks a price, which no posting's pay gives), one of which
    the clause giving the value names, and `kind_name` how a refusal names that kind; `relation_thing` the thing a
    relation of a thing is asked of ("who hosts safetensors"), which the answering sentence itself names: a heading
    naming picklescan does not make "…ModelScan is still maintained…" say who maintains picklescan; `possessed` that a
    name owning that thing also gives the relation ("NVIDIA's garak LLM vulnerability scanner" says who makes garak);
    `stressed` the name the question asks of as such ("OWASP itself"), which the answer names on its own (see
    `_names_alone`)."""

    expects: str | None
    relation: tuple[str, ...] = ()
    relation_name: str | None = None
    relation_object: str | None = None
    relation_thing: str | None = None
    counted: str | None = None
    stated: str | None = None  # the count the question gives of another thing ("The AAISM has 90 questions - how many …")
    acronym: str | None = None
    subjects: tuple[str, ...] = ()
    topic: frozenset[str] = frozenset()
    also: tuple[str, ...] = ()
    exact: bool = False
    after: str | None = None
    named: frozenset[str] = frozenset()
    since: bool = False
    until: str | None = None  # the time allowed up to a deadline is asked: a date after this ISO date gives it
    events: tuple[tuple[str, ...], ...] = ()
    kind: tuple[str, ...] = ()
    kind_name: str | None = None
    earliest: bool = False  # the first or original edition's date is asked ("when did the first version come out?")
    possessed: bool = False
    occurred: bool = False  # the value is asked of an event as one that happened (lexicon `occurrence_kinds`)
    largest: bool = False  # the largest value is asked ("what's the most we could be fined?"; lexicon `largest_asks`)
    stressed: str | None = None

    def __bool__(self) -> bool:
        return bool(self.expects or self.relation)

    def identifier(self) -> str | None:
        """An identifier the question names as one word ("AML.TA0001", "CVE-2023-48022"), not a document's number
        ("NIST AI 600-1"), which only places what is asked ("What is confabulation in NIST AI 600-1?")."""
        return next((s for s in self.subjects if _is_identifier(s) and " " not in s), None)

    def entry(self) -> str | None:
        """The identifier of the asked position in a ranked list ("LLM03:2026"), for a question asking for an entry."""
        return next((s for s in self.subjects if _is_identifier(s)), None) if self.expects == "entry" else None

    def missing(self, lexicon: dict[str, Any]) -> str:
        """How a refusal names what no sentence gives: "a date", "who founded it or when", "a count of members"."""
        if self.relation_name:
            return self.relation_name
        if self.after:
            return lexicon["answer_types"]["date"]["future_names"]
        if self.expects == "count" and self.counted:
            return f"a count of {self.counted}"
        if self.kind_name:
            return self.kind_name
        return lexicon["answer_types"][self.expects]["names"]


def expected_answer_type(question: str, lexicon: dict[str, Any], asking: str | None = None) -> str | None:
    """The first answer type (lexicon `answer_types`) the question asks for (see `asked_types`), or None."""
    return next(iter(asked_types(question, lexicon, asking)), None)


def asked_types(question: str, lexicon: dict[str, Any], asking: str | None = None) -> dict[str, list[str]]:
    """Every answer type the question asks for, in lexicon order, with the phrases that ask for it: those of the part
    that asks (`asking`, coverage.asking_text), not of a sentence that tells ("…wrote up lessons from testing 100
    products. How many, and since when?"); those of the whole question when that part asks for none, a request told
    as a sentence ("My boss asked what the worst-case fine is. What's the cap?"), unless that part asks what the asker
    must do or settle (lexicon `duties` … `asks`: "…keep asking who owns security. …what should we sort out before
    signing one?" asks for no agent) or for something other than what it told (lexicon `asker.alternatives`: "My boss
    wants the number of blocked alerts as the headline. What should I show instead?" asks for no count)."""
    if asking is None:
        return _types_in(question, lexicon)
    own = [*lexicon["duties"]["asks"], *lexicon["asker"]["alternatives"]]
    asks_own = any(has_phrase(question_words(asking), p) for p in own)
    return _types_in(asking, lexicon) or ({} if asks_own else _types_in(question, lexicon))


def _types_in(text: str, lexicon: dict[str, Any]) -> dict[str, list[str]]:
    """Every answer type one of whose phrases or asked nouns (`asked_nouns`; for an elided one such as "maximum", the value
    nouns the asker told) `text` holds, with those, in the order the question asks them ("When did NIST publish AI 600-1 and how many risks does it list?" asks a date first),
    lexicon order where two start at one word ("how many dollars" asks an amount, not a count); but for its clauses
    that ask yes or no ("I saw EN ISO/IEC 42001:2026 mentioned - is that a new version of 42001?") or for a guidance
    kind that is `untyped` (lexicon `guidance_kinds`: "who should own this?" asks for a role's duties, not a name),
    nor for a type's phrases in a clause holding one of its `not_asks` ("when does it make sense to…")."""
    untyped = [p for spec in lexicon["guidance_kinds"].values() if spec.get("untyped") for p in spec["asks"]]
    asking = [clause for clause in _clauses(text, lexicon) if not _asks_yes_or_no(clause, lexicon)
              and not any(has_phrase(question_words(clause), p) for p in untyped)]
    folded = " ".join(question_words(clause) for clause in asking)
    nouns = {noun for clause in asking for noun in asked_nouns(clause, lexicon)}
    elided = bool(nouns & set(lexicon["asked_noun"]["elided"]))  # "the fines … are huge. What's the actual maximum?"
    told = set(question_words(text).split()) if elided else set()  # asks a fine: a value told, never a named item
    naming = set(lexicon["identifier_nouns"])
    folded_for = {name: " ".join(question_words(clause) for clause in asking  # "when does it make sense to…" asks
                                 if not any(has_phrase(question_words(clause), p) for p in spec["not_asks"]))  # no date
                  for name, spec in lexicon["answer_types"].items() if spec.get("not_asks")}
    found = {name: [(at, p) for p in spec["asks"] for at in [_value_asked_at(folded_for.get(name, folded), p, naming)]
                    if at is not None]
             + [(_word_at(folded, n), n) for n in spec.get("nouns", ())
                if n in nouns or n in told and not spec.get("one_item")]
             for name, spec in lexicon["answer_types"].items()}
    order = sorted((min(found[name])[0], n, name) for n, name in enumerate(found) if found[name])
    return {name: [p for _, p in found[name]] for *_, name in order}


def _word_at(folded: str, word: str) -> int:
    """Where the question (question_words()) holds `word` first, or its end when it holds it in another form."""
    at = f" {folded} ".find(f" {word} ")
    return at if at >= 0 else len(folded)


def asked_nouns(clause: str, lexicon: dict[str, Any]) -> list[str]:
    """The head nouns of the noun phrases a wh-question's clause asks for, lower-cased: after each opener (lexicon
    `asked_noun.openers`: "what", "how much") and the linking words, articles, numbers and owners ("Microsoft's") that
    follow it (`links`),
    the last word before one that ends the phrase (`ends`: a preposition, an auxiliary, a quantifier; an article; a
    posting noun, `posting_nouns.any`: "which MLSecOps postings pay above…" asks for postings; a number; a name after
    a lower-case word, which opens a clause of its own: "the price OpenAI paid"), when one ends it within
    NOUN_PHRASE_WORDS words, else (a verb follows) any of those words; and the word right after the opener, which
    it determines ("which version introduced it?"). "What was the price OpenAI paid…" asks for a price, "how much is
    the GIAC renewal fee every four years?" for a fee, "the salary trend for…" for a trend, "what does the fee cover?"
    (an auxiliary right after the opener, which stands for the object) for no fee."""
    tokens, parse = TOKEN.findall(clause), lexicon["asked_noun"]
    words = [_bare(t) for t in tokens]
    lowered, stops = [w.lower() for w in words], {*parse["ends"], *parse["links"], *lexicon["posting_nouns"]["any"]}
    nouns = []
    for opened in (i + len(o.split()) for i in range(len(words)) for o in parse["openers"] if lowered[i:i + len(o.split())] == o.split()):
        start = opened  # past links, numbers ("the 2025 salary trend") and an owner ("Anthropic's open-source toolkit")
        while start < len(words) and (_link_at(lowered, start, parse["links"]) or numbers_in(words[start])
                                      or words[start] != tokens[start]):
            start += _link_at(lowered, start, parse["links"]) or 1
        end = next((i for i in range(start, len(words)) if lowered[i] in stops or not words[i][0].isalnum()
                    or numbers_in(words[i]) or i > start and words[i][0].isupper() and words[i - 1].islower()), len(words))
        nouns += lowered[max(start, end - 1):end] if end <= start + NOUN_PHRASE_WORDS else lowered[start:start + NOUN_PHRASE_WORDS]
        nouns += [lowered[start]] if start == opened < end else []  # "which version introduced it?": the opener's noun
    return nouns


def _link_at(lowered: list[str], at: int, links: list[str]) -> int:
    """How many words a linking word or phrase (lexicon `asked_noun.links`: "the", "name of") spans at `at`, or 0."""
    return next((len(link.split()) for link in links if lowered[at:at + len(link.split())] == link.split()), 0)


def _clauses(text: str, lexicon: dict[str, Any]) -> list[str]:
    """The text's sentences, cut at a dash standing as a word and after a word ending in a semicolon, colon or
    question mark (not inside "42001:2026"; "…for its AI products? when did it start…" asks twice), without a clause
    of the asker's setting (see `opens_setting`: "When I red team our chatbot…" up to its comma)."""
    clauses: list[list[str]] = []
    for sentence in split_sentences(text):
        clauses.append([])
        for word in sentence.split():
            if is_dash(word):
                clauses.append([])
                continue
            clauses[-1].append(word)
            if word.endswith((";", ":", "?")):
                clauses.append([])
    told = [next((i + 1 for i, w in enumerate(c) if w.endswith(",")), len(c)) if opens_setting(c, lexicon) else 0
            for c in clauses]
    return [" ".join(clause[cut:]) for clause, cut in zip(clauses, told) if clause[cut:]]


def opens_setting(words: list[str], lexicon: dict[str, Any]) -> bool:
    """Whether the words open with a question word the asker follows (lexicon `asker.subordinating`, `first_person`):
    a clause of the asker's setting ("When I red team our support chatbot…", "When we pentest…"), which asks nothing;
    or with an auxiliary the asker's "-ing" verb follows, its subject "I" left out (`asker.elided_auxiliaries`: "was
    planning to sit the AZ-500…")."""
    opening = question_words(" ".join(words[:2])).split()[1:]
    asker = lexicon["asker"]
    return len(opening) == 2 and (opening[0] in asker["subordinating"] and opening[1] in asker["first_person"]
                                  or opening[0] in asker["elided_auxiliaries"] and is_gerund(opening[1]))


def is_gerund(word: str) -> bool:
    """Whether a word is an "-ing" verb ("Trying", "planning"), not a short word that ends so ("King", "thing")."""
    return word.isalpha() and word.lower().endswith("ing") and len(word) >= GERUND_MIN_LETTERS


def _asking_clauses(text: str, lexicon: dict[str, Any]) -> list[str]:
    """The clauses of `text` (see `_clauses`) that ask, ending in "?" or opening with a question word, when some
    clause does: not one that only tells before a dash ("Microsoft's AI red team wrote up what they learned … — how
    many lessons did they list?" asks for no author)."""
    clauses = _clauses(text, lexicon)
    openers = lexicon["asker"]["question_openers"]
    asking = [c for c in clauses if c.rstrip().endswith("?") or question_words(c).split()[1:2] in ([o] for o in openers)]
    return asking or clauses


def asks_only_yes_or_no(text: str, lexicon: dict[str, Any]) -> bool:
    """Whether every clause of `text` asks yes or no ("Is ModelScan still maintained?"): "it is unconfirmed" answers it."""
    return all(_asks_yes_or_no(clause, lexicon) for clause in _clauses(text, lexicon))


def _asks_yes_or_no(clause: str, lexicon: dict[str, Any]) -> bool:
    """Whether the clause asks yes or no: it opens with a lexicon `asker.polar_openers` word, not before "there" (which
    asks whether a value exists), and holds no other question opener ("is it true what the fine is")."""
    words = question_words(clause).split()[1:]
    openers, polar = lexicon["asker"]["question_openers"], lexicon["asker"]["polar_openers"]
    return bool(words) and words[0] in polar and words[1:2] != ["there"] \
        and not any(w in openers and w not in polar for w in words[1:])


def _value_asked_at(folded: str, phrase: str, naming: set[str]) -> int | None:
    """Where the question (question_words()) holds `phrase` not right after a value of its own nor a noun it names
    (`naming`, lexicon `identifier_nouns`), or None: "a new 2026 version of 42001" names the version it asks about
    (whether it exists), "which version of garak" asks for one; "the regulation number of the Digital Omnibus" asks
    for an identifier, "the number of tactics" for a count."""
    first = f" {fold_words(' '.join(TOKEN.findall(phrase.split('…')[0])))} "
    start = folded.find(first)
    while start >= 0:
        before = folded[:start].split()[-1:]
        if not (before and (numbers_in(before[0]) or before[0] in naming)) and has_phrase(folded[start:], phrase):
            return start
        start = folded.find(first, start + 1)
    return None


def answer_need(question: str, lexicon: dict[str, Any], subjects: list[str], expects: str | None,
                asking: str | None = None, today: str | None = None,
                retrieved: Sequence[str] = ()) -> AnswerNeed:
    """Everything a sentence must hold to answer `question`: the type it `expects` (Query.expects), the relation,
    counted noun or acronym. The further types are read as `asked_types` reads them; the relation and a planned or
    next thing (lexicon `answer_types.date.future_asks`, whose date must come after `today`, an ISO date) only from
    `asking`, the part that asks (the whole question by default): a telling sentence's verb states ("Microsoft's AI
    red team wrote up lessons…" asks for no author, "I'm planning to take AZ-500" for no date to come); the day may be
    asked in one ("need the date for a slide")."""
    folded, asked = question_words(question), question_words(asking or question)
    relating = question_words(" ".join(_asking_clauses(asking or question, lexicon)))  # not a clause that tells
    relation = next((r for r in lexicon.get("answer_relations", []) if any(has_phrase(relating, w) for w in r["asks"])), None)
    if relation and relation.get("possessive") and not _word_after(question, relation["asks"], lexicon):
        relation = None  # "who makes the garak scanner?": a maker of no one-word thing is any agent the sentence names
    types = asked_types(question, lexicon, asking)
    date = lexicon["answer_types"]["date"]
    subjects = tuple(s for s in subjects if not is_type_word(s, lexicon) and not (relation and s in relation["asks"])
                     and not (expects == "date" and s in _told_date(question, types.get("date", []), lexicon)))
    several = len(types) > 1 or len([q for q in question.split("?") if q.strip()]) > 1  # "how many …? which ones …?"
    if several and expects in types:  # of a question of several typed parts or questions, the names of the part
        part = _asking_part(question, types[expects])  # asking for the expected type ("When did NIST release the AI
        subjects = tuple(s for s in subjects if mentions(part, s)) or subjects  # RMF 1.0, and how many functions …?")
    acronym = _acronym(question, lexicon["answer_types"]["expansion"]["asks"]) if expects == "expansion" else None
    thing = _word_after(question, relation["asks"], lexicon) if relation and relation.get("of_thing") else None
    named = _bare_name_of(question, lexicon, expects) or thing \
        or (None if subjects else _lower_case_subject(question, lexicon, retrieved))
    subjects = (*subjects, named) if named and named not in subjects else subjects  # "which version of garak"
    subjects = (*subjects, acronym) if acronym and acronym not in subjects else subjects  # "PyRIT keeps showing up..."
    dated = "date" in (expects, *types)
    future = dated and any(has_phrase(asked, p) for p in date["future_asks"])
    cue_phrases = [p for spec in lexicon["answer_types"].values() for p in (*spec["asks"], *spec.get("nouns", ()))]  # "how long", "fee"
    cue_phrases += date["future_asks"] if future else []  # "next", "planned" ask when, they are no topic
    cue_phrases += date["exact_asks"] if dated else []  # "exact day" asks how precisely, it is no topic
    units = lexicon["answer_types"].get(expects or "", {}).get("units", [])  # the expected type's units: "how many
    cue_phrases += units  # minutes" asks in what unit, it is no topic
    cue_phrases += [p for p in lexicon["currency"]["asks_now"] if has_phrase(asked, p)]  # "right now" asks when
    events = tuple(tuple(group) for group in date["events"] if any(has_phrase(asked, p) for p in group)) if dated else ()
    duration = lexicon["answer_types"]["duration"]
    since = "duration" in (expects, *types) and any(has_phrase(asked, p) for p in duration["since_asks"]) \
        and not any(has_phrase(asked, p) for p in duration["allowed_asks"])
    cue_phrases += duration["since_asks"] if since else []  # "existed", "had" ask since when: "established" answers
    until = "duration" in (expects, *types) and any(has_phrase(asked, p) for p in duration["deadline_asks"])
    narrowed = lexicon["answer_types"].get(expects or "", {}).get("narrows")  # a person is the narrower agent
    also = tuple(t for t in types if t not in (expects, narrowed) and expects)
    counted, stated = _counted_noun(question, lexicon) if "count" in (expects, *also) else (None, None)
    also = tuple(t for t in also if not (t == "count" and counted in units))  # "how long …? how many hours?" asks one
    # length of time twice, not a count too
    cues = " ".join([*subjects, *cue_phrases, *_posting_nouns(question, lexicon), *lexicon["question_function_words"],
                     *(relation["asks"] if relation else [])])
    typed_part = question_words(_asking_part(asking or question, types.get(expects, [])))  # not another part's words:
    occurred = _occurrence_kind(asked, lexicon) if expects else None
    kind = next((spec for spec in lexicon["answer_types"].get(expects or "", {}).get("named_kinds", ())  # "how long is
                 if any(has_phrase(typed_part, word) for word in spec["asks"])), None) \
        or _thing_kind(asking or question, expects, lexicon) or occurred  # the exam, and does it expire?" asks no
    # validity's length; "the biggest fine so far" asks a fine imposed
    return AnswerNeed(
        expects,
        tuple(relation["gives"]) if relation else (),
        relation["names"] if relation else None,
        _object_after(question, relation["asks"]) if relation and relation.get("bound") else None,
        thing,
        counted,
        stated,
        acronym,
        subjects,
        frozenset() if also and not _asked_apart(question, types, expects) else _with_equivalents(_topic(
            question, types.get(expects, []), set(lexical_tokens(cues.replace("…", " "))), lexicon), lexicon),
        also,
        expects == "date" and any(has_phrase(folded, p) for p in date["exact_asks"]),
        today if future else None,
        frozenset(filter(None, (_own_name([token]) for token in TOKEN.findall(question)))),
        since,
        today if until else None,
        events,
        tuple(kind["words"]) if kind else (),
        kind["names"] if kind else None,
        dated and any(has_phrase(asked, p) for p in date["earliest_asks"]),
        bool(relation and relation.get("possessive") and thing),
        bool(occurred),
        any(has_phrase(asked, p) for p in lexicon["answer_types"].get(expects or "", {}).get("largest_asks", ())),
        _stressed_name(question, lexicon),
    )


def _posting_nouns(question: str, lexicon: dict[str, Any]) -> list[str]:
    """The posting nouns (lexicon `posting_nouns.any`) but those the question uses as a verb, after a word of
    `posting_nouns.verb_before`: "How long do I have to work in security…?" asks of working, a topic word."""
    words = question_words(question).split()
    verbs = {word for before, word in zip(words, words[1:]) if before in lexicon["posting_nouns"]["verb_before"]}
    return [noun for noun in lexicon["posting_nouns"]["any"] if noun not in verbs]


def _stressed_name(question: str, lexicon: dict[str, Any]) -> str | None:
    """The name a question stresses it asks of as such (lexicon `stressed_self`: "what year did OWASP itself start?"):
    the capitalised word right before that word, or None ("the exam itself" names no thing apart from others)."""
    tokens = TOKEN.findall(question)
    return next((_bare(word) for word, after in zip(tokens, tokens[1:])
                 if after.lower() in lexicon["stressed_self"]["asks"] and word[:1].isupper()), None)


def _names_alone(sentence: str, name: str, determiners: list[str], heading: str = "") -> bool:
    """Whether `sentence` (or, when it does not name it, its passage's `heading`) names `name` on its own where it names
    it at all: not only as part of another thing's name (a capitalised word right after it: "the OWASP Top 10"), as
    an owner ("ISACA's third AI credential"), in brackets after one ("CISM (ISACA)") or as the modifier of the noun after
    it, a determiner among the two words before ("the first OWASP list"), whose value is that other thing's."""
    text = sentence if any(_bare(word) == name for word in TOKEN.findall(sentence)) else heading
    found = list(TOKEN.finditer(text))

    def bound(at: int) -> bool:
        word = found[at]
        after = found[at + 1] if at + 1 < len(found) and not text[word.end():found[at + 1].start()].strip() else None
        modifier = after is not None and (after.group()[:1].isupper()  # the word joined to it after a space
                                          or any(w.group().lower() in determiners for w in found[max(0, at - 2):at]))
        return modifier or _bare(word.group()) != word.group() \
            or text[word.start() - 1:word.start()] == "(" and text[word.end():word.end() + 1] == ")"
    named = [at for at, word in enumerate(found) if _bare(word.group()) == name]
    return not named or not all(map(bound, named))


def _told_date(question: str, phrases: list[str], lexicon: dict[str, Any]) -> set[str]:
    """The words of a date to the month (lexicon `months`) that the question gives outside its part asking for a
    date (`phrases`): the value a claim it reports gives ("…kicked in August 2026. Is that right? When do they
    actually apply?"), which the answer may contradict, no subject the answering sentence must name."""
    part = _asking_part(question, phrases)
    if part == question:
        return set()
    tokens = TOKEN.findall(question.replace(part, " "))
    return {word for i, token in enumerate(tokens) if i and is_year(token) and tokens[i - 1] in lexicon["months"]
            for word in (tokens[i - 1], token)}


def _thing_kind(asking: str, expects: str | None, lexicon: dict[str, Any]) -> dict[str, Any] | None:
    """For a type whose value is named by the kind of thing asked (lexicon `answer_types` … `of_kind`: "what's NVIDIA's
    LLM scanner called?"), that kind: the nouns the question asks for (`asked_nouns`), written in lower case (not a
    name nor a pronoun standing for a thing told before), with the words for the same (`topic_equivalents`: a
    "toolkit" is among "tools"); None when it asks for none ("what's it called?")."""
    if not lexicon["answer_types"].get(expects or "", {}).get("of_kind"):
        return None
    written = set(TOKEN.findall(asking))
    nouns = [n for clause in _clauses(asking, lexicon) for n in asked_nouns(clause, lexicon)
             if n in written and n not in lexicon["asked_noun"]["elided"]]
    words = [w for group in lexicon["topic_equivalents"] for w in group if set(group) & set(nouns)]
    return {"words": [*nouns, *words], "names": None} if nouns else None


def _occurrence_kind(asked: str, lexicon: dict[str, Any]) -> dict[str, Any] | None:
    """The event the folded question `asked` asks about as having happened (lexicon `occurrence_kinds`: "has anyone
    been fined yet?"), which a clause giving the value must name as happened, or None."""
    return next((spec for spec in lexicon["occurrence_kinds"] if any(has_phrase(asked, w) for w in spec["about"])
                 and any(has_phrase(asked, w) for w in spec["asks"])), None)


def _asked_apart(question: str, types: dict[str, list[str]], expects: str | None) -> bool:
    """Whether a part of its own asks for the expected type, no phrase of another asked type in it ("How long is the
    CISSP exam" of "…and how many questions does it have?"), which gives the topic of that type's value; not a part
    holding two ("How many techniques are in the release whose numbers you can confirm?")."""
    part = _asking_part(question, types.get(expects or "", []))
    return part != question and not any(has_phrase(question_words(part), p)
                                        for name, phrases in types.items() if name != expects for p in phrases)


def _bare_name_of(question: str, lexicon: dict[str, Any], expects: str | None) -> str | None:
    """The thing a value of the thing named (lexicon `of_subject`) is asked of, when no article stands before it:
    "which version of garak" asks garak's, a name even in lower case; "the version of the standard" names nothing."""
    if not lexicon["answer_types"].get(expects or "", {}).get("of_subject"):
        return None
    spec = lexicon["answer_types"][expects]
    type_words = {p.split()[-1].lower() for p in (*spec["asks"], *spec.get("nouns", ()))}
    tokens = TOKEN.findall(question)
    for word, of, name in zip(tokens, tokens[1:], tokens[2:]):
        if word.lower() in type_words and of.lower() == "of" and name.isalpha() and lexical_tokens(name):
            return name
    return None


def quoted_term(question: str) -> str | None:
    """The one term a question puts in quotes to ask about it ('Saw the term "slopsquatting" in an OWASP write-up.
    What is it …?'): of at most QUOTED_TERM_WORDS words, not a quoted question or task ('how do I answer "how would
    you stop prompt injection?"'); None when it quotes none or several."""
    quoted = question.replace("“", '"').replace("”", '"').split('"')[1::2]
    term = quoted[0].strip() if len(quoted) == 1 else ""
    return term if term and len(term.split()) <= QUOTED_TERM_WORDS and term[-1:].isalnum() else None


def _lower_case_subject(question: str, lexicon: dict[str, Any], retrieved: Sequence[str]) -> str | None:
    """A name written in lower case that the question is about, as users write a tool's name ("garak", "picklescan"):
    the one word a definition question asks about ("what is fickling and who makes it?"), or the word opening the
    question when a later part points back at it ("garak shows up in lots of job ads. What is it and whose is it?",
    "promptfoo - who owns it?"); not a stop word, a question opener, nor a word of the asker's own ("my", "we"). Read
    only of a question naming no other subject ("recruiter mentioned ISACA AAISM — what does that acronym stand for?"
    points back at the AAISM), and of a word the `retrieved` passages' texts name; an opening word is the sentence's
    subject, a verb agreeing with it or a dash after it ("garak shows up", "modelscan is", "garak - whose…"), not "ok
    and when…", "just passed my CKS", "nobody at my company"."""
    asker = lexicon["asker"]
    plain = {*asker["question_openers"], *asker["first_person"], *asker["possessives"], *asker["pointing_words"]}

    def name(word: str) -> bool:
        return word.isalpha() and word.islower() and word not in plain and bool(lexical_tokens(word)) \
            and any(mentions(text, word) for text in retrieved)
    text = question.strip()
    opening = next((o for o in lexicon["definition_questions"] if text.casefold().startswith(o) and "what" in o), None)
    if opening:
        rest = TOKEN.findall(text[len(opening):])
        return rest[0] if rest and name(rest[0]) and (len(rest) == 1 or rest[1] in ("and", "?")) else None
    tokens = TOKEN.findall(text)
    later = set(question_words(" ".join(tokens[1:])).split())
    words = text.split()
    verb = len(words) > 1 and (is_dash(words[1]) or words[1].lower().endswith("s") and words[1].isalpha())
    return tokens[0] if tokens and name(tokens[0]) and "?" in text and verb \
        and later & set(asker["pointing_words"]) - set(asker["not_pointing"]) - {"there", "they", "them", "their"} else None


def _word_after(question: str, phrases: list[str], lexicon: dict[str, Any]) -> str | None:
    """The word right after a relation's asking phrase, when it is a word of letters that no article nor pronoun
    replaces: "who hosts safetensors" asks of safetensors, a name even in lower case; "who owns it now" of nothing."""
    tokens, folded = TOKEN.findall(question), question_words(question)
    for phrase in phrases:
        last = fold_words(phrase.split("…")[-1]).split()
        for i in range(len(tokens) - 1):
            if [fold_words(t) for t in tokens[i - len(last) + 1:i + 1]] == last and has_phrase(folded, phrase):
                name = tokens[i + 1]
                if name.isalpha() and lexical_tokens(name) and name.lower() not in lexicon["asked_noun"]["links"]:
                    return name
    return None


def _topic(question: str, phrases: list[str], cues: set[str], lexicon: dict[str, Any]) -> frozenset[str]:
    """The topic stems of the part asking for the type, an "and" inside it left uncut ("whats the worst case fine if a
    company goes ahead and uses one of the AI practices the EU has banned outright?" asks the fine of those practices),
    but for `cues`; when that part has none of its own, those of the parts that set it up rather than ask ("if a
    startup deployed a prohibited AI system, how large could the penalty be?"), not of another question ("where is the
    role based, and what does it pay?" asks nothing of a place, nor "…, and from which release is that count?" of a
    release: a part asks when its first or second word opens a question, after a preposition), nor of a part after it
    ("What are the maximum fines under the EU AI Act? we're a 40-person startup though. do the same caps apply to us?"
    asks no fine of a startup)."""
    openers = lexicon["asker"]["question_openers"]
    asking, parts = _asking_part(question, phrases, openers), _parts(question)
    before = next((i for i, part in enumerate(parts) if part.strip() in asking), len(parts))
    setting = [part for part in parts[:before] if not set(question_words(part).split()[1:3]) & set(openers)]
    return topic_stems(asking) - cues or topic_stems(" ".join(setting)) - cues


def equivalent_stems(lexicon: dict[str, Any]) -> list[frozenset[str]]:
    """The stems of each group of words a question and a source use for one idea (lexicon `topic_equivalents`)."""
    return [frozenset(lexical_tokens(" ".join(group))) for group in lexicon["topic_equivalents"]]


def _with_equivalents(topic: frozenset[str], lexicon: dict[str, Any]) -> frozenset[str]:
    """The topic stems with the words that say the same (lexicon `topic_equivalents`: "banned" and "prohibited")."""
    return topic.union(*(group for group in equivalent_stems(lexicon) if group & topic))


def _parts(question: str, openers: list[str] | None = None) -> list[str]:
    """The question's parts, between commas, question marks and "and"; given `openers` (lexicon
    `asker.question_openers`), only an "and" another question follows ("…the AI RMF and how many functions…"), not
    one inside a part ("…if a company goes ahead and uses a banned AI practice")."""
    words = question.split(" ")
    cut = [0 < i < len(words) - 1 and word == "and" and (openers is None or _bare(words[i + 1]).lower() in openers)
           for i, word in enumerate(words)]
    joined = " ".join("," if cuts else word for word, cuts in zip(words, cut))
    return [part for part in joined.replace("?", ",").split(",") if part.strip()]


def _asking_part(question: str, phrases: list[str], openers: list[str] | None = None) -> str:
    """The part of the question (between commas, "and" and question marks) that asks for the type: "where is the
    role based, and what does it pay?" asks the amount in its second part, "…grow out of, and when was it released?"
    the date in its "when" part (the cut at "and" left a phrase's "and" behind); the whole question when none holds it."""
    asks = [variant for p in phrases for variant in dict.fromkeys([p, p.removeprefix("and ")])]
    parts = _parts(question, openers)  # cut at an "and" another question follows alone, given the `openers`
    return next((part for part in parts if any(has_phrase(question_words(part), p) for p in asks)), question)


def _owned(sentence: str, thing: str) -> bool:
    """Whether a name in the possessive stands right before `thing` in the sentence ("NVIDIA's garak")."""
    tokens = TOKEN.findall(sentence)
    return any(token.lower() == thing.lower() and _bare(owner) != owner for owner, token in zip(tokens, tokens[1:]))


def topic_stems(question: str) -> frozenset[str]:
    """Stems of the question's content words: not numbers, short function words or generic acronyms ("AI"); a
    possessive is its owner's word ("Anthropic's": Anthropic)."""
    owners = (w.removesuffix("'s").removesuffix("’s") for w in TOKEN.findall(question))
    words = [w for w in owners if w.isalpha() and len(w) > 3 and w.upper() not in GENERIC_ACRONYMS]
    return frozenset(lexical_tokens(" ".join(words)))


def is_type_word(word: str, lexicon: dict[str, Any]) -> bool:
    """Whether `word` names a kind of answer ("ID", "CVE", "score") rather than what the question is about."""
    return any(fold_words(word) == fold_words(p) for spec in lexicon["answer_types"].values() for p in spec["asks"])


def holds_answer(sentence: str, need: AnswerNeed, lexicon: dict[str, Any], heading: str = "", kind: str | None = None) -> bool:
    """True when `sentence` gives what `need` asks for (a value of `kind`, by default the expected type), it or
    its passage's `heading` (title, section and the sentences before it) names every one of the question's
    subjects, and it shares a word of the question's topic when the question has one."""
    folded = question_words(sentence)
    if need.relation and not any(has_phrase(folded, w) for w in need.relation) \
            and not (need.possessed and _owned(sentence, need.relation_thing)):
        return False
    if need.relation_object and not _near(TOKEN.findall(sentence), lambda t: t.lower() in need.relation,
                                          lambda t: _stem(t) == _stem(need.relation_object), COUNT_WINDOW, after=True):
        return False  # "the world's first AI management system standard" is not the first certificate
    named, text = question_words(f"{heading} {sentence}"), f"{heading} {sentence}"
    following, short = dict(zip(need.subjects, need.subjects[1:])), abbreviated(need.subjects, text)
    if need.relation_thing and not (mentions(sentence, need.relation_thing) or need.relation_thing in short):
        return False  # who hosts safetensors is said in a sentence naming safetensors (the Model Context Protocol: MCP)
    joining = lexicon["acronym_joining_words"]
    if not all(has_phrase(named, s) or s in short or names_term(text, s, following.get(s), joining)
               or _names_equivalent(text, s, lexicon) for s in need.subjects):
        return False  # about something else: "the CISO at Google" is not any CISO
    if need.stressed and not _names_alone(sentence, need.stressed, lexicon["stressed_self"]["determiners"], heading):
        return False  # "the OWASP list … published in August 2023" does not date OWASP itself
    if _about_another(sentence, need, heading, lexicon["acronym_joining_words"]):
        return False  # "The AAISM exam has 90 questions" after a sentence naming the CISSP counts no CISSP questions
    kind = kind or need.expects
    return holds_type(sentence, need, lexicon, kind) if kind else True


def equivalent_words(subject: str, lexicon: dict[str, Any]) -> tuple[str, ...]:
    """The words that say the same as a one-word `subject` (lexicon `topic_equivalents`: "EU" and "European" for
    "Europe"), or the names of the country a nationality adjective stands for (`nationalities`, the adjective first:
    "UK" for "British", but no "us" of a sentence names the "US"), or of the government seated in a city
    (`seats_of_government`: "EU" for "Brussels"): a sentence naming one names it."""
    own = set(lexical_tokens(subject))
    countries = [g for g in (*lexicon["nationalities"], *lexicon["seats_of_government"])
                 if own == set(lexical_tokens(g[0]))]  # the adjective or the seat, first
    return next((tuple(g) for g in (*lexicon["topic_equivalents"], *countries)
                 if len(own) == 1 and own <= set(lexical_tokens(" ".join(g)))), ())


def _names_equivalent(text: str, subject: str, lexicon: dict[str, Any]) -> bool:
    """Whether `text` names `subject` by a word that says the same (a sentence on "the EU AI Act" names the "Europe" a
    question asks about)."""
    return bool(set(lexical_tokens(" ".join(equivalent_words(subject, lexicon)))) & set(lexical_tokens(text)))


def event_fit(sentence: str, need: AnswerNeed, lexicon: dict[str, Any]) -> int:
    """Whether a sentence dates the asked event (1) or not (0): one of its clauses giving a date of the question's
    subjects (see `_bound_clauses`) names a word of the question's topic or an asked event (`AnswerNeed.events`:
    "released" for "put out"). "ISC2 shortened that approved list … on 1 April 2026" names the approved list of "the
    date ISC2 cut the approved list", "On 2 April 2026 ISC2 published exam guidance…" nothing of it. Whether, not how
    many: a count would let a sentence about another event that shares more words ("systems", "from") lead. A question
    naming no subject ("and when did the second version come out?" in a conversation) prefers no sentence."""
    if not need.subjects:
        return 0

    def names_event(clause: str) -> bool:
        folded = question_words(clause)
        return bool(need.topic & set(lexical_tokens(clause))) \
            or any(has_phrase(folded, phrase) for group in need.events for phrase in group)
    return int(any(names_event(clause) for clause in _bound_clauses(sentence, need, "date", lexicon)
                   if _clause_holds(clause, need, lexicon, "date")))


def topic_fit(sentence: str, need: AnswerNeed, lexicon: dict[str, Any]) -> int:
    """For a bare number of the asked type (lexicon `about_topic`), how many words of the question's topic the clause
    giving it shares at most: the qualifier selects the value ("the worst-case fine … for banned practices" is the
    prohibited-practices tier, "Non-compliance with the prohibited practices … EUR 35 million", not the tier of
    "deployer duties", which shares only "deploys"); 0 for another type, whose value its subject binds."""
    kind = need.expects or ""
    if not lexicon["answer_types"].get(kind, {}).get("about_topic"):
        return 0
    return max((len(need.topic & set(lexical_tokens(clause))) for clause in _bound_clauses(sentence, need, kind, lexicon)
                if _clause_holds(clause, need, lexicon, kind)), default=0)


def largest_value(sentence: str, need: AnswerNeed, lexicon: dict[str, Any]) -> float:
    """For a question asking the largest value (`AnswerNeed.largest`), the largest number of a clause giving a value
    of the asked type: of the fine tiers, "the most we could be fined" is the highest; 0 otherwise."""
    if not need.largest:
        return 0.0
    kind = need.expects or ""
    return max((value for clause in _bound_clauses(sentence, need, kind, lexicon) if _clause_holds(clause, need, lexicon, kind)
                for value in numbers_in(clause)), default=0.0)


def earliest_date(sentence: str, need: AnswerNeed, lexicon: dict[str, Any]) -> int:
    """For a question asking the first edition's date (`AnswerNeed.earliest`), the earliest date a clause of the
    sentence gives of the question's subjects, negated so that the earliest ranks highest ("Google's Secure AI
    Framework (SAIF, June 2023)" over "Google announced SAIF 2.0 in October 2025"); 0 for any other question."""
    dates = [date for clause in _bound_clauses(sentence, need, "date", lexicon) for date in _dates_in(
        _unqualified(TOKEN.findall(clause), lexicon["answer_types"]["date"]["not_after"]), lexicon["months"])]
    return -min(year * 10000 + month * 100 + day for year, month, day in dates) if need.earliest and dates else 0


def refines_date(sentence: str, other: str, need: AnswerNeed, lexicon: dict[str, Any]) -> bool:
    """Whether `sentence` gives to the day a date of the question's subjects that `other` gives only to the month and
    gives no day itself: "NIST released … NIST AI 600-1, on 26 July 2024" refines "In July 2024 NIST released the
    Generative AI Profile…"; a day of another month ("2 February 2026" beside "April 2024") refines nothing."""
    def dates(text: str) -> set[tuple[int, int, int]]:
        return {date for clause in _bound_clauses(text, need, "date", lexicon) for date in _dates_in(
            _unqualified(TOKEN.findall(clause), lexicon["answer_types"]["date"]["not_after"]), lexicon["months"])}
    given = dates(other)
    months = {(year, month) for year, month, day in given if month}
    return not any(day for *_, day in given) and any(day and (year, month) in months for year, month, day in dates(sentence))


def _about_another(sentence: str, need: AnswerNeed, heading: str, joining: Sequence[str]) -> bool:
    """Whether a sentence that names none of the question's subjects itself opens on a name of its own (see
    `_own_name`) that the heading does not join to a subject ("MITRE" of "MITRE ATLAS", or a subject's own thing
    spelled out: see `_owned_by`): its value is that thing's."""
    if not need.subjects or _names_subject(sentence, need):
        return False
    own = _own_name(TOKEN.findall(sentence))
    return bool(own) and own not in need.named and not any(
        mentions(heading, f"{own} {s}") or mentions(heading, f"{s} {own}") or _owned_by(heading, own, s, joining)
        for s in need.subjects)


def _owned_by(heading: str, own: str, subject: str, joining: Sequence[str]) -> bool:
    """Whether the heading names `own` as the `subject`'s own thing: the subject's possessive, then the capitalised
    words (and `joining` words) `own` is short for, then `own` in brackets ("ISACA's Advanced in AI Security
    Management (AAISM)" makes "The AAISM exam…" ISACA's)."""
    words, possessives = heading.split(), (f"{subject}'s", f"{subject}’s")
    return any(words[start].lstrip("(\"“") in possessives and all(_spells_out(w, joining) for w in words[start + 1:end])
               for end, word in enumerate(words) if word.startswith(f"({own})")
               for start in range(max(0, end - SPELLED_OUT_WORDS - 1), end - 1))


def _spells_out(word: str, joining: Sequence[str]) -> bool:
    """Whether a word may stand in the name an acronym in brackets is short for: capitalised or a `joining` word, no
    bracket of its own."""
    return (word[:1].isupper() or word in joining) and "(" not in word and ")" not in word


def _own_name(tokens: list[str]) -> str | None:
    """The name a sentence is about when it opens on one, within OPENING_WORDS words: a word of letters and digits with
    two capitals or more, an acronym or a name like "OpenAI", not a generic one ("AI") nor a compound ("Human-AI"):
    "The AAISM exam has…" is about the AAISM."""
    return next((word for word in map(_bare, tokens[:OPENING_WORDS]) if word.isalnum() and sum(map(str.isupper, word)) >= 2
                 and word not in GENERIC_ACRONYMS and word not in COMMON_CAPITALS), None)


def holds_type(sentence: str, need: AnswerNeed, lexicon: dict[str, Any], kind: str | None = None) -> bool:
    """Whether a clause of `sentence` (between semicolons) holds a value of the expected type (or of `kind`), is
    about the question's topic (shares one of its words: how long the exam takes, not how long a certificate
    lasts) and does not say that value is unconfirmed nor that the event has not happened (see `_undone`)."""
    for clause in _bound_clauses(sentence, need, kind or need.expects, lexicon):
        if _undone(clause, sentence, need, lexicon, kind or need.expects):
            continue
        # the topic is the part asking for the expected type's: "how long is the exam" of "…and how many questions?"
        about_topic = lexicon["answer_types"][kind or need.expects].get("about_topic") and (kind or need.expects) == need.expects
        if about_topic and need.topic and not need.topic & set(lexical_tokens(clause)):
            continue
        if _clause_holds(clause, need, lexicon, kind or need.expects) \
                and (kind not in (None, need.expects) or _names_kind(clause, need, lexicon)):
            return True
    return False


def _undone(clause: str, sentence: str, need: AnswerNeed, lexicon: dict[str, Any], kind: str | None) -> bool:
    """Whether the sentence says the value its `clause` gives is unconfirmed, or that the event has not happened
    (lexicon `currency.unconfirmed_markers`, the type's `not_happened`): in a part (between commas and semicolons) of
    the clause that gives the value or, when the question has no topic, in any part of the clause; or in any part of
    the sentence that shares more words of the question's topic than the parts giving the value. "NIST released it
    as a preliminary draft on 16 December 2025 …, and … is still a draft (whether a later draft … is unconfirmed)"
    dates the draft asked about ("when did the draft come out?"), not a final version ("when is the final one due?")."""
    markers = [*lexicon["currency"]["unconfirmed_markers"], *lexicon["answer_types"].get(kind or "", {}).get("not_happened", ())]

    def parts(text: str) -> list[str]:
        return [part for part in text.replace(",", ";").split(";") if part.strip()]

    def says(part: str) -> bool:
        return any(has_phrase(question_words(part), marker) for marker in markers)

    def shared(part: str) -> int:
        return len(need.topic & set(lexical_tokens(part)))
    values = [part for part in parts(clause) if _clause_holds(part, need, lexicon, kind)]
    bar = max(map(shared, values), default=0)
    return any(says(part) for part in (parts(clause) if not need.topic else values)) \
        or any(says(part) and shared(part) > bar for part in parts(sentence))


def _names_kind(clause: str, need: AnswerNeed, lexicon: dict[str, Any]) -> bool:
    """Whether the clause names the kind of value the question asks by (`AnswerNeed.kind`), if it asks by one: a price
    is given as a price, fee or cost ("the exam costs…"), not as a posting's pay; if it asks by none, whether a part of
    the clause (between commas and lexicon `clause_conjunctions`) giving the value names no kind that is its own
    (`named_kinds` … `own`): "OSCP+, which expires after three years unless renewed … or a new exam" tells how long
    the credential stays valid, not how long the exam is; "The HMA exam lasts 36 hours and the credential expires
    after four years" tells both. An event asked as having happened is named by its words as written."""
    if need.occurred:  # as written: "signed" names a signing done, "can sign" (the same stem) one allowed
        return any(has_phrase(question_words(clause), word) for word in need.kind)
    if need.kind:
        return bool(set(lexical_tokens(clause)) & set(lexical_tokens(" ".join(need.kind))))
    own = set(lexical_tokens(" ".join(word for spec in lexicon["answer_types"][need.expects].get("named_kinds", ())
                                      if spec.get("own") for word in spec["words"])))
    for conjunction in lexicon["clause_conjunctions"]:
        clause = clause.replace(f" {conjunction} ", ", ")
    parts = [part for part in clause.split(",") if _clause_holds(part, need, lexicon, need.expects)] or [clause]
    return any(not own & set(lexical_tokens(part)) for part in parts)


def says_not_happened(text: str, need: AnswerNeed, lexicon: dict[str, Any], kind: str | None = None,
                      answering: str = "") -> bool:
    """Whether a clause of `text` (a sentence or a whole passage) about the question's topic says the event asked
    about has not happened ("EN 18286 had not been cited in the Official Journal"): then the text's other dates (when
    the standard was published) date no such event; not a clause sharing fewer of the topic's words than the
    `answering` sentence of the passage: "the profile … had not been revised" does not undo "NIST released the
    Generative AI Profile … on 26 July 2024" for "when did NIST put out its generative AI profile?". The answering
    sentence's own clauses (the sentence it quotes, maybe clipped with "…") are left to `holds_type`, which weighs
    them against the clause giving the value."""
    markers = lexicon["answer_types"].get(kind or need.expects or "", {}).get("not_happened", ())
    bar = len(need.topic & set(lexical_tokens(answering)))
    pieces = [piece.strip() for piece in answering.split("…") if piece.strip()]
    return any(says and len(need.topic & set(lexical_tokens(clause))) >= bar
               for sentence in split_sentences(text) if not pieces or not all(piece in sentence for piece in pieces)
               for clause, says in _topic_clauses(sentence, need, markers))


def states_unknown(sentence: str, need: AnswerNeed, lexicon: dict[str, Any], every: bool = False) -> bool:
    """Whether a clause of `sentence` about the question's topic says the asked value is not known or the asked event
    has not happened (lexicon `currency.unconfirmed_markers`, the asked type's `not_happened`): "its exam details are
    unconfirmed" tells no exam domains. With `every`, each of its clauses about the topic says so, and one does. A
    clause says it of the question's subjects only when its part between semicolons names no other name (see
    `_own_name`): "ISACA's third credential, AAIR, …, and its exam details are unconfirmed" is not about the AAISM."""
    markers = [*lexicon["currency"]["unconfirmed_markers"],
               *lexicon["answer_types"].get(need.expects or "", {}).get("not_happened", ())]
    says = [unknown and not _names_another(part, need) for part in sentence.split(";")
            for _, unknown in _topic_clauses(part, need, markers)]
    return bool(says) and (all(says) if every else any(says))


def _names_another(text: str, need: AnswerNeed) -> bool:
    """Whether `text` names a thing (a word of two capitals or more, not a generic one) that is none of the subjects."""
    return any(_own_name([token]) not in (None, *need.named) and not _names_subject(token, need) for token in TOKEN.findall(text))


def _topic_clauses(sentence: str, need: AnswerNeed, markers: list[str] | tuple[str, ...]) -> list[tuple[str, bool]]:
    """The sentence's clauses (between commas and semicolons) sharing a word of the question's topic, each with
    whether it holds one of the `markers`."""
    clauses = [c for c in sentence.replace(",", ";").split(";") if need.topic & set(lexical_tokens(c))] if markers else []
    return [(c, any(has_phrase(question_words(c), m) for m in markers)) for c in clauses]


def _bound_clauses(sentence: str, need: AnswerNeed, kind: str | None, lexicon: dict[str, Any]) -> list[str]:
    """The clauses (between semicolons) a value of `kind` may come from. A clause cut by a comma and a word of lexicon
    `clause_joins` ("AIGP certified, or ready to sit the exam within six months") gives a value of a question's
    subject only from its parts that name one when one does: the six months are no length of the AIGP exam. For a
    value of the thing named (lexicon `of_subject`: a date, a version, a licence), only the clauses naming one of
    the question's subjects, without parenthesised asides that follow another name ("garak, PyRIT (2024)" dates
    PyRIT, "the Manifesto (2020)" the Manifesto; "promptfoo … under the MIT licence" licenses promptfoo, not PyRIT);
    when none names one (the heading does), the sentence if it is one clause that does not open with a name of its
    own ("ModelScan was released by…" dates ModelScan)."""
    clauses = [part for clause in sentence.split(";") for part in _subject_parts(clause, need, lexicon["clause_joins"])]
    if not lexicon["answer_types"].get(kind or "", {}).get("of_subject") or not need.subjects:
        return clauses
    naming = [clause for clause in clauses if _names_subject(clause, need)]
    if naming:
        return [_own_asides(clause, need) for clause in naming]
    return [] if _opening_name(TOKEN.findall(sentence)) or ";" in sentence else clauses


def _subject_parts(clause: str, need: AnswerNeed, joins: list[str]) -> list[str]:
    """The parts of a clause (cut before a comma and a joining word) that name a subject of the question, when one
    does and the clause has several; else the clause."""
    parts = _joined_clauses(clause, joins)
    naming = [part for part in parts if _names_subject(part, need)] if need.subjects and len(parts) > 1 else []
    return naming or [clause]


def _joined_clauses(clause: str, joins: list[str]) -> list[str]:
    """The clause cut before each comma followed by a joining word (", or", ", but"), not at a list's bare commas."""
    for word in joins:
        clause = clause.replace(f", {word} ", f"\0{word} ")
    return clause.split("\0")


def _names_subject(text: str, need: AnswerNeed) -> bool:
    """Whether `text` names (or spells out, or abbreviates) one of the question's subjects."""
    folded = question_words(text)
    return any(has_phrase(folded, s) or mentions(text, s) or spells_out(s, text) for s in need.subjects) \
        or bool(abbreviated(need.subjects, text))


def _own_asides(clause: str, need: AnswerNeed) -> str:
    """The clause without the parenthesised asides that name no subject, nor follow words (since the last comma or
    "and") that name one: "… Engineer Associate (exam SC-500, introduced in 2026)" dates the SC-500."""
    pieces = clause.split("(")
    kept = pieces[0]
    for piece in pieces[1:]:
        aside, _, rest = piece.partition(")")
        before = kept.rsplit(",", 1)[-1].rsplit(" and ", 1)[-1]
        kept += (f"({aside})" if _names_subject(aside, need) or _names_subject(before, need) else "") + rest
    return kept


def _clause_holds(sentence: str, need: AnswerNeed, lexicon: dict[str, Any], kind: str | None) -> bool:
    """Whether one clause holds a value of type `kind`."""
    tokens = TOKEN.findall(sentence)
    if kind == "date":
        tokens = _unqualified(tokens, lexicon["answer_types"]["date"]["not_after"])
        if need.after:  # a planned or next thing: a date still to come, of the planned thing ("edition", not "review")
            return (not need.topic or bool(need.topic & set(lexical_tokens(sentence)))) \
                and any(date > _date_of(need.after) for date in _dates_in(tokens, lexicon["months"]))
        if need.exact:  # "26 January 2023", "January 26, 2023", "2023-01-26"
            return _near(tokens, lambda t: t in lexicon["months"], lambda t: t.isdigit() and len(t) <= 2, 1) \
                or any(is_year(t[:4]) and len(t) == 10 and t[4] == t[7] == "-" for t in tokens)
        return any(is_year(t) for t in tokens) or any(t in lexicon["months"] for t in tokens)
    if kind == "amount":
        money = {word.lower() for code, spellings in lexicon["currencies"].items() for word in (code, *spellings)}
        return _near(tokens, _is_number, lambda t: t.lower() in money, 2)  # "60 US dollars", "USD 60", "200 euros"
    if kind == "score":
        units = {fold_words(u) for u in lexicon["score_units"]}
        return _near(tokens, _is_number, lambda t: fold_words(t) in units, 3)
    if kind == "count":
        return _count_of([t for t in tokens if t != need.stated], need.counted, lexicon)
    if kind == "duration":
        units = set(lexicon["answer_types"]["duration"]["units"])
        return _near(tokens, _is_number, lambda t: fold_words(t).split()[-1] in units, 2, after=True) \
            or (need.since and _clause_holds(sentence, need, lexicon, "date")) \
            or (need.until is not None and _gives_date_after(tokens, need.until, lexicon))  # not "Month 2"; "since 2018"
    if kind == "version":
        return any(is_version(t) for t in tokens) or _near(tokens, lambda t: t.lower() == "version", _is_number, 1)
    if kind == "licence":
        folded = question_words(sentence)
        return any(has_phrase(folded, name) for name in lexicon["licences"])
    if kind == "identifier":
        return any(_is_identifier(t) for t in tokens)
    if kind == "entry":  # "LLM03:2026 Excessive Agency", "Excessive Agency (LLM03:2026)": the asked entry beside its name
        return any(t in need.subjects and any(n[:1].isupper() for n in (*tokens[max(0, i - 1):i], *tokens[i + 1:i + 2]))
                   for i, t in enumerate(tokens))
    if kind == "expansion":  # "PyRIT (Python Risk Identification Tool…)", "Center for AI Standards and Innovation"
        return bool(need.acronym) and (_spelled_out(need.acronym, tokens, lexicon["acronym_joining_words"])
                                       or _items_spell(need.acronym, sentence, lexicon["clause_conjunctions"]))
    if kind in ("agent", "tool", "person", "name"):
        asked = {word for s in need.subjects for word in fold_words(s).split()}  # "ISO/IEC" names ISO/IEC 42001
        names = [*names_in(sentence), *map(_bare, _opening_name(tokens))]  # names_in leaves out a sentence's first
        # word; "CISA's Secure by Design Pledge…" opens on CISA
        subjects = " ".join(need.subjects)  # "MCP" is the Model Context Protocol asked about, no other organisation
        # a month ("March 2026"), a currency ("up to EUR 35 million") or a part of an identifier ("AML.CS0053") names
        # no one either
        unnamed = {*lexicon["months"], *lexicon["currencies"], *(part for t in tokens if _is_identifier(t)
                                                                for part in t.replace("-", ".").replace(":", ".").split("."))}
        # an organisation asked for is not a law, a document or where one is published ("the Official Journal")
        documents = set(lexicon["institution_words"]["documents"]) if kind == "agent" else set()
        names = [name for name in names if not set(fold_words(name).split()) & asked and name not in unnamed
                 and not spells_out(name, subjects, lexicon["acronym_joining_words"]) and name.split()[-1] not in documents]
        if kind == "person":  # as written: "Generative AI Products" is no "Generative Products"
            return any(_is_person(name, lexicon) and name in sentence for name in names)
        return bool(names)
    return True


def _opening_name(tokens: list[str]) -> list[str]:
    """A sentence's first word when its shape makes it a name, not a capitalised common word ("Organisations can"):
    capitals inside it ("OpenAI"), or a capitalised word or "et al." after it ("Pearce et al. found")."""
    first, after = (tokens + ["", ""])[:2]
    if not first or not first[0].isupper() or first in COMMON_CAPITALS or first in GENERIC_ACRONYMS:
        return []
    return [first] if any(c.isupper() for c in first[1:]) or after[:1].isupper() or after == "et" else []


def _is_person(name: str, lexicon: dict[str, Any]) -> bool:
    """Whether a name has a person's shape: two to four capitalised words ("Lucilla Sioli"), none an acronym, a head
    noun of an institution, law or document (lexicon `institution_words`: "European Commission") nor a role noun
    (lexicon `asker.role_nouns`: "Compliance Lead" is a posting's title, no one's name)."""
    words = name.split()
    institutions, roles = {w for group in lexicon["institution_words"].values() for w in group}, set(lexicon["asker"]["role_nouns"])
    return 2 <= len(words) <= 4 and all(w[0].isupper() and w[1:].islower() and w not in institutions
                                        and w.lower() not in roles for w in words)


def names_term(text: str, term: str, following: str | None = None, joining: list[str] | tuple[str, ...] = ()) -> bool:
    """Whether `text` names a question's `term`: as words (see `mentions`), spelled out (small `joining` words
    allowed between capitalised ones), as the full name a short first name stands for when the question's
    `following` term comes next ("Tim Brown" in "Timothy G. Brown"), or, for a nationality adjective or a country's
    initials, as its country ("Australian" in "Standards Australia", "US" in "the United States")."""
    return (mentions(text, term) or spells_out(term, text, joining) or _short_name_of(term, following, text)
            or any(mentions(text, country) for country in countries_named(term)))


def names_every(text: str, terms: Sequence[str]) -> bool:
    """Whether `text` names each of the question's `terms`, as words or by a name's acronym ("MCP")."""
    short = abbreviated(tuple(terms), text) if terms else set()
    return all(term in short or mentions(text, term) for term in terms)


def abbreviated(terms: list[str] | tuple[str, ...], text: str) -> set[str]:
    """The terms, CAPITAL_RUN_MIN or more capitalised words in a row of one name, that `text` names by the name's
    acronym: "Secure", "Software", "Development" and "Framework" by "SSDF"."""
    words = [t if t.isalpha() and t.istitle() else "" for t in terms]
    return {term for start in range(len(words)) for end in range(start + CAPITAL_RUN_MIN, len(words) + 1)
            if all(words[start:end]) and mentions(text, "".join(w[0] for w in words[start:end]))
            for term in terms[start:end]}


def _short_name_of(term: str, following: str | None, text: str) -> bool:
    """Whether a capitalised `term` ("Tim") opens a longer word of `text` ("Timothy") that `following` ("Brown")
    follows, after at most a middle initial."""
    if not (term.isalpha() and term.istitle() and following):
        return False
    words, first, last = [w.strip(".,;:()[]\"'’") for w in fold_words(text).split()], term.lower(), fold_words(following)
    return any(w.startswith(first) and w.isalpha() and last in words[i + 1:i + 3] for i, w in enumerate(words))


def mentions(text: str, term: str) -> bool:
    """Whether `text` names `term` (or an acronym's plural, its singular) as whole words or as the head of a longer
    name: "ISO/IEC 42001" in "ISO/IEC 42001:2023", "LAION" in "LAION-400M"; not "OSCP" in "OSCP+", another
    credential, nor "Act" in "Action"."""
    folded = fold_words(text)
    if any(next(_occurrences(folded, fold_words(name)), None) is not None for name in (term, *_singular_name(term))):
        return True
    name, _, number = term.rpartition(" ")  # "ISO 42001" is named by "ISO/IEC 42001:2023": the number after the name
    return bool(name) and number[:1].isdigit() and any(
        set(fold_words(name).split()) <= set(folded[:start].split()[-2:]) for start in _occurrences(folded, fold_words(number)))


def _singular_name(term: str) -> list[str]:
    """An acronym's singular when `term` is its plural ("ML-BOMs" names what "ML-BOM" does, "LLMs" an "LLM")."""
    return [term[:-1]] if term.endswith("s") and len(term) > 2 and term[-2].isupper() else []


def _occurrences(folded: str, needle: str):
    """Where `needle` starts in `folded` as whole words or the head of a longer name (see `mentions`)."""
    start = folded.find(needle) if needle.strip() else -1
    while start >= 0:
        before, after = folded[start - 1:start], folded[start + len(needle):start + len(needle) + 1]
        if not (before.isalnum() or after.isalnum() or after == "+"):
            yield start
        start = folded.find(needle, start + 1)


def question_words(text: str) -> str:
    """Folded words of a question or sentence, padded with spaces, for has_phrase()."""
    return f" {fold_words(_words(text))} "


def _words(text: str) -> str:
    """The text's words, each of its sentences opened by "^" (so a phrase can ask for a sentence start)."""
    return " ".join("^ " + " ".join(_bare(t) for t in TOKEN.findall(part)) for part in split_sentences(text))


def _bare(token: str) -> str:
    """A word without its possessive ending: "Google's" names Google."""
    return token[:-2] if token.endswith(("'s", "’s")) else token


def has_phrase(folded: str, phrase: str) -> bool:
    """Whole-word containment in question_words() text; "a … b" allows words between the parts, in that order; the
    phrase's words are read as the text's are ("what's the name of" is found in "what the name of")."""
    start = 0
    for part in phrase.split("…"):
        needle = f" {fold_words(' '.join(map(_bare, TOKEN.findall(part))))} "
        found = folded.find(needle, start) if needle.strip() else -1
        if found < 0:
            return False
        start = found + len(needle) - 1
    return True


def _dates_in(tokens: list[str], months: list[str]) -> list[tuple[int, int, int]]:
    """The dates the tokens give ("2 December 2027", "December 2027", "2027", "2027-12-02") as (year, month, day), a
    part not given as 0, the earliest the date can be: "2027" comes after 6 December 2026, "December 2026" does not."""
    dates = []
    for i, token in enumerate(tokens):
        if is_year(token[:4]) and len(token) == 10 and token[4] == token[7] == "-":
            dates.append(_date_of(token))
        elif is_year(token):
            month = tokens[i - 1] if i and tokens[i - 1] in months else None
            day = tokens[i - 2] if month and i > 1 and tokens[i - 2].isdigit() and len(tokens[i - 2]) <= 2 else None
            dates.append((int(token), months.index(month) + 1 if month else 0, int(day) if day else 0))
    return dates


def _date_of(iso: str) -> tuple[int, int, int]:
    """An ISO date as (year, month, day)."""
    year, month, day = iso[:10].split("-")
    return int(year), int(month), int(day)


def _is_number(token: str) -> bool:
    """A number that may count or measure: not a year, nor a name's number such as "600-1" or "2024-1689"."""
    numbered_name = "-" in token and token.replace("-", "").isdigit()
    return bool(numbers_in(token)) and not is_year(token) and not numbered_name


def is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")


def is_version(token: str) -> bool:
    parts = token.removeprefix("v").split(".")
    return len(parts) > 1 and all(p.isdigit() for p in parts)


def _is_identifier(token: str) -> bool:
    """CVE-2023-48022, AML.T0051: letters and digits joined by a dash, dot or colon."""
    return any(c.isalpha() for c in token) and any(c.isdigit() for c in token) and any(c in "-.:" for c in token)


def _near(tokens: list[str], first, second, window: int, after: bool = False) -> bool:
    """A token passing `first` within `window` tokens of one passing `second` (only after it when `after`)."""
    hits = [i for i, t in enumerate(tokens) if first(t)]
    return any(second(tokens[j]) for i in hits
               for j in range(i if after else max(0, i - window), min(len(tokens), i + window + 1)))


def _unqualified(tokens: list[str], phrases: list[str], span: int = 3) -> list[str]:
    """The tokens without the `span` tokens that follow one of the phrases ("as of 6 December 2026")."""
    skipped: set[int] = set()
    for words in (phrase.split() for phrase in phrases):
        for i in range(len(tokens)):
            if [t.lower() for t in tokens[i:i + len(words)]] == words:
                skipped.update(range(i + len(words), i + len(words) + span))
    return [t for i, t in enumerate(tokens) if i not in skipped]


def _count_of(tokens: list[str], counted: str | None, lexicon: dict[str, Any]) -> bool:
    """A number (digits or a number word, not a year) shortly before the counted noun or a word for the same thing
    (lexicon `topic_equivalents`: "250 poisoned documents" counts the "docs" asked about), or a number joined to it
    by dashes ("a three-to-six-month plan" counts months); any number when none is named."""
    counts = [_is_number(t) and not _names_number(tokens, i) for i, t in enumerate(tokens)]
    if not counted:
        return any(counts)
    stem, same = _singular(counted.lower()), _with_equivalents(frozenset({_stem(counted)}), lexicon)
    for i, token in enumerate(tokens):
        if (_singular(token.lower()) == stem or _stem(token) in same) and any(counts[max(0, i - COUNT_WINDOW):i]):
            return True
        if _is_number(token) and _singular(fold_words(token).split()[-1]) == stem:  # "a three-to-six-month plan"
            return True
    return False


def _gives_date_after(tokens: list[str], day: str, lexicon: dict[str, Any]) -> bool:
    """Whether the tokens give a date after the ISO date `day`: "from 2 December 2027" gives the time left before a
    deadline ("How long do we actually have?")."""
    return any(date > _date_of(day) for date in _dates_in(tokens, lexicon["months"]))


def _names_number(tokens: list[str], at: int) -> bool:
    """Whether the number at `at` is part of the name before it, which counts nothing: "ISO/IEC 42001 management
    system", "Article 49", "SP 800-53"; a name is a word of capitals inside the text or of two capitals or more, not
    an owner ("the EU's 27 member states") nor a capitalised first word ("About 250 documents"). A number a title goes
    on after counts what the title names ("Lessons from Red Teaming 100 Generative AI Products")."""
    before = tokens[at - 1] if at else ""
    title_goes_on = at + 1 < len(tokens) and tokens[at + 1][:1].isupper()
    return before[:1].isupper() and _bare(before) == before and (at > 1 or sum(map(str.isupper, before)) >= 2) \
        and not title_goes_on


def _counted_noun(question: str, lexicon: dict[str, Any]) -> tuple[str | None, str | None]:
    """The thing a "how many" question counts: the first plural among the next COUNTED_WORDS words before an auxiliary
    (lexicon `asker.polar_openers`: "how many case studies"), or what a count noun of the question counts (lexicon
    `counted_by`: a headcount counts employees); when an auxiliary follows "how many" at once, the noun after the
    last number the question gave before, with that number, a count of another thing and no answer ("The AAISM has
    90 questions - how many does the CISSP have?": questions, not 90)."""
    folded = question_words(question)
    named = next((noun for phrase, noun in lexicon["answer_types"]["count"]["counted_by"].items()
                  if has_phrase(folded, phrase)), None)
    if named:
        return named, None
    tokens = TOKEN.findall(question)
    lowered = [t.lower() for t in tokens]
    starts = [i + 2 for i in range(len(tokens) - 1) if lowered[i:i + 2] in (["how", "many"], ["number", "of"])]
    if not starts:
        return None, None
    auxiliaries = set(lexicon["asker"]["polar_openers"])
    if starts[0] < len(tokens) and lowered[starts[0]] in auxiliaries:  # the noun elided: the one a number before counted
        stated = [i for i in range(starts[0] - 3) if _is_number(tokens[i]) and tokens[i + 1].isalpha()][-1:]
        return (tokens[stated[0] + 1], tokens[stated[0]]) if stated else (None, None)
    ends = next((i for i in range(starts[0], len(tokens)) if lowered[i] in auxiliaries), len(tokens))
    words = [t for t in tokens[starts[0]:min(starts[0] + COUNTED_WORDS, ends)] if t[0].isalpha()]
    return next((w for w in words if w.endswith("s") and len(w) > 3), words[0] if words else None), None


def _object_after(question: str, phrases: list[str]) -> str | None:
    """The thing a bound relation is about: the first lower-case word after its phrase ("very first ISO/IEC 42001
    certificate" is about the certificate)."""
    folded = question_words(question).split()
    nouns = {w for w in TOKEN.findall(question) if w.isalpha() and w.islower() and len(w) > 3}
    for words in (fold_words(phrase).split() for phrase in phrases):
        start = next((i + len(words) for i in range(len(folded)) if folded[i:i + len(words)] == words), None)
        if start is not None:
            return next((w for w in folded[start:] if w in nouns), None)
    return None


def _stem(word: str) -> str:
    """The word's lexical stem ("certificates" and "certificate" alike)."""
    return next(iter(lexical_tokens(word)), word.lower())


def _acronym(question: str, asks: list[str]) -> str | None:
    """The acronym a "what does X stand for" question asks about: the upper-case word, not a generic one, nearest
    the phrase that asks (lexicon `answer_types.expansion.asks`): CAISI, not NIST, in "what does CAISI stand for at
    NIST?"; the last one when no phrase is found. An acronym one lower-case word after another only places that one
    ("What is CAISI at NIST short for?" asks of CAISI)."""
    tokens = TOKEN.findall(question)
    lowered = [t.lower() for t in tokens]
    cue = next((i for i in range(len(tokens)) for phrase in asks
                if lowered[i:i + len(phrase.split())] == phrase.lower().split()), len(tokens))
    candidates = [i for i, w in enumerate(tokens) if w.isalpha() and sum(c.isupper() for c in w) >= 2
                  and w not in GENERIC_ACRONYMS and w not in COMMON_CAPITALS]
    unplaced = [i for i in candidates if i - 2 not in candidates or not tokens[i - 1].islower()] or candidates
    return tokens[min(reversed(unplaced), key=lambda i: abs(i - cue))] if unplaced else None


def _spelled_out(acronym: str, tokens: list[str], joining: list[str]) -> bool:
    """Whether capitalised words in a row (small `joining` words allowed) have the acronym's capitals as initials:
    "Supply-chain Levels for Software Artifacts" spells SLSA, "Advanced in AI Security Management" AAISM."""
    capitals = "".join(c for c in acronym if c.isupper())
    runs, run, whole = [], "", ""  # `whole` keeps an acronym's every letter: "Center for AI Standards…" is CAISI
    for token in tokens:  # a hyphenated word gives one initial: "Artificial-Intelligence" is the A of ATLAS
        if token[0].isupper():
            spelled = token if token.isupper() and token.isalpha() and len(token) < len(capitals) else token[0]
            run, whole = run + token[0], whole + spelled
        elif token not in joining:
            runs += [run, whole]
            run = whole = ""
    return any(capitals in r for r in [*runs, run, whole]) or _lower_run(capitals, tokens)


def spells_out(acronym: str, text: str, joining: list[str] | tuple[str, ...] = ()) -> bool:
    """Whether `text` spells out an acronym of CAPITAL_RUN_MIN letters or more in capitalised words between punctuation
    marks (small `joining` words allowed: "UK AI Security Institute" spells AISI, "Cloud Security Alliance" CSA), or
    a long one in words of any case ("the fast gradient sign method" spells FGSM)."""
    capitals, tokens = "".join(c for c in acronym if c.isupper()), TOKEN.findall(text)
    if acronym.isalpha() and acronym.isupper() and len(acronym) >= CAPITAL_RUN_MIN:  # not "(Contract) — Kestrelgate Systems"
        return any(_spelled_out(acronym, TOKEN.findall(part), list(joining)) for part in text.translate(RUN_BREAKS).splitlines())
    return _lower_run(capitals, tokens)


def _items_spell(acronym: str, sentence: str, joining: list[str]) -> bool:
    """Whether the items of a list in a row (between commas, semicolons or brackets; an opening `joining` word such
    as "and" left aside) have the acronym's capitals as initials, for LOWER_RUN_MIN capitals or more: "STRIDE
    (spoofing, tampering, repudiation, information disclosure, denial of service, elevation of privilege)"."""
    capitals = "".join(c for c in acronym if c.isupper()).lower()
    items = [item.split() for item in sentence.replace("(", ",").replace(")", ",").replace(";", ",").split(",")]
    initials = "".join(next((w for w in words if w.lower() not in joining), "?")[0].lower() for words in items if words)
    return len(capitals) >= LOWER_RUN_MIN and capitals in initials


def _lower_run(capitals: str, tokens: list[str]) -> bool:
    """Whether consecutive words of any case have the capitals as initials; only for LOWER_RUN_MIN capitals or
    more, as shorter runs of initials occur by chance."""
    words, initials = [t for t in tokens if t[0].isalpha()], capitals.lower()
    return len(initials) >= LOWER_RUN_MIN and any("".join(w[0].lower() for w in words[i:i + len(initials)]) == initials
                                                  for i in range(len(words)))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
