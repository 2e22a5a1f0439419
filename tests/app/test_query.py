"""The one reading of a question (app.query): constraints, intents and follow-up edits, with the real vocabulary and lexicon."""
from __future__ import annotations

import pytest

from app.query import QueryParser


def conversation(parser: QueryParser, *turns: str):
    state = None
    for turn in turns:
        state = parser.parse(turn, state)
    return state


@pytest.mark.parametrize("question, pay, currency", [
    ("Show me remote roles paying more than 300k", 300_000, None),
    ("Show me roles in the UK paying at least £90k", 90_000, "GBP"),
    ("Which MLSecOps postings pay above $180,000?", 180_000, "USD"),
    ("Which AI governance jobs are €100k+?", 100_000, "EUR"),
    ("Find me fully remote jobs that pay 250k or more", 250_000, None),
    ("Show me postings from 2025", None, None),  # a year is no salary
    ("Show me jobs for people with over 5 years of experience", None, None),
])
def test_salary_floors_with_currency_and_k_forms(parser, question, pay, currency):
    query = parser.parse(question)
    assert (query.pay_above, query.currency) == (pay, currency)


def test_places_regions_and_seniority_groups(parser):
    eu = parser.parse("Any AI red team openings in the EU?")
    assert eu.place == "the EU" and "germany" in eu.place_spellings and eu.role_family == ("ai-red-team",)
    assert parser.parse("Executive roles in North America").place_spellings[:2] == ("usa", "(us)")
    assert parser.parse("Show me hybrid jobs in London").place_spellings == ("london",)
    assert parser.parse("Show me senior+ MLSecOps roles").seniority == ("senior", "lead", "executive")
    assert parser.parse("Are there any junior security analyst jobs?").seniority == ("entry",)
    assert parser.parse("What jobs does Tessellane Bank have open?").company == ("Tessellane Bank",)
    assert parser.parse("Which postings were posted since December 1, 2025?").posted_after == "2025-12-01"


@pytest.mark.parametrize("question, intent, sort, limit", [
    ("Which postings require the OSWE?", "list", "posted", None),
    ("What's the newest MLSecOps posting?", "top", "posted", 1),
    ("Top 3 best-paying senior AI security engineer roles", "rank", "salary_max", 3),
    ("Which is the best-paid product security job?", "rank", "salary_max", 1),
    ("How many senior AI red team postings are there?", "count", "posted", None),
    ("What skills do MLSecOps postings ask for?", "explain", "posted", None),
    ("Which certifications do AI governance postings ask for most often?", "explain", "posted", None),
    ("Which roles can an ML engineer target after moving into AI security?", "explain", "posted", None),
    ("When was the AIGP certification launched, and which AI governance postings ask for it?", "explain", "posted", None),
    # the asker's setting before a dash does not hide the list asked for after it
    ("I'm based in Germany — are there any remote MLSecOps jobs among the sample ads?", "list", "posted", None),
    ("As a pentester, are there any remote AI red team jobs in the sample ads?", "list", "posted", None),
])
def test_what_is_asked(parser, question, intent, sort, limit):
    query = parser.parse(question)
    assert (query.intent, query.sort, query.limit) == (intent, sort, limit)


@pytest.mark.parametrize("question, intent", [
    # "hiring" after a preposition names the activity (a regulation's scope, a decision), not employers' ads
    ("the EU AI Act high-risk requirements for things like hiring tools started applying in August 2026, right?", "explain"),
    ("What are the main limitations of hiring a vCISO?", "explain"),
    ("Is the EU AI Act relevant to hiring in 2026?", "explain"),
    # ... and as a verb it still asks for postings
    ("Which companies are hiring AI red teamers?", "list"),
    ("Is anyone hiring MLSecOps engineers in London?", "list"),
    ("Is Tessellane Bank hiring?", "list"),
])
def test_hiring_asks_for_postings_only_as_a_verb(parser, question, intent):
    assert parser.parse(question).intent == intent


