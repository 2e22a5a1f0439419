"""app.Assistant: the one public entry point the CLI, UI and evals share."""
from __future__ import annotations

import threading
import time
import unicodedata
from dataclasses import replace
from functools import cached_property
from typing import Any, Callable, Iterator

from app.analytics import analytics_answer
from app.answer_draft import draft_answer
from app.compose import compose_answer
from app.coverage import CorpusGap, asked_terms, bare_word, corpus_gap, specific_terms, unanswered_part
from app.asks_current import asks_for_status
from app.currency import Currency
from app.cut_items import with_rests
from app.embed_cache import CachedEmbedder
from app.errors import UserError
from app.extractive import Draft
from app.filters import parse_filters
from app.followup import previous_answer, previous_questions
from app.guidance import asked_roles, has_covered_target, retrieval_filters
from app.jobs.answer import pay_of_few, population, postings_answer
from app.jobs.documented import with_documented_figure, with_documents_part
from app.jobs.engine import PostingsEngine
from app.jobs.follow import follow_up_figure
from app.lexicon import load_lexicon
from app.plan_items import label_first
from app.query import Query, QueryParser, last_clause
from app.retrieval import HybridRetriever
from app.sentences import answer_sentences, completed_sentences, split_sentences
from app.settings import Settings
from app.short_forms import ShortForms
from app.support import SupportChecker
from app.types import Answer, Citation, Passage
from app.visibility import visible_retriever
from ingest.embedding import make_embedder
from ingest.offline import enforce_offline
from ingest.snapshot import build_snapshot, current_fingerprint, load_snapshot, save_snapshot
from ingest.store import ChunkStore, forget_cached_client, index_signature
from ingest.vocabulary import load_vocabulary

ABSTAIN_TEXT = "The corpus doesn't say. None of the indexed passages answers this question well enough to cite."
RELATED_COUNT = 3
TRACE_DEPTH = 20  # passages ranked in Answer.trace (the answer is drafted from the first top_k of them)
SAMPLE_FIGURES = "These figures are computed from illustrative sample postings (fictional), not from the job market."


