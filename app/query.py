"""One reading of the question: a typed Query (what is asked, about which postings), edited by each follow-up."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Callable

from app.analytics.entities import FIELDS, MULTI_VALUED, Entities, EntityRecognizer
from app.answer_type import expected_answer_type
from app.asks_current import asks_for_current
from app.coverage import asking_sentences, asking_text, bare_word, question_sentences
from app.followup import FollowUpRewriter
from app.guidance import asks_advice, is_guidance, without_own_ad
from app.lexicon import has_any, phrase_pattern
from app.places import Place, candidates, lookup
from app.sentences import is_acronym, is_dash
from ingest.lexical import lexical_tokens

FIGURES = ("salary", "count", "share")
LIST_FIELDS = (*FIELDS, "company", "employment_type")
AMOUNT = r"([$€£])?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k\b|thousand\b)?"
NUMBER = r"\b(\d{1,2}|{words})\b"
# "remote MLSecOps", "contract (not permanent)"; not "a demand for AI security" ("is there a demand for AI security roles?" asks for no list)
MODIFIERS = r"(?:(?!(?:do|does|did|have|has|should|would|can|is|are|was|were|of|for)\b)[\w+/()-]+\s+){0,5}"
# "which remote MLSecOps postings…", "what security jobs…" (a plural: "what job polarization…" asks about no postings),
# "do any of the sample jobs…", "are there contract roles…", "is there a part-time job…" (`any`); an auxiliary after
# the noun, of the asker's fit or of what work allows ("which jobs would suit me?", "which roles can be done
# remotely?"), is caught: such a question lists postings only under conditions (app/query.py `_lists`)
WHICH_POSTINGS = (r"^(?:which\s+{modifiers}(?:{nouns})|what\s+{modifiers}(?:{plural})"
                  r"|(?P<any>(?:(?:do|does|are|is|will|would)\s+any\s+(?:of\s+)?|(?:are|is)\s+there\s+){modifiers}(?:{nouns})))\b"
                  r"(?P<modal>\s+(?:would|could|might|can|should|will|do|does|did|must)\b)?"
                  r"|^which\s+(?:of|is|are|one|ones|pays?|pay)\b")
TERM = "term"  # a vocabulary term, as one word (app/query.py `_terms_as_words`)
# "which employers are asking for it?", "what companies still want the OSWE?": employers by what their postings require
EMPLOYERS_REQUIRING = r"\b(?:which|what)\s+{modifiers}(?:{employers})\s+(?:[\w'-]+\s+){{0,2}}?(?:{requiring})\b"
TOP_N = r"\btop[\s-]+(\d{{1,2}}|{words})\b|\b(\d{{1,2}}|{words}) most\b"


@dataclass(frozen=True)
class Cues:
    """What the wording says about a figure (the lexicon's figure cues that match) and the vocabulary terms it names."""

    found: frozenset[str] = frozenset()  # names of the figure_cues "asks" that match, "posting_noun" and "ads"
    list_field: str | None = None  # the list field a top-N question ranks ("certifications")
    group_by: str | None = None  # "by seniority", "across role families"
    top_n: int | None = None  # "top 3", "five most"
    population_end: int | None = None  # end of the first posting noun after a share cue ("share of postings")
    entities: Entities = Entities()

    def __contains__(self, name: str) -> bool:
        return name in self.found


# the fields that say how posting text writes a constraint: they travel with it, and go when it is dropped
SPELLINGS = {"place": ("place_spellings", "places"), "not_place": ("not_place_spellings",), "titles": ("title_spellings",),
             "mentions": ("mention_spellings",)}


@dataclass(frozen=True)
class Query:
    """What a question asks and about which postings; conversation state, edited by follow-ups."""

    text: str
    intent: str = "explain"  # explain | list | rank | top | count | share | salary | compare
    role_family: tuple[str, ...] = ()
    seniority: tuple[str, ...] = ()
    remote: tuple[str, ...] = ()
    place: str | None = None  # as the user named it: "London", "the EU"
    place_spellings: tuple[str, ...] = ()  # lower-cased substrings of posting locations that are in `place`
    places: tuple[tuple[str, tuple[str, ...]], ...] = ()  # the places "or"/"and" joins in `place`, each with its spellings
    not_place: str | None = None  # a place it excludes, as named: "the UK" ("in Europe but not the UK", "outside the US")
    not_place_spellings: tuple[str, ...] = ()  # lower-cased substrings of the locations of postings in `not_place`
    pay_above: int | None = None  # the range's top must reach it
    currency: str | None = None
    skills: tuple[str, ...] = ()
    clouds: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    company: tuple[str, ...] = ()
    employment_type: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # title words it names ("fractional", "virtual": lexicon `query_title_words`)
    title_spellings: tuple[str, ...] = ()  # lower-cased substrings of posting titles that are in `titles`
    mentions: tuple[str, ...] = ()  # conditions postings state only in their text ("security clearance": lexicon `query_posting_mentions`)
    mention_spellings: tuple[tuple[str, ...], ...] = ()  # for each of `mentions`, the lower-cased words of posting text stating it
    year: str | None = None
    posted_after: str | None = None  # ISO date, inclusive
    sort: str = "posted"  # "posted" (newest first) | "salary_max" (highest first)
    limit: int | None = None  # top-n; None lists a page
    page: int = 1
    follow_up: bool = False  # built by editing the previous turn's Query
    latest: tuple[str, ...] = ()  # the constraints this question itself set (a follow-up's edit)
    expects: str | None = None  # the answer type asked for (date, amount, count, ...): app.answer_type
    asks_current: bool = False  # asks for the current state of something: app.asks_current
    either: tuple["Query", ...] = ()  # two roles named each by its place ("the VP of AI Security in Dallas and the Head of
    # MLSecOps in New York"): the postings meeting either one's constraints (each with the question's shared ones)
    ranked_list: str | None = None  # the editions-registry key of a ranked list it names ("owasp-llm-top-10")
    position: str | None = None  # the identifier of the position it asks for in that list ("LLM03:2026" for "number 3")
    cues: Cues = field(default=Cues(), compare=False, repr=False)  # the wording's figure cues and terms (not state)

    @property
    def about_postings(self) -> bool:
        """Whether it asks for postings themselves (a list, a ranking, the newest) rather than prose or a figure."""
        return self.intent in ("list", "rank", "top")

    def constraints(self) -> dict[str, Any]:
        """The constraints that are set, by field (JSON-ready)."""
        names = (*LIST_FIELDS, "titles", "mentions", "place", "not_place", "pay_above", "currency", "year", "posted_after")
        return {n: (list(v) if isinstance(v, tuple) else v) for n in names if (v := getattr(self, n)) not in (None, ())}

    def without(self, name: str) -> "Query":
        """The same query with one constraint dropped (to find what emptied a result)."""
        extra = {field: () for field in SPELLINGS.get(name, ())}
        return replace(self, **{name: Query.__dataclass_fields__[name].default}, **extra)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, unset fields left out."""
        either = {"either": [part.to_dict() for part in self.either]} if self.either else {}
        return {**{k: list(v) if isinstance(v, tuple) else v for k, v in asdict(replace(self, cues=Cues(), either=())).items()
                   if k not in ("cues", "either") and (v not in (None, (), [], False) or k in ("intent", "page"))}, **either}


class QueryParser:
    """Reads a question into a Query with the vocabulary, the lexicon, the companies/places of the postings and the
    current editions of ranked lists."""

    def __init__(self, vocabulary, lexicon: dict[str, Any], companies: list[str] = (), locations: list[str] = (),
                 current_edition: Callable[[str], str | None] = lambda key: None):
        self.current_edition = current_edition  # editions-registry key -> its current edition (read on first use)
        self.recognizer = EntityRecognizer(vocabulary, lexicon)
        self.follow_ups = FollowUpRewriter(lexicon, [p for term, phrases in vocabulary.synonyms["role_families"].items()
                                                     for p in (term, *phrases)])
        self.lex = lexicon
        self.companies = sorted(set(companies), key=len, reverse=True)
        self.places = _place_names(locations)
        words = "|".join(map(re.escape, lexicon["query_number_words"]))
        self.number = re.compile(NUMBER.replace("{words}", words), re.I)
        nouns = "|".join(map(re.escape, lexicon["posting_nouns"]["any"]))
        plural = "|".join(map(re.escape, lexicon["posting_nouns"]["plural"]))
        self.which = re.compile(WHICH_POSTINGS.format(modifiers=MODIFIERS, nouns=nouns, plural=plural), re.I)
        employers = self.lex["query_employers_requiring"]
        self.employers_requiring = re.compile(EMPLOYERS_REQUIRING.format(
            modifiers=MODIFIERS, employers="|".join(map(re.escape, employers["employers"])),
            requiring="|".join(re.escape(v).replace("\\ ", r"\s+") for v in employers["requiring"])), re.I)
        self.nouns = tuple(n for n in lexicon["posting_nouns"]["any"] if n not in lexicon["posting_nouns"]["kinds_of_work"])
        self.leans_start = phrase_pattern(*lexicon["query_follow_up_starts"], *lexicon["query_narrowing_starts"], at_start=True)
        # "the latest one" names postings only in a conversation about them (`previous`), not beside a year or a skill
        self.named_nouns = tuple(n for n in lexicon["posting_nouns"]["any"] if n not in lexicon["query_anaphora"])
        # words a list of postings may hold beside its terms ("show me any remote ones with PyTorch"): no topic of their own
        self.no_topic = frozenset(lexical_tokens(" ".join([*lexicon["query_list_cues"], *lexicon["posting_nouns"]["any"],
                                                           *lexicon["question_function_words"], *lexicon["query_anaphora"],
                                                           *lexicon["query_open_objects"]])))
        # words that point at postings beside a term ("show me any with PyTorch", "show me everything with CISSP")
        self.pointing = frozenset(" ".join([*lexicon["posting_nouns"]["any"], *lexicon["query_anaphora"],
                                            *lexicon["query_open_objects"]]).split())
        self.months = [m.lower() for m in lexicon["months"]]
        self.umbrella = phrase_pattern(*lexicon["query_family_umbrellas"])
        self.paid_in = phrase_pattern(*(f"{words} {spelling}" for words in lexicon["query_paid_in"]
                                        for spellings in lexicon["currencies"].values() for spelling in spellings))
        self.top_n = re.compile(TOP_N.format(words=words), re.I)
        # each name on its own: names overlap ("OWASP LLM Top 10" holds "owasp llm" and "llm top 10")
        self.list_names = [phrase_pattern(name) for spec in lexicon["query_positions"]["ranked_lists"].values()
                           for name in spec["names"]]
        cues = {kind: {name: re.compile(p, re.I) for name, p in patterns.items()} for kind, patterns in lexicon["figure_cues"].items()}
        self.cue_patterns, self.list_nouns, self.group_by = cues["asks"], cues["list_nouns"], cues["group_by"]
        self.posting_noun = phrase_pattern(*lexicon["posting_nouns"]["in_figures"])
        self.ads = phrase_pattern(*lexicon["posting_nouns"]["ads"])
        self.date = re.compile(r"\b(?:since|after|from)\s+(" + "|".join(self.months) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(20\d\d)\b", re.I)

    def parse(self, question: str, previous: Query | None = None) -> Query:
        """The question's Query, read after an acknowledging opener ("wait, when was it published?" asks a date); a
        follow-up edits `previous` (keeps what it does not change)."""
        query = self._read(self.follow_ups.opened(question), previous)
        ranked_list, position = self._position(query.text, previous, query.year)
        # a position without an edition is one in the list as it stands now
        current = asks_for_current(query.text, self.lex) or bool(position) and query.year is None
        expects = "entry" if position else expected_answer_type(query.text, self.lex, asking_text(query.text, self.lex))  # "LLM03:2026 Excessive Agency"
        return replace(query, asks_current=current, expects=expects, ranked_list=ranked_list, position=position)

    def positioned(self, query: Query, standalone: str) -> Query:
        """A follow-up's Query with the position its standalone rewriting asks for when its own words name no ranked
        list ("what's ranked first on it?" after a question about the agentic list: ASI01 of the current edition)."""
        own = self.parse(standalone)
        if query.position or not own.position:
            return query
        return replace(query, expects=own.expects, ranked_list=own.ranked_list, position=own.position,
                       asks_current=query.asks_current or own.asks_current)

    def reread(self, rewritten: str, conversation: Query) -> Query:
        """A follow-up rewritten into a standalone question, read on its own, in the conversation's place (and the place
        it excludes) and currency."""
        own = self.parse(rewritten)
        return replace(own, place=conversation.place, place_spellings=conversation.place_spellings, places=conversation.places,
                       not_place=conversation.not_place, not_place_spellings=conversation.not_place_spellings,
                       currency=conversation.currency)

    def _read(self, question: str, previous: Query | None) -> Query:
        text = question.strip()
        low = _lowered(text)
        if previous is not None and low in self.lex["query_more"] and previous.about_postings:
            return replace(previous, text=text, page=previous.page + 1, follow_up=True)
        own = self._constraints(text)
        remote_from = own.pop("remote_from", None)
        # what the sentences that ask ask: "Our HR team uses … for hiring. When do we have to comply?" asks a date;
        # "Cloud engineer, I run EKS. Which certifications matter most?" ranks certifications, not clouds
        # a company's name is no cue ("Oxbury Legal Cloud" names no cloud), nor a ranked list's ("the OWASP Top 10 for
        # Agentic Applications" asks for no top postings)
        named = text
        for names in (*self.list_names, *([phrase_pattern(*own["company"])] if "company" in own else [])):
            named = names.sub(lambda hit: " " * len(hit.group(0)), named)
        cues = self.figure_cues(asking_sentences(named), own.pop("entities"))
        # what is asked, without the asker's setting before it ("I live in the UK — are there any remote jobs?")
        asked = _lowered(without_own_ad(asking_text(text, self.lex), self.lex))  # the ad the asker writes is no posting
        intent, sort, limit = self._intent(asked, own, previous, cues, text)
        ranked = self._ranked_beside_compared(text, own) if intent == "rank" else None
        if ranked is not None:  # the ranking's own postings, all of them: what it is compared with is among them
            own, limit = ranked, None
        if intent == "rank" and _ranks_levels(sort):  # "the most senior role": the level is the answer, not a condition
            own.pop("seniority", None)
        # the gazetteer is read only for a question about postings, a figure of them, or a list ("in Singapore")
        postings_asked = intent != "explain" or cues.found & {*FIGURES, "posting_noun"} or bool(previous and previous.intent != "explain") \
            or self._lists(asked, own)
        named = self._named_place(text, own, cues.entities) if postings_asked and "place" not in own else None
        if named:  # "in Singapore": a condition even where no posting is (the answer then says so)
            own.update(place=named.name, place_spellings=named.spellings)
            # "I just moved to Tulsa. Anything for me?": the place is what the list needed; "are there any governance
            # postings in Toronto, and what do they pay?" lists them, as it would in London
            intent, sort, limit = self._intent(asked, own, previous, cues, text)
        if intent in ("list", "rank", "top"):
            own = self._without_setting_skills(text, own, cues.entities)
        if previous is None or not self._leans_on(text, own, intent) or intent in FIGURES and previous.intent == "explain":
            own = self._with_umbrellas(asked, own, intent, cues)
            pair = (_place_or_remote_pair(own, remote_from) or self._named_pair(text)) if intent in ("rank", "list") else None
            if pair:  # "the VP of AI Security in Dallas and the Head of MLSecOps in New York": both, compared
                shared = {k: v for k, v in own.items() if not any(k in part or k in SPELLINGS.get(n, ()) for part in pair for n in part)}
                either = tuple(Query(text, intent, **{**shared, **part}) for part in pair)
                return Query(text, intent, sort=sort, limit=None, latest=_names(shared), cues=cues, either=either, **shared)
            return Query(text, intent, sort=sort, limit=limit, latest=_names(own), cues=cues, **own)
        measured = MULTI_VALUED if previous.intent == "share" else ()  # what a share measured
        kept = {k: v for k, v in previous.constraints().items()
                if k not in own and k not in measured and not (k == "place" and "place" in own)}
        kept = {k: tuple(v) if isinstance(v, list) else v for k, v in kept.items()}
        if intent == "list" and "company" in kept and has_any(low, self.lex["query_others"]):  # "anything else?": the
            kept = {"company": kept["company"]}  # company's other postings, not only ones like the earlier question's
        kept.update({field: getattr(previous, field) for name in list(kept) for field in SPELLINGS.get(name, ())})
        if intent == "explain":  # "what about MLSecOps?": the same question about other postings
            intent, sort, limit = previous.intent, previous.sort, previous.limit
        own = self._with_umbrellas(asked, own, intent, cues)
        return Query(text, intent, sort=sort, limit=limit, follow_up=True, latest=_names(own), cues=cues, **kept, **own)

    def _ranked_beside_compared(self, text: str, own: dict[str, Any]) -> dict[str, Any] | None:
        """The constraints of a ranking's own clause where a later clause compares its top with postings it names
        ("Which of Nimbrel Labs' openings pays the most, and how does that compare to their AI security engineer role?":
        Nimbrel Labs' openings, not only its AI security engineer ones), else None."""
        split = last_clause(text, self.lex, comma=False)
        if split is None or not has_any(split[1], self.lex["query_compare"]) or not self._ranked_by(_lowered(split[0])):
            return None
        head = self._constraints(split[0])
        head.pop("entities"), head.pop("remote_from", None)
        return head if set(_names(head)) < set(_names(own)) else None

    def _named_pair(self, text: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """Two roles a question names each by its place, a conjunction (lexicon `clause_conjunctions`) joining them and the
        second opening with "the" ("Two exec roles caught my eye: the VP of AI Security in Dallas and the Head of MLSecOps
        in New York", "between the AI governance lead role in Cologne and the one in Amsterdam"): the constraints of each
        (from the clause's start to the conjunction, and from it to the clause's end; "the one", "the ones" (lexicon
        `query_anaphora`) has the first one's besides its place), else None."""
        words = text.split()
        ends = lambda word: word[-1:] in ",;:.?!" or is_dash(word)  # a clause ends after the word
        for i, word in enumerate(words[1:-1], start=1):
            if word.lower() not in self.lex["clause_conjunctions"] or words[i + 1].lower() != "the" or ends(words[i - 1]):
                continue
            start = next((j + 1 for j in range(i - 1, -1, -1) if ends(words[j])), 0)
            end = next((j + 1 for j in range(i + 1, len(words)) if ends(words[j])), len(words))
            left, right = " ".join(words[start:i]), " ".join(words[i + 1:end])
            if "the" not in left.lower().split():
                continue
            first, second = self._constraints(left), self._constraints(right)
            if not (first.get("place") and second.get("place")) or first["place"] == second["place"]:
                continue
            for part in (first, second):
                part.pop("entities"), part.pop("remote_from", None)
            if words[i + 2].lower() in self.lex["query_anaphora"]:  # "the MLSecOps jobs in London or the ones in Berlin"
                second = {**{k: v for k, v in first.items() if k not in ("place", *SPELLINGS["place"])}, **second}
            return first, second
        return None

    def _umbrellas(self, text: str, terms: Entities) -> list[tuple[int, int, tuple[str, ...]]]:
        """Where `text` names a field of work for its role families (lexicon `query_family_umbrellas`: "AI security")
        and no term is read ("AI security engineer"; "AI security" joined to "AI red team" names one family): each
        span with the families."""
        return [(hit.start(), hit.end(), tuple(self.lex["query_family_umbrellas"][" ".join(hit.group(0).lower().split())]))
                for hit in self.umbrella.finditer(text) if not any(hit.start() < m.end and m.start < hit.end() for m in terms.mentions)]

    def _with_umbrellas(self, asked: str, own: dict[str, Any], intent: str, cues: Cues) -> dict[str, Any]:
        """`own` with the role families of the fields the asking part names ("contract AI security roles"), where it asks
        for postings or a figure of them: not in a guidance question, a figure of something else ("how many months to
        switch into AI security?"), one posting's ("the VP, AI Security role at …") or the asker's setting ("Junior
        SOC analyst hoping to grow into AI security. Which … security analyst jobs are remote?")."""
        of_postings = intent in ("list", "rank", "top") or intent in FIGURES and "posting_noun" in cues and "one_posting" not in cues
        families = [family for _, _, named in self._umbrellas(asked, self.recognizer.recognise(asked)) for family in named] if of_postings else []
        if not families:
            return own
        return {**own, "role_family": tuple(dict.fromkeys((*own.get("role_family", ()), *families)))}

    def _paid_in(self, low: str) -> str:
        """The words making a currency a condition of the postings (lexicon `query_paid_in`: "roles paid in GBP",
        "anything paying in euros?"; "what do they pay in euros?" asks a figure in it), or ""."""
        hit = self.paid_in.search(low)
        return hit.group(0) if hit else ""

    # -- reading -------------------------------------------------------------------------------------
    def _constraints(self, text: str) -> dict[str, Any]:
        found: dict[str, Any] = {}
        masked = self._without_feared(text)
        for company in self.companies:
            hit = re.search(rf"(?<!\w){re.escape(company)}(?!\w)", masked, re.I)
            if hit:
                found.setdefault("company", ()); found["company"] += (company,)
                masked = masked[: hit.start()] + " " * len(company) + masked[hit.end():]
        excluded, masked = self._excluded_place(masked)
        if excluded:
            found.update(not_place=excluded[0], not_place_spellings=excluded[1])
        alternative = self._place_or_remote(masked)
        if alternative:  # "in London? remote from the UK would be fine too": either, the remote one's place kept
            (near, remote), masked = alternative
            found.update(place=f"{near.name} or remote from {remote.name}", place_spellings=(*near.spellings, *remote.spellings),
                         places=((near.name, near.spellings), (remote.name, remote.spellings)), remote_from=remote.name)
        else:
            place, spellings, places, masked = self._asked_place(masked)
            if place:
                found.update(place=place, place_spellings=spellings, places=places)
        found["entities"] = self.recognizer.recognise(masked)
        for mention in found["entities"].mentions:
            if mention.field == "year":
                found["year"] = mention.value
            elif mention.field == "since_year":
                found["posted_after"] = f"{mention.value}-01-01"
            elif mention.field == "remote" and self._beside_place(text, mention.start, mention.end):
                continue  # "London or remote both fine": the asker takes work in the place too, so remote is no condition
            elif mention.field in LIST_FIELDS and mention.value not in found.get(mention.field, ()):
                found[mention.field] = found.get(mention.field, ()) + (mention.value,)
        low = masked.lower()
        for group in self._level_groups(low):
            found["seniority"] = tuple(self.lex["query_seniority_groups"][group])
        date = self.date.search(masked)
        if date:
            month, day, year = self.months.index(date.group(1).lower()) + 1, int(date.group(2)), date.group(3)
            found["posted_after"] = f"{year}-{month:02d}-{day:02d}"
            if found.get("year") == year:
                del found["year"]
        if has_any(low, ["this year"]):
            found["year"] = str(dt.date.today().year)
        titles = {word: spellings for word, spellings in self.lex["query_title_words"].items() if has_any(low, [word])}
        if titles and "employment_type" not in found:  # "part-time or fractional CISO roles": the part-time ones
            found.update(titles=tuple(titles), title_spellings=tuple(dict.fromkeys(s for v in titles.values() for s in v)))
        mentioned = {name: spec["written"] for name, spec in self.lex["query_posting_mentions"].items()
                     if has_any(asking_sentences(masked), spec["asked"])}  # what the asker's setting says is no condition
        if mentioned:  # "which postings say they sponsor visas?"
            found.update(mentions=tuple(mentioned), mention_spellings=tuple(map(tuple, mentioned.values())))
        found.update(self._pay(masked))
        currency = found.get("currency") or self._currency(masked, None)  # "in EUR", "in euros"
        if currency:
            found["currency"] = currency
        return found

    def _without_feared(self, text: str) -> str:
        """`text` with the alternative the asker fears blanked, from its opening words (lexicon
        `query_feared_alternatives`) to its sentence's end: "are there any junior roles or is it all senior people?"
        asks for junior roles only."""
        hit = phrase_pattern(*self.lex["query_feared_alternatives"]).search(text)
        if hit is None:
            return text
        end = next((i for i in range(hit.end(), len(text)) if text[i] in "?.!;"), len(text))
        return _blanked(text, hit.start(), end)

    def _level_groups(self, low: str) -> list[str]:
        """The seniority groups `low` names (lexicon `query_seniority_groups`: "senior+", "senior-ish")."""
        return [group for group in self.lex["query_seniority_groups"] if has_any(low, [group])]

    def figure_cues(self, text: str, entities: Entities = Entities()) -> Cues:
        """The figure cues of the wording, for the analytics router and plan."""
        found = frozenset(name for name, pattern in {**self.cue_patterns, "posting_noun": self.posting_noun, "ads": self.ads}.items()
                          if pattern.search(text))
        share = self.cue_patterns["share"].search(text)
        noun = self.posting_noun.search(text, share.end()) if share else None
        top = self.top_n.search(text)
        words = self.lex["query_number_words"]
        return Cues(found, next((f for f, p in self.list_nouns.items() if p.search(text)), None),
                    next((f for f, p in self.group_by.items() if p.search(text)), None),
                    None if not top else int(words.get((w := (top.group(1) or top.group(2)).lower()), w)),
                    noun.end() if noun else None, entities)

    def _place(self, text: str) -> tuple[str | None, tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...], str]:
        """A region after "in"/"across" ("in the EU"), else a city or country some posting is located in; with the
        place joined to it by a lexicon `query_place_joiners` word ("in the UK or Europe", "Berlin or Amsterdam", "in London
        or in Berlin", "more in Berlin than in Amsterdam"), both: postings in either, and each with its spellings."""
        first = self._one_place(text)
        if first is None:
            return None, (), (), text
        masked = _blanked(text, *first[2:])
        second = self._place_after(text, first[3]) or self._one_place(masked)  # "the UK or Europe"; "Berlin or Amsterdam"
        if second is None:
            return first[0], first[1], (), masked
        (name, spellings, _, end), (later, more, start, _) = sorted((first, second), key=lambda place: place[2])
        joiner = " ".join(text[end:start].lower().split())
        if joiner not in self.lex["query_place_joiners"]:
            return first[0], first[1], (), masked
        joined = _joined(Place(name, spellings), joiner, Place(later, more))  # "London or Berlin"
        return joined.name, joined.spellings, ((name, spellings), (later, more)), _blanked(masked, *second[2:])

    def _asked_place(self, text: str) -> tuple[str | None, tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...], str]:
        """`_place` of the sentences that ask, where they name one: a place in the asker's setting (a sentence that tells
        of the asker, lexicon `asker` `first_person`) is where they are, not the postings' ("I live up in Scotland and
        don't want to commute. Which listings let you work fully remote from the UK?": the UK); the whole question's
        otherwise ("Relocating to Dublin. What's open there?", "Looking for jobs in the UK. Manchester or remote would
        suit me - anything?")."""
        asked = self._without_setting(text)
        if asked == text:
            return self._place(text)
        place, spellings, places, masked = self._place(asked)
        if place is None:
            return self._place(text)
        # the question with the asked place blanked (the setting's words are still read as terms)
        return place, spellings, places, "".join(" " if m == " " and a != " " else c for c, a, m in zip(text, asked, masked))

    def _place_or_remote(self, text: str) -> tuple[tuple[Place, Place], str] | None:
        """A place and, offered as its alternative, remote work from another place (a remote status, a lexicon
        `query_region_prepositions` word and a place right after it), "or" or a sentence's end alone between them, both
        in the sentences that ask ("in London? remote from the UK would be fine too", "in Munich, or remote from the
        UK?"): the place, the remote work's place, and `text` with both (and the remote status) blanked; else None."""
        asked = self._without_setting(text)
        for mention in self.recognizer.recognise(asked).of("remote"):
            after = asked[mention.end:].split(maxsplit=1)
            remote = self._place_after(asked, mention.end) if mention.value == "remote" and after \
                and after[0].lower() in self.lex["query_region_prepositions"] else None
            near = self._one_place(_blanked(asked, mention.start, remote[3])) if remote else None
            if near is None or near[3] > mention.start:
                continue
            if asked[near[3]:mention.start].replace(",", " ").split() not in (["?"], ["."], ["!"], ["or"]):
                continue
            return (Place(*near[:2]), Place(*remote[:2])), _blanked(_blanked(text, mention.start, remote[3]), near[2], near[3])
        return None

    def _without_setting_skills(self, text: str, own: dict[str, Any], terms: Entities) -> dict[str, Any]:
        """`own` without the skills only the asker's setting names (`_without_setting`: "new grad, did my thesis on ML
        pipelines. are there any junior MLSecOps jobs?"), what they bring, not what the postings must ask for; kept where
        the asking part points back at them ("I know Terraform. Which jobs want it?")."""
        asked = self._without_setting(text)
        if asked == text or self.follow_ups.back_reference(self._without_feared(asked)) is not None:
            return own
        named = {m.value for m in terms.of("skills") if asked[m.start:m.end].strip()}
        kept = {k: tuple(skill for skill in v if skill in named) if k == "skills" else v for k, v in own.items()}
        return {k: v for k, v in kept.items() if k != "skills" or v}

    def _without_setting(self, text: str) -> str:
        """`text` with the sentences that tell of the asker (lexicon `asker` `first_person`, no "?"; "US" in capitals is
        the country) blanked in place, where some other sentence asks; else `text` itself."""
        sentences = question_sentences(text)
        first_person = phrase_pattern(*self.lex["asker"]["first_person"])
        told = [s for s in sentences if not s.rstrip().endswith("?")
                and any(not is_acronym(hit.group(0)) for hit in first_person.finditer(s))]
        if not told or len(told) == len(sentences):
            return text
        asked, at = text, 0
        for sentence in told:
            start = text.index(sentence, at)
            asked, at = _blanked(asked, start, start + len(sentence)), start + len(sentence)
        return asked

    def _beside_place(self, text: str, start: int, end: int) -> bool:
        """Whether a remote status between `start` and `end` is offered as the alternative to a place by an "or" right
        beside it ("London or remote both fine", "Scotland or remote would be ideal", "remote or in Manchester"): a
        place some posting is in, a region, or one the gazetteer knows."""
        before, after = text[:start].split(), text[end:].split()
        sides = [before[:-1] if before[-1:] and before[-1].lower() == "or" else [],
                 after[1:] if after[:1] and after[0].lower() == "or" else []]
        after = sides[1][1:] if sides[1][:1] and sides[1][0].lower() in self.lex["query_region_prepositions"] else sides[1]
        names = [" ".join(sides[0][-n:]) for n in (2, 1) if len(sides[0]) >= n] + [" ".join(after[:n]) for n in (2, 1) if len(after) >= n]
        return any(self._one_place("in " + name) or lookup(name) for name in (n.strip(".,;:!?()") for n in names) if name)

    def _excluded_place(self, text: str) -> tuple[tuple[str, tuple[str, ...]] | None, str]:
        """A place a negation (lexicon `query_negation`) puts right before ("in Europe but not the UK", "outside the
        US", "excluding Germany"): its name and spellings, and the text with the negation and the place blanked."""
        for hit in phrase_pattern(*self.lex["query_negation"]["cues"]).finditer(text):
            prefix = "in "  # the place is read as if after "in"
            place = self._one_place(prefix + text[hit.end():])
            between = text[hit.end():hit.end() + place[2] - len(prefix)] if place else ""
            if place and between.strip().lower() in ("", *self.lex["query_negation"]["skipped"], "in", "in the"):
                return (place[0], place[1]), _blanked(text, hit.start(), hit.end() + place[3] - len(prefix))
        return None, text

    def _place_after(self, text: str, end: int) -> tuple[str, tuple[str, ...], int, int] | None:
        """The place right after the word following `end` ("or Europe", "and the EU"), read as if after "in"."""
        rest = text[end:].split(maxsplit=1)
        if len(rest) < 2:
            return None
        probe = "in " + rest[1]
        place = self._one_place(probe)
        if place is None or probe[3:place[2]].strip().lower() not in ("", "the"):
            return None
        at = len(text) - len(rest[1]) - 3  # where `probe` would begin in `text`
        return place[0], place[1], at + place[2], at + place[3]

    def _one_place(self, text: str) -> tuple[str, tuple[str, ...], int, int] | None:
        """The first region after "in"/"across" (or an acronym before a posting noun, "UK jobs") or city or country some
        posting is in: name, spellings, where it is."""
        nouns = "|".join(map(re.escape, self.lex["posting_nouns"]["any"]))
        prepositions = "|".join(re.escape(p).replace("\\ ", r"\s+") for p in self.lex["query_region_prepositions"])
        for region in sorted(self.lex["query_regions"], key=len, reverse=True):
            # after "in"/"across"…, or an acronym in capitals before a posting noun ("UK jobs", "EU MLSecOps postings")
            acronym = re.escape(region.upper()) if region.isalpha() and len(region) <= 3 else "(?!)"
            hit = re.search(rf"\b(?:{prepositions})\s+(?:the\s+)?({re.escape(region)})\b"
                            rf"|\b(?-i:({acronym}))(?=(?:[\s-]+[\w+/-]+){{0,2}}?\s+(?:{nouns})\b)", text, re.I)
            group = 1 if hit and hit.group(1) else 2
            if hit and any(hit.start(group) <= m.start < hit.end(group) for m in self.recognizer.recognise(text).mentions):
                continue  # "EU AI Act jobs", "exceptions in the EU AI Act": the region begins a term
            if hit:
                spellings = tuple(self.lex["query_regions"][region])
                return _region_name(hit.group(group)), spellings, hit.start(group), hit.end(group)
        for name in self.places:
            hit = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I)
            if hit:
                return hit.group(0), (name.lower(),), hit.start(), hit.end()
        return None

    def _position(self, text: str, previous: Query | None, year: str | None) -> tuple[str | None, str | None]:
        """The ranked list a question names (or its conversation's) and the identifier of the position it asks for,
        in the edition of `year` (else the current one)."""
        lists = self.lex["query_positions"]["ranked_lists"]
        named = next((key for key, spec in lists.items() if has_any(text, spec["names"])), None)
        ranked_list = named or (previous.ranked_list if previous is not None else None)
        n = self._position_number(text)[0] if ranked_list else None
        if not n:
            return (named, None) if named else (None, None)
        edition = year or self.current_edition(ranked_list)
        entry = lists[ranked_list]["entry"]
        return ranked_list, (entry if edition else entry.replace(":{edition}", "")).format(n=n, edition=edition)

    def searched(self, text: str, query: Query) -> str:
        """The text to search for `query`: its position words replaced by the entry's identifier ("LLM03:2026")."""
        words = self._position_number(text)[1] if query.position else None
        return text.replace(words, query.position, 1) if words else text

    def _position_number(self, text: str) -> tuple[int | None, str | None]:
        """"number 3", "#3", "no. 3", "ranked third", "the 3rd item": the position asked for, 1 to 10; not the "first"
        of what to do first (lexicon `guidance_in_order`: "which OWASP LLM risks should I dig into first?")."""
        words = self.lex["query_number_words"]
        positions = self.lex["query_positions"]
        for hit in phrase_pattern(*positions["before_number"]).finditer(text):
            after = text[hit.end():].split()[:1]
            token = after[0].strip(".,;:!?)").lower() if after else ""
            n = int(token) if token.isdigit() else words.get(token) or positions["ordinals"].get(token)
            if n and 1 <= n <= 10:
                return n, text[hit.start():hit.end() + text[hit.end():].index(after[0]) + len(after[0].rstrip(".,;:!?)"))]
        for hit in phrase_pattern(*positions["ordinals"]).finditer(text):
            if " ".join(text[:hit.end()].lower().split()).endswith(tuple(self.lex["guidance_in_order"])):
                continue
            after = text[hit.end():].split()[:1]
            if not after or after[0].lower().strip(".,;:!?") in positions["after_ordinal"] or text[hit.end():].lstrip()[:1] in "?.,;!":
                return positions["ordinals"][hit.group(0).lower()], hit.group(0)
        return None, None

    def _named_place(self, text: str, own: dict[str, Any], terms: Entities) -> Place | None:
        """A country, US state or city named after "in"/"near"... that no posting location names (the gazetteer);
        vocabulary terms ("in MLSecOps postings") are no place."""
        companies = " ".join(own.get("company", ())).lower()
        for term in terms.mentions:
            text = text[:term.start] + " " * (term.end - term.start) + text[term.end:]
        for name, ends in candidates(text, self.lex["query_place_prepositions"]):
            place = lookup(name, ends) if name.lower() not in companies else None
            if place:
                return self._named_beside(text[text.index(name) + len(name):], place)
        return None

    def _named_beside(self, rest: str, place: Place) -> Place:
        """`place` and the gazetteer place a lexicon `query_place_joiners` word joins to it right after ("in Singapore or
        Japan", "in Tokyo or Seoul": postings in either)."""
        words = rest.split()
        for n in (2, 1):
            if " ".join(words[:n]).lower() in self.lex["query_place_joiners"]:
                other = next((p for name, ends in candidates(" ".join(["in", *words[n:]]), ["in"])
                              if (p := lookup(name, ends))), None)
                if other:
                    return _joined(place, words[0].lower(), other)
        return place

    def _pay(self, text: str) -> dict[str, Any]:
        """A salary floor: "more than 300k", "at least £90k", "$180,000", "250k or more", "€100k+"."""
        before = "|".join(map(re.escape, self.lex["query_pay_floor_before"]))
        after = "|".join(map(re.escape, self.lex["query_pay_floor_after"]))
        pattern = rf"(?:\b(?:{before})\s+{AMOUNT})|(?:{AMOUNT}\s*(?:{after}))"
        for hit in re.finditer(pattern, text, re.I):
            symbol, digits, k = (hit.group(1), hit.group(2), hit.group(3)) if hit.group(2) else (hit.group(4), hit.group(5), hit.group(6))
            value = float(digits.replace(",", "")) * (1000 if k else 1)
            if value >= 10000 or (value >= 1000 and (symbol or k or "," in digits)):
                return {"pay_above": int(value), **({"currency": c} if (c := self._currency(text, symbol)) else {})}
        return {}

    def _currency(self, text: str, symbol: str | None) -> str | None:
        for code, spellings in self.lex["currencies"].items():
            if symbol and symbol in spellings:
                return code
            if has_any(text.lower(), [s.lower() for s in spellings if len(s) > 1]):
                return code
        return None

    def _intent(self, low: str, own: dict[str, Any], previous: Query | None, cues: Cues, text: str = "") -> tuple[str, str, int | None]:
        """What is asked, the sort order and a top-n limit; whether a figure is asked, the figure cues say (one reading
        with the analytics router's); `text` is the whole question, the asker's setting with it."""
        # about postings: a posting noun, a role noun with a constraint ("the newest MLSecOps role"), or the conversation
        on_postings = bool(has_any(low, self.nouns) or own and has_any(low, self.named_nouns)
                           or previous and previous.about_postings)
        number = self.number.search(low)
        n = None if not number else int(self.lex["query_number_words"].get(number.group(1), number.group(1)))
        plural = has_any(low, self.lex["posting_nouns"]["plural"])
        sort = self._ranked_by(low)
        # "what is X hiring for, and which role pays the most?", "list X's openings and tell me which one is the newest"
        head = (last_clause(low, self.lex, comma=False) or ("",))[0] if sort else ""
        listed = bool(head) and not self._ranked_by(head) and self._lists(head, own)  # a list beside the superlative: all, ranked
        if sort == "posted" and on_postings:
            # "the newest posting"; "the latest ATLAS release" is not
            return "top", "posted", None if listed else n or (None if plural else 1)
        if sort and _ranks_levels(sort) and low.split()[1:2] in (["do"], ["does"], ["did"]):
            sort = None  # "what does the most senior role on an AI governance team do?" asks what the role does
        if sort and (on_postings or not (sort.startswith("posted") or _ranks_levels(sort))):  # "the latest ATLAS release"
            # a level ranking keeps its ties (no limit)
            return "rank", sort, None if listed else n or (None if _ranks_levels(sort) else 5 if self._asks_several(low) else 1)
        if "share" in cues:
            return "share", "posted", None
        if "count" in cues:
            return "count", "posted", None
        if self._asks_documents(low, own, cues, bool(previous and previous.about_postings)):  # "list the NIST AI RMF functions"
            return "explain", "posted", None
        if has_any(low, self.lex["query_compare"]):  # "compare the contract roles in … - who's hiring?" lists them
            listed = _postings_only(own) or self._compares_them(low)  # "which postings want X, and how do they compare?"
            return ("list" if listed and self._lists(low, own) else "compare"), "posted", None
        if "top" in cues and cues.list_field == "company":  # "which employer posts the most jobs?": a figure, no list
            return "explain", "posted", None
        listing = self._lists(low, own) or self._asks_open(low, own) or self._only_selects(low, own) \
            or self._field_of_selected(low, own, cues)
        if previous and previous.intent == "explain" and self.follow_ups.picks_among(low):
            listing = False  # "which of those …?" after "what are the four AI RMF functions?": one of those functions
        if listing and (has_any(low, self.nouns) or own or re.search(r"\b(?:them|those|these)\b", low)
                        or self._points_at_company(low, previous)) and not _names_other_thing(low) and not self._asks_guidance(own, text):
            return "list", "posted", None
        if "salary" in cues and "pay_above" not in own:
            return "salary", "posted", None
        return "explain", "posted", None

    def _points_at_company(self, low: str, previous: Query | None) -> bool:
        """Whether a follow-up points back (lexicon `query_anaphora`) at the company the conversation named ("are they
        hiring for anything else?" after a question about Tessellane Bank's opening): a list asks for its postings."""
        return bool(previous is not None and previous.company and has_any(low, self.lex["query_anaphora"]))

    def _asks_guidance(self, own: dict[str, Any], text: str) -> bool:
        """Whether a question that reads like a list asks for guidance (app/guidance.py `is_guidance`): the asker tells
        of their background or plans and asks what carries over, what to pick up, what to study ("SOC analyst here.
        Which of my skills transfer…?", "…if I want to pivot into AI appsec, which of the OWASP LLM risks should I dig
        into?"), or asks for advice (app/guidance.py `asks_advice`: "Planning to sit AZ-500 … Any reason not to?"), asking
        about no postings (guidance.asks_about_postings: "whose job should this be?" asks whose duty a thing is, no job
        ad) and naming no condition only postings meet ("I'm a SOC analyst; which security analyst postings are
        remote?" lists them)."""
        return not _postings_only(own) and (is_guidance(text, self.lex) or asks_advice(text, self.lex))

    def _ranked_by(self, low: str) -> str | None:
        """The field a superlative ranks postings by (lexicon `query_rank`): the sort whose phrase found is longest
        ("the lowest salary floor" ranks floors; a hyphen is a space: "top-end"), or None."""
        low = low.replace("-", " ")  # "the highest top-end pay" as "highest top end"
        found = [(len(phrase), sort) for sort, phrases in self.lex["query_rank"].items() for phrase in phrases
                 if has_any(low, [phrase.replace("-", " ")])]
        return max(found)[1] if found else None

    def _asks_several(self, low: str) -> bool:
        """Whether a ranking asks for several postings: the first posting noun after "which"/"what" is plural, else the
        question's first ("which jobs pay best?", "the best-paid postings"; "which job in the listings…", "what's the
        top-paying job in the listings?", "…, which one…", "which is…" ask for one)."""
        words = [w.strip(",;:") for w in low.split()]
        asking = next((i for i, w in enumerate(words) if w in ("which", "what", "what's", "whats")), -1)
        if words[asking + 1: asking + 2] == ["is"] and asking >= 0:
            return False
        head = next((w for w in words[asking + 1:] if w in self.lex["posting_nouns"]["any"]), None) \
            or next((w for w in words if w in self.lex["posting_nouns"]["any"]), None)
        return head in self.lex["posting_nouns"]["plural"]

    def _lists(self, low: str, own: dict[str, Any]) -> bool:
        """Whether the wording asks for a list ("which remote jobs…", "show me…", "who is hiring…", "anything for me?"),
        also in the clause after a dash ("I only want contract work - any contract gigs…?");
        "which jobs would suit me?", "what jobs could I target?" only with a condition postings alone meet ("which
        entry-level remote jobs would…"): a list cue that opens such a clause ("what jobs") asks the asker's fit; the
        terms before the posting noun count as one modifier each; "which employers are asking for it?" asks for the
        postings requiring a term the question names."""
        clauses = [low, *(" ".join(words[i + 1:]) for words in [low.split()] for i, w in enumerate(words) if is_dash(w))]
        fits = []  # the clauses asking the asker's fit
        for clause in clauses:
            terms_as_words = self._terms_as_words(clause)  # "which entry-level AI red team or … openings"
            which = self.which.search(clause) or self.which.search(terms_as_words)
            if which and which.group("any"):  # "do any of the jobs ask for it?", "are there remote jobs?": a list of those
                return bool(set(_names(own)) - {"role_family"} or self._paid_in(clause))  # meeting what it names
            if which and (not which.group("modal") or _postings_only(own)):
                return True
            fits += [clause] if which else []
            if self._employers_requiring(terms_as_words, own):  # "which employers are asking for it?"
                return True
        return any(clause.startswith(c + " ") or clause == c for clause in clauses if clause not in fits
                   for c in self.lex["query_list_cues"]) or self._list_cue_anywhere(low)

    def _terms_as_words(self, low: str) -> str:
        """`low` with each vocabulary term it names as one word, and terms a conjunction joins (lexicon
        `clause_conjunctions`) as one, so that the terms before a posting noun count as one modifier ("which entry-level
        ai red team or ai security engineering openings": two, not eight)."""
        end = len(low)
        for term in sorted(self.recognizer.recognise(low).mentions, key=lambda m: m.start, reverse=True):
            if term.end <= end:
                low, end = f"{low[:term.start]} {TERM} {low[term.end:]}", term.start
        words: list[str] = []
        for word in low.split():
            if word == TERM and words[-2:-1] == [TERM] and words[-1] in self.lex["clause_conjunctions"]:
                words.pop()  # "senior or lead": one condition
            else:
                words.append(word)
        return " ".join(words)

    def _employers_requiring(self, clause: str, own: dict[str, Any]) -> bool:
        """Whether a clause (its terms as words) asks which employers require a term the question names (lexicon
        `query_employers_requiring`: "which employers are asking for it?" after "just passed the AIGP"): the postings
        asking for it."""
        return bool(set(own) & set(MULTI_VALUED)) and bool(self.employers_requiring.search(clause))

    def _list_cue_anywhere(self, low: str) -> bool:
        """A list cue inside the question ("who in Berlin is hiring?"), not one naming the activity after a preposition
        ("the limitations of hiring a vCISO", "tools like hiring tools"), nor one naming the act ("worth hiring")."""
        activity = {*self.lex["query_list_cues_activity_after"], *self.lex["posting_words_act_after"]}
        return any(not set(low[:hit.start()].split()[-1:]) & activity
                   for hit in phrase_pattern(*self.lex["query_list_cues_anywhere"]).finditer(low))

    def _asks_open(self, low: str, own: dict[str, Any]) -> bool:
        """An open ask ("anything in the postings?", "what's out there remotely for a junior?", lexicon
        `query_open_asks`) beside a posting noun or a condition only postings meet (a level, remote work, an
        employment type, a place, pay, a company); "does the NIST AI RMF say anything about red teaming?" is none."""
        alternative = set(self.lex["query_open_asks_alternative_after"])  # "…, or something else?" offers an answer
        asks = any(not set(low[:hit.start()].replace(",", " ").split()[-1:]) & alternative
                   for hit in phrase_pattern(*self.lex["query_open_asks"]).finditer(low))
        return asks and bool(has_any(low, self.nouns) or _postings_only(own) or self._paid_in(low))

    def _field_of_selected(self, low: str, own: dict[str, Any], cues: Cues) -> bool:
        """A search-box selection with a condition only postings meet before a dash, and a list field asked of its
        postings after it ("MLSecOps roles in the UK - which clouds do they use?"; "AI governance roles - what skills do
        they need?" asks what the documents say)."""
        return cues.list_field in MULTI_VALUED and _postings_only(own) and self._only_selects(_before_dash(low), own)

    def _compares_them(self, low: str) -> bool:
        """Whether a comparison is of the postings the question lists ("how do they compare on pay?", "compare them"):
        a pronoun (lexicon `query_anaphora`) beside the compare word."""
        words = low.replace(",", " ").split()
        return any(w in self.lex["query_compare"] and set(words[max(i - 1, 0):i] + words[i + 1:i + 2]) & set(self.lex["query_anaphora"])
                   for i, w in enumerate(words))

    def _only_selects(self, low: str, own: dict[str, Any]) -> bool:
        """A question that only names postings, as typed into a search box: a posting noun with its terms and place
        and no word of a topic ("AI governance or product security jobs in Berlin?", "remote MLSecOps roles?"); not a
        yes/no question ("Are there AI red team jobs?" lists only with a condition postings alone have)."""
        if not has_any(low, self.named_nouns) or low.split()[0] in self.lex["asker"]["polar_openers"]:
            return False
        rest, terms = low, self.recognizer.recognise(low)
        for start, end in sorted([(t.start, t.end) for t in terms.mentions] + [u[:2] for u in self._umbrellas(low, terms)], reverse=True):
            rest = _blanked(rest, start, end)
        negated = [own["not_place"], *self.lex["query_negation"]["cues"]] if "not_place" in own else []
        named = [own.get("place") or "", *negated, self._paid_in(low), *self._level_groups(low)]  # "… but not the UK", "… paid in GBP", "senior-ish"
        return not set(lexical_tokens(rest)) - self.no_topic - set(lexical_tokens(" ".join(named)))

    def _asks_documents(self, low: str, own: dict[str, Any], cues: Cues, in_postings: bool = False) -> bool:
        """Whether wording that could ask for postings asks what the documents say: how kinds of work change ("which AI
        security jobs are growing fastest?"), or a list cue whose object is a part of the terms it names — a framework's
        functions, a regulation's obligations — or a ranked list itself, or a framework or credential alone ("show me
        CISSP", outside a conversation about postings), beside no posting noun and no constraint only postings have
        ("list the NIST AI RMF functions"; "list roles requiring the NIST AI RMF", "show me CISSP in London", "show me
        any with PyTorch" ask for postings)."""
        if "salary" in cues or has_any(low, self.lex["query_compare"]):
            return False
        if has_any(low, self.lex["query_trends"]):
            return True
        cue = next((c for c in sorted(self.lex["query_list_cues"], key=len, reverse=True) if low.startswith(c + " ")), None)
        if cue is None or has_any(low, self.named_nouns) or set(own) - set(FIELDS):
            return False
        rest = low[len(cue):]
        if self._position(rest, None, None)[0]:  # "list the OWASP LLM Top 10": the list is in the documents
            return True
        terms = self.recognizer.recognise(rest).mentions
        if not terms or any(self.recognizer.skill_verb_before.search(rest[:term.start]) for term in terms):
            return False  # "show me everything requiring PyTorch": the term is what the postings ask for
        for term in reversed(terms):
            rest = rest[:term.start] + " " + rest[term.end:]
        if set(lexical_tokens(rest)) - self.no_topic:
            return True
        bare = not lexical_tokens(rest) and not set(rest.split()) & self.pointing  # "show me the NIST AI RMF"
        return bare and not in_postings and all(term.field in MULTI_VALUED for term in terms)

    def _leans_on(self, text: str, own: dict[str, Any], intent: str) -> bool:
        """Whether a question edits the conversation's Query rather than starting afresh (an explanation with
        nothing of its own to change, "what do they do?", or not opening with "and"/"what about", starts afresh); "IT"
        in capitals is no back-reference."""
        starts, anaphora = bool(self.leans_start.search(text)), self.follow_ups.back_reference(text) is not None
        short = len(text.split()) <= 5 and not own.get("role_family")
        return (starts or anaphora or short) and (intent != "explain" or bool(own) and starts)