@pytest.mark.parametrize("question", [
    "Show me the EU AI Act obligations",
    "List the NIST AI RMF functions",
    "Give me the MITRE ATLAS tactics",
    "give me the deployer obligations under the AI Act",
    "list the OWASP LLM Top 10",
    "What AI security jobs are growing fastest?",
    "Which AI security jobs are growing fastest?",
    "Which MLSecOps jobs are shrinking?",
    "Show me CISSP",  # a credential alone: what the documents say about it (issue #16); with a place it lists postings
])
def test_an_imperative_about_a_documents_topic_or_a_trend_asks_the_passages(parser, question):
    assert parser.parse(question).intent == "explain"


@pytest.mark.parametrize("question", [
    "List the remote MLSecOps jobs",
    "Show me postings that ask for CISSP",
    "show me jobs in London",
    "list roles requiring the NIST AI RMF",
    "show me everything requiring PyTorch",
    "Show me remote MLSecOps in Berlin",
    "Show me CISSP in London",
    "list the OWASP LLM Top 10 jobs",
])
def test_a_list_of_postings_stays_a_list(parser, question):
    assert parser.parse(question).intent == "list"


def test_follow_ups_edit_the_query(parser):
    pay = conversation(parser, "Show me senior MLSecOps roles", "What do they pay?")
    assert pay.intent == "salary" and pay.seniority == ("senior",) and pay.role_family == ("mlsecops",) and pay.follow_up
    hybrid = conversation(parser, "Show me senior MLSecOps roles", "What do they pay?", "Which of them are hybrid?")
    assert (hybrid.intent, hybrid.seniority, hybrid.remote) == ("list", ("senior",), ("hybrid",))
    swapped = conversation(parser, "Which AI governance postings are remote?", "What about MLSecOps?")
    assert (swapped.intent, swapped.role_family, swapped.remote) == ("list", ("mlsecops",), ("remote",))
    berlin = conversation(parser, "Which product security jobs are in London?", "And in Berlin?")
    assert berlin.place == "Berlin" and berlin.role_family == ("product-security",)
    assert conversation(parser, "Which postings ask for the CISSP?", "show me more").page == 2
    newest = conversation(parser, "Show me MLSecOps jobs", "Which of those are remote?", "Which is the newest?")
    assert (newest.intent, newest.limit, newest.remote) == ("top", 1, ("remote",))


def test_a_new_topic_starts_afresh(parser):
    fresh = conversation(parser, "Show me remote jobs", "What is MITRE ATLAS?")
    assert fresh.intent == "explain" and not fresh.follow_up and fresh.remote == ()
    after_share = conversation(parser, "What share of MLSecOps postings mention Kubernetes?", "And what do they pay?")
    assert after_share.role_family == ("mlsecops",) and after_share.skills == ()  # the measured skill is no filter


@pytest.mark.parametrize("question, place", [
    ("What do MLSecOps engineers earn in London?", "London"),
    ("How many postings are in the US?", "the US"),
    ("How many roles are in New York?", "New York"),
    ("What share of jobs in Berlin mention Python?", "Berlin"),
    ("How many postings are in Tokyo?", "Tokyo"),  # no posting is located there: the answer says so, no figure for all
    ("Which MLSecOps jobs are open in Tokyo?", "Tokyo"),  # a list: the place empties it, and the answer says so
    ("typical salary for an ai red teamer in singapore?", "Singapore"),  # lower case, a country of the gazetteer
    ("remote AI security jobs in hong kong", "Hong Kong"),
    ("How many postings are there in Texas?", "Texas"),
    ("What do AI security engineers earn in the Netherlands?", "Netherlands"),
    ("How many postings ask for experience in mobile security?", None),  # a small town's name in lower case is a word
    ("How many postings ask for experience in reading code?", None),  # a city's name, lower case, mid-sentence: a word
    ("Which postings in Reading ask for Python?", "Reading"),  # capitalised: the city
    ("Which skills matter in AI security?", None),
    ("What is prompt injection in Singapore's guidelines?", None),  # no figure or postings asked: no place to count by
])
def test_the_place_a_question_names(parser, question, place):
    assert parser.parse(question).place == place