class Assistant:
    """Answers questions from the index with verified citations (extractive by default, or an LLM)."""

    def __init__(self, settings: Settings | None = None, *, embedder=None):
        enforce_offline()
        self.settings = settings or Settings()
        if not self.settings.vocabulary_path.exists():
            raise UserError(f"vocabulary file {self.settings.vocabulary_path} is missing; set AISEC_CORPUS_DIR to the corpus folder")
        self.vocabulary = load_vocabulary(self.settings.vocabulary_path)
        self.lexicon = load_lexicon(self.settings.lexicon_path)
        self.short_forms = ShortForms(self.vocabulary.groups(), tuple(self.lexicon["written_out"]),
                                      tuple(self.lexicon["acronym_joining_words"]))
        self.embedder = embedder or make_embedder(self.settings)
        warmed = _in_background(self.embedder.embed_query, "warm up")  # load the model now, beside the index
        self.store = ChunkStore(self.settings, index_signature(self.settings, self.embedder), create=False)
        self.embed = CachedEmbedder(self.embedder)
        self.checker = SupportChecker(self.embed)
        self._lock = threading.Lock()
        self._retriever = self._open_snapshot()
        warmed()
        self._coach = None  # the career coach, built on first use

    # -- public API ---------------------------------------------------------------------------
    def ask(self, question: str, *, filters: dict[str, Any] | None = None, history: list[Any] | None = None,
            mode: str | None = None, user: str | None = None) -> Answer:
        """Answer one question from the corpus and `user`'s own uploads (see `retriever`); see Answer for the shape."""
        answer = None
        for item in self.stream(question, filters=filters, history=history, mode=mode, user=user):
            if isinstance(item, Answer):
                answer = item
        assert answer is not None
        return answer

    def stream(self, question: str, *, filters: dict[str, Any] | None = None, history: list[Any] | None = None,
               mode: str | None = None, user: str | None = None) -> Iterator[str | Answer]:
        """Yield pieces of answer text as they are ready, then the final verified Answer."""
        started = time.perf_counter()
        question = self.validate_question(question)
        parsed = parse_filters(filters, self.vocabulary.terms("role_families"))
        mode = mode or self.settings.answer_mode
        if mode not in ("extractive", "llm"):
            raise UserError(f"unknown mode {mode!r}; choose extractive or llm")
        retriever = self.retriever(user)  # one snapshot for the whole answer, as this user sees it
        asked = self.read(question, history, user)
        earlier = previous_questions(history)
        previous = self.read(earlier[-1], earlier[:-1], user) if earlier else None  # what the last turn asked
        selection = _selection(previous)  # "and where is it based?" after a list too
        answered = None if selection else self._answered_name(question, history, previous, filters, mode, user)
        rewriter = self._parser(retriever).follow_ups
        standalone = rewriter.standalone(question, history, selection, answered)
        aspect = rewriter.aspect(question, history, answered)
        asked = self._parser(retriever).positioned(asked, standalone) if standalone != question else asked
        changed = standalone != question and rewriter.asks_change(rewriter.opened(question), earlier[-1])  # "… does that
        if changed:  # help?": the value asked before
            asked = replace(asked, expects=self._parser(retriever).parse(standalone).expects)
        query = self._parser(retriever).searched(standalone, asked)  # "number 3" of a ranked list: its identifier, "LLM03"
        split = self._postings_sentence(question, asked, retriever) if parsed.kind != "document" and not history else None
        if split:  # "Is it worth doing …? Which employers list it?": the postings the last sentence asks, then the rest
            head, listing = split
            listed = with_documents_part(postings_answer(listing, self._engine(retriever), parsed, question),
                                         self.ask(head, filters=filters, mode=mode, user=user))
            yield from self._finish(listed, listing, started, query)
            return
        if parsed.kind != "document" and asked.about_postings:  # list, rank or newest: select postings
            head, clause = (None, None) if asked.follow_up else self._documents_clause(question, retriever)
            asked = head or asked  # the postings the rest of it asks for
            listed = postings_answer(asked, self._engine(retriever), parsed, question)
            if clause:  # "…, and what does PyRIT stand for?": the documents answer that part, after the list
                listed = with_documents_part(listed, self.ask(clause, filters=filters, mode=mode, user=user))
            yield from self._finish(listed, asked, started, query)
            return
        figure = follow_up_figure(asked, self._engine(retriever), parsed, question) if parsed.kind != "document" else None
        if figure is not None:  # "what do they pay?" after a list: the figure over the postings built up so far
            yield from self._finish(figure, asked, started, query)
            return
        computed = analytics_answer(query, parsed, retriever.snapshot, self._parser(retriever), self.embed, asked=question, history=history,
                                    reading=asked)
        if computed is not None and computed.route == "analytics":  # a median of one or two postings: those postings
            computed = pay_of_few(asked, self._engine(retriever), parsed, question) or computed
        if computed is not None:  # an aggregate question about postings: counted over the index, not retrieved
            if any(c.metadata.get("sample") for c in computed.citations):
                computed = with_documented_figure(computed, asked, retriever, self.embed)
            yield from self._finish(computed, asked, started, query)
            return
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        query_vector = self.embed([query])[0]  # cached: the analytics router may have embedded it already
        filters = retrieval_filters(query, parsed, self.lexicon)
        covered_target = has_covered_target(query, asked.role_family, self.lexicon)  # background words are the asker's
        searched = self.short_forms.searched(query, asked_terms(query, self.lexicon, covered_target))  # "k8s": Kubernetes too
        ranked = retriever.retrieve(searched, query_vector, filters, k=max(TRACE_DEPTH, self.settings.top_k))
        # a question about a superseded edition: passages about it first ("is the 2025 list still the latest?": the correction leads)
        asks_status = asks_for_status(asked.text, self.lexicon)
        asked_editions = set() if asks_status else self.currency.superseded_asked(asked.text, asked.ranked_list, asked.year)
        if asked_editions:
            ranked = self.currency.about_asked_first(ranked, asked_editions)
        passages = ranked[: self.settings.top_k]  # fused ranking is prefix-stable: the same top_k as k=top_k
        asks_current = asked.asks_current
        if asks_current:  # what is in force: current editions lead, superseded ones are never quoted as current
            passages = self.currency.current_first(passages, specific_terms(query))
        timings["retrieve"] = _ms(t0)
        t0 = time.perf_counter()
        recognizer = self._parser(retriever).recognizer
        drafted = draft_answer(query, query_vector, passages, self.embed, self.settings.max_answer_sentences,
                               self.lexicon, retriever.snapshot, asked.expects, ranked[len(passages):],
                               asked_roles(query, asked.role_family, self.lexicon, self.vocabulary.synonyms["role_families"]),
                               lambda heading: recognizer.recognise(heading).values("role_family"),
                               lambda text: retriever.retrieve(text, self.embed([text])[0], filters, k=self.settings.top_k),
                               self.settings.abstain_threshold,
                               lambda text: tuple(self.coach().finder.find(text)["certifications"]),
                               self._parser(retriever).searched(aspect, asked) if standalone != question else None,  # a follow-up's own words
                               self.short_forms.common)
        draft, passages = drafted.draft, drafted.passages
        if changed:  # "I have a degree - does that count?": the change asked about leads, the value follows
            draft = replace(draft, sentences=rewriter.case_first(draft.sentences, question))
        followed = {p.chunk_id for p in drafted.followed}  # the guidance section the answer follows ranks first
        ranked = [*drafted.followed, *(p for p in ranked if p.chunk_id not in followed)]
        if asks_current:
            draft = self.currency.without_superseded(draft, passages)
        draft = self.currency.asked_edition_first(draft, passages, asked_editions)
        # "AZ-500 … still available?": the sentence naming it beside its replacement answers it, whatever the evidence;
        # "is that still the current list?": the sentence saying which edition is current answers it
        corrected = self.currency.correction_first(draft, passages, asked.text) if asks_status else None
        if asks_status:
            draft = corrected or self.currency.status_first(draft, passages, asked.text)
        if corrected and draft.evidence < self.settings.abstain_threshold:  # the correction alone answers; the rest is weak
            draft = Draft(draft.sentences[:1], draft.evidence, draft.answered)
        quoted = {p.chunk_id for p in passages}  # "what should they do in month 3?": the plan's "Month 3:" item leads
        draft, passages = label_first(draft, passages, [p for p in ranked if p.chunk_id not in quoted], asked.text, self.lexicon)
        draft, passages = with_rests(draft, passages, retriever.snapshot)  # an item a chunk cut, with its rest
        timings["select"] = _ms(t0)
        answer = Answer(question, "", [], False, mode, standalone_question=query if query != question else None)
        stated_gap = None  # the sentence naming what one part of the question lacks, which quotes no passage
        gap = corpus_gap(query, passages, drafted.lacking, self.lexicon, covered_target, self.short_forms)
        if gap or (draft.evidence < self.settings.abstain_threshold and not (drafted.typed or corrected)) or not draft.sentences:
            self._abstain(answer, passages, gap, None if gap.missing else drafted.unknown)
            yield from _pieces(answer.text)
        elif mode == "llm":
            yield from self._answer_with_llm(answer, query, passages, draft.sentences, timings, drafted.asks_for)
        else:
            self._fill(answer, draft.sentences, passages, timings, keep_unsupported=False)
            if drafted.unanswered and not answer.abstained:  # one part answered: say what the other lacks
                stated_gap = unanswered_part(drafted.unanswered)
                answer.text = f"{answer.text}\n\n{stated_gap}"
            yield from _pieces(answer.text)
        if asks_current and not answer.abstained:
            answer.notes += self.currency.notes(answer.citations)
        answer.timings_ms = {**timings, "total": _ms(started)}
        answer.query = asked.to_dict()
        answer.trace = {"query": answer.query, "route": answer.route, "searched": query,
                        "ranked": [_where(p) for p in ranked], "passages": [p.chunk_id for p in passages],
                        "evidence": round(float(draft.evidence), 4), "abstention": _reason(answer, gap, draft.evidence, self.settings.abstain_threshold),
                        "unanswered": drafted.unanswered,  # the kind of answer one part asked for and no passage gave
                        "stated_gap": stated_gap,
                        "below_threshold": self._below_threshold(answer, gap, draft, passages)}
        yield answer

    def advise(self, profile_or_text, target: str | None = None, user: str | None = None):
        """Career advice for a CV's text or a Profile (edited or not): ranked fit, counted gaps, a cited plan, postings
        (over the corpus and `user`'s own uploads, see `retriever`)."""
        return self.coach().advise(profile_or_text, target, user)

    def coach(self):
        """The career coach over this Assistant's index (app.advice.advise.Coach)."""
        if self._coach is None:
            from app.advice.advise import Coach

            self._coach = Coach(self)
        return self._coach

    @cached_property
    def currency(self) -> Currency:
        """The editions registry and history convention, read on the first question over passages (~35 ms)."""
        return Currency.from_settings(self.settings)

    def read(self, question: str, history: list[Any] | None = None, user: str | None = None) -> Query:
        """The question's Query: the conversation's user turns are read in order, each follow-up editing the last."""
        parser = self._parser(self.retriever(user))
        state = None
        for earlier in [*previous_questions(history), question]:
            state = parser.parse(earlier, state)
        return state

    def _answered_name(self, question: str, history: list[Any] | None, previous: Query | None,
                       filters: dict[str, Any] | None, mode: str, user: str | None) -> str | None:
        """The name the earlier answer gave, when the follow-up's pronoun stands for it ("when was it issued?" after
        "what replaced SR 11-7?": "SR 26-2"), the identifier of the entry an earlier question asked the position of
        ("what number was it before?" after "which risk is number three in the current OWASP LLM Top 10?" or "what's
        number three on …?": "LLM03:2026 Excessive Agency"); the earlier answer is history's, else (history of the user's turns only:
        the CLI's --after, API callers) asked again as the conversation asked it, with its filters."""
        rewriter = self._parser(self.retriever(user)).follow_ups
        described = not rewriter.refers_to_answer(question, history)  # "which OWASP list …?": a name it describes only
        entry = previous is not None and previous.position and rewriter.points_back_singly(question, history)
        if described and not entry and not rewriter.asks_which(question, history):  # "what's number three on …?": its entry
            return None
        earlier = previous_questions(history)
        answer = previous_answer(history) or self.ask(earlier[-1], filters=filters, history=earlier[:-1] or None, mode=mode,
                                                       user=user).text
        if previous and previous.position:  # "which risk is number three in …?": the entry there ("LLM03:2026 Excessive Agency")
            return rewriter.entry_named(answer, previous.position)
        return rewriter.answered_name(earlier[-1], answer, described)

    def retriever(self, user: str | None = None) -> HybridRetriever:
        """The retriever over the newest snapshot (reloaded when an ingest has published a new one) as `user` sees it:
        the shared corpus and their own uploads, never another user's (no user: the "user-default" folder's)."""
        if current_fingerprint(self.settings.data_dir) != self._retriever.snapshot.fingerprint:
            with self._lock:
                if current_fingerprint(self.settings.data_dir) != self._retriever.snapshot.fingerprint:
                    self._retriever = self._open_snapshot(reopen_store=True)
        return visible_retriever(self._retriever, user)

    def validate_question(self, question: Any) -> str:
        """Normalise a question or raise UserError saying what is wrong with it."""
        if not isinstance(question, str):
            raise UserError("the question must be text")
        cleaned = "".join(ch for ch in unicodedata.normalize("NFC", question) if unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\n\t")
        cleaned = " ".join(cleaned.split())
        if not cleaned:
            raise UserError("the question is empty; ask something like 'What skills do MLSecOps postings ask for?'")
        if len(cleaned) > self.settings.max_question_chars:
            raise UserError(f"the question is {len(cleaned)} characters long; the limit is {self.settings.max_question_chars}")
        return cleaned

    # -- internals ------------------------------------------------------------------------------
    def _finish(self, answer: Answer, asked: Query, started: float, rewritten: str) -> Iterator[str | Answer]:
        """Stream a computed answer and fill in its query, trace and timing; figures from sample postings say so (a
        list's own text says it already)."""
        if "metric" in (answer.data or {}) and any(c.metadata.get("sample") for c in answer.citations):
            answer.text += " " + SAMPLE_FIGURES
        yield from _pieces(answer.text)
        answer.query = asked.to_dict()
        answer.standalone_question = answer.standalone_question or (rewritten if rewritten != answer.question else None)
        answer.trace = {"query": answer.query, "route": answer.route, "rows": [r["posting_id"] for r in answer.rows]
                        or (answer.data or {}).get("cited_postings", []), "ranked": [_where(c) for c in answer.citations],
                        "passages": [c.doc_id for c in answer.citations], "evidence": None,
                        "abstention": answer.text if answer.abstained else None}
        answer.timings_ms = {"total": _ms(started)}
        yield answer

    def _below_threshold(self, answer: Answer, gap: CorpusGap, draft, passages: list[Passage]) -> str | None:
        """The verified text a lower threshold would have given, when the answer abstained on weak evidence alone."""
        if not answer.abstained or gap or not draft.sentences or draft.evidence >= self.settings.abstain_threshold:
            return None
        text, citations, _ = compose_answer(draft.sentences, passages, self.checker, keep_unsupported=False)
        return text if citations else ""

    def _documents_clause(self, question: str, retriever: HybridRetriever) -> tuple[Query | None, str | None]:
        """A postings question without its last clause, read, and that clause, when it asks the documents for an answer of a
        type (a figure of postings it would ask as one: "…, and what's the pay range?"), points back at nothing ("…, and
        who runs that certification?" leans on the list) and leaves a question about postings; else (None, None)."""
        head, clause = last_clause(question, self.lexicon) or (None, None)
        pointing = {*self.lexicon["back_references"], *self.lexicon["query_demonstratives"]}
        if not clause or pointing & set(map(bare_word, clause.lower().split())):
            return None, None
        own, rest = self._parser(retriever).parse(clause), self._parser(retriever).parse(head)
        return (rest, clause) if own.intent == "explain" and own.expects and rest.about_postings else (None, None)

    def _postings_sentence(self, question: str, asked: Query, retriever: HybridRetriever) -> tuple[str, Query] | None:
        """A question read as no list whose last sentence asks for postings after one asking the documents ("Is it worth
        doing the ISO 42001 lead auditor course? Which employers in the postings list it as a requirement?"): the
        sentences before it and the last one read as their follow-up (its pronoun stands for their terms); else None."""
        sentences = split_sentences(question)
        if asked.intent != "explain" or len(sentences) < 2 or not sentences[-2].rstrip().endswith("?"):
            return None
        parser = self._parser(retriever)
        head = " ".join(sentences[:-1])
        last = parser.parse(sentences[-1], parser.parse(head))
        return (head, last) if last.about_postings else None

    def _engine(self, retriever: HybridRetriever) -> PostingsEngine:
        return PostingsEngine.for_snapshot(retriever.snapshot)

    def _parser(self, retriever: HybridRetriever) -> QueryParser:
        """One parser per snapshot: it knows the companies and places of the postings indexed."""
        derived = retriever.snapshot.derived
        if "query_parser" not in derived:
            rows = self._engine(retriever).rows
            derived["query_parser"] = QueryParser(self.vocabulary, self.lexicon,
                                                  [r.metadata.get("company", "") for r in rows], [r.location for r in rows],
                                                  lambda key: (entry := self.currency.registry.get(key)) and entry.current.label)
        return derived["query_parser"]

    def _open_snapshot(self, *, reopen_store: bool = False) -> HybridRetriever:
        if reopen_store:  # an ingest (maybe in another process) changed the index: read Chroma afresh too
            forget_cached_client(self.settings)
            self.store = ChunkStore(self.settings, self.store.signature, create=False)
        snapshot = load_snapshot(self.settings.data_dir)
        published = self.store.catalog.published_fingerprint()
        if snapshot is None or (published and snapshot.fingerprint != published):
            snapshot = build_snapshot(self.store)  # another machine ingested into the shared Chroma server
            save_snapshot(snapshot, self.settings.data_dir)
        return HybridRetriever(self.settings, self.store, snapshot)

    def _fill(self, answer: Answer, draft, passages: list[Passage], timings: dict[str, float], *, keep_unsupported: bool) -> None:
        t0 = time.perf_counter()
        text, citations, checks = compose_answer(draft, passages, self.checker, keep_unsupported=keep_unsupported)
        timings["verify"] = _ms(t0)
        answer.text, answer.citations, answer.verification = text, citations, checks
        if not citations:
            self._abstain(answer, passages)

    def _abstain(self, answer: Answer, passages: list[Passage], gap: CorpusGap = CorpusGap(),
                 unknown: tuple[str, int] | None = None) -> None:
        """Refuse, naming the gap; with `unknown` (a sentence and its passage's index) also quote what the corpus does
        say of the asked value, that it is not known, citing that passage first."""
        answer.abstained, answer.text, answer.citations = True, gap.message() or ABSTAIN_TEXT, []
        related = passages[:RELATED_COUNT]
        if unknown:
            sentence, index = unknown
            related = [passages[index], *(p for p in related if p is not passages[index])][:RELATED_COUNT]
            answer.text += f" What it does say: {sentence} [1]"
            answer.citations = [Citation.from_passage(1, passages[index])]
        answer.related = [Citation.from_passage(i, p) for i, p in enumerate(related, start=1)]

    def _answer_with_llm(self, answer: Answer, query: str, passages: list[Passage], fallback, timings,
                         asks_for: str | None = None) -> Iterator[str]:
        """Stream the LLM's answer one verified sentence at a time (never its raw tokens), then finish the Answer."""
        from app.llm import NOT_IN_CORPUS, LlmAnswerer, LlmUnavailable

        t0 = time.perf_counter()
        raw, shown = "", ""
        try:
            for piece in LlmAnswerer(self.settings).stream(query, passages, asks_for):
                raw += piece
                complete = completed_sentences(raw)
                if complete and NOT_IN_CORPUS not in complete.upper():
                    text, _, _ = compose_answer(_llm_draft(complete), passages, self.checker, keep_unsupported=True)
                    if text.startswith(shown) and len(text) > len(shown):
                        yield text[len(shown):]
                        shown = text
        except LlmUnavailable as exc:
            answer.notes.append(f"The LLM endpoint failed ({self._redact(str(exc))}); this is an extractive answer instead.")
            answer.mode = "extractive"
            self._fill(answer, fallback, passages, timings, keep_unsupported=False)
            yield from _remainder(answer.text, shown)
            return
        timings["generate"] = _ms(t0)
        raw = raw.strip()
        if NOT_IN_CORPUS in raw.upper() and len(raw) < len(NOT_IN_CORPUS) + 40:
            self._abstain(answer, passages)
        else:
            self._fill(answer, _llm_draft(raw), passages, timings, keep_unsupported=True)
            if not any(c.status == "supported" for c in answer.verification):  # then _fill has abstained: undo that
                answer.notes.append("None of the LLM's sentences could be verified against the passages; this is an extractive answer instead.")
                answer.mode, answer.abstained, answer.related = "extractive", False, []
                self._fill(answer, fallback, passages, timings, keep_unsupported=False)
        yield from _remainder(answer.text, shown)

    def _redact(self, text: str) -> str:
        secret = self.settings.llm_api_key.get_secret_value()
        return text.replace(secret, "***") if secret else text


def _where(item: Passage | Citation) -> dict[str, str]:
    """A passage or citation as the trace names it: chunk, document and source path."""
    meta = item.metadata if isinstance(item, Passage) else {"doc_id": item.doc_id, "source": item.source}
    return {"chunk_id": getattr(item, "chunk_id", ""), "doc_id": str(meta.get("doc_id", "")), "source": str(meta.get("source", ""))}


def _in_background(work: Callable[..., Any], *args: Any) -> Callable[[], None]:
    """Start `work(*args)` on a thread; the returned call waits for it and raises what it raised."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            work(*args)
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
            failed.append(error)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def wait() -> None:
        thread.join()
        if failed:
            raise failed[0]
    return wait


def _reason(answer: Answer, gap: CorpusGap, evidence: float, threshold: float) -> str | None:
    """Why the answer abstained: a corpus gap, weak evidence, or no verified sentence; None when it answered."""
    if not answer.abstained:
        return None
    return gap.message() or (f"evidence {evidence:.2f} below the threshold {threshold:.2f}" if evidence < threshold
                             else "no sentence could be drafted or verified")


def _llm_draft(text: str) -> list[tuple[str, list[int]]]:
    """The LLM's sentences with their markers as 0-based passage indices."""
    return [(sentence, [n - 1 for n in numbers]) for sentence, numbers in answer_sentences(text)]


def _remainder(text: str, shown: str) -> Iterator[str]:
    """What is left to stream of `text` after `shown`; everything again when they diverged (the final Answer wins)."""
    yield from _pieces(text[len(shown):] if text.startswith(shown) else text)


def _pieces(text: str, words: int = 6) -> Iterator[str]:
    tokens = text.split(" ")
    for i in range(0, len(tokens), words):
        yield " ".join(tokens[i : i + words]) + (" " if i + words < len(tokens) else "")


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)


def _selection(previous: Query | None) -> str | None:
    """The postings the conversation's last turn (`previous`, as read) listed, as a reader would name them ("the
    postings located in Boston"), or None when it listed none."""
    return f"the {population(previous)}" if previous is not None and previous.about_postings else None