def last_clause(question: str, lexicon: dict[str, Any], comma: bool = True) -> tuple[str, str] | None:
    """The question before and the clause after a comma and a conjunction, the clause opening with a question word
    ("Which AI red team jobs are contracts, and what does PyRIT stand for?": "Which AI red team jobs are contracts?",
    "what does PyRIT stand for?"), or None; without `comma`, a conjunction alone will do ("list X's openings and tell
    me which is the newest")."""
    words = question.split()
    openers, conjunctions = lexicon["asker"]["question_openers"], lexicon["clause_conjunctions"]
    return next(((" ".join(words[:i]).rstrip(",") + "?", " ".join(words[i + 1:])) for i in range(len(words) - 2, 0, -1)
                 if (words[i - 1].endswith(",") or not comma) and bare_word(words[i]) in conjunctions
                 and bare_word(words[i + 1]) in openers), None)


def _place_or_remote_pair(own: dict[str, Any], remote_from: str | None) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The constraints of a place and of remote work from another, its alternative (`QueryParser._place_or_remote`:
    "in London? remote from the UK would be fine too"), as the two parts of an either; None without one."""
    if remote_from is None:
        return None
    (near, near_spellings), (remote, remote_spellings) = own["places"]
    return {"place": near, "place_spellings": near_spellings}, {"remote": ("remote",), "place": remote, "place_spellings": remote_spellings}


def _lowered(text: str) -> str:
    """Lower case, one space between words, without the closing punctuation."""
    return " ".join(re.sub(r"[?!.]+$", "", text.lower()).split())


def _joined(first: Place, joiner: str, second: Place) -> Place:
    """Two places a lexicon `query_place_joiners` word joins, as one: postings in either ("London or Berlin"), with
    both places' spellings."""
    word = "and" if joiner.startswith("and") else "or"
    return Place(f"{first.name} {word} {second.name}", tuple(dict.fromkeys((*first.spellings, *second.spellings))))