def test_a_us_state_is_spelled_as_posting_locations_write_it(parser):
    assert parser.parse("How many postings are there in Texas?").place_spellings == (", tx, ",)


def test_a_place_follow_up_replaces_the_conversation_s_place(parser):
    query = conversation(parser, "Which postings are in Dublin?", "and in Singapore?")
    assert (query.intent, query.place, query.place_spellings) == ("list", "Singapore", ("singapore",))


def test_a_currency_named_anywhere(parser):
    assert parser.parse("Median pay of remote product security jobs in EUR").currency == "EUR"
    assert parser.parse("What do AI governance leads earn in pounds?").currency == "GBP"


def test_the_latest_one_beside_a_year_and_a_skill_asks_about_an_edition_not_for_postings(parser):
    edition = parser.parse("We're still using the 2025 OWASP LLM Top 10 in our design reviews. Is that the latest one?")
    assert edition.intent == "explain" and not edition.about_postings
    assert parser.parse("Show me the newest MLSecOps role").intent == "top"  # a posting noun still asks for postings
    assert conversation(parser, "Show me MLSecOps roles in London", "and the latest one?").intent == "top"  # in a listing


@pytest.mark.parametrize("question, intent", [
    ("Our HR team uses an AI CV-screening tool for hiring in Germany and the vendor says the high-risk rules apply "
     "in August 2026. Is that right? When do we have to comply?", "explain"),
    ("I'm a hiring manager writing the job ad for our first MLSecOps engineer. Which skills and certifications "
     "would make sense to list?", "explain"),
    ("I'm moving to London next year. Which MLSecOps postings are there?", "list"),  # the asking sentence lists
])
def test_the_asking_sentence_not_the_askers_context_says_what_is_asked(parser, question, intent):
    query = parser.parse(question)
    assert query.intent == intent
    assert query.about_postings == (intent == "list")


@pytest.mark.parametrize("question, position", [
    ("Which edition of the OWASP LLM Top 10 is the current one, and what sits at number 3 in it?", "LLM03:2026"),
    ("whats #8 in the owasp llm top 10?", "LLM08:2026"),
    ("In the OWASP Top 10 for LLM apps, which risk is ranked third?", "LLM03:2026"),
    ("Which risk is the seventh entry of the OWASP LLM Top 10?", "LLM07:2026"),
    ("what was the 3rd item in the 2025 edition of the owasp llm top 10?", "LLM03:2025"),  # the edition it names
    ("Which was the first OWASP LLM Top 10 list?", None),  # an ordinal of an edition, not a position
    ("What is number 3 in the MITRE ATLAS matrix?", None),  # no ranked list of numbered entries
    ("Which OWASP LLM risks should I dig into first?", None),  # what to do first, not the list's first entry
])
def test_a_position_in_a_ranked_list_is_its_entry_s_identifier(parser, question, position):
    query = parser.parse(question)
    assert query.position == position
    assert not position or position in parser.searched(question, query) and query.asks_current == position.endswith("2026")


def test_a_position_follow_up_keeps_the_list(parser):
    query = conversation(parser, "What sits at number 1 in the OWASP LLM Top 10?", "and number 6?")
    assert query.position == "LLM06:2026"
    assert conversation(parser, "What sits at number 1 in the OWASP LLM Top 10?", "and what does MLSecOps pay?").position is None


