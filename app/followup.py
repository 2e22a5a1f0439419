"""Rewrite a follow-up question into a standalone one using the conversation so far (no LLM)."""
from __future__ import annotations

import re
from typing import Any

from app.answer_type import asks_only_yes_or_no, expected_answer_type, has_phrase, question_words
from app.asks_current import status_words
from app.coverage import asked_part, asking_text, bare_word, last_asking_part, specific_terms
from app.lexicon import phrase_pattern
from app.sentences import is_acronym
from app.support import GENERIC_ACRONYMS
from ingest.lexical import lexical_tokens

QUOTED = re.compile(r"(?<!\w)['\"“‘]([^'\"“”‘’]+)['\"”’](?!\w)")  # 'really big', "really big", not "what's"

NAMED_WORDS = 3  # what an earlier question counted or asked for is at most this many words ("case studies")
ROLE_NOUN = r"(?:\s+(?:postings?|roles?|jobs?|positions?|engineers?|analysts?|leads?|teams?|professionals?))?"
# "the Associate AI Security Engineer role at Tessellane Bank": one posting, named by title and company.
POSTING_REFERENCE = re.compile(r"\b(?:[A-Z][\w,&/.-]*\s+)+(?:role|position|job|posting|opening)\s+at\s+[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)*")
# an acronym-led name (a trailing "+" is part of it: "SecAI+") with its numbers and small joining words: "ISO/IEC 42001",
# "OWASP Top 10 for LLM Applications"; or, as group "titled", a name of two capitalised words or more after a lowercase
# word ("the Model Context Protocol", "to Model Denial of Service"), which no sentence's first word opens
ACRONYM_RUN = (r"\b(?:(?P<titled>(?<=[a-z] )[A-Z][a-z]+(?=\s+(?:(?:{joins})\s+)?[A-Z]))|[A-Z][A-Za-z0-9/&-]*[A-Z0-9][A-Za-z0-9/&-]*\+?)"
               r"(?:\s+(?:[A-Z][\w/&-]*\+?|\d[\w:.-]*(?<![.:])|(?:{joins})\s+(?=[A-Z])"
               r"[A-Z][\w/&-]*|[a-z]+(?=\s+(?:postings?|roles?|jobs?))))*" + ROLE_NOUN)


