"""Signs the corpus lacks the answer: names and numbers no passage mentions, or the kind of answer asked for
(app/answer_type.py) that no sentence to be quoted gives."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.answer_type import (abbreviated, asked_types, equivalent_words, has_phrase, is_gerund, is_type_word, is_version,
                             is_year, mentions, names_term, opens_setting, question_words)
from app.sentences import ABBREVIATIONS, INSTRUCTION, is_acronym, is_dash
from app.short_forms import ShortForms
from app.support import COMMON_CAPITALS, GENERIC_ACRONYMS
from app.types import Passage

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")  # not inside "2.0" or "LLM01:2025"
WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.:'’/&+-]*[A-Za-z0-9+])?")  # "OSCP+" is not the OSCP
IDENTIFIER = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]+(?:[:.-][A-Za-z0-9]+)*$|^\d+:\d+$")
QUESTION_WORDS = {"What", "Which", "Who", "Whom", "Whose", "When", "Where", "Why", "How", "Is", "Are", "Do", "Does",
                  "Did", "Can", "Could", "Should", "Would", "Will", "I", "Please", "Tell", "List", "Name", "Give"}


@dataclass(frozen=True)
class CorpusGap:
    """Why the passages cannot answer, whatever the evidence score: names they never mention, or the kind of
    answer (a date, a count, a founder...) no sentence to be quoted gives."""

    missing: tuple[str, ...] = ()
    lacking: str | None = None

    def __bool__(self) -> bool:
        return bool(self.missing or self.lacking)

    def message(self) -> str | None:
        """The refusal that names the gap, or None when there is none."""
        if self.missing:
            return f"The corpus doesn't say. None of the passages found for this question mentions {quoted(self.missing)}."
        if self.lacking:
            return f"The corpus doesn't say. None of the passages found for this question gives {self.lacking}."
        return None


def unanswered_part(lacking: str) -> str:
    """What an answer to one part of a question says of the part no passage answers: the kind of answer it lacks."""
    return f"The corpus doesn't say the rest: none of the passages found for this question gives {lacking}."


def corpus_gap(question: str, passages: list[Passage], lacking: str | None, lexicon: dict[str, Any],
               covered_target: bool = False, short_forms: ShortForms = ShortForms()) -> CorpusGap:
    """The gap between what `question` asks and what its retrieved `passages` offer; `lacking` names the kind of
    answer no sentence to be quoted gives (from the draft), if any. With a `covered_target` (a guidance question
    about a role or field the corpus covers) only its asking sentences are judged: the rest describes the asker. A
    short form the asker writes is mentioned where a passage writes out a name it stands for (`short_forms`); one of
    common words ("JD") names nothing to mention; a product, where a passage names its maker the question names too."""
    terms = [t for t in asked_terms(question, lexicon, covered_target) if not short_forms.common(t)]
    editions = [e for e in numbered_names(_asked_text(question, lexicon, covered_target), lexicon) if e not in terms]
    names = {t: (*short_forms.names(t, question, tuple(terms)), *equivalent_words(t, lexicon),  # "EU" names "Europe"
                 *named_maker(t, terms, lexicon)) for t in terms}
    names |= {e: _edition_spellings(e) for e in editions}
    terms += editions
    missing = unmentioned(terms, [searchable_text(p) for p in passages], lexicon["acronym_joining_words"], names)
    return CorpusGap(tuple(missing), None if missing else lacking)


def named_maker(product: str, terms: list[str], lexicon: dict[str, Any]) -> tuple[str, ...]:
    """The maker's products (lexicon `product_makers`: "Google's AI products") that name `product` when the question
    names its maker too among its `terms` ("Does Google pay for bugs in its AI products? … a jailbreak on Gemini")."""
    spec = lexicon["product_makers"]
    return tuple(f"{maker}'s {noun}" for maker, products in spec["makers"].items() if product in products and maker in terms
                 for noun in spec["owned"])


def asked_terms(question: str, lexicon: dict[str, Any], covered_target: bool = False) -> list[str]:
    """The names and numbers `question` asks about, not the asker's own (nor words naming a kind of answer, nor a day
    of the week, lexicon `weekdays`, unless a date is asked: "…meets every Wednesday. Which day does it meet?" asks of
    that day); with a `covered_target` those of its asking sentences only."""
    dated = "date" in asked_types(question, lexicon, asking_text(question, lexicon))
    return [t for t in specific_terms(_asked_text(question, lexicon, covered_target))
            if not is_type_word(t, lexicon) and (dated or t not in lexicon["weekdays"])]


def _asked_text(question: str, lexicon: dict[str, Any], covered_target: bool = False) -> str:
    """The part of `question` whose names are asked about (see `asked_terms`): no examples, no guess offered."""
    asked = _without_examples(asked_part(asking_sentences(question) if covered_target else question, lexicon), lexicon)
    return _without_guess(asked, lexicon)


def numbered_names(text: str, lexicon: dict[str, Any]) -> list[str]:
    """Names with their edition's number written apart ("DEF CON 34", "Generative Red Team 4", "GRT 4"): the
    capitalised words right before a number of up to two digits, that number counting nothing after it (a unit of
    lexicon `answer_types.duration.units` or `score_units`: "CISSP 5 years"); not a date ("August 12") nor a plan's
    item ("Month 3"). The name names that edition as "GRT4" does, which a passage naming "GRT3" does not mention."""
    counted = {*lexicon["answer_types"]["duration"]["units"], *lexicon["score_units"]}
    dates = {*lexicon["months"], *lexicon["weekdays"], *(label.title() for label in lexicon["item_labels"])}
    found = []
    for sentence in question_sentences(text):
        words = sentence.split()
        for i, word in enumerate(words):
            number = word.rstrip(",.;:?!)")
            after = bare_word(words[i + 1]) if i + 1 < len(words) and number == word else ""
            if not (number.isdigit() and len(number) <= 2) or after in counted:
                continue
            name = _capitalised_run(words[:i])
            if name and name[-1] not in dates:
                found.append(" ".join([*name, number]))
    return list(dict.fromkeys(found))


def _capitalised_run(words: list[str]) -> list[str]:
    """The capitalised words that end `words`, joined to what follows them (no punctuation after them, no possessive),
    none a question word: "a Generative Red Team" ends in ["Generative", "Red", "Team"]."""
    run: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or not word[-1:].isalnum() or word in QUESTION_WORDS or "'" in word or "’" in word:
            break
        run.insert(0, word)
    return run


def _edition_spellings(edition: str) -> tuple[str, ...]:
    """Other ways a passage names a numbered edition: by its last word or by its words' initials, and the number,
    apart or joined ("Top 10" of "LLM Top 10", "GRT4" of "GRT 4", "GRT3" of "Generative Red Team 3")."""
    *name, number = edition.split()
    heads = (name[-1], "".join(word[0] for word in name).upper()) if len(name) > 1 else (name[-1],)
    return tuple(f"{head}{gap}{number}" for head in heads for gap in (" ", ""))


def _without_guess(text: str, lexicon: dict[str, Any]) -> str:
    """The text without the asker's guess that a yes-or-no question offers as its alternative, up to its "?": "or"
    and a clause asking yes or no of what was just named (lexicon `asker.polar_openers`, then `pointing_words`, not
    an existential "is there"): "Is AI red teaming realistic for me or is it all PhDs doing gradient maths?" asks
    about no "PhDs"."""
    asker, words = lexicon["asker"], text.split(" ")
    bare = [bare_word(w) for w in words]
    kept, guess = [], False
    for i, word in enumerate(words):
        guess = guess or bare[i] == "or" and bare[i + 1:i + 2] and bare[i + 1] in asker["polar_openers"] \
            and bare[i + 2:i + 3] and bare[i + 2] in asker["pointing_words"] \
            and " ".join(bare[i + 1:i + 3]) not in asker["not_pointing"]  # "or is there a 2.0 out?" asks of the 2.0
        kept += [] if guess else [word]
        guess = guess and not word.endswith("?")
    return " ".join(kept)


def _without_examples(text: str, lexicon: dict[str, Any]) -> str:
    """The text without the names it gives only as examples, right after a marker (lexicon `example_markers`):
    "obligations for things like HR screening tools" asks about no "HR", "such as Llama or Mistral" of neither."""
    markers = [marker.split() for marker in lexicon["example_markers"]]
    # "I'd like Zorblax jobs", "Do employers like Zorblax?": a wish or a liking, about what follows, no example
    wishes = [wish.split() for wish in (*lexicon["coach_aspiration_words"], *lexicon["posting_words"])]
    kept, example = [], False
    for word in text.split(" "):
        bare = word.strip("()[],.;:!?\"'")
        if example and (bare[:1].isupper() or bare.lower() in ("and", "or")):
            kept += [word] if bare.islower() else []
            continue
        kept.append(word)
        tail = [w.strip("()[],;:").lower() for w in kept[-max(map(len, markers + wishes)):]]
        example = any(tail[len(tail) - len(marker):] == marker for marker in markers) \
            and not any(tail[len(tail) - len(wish):] == wish for wish in wishes)
    return " ".join(kept)


def asked_part(question: str, lexicon: dict[str, Any]) -> str:
    """The question without the asker's own setting (lexicon `asker`): a sentence that only tells, or the opening
    clause of one that asks, speaking of the asker ("ML engineer here (PyTorch, Databricks)", "Network engineer, 8
    years of firewalls", "I run GDPR DPIAs", "Trying to see how far my SRE background gets me", "As a SOC analyst on
    Splunk, how do I…?"). A setting the next asking part points back at ("…kick in August 2026. Is that still the
    deadline?") is asked about, but for the names the asker owns in it ("our HR screening tool"), unless it describes
    the asker ("Our SOC team…", "Head of security, …"). The whole question when nothing else is left."""
    return " ".join(asked for asked, _ in _reading(question, lexicon) if asked) or question


def ranking_part(question: str, lexicon: dict[str, Any]) -> str:
    """The words that rank an answer's lead: `asked_part`, or the whole question when an asking part points back at
    the asker's setting ("…I've just been told I also own AI risk. What should I be doing about it?") or asks whether
    it is enough (a polar aspect of lexicon `asked_aspects`: "We only run picklescan on models from the Hub. Are we
    covered?" asks about the practice told before it)."""
    parts = _question_parts(question, lexicon)
    polar = [a for spec in lexicon["asked_aspects"].values() if spec.get("polar") for a in spec["asks"]]
    pointed = any(asks and (_points_back(text, lexicon) or any(has_phrase(question_words(text), a) for a in polar))
                  for text, asks in parts[1:])
    return question if pointed else asked_part(question, lexicon)


def asker_setting(question: str, lexicon: dict[str, Any]) -> str:
    """What `asked_part` leaves out: the parts in which the asker tells of themselves ("I'm a pentester with OSCP.")."""
    return " ".join(told for asked, told in _reading(question, lexicon) if told)


def _reading(question: str, lexicon: dict[str, Any]) -> list[tuple[str, str]]:
    """The question's parts, each as (what is asked about, what only tells of the asker); one of them is empty, but
    for a setting pointed back at, whose owned names alone are the asker's. Of a part that tells a claim heard
    elsewhere, the claim is asked about, not where it was heard (see `_reported_claim`)."""
    parts = _question_parts(question, lexicon)
    read = []
    for i, (text, asks) in enumerate(parts):
        if asks:
            read.append((text, ""))
        elif not _of_the_asker(text, lexicon):
            read.append((_reported_claim(text, lexicon), ""))
        elif not _describes_asker(text, lexicon) and any(_points_back(later, lexicon)
                                                         for later, later_asks in parts[i + 1:i + 2] if later_asks):
            read.append((_without_owned(_reported_claim(text, lexicon), lexicon), ""))
        else:
            read.append(("", text))
    return read


def last_asking_part(question: str, lexicon: dict[str, Any]) -> str:
    """The question's last part that asks ("does that help?" of "I have a degree - does that help?"); the whole
    question when no part asks."""
    return next((text for text, asks in reversed(_question_parts(question, lexicon)) if asks), question)


def _question_parts(question: str, lexicon: dict[str, Any]) -> list[tuple[str, bool]]:
    """The question's (text, asks) parts, sentence by sentence (see `_parts`)."""
    return [part for sentence in question_sentences(question.replace("’", "'")) for part in _parts(sentence, lexicon)]


def _parts(sentence: str, lexicon: dict[str, Any]) -> list[tuple[str, bool]]:
    """A sentence as (text, asks) parts: one that tells, or one that asks (ends in "?" or opens with a question
    word, not one the asker follows: see answer_type.opens_setting), after an opening clause that tells when a clause
    break comes before its question word ("Teaching a bootcamp — how many questions…?") or ends an introduction
    ("Career changer here: show me…")."""
    openers = lexicon["asker"]["question_openers"]
    words = sentence.split()
    if not words:
        return []
    for i in range(1, len(words)):  # an introduction ("Career changer here: show me…", "Fresh grad here - any…?")
        dash = is_dash(words[i])  # tells, whatever follows it
        if bare_word(words[i - 1]) == lexicon["asker"]["introduction_end"] and (words[i - 1][-1:] in ",;:" or dash) \
                and bare_word(words[0]) not in openers:
            return [(" ".join(words[:i + dash]), False), *_parts(" ".join(words[i + dash:]), lexicon)]
    if not (sentence.rstrip().endswith("?") or bare_word(words[0]) in openers and not opens_setting(words, lexicon)):
        return [(sentence.strip(), False)]  # "When I red team our chatbot a jailbreak works 1 time in 20." tells
    for i in range(1, len(words)):
        if words[i - 1][-1:] in ",;:" or is_dash(words[i - 1]):
            if bare_word(words[i]) in openers:
                return [(" ".join(words[:i]), False), (" ".join(words[i:]), True)]
    return [(sentence.strip(), True)]


def _of_the_asker(text: str, lexicon: dict[str, Any]) -> bool:
    """Whether a telling part speaks of the asker: a first-person word ("I", "our"; not "US"), a self-description
    opening ("As a…"), an introduction ("ML engineer here (…)") or an opening "-ing" word with the asker as its
    unsaid subject ("Trying to…", "Teaching a bootcamp…")."""
    asker = lexicon["asker"]
    tokens = WORD.findall(text)
    if any(t.lower() in asker["first_person"] and not is_acronym(t) for t in tokens):
        return True
    if _describes_asker(text, lexicon):
        return True
    head = WORD.findall(text.split("(")[0].split(",")[0].split(" — ")[0].split(" - ")[0])
    opening = tokens[0] if tokens else ""
    introduces = bool(head) and head[-1].lower() == asker["introduction_end"]
    reports = any(text.lower().startswith(f"{phrase} ") for phrase in lexicon["hearsay"]["reporting"])  # "According to…"
    return introduces or (is_gerund(opening) and not reports)  # "Trying to…": the asker its unsaid subject


def _describes_asker(text: str, lexicon: dict[str, Any]) -> bool:
    """Whether a part opens by describing the asker (lexicon `self_description`: "I'm a…", "Our … team"), or names
    the asker's role in a fragment without a verb ("Network engineer, 8 years of…", "Head of security, CISSP for
    years"): it is their setting even when the question points back at it."""
    return any(has_phrase(question_words(text), p) for p in lexicon["self_description"]) or _names_role(text, lexicon)


def _names_role(text: str, lexicon: dict[str, Any]) -> bool:
    """Whether a part opens with a person's role: its head, the words before the first comma, bracket, dash or
    joining word (lexicon `asker` … `fragment_breaks`), ends with a role noun (`role_nouns`): "Compliance officer at
    a bank", "Sysadmin for 10 years (Ansible, Nagios)"."""
    asker, head = lexicon["asker"], []
    for word in text.split():
        bare = bare_word(word)
        if word[:1] in "(—–-" or bare in asker["fragment_breaks"]:
            break
        head.append(bare)
        if word[-1:] in ",;:)":
            break
    return bool(head) and head[-1] in asker["role_nouns"]


def _points_back(text: str, lexicon: dict[str, Any]) -> bool:
    """Whether an asking part points back at what was said before it ("Is that still the deadline?", "…there?"): its
    first pointing word, not an existential "there" ("are there any prerequisites?"), follows no name of its own
    ("What does ISACA's AAIA stand for, and when did it launch?" points at AAIA)."""
    asker = lexicon["asker"]
    words = text.split()
    bare = [bare_word(w) for w in words]
    for i, word in enumerate(bare):
        around = {" ".join(bare[max(0, i - 1):i + 1]), " ".join(bare[i:i + 2])}
        if word in asker["pointing_words"] and not around & set(asker["not_pointing"]):
            return not specific_terms(" ".join(words[:i]))
    return False


def _reported_claim(text: str, lexicon: dict[str, Any]) -> str:
    """The part without the names of where the asker heard the claim it reports (lexicon `hearsay`): those before
    its last reporting word with a claim after it ("Someone on LinkedIn said | NIST released AI RMF 2.0"), or before
    the "that" or comma closing a source that a preposition opens after it ("I read on Reddit that | OWASP dropped…",
    "According to a Twitter thread, | the NIST AI RMF has…"), which no later reporting word reopens. A reporting word
    with nothing after it, or a preposition and no close ("EN ISO/IEC 42001:2026 mentioned in a tender"), reports no
    claim of its own; a claim that came first ("…, someone said.") keeps the part whole."""
    words = text.split()
    claim = _claim_start(words, lexicon)
    if claim >= len(words):
        return text
    source = [word for i, word in enumerate(words[:claim]) if not i or not specific_terms(f"a {word}")]  # no name opens
    return " ".join([*source, *words[claim:]])


def _claim_start(words: list[str], lexicon: dict[str, Any]) -> int:
    """Where the claim a part reports starts among its `words` (see `_reported_claim`): 0 when it reports none."""
    hearsay = lexicon["hearsay"]
    reporting = [phrase.split() for phrase in hearsay["reporting"]]
    bare = [bare_word(word) for word in words]
    claim, i = 0, 0
    while i < len(words):
        length = next((len(r) for r in reporting if bare[i:i + len(r)] == r), 0)
        end, i = i + length, i + max(length, 1)
        if not length or end == len(words) or is_dash(words[end]):
            continue
        if {bare[end - 1], bare[end]} & set(hearsay["prepositions"]):  # "heard on a podcast that…", "according to"
            close = next((j for j in range(end, len(words)) if bare[j] == "that" or words[j].endswith(",")), None)
            if close is not None:
                claim = i = close + 1
                if bare[close] == "that":
                    break
            continue
        claim = end
    return claim


def _without_owned(text: str, lexicon: dict[str, Any]) -> str:
    """The text without the names right after a first-person possessive: "for our HR screening tool" keeps no "HR"."""
    kept, owned = [], False
    for word in text.split(" "):
        bare = word.strip("()[],.;:!?\"'")
        if owned and bare[:1].isupper():
            continue
        owned = bare.lower() in lexicon["asker"]["possessives"]
        kept.append(word)
    return " ".join(kept)


def bare_word(word: str) -> str:
    """A word lower-cased without the punctuation around it or a contraction's end ("What's" is "what")."""
    return word.strip("()[],.;:!?\"'").lower().split("'")[0]


def question_sentences(question: str) -> list[str]:
    """A question's sentences: cut after ".", "!" or "?", also before a word in lower case ("…ATT&CK? i know …"), but
    not after a common abbreviation ("…counterpart, i.e. are only in ATLAS?" is one sentence)."""
    sentences: list[str] = []
    for piece in SENTENCE_BREAK.split(question):
        if sentences and sentences[-1].endswith(ABBREVIATIONS):
            sentences[-1] += f" {piece}"
        else:
            sentences.append(piece)
    return sentences


def asking_text(question: str, lexicon: dict[str, Any]) -> str:
    """What the question asks, without the sentences that only tell ("Microsoft's AI red team wrote up lessons…")
    nor the asker's setting: the kind of answer asked for is read from it alone."""
    return asked_part(asking_sentences(question), lexicon)


def asking_sentences(question: str) -> str:
    """The sentences that ask (end in "?") of a question that also tells something first ("Our HR team uses a
    CV-screening tool for hiring. When do we have to comply?"); the whole question when none or all of them ask."""
    sentences = question_sentences(question.strip())
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    return " ".join(asking) if asking and len(asking) < len(sentences) else question


def specific_terms(question: str) -> list[str]:
    """Years, versions, identifiers (`LLM11:2025`) and capitalised names in the question, not its first word nor a
    letter of an acronym it names."""
    terms = []
    for sentence in question_sentences(question):
        if INSTRUCTION.search(sentence):
            continue  # an instruction to the assistant names nothing the answer is about
        words = WORD.findall(sentence)
        for position, word in enumerate(words):
            word = re.sub(r"['’](?:s|d|ll|m|re|ve)$|n['’]t$", "", word.strip(".:-/"))  # "Google's", "I'd": no name
            word = _named_part(word)
            numbered = words[position + 1] if position + 1 < len(words) else ""
            if word[:1].isupper() and word not in QUESTION_WORDS and _is_standard_number(numbered):
                terms.append(f"{word} {numbered}")  # "ISO/IEC 42001", "SP 800-53": the number is part of the name
                continue
            for part in word.split("/"):  # a slash joins two words: "AI/LLM security" names the LLM, "GRC/compliance" GRC
                if not part or part in QUESTION_WORDS or part in COMMON_CAPITALS or part in GENERIC_ACRONYMS:
                    continue
                numeric = is_year(part) or is_version(part) or IDENTIFIER.match(part)
                named = part[0].isupper() and position > 0 and not any(c.isdigit() for c in part)
                if numeric or named:
                    terms.append(part)
    return [t for t in dict.fromkeys(terms) if not _letter_of(t, terms)]


def _letter_of(term: str, terms: list[str]) -> bool:
    """Whether a one-letter term is a letter of an acronym among `terms`: "always forget the R and the E" of STRIDE
    names two of its letters, no thing a passage must mention."""
    return len(term) == 1 and any(len(t) > 1 and t.isupper() and term in t for t in terms)


def _is_standard_number(word: str) -> bool:
    """A document's number that completes the name before it: "42001", "800-53", "600-1" (three digits or more, or
    dash-joined), not a year, a version or a count ("CISSP 5 years")."""
    parts = word.split("-")
    digits = sum(len(p) for p in parts)
    return all(p[:1].isdigit() and p.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").isdigit() for p in parts) \
        and (digits >= 3 or len(parts) > 1) and not is_year(word)


def _named_part(word: str) -> str:
    """A compound's name without its common words: "AI-focused" names "AI", "OWASP-aligned" names "OWASP"."""
    parts = word.split("-")
    if len(parts) < 2 or not any(p.isalpha() and p.islower() for p in parts):
        return word
    return "-".join(p for p in parts if not (p.isalpha() and p.islower()))


def unmentioned(terms: list[str], texts: list[str], joining: list[str] | tuple[str, ...] = (),
                names: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """The terms that occur as a word (or, for an acronym, spelled out, small `joining` words allowed; for the words
    of a name, as its acronym: see `abbreviated`; for a short form, as one of the longer `names` it stands for) in
    none of `texts`; a first name also counts as the short form of a longer one before the next term ("Tim Brown" is
    named by "Timothy G. Brown")."""
    joined = " ".join(texts)
    following, short = dict(zip(terms, terms[1:])), abbreviated(terms, joined)
    return [t for t in terms if not any(_mentioned(n, joined) for n in (t, *(names or {}).get(t, ()))) and t not in short
            and not any(names_term(text, t, following.get(t), joining) for text in texts)]


def quoted(terms: list[str] | tuple[str, ...]) -> str:
    """Terms as they are named back to the user: “Tokyo”, “2019”."""
    return ", ".join(f"“{term}”" for term in terms)


def searchable_text(passage: Passage) -> str:
    """A passage's text with its title and section, where a question's names may also be found."""
    meta = passage.metadata
    return f"{meta.get('title', '')}\n{meta.get('context', '')}\n{passage.text}"


def _mentioned(term: str, text: str) -> bool:
    variants = {term}
    if term.endswith("s") and len(term) > 3:
        variants.add(term[:-1])  # "LLMs", "Engineers"
    return any(mentions(text, v) for v in variants)