@pytest.mark.parametrize("question, intent, place", [
    # the place told in a sentence of its own and pointed back at ("there", "in that city", "for me")
    ("Relocating to Boston next year. What security jobs are posted there?", "list", "Boston"),
    ("My partner got a job in Dublin so we're moving. What security positions are advertised in that city?", "list", "Dublin"),
    ("I live in Berlin. Anything for me?", "list", "Berlin"),
    ("I just moved to Tulsa. Anything for me?", "list", "Tulsa"),  # a place no posting is in (the gazetteer's)
    # "what <kind of> jobs", as "which <kind of> jobs", asks for the postings
    ("What security jobs are posted in Austin?", "list", "Austin"),
    ("What remote MLSecOps openings are there?", "list", None),
    # ... but not "what is the one …", "what kind of jobs …" or a question the jobs only take part in
    ("What is the one certification MLSecOps engineers need?", "explain", None),
    ("What kind of jobs can a SOC analyst move into?", "explain", None),
    ("What security jobs can I get with an OSCP?", "explain", None),
    ("What job polarization does the source report describe in the cybersecurity market?", "explain", None),
])
def test_what_kind_of_jobs_and_a_place_pointed_back_at_list_the_postings(parser, question, intent, place):
    query = parser.parse(question)
    assert (query.intent, query.place) == (intent, place)


def test_an_employment_type_is_a_term_with_its_place_in_the_question(parser):
    query = parser.parse("What share of AI governance postings are contract roles?")
    assert query.employment_type == ("contract",)
    assert [m.field for m in query.cues.entities.mentions] == ["role_family", "employment_type"]
    assert parser.parse("Show me part-time roles").employment_type == ("part-time",)


@pytest.mark.parametrize("question", ["Fresh grad here - any entry-level AI red team openings?",
                                      "Bootcamp grad here — any junior product security openings?"])
def test_an_introduction_ended_by_a_dash_is_the_setting_of_a_list_ask(parser, question):
    query = parser.parse(question)
    assert query.intent == "list" and query.seniority == ("entry",)


@pytest.mark.parametrize("question, place, spellings", [
    ("Are there any contract roles based in the UK or Europe?", "the UK or Europe", {", uk", "netherlands", "germany"}),
    ("What jobs are there in Berlin or Amsterdam?", "Berlin or Amsterdam", {"berlin", "amsterdam"}),
    ("Which AI red team jobs are in London or Dublin?", "London or Dublin", {"london", "dublin"}),
])
def test_places_joined_by_or_select_postings_in_either(parser, question, place, spellings):
    query = parser.parse(question)
    assert query.place == place and spellings <= set(query.place_spellings)


@pytest.mark.parametrize("question, credential", [
    ("I just got my ISO 42001 lead auditor cert. Which postings ask for it?", "ISO/IEC 42001 Lead Auditor"),
    ("I hold the ISO 27001 Lead Implementer. Which postings want it?", "ISO/IEC 27001 Lead Implementer"),
])
def test_a_level_word_inside_a_credential_s_name_is_no_level(parser, question, credential):
    query = parser.parse(question)
    assert query.intent == "list" and query.certifications == (credential,) and query.seniority == ()


@pytest.mark.parametrize("question, credential", [
    ("I'm halfway through studying for the IAPP AI governance cert. Which employers in the postings list it?", "IAPP AIGP"),
    ("Do any of the jobs want someone who is a certified lead auditor for the ISO AI management system standard?",
     "ISO/IEC 42001 Lead Auditor"),
    ("Any jobs wanting the OffSec pentest cert?", "OSCP"),
    ("Which jobs want the Azure security engineer cert?", "Microsoft Certified Azure Security Engineer Associate"),
    ("Which jobs require the ISC2 cloud security certification?", "CCSP"),
    ("Which postings ask for the ISC2 security one?", "CISSP"),
    ("Which roles want the GIAC incident handler cert?", "GIAC GCIH"),
    ("Is there a job that asks for the Linux Foundation Kubernetes security cert?", "Certified Kubernetes Security Specialist (CKS)"),
    ("Show me postings that want a Certified Information Security Manager.", "CISM"),  # its long name
])
def test_a_certification_described_by_issuer_and_subject_or_standard_selects_its_postings(parser, question, credential):
    query = parser.parse(question)
    assert query.intent == "list" and query.certifications == (credential,)
    assert query.seniority == query.role_family == query.skills == query.clouds == ()  # words of its name, no filters