class FollowUpRewriter:
    """Puts the earlier question's subject into a follow-up, with the lexicon's anaphora and follow-up openers (the
    narrowing openers, "only the senior ones", are the QueryParser's alone); `subjects` are known phrases (role
    families and their synonyms)."""

    def __init__(self, lexicon: dict[str, Any], subjects: list[str]):
        self.lexicon = lexicon
        self.anaphora = phrase_pattern(*lexicon["query_anaphora"])
        self.demonstratives = phrase_pattern(*lexicon["query_demonstratives"])
        self.auxiliaries = set(lexicon["asker"]["polar_openers"])
        self.unasked = {*self.auxiliaries, *lexicon["question_function_words"], *lexicon["acronym_joining_words"]}
        self.start = phrase_pattern(*lexicon["query_follow_up_starts"], at_start=True)
        self.opener = phrase_pattern(*lexicon["query_follow_up_openers"], at_start=True)
        self.leans = phrase_pattern(*lexicon["query_follow_up_leans"])
        self.now = {word for word in status_words(lexicon) if " " not in word}  # "who hosts that project now?"
        self.events = phrase_pattern(*lexicon["query_event_asks"], at_start=True)
        self.partitives = set(lexicon["query_partitive_words"])
        self.defining = phrase_pattern(*lexicon["definition_questions"], at_start=True)
        self.clause_breaks = {*lexicon["clause_conjunctions"], *self.auxiliaries}
        self.subjects = sorted(subjects, key=len, reverse=True)
        self.acronym_run = re.compile(ACRONYM_RUN.format(joins="|".join(map(re.escape, lexicon["acronym_joining_words"]))))

    def is_follow_up(self, question: str) -> bool:
        """Short questions that lean on earlier turns ("and what do they pay?"), also after an opener that only
        acknowledges the earlier answer ("ok, and when did it come out?"); a long question after an opener is one of
        its own, as one with a back-reference is ("ok and once you get one, how long does it last and …?"); a turn of
        several short questions is short ("how many tactics does it have now? which ones …?"; a dash is no word). At any
        length, one with a demonstrative before its noun ("… before I can book that exam?"), a phrase leaning on the
        earlier subject (lexicon `query_follow_up_leans`: "… anything I can do in the meantime?"), or a pronoun in a
        question naming nothing of its own ("when did it come out and what's the number one risk on it?") is a
        follow-up."""
        opened = self.opened(question)
        short = self._short(opened)
        reference = self.back_reference(opened)
        leaning = reference is not None and not self._described(reference) and not self._names_own(opened)  # "it" alone
        return bool(self.start.search(opened)) and (short or opened == question) \
            or reference is not None and (short or self._determines(opened, reference) or leaning) \
            or bool(self.leans.search(opened))

    @staticmethod
    def _short(question: str) -> bool:
        """Whether each question of a turn has at most 12 words (a dash is no word)."""
        return max(len([word for word in asked.split() if any(ch.isalnum() for ch in word)])
                   for asked in question.split("?")) <= 12

    def opened(self, question: str) -> str:
        """The question after an opener that only acknowledges or pauses (lexicon `query_follow_up_openers`), set off
        by punctuation ("ok,", "hang on,", "wait -") or before a follow-up's start ("ok and …"), else the question
        ("Right to work in the UK?" has none)."""
        opener = self.opener.match(question)
        rest = question[opener.end():] if opener else ""
        stripped = rest.lstrip(" ,;:.!-—–")
        set_off = rest[:1] in ",;:.!" or rest.lstrip()[:1] in "-—–" or self.start.match(stripped)
        return stripped if opener and set_off and stripped else question

    def standalone(self, question: str, history: list[Any] | None, selection: str | None = None,
                   answered: str | None = None) -> str:
        """The question itself, or the follow-up with the earlier question's subject put in: for a pronoun its name,
        for a described back-reference ("that one") or none ("and since when?") what the earlier question asked about;
        in a conversation about postings, a back-reference ("which of those pays best?") stands for the postings it
        listed, `selection` ("the postings located in Boston"), not for the earlier question's words; after a question
        asking for a thing, a pronoun stands for the name its answer gave, `answered` (see `answered_name`), or when
        it gave none, for the thing as that question asked for it ("who created the model file format that stores
        only tensor data …?"), never for another name of that question ("Hugging Face" of "Which scanner does Hugging
        Face run …?")."""
        earlier = previous_questions(history)
        counted = self.counted_from(question, earlier[-1]) if earlier else None
        if counted:
            return counted
        if not earlier or not (self.is_follow_up(question) or quotes_earlier(question, earlier[-1])):
            return question
        question = self.opened(question)  # "wait, when was it published?": what is asked after the opener
        if self.asks_change(question, earlier[-1]):  # "… does that help?": the value asked before, and the change
            return f"{earlier[-1].rstrip()} {question}"
        if answered:
            return self._with_topic(question, self._kind_named(earlier[-1], answered))
        if self.stands_for_answer(question, history):  # no name found: the thing as the earlier question asked for it
            return self._with_topic(question, self._thing_asked(earlier[-1]))
        reference = self.back_reference(question)
        if selection and reference is not None and not self._described(reference):  # "the senior ones" keeps its noun
            return self._with_topic(question, selection)
        by_name = reference is not None and not self._described(reference)
        singular = by_name and self._titled_name_stands(reference, question, history)
        return self._with_topic(question, self._topic(earlier[-1], by_name, singular, self.picks_among(question)))

    def asks_change(self, question: str, earlier: str) -> bool:
        """Whether a follow-up asks only yes or no whether something changes (lexicon `query_follow_up_changes`) the
        value the earlier question asked, by an answer type or by a word for a value or requirement: "would having the
        CCSK cut that down?" after "what's the experience requirement for CCSP?"."""
        changes = self.lexicon["query_follow_up_changes"]
        asking = last_asking_part(question, self.lexicon)  # "I have a degree - does that help?": "does that help?"
        asked = question_words(asking_text(earlier, self.lexicon))
        return asks_only_yes_or_no(asking, self.lexicon) \
            and any(has_phrase(question_words(asking), phrase) for phrase in changes["asks"]) \
            and (expected_answer_type(earlier, self.lexicon, asking_text(earlier, self.lexicon)) is not None
                 or any(has_phrase(asked, phrase) for phrase in changes["values"]))

    def case_first(self, sentences: list[Any], question: str) -> list[Any]:
        """The (text, citations) of an answer to a follow-up asking whether the asker's case changes a value
        (`asks_change`), with the one sharing most of the follow-up's own words first: the change asked about leads
        ("A four-year degree … can substitute for one year"), the value follows ("CISSP requires five years …")."""
        own = set(lexical_tokens(self.opened(question)))
        shared = [len(own & set(lexical_tokens(text))) for text, _ in sentences]
        best = max(range(len(sentences)), key=lambda n: (shared[n], -n), default=0)
        return [sentences[best], *sentences[:best], *sentences[best + 1:]] if sentences and shared[best] else sentences

    def aspect(self, question: str, history: list[Any] | None, answered: str | None = None) -> str | None:
        """What a follow-up's own words ask, to rank the quoted sentences by ("what does it say about excessive
        agency?": the topic the conversation set is in every retrieved passage); None for a question that is no
        follow-up. A described back-reference (lexicon `query_described_anaphora`) stands for what the earlier question
        described ("when did that one launch?" after "Does ISACA have anything for auditing AI systems?"); a pronoun
        after a question asking who (lexicon `query_answered_by_name`) for the names that question gives ("are they
        still independent?" after "who runs that Gandalf game …?": "are Gandalf still independent?"), which the
        answer's sentence names, while the rest of that question ("… to practise prompt injection") does not; a pronoun
        after a question asking for a thing for the name its answer gave, `answered`, else for the thing as that
        question asked for it."""
        earlier = previous_questions(history)
        if not earlier or not self.is_follow_up(question):
            return None
        question = self.opened(question)
        if self.asks_change(question, earlier[-1]):  # the earlier question asked with it ranks: its value leads
            return None
        if answered:
            return self._with_topic(question, answered)
        if self.stands_for_answer(question, history):
            return self._with_topic(question, self._thing_asked(earlier[-1]))
        reference, whole = self.back_reference(question), asked_part(earlier[-1], self.lexicon)
        asked = self._subject(whole)
        if reference is None or self._named_topic(earlier[-1], asked):
            return question
        if self._described(reference):
            return self._with_topic(question, self._topic(earlier[-1]))
        name = self._name(asked, self._titled_name_stands(reference, question, history))
        if name and name.group("titled"):  # "what number is it under now?": the name's words rank, as an acronym's would
            return self._with_topic(question, name.group(0))
        names = specific_terms(asked)
        if names and expected_answer_type(whole, self.lexicon) in self.lexicon["query_answered_by_name"]:
            return self._with_topic(question, " ".join(names))
        return question

    def counted_from(self, question: str, earlier: str) -> str | None:
        """A count question that leaves out what it counts ("how many does the CISSP exam have?") with the words the
        earlier question counted put in ("How many questions does the AAISM exam have?": "how many questions does the
        CISSP exam have?"): the subject is the question's own, the counted noun the conversation's; else None. Postings
        counted ("how many are remote?" after "How many MLSecOps jobs are there?") are the conversation's Query's to
        narrow, not words to carry."""
        words, given, postings = question.split(), earlier.split(), self.lexicon["posting_nouns"]["in_figures"]
        for phrase in self.lexicon["answer_types"]["count"]["asks"]:
            at = _after_phrase(words, phrase)
            if at is None or bare_word(" ".join(words[at:at + 1])) not in self.auxiliaries:
                continue
            counted = self._before_verb(given, _after_phrase(given, phrase))
            if counted and not any(bare_word(word) in postings for word in counted):
                return " ".join([*words[:at], *counted, *words[at:]])
        return None

    def _kind_named(self, earlier: str, name: str) -> str:
        """The name an answer gave with the kind of thing the earlier question asked for, the words between its "which"
        and its verb ("Which ISACA certification is aimed at …?": "the ISACA certification AAISM"), else the name."""
        words = asked_part(earlier, self.lexicon).split()
        kind = self._before_verb(words, _after_phrase(words, "which"))
        return f"the {' '.join(kind)} {name}" if kind else name

    def _before_verb(self, words: list[str], start: int | None) -> list[str]:
        """The words from `start` up to the first auxiliary after them, when there are one to NAMED_WORDS of them."""
        if start is None:
            return []
        end = next((i for i in range(start, len(words)) if bare_word(words[i]) in self.auxiliaries), None)
        return words[start:end] if end is not None and 0 < end - start <= NAMED_WORDS else []

    def refers_to_answer(self, question: str, history: list[Any] | None) -> bool:
        """Whether the follow-up's back-reference is a pronoun ("when was it issued?"), or it has none and names nothing
        of its own ("and when did the second version come out?"), after a question asking for a thing (lexicon
        `query_asks_for_a_thing`: "what replaced SR 11-7?", or one of an answer type of `query_thing_types`: "what tool
        did Microsoft release …?"), so it stands for what the answer named."""
        earlier = previous_questions(history)
        if not earlier or not self.is_follow_up(question):
            return False
        reference = self.back_reference(question)
        if reference is None and self._names_own(question):
            return False
        if reference is not None and self._described(reference):
            return False
        asked = question_words(asked_part(earlier[-1], self.lexicon))
        return any(has_phrase(asked, phrase) for phrase in self.lexicon["query_asks_for_a_thing"]) \
            or expected_answer_type(asked_part(earlier[-1], self.lexicon), self.lexicon) in self.lexicon["query_thing_types"]

    def asks_which(self, question: str, history: list[Any] | None) -> bool:
        """Whether the follow-up's back-reference is a singular pronoun ("what's ranked first on it?") after a question
        asking which thing of a kind ("Which OWASP list covers …?"), whose answer may name it (`answered_name` with
        `described`)."""
        return self.points_back_singly(question, history) and bool(self._kind(previous_questions(history)[-1]))

    def points_back_singly(self, question: str, history: list[Any] | None) -> bool:
        """Whether the follow-up's back-reference is a singular pronoun (lexicon `query_singular_pronouns`)."""
        reference = self.back_reference(question)
        return bool(previous_questions(history)) and reference is not None and self.is_follow_up(question) \
            and reference.group(0).lower() in self.lexicon["query_singular_pronouns"]

    def stands_for_answer(self, question: str, history: list[Any] | None) -> bool:
        """Whether the follow-up's back-reference stands for the thing the earlier answer gave, not a name of the
        earlier question: it refers to the answer (`refers_to_answer`) or is a singular pronoun after a question asking
        which thing of a kind (`asks_which`)."""
        return self.refers_to_answer(question, history) or self.asks_which(question, history)

    def _kind(self, earlier: str) -> list[str]:
        """The kind of thing a question asks which one of: the words after its "which", up to its auxiliary ("Which
        model file format is …?") or its first ("Which OWASP list covers …?"; not "which is better …?"), or the
        lower-case words between its opening "what" and its auxiliary ("What new ban did …?", not "What's ISACA's
        AAIA?" nor "What changed in …?")."""
        words = asked_part(earlier, self.lexicon).split()
        which = _after_phrase(words, "which")
        if which is not None and which < len(words) and bare_word(words[which]) not in self.auxiliaries:
            return words[which:next((i for i in range(which, len(words)) if bare_word(words[i]) in self.auxiliaries), which + 1)]
        kind = self._before_verb(words, 1) if words and words[0].lower() == "what" else []
        return kind if kind and all(word.islower() for word in kind) else self._kind_before_name(asked_part(earlier, self.lexicon))

    def _kind_before_name(self, asked: str) -> list[str]:
        """The kind a definition question (lexicon `definition_questions`) asks for before a clause of a name and its
        verb: "scanner" of "What's the scanner Hugging Face runs on …?" (not "What's the difference between ISO 42001
        and …?" nor "What's the deadline for …?": a joining word follows)."""
        opener = self.defining.match(asked)
        rest = asked[opener.end():].split() if opener else []
        end = next((i for i, word in enumerate(rest) if not word.islower()), len(rest))
        after = next((i for i in range(end, len(rest)) if rest[i].islower()), len(rest))  # the name's verb
        joins = {*self.lexicon["acronym_joining_words"], *self.clause_breaks}
        kind, verb = rest[1:end], rest[after:after + 1]
        return kind if rest[:1] == ["the"] and 0 < len(kind) <= NAMED_WORDS and after > end and verb \
            and not {bare_word(word) for word in [*kind, *verb]} & joins else []

    def _thing_asked(self, earlier: str) -> str:
        """The thing an earlier question asked for, as it asked: its kind, then the question ("the scanner (Which
        scanner does Hugging Face run on files uploaded to the Hub)"), else the question."""
        asked = asked_part(earlier, self.lexicon).strip().rstrip("?.! ")
        kind = self._kind(earlier)
        return f"the {' '.join(kind)} ({asked})" if kind else asked

    def answered_name(self, earlier: str, answer: str, described: bool = False) -> str | None:
        """The acronym-led name the answer gives for what the earlier question asked: one of the lead's names (its text
        up to the first citation: "SR 26-2" for "SR 26-2 superseded SR 11-7 …" after "what replaced SR 11-7 …?",
        "AAISM" for a lead listing "the IAPP AIGP …, ISACA's AAIA and AAISM" before the sentences about AAISM), or when
        it names none, of the first sentence naming one that shares a word of the question ("NIST AI 100-2 E2025");
        for a name the question only `described` ("which OWASP list covers …?"), of the first sentence naming one
        that shares a lower-case word of it, the words describing the thing ("OWASP Top 10 for LLM Applications", not
        the "LLM01:2026" of a lead on its identifiers), else None. Of those the one sharing the most lower-case words,
        then the one named most often, the first on a tie. Not one in brackets after the question's own words, another
        name of the question's thing ("Azure Security Engineer Associate (exam AZ-500)" after "what replaced the Azure
        Security Engineer Associate?")."""
        given = earlier.lower()
        sentences = [self._names(sentence.split("]", 1)[-1], given) for sentence in answer.split("[")]
        described_by = {bare_word(word) for word in asked_part(earlier, self.lexicon).split() if word.islower()} - self.unasked
        sharing = described_by if described else {bare_word(word) for word in given.split()} - self.unasked
        named = [] if described else sentences[0]
        named = named or next(([name for name in names if _shares(name, sharing)] for names in sentences
                               if any(_shares(name, sharing) for name in names)), [])
        return max(named, key=lambda name: (_shares(name, described_by), answer.count(name)), default=None)

    @staticmethod
    def entry_named(answer: str, entry: str) -> str:
        """The entry `entry` ("LLM03:2026") with the capitalised words the answer names it with ("LLM03:2026 Excessive
        Agency"), else the entry alone."""
        at = answer.find(entry)
        words = answer[at + len(entry):].split() if at >= 0 else []
        named = []
        for word in words:
            if not word[:1].isupper():
                break
            named.append(word.rstrip(",.;:)"))
            if named[-1] != word:
                break
        return " ".join([entry, *named])

    def _names(self, text: str, given: str) -> list[str]:
        """The acronym-led names in `text` that the earlier question (`given`, lower-cased) does not give."""
        found = [m for m in self.acronym_run.finditer(text) if not m.group("titled")]
        bracketed = {m.start() for m in found}  # "Advanced in AI Audit (AAIA, 2025)": the acronym names it
        runs = [m.group(0) for m in found if m.group(0).lower() not in given
                and m.end() + 2 not in bracketed
                and not self._alias_of_given(text, m.start(), set(given.replace("?", " ").split()))]
        return [name for run in runs for name in run.split(" and ")  # a list's items: "AAIA and AAISM"
                if name.lower() not in given
                and any(word[:1].isupper() and word not in GENERIC_ACRONYMS for word in name.split())]

    @staticmethod
    def _alias_of_given(lead: str, start: int, given_words: set[str]) -> bool:
        """Whether the name at `start` stands in brackets right after two words the earlier question gives."""
        opened = lead.rfind("(", 0, start)
        if opened <= lead.rfind(")", 0, start):
            return False
        before = lead[:opened].lower().split()[-2:]
        return bool(before) and all(word in given_words for word in before)

    def _with_topic(self, question: str, topic: str) -> str:
        """The question with `topic` for its first back-reference, or after it when it has none."""
        reference = self.back_reference(question)
        if reference is None:
            return f"{question.rstrip('?').rstrip()} — regarding {topic}?"
        return question[:reference.start()] + topic + question[reference.end():]

    def back_reference(self, question: str) -> re.Match | None:
        """The first anaphor ("they", "it", "that role"), not an acronym written in capitals ("IT auditors"), or
        demonstrative standing as a pronoun ("when was that released?": see `_stands_alone`)."""
        positions = self.lexicon["query_positions"]["before_number"]  # "what's number one on it?": "one" is a position
        anaphors = [m for m in self.anaphora.finditer(question) if not is_acronym(m.group(0))
                    and not any(bare_word(word) in positions for word in question[:m.start()].split()[-1:])]
        pronouns = [m for m in self.demonstratives.finditer(question) if self._stands_alone(question, m, anaphors)]
        return min([*anaphors, *pronouns], key=lambda m: m.start(), default=None)

    def _stands_alone(self, question: str, demonstrative: re.Match, anaphors: list[re.Match]) -> bool:
        """Whether a demonstrative follows an auxiliary (lexicon `asker.polar_openers`: "was that", "has this") or ends
        the question, alone or with one noun ("which version fixed that?", "who created that format?", "who hosts that
        project now?": words saying now, lexicon `currency.asks_current`, may follow), and opens no anaphor of its own
        ("that role", "that one")."""
        before = question[:demonstrative.start()].split()[-1:]
        after = [word for word in map(bare_word, question[demonstrative.end():].split()) if word]
        ends = not after[1:] or all(word.lower() in self.now for word in after[1:]) or self._determines(question, demonstrative)
        return ((bool(before) and before[0].lower() in self.auxiliaries or ends)
                and not any(demonstrative.start() <= m.start() <= demonstrative.end() + 1 for m in anaphors))

    def _determines(self, question: str, demonstrative: re.Match) -> bool:
        """Whether a demonstrative stands before one noun that ends the question or its clause ("book that exam?",
        "book that exam or do I need …?": a conjunction or auxiliary follows), so it points back at a thing named."""
        if demonstrative.group(0).lower() not in self.lexicon["query_demonstratives"]:
            return False
        after = question[demonstrative.end():].split()
        return 0 < len(after) and (after[0][-1:] in "?.!,;" or len(after) > 1 and bare_word(after[1]).lower() in self.clause_breaks)

    def _titled_name_stands(self, reference: re.Match, question: str, history: list[Any] | None) -> bool:
        """Whether a back-reference may stand for a name of capitalised words of the earlier question: it is a singular
        pronoun (lexicon `query_singular_pronouns`), and the earlier question asks for no thing, whose pronoun stands
        for what the answer named ("since when has that applied?" after "Which Body of Knowledge version does the AIGP
        exam follow?")."""
        return reference.group(0).lower() in self.lexicon["query_singular_pronouns"] \
            and not self.refers_to_answer(question, history)

    def _names_own(self, question: str) -> bool:
        """Whether a question names a thing of its own: a name of capitalised words or acronyms, or a known subject."""
        return bool(self._name(question, True) or self._named_topic(question, question))

    def _described(self, reference: re.Match) -> bool:
        """Whether a back-reference stands for a thing as described ("that one"), not for a name (lexicon
        `query_described_anaphora`)."""
        return reference.group(0).lower() in self.lexicon["query_described_anaphora"]

    def _topic(self, question: str, by_name: bool = False, singular: bool = False, among: bool = False) -> str:
        """The event an earlier question asks about (lexicon `query_event_asks`) as it names it ("the SEC charging the
        SolarWinds CISO" of "What happened with …?", not the role word "CISO" in it); else, of what it asks (for a
        pronoun, of a definition question its subject, "safetensors" of "what's safetensors and why …?", see
        `_subject`; a described back-reference, "that one", stands for all it described), for a
        back-reference picking `among` the items it asked for ("which of those …?") all of it ("the four functions in
        the NIST AI RMF"); else a posting named by title and company, else a known subject phrase (longest first) unless
        a `singular` pronoun has a name below to stand for ("CKS" of "Is the CKS worth it for someone doing ML platform
        security?": the role is whom the thing is for, "it" the thing), else
        (`by_name`, for a pronoun) the first acronym-led name with a capitalised word besides generic acronyms
        ("CycloneDX", not "ML" nor "ML teams") or, for a `singular` pronoun, of capitalised words ("Model Context
        Protocol", not an owner as in "Protect AI's ModelScan"), else what the earlier question asks ("Does ISACA have
        anything for auditing AI systems"); never the asker's own setting ("I'm a CISA-certified IT auditor.")."""
        asked = asked_part(question, self.lexicon)
        event = self.events.match(asked)
        happening = asked[event.end():].split("?")[0].strip(" .!") if event else ""  # up to the question's end
        if happening:
            return happening
        asked = self._subject(asked) if by_name or among else asked  # "that one" stands for what it described
        if among:
            return asked.strip().rstrip("?.! ")
        name = self._name(asked, singular) if by_name else None
        named = self._named_topic(question, asked)
        if named and (POSTING_REFERENCE.search(question) or not (singular and name)):
            return named
        if name:
            return name.group(0)
        return asked.strip().rstrip("?.! ")

    def _subject(self, asked: str) -> str:
        """What a definition question (lexicon `definition_questions`) asks about, its words up to the first clause
        conjunction, auxiliary or comma ("safetensors" of "what's safetensors and why is it safer than pickle?",
        "garak" of "what does garak do?"), else `asked`."""
        opener = self.defining.match(asked)
        words = asked[opener.end():].split() if opener else []
        end = next((i for i, word in enumerate(words)
                    if bare_word(word) in self.clause_breaks or word[-1:] in ",;"), len(words))
        subject = " ".join(words[:end + (words[end][-1:] in ",;" if end < len(words) else 0)]).strip(" ,;?.!")
        return subject or asked

    def picks_among(self, question: str) -> bool:
        """Whether the follow-up's back-reference is a plural pronoun after a word picking among items (lexicon
        `query_partitive_words`: "which of those …?", "any of them"), so it stands for what the earlier question asked
        for, not for a name in it."""
        reference = self.back_reference(question)
        before = question[:reference.start()].split()[-1:] if reference is not None else []
        return bool(before) and bare_word(before[0]).lower() in self.partitives \
            and reference.group(0).lower() not in self.lexicon["query_singular_pronouns"]

    def _name(self, asked: str, singular: bool) -> re.Match | None:
        """The first acronym-led name with a capitalised word besides generic acronyms ("EU AI Act", not "ML teams"),
        or, for a `singular` pronoun, of capitalised words that owns nothing ("Protect AI's" does); of those the first
        that owns nothing ("AAIA" of "ISACA's AAIA certification"), else the first."""
        names = [m for m in self.acronym_run.finditer(asked)
                 if (not m.group("titled") or singular and not _owns(asked, m))
                 and any(word[:1].isupper() and word not in GENERIC_ACRONYMS for word in m.group(0).split())]
        return next((m for m in names if not _owns(asked, m)), names[0] if names else None)  # "ISACA's AAIA": AAIA

    def _named_topic(self, question: str, asked: str) -> str | None:
        """A posting `question` names by title and company, else a known subject phrase its `asked` part names."""
        posting = POSTING_REFERENCE.search(question)
        if posting:
            return posting.group(0).rstrip(".,")
        for phrase in self.subjects:
            match = re.search(rf"\b{re.escape(phrase)}(?:e?s)?{ROLE_NOUN}\b", asked, re.IGNORECASE)  # plurals too
            if match:
                return match.group(0)
        return None


