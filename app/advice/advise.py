"""The career coach: a CV or Profile in, cited Advice out (fit, gaps, plan, postings); nothing is stored or logged."""
from __future__ import annotations

from typing import Any

from app.advice.extract import extract_profile
from app.advice.fit import family_fits, family_gaps
from app.advice.matches import postings_now, postings_within_reach
from app.advice.plan import certification_quotes, choose_path, path_sections, path_steps
from app.advice.reader import clean_cv_text
from app.advice.render import advice_text
from app.advice.terms import TermFinder
from app.advice.types import Advice, Plan, PlanStep, Profile
from app.analytics.table import table_from_snapshot
from app.errors import UserError
from app.filters import parse_filters
from app.lexicon import load_lexicon
from app.types import Citation, Passage

SAMPLE_NOTE = ("The postings are fictional samples: the counts, pay and postings below illustrate the method, "
               "not the job market.")
NO_SKILLS = ("No skills were recognised, so every family's fit is zero and the ranking says little: add your skills to "
             "the profile (e.g. Python, Splunk, risk assessments) and ask again.")
NOTHING_RECOGNISED = ("nothing in this text matches a role, skill, certification or cloud the assistant knows; paste a CV "
                      "or a few lines naming your job titles and skills (e.g. 'SOC analyst, 3 years: Splunk, incident response')")


class Coach:
    """Reads profiles and computes advice over one Assistant's index and retriever."""

    def __init__(self, assistant):
        self.assistant = assistant
        self.vocabulary = assistant.vocabulary
        self.lexicon = load_lexicon(assistant.settings.lexicon_path)
        self.finder = TermFinder(self.vocabulary, self.lexicon)

    def read_profile(self, text: str) -> Profile:
        """The Profile a CV's text states; UserError when nothing in it is recognisable."""
        profile = extract_profile(clean_cv_text(text), self.finder, self.lexicon.get("coach_aspiration_words") or [])
        if profile.is_empty():
            raise UserError(NOTHING_RECOGNISED)
        return profile

    def advise(self, profile_or_text: Profile | dict[str, Any] | str, target: str | None = None,
               user: str | None = None) -> Advice:
        """Fit, gaps, plan and postings for a CV's text, a Profile, or a Profile's to_dict() (e.g. edited), over the
        corpus and `user`'s own uploads."""
        profile = self._profile(profile_or_text)
        retriever = self.assistant.retriever(user)
        rows = table_from_snapshot(retriever.snapshot)
        sample = any(r.metadata.get("sample") for r in rows)
        label = " (sample data)" if sample else ""
        fits = family_fits(profile, rows, label)
        if not fits:
            raise UserError("the index holds no postings with skills to compare against; ingest postings first (aisec ingest)")
        chosen = self._target(target, fits, profile)
        citations: dict[str, Citation] = {}

        def cite(passage: Passage, quote: str | None = None) -> int:
            if passage.chunk_id not in citations:
                citations[passage.chunk_id] = Citation.from_passage(len(citations) + 1, passage)
            if quote:
                citations[passage.chunk_id].supporting.append(quote)
            return citations[passage.chunk_id].number

        plan = self._plan(profile, chosen, retriever, cite)
        advice = Advice(profile, chosen, fits, family_gaps(profile, rows, chosen, label), plan,
                        postings_now(profile, rows, chosen, cite), postings_within_reach(profile, rows, chosen, cite),
                        list(citations.values()), ([SAMPLE_NOTE] if sample else []) + ([] if profile.skills else [NO_SKILLS]))
        advice.text = advice_text(advice)
        return advice

    # -- steps ----------------------------------------------------------------------------------
    def _profile(self, value: Profile | dict[str, Any] | str) -> Profile:
        if isinstance(value, str):
            return self.read_profile(value)
        profile = Profile.from_dict(value) if isinstance(value, dict) else value
        if not isinstance(profile, Profile):
            raise UserError("advise() takes a CV's text, a Profile, or a Profile's to_dict()")
        checked = Profile(self._terms("roles", profile.roles), profile.years, self._terms("skills", profile.skills),
                          self._terms("certifications", profile.certifications), self._terms("clouds", profile.clouds))
        if checked.is_empty():
            raise UserError("the profile is empty; add at least one role, skill, certification or cloud")
        return checked

    def _terms(self, field: str, values: list[str]) -> list[str]:
        """Each value as its canonical term (synonyms accepted); UserError names an unknown one."""
        known = list(self.finder.roles) if field == "roles" else list(self.vocabulary.terms(field))
        out = []
        for value in values:
            term = next((k for k in known if k.lower() == value.strip().lower()), None)
            term = term or next(iter(self.finder.find(value)[field]), None)
            if not term:
                raise UserError(f"unknown {field[:-1]} {value!r}; use one of: {', '.join(known)}")
            if term not in out:
                out.append(term)
        return out

    def _target(self, target: str | None, fits, profile: Profile) -> str:
        families = [f.family for f in fits]
        if target:
            term = self.vocabulary.canonical("role_families", target)
            if term is None:
                raise UserError(f"unknown target {target!r}; choose one of: {', '.join(self.vocabulary.terms('role_families'))}")
            return term
        current = {self.finder.roles[r].get("family") for r in profile.roles}
        return next((f for f in families if f not in current), families[0])

    def _plan(self, profile: Profile, target: str, retriever, cite) -> Plan:
        lexicon = self.lexicon
        sections = path_sections(retriever.snapshot, self.finder, lexicon["coach_path_heading"], lexicon["coach_carry_over"])
        backgrounds = [b for b in (self.finder.roles[r].get("background") for r in profile.roles) if b]
        section, how = choose_path(profile, sections, backgrounds)
        plan = Plan(section.heading if section else None, backgrounds[0] if backgrounds else None, how)
        if section:
            plan.steps = [PlanStep(text, cite(passage, text)) for text, passage in path_steps(section)]
        else:
            plan.message = ("None of the transition paths in the corpus matches this background "
                            f"({', '.join(profile.roles) or 'no role title recognised'}); the gaps and postings below still apply.")
        family_words = self.vocabulary.synonyms["role_families"].get(target) or (target,)
        query = f"{lexicon['coach_certification_heading']} {family_words[0]}"
        filters = parse_filters({"kind": "document"}, self.vocabulary.terms("role_families"))
        passages = retriever.retrieve(query, self.assistant.embed([query])[0], filters)
        plan.certifications = [PlanStep(q, cite(p, q)) for q, p in
                               certification_quotes(passages, self.finder, lexicon["coach_certification_heading"])]
        return plan