@pytest.mark.parametrize("question", [
    "Which postings ask for the ISC2 one?",  # CISSP and CCSP alike
    "Which jobs want an ISACA cert?",  # an issuer without a subject names a family of certifications
    "Which postings ask for a cloud security certification?",  # a subject without an issuer names a kind
    "What's the AI security cert CompTIA came out with?",  # SecAI+, which no posting lists, not Security+
    "Ballpark, what does an ISO 42001 certification audit cost?",  # an organisation's audit, no lead auditor
    "Is the AWS Machine Learning Specialty cert still worth doing?",  # words the AWS Security Specialty lacks
])
def test_a_description_naming_no_one_certification_selects_none(parser, question):
    assert parser.parse(question).certifications == ()


@pytest.mark.parametrize("question, intent", [
    ("Which entry-level remote jobs would suit someone from IT?", "list"),
    ("What entry-level remote jobs could a help desk tech apply for?", "list"),
    ("Which AI security jobs would suit me?", "explain"),  # no condition only postings meet: careers advice
    ("Which AI red team roles can be done remotely from the UK?", "list"),  # what work allows, where only postings say
    ("I live in Yorkshire and don't want to commute. Which roles can be done fully remote from the UK?", "list"),
    ("Which roles can an ML engineer target after moving into AI security?", "explain"),  # no condition of postings'
    ("Do any of the sample jobs ask for the OSCP?", "list"),
    ("I just passed the ISO 42001 Lead Auditor course. Do any of the sample jobs ask for it?", "list"),
    ("Do any MLSecOps jobs require a degree?", "explain"),  # nothing postings are selected by beside the family
])
def test_which_jobs_would_lists_postings_under_a_condition_only_postings_meet(parser, question, intent):
    assert parser.parse(question).intent == intent


@pytest.mark.parametrize("question, sort, limit", [
    ("Which job in the sample listings has the highest top of range?", "salary_max", 1),
    ("Which sample posting has the lowest salary floor?", "salary_min_lowest", 1),
    ("Which postings have the highest starting salary?", "salary_min", 5),
    ("Which machine learning engineer job pays the least in the sample postings?", "salary_max_lowest", 1),
    ("Which is the oldest job ad in the sample data?", "posted_oldest", 1),
    ("What's the top-paying AI governance job in the listings?", "salary_max", 1),
    ("Among the red team postings, which one has the highest top of range?", "salary_max", 1),
    ("Which MLSecOps postings pay the most?", "salary_max", 5),
    ("Which posting has the highest pay ceiling?", "salary_max", 1),
    ("Which listing has been up the longest?", "posted_oldest", 1),
])
def test_a_superlative_ranks_postings_by_the_field_it_names(parser, question, sort, limit):
    query = parser.parse(question)
    assert (query.intent, query.sort, query.limit) == ("rank", sort, limit)


def test_the_oldest_of_something_else_ranks_no_postings(parser):
    assert parser.parse("What is the oldest AI security framework?").intent == "explain"


# ---- session 13 (follow23): title words, kept by follow-ups; openers read past ----
def test_title_words_select_postings_by_title_and_follow_ups_keep_them(parser):
    first = parser.parse("show me fractional or virtual CISO jobs in the US")
    assert first.titles == ("fractional", "virtual") and {"fractional", "virtual", "vciso"} <= set(first.title_spellings)
    ranked = conversation(parser, "show me fractional or virtual CISO jobs in the US", "which of those pays the most?")
    assert ranked.intent == "rank" and ranked.titles == first.titles and ranked.title_spellings == first.title_spellings
    assert ranked.place == "the US"


def test_beside_an_employment_type_title_words_select_nothing_of_their_own(parser):
    query = parser.parse("Which part-time or fractional CISO roles are listed?")
    assert query.employment_type == ("part-time",) and query.titles == ()


def test_a_document_question_naming_a_title_word_asks_for_no_postings(parser):
    assert parser.parse("How does the fractional CISO model work?").intent == "explain"


def test_an_acknowledging_opener_leaves_what_the_follow_up_asks(parser):
    assert parser.parse("wait, when was it published?").expects == "date"
