"""Guidance and how-to questions: answer from reference documents, following the section of the asked kind (a plan,
certifications, interview topics) item by item, in the source's order."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable

import numpy as np

from app.answer_type import has_phrase, question_words
from app.coverage import asker_setting, asking_text, specific_terms
from app.filters import Filters
from app.lexicon import phrase_pattern
from app.sentences import passage_items, points_back, split_sentences
from app.types import Passage
from ingest.lexical import lexical_tokens
from ingest.snapshot import Snapshot

PATH_STEP = "→"  # how a learning path joins its steps
QUOTES = "\"“”"  # the marks that open and close a quoted example question
SECOND_UNIT_SHARE = 3  # a second unit (the role's one-line path, or its section) gets a third of the items, or what is left


@dataclass(frozen=True)
class Unit:
    """A part of a reference document a guidance answer can follow: a whole section, or one option of a section
    that lists alternatives by role ("MLSecOps engineer: Kubernetes (CKA, then CKS) → …")."""

    label: str  # "Document › Section", or "Document › Section › option label"
    chunks: tuple[Passage, ...]  # the section's chunks in text order
    items: tuple[tuple[str, str, int], ...]  # (sentence, kind, index into chunks): the unit's quotable items in order
    kinds: frozenset[str]  # the guidance kinds (lexicon `guidance_kinds`) whose section headings it matches
    roles: tuple[str, ...] = ()  # the role families its heading (and option label) names
    background: str | None = None  # the background its heading is a path from (lexicon `coach_roles` … `background`)

    @property
    def section(self) -> str:
        """The "Document › Section" heading the unit belongs to."""
        return self.chunks[0].metadata.get("context", "")


def is_guidance(question: str, lexicon: dict[str, Any], names_credential: bool = False) -> bool:
    """A question about what to do ("what should I learn", "how do I get into"), or one from someone who names their
    role — or tells of one in a field the corpus covers (lexicon `guidance_fields`: "I start next month as the first
    MLSecOps engineer.") — that asks for a kind of guidance ("Privacy counsel here. Which credential makes sense?"),
    or that asks for advice (`asks_advice`: "As the hiring manager, what skills should be on the job description?"),
    or who tells of their role and asks about a credential it names (`names_credential`: "Second-year student. Could
    I take the CISSP after my degree?"), that does not ask about postings."""
    folded, setting = question_words(question), question_words(asker_setting(question, lexicon))
    asks = any(has_phrase(folded, p) for p in lexicon["guidance_questions"])
    in_field = any(has_phrase(setting, f) for f in lexicon["guidance_fields"])
    keys = ("asks", "asks_in_role", *_situation_asks(question, lexicon))
    asks = asks or (in_field or bool(asker_backgrounds(question, lexicon)) or _asks_advice(question, lexicon)) and any(
        has_phrase(folded, p) for spec in lexicon["guidance_kinds"].values() for key in keys for p in spec.get(key, ()))
    asks = asks or names_credential and bool(asker_backgrounds(asker_setting(question, lexicon), lexicon))
    return asks and not asks_about_postings(question, lexicon)


def _situation_asks(question: str, lexicon: dict[str, Any]) -> tuple[str, ...]:
    """The `guidance_kinds` ask lists the asker's situation opens: `asks_when_held` for one who has just taken on the
    role ("Just became head of security… Where do I start?"), `asks_for_ad` for one who writes its ad ("I'm drafting
    the job ad… what duties should I list?")."""
    return (*(("asks_when_held",) if holds_role(question, lexicon) else ()),
            *(("asks_for_ad",) if writes_ad(question, lexicon) else ()))


def holds_role(question: str, lexicon: dict[str, Any]) -> bool:
    """Whether the asker tells they have just taken on a role or its duties (lexicon `role_taken`: "Just became head
    of security…", "…AI risk has landed on my desk"): where they start is what the role does, not a path into it."""
    setting = question_words(asker_setting(question, lexicon))
    return any(has_phrase(setting, p) for p in lexicon["role_taken"])


def has_covered_target(question: str, role_family: object, lexicon: dict[str, Any]) -> bool:
    """A guidance question aimed at a role family (`role_family`, as the Query read it) or at a field the corpus
    covers (lexicon `guidance_fields`), named where it asks or where the asker says where they are going ("I'm
    interviewing for an AI security job. What will they ask me?"), or asking how to do something (lexicon
    `guidance_kinds` … `asks_if_retrieved`) after telling the asker's own role ("Pentester here. Normally one working
    PoC is enough… How should I report findings…?"): what they tell is their practice, the asking sentence what they
    ask. So is a question aimed at one that asks what should be done (`asks_advice`: "The data science team trains on
    Databricks… What should the ML platform security engineer worry about first?"): what it tells is the situation."""
    folded, asking = question_words(question), question_words(asking_text(question, lexicon))
    how_to = any(has_phrase(asking, p) for spec in lexicon["guidance_kinds"].values() for p in spec.get("asks_if_retrieved", ()))
    named = bool(role_family) or any(has_phrase(folded, f) for f in lexicon["guidance_fields"]) \
        or how_to and bool(asker_backgrounds(asker_setting(question, lexicon), lexicon))
    return named and (is_guidance(question, lexicon) or asks_advice(question, lexicon))


def asks_about_postings(question: str, lexicon: dict[str, Any]) -> bool:
    """A question about job postings: "which roles…", "postings that…", "the role at Acme" — in the clauses that ask
    ("I'm writing the job ad for our first MLSecOps engineer. Which skills should I list?" asks about skills; the ad
    the asker writes is none, see `without_own_ad`), but
    for those whose ask for a kind of guidance names roles ("…and what roles should I target?" asks for the path's
    target roles)."""
    clauses = [question_words(c) for s in split_sentences(without_own_ad(asking_text(question, lexicon), lexicon))
               for c in asked_clauses(_without_goal(s, lexicon), lexicon)]
    posting = lexicon["posting_words"]
    role_asks = [p for spec in lexicon["guidance_kinds"].values() for p in spec["asks"]
                 if any(has_phrase(question_words(p.replace("…", " ")), w) for w in posting)]
    return any(any(_names_postings(c, p, lexicon) for p in posting) and not any(has_phrase(c, p) for p in role_asks)
               for c in clauses)


def writes_ad(question: str, lexicon: dict[str, Any]) -> bool:
    """Whether the question names the ad the asker writes (lexicon `own_ad`: "I have to write the job ad.") and asks
    what should be (lexicon `advice_asks`): what it asks to list is a part of the role ("what duties should I list?")."""
    folded = question_words(question)
    return any(has_phrase(folded, p) for p in lexicon["own_ad"]) and _asks_advice(question, lexicon)


def without_own_ad(text: str, lexicon: dict[str, Any]) -> str:
    """`text` without the words naming the one ad the asker writes (lexicon `own_ad`: "What should the
    responsibilities section of the job ad say?", "Which responsibilities belong in the job ad?") when it asks what
    should be (lexicon `advice_asks`): it asks what the role holds, not about postings."""
    if not any(has_phrase(question_words(text), p) for p in lexicon["advice_asks"]):
        return text
    return phrase_pattern(*lexicon["own_ad"]).sub(" ", text)


def _names_postings(folded: str, phrase: str, lexicon: dict[str, Any]) -> bool:
    """Whether a posting word occurs in folded clause words where it names postings: one right after a word that makes
    it the act (lexicon `posting_words_act_after`: "which credentials are worth listing?"), or a cue that names the
    activity after a preposition (lexicon `query_list_cues_anywhere` after `query_list_cues_activity_after`: "what
    should we sort out before hiring one?"), is what the asker does, not employers' ads."""
    if not has_phrase(folded, phrase):
        return False
    words, cue, act = folded.split(), phrase.split(), set(lexicon["posting_words_act_after"])
    starts = [i for i in range(len(words)) if words[i:i + len(cue)] == cue]
    if phrase in lexicon["query_list_cues_anywhere"]:
        act |= set(lexicon["query_list_cues_activity_after"])
    elif not starts:
        return True
    return any(not (i and words[i - 1] in act) for i in starts)


def asks_advice(question: str, lexicon: dict[str, Any]) -> bool:
    """A question whose asking part asks what should be done or whether something is advisable (lexicon `advice_asks`:
    "how should my threat models change?", "what should we sort out…", "does a fractional CISO make sense for us?"),
    whoever does it, and that does not ask about postings: the reference documents answer it."""
    return _asks_advice(question, lexicon) and not asks_about_postings(question, lexicon)


def _asks_advice(question: str, lexicon: dict[str, Any]) -> bool:
    """Whether the question's asking part holds an advice phrase (lexicon `advice_asks`)."""
    asking = question_words(asking_text(question, lexicon))
    return any(has_phrase(asking, p) for p in lexicon["advice_asks"])


def asks_duties(question: str, lexicon: dict[str, Any]) -> bool:
    """Whether the question's asking part asks what the asker, or a party they name, must do, settle or should expect
    (lexicon `duties` … `asks`: "are we … on the hook", "nail down", "should I expect … candidates")."""
    asking = question_words(asking_text(question, lexicon))
    return any(has_phrase(asking, p) for p in lexicon["duties"]["asks"])


def asked_clauses(sentence: str, lexicon: dict[str, Any]) -> list[str]:
    """A sentence's asked clauses, split before a question word that follows a comma or "and"/"or" ("How do I get
    into AI security, what should I study first and what roles should I target?" asks three things)."""
    openers, clauses, words = lexicon["asker"]["question_openers"], [[]], sentence.split()
    for i, word in enumerate(words):
        bare = word.strip("()[],.;:!?\"'").lower().split("'")[0]
        following = words[i + 1].strip("?,.").lower().split("'")[0] if i + 1 < len(words) else ""
        if clauses[-1] and (bare in ("and", "or") and following in openers):
            clauses.append([])
            continue
        clauses[-1].append(word)
        if word.endswith((",", ";")) and following in openers:
            clauses.append([])
    return [" ".join(c) for c in clauses if c]


def _without_goal(sentence: str, lexicon: dict[str, Any]) -> str:
    """The sentence without an opening clause that states the asker's goal (lexicon `goal_clauses`) nor a later one
    that states their purpose (`purpose_clauses`: "…after graduating to look more hireable for AI security jobs?"; or
    "for" a field the corpus covers, `guidance_fields`: "What am I lacking for AI security roles?"), up to the next
    comma."""
    folded, comma = question_words(sentence), sentence.find(", ")
    goal = comma > 0 and any(has_phrase(folded, p) for p in lexicon["goal_clauses"])
    words = (sentence[comma + 2:] if goal else sentence).split()
    bare = [w.strip("()[],.;:!?\"'").lower() for w in words]
    purposes = [p.split() for p in [*lexicon["purpose_clauses"], *(f"for {f}" for f in lexicon["guidance_fields"])]]
    start = next((i for i in range(1, len(words)) if any(bare[i:i + len(p)] == p for p in purposes)), len(words))
    end = next((j + 1 for j in range(start, len(words)) if words[j].endswith((",", ";"))), len(words))
    return " ".join(words[:start] + words[end:])


def asker_backgrounds(question: str, lexicon: dict[str, Any], targets: tuple[str, ...] = ()) -> frozenset[str | None]:
    """The transition-path backgrounds (lexicon `coach_roles`) of the role titles the question names, or of what the
    asker tells they did (`did`: "I've written Go services for years"), before it says where the asker is going
    (lexicon `guidance_targets`); None stands for a role with no path of its own (a student), and for one whose path is
    a neighbouring background's (`near`: a data scientist's) when the question aims at `targets`, role families other
    than the role's own: that role's requirements answer, not another background's path."""
    return frozenset(None if entry.get("near") and set(targets) - {entry.get("family")} else entry.get("background")
                     for entry in _asker_roles(question, lexicon))


def asker_families(question: str, lexicon: dict[str, Any]) -> tuple[str, ...]:
    """The role families (lexicon `coach_roles` … `family`) of the roles `asker_backgrounds` reads: the usual path
    from them ("I'm a pentester…" goes towards AI red teaming)."""
    return tuple(sorted({entry["family"] for entry in _asker_roles(question, lexicon) if entry.get("family")}))


def _asker_roles(question: str, lexicon: dict[str, Any]) -> list[dict[str, Any]]:
    """The lexicon `coach_roles` entries of the role titles the question names, or of what the asker tells they did,
    before it says where the asker is going (see `asker_backgrounds`)."""
    sentences = split_sentences(question)
    told = [s for s in sentences if not s.rstrip().endswith("?")] if len(sentences) > 1 else []
    before, did = (_before_target(question_words(text), lexicon)
                   for text in (question, " ".join([asker_setting(question, lexicon), *told])))
    named = [w for entry in lexicon["coach_roles"].values() for w in entry["words"] if has_phrase(before, w)]
    titles = [w for w in named if not any(o != w and has_phrase(f" {_folded(o)} ", w) for o in named)]  # the longest:
    # an "ML platform engineer" is no "platform engineer"
    return [entry for entry in lexicon["coach_roles"].values()
            if set(entry["words"]) & set(titles) or any(has_phrase(did, d) for d in entry.get("did", ()))]


def target_families(question: str, lexicon: dict[str, Any], families: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The role families (`families`: each with its phrasings) that a sentence's words after it says where the asker is
    going, what they wish or what they are keen on (lexicon `guidance_targets`, `coach_aspiration_words`,
    `guidance_interests`: "obsessed with tricking chatbots into misbehaving") name in any order: a phrasing of
    several words whose stems all occur there ("I want to end up doing security for ML platforms" names ML platform
    security, "a route towards securing ML pipelines" ML pipeline security: both MLSecOps)."""
    markers = [_folded(m) for m in [*lexicon["guidance_targets"], *lexicon["coach_aspiration_words"],
                                    *lexicon["guidance_interests"]]]
    stems = set()
    for sentence in split_sentences(question):
        folded = question_words(sentence)
        at = min((i + len(m) + 2 for i, m in ((folded.find(f" {m} "), m) for m in markers) if i >= 0), default=None)
        stems |= set(lexical_tokens(folded[at:])) if at is not None else set()
    return tuple(family for family, phrasings in families.items()
                 if any(len(p.split()) > 1 and set(lexical_tokens(p)) <= stems for p in phrasings))


def asked_roles(question: str, parsed: tuple[str, ...], lexicon: dict[str, Any],
                families: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The role families a question is about: those the query `parsed`, unless they are only the asker's own
    (`asker_families`: "SOC analyst, 4 years in. I want to end up securing ML platforms…") and the question names
    others where it says where the asker is going (`target_families`), which then are what it asks about."""
    targets = target_families(question, lexicon, families)
    if parsed and not (set(parsed) <= set(asker_families(question, lexicon)) and set(targets) - set(parsed)):
        return parsed
    return targets


def _before_target(folded: str, lexicon: dict[str, Any]) -> str:
    """Folded question words before the first that says where the asker is going (lexicon `guidance_targets`)."""
    ends = [at for at in (folded.find(f" {fold} ") for fold in map(_folded, lexicon["guidance_targets"])) if at >= 0]
    return folded[: min(ends) + 1] if ends else folded


def _folded(phrase: str) -> str:
    """A lexicon phrase as question_words() writes it."""
    return question_words(phrase).strip(" ^")


def asked_kinds(question: str, lexicon: dict[str, Any], names_credential: bool = False) -> dict[str, bool]:
    """The kinds of guidance a guidance question asks for (lexicon `guidance_kinds`: a plan, certifications,
    interview topics), each True when any section of it may answer, False when only a retrieved one may (a bare
    "how do I"; from an asker naming their role, only when it `says_move`: else it asks how to do a task of theirs),
    in the order its asking part asks them (those only its setting names last, but for a kind the asker's own words
    name as often, `asked_only`: "…to practise my skills" asks for no skills), but for a kind another `covers` (a plan
    asked with an interview: how to prepare for it), which that one answers where either is first, unless they are
    asked in clauses of their own ("What will they ask, and how should I prepare?" asks two things); a kind's
    `asks_in_role` ("what's on my plate?") only from an asker who names no target (lexicon `guidance_targets`), its
    `asks_when_held` ("where do I start?") only from one who has just taken on the role (`holds_role`), its
    `asks_for_ad` ("what duties should I list?") only from one who writes the role's ad (`writes_ad`); a
    question whose asking part names a credential (`names_credential`) asks about certifications; none for any
    other question."""
    if not is_guidance(question, lexicon, names_credential):
        return {}
    asked = asking_text(question, lexicon)
    folded, asking = question_words(question), question_words(asked)
    kinds, where = {}, {}
    keys = [("asks", True)]  # a bare "how do I" from someone naming their role asks for a path only if they say a move
    if says_move(question, lexicon) or not asker_backgrounds(question, lexicon):
        keys.append(("asks_if_retrieved", False))
    if not any(has_phrase(folded, p) for p in lexicon["guidance_targets"]):  # what their job holds: none going elsewhere
        keys.append(("asks_in_role", True))
    keys += [(key, True) for key in _situation_asks(question, lexicon)]  # the role's duties, whatever section holds them
    for kind, spec in lexicon["guidance_kinds"].items():
        for key, any_section in keys:
            found = [at if at >= 0 else len(asking) + _phrase_at(folded, p)
                     for at, p in ((_phrase_at(asking, p), p) for p in spec.get(key, ()))
                     if has_phrase(asking if spec.get("asked_only") else folded, p)]
            if found and kind not in kinds:
                kinds[kind], where[kind] = any_section, min(found)
    if names_credential and "certifications" not in kinds:
        kinds["certifications"], where["certifications"] = True, len(folded) + len(asking)
    clauses = [question_words(c) for s in split_sentences(asked) for c in asked_clauses(s, lexicon)]
    asked_in = {kind: {n for n, clause in enumerate(clauses) for key in ("asks", "asks_if_retrieved", "asks_in_role", "asks_when_held", "asks_for_ad")
                       for p in lexicon["guidance_kinds"][kind].get(key, ()) if has_phrase(clause, p)} for kind in kinds}
    for kind, covered in [(k, c) for k in kinds for c in lexicon["guidance_kinds"][k].get("covers", ()) if c in kinds]:
        if covered in kinds and (not asked_in[kind] or asked_in[kind] & asked_in[covered]):  # one ask: to prepare for it
            any_section = kinds.pop(covered)
            kinds[kind], where[kind] = kinds[kind] or any_section, min(where[kind], where.pop(covered))
    return dict(sorted(kinds.items(), key=lambda item: where[item[0]]))


def says_move(question: str, lexicon: dict[str, Any]) -> bool:
    """Whether the question says where the asker is going (lexicon `guidance_targets`: "how do I pivot into AI
    security?") or names a field the corpus covers (`guidance_fields`): a bare "how do I" from someone who names
    their role asks for a path only then; else it asks how to do a task of theirs ("As a product security engineer,
    how should I change my threat modelling…?"), which the sections about that task answer, not a transition path."""
    folded = question_words(question)
    return any(has_phrase(folded, p) for p in [*lexicon["guidance_targets"], *lexicon["guidance_fields"]])


def _phrase_at(folded: str, phrase: str) -> int:
    """Where a lexicon phrase first occurs in question_words() text, -1 when it does not."""
    return folded.find(f" {_folded(phrase.split('…')[0])} ") if has_phrase(folded, phrase) else -1


def retrieval_filters(question: str, filters: Filters, lexicon: dict[str, Any]) -> Filters:
    """The filters to retrieve with: reference documents only for a guidance or advice question (see `asks_advice`)
    or one asking what a party must do (`asks_duties`: the rules answer it, not the ads), unless a kind was chosen."""
    advice = is_guidance(question, lexicon) or asks_advice(question, lexicon) or asks_duties(question, lexicon)
    return replace(filters, kind="document") if filters.kind is None and advice else filters


def guidance_items(question_vector: np.ndarray, kinds: dict[str, bool], retrieved: list[Passage], roles: tuple[str, ...],
                   roles_of: Callable[[str], tuple[str, ...]], embed: Callable[[list[str]], np.ndarray],
                   snapshot: Snapshot, lexicon: dict[str, Any], limit: int,
                   backgrounds: frozenset[str | None] = frozenset(), focus: frozenset[str] = frozenset(),
                   credentials_of: Callable[[str], tuple[str, ...]] = lambda text: (),
                   asked_credentials: tuple[str, ...] = (), told: frozenset[str | None] = frozenset(),
                   usual: tuple[str, ...] = (), told_focus: frozenset[str] = frozenset(),
                   learning_order: bool = False) -> list[tuple[str, Passage]]:
    """(sentence, chunk) in answer order: the items of the best unit — the one that is not about a role other than the
    question's `roles` (a path from a background is about that background), names a credential the question asks
    about (`asked_credentials`; a section heading lexicon `sections_if_named` answers only then), gives most of the
    asked `kinds`, is a path from the asker's `backgrounds` (else from no background; never from another one the asker
    named), has an item of the kind of preparation a `focus` word names (lexicon `guidance_focus_kinds`: a data
    scientist asking for hands-on projects gets their path's projects before an interview's hands-on practice), gives
    the kind asked first, was `retrieved` highest, and whose heading best matches
    the question, in that order of preference — led by the item that shares most of the question's `focus` words
    (not those of its heading), or by the example the question names (`told_focus`, the words of the whole question:
    see `asked_examples`);
    — or, when that unit is about another role, the plan of a path from a background the asker `told` of themselves
    ("I'm a SOC analyst…", not "…the GIAC Machine Learning Engineer certification?"), then a third of that unit, and
    else none —
    then, for each asked kind it does not give, of the best unit from another section that gives it, and, unless it is
    the path from the asker's background and gives every asked kind (and, asked for a `learning_order`, is about a role
    of the question: "Data scientist… I'd love to do AI red teaming. What's a sensible order to learn things in?" gets the AI
    red teamer's learning path too), of the best unit from another section about the `roles` alone (the role's one-line path, or its section; not one about another role too: "AI governance
    oversight by the vCISO" adds nothing to an AI governance lead's responsibilities); the first of them
    that gives the kind asked first leads. A question naming no role is about the `usual` role families of the
    asker's own roles (`asker_families`: a pentester's is AI red teaming) when a unit of an asked kind is about one.
    A certifications unit starts at its first item naming a credential (`credentials_of`). Empty when no unit answers
    (a kind asked only by a bare "how do I" needs the unit retrieved first — a study plan ranked below the section
    about the task asked of is no answer to "How do I write it up?" —, one naming a role of the question or one from
    the asker's background)."""
    rank: dict[str, int] = {}
    for position, passage in enumerate(retrieved):
        rank.setdefault(passage.metadata.get("context"), position)
    candidates = kind_units(frozenset(kinds), roles or usual, roles_of, snapshot, lexicon)
    if roles and not any(set(u.roles) & set(roles) for u in candidates):  # the role's profile has no such section:
        candidates += [u for u in kind_units(frozenset(kinds), roles, roles_of, snapshot, lexicon, "sections_else")
                       if set(u.roles) & set(roles)]  # the one that gives it otherwise ("What an AI red teamer does")
    roles = roles or (usual if any(set(u.roles) & set(usual) for u in candidates) else ())
    units = [u for u in candidates
             if any(kinds[k] for k in u.kinds) or rank.get(u.section) == 0 or set(u.roles) & set(roles)
             or _background_fit(u.background, backgrounds) == 0]
    if not units:
        return []
    names_asked = {id(u): bool(asked_credentials) and any(set(asked_credentials) & set(credentials_of(text))
                                                         for text, *_ in u.items) for u in units}
    units = [u for u in units if names_asked[id(u)] or not any(  # a general section answers for the credentials it names
        has_phrase(question_words(u.section), p) for k in u.kinds for p in lexicon["guidance_kinds"][k].get("sections_if_named", ()))]
    if not units:
        return []
    similarity = dict(zip(map(id, units), embed([u.label for u in units]) @ question_vector))
    other_role = {id(u): bool(roles and u.roles and u.background is None and not set(u.roles) & set(roles)) for u in units}
    fit = {id(u): _background_fit(u.background, backgrounds) for u in units}
    asked_first = {kind: n for n, kind in enumerate(kinds)}
    kind_words = frozenset(lexical_tokens(" ".join(lexicon["guidance_focus_kinds"])))
    prepares = {id(u): bool(focus & kind_words) and any(focus & kind_words & set(lexical_tokens(text))
                                                          for text, *_ in u.items) for u in units}
    order = sorted(units, key=lambda u: (other_role[id(u)], not names_asked[id(u)], -len(u.kinds),
                                         fit[id(u)], not prepares[id(u)],
                                         min(map(asked_first.get, u.kinds)),
                                         rank.get(u.section, len(retrieved)), -similarity[id(u)]))
    best = order[0]
    if other_role[id(best)]:  # every unit is about another role: the path from the asker's background answers instead
        own = [u for u in kind_units(frozenset({"plan"}), roles, roles_of, snapshot, lexicon)
               if _background_fit(u.background, told & backgrounds) == 0]
        if own:  # followed by a third of the other role's unit, the asked kind as the corpus gives it
            share = limit // SECOND_UNIT_SHARE
            return _credential_first([*_ordered_items(own[0], True, False, credentials_of)[:limit - share],
                                      *_ordered_items(best, "plan" in kinds, "certifications" in kinds, credentials_of)[:share]],
                                     next(iter(kinds)) == "certifications", credentials_of)
        return []  # another role's section answers nothing about this one ("What would I be doing day to day as an AI
        # red teamer?" is not an AI governance lead's responsibilities): the retrieved passages answer
    others: list[Unit] = []
    for kind in kinds:  # each asked part gets its answer: a kind the best unit does not give comes from another
        if kind not in best.kinds and not any(kind in u.kinds for u in others):
            others += [u for u in order[1:] if kind in u.kinds and u.section != best.section
                       and fit[id(u)] < 2 and not other_role[id(u)]][:1]
    complete = fit[id(best)] == 0 and set(kinds) <= best.kinds and not (  # the asker's own path gives every asked
        learning_order and roles and not set(best.roles) & set(roles))  # part, but an order for a role it is not about
    first_kind = next(iter(kinds))
    others += sorted((u for u in order[1:] if u.section != best.section and u.roles and set(u.roles) <= set(roles)
                      and not complete
                      and all(o.section != u.section for o in others)), key=lambda u: first_kind not in u.kinds)[:1]
    def examples(u: Unit) -> tuple[frozenset[str], bool]:  # the unit's examples the question asks for, and whether named
        lists = lexical_tokens(" ".join(w for k in u.kinds for w in lexicon["guidance_kinds"][k].get("lists_asked", ())))
        return asked_examples(u, focus, frozenset(lists), told_focus)

    def ordered(u: Unit) -> list[tuple[str, Passage]]:
        cues = tuple(c for k in u.kinds for c in lexicon["guidance_kinds"][k].get("item_cues", ()))
        items = _ordered_items(u, "plan" in kinds, "certifications" in kinds, credentials_of, cues, examples(u)[0])
        return _asked_kinds_first(items, _item_kinds(u, lexicon), frozenset(kinds))

    def focused(u: Unit, items: list[tuple[str, Passage]]) -> list[tuple[str, Passage]]:  # not its heading's words
        among, named = examples(u)
        return _focus_first(items, (told_focus if named else focus) - set(lexical_tokens(u.label)), kind_words, among)
    best_items = focused(best, ordered(best))  # kept, whatever its place
    share = max(limit // SECOND_UNIT_SHARE, (limit - len(best_items)) // max(len(others), 1))
    other_items = [ordered(u)[:share] for u in others]
    best_items = _kept(best_items, _item_kinds(best, lexicon), kinds, max(limit - sum(map(len, other_items)), 1))
    chosen = [(best, best_items), *zip(others, other_items)]
    asked = {kind for kind, any_section in kinds.items() if any_section}
    lead = min(range(len(chosen)), key=lambda n: (first_kind not in chosen[n][0].kinds,
                                                  -len(chosen[n][0].kinds & asked), not prepares[id(chosen[n][0])],
                                                  not set(chosen[n][0].roles) & set(roles), n))
    unit, items = chosen.pop(lead)  # the unit answering the part asked first (and most asked parts, the kind of
    # preparation asked for, for the role) leads
    chosen.insert(0, (unit, focused(unit, items)))
    return [item for _, items in chosen for item in items][:limit]


def _credential_first(items: list[tuple[str, Passage]], asked_first: bool,
                      credentials_of: Callable[[str], tuple[str, ...]]) -> list[tuple[str, Passage]]:
    """Guidance `items` led, when certifications are the kind `asked_first` ("Which certification should I get
    first?"), by the first of them naming a credential (the path's credential step, else the certifications
    section's); the rest in order. The items unchanged otherwise, or when none names one."""
    found = next((item for item in items if asked_first and credentials_of(item[0])), None)
    return [found, *(item for item in items if item is not found)] if found else items


def asks_order(question: str, lexicon: dict[str, Any]) -> bool:
    """Whether the question asks in what order to learn things (lexicon `guidance_kinds` … `plan` … `orders`: "what's
    a sensible order to learn things in?"), which a role's learning path gives step by step; not only for a plan
    ("what's a sensible hands-on plan?")."""
    folded = question_words(question)
    return any(has_phrase(folded, p) for p in lexicon["guidance_kinds"]["plan"]["orders"])


def focus_words(question: str, lexicon: dict[str, Any], whole: bool = False) -> frozenset[str]:
    """The stems of the words the question's asking sentences are about ("what practical hardening should I practise
    on my pipeline?" is about hardening a pipeline; "which roles can I target?" about target roles): not numbers, the
    words that only ask for guidance ("should I") or for a kind of it (lexicon `guidance_kinds` … `asks`: "what carries
    over and what am I missing?" is about no words, its kinds say what leads; but a kind of preparation, lexicon
    `guidance_focus_kinds`) nor those after an exclusion ("besides jailbreaks"); none when the question asks for a plan
    in order (lexicon `guidance_in_order`: "what should I study first"). Those of the `whole` question, its telling
    parts too ("An interviewer asked me why a system prompt is no security boundary. What should I have said?" tells
    what was asked)."""
    folded, asking = question_words(question), question if whole else asking_text(question, lexicon)
    if any(has_phrase(folded, p) for p in lexicon["guidance_in_order"]):
        return frozenset()
    asking = " ".join(_without_exclusion(s, lexicon["guidance_focus_exclusions"]) for s in split_sentences(asking))
    phrases = [*lexicon["guidance_questions"], *(p for spec in lexicon["guidance_kinds"].values()
                                                  for p in spec.get("asks_if_retrieved", ())),
               *(p for spec in lexicon["guidance_kinds"].values() for p in spec["asks"] if has_phrase(folded, p))]
    stems = frozenset(w for w in lexical_tokens(asking) if w.isalpha() and len(w) > 2)
    kind_words = set(lexical_tokens(" ".join(lexicon["guidance_focus_kinds"])))  # "what should I read?" asks for reading
    return stems - (set(lexical_tokens(" ".join(phrases))) - kind_words)


def _without_exclusion(sentence: str, exclusions: Iterable[str]) -> str:
    """A sentence without what it excludes (lexicon `guidance_focus_exclusions`): an opening exclusion up to its comma
    ("Apart from reading, is there hands-on practice…?"), else everything from a later one on ("…beyond jailbreaks?")."""
    padded = f" {sentence} "
    for exclusion in exclusions:
        at = padded.casefold().find(f" {exclusion} ")
        comma = padded.find(", ", at) if at >= 0 else -1
        if at >= 0 and not padded[:at].strip() and comma >= 0:
            padded = f" {padded[comma + 2:]}"
        elif at >= 0:
            padded = padded[:at + 1]
    return padded.strip()


def asked_examples(unit: Unit, focus: frozenset[str], list_words: frozenset[str],
                   told_focus: frozenset[str]) -> tuple[frozenset[str], bool]:
    """The items of the lists that illustrate a unit's prose (its example questions) that the question asks for, and
    whether it named them: all of them when a `focus` word names them (`list_words`, the stems of lexicon
    `guidance_kinds` … `lists_asked`: "what scenario questions come up?"); else those the question names, with two
    words of the whole question (`told_focus`) the unit's heading does not hold ("…if they ask me to classify a CV
    screening tool a company buys"), that give their answer after the quoted question ("…as deployer." (Employment is
    an Annex III area.)): one that only repeats what the asker was asked answers nothing. None for a unit whose kinds
    name no such lists (a plan's steps are its answer, not examples)."""
    if not list_words:
        return frozenset(), False
    examples = [text for text, kind, _ in unit.items if kind == "step"]
    if focus & list_words:
        return frozenset(examples), False
    own = told_focus - set(lexical_tokens(unit.label))
    named = frozenset(text for text in examples if len(own & set(lexical_tokens(text))) > 1 and _answered(text))
    return named, bool(named)


def _answered(example: str) -> bool:
    """Whether an example question gives its answer after the quoted question: `"…" (Employment is an Annex III area.)`."""
    end = example.rstrip().rstrip(".").rstrip()[-1:]
    return bool(end) and example.lstrip()[:1] in QUOTES and end not in QUOTES + "?"


def _focus_first(items: list[tuple[str, Passage]], focus: frozenset[str],
                 kind_words: frozenset[str] = frozenset(), among: frozenset[str] = frozenset()) -> list[tuple[str, Passage]]:
    """The items led by the one sharing most `focus` words, when it shares more than the first and more than one word
    (a word naming the kind of preparation asked for, `kind_words`: "hands-on", counts twice); the rest in order.
    When the question asks for a unit's examples (`among`, see `asked_examples`), only one of them may lead so: the
    prose that introduces them does not go before them for a word the question asked them by ("scenario exercises")."""
    shared = [0 if among and text not in among else
              len(focus & set(lexical_tokens(text))) + len(focus & kind_words & set(lexical_tokens(text)))
              for text, _ in items]
    top = max(range(len(items)), key=lambda n: (shared[n], -n), default=0)
    return [items[top], *items[:top], *items[top + 1:]] if items and shared[top] > max(shared[0], 1) else items


def without_held(items: list[tuple[str, Passage]], held: tuple[str, ...],
                 credentials_of: Callable[[str], tuple[str, ...]]) -> list[tuple[str, Passage]]:
    """Guidance `items` that do not lead with a credential the asker already `held`s: an item whose first step (a
    path's steps are joined by "→") first names a held credential is left out, or, when it also names one the asker
    lacks ("CISSP or CISM → … → AAISM or AIGP"), follows the others; a path through a held credential that starts
    elsewhere ("web security → OSCP or equivalent → …") stays. The items unchanged when every one leads with one."""
    first, after = [], []
    for item in items:
        opening = credentials_of(item[0].split(PATH_STEP)[0])
        if not opening or opening[0] not in held:
            first.append(item)
        elif set(credentials_of(item[0])) - set(held):
            after.append(item)
    return first + after if first else items


def counterpart_first(items: list[tuple[str, Passage]], retrieved: list[Passage], held: tuple[str, ...],
                      credentials_of: Callable[[str], tuple[str, ...]], lexicon: dict[str, Any]) -> list[tuple[str, Passage]]:
    """Guidance `items` led by the first of their items, and then of the `retrieved` documents' sentences (not of a
    section across roles, lexicon `sections_if_named`, which answers only for credentials the question asks about),
    that names a credential the asker `held`s and one they lack that is no alternative to it — the credential that
    builds on theirs ("auditors with ISO/IEC 27001 lead auditor backgrounds frequently add ISO/IEC 42001 lead auditor
    training"; "Security leaders typically hold CISSP or CISM" names alternatives, lexicon `credential_alternatives`)
    — and points back at nothing before it (`points_back`: "…pair well with it"). The items unchanged when none does."""
    if not held:
        return items
    general = [p for spec in lexicon["guidance_kinds"].values() for p in spec.get("sections_if_named", ())]
    candidates = [*items, *((text, p) for p in retrieved if p.metadata.get("kind") != "posting"
                            and not any(has_phrase(question_words(p.metadata.get("section", "")), g) for g in general)
                            for item, _ in passage_items(p.text) for text in split_sentences(item))]
    found = next((c for c in candidates if _builds_on(c[0], held, credentials_of, lexicon)), None)
    return [found, *(i for i in items if i[0] != found[0])] if found else items


def _builds_on(sentence: str, held: tuple[str, ...], credentials_of: Callable[[str], tuple[str, ...]],
               lexicon: dict[str, Any]) -> bool:
    """Whether `sentence` names a `held` credential and another that is no alternative to it, and points back at
    nothing (see counterpart_first)."""
    if points_back(sentence, lexicon["back_references"]):
        return False
    pieces: list[list[str]] = [[]]  # the sentence cut where it offers alternatives ("CISM or CISSP")
    for word in sentence.split():
        if word.lower() in lexicon["credential_alternatives"]:
            pieces.append([])
        else:
            pieces[-1].append(word)
    named = [credentials_of(" ".join(piece)) for piece in pieces]
    alternatives = set(held)
    for before, after in zip(named, named[1:]):
        if before and after and {before[-1], after[0]} & set(held):
            alternatives |= {before[-1], after[0]}
    every = {c for names in named for c in names}
    return bool(every & set(held)) and bool(every - alternatives)


def _background_fit(background: str | None, backgrounds: frozenset[str | None]) -> int:
    """0 for a path from the asker's background, 1 for a unit from no background (or an asker who named none),
    2 for a path from a background other than the one the asker named."""
    if background is None or not backgrounds:
        return 1
    return 0 if background in backgrounds else 2


def kind_units(kinds: frozenset[str], roles: tuple[str, ...], roles_of: Callable[[str], tuple[str, ...]],
               snapshot: Snapshot, lexicon: dict[str, Any], key: str = "sections") -> list[Unit]:
    """The sections whose heading names an asked kind (lexicon `guidance_kinds` … `sections`, or the kind's `key`
    list of headings); a section listing alternatives by role gives, instead, each option that names one of the
    question's `roles`."""
    units = []
    for (_, section), rows in _sections(snapshot).items():
        heading = question_words(section)
        matched = frozenset(k for k in kinds if any(has_phrase(heading, w) for w in lexicon["guidance_kinds"][k].get(key, ())))
        if not matched:
            continue
        chunks = tuple(Passage(snapshot.ids[r], snapshot.texts[r], snapshot.metadatas[r], 0.0) for r in rows)
        items = _section_items(chunks)
        label = chunks[0].metadata.get("context", section)
        by_role = [(text, index, roles_of(text.split(": ", 1)[0])) for text, kind, index in items if kind == "option"]
        if by_role and all(named for *_, named in by_role):  # alternatives by role: each role's option is a unit
            units.extend(Unit(f"{label} › {text.split(': ', 1)[0]}", chunks, ((text, "option", index),), matched, named)
                         for text, index, named in by_role if set(named) & set(roles))
        else:
            units.append(Unit(label, chunks, tuple(items), matched, roles_of(section), _path_from(heading, lexicon)))
    return units


def _path_from(heading: str, lexicon: dict[str, Any]) -> str | None:
    """The transition-path background (lexicon `coach_roles` … `background`) a section heading (folded) names."""
    named = {entry.get("background") for entry in lexicon["coach_roles"].values()} - {None}
    return next((b for b in sorted(named) if has_phrase(heading, b)), None)


def _ordered_items(unit: Unit, plan: bool, credentials: bool, credentials_of: Callable[[str], tuple[str, ...]],
                   cues: tuple[str, ...] = (), examples: frozenset[str] = frozenset()) -> list[tuple[str, Passage]]:
    """A `plan` unit's steps in order, then its prose; any other unit in the source's order from its first sentence
    that names something (a name, a year, an identifier: the sentences before it state the topic, not an answer) —
    a credential when `credentials` are the only asked kind the unit gives and one does — without the lists that
    illustrate its prose (such as example questions), but for the `examples` the question asks for (see
    `asked_examples`), which lead the prose; else led by its first item holding one of the `cues` of its kinds
    (lexicon `guidance_kinds` … `item_cues`), if any."""
    items = [(text, kind, unit.chunks[index]) for text, kind, index in unit.items]
    steps = [i for i in items if i[1] == "step"]
    if plan and "plan" in unit.kinds and steps:
        ordered = steps + [i for i in items if i[1] != "step"]
    elif examples and steps:
        ordered = [i for i in steps if i[0] in examples] + [i for i in items if i[1] != "step"]
    else:
        items = [i for i in items if i[1] != "step"] or items
        names = [n for n, (text, *_) in enumerate(items) if specific_terms(text)]
        named = [n for n, (text, *_) in enumerate(items) if credentials and unit.kinds == {"certifications"}
                 and credentials_of(text)]
        ordered = items[(named or names or [0])[0]:]
    cued = None if examples else next((i for i in items if any(has_phrase(question_words(i[0]), cue) for cue in cues)), None)
    ordered = [cued, *(i for i in ordered if i is not cued)] if cued else ordered
    return [(text, chunk) for text, _, chunk in ordered]


def _item_kinds(unit: Unit, lexicon: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Each of the unit's items -> the guidance kinds it gives: those whose asks or section words the item's label (its
    words before ": ") names ("Target roles for a former ML engineer: …" gives the roles); an item whose label names none,
    or with no label, goes on with the kinds of the item before (a plan's "Month 2: …" those of "Study plan …: Month 1");
    an item after a label holding one of a kind's `item_cues` gives that kind too ("Concrete artefacts … demonstrate new
    skills…" after "All four transition paths share a core of public frameworks: …")."""
    kinds, current = {}, frozenset()
    for text, _, _ in unit.items:
        label = question_words(text.split(": ", 1)[0]) if ": " in text else ""
        named = frozenset(k for k, spec in lexicon["guidance_kinds"].items()
                          if any(has_phrase(label, p) for p in [*spec.get("asks", ()), *spec["sections"]]))
        current = named or current
        cued = frozenset(k for k, spec in lexicon["guidance_kinds"].items()
                         if any(has_phrase(question_words(text), c) for c in spec.get("item_cues", ())))
        kinds[text] = current | cued if current else current  # an item of no kind stays one the answer keeps in place
    return kinds


def _asked_kinds_first(items: list[tuple[str, Passage]], item_kinds: dict[str, frozenset[str]],
                       asked: frozenset[str]) -> list[tuple[str, Passage]]:
    """Guidance `items` with those that give only kinds not `asked` (`item_kinds`: a path's target roles when only its
    gaps are asked) after the rest, each part in its order: the answer's length is spent on the asked kinds first."""
    unasked = [item for item in items if item_kinds.get(item[0]) and not item_kinds[item[0]] & asked]
    return [item for item in items if item not in unasked] + unasked


def _kept(items: list[tuple[str, Passage]], item_kinds: dict[str, frozenset[str]], asked: Iterable[str],
          n: int) -> list[tuple[str, Passage]]:
    """The first `n` guidance `items`, in their order, with the first item of each `asked` kind among them (`item_kinds`:
    a path's target roles asked beside its plan are not cut for the plan's prose): such an item beyond the first `n`
    takes the place of the last kept one that is no asked kind's first."""
    firsts = [next((i for i in items if kind in item_kinds.get(i[0], ())), None) for kind in asked]
    kept = items[:n]
    for item in items[n:]:
        spare = next((k for k in reversed(kept) if k not in firsts), None)
        if item in firsts and spare is not None:
            kept.remove(spare)
            kept.append(item)
    return kept


def _sections(snapshot: Snapshot) -> dict[tuple[Any, str], list[int]]:
    """(doc_id, section) -> the rows of its chunks in text order, for every document section (computed once per snapshot)."""
    sections = snapshot.derived.get("sections")
    if sections is None:
        sections = {}
        for row, m in enumerate(snapshot.metadatas):
            if m.get("kind") != "posting" and m.get("section"):
                sections.setdefault((m.get("doc_id"), m["section"]), []).append(row)
        for rows in sections.values():
            rows.sort(key=lambda r: snapshot.metadatas[r].get("chunk_index", 0))
        snapshot.derived["sections"] = sections
    return sections


def _section_items(chunks: tuple[Passage, ...]) -> list[tuple[str, str, int]]:
    """(sentence, kind, index into `chunks`) of a section in text order, without the overlap of neighbouring chunks;
    each whole, however long (a plan's item is the unit its reader follows)."""
    seen: set[str] = set()
    items = []
    earlier: list[str] = []  # the previous chunk's sentences
    for index, chunk in enumerate(chunks):
        found = passage_items(chunk.text, limit=len(chunk.text))  # a plan's item whole, however long
        for position, (sentence, kind) in enumerate(found):
            cut = position == 0 and index and _cut_by_chunking(sentence, earlier, chunk, chunks[index - 1])
            rest = cut and items and _continuation(sentence, items[-1][0], earlier)
            if rest:  # the item the chunk before ended in goes on here: its rest follows it, cited to this chunk
                seen.add(sentence)
                items.append((rest, items[-1][1], index))
                continue
            if sentence in seen or cut:
                if cut and items and items[-1][0].endswith((",", ";", ":")):
                    items[-1] = (items[-1][0][:-1] + "…", *items[-1][1:])  # its end is in this chunk only: say so
                continue  # the overlap between neighbouring chunks, or a sentence the chunk boundary cut in two
            seen.add(sentence)
            if items and items[-1][2] < index and sentence.startswith(items[-1][0].rstrip(",;:.… ")):
                items.pop()  # the chunk before ended in this sentence's first part (after its overlap): keep it whole
            items.append((sentence, kind, index))
        earlier = [sentence for sentence, _ in found]
    return items


def _continuation(first: str, previous: str, earlier: list[str]) -> str | None:
    """The rest of an item the chunk before ended in mid-sentence (`previous`, ending in ",", ";" or ":"), as a
    chunk's `first` sentence gives it after the overlap the two chunks share ("Month 1: read … the MITRE ATLAS
    matrix;" goes on "study several ATLAS case studies …"); None when `first` repeats one of the `earlier` chunk's
    sentences or adds nothing."""
    body = first.lstrip("…")
    folded, ended = body.casefold(), previous.casefold()  # "…Responsibilities" is "responsibilities" capitalised
    if not previous.endswith((",", ";", ":")) or any(folded.rstrip(".") in sentence.casefold() for sentence in earlier):
        return None
    shared = next((len(ended) - at for at in range(len(ended)) if folded.startswith(ended[at:])), 0)
    rest = body[shared:].lstrip(" ,;:")
    return f"…{rest}" if len(rest.split()) > 1 else None


def _cut_by_chunking(first: str, earlier: list[str], chunk: Passage, previous: Passage) -> bool:
    """Whether a chunk's first sentence is the tail of a sentence of the chunk before (its overlap) or starts
    mid-sentence: where the chunk starts in the document (its `start_char`), the chunk before ends no sentence or line,
    or is inside a word ("AI RMF 1." before "0, January 2023 …")."""
    start, previous_start = chunk.metadata.get("start_char"), previous.metadata.get("start_char")
    if start is not None and previous_start is not None and previous_start < start <= previous_start + len(previous.text):
        before = previous.text[:start - previous_start]
        lead = before.rstrip(" \t")
        if lead and (not lead.endswith(("\n", ".", "!", "?", ":")) or before == lead and chunk.text[:1].isalnum()):
            return True
    tail = first.strip(".…")
    return chunk.text.lstrip()[:1].islower() or any(tail in sentence for sentence in earlier)


def section_items(snapshot: Snapshot, doc_id: Any, section: str) -> list[tuple[str, str, Passage]]:
    """(sentence, kind, chunk) of a document's section in text order, without the overlap of neighbouring chunks."""
    chunks = tuple(Passage(snapshot.ids[r], snapshot.texts[r], snapshot.metadatas[r], 0.0)
                   for r in _sections(snapshot).get((doc_id, section), ()))
    return [(text, kind, chunks[index]) for text, kind, index in _section_items(chunks)]