def _owns(text: str, name: re.Match) -> bool:
    """Whether the name found in `text` is followed by a possessive ("ISACA's")."""
    return text[name.end():name.end() + 2] in ("'s", "’s")


def _shares(name: str, words: set[str]) -> int:
    """How many of `words` (compared plain) the name holds."""
    return len(words & {bare_word(word) for word in name.lower().split()})


def _after_phrase(words: list[str], phrase: str) -> int | None:
    """The index of the word after the first occurrence of `phrase` in `words` (compared plain), or None."""
    wanted = phrase.lower().split()
    plain = [bare_word(w) for w in words]
    return next((i + len(wanted) for i in range(len(plain) - len(wanted) + 1) if plain[i:i + len(wanted)] == wanted), None)


def quotes_earlier(question: str, earlier: str) -> bool:
    """Whether the question quotes words of the earlier question, so leans on it ("What extra obligations do the really
    big general-purpose models get?" then "how big is 'really big' though?")."""
    folded = question_words(earlier)
    return any(has_phrase(folded, quoted) for quoted in QUOTED.findall(question))


def previous_answer(history: list[Any] | None) -> str | None:
    """The last assistant turn's text in history given as role/content dicts or (user, assistant) pairs, or None."""
    answer = None
    for turn in history if isinstance(history, list) else []:
        if isinstance(turn, dict) and turn.get("role") == "assistant" and turn.get("content"):
            answer = str(turn["content"])
        elif isinstance(turn, (list, tuple)) and len(turn) > 1 and turn[1]:
            answer = str(turn[1])
    return answer


def previous_questions(history: list[Any] | None) -> list[str]:
    """User turns from history given as role/content dicts, (user, assistant) pairs, or plain strings."""
    questions = []
    for turn in [history] if isinstance(history, str) else history or []:  # one earlier question as a bare string
        if isinstance(turn, dict):
            if turn.get("role", "user") == "user" and turn.get("content"):
                questions.append(str(turn["content"]))
        elif isinstance(turn, (list, tuple)) and turn:
            if turn[0]:
                questions.append(str(turn[0]))
        elif isinstance(turn, str) and turn.strip():
            questions.append(turn)
    return questions