def _blanked(text: str, start: int, end: int) -> str:
    """`text` with spaces for its span from `start` to `end` (a term read, masked from the readings after it)."""
    return text[:start] + " " * (end - start) + text[end:]


def _before_dash(low: str) -> str:
    """The words before a dash standing alone ("mlsecops roles in the uk - which clouds do they use": "mlsecops roles in
    the uk"); all of them without one."""
    words = low.split()
    return " ".join(words[:next((i for i, w in enumerate(words) if is_dash(w)), len(words))])


def _postings_only(own: dict[str, Any]) -> bool:
    """Whether a question sets a condition only postings meet: a level, remote work, an employment type, a place, pay,
    a company (a role family, a title word, a skill or a year may be what documents speak of too: "a fractional
    CISO")."""
    return bool(set(own) - {"role_family", *MULTI_VALUED, "titles", "title_spellings", "mentions", "mention_spellings", "year",
                            "posted_after", "currency"})


def _ranks_levels(sort: str) -> bool:
    """Whether a sort ranks by seniority level ("seniority", "seniority_lowest": lexicon `query_rank`, app/jobs/engine.py
    ORDER): it keeps every posting at the top (or bottom) level, and ranks only where the question is about postings."""
    return sort.startswith("seniority")


def _names(own: dict[str, Any]) -> tuple[str, ...]:
    spellings = {field for fields in SPELLINGS.values() for field in fields}
    return tuple(k for k in own if k not in spellings and k != "currency")


def _names_other_thing(low: str) -> bool:
    """"list the top skills", "which certifications do ...": a list of something other than postings."""
    return bool(re.search(r"^(?:show me|show|list|give me|which|what)\s+(?:the\s+)?(?:top\s+|most\s+\w+\s+)?(?:\d+\s+)?"
                          r"(?:skills?|certifications?|certs?|clouds?|tools?|frameworks?|requirements?|salar(?:y|ies)|figures?)\b", low))


def _region_name(matched: str) -> str:
    """"the eu" -> "the EU", "DACH" as written, "north america" -> "North America"."""
    name = re.sub(r"^the\s+", "", matched, flags=re.I)
    return f"the {name.upper()}" if len(name) <= 3 else name if name.isupper() else name.title()


def _place_names(locations: list[str]) -> list[str]:
    """Cities and countries posting locations name ("London", "New York", "Germany"), longest first (then in alphabetical
    order, so that a question naming two places of one length reads the same in every process); no state codes."""
    names = set()
    for location in locations:
        for part in re.sub(r"\(.*?\)", "", location).split(","):
            part = part.strip()
            if len(part) > 3 and part.lower() != "remote":
                names.add(part)
    return sorted(names, key=lambda name: (-len(name), name))
