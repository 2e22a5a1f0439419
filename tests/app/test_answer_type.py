"""The asked-for kind of answer, read from the question with the shipped lexicon, and sentences that give it."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.answer_type import (answer_need, expected_answer_type, holds_answer, mentions, names_term, states_unknown,
                              topic_fit)
from app.coverage import specific_terms
from app.lexicon import load_lexicon

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")


@pytest.mark.parametrize("question, expected", [
    ("When was PyRIT released?", "date"),
    ("Which OWASP entries should I study first when moving into AI security?", None),  # "when" inside: no date asked
    ("How much does the CISSP exam cost?", "amount"),
    ("What does the CISSP exam cost?", "amount"),
    ("What is the largest payout for a model-theft report?", "amount"),  # a payout is money
    ("How much did demand for frontend engineers drop?", None),  # "how much" without money
    ("What is the salary trend for AI engineers?", None),  # a trend, not an amount
    ("How many poisoned documents were enough?", "count"),
    ("Who wrote the NIST AI RMF?", "agent"),
    ("Which version of PyTorch changed torch.load?", "version"),
    ("Under which licence is PyRIT released?", "licence"),
    ("What does SLSA stand for?", "expansion"),
    ("what are the letters in STRIDE again?", "expansion"),
    ("How many cover letters in a row went unanswered?", "count"),  # no letters of an acronym
    ("What is the minimum passing score for CySA+?", "score"),
    ("Which CVE did ShadowRay exploit?", "identifier"),
    ("What do MLSecOps engineers do?", None),
    ("What does OffSec charge for the AI-300 course?", "amount"),  # a price asked by its verb
    ("What would it cost an attacker to poison LAION-400M?", "amount"),
    ("Who is in charge of the AI Office?", "person"),  # "in charge" asks for no price
    ("Who was SolarWinds' CISO when the SEC brought charges?", "agent"),  # legal charges are no price
    ("When is NIST releasing the revised AI RMF?", "date"),
    ("Which AI companies have signed the pledge?", "agent"),  # an organisation noun the question asks for
    # an elided "it" stands for the value told (a fine), never for a company the question tells of
    ("If a company gets caught using a banned AI practice, what's the biggest fine it could be hit with?", "amount"),
])
def test_expected_answer_type(question, expected):
    assert expected_answer_type(question, LEXICON) == expected


def _answers(question: str, sentence: str, context: str = "MITRE ATLAS") -> bool:
    return holds_answer(sentence, answer_need(question, LEXICON, specific_terms(question), expected_answer_type(question, LEXICON)), LEXICON, context)


@pytest.mark.parametrize("question, sentence, answers", [  # the sentence stands in a passage about MITRE ATLAS
    ("How much does the CISSP exam cost?", "CISSP holders lead security programmes.", False),
    ("How much does the CISSP exam cost?", "The CISSP exam costs USD 749.", True),
    ("How much money would it cost to poison LAION-400M?", "0.01% of LAION-400M could have been poisoned for about 60 US dollars.", True),
    ("How much of LAION-400M could have been poisoned, and for roughly how much money?",  # a hedge is no topic
     "0.01% of LAION-400M could have been poisoned for about 60 US dollars.", True),
    ("How much money would it cost to poison LAION-400M?", "Poisoning LAION-400M would cost 200 euros.", True),
    ("How much money would it cost to poison LAION-400M?", "Poisoning LAION-400M would cost USD 60.", True),
    ("How much money would it cost to poison LAION-400M?", "Poisoning 60 US datasets like LAION-400M is cheap.", False),
    ("What is the salary for the Head of AI at Acme?", "The Head of AI role at Acme pays $150k plus bonus.", True),
    ("Which version of garak added multimodal probes?", "garak probes LLMs for weaknesses.", False),
    ("Which version of PyTorch changed torch.load?", "PyTorch 2.6 changed the default.", True),
    ("Under which licence is PyRIT released?", "PyRIT is released under the MIT License.", True),
    ("When was PyRIT released?", "Microsoft's PyRIT was released in February 2024.", True),
    ("When was PyRIT released?", "PyRIT automates red teaming.", False),
    ("How many poisoned documents were enough?", "About 250 poisoned documents were enough.", True),
    ("How many members does the OWASP GenAI Security Project have?", "The OWASP GenAI Security Project publishes the Top 10.", False),
    ("How many employees does Oligo Security have?", "We have grown to 210 employees.", False),  # another company's count
    ("How many lessons did the paper give?", "The paper presents eight lessons.", True),
    ("Who founded OWASP?", "The OWASP GenAI Security Project maintains the Top 10 for LLM Applications.", False),
    ("Who wrote the NIST AI RMF?", "The NIST AI RMF was released by the US National Institute of Standards and Technology.", True),
    ("Who makes ModelScan?", "ModelScan, an open-source tool from Protect AI, scans model files.", True),
    ("Who maintains picklescan?", "Hugging Face runs picklescan on uploaded files.", False),
    ("When was Hugging Face founded?", "In May 2023 Hugging Face announced an audit of safetensors.", False),
    ("What does PyRIT stand for?", "Microsoft's PyRIT (Python Risk Identification Toolkit) was released in 2024.", True),
    ("What does PyRIT stand for?", "PyRIT is used for automated red teaming.", False),
    ("What does SLSA stand for?", "SLSA v1.0 (April 2023): the OpenSSF's Supply-chain Levels for Software Artifacts framework.", True),
    ("What does SLSA stand for?", "Experience with supply chain security (SLSA, in-toto, Sigstore).", False),
    ("What does ATLAS stand for?", "Adversarial Threat Landscape for Artificial-Intelligence Systems is MITRE's matrix.", True),
    ("When did the UK Safety Institute open-source Inspect?", "The EU AI Act entered into force on 1 August 2024.", False),
    ("What is the salary of the CISO at Google?", "Part-Time Virtual CISO at Eastmere pays 110,000 USD per year.", False),
    ("What is the passing score for the CISSP exam?", "CISSP requires five years of experience in two of its eight domains.", False),
    ("What is the ATLAS case study ID of Tay Poisoning?", "AML.CS0009 Tay Poisoning records how users manipulated Tay.", True),
    ("How many tactics does ATLAS list?", "The MITRE matrix lists 16 tactics.", True),  # "MITRE ATLAS" in the heading
    # a head count asked as how big a membership is: a count of members, not the credential's domains
    ("How big is the IAPP membership these days?", "The IAPP's AIGP exam has four domains.", False),
    ("How big is the IAPP membership these days?", "The IAPP has over 90,000 members.", True),
    # the person running a thing: a name of a person, not the year the team was founded
    ("who's the person running Microsoft's AI Red Team?", "Microsoft's AI Red Team, established in 2018, published a paper.", False),
    ("who's the person running Microsoft's AI Red Team?", "Microsoft's AI Red Team is led by Dana Moreau.", True),
    # when a thing did start: a sentence saying it started, not when something was published
    ("what year did OWASP itself start?", "The first OWASP list for LLM applications was published in August 2023.", False),
    # a thing asked of itself: named on its own, not as another thing's owner, name or modifier
    ("what year did ISACA itself start?", "ISACA's AAISM credential was launched in 2025.", False),
    ("what year did ISACA itself start?", "Common credentials are CISM (ISACA), launched in 1997.", False),
    ("what year did OWASP itself start?", "The OWASP Top 10 project was started in 2003.", False),
    ("what year did OWASP itself start?", "OWASP was started in 2001 as an open community.", True),
    ("What year did Microsoft's AI Red Team itself start?", "Microsoft's AI Red Team, established in 2018, published a paper.", True),
])
def test_a_sentence_answers_only_with_a_value_of_the_asked_kind(question, sentence, answers):
    assert _answers(question, sentence) is answers


def test_the_subject_may_stand_in_the_passage_heading():
    question = "How many lessons did Microsoft's AI Red Team publish?"
    assert _answers(question, "The paper presents eight lessons.", "Lessons from the Microsoft AI Red Team")
    assert not _answers(question, "The paper presents eight lessons.", "Interview topics")


@pytest.mark.parametrize("question, sentence, before, answers", [
    # the subject may be named by an earlier sentence of the passage the answering sentence continues
    ("How many questions are on the ISACA AAISM exam?", "The AAISM exam has 90 questions.", "ISACA runs the AAISM.", True),
    ("How many questions are on the ISACA AAISM exam?", "The AAISM exam has 90 questions.", "", False),
    # a sentence opening on another name counts that thing, whatever the sentence before it names
    ("How many questions are on the CISSP exam?", "The AAISM exam has 90 questions.", "AAISM is open to CISSP holders.", False),
])
def test_the_subject_may_be_named_earlier_in_the_passage(question, sentence, before, answers):
    assert _answers(question, sentence, f"Certifications {before}") is answers


@pytest.mark.parametrize("question, sentence, answers", [
    ("How long do you get to complete the CKS exam?", "The CKS exam is two hours long.", True),
    ("How long do you get to complete the CKS exam?", "CKS certification, or the ability to earn it within six months.", False),
    ("How long must deployers keep the logs?", "Deployers keep automatically generated logs for at least six months.", True),
    ("What is the max fine for a banned AI practice?", "Fines for GPAI providers are up to EUR 15 million.", False),
    ("What is the max fine for a banned AI practice?", "Prohibited practices can be fined up to EUR 35 million.", True),
])
def test_a_bare_number_answers_only_about_the_questions_topic(question, sentence, answers):
    assert _answers(question, sentence) is answers


def test_a_clause_saying_its_value_is_unconfirmed_gives_no_value():
    question = "When will the GIAC GAIPT cert be generally available?"
    assert not _answers(question, "GIAC has announced GAIPT; the general availability of GAIPT is unconfirmed as of 6 December 2026.")
    assert _answers(question, "GIAC GAIPT became generally available in March 2026; its price is unconfirmed.")


def test_a_sentence_opening_on_a_name_the_question_tells_of_is_about_its_matter():
    question = "NIST wrote a generative AI profile to go with the AI RMF. How many risks does it list?"
    need = answer_need(question, LEXICON, ["RMF"], "count", "How many risks does it list?")  # NIST: in the telling part
    assert holds_answer("NIST AI 600-1 identifies 12 risks of generative AI.", need, LEXICON, "NIST AI RMF")
    assert not holds_answer("The AAISM exam lists 12 risks.", need, LEXICON, "NIST AI RMF")


def test_a_clause_about_the_topic_may_say_the_value_is_unknown():
    need = answer_need("What domains does ISACA's AAIR exam cover?", LEXICON, ["ISACA", "AAIR"], None)
    said = "ISACA's AAIR was reported to have launched in April 2026; its exam details are unconfirmed as of 6 December 2026."
    assert states_unknown(said, need, LEXICON, every=True)
    assert not states_unknown("The AAIR exam covers three domains; its price is unconfirmed.", need, LEXICON, every=True)
    assert not states_unknown("ISACA's AAIR launched in April 2026.", need, LEXICON)
    date = answer_need("When is NIST releasing the revised AI RMF?", LEXICON, ["NIST", "RMF"], "date")
    assert states_unknown("This review found no revised AI RMF published by NIST and no announced publication date.", date, LEXICON)


def test_a_numbered_name_is_not_a_count():
    question = "How many risks does NIST AI 600-1 list?"
    assert not _answers(question, "NIST released NIST AI 600-1, listing risks of generative AI.")
    assert _answers(question, "NIST AI 600-1 identifies 12 risks of generative AI:")


def test_a_number_named_by_the_noun_before_it_asks_for_an_identifier_not_a_count():
    assert expected_answer_type("What is the regulation number of the Digital Omnibus on AI?", LEXICON) is None
    assert expected_answer_type("What is the number of tactics in ATLAS?", LEXICON) == "count"


def test_a_number_inside_a_title_counts_what_the_title_names():
    question = "How many products did Microsoft's AI red team test for its lessons paper?"
    assert _answers(question, "Microsoft's AI Red Team published \"Lessons from Red Teaming 100 Generative AI Products\".")
    assert not _answers("How many AI systems are registered?", "It follows the ISO/IEC 42001 management system.")


def test_a_long_acronym_may_be_spelled_out_in_lower_case_words():
    question = "What does FGSM stand for?"
    assert _answers(question, "Classical topics include the fast gradient sign method introduced by Goodfellow.")
    assert not _answers(question, "Classical topics include gradient methods introduced by Goodfellow.")


def test_a_question_of_several_parts_asks_for_each_type():
    need = answer_need("How many lessons does the paper have, and since when has the team existed?", LEXICON, [], "count")
    assert need.expects == "count" and need.also == ("date",)


def test_the_topic_is_read_from_the_part_that_asks_for_the_type():
    question = "Where is the AI Compliance Lead role at Ulmbrook Assekuranz based, and what does it pay?"
    assert _answers(question, "AI Compliance Lead — Ulmbrook Assekuranz, Cologne, hybrid, 98,000–124,000 EUR per year.")


def test_a_date_that_says_when_a_statement_was_checked_answers_no_when():
    question = "When was NIST AI RMF 1.0 released?"
    assert not _answers(question, "As of 6 December 2026, AI RMF 1.0 is still the current released version of the NIST AI RMF.")
    assert _answers(question, "NIST AI RMF 1.0 was released on 26 January 2023.")


def test_a_length_of_time_is_a_number_before_its_unit():
    question = "How long are the study plans meant to take?"
    assert not _answers(question, "Month 2: study the EU AI Act and plan the review.")
    assert _answers(question, "The study plans take three to six months.")


@pytest.mark.parametrize("question, sentence, answers", [
    # a length of time up to now is answered by the date it began
    ("How long has Microsoft had a dedicated AI red team?", "Microsoft's AI Red Team, established in 2018, published a paper.", True),
    ("How long have the EU AI Act's bans been in effect?", "The EU AI Act's bans have applied since 2 February 2025.", True),
    ("How long has the AAISM exam been available?", "The AAISM exam opened in August 2025.", True),
    # a length of time that is no span up to now is not: the date an exam opened gives no exam's length
    ("How long is the AAISM exam?", "The AAISM exam opened in August 2025.", False),
    ("How long does the AAISM exam take?", "The AAISM exam opened in August 2025.", False),
])
def test_a_length_of_time_up_to_now_is_answered_by_its_start(question, sentence, answers):
    assert _answers(question, sentence) is answers


CLOUD_CERTIFICATIONS = ("The current ones are AWS Certified Security - Specialty (exam SCS-C03 since 2 December 2025), "
                        "Microsoft Certified: Cloud and AI Security Engineer Associate (exam SC-500, introduced in 2026) "
                        "and Google Cloud Professional Cloud Security Engineer.")
LIST_OF_TOOLS = ("Common open-source tools include Microsoft's PyRIT (Python Risk Identification Tool for generative AI), "
                 "released in February 2024; NVIDIA's garak LLM vulnerability scanner; promptfoo for prompt testing.")


@pytest.mark.parametrize("question, sentence, answers", [
    # a thing named after "version of" without an article is the subject, even in lower case
    ("which version of garak is current right now?", "The current version is SLSA 1.2, which adds a Source track.", False),
    ("which version of slsa is current?", "The current version is SLSA 1.2, which adds a Source track.", True),
    ("which licence of promptfoo applies?", "PyRIT is released under the MIT License.", False),
])
def test_a_version_is_of_the_thing_named_even_in_lower_case(question, sentence, answers):
    assert _answers(question, sentence, context="") is answers


@pytest.mark.parametrize("question, sentence, answers", [
    # a date belongs to the list item (between semicolons) that names its subject, not to another item
    ("What year did NVIDIA first release garak?", LIST_OF_TOOLS, False),
    ("When did Microsoft release PyRIT?", LIST_OF_TOOLS, True),
    # a parenthesised date right after a name dates that name, not the others of the clause
    ("When was the Threat Modeling Manifesto published?",
     "The Threat Modeling Manifesto (2020) summarises the practice around four questions.", True),
    ("When did NVIDIA release garak?", "Tools include NVIDIA's garak scanner and Microsoft's PyRIT (2024).", False),
    # an aside that names the subject dates it, whatever name comes before the aside; another aside does not
    ("When was SC-500 introduced?", CLOUD_CERTIFICATIONS, True),
    ("When was SCS-C03 introduced?", CLOUD_CERTIFICATIONS, True),
    ("When was AZ-104 introduced?", CLOUD_CERTIFICATIONS, False),
])
def test_a_date_is_bound_to_the_asked_subject(question, sentence, answers):
    assert _answers(question, sentence, context="") is answers


@pytest.mark.parametrize("sentence, answers", [
    # the passage names NVIDIA before; a sentence opening with a name of its own dates that name, not NVIDIA's tool
    ("ModelScan was released by Protect AI, which Palo Alto Networks acquired in 2025.", False),
    ("It was first released in 2023.", True),
])
def test_a_date_in_a_sentence_that_does_not_name_the_subject(sentence, answers):
    assert _answers("When did NVIDIA release garak?", sentence, context="Tools: NVIDIA's garak scanner.") is answers


@pytest.mark.parametrize("question, sentence, answers", [
    ("Who is the head of the European Commission's AI Office?",  # an institution's name is not a person's
     "The European Commission's AI Office is headed by the Directorate for the Digital Omnibus.", False),
    ("Who is the head of the European Commission's AI Office?",
     "The European Commission's AI Office supervises general-purpose AI models.", False),
    ("Who is the head of the European Commission's AI Office?",
     "The European Commission's AI Office is headed by Lucilla Sioli.", True),
    ("Who founded the Coalition for Secure AI?", "The Coalition for Secure AI was founded by Google in 2024.", True),
    ("Who runs the EU AI Office?",  # a posting's role title is no person's name
     "We're appointing an AI Compliance Lead in our Cologne office to steer our EU AI Act work.", False),
])
def test_a_role_held_by_a_person_needs_a_persons_name(question, sentence, answers):
    assert expected_answer_type("Who is the head of the AI Office?", LEXICON) == "person"
    assert _answers(question, sentence, context="") is answers


@pytest.mark.parametrize("question, sentence, answers", [
    # a generic noun phrase opening a sentence is no organisation's name
    ("Which company certifies ISO/IEC 42001?",
     "Organisations can be certified to ISO/IEC 42001 by an independent certification body.", False),
    ("Which company certifies ISO/IEC 42001?", "Organisations can be certified to ISO/IEC 42001 by BSI.", True),
    # "the very first certificate" asks for the first certificate, not any first
    ("Which certification body issued the very first ISO/IEC 42001 certificate?",
     "ISO describes ISO/IEC 42001 as the world's first AI management system standard.", False),
    ("Which certification body issued the very first ISO/IEC 42001 certificate?",
     "Quillmark Registrar issued the first ISO/IEC 42001 certificate in 2024.", True),
])
def test_an_organisation_is_a_name_and_a_first_event_is_stated(question, sentence, answers):
    assert _answers(question, sentence, context="") is answers


@pytest.mark.parametrize("question, sentence, answers", [
    ("PyRIT keeps showing up in job ads - what does the name actually stand for?",
     "Microsoft's PyRIT (Python Risk Identification Tool for generative AI) automates red teaming.", True),
    ("What does CAISI stand for?", "NIST's Center for AI Standards and Innovation (CAISI) leads the work.", True),
    ("What does CAISI stand for at NIST, and what was it called before?",  # the acronym asked is CAISI, not NIST
     "NIST's work is led by the Center for AI Standards and Innovation (CAISI), previously the US AI Safety Institute.",
     True),
    ("What does CAISI stand for at NIST?", "NIST is the National Institute of Standards and Technology.", False),
    ("What does PyRIT stand for?", "PyRIT (released in 2024) automates red teaming.", False),  # an aside, no expansion
    ("recruiter mentioned ISACA AAISM on a call — what does that acronym actually stand for?",  # "in" has no initial
     "ISACA's Advanced in AI Security Management (AAISM) certification is open to CISM or CISSP holders.", True),
    # the acronym asked is the first of the asking part; what follows it ("at NIST", "from ISACA") only places it
    ("What is CAISI at NIST short for, and what was it called before?",
     "NIST's work is led by the Center for AI Standards and Innovation (CAISI), previously the US AI Safety Institute.",
     True),
    ("What is AAISM from ISACA short for?",
     "ISACA's Advanced in AI Security Management (AAISM) certification is open to CISM or CISSP holders.", True),
    ("What is AAISM from ISACA short for?", "ISACA is the Information Systems Audit and Control Association.", False),
    # a mnemonic's letters are the initials of a list's items
    ("what are the letters in STRIDE again?", "Leading design reviews, often using data flow diagrams and the STRIDE "
     "categories (spoofing, tampering, repudiation, information disclosure, denial of service, elevation of privilege).",
     True),
    ("what are the letters in STRIDE again?", "Design reviews often use STRIDE, data flow diagrams and threat libraries.",
     False),
])
def test_an_expansion_spells_the_names_capitals(question, sentence, answers):
    assert _answers(question, sentence, context="") is answers


@pytest.mark.parametrize("question, sentence, answers", [
    # "who runs X" asks for a person; a title's capitalised words are no person ("Generative AI Products")
    ("who runs the Microsoft AI Red Team?",
     "Microsoft's AI Red Team, established in 2018, published 'Lessons from Red Teaming 100 Generative AI Products'.",
     False),
    ("who runs the Microsoft AI Red Team?", "The Microsoft AI Red Team is run by Jane Quillfort.", True),
])
def test_who_runs_asks_for_a_person_named_as_written(question, sentence, answers):
    assert expected_answer_type(question, LEXICON) == "person"
    assert _answers(question, sentence, context="") is answers


@pytest.mark.parametrize("sentence, answers", [
    ("EN 18286 had not been cited in the Official Journal as of late September 2026, and EN 18286 was published in "
     "July 2026.", False),  # the sentence says the asked event has not happened: its other date is not the answer
    ("EN 18286 was cited in the Official Journal on 3 November 2026.", True),
])
def test_a_sentence_saying_the_dated_event_has_not_happened_gives_no_date(sentence, answers):
    assert _answers("On what date was EN 18286 cited in the Official Journal?", sentence, context="") is answers


@pytest.mark.parametrize("sentence, answers", [
    # a licence belongs to the list item that names the asked tool, not to the next item
    ("Tools include Microsoft's PyRIT, released in February 2024; promptfoo, open source under the MIT licence.", False),
    ("Microsoft's PyRIT is open source under the MIT licence.", True),
])
def test_a_licence_comes_from_the_clause_naming_the_subject(sentence, answers):
    assert _answers("Under which open-source license is PyRIT released?", sentence, context="") is answers


@pytest.mark.parametrize("question, sentence, context, answers", [
    # a typed value answers only from the clause about the asked subject, not from any clause beside a mention of it
    ("How long is the AIGP exam?", "IAPP AIGP certified, or ready to sit the exam within six months.", "Postings", False),
    ("How long is the AIGP exam?", "The AIGP exam lasts three hours.", "Certifications", True),
    ("How many questions does the AIGP exam have?",
     "The AAISM exam has 90 questions, while the AIGP is its governance counterpart.", "Certifications", False),
    ("How much does the CISSP exam cost?", "The AAISM exam costs USD 575, or less for CISSP holders.", "Certifications", False),
    ("How many controls are in ISO/IEC 42001 Annex A?",  # a count need not name the subject in its own clause
     "Annex A of ISO/IEC 42001 lists control objectives; commonly cited counts are 38 controls.", "ISO/IEC 42001", True),
    ("How long is an OSCP+ credential valid?",
     "Candidates get both the OSCP credential, which does not expire, and the OSCP+ credential, valid for three years.", "OffSec", True),
    ("How long must deployers keep the logs?", "Deployers of high-risk systems, under Article 26, must keep logs for at "
     "least six months, and inform workers before workplace use.", "EU AI Act", True),
    ("How many case studies does MITRE ATLAS contain?",  # a list's commas part no clause from its subject
     "ATLAS release v2026.09 contains 16 tactics, 120 techniques, 40 mitigations and 73 case studies.", "MITRE ATLAS", True),
])
def test_a_typed_value_comes_from_the_clause_about_the_asked_subject(question, sentence, context, answers):
    assert _answers(question, sentence, context) is answers


@pytest.mark.parametrize("question, expected", [
    ("How big can the fine get under the EU AI Act if a company uses a banned AI practice?", "amount"),
    ("what the worst-case fine is if we used a banned AI practice. What's the cap?", "amount"),
    ("What's the pass rate for the CKS exam?", "score"),
    ("what's the passing mark for the CKS?", "score"),  # a score asked by its "mark" or "grade"
    ("you could poison LAION for pocket change. how cheap was it?", "amount"),
    ("does that mean there's a new 2026 version of 42001 we need?", None),  # the question names the version itself
    ("Which version of garak added the probes?", "version"),
    ("What did Palo Alto Networks pay to acquire Protect AI?", "amount"),  # a price asked by "what did … pay"
    ("Worst case, what can a company be fined under the Act for a banned practice?", "amount"),  # a fine by its verb
])
def test_the_type_asked_by_the_shapes_users_ask_it_in(question, expected):
    assert expected_answer_type(question, LEXICON) == expected


def test_the_topic_of_a_bare_asking_part_comes_from_the_clause_that_sets_it_up():
    question = "if a startup deployed one of the prohibited AI systems, how large could the penalty be?"
    need = answer_need(question, LEXICON, specific_terms(question), expected_answer_type(question, LEXICON))
    assert need.expects == "amount" and "prohibit" in need.topic and "could" not in need.topic


def test_an_exact_date_is_a_day_a_plain_date_a_month_or_year():
    exact, plain = (answer_need(q, LEXICON, ["RMF"], "date") for q in ("When exactly was the RMF published?", "When was the RMF published?"))
    assert exact.exact and not plain.exact
    assert holds_answer("The RMF was published on 26 January 2023.", exact, LEXICON)
    assert not holds_answer("The RMF (January 2023) is current.", exact, LEXICON)
    assert holds_answer("The RMF (January 2023) is current.", plain, LEXICON)


def test_a_subject_is_named_by_its_dated_or_dashed_form_not_by_a_plus_credential():
    assert mentions("0.01% of LAION-400M for 60 US dollars", "LAION")
    assert mentions("ISO/IEC 42001:2023 is current", "ISO 42001")
    assert not mentions("OSCP+ expires after three years", "OSCP")
    assert not mentions("The Action plan", "Act")


def test_a_topic_word_is_shared_by_the_words_that_say_the_same():
    question = "What's the maximum fine for banned AI under the Act?"
    need = answer_need(question, LEXICON, specific_terms(question), "amount")
    assert holds_answer("Non-compliance with the prohibited practices of the Act can be fined up to EUR 35 million.", need, LEXICON)
    assert not holds_answer("Other breaches of the Act can be fined up to EUR 15 million.", need, LEXICON)


@pytest.mark.parametrize("question, relation", [
    # a premise with "started applying" (began to apply) asks about a date, not who or when introduced something
    ("the EU AI Act high-risk requirements for things like hiring tools started applying in August 2026, right?", None),
    ("When was the Kyverno project started?", "when or by whom it was introduced"),
    ("Who started the OWASP Top 10 for LLM Applications?", "when or by whom it was introduced"),
    # "when … released" asks for the release, which a sentence saying when something else happened does not give
    ("And when was NIST AI RMF Generative AI Profile released?", "when or by whom it was introduced"),
    ("Under which open-source license is PyRIT released?", None),
])
def test_started_asks_for_an_introduction_only_as_one(question, relation):
    assert answer_need(question, LEXICON, [], expected_answer_type(question, LEXICON)).relation_name == relation


@pytest.mark.parametrize("text, term, named", [
    ("Standards Australia adopted it as AS ISO/IEC 42001:2023, with the same text.", "Australian", True),
    ("The BSI publishes it in the United Kingdom as BS ISO/IEC 42001.", "British", True),
    ("Standards Australia adopted it as AS ISO/IEC 42001:2023.", "Canadian", False),
    ("The European Commission publishes guidelines.", "Australian", False),
    ("In the United States the current interagency model risk guidance is SR 26-2.", "US", True),  # a country's initials
    ("The BSI publishes it in the United Kingdom as BS ISO/IEC 42001.", "UK", True),
    ("The Financial Conduct Authority publishes guidance.", "US", False),
    ("Anguilla publishes a national standard.", "AI", False),  # "AI" is Anguilla's code, not its initials
])
def test_a_nationality_adjective_is_named_by_its_country(text, term, named):
    assert names_term(text, term) is named


def test_a_question_after_an_expansion_asks_no_further_type():
    """"what was it called before" asks for a name the expansion's sentence gives, not for a type of its own."""
    question = "What does CAISI stand for at NIST, and what was it called before?"
    need = answer_need(question, LEXICON, specific_terms(question), expected_answer_type(question, LEXICON))
    assert (need.expects, need.acronym, need.also, need.relation) == ("expansion", "CAISI", (), ())


def test_a_telling_sentence_asks_no_relation_and_the_asking_part_gives_every_type():
    from app.coverage import asking_text
    question = "Microsoft's AI red team wrote up lessons from testing gen AI products. How many products, and since when has the team existed?"
    asking = asking_text(question, LEXICON)
    need = answer_need(question, LEXICON, specific_terms(asking), expected_answer_type(asking, LEXICON), asking)
    assert (need.expects, need.also, need.relation) == ("count", ("date",), ())


@pytest.mark.parametrize("sentence, answers", [
    ("The next edition is planned for 2027.", True),
    ("The third edition will follow on 2 December 2027.", True),
    ("The current edition was published on 4 August 2026.", False),
    ("The edition is reviewed in December 2026.", False),  # the month of the review itself is no date still to come
    ("A formal review is planned for 2029.", False),  # a planned thing, but no edition
])
def test_a_planned_thing_is_dated_only_by_a_date_after_the_review(sentence, answers):
    question = "When is the next edition planned?"
    need = answer_need(question, LEXICON, [], "date", question, "2026-12-06")
    assert need.after == "2026-12-06"
    assert holds_answer(sentence, need, LEXICON) is answers


def test_what_date_asks_for_the_day():
    need = answer_need("On what date was the AI RMF released?", LEXICON, [], "date")
    assert need.exact
    assert not holds_answer("The AI RMF was released in January 2023.", need, LEXICON)
    assert holds_answer("The AI RMF was released on 26 January 2023.", need, LEXICON)


@pytest.mark.parametrize("question, sentence, answers", [
    # a name the question writes out is named by its acronym in a sentence cut from the one that spells it out
    ("Which version of the Secure Software Development Framework is the final one?",
     "The final version of the SSDF is still version 1.1 (SP 800-218, February 2022).", True),
    ("Which version of the Secure Software Development Framework is the final one?",
     "The final version of the ASVS is version 5.0.0.", False),
    ("Which version of the Secure Software Development Framework is the final one?",  # "SDF" spells two words only
     "The final version of the SDF is version 2.0.", False),
])
def test_a_name_written_out_is_named_by_its_acronym(question, sentence, answers):
    assert _answers(question, sentence, context="") is answers


@pytest.mark.parametrize("text, term, named", [
    ("Anthropic, the UK AI Security Institute and the Alan Turing Institute reported", "AISI", True),
    ("The Cloud Security Alliance's CCSK can substitute for one year.", "CSA", True),
    ("NIST's Center for AI Standards and Innovation leads the work.", "CAISI", True),  # "for", "and" join
    ("The Certified Kubernetes Administrator comes first.", "CEH", False),
    ("Using Kubernetes for model serving.", "UK", False),  # two capitals are too few to tell from chance
    ("AI Security Engineer (Contract) — Kestrelgate Systems", "CKS", False),  # a name does not run across marks
])
def test_an_acronym_is_named_by_capitalised_words_that_spell_it(text, term, named):
    assert names_term(text, term, joining=LEXICON["acronym_joining_words"]) is named


@pytest.mark.parametrize("question, expected", [
    ("I saw EN ISO/IEC 42001:2026 mentioned - is that a new version of 42001 that replaces the 2023 one?", None),
    ("Is v2026.10 a newer version of ATLAS than v2026.09?", None),  # yes or no: no version asked
    ("Is there a newer version of ATLAS?", "version"),  # whether one exists: the value is asked
    ("Is it known which version of garak added the probe?", "version"),  # a wh-word inside asks for the value
    ("Is there a fine for this, and what's the maximum fine?", "amount"),  # the second clause asks
])
def test_yes_or_no_clause_asks_no_value(question, expected):
    assert expected_answer_type(question, LEXICON) == expected


@pytest.mark.parametrize("question, sentence, answers", [
    ("How many poisoned docs were enough to backdoor a model?",
     "About 250 poisoned documents were enough to implant a backdoor in models.", True),  # docs are documents
    ("How many certs does the path list?", "The path lists three certifications for governance.", True),
    ("How many poisoned docs were enough to backdoor a model?",
     "About 250 poisoned samples were enough to implant a backdoor in models.", False),  # samples are no documents
])
def test_clipped_counted_noun(question, sentence, answers):
    assert _answers(question, sentence, "") is answers


def test_light_verb_is_no_topic():
    """"What's the biggest fine they could face?": the topic is the setting's (banned practices), not "face"."""
    question = "If a company gets caught using a banned AI practice in the EU, what's the biggest fine they could face?"
    sentence = "Non-compliance with the prohibited practices of Article 5 can be fined up to EUR 35 million or 7% of turnover."
    assert _answers(question, sentence, "EU AI Act")



@pytest.mark.parametrize("question", [
    "What was the dollar amount of the SolarWinds settlement with the SEC?",  # money asked by its currency
    "What was the euro value of the Lakera deal?",
])
def test_a_sum_asked_by_its_currency_asks_for_an_amount(question):
    assert expected_answer_type(question, LEXICON) == "amount"


def test_an_amount_asked_by_a_bare_amount_noun_is_no_money():
    """"What amount of training compute…" asks for a quantity; only a currency makes "amount" money."""
    assert expected_answer_type("Above what amount of training compute is a model presumed to have systemic risk?", LEXICON) is None


def test_a_settlement_sentence_without_money_gives_no_amount():
    question = "What was the dollar amount of the SolarWinds settlement with the SEC?"
    need = answer_need(question, LEXICON, specific_terms(question), "amount")
    assert not holds_answer("The SolarWinds case ended after the parties announced a settlement in principle in July 2025 "
                            "and the SEC dismissed the remaining claims.", need, LEXICON)
    assert holds_answer("SolarWinds agreed to pay the SEC a settlement of $1 million in July 2025.", need, LEXICON)


def test_how_often_a_sum_recurs_is_no_topic():
    """An "annual incentive" does not make a salary the annual fee asked for."""
    question = "How much is the annual maintenance fee for keeping a CISSP active?"
    need = answer_need(question, LEXICON, specific_terms(question), "amount")
    assert "annual" not in need.topic
    assert not holds_answer("CISSP holders earn a base salary of $360,000, plus an annual incentive.", need, LEXICON)
    assert holds_answer("Keeping a CISSP active costs an annual maintenance fee of USD 135.", need, LEXICON)


def test_a_document_or_where_it_is_published_is_no_organisation():
    """"Who writes the harmonised standards?": "the Official Journal" and "Article 40" name no one who does."""
    question = "Who is actually writing the harmonised standards that give presumption of conformity under the EU AI Act?"
    need = answer_need(question, LEXICON, specific_terms(question), "agent")
    heading = "Harmonised standards for the EU AI Act"
    assert not holds_answer("A high-risk AI system that follows a harmonised standard whose reference is published in the "
                            "Official Journal benefits from a presumption of conformity under Article 40 of the EU AI Act.",
                            need, LEXICON, heading)
    assert holds_answer("The harmonised standards are written by the CEN-CENELEC Joint Technical Committee 21 (JTC 21).",
                        need, LEXICON, heading)


def test_a_posting_s_requirements_are_no_heading_of_its_sentences():
    """"Certifications: OSCP." names what a posting asks of a candidate: the team's "four people" after it are no
    count of OSCP holders; the posting's reference (its company) still heads them."""
    from app.answer_draft import _context
    from app.types import Passage
    text = ("# AI Red Team Engineer\n\nCompany: Kestrelgate Systems. Location: Arlington, VA, USA (onsite). "
            "Skills: red-teaming, python. Certifications: OSCP.\n\nThe team — four people, all cleared — tests models.")
    posting = Passage("p#0", text, {"kind": "posting", "title": "AI Red Team Engineer — Kestrelgate Systems",
                                    "company": "Kestrelgate Systems", "context": "AI Red Team Engineer — Kestrelgate Systems"}, 1.0)
    sentence = "The team — four people, all cleared — tests models."
    heading = _context(posting, sentence)
    assert "Kestrelgate Systems" in heading and "OSCP" not in heading
    need = answer_need("how many people hold the OSCP worldwide?", LEXICON, ["OSCP"], "count")
    assert not holds_answer(sentence, need, LEXICON, heading)


def test_a_price_asked_is_given_only_by_a_clause_naming_a_price():
    need = answer_need("How much is the annual fee for the OSCP?", LEXICON, ["OSCP"], "amount")
    assert need.missing(LEXICON) == "a price or fee"
    assert not holds_answer("Annualised pay for OSCP holders is USD 150,000.", need, LEXICON)
    assert holds_answer("The OSCP exam fee is USD 1,749.", need, LEXICON)
    pay = answer_need("How much do OSCP holders earn?", LEXICON, ["OSCP"], "amount")
    assert holds_answer("Annualised pay for OSCP holders is USD 150,000.", pay, LEXICON)


@pytest.mark.parametrize("question, subject", [
    ("Who is hosting safetensors these days?", "safetensors"),
    ("who owns promptfoo now?", "promptfoo"),
    ("Which company owns it now?", None),  # a pronoun names no subject
])
def test_who_hosts_or_owns_a_thing_asks_of_the_word_after_it(question, subject):
    need = answer_need(question, LEXICON, [], "agent")
    assert need.relation and (subject in need.subjects if subject else not need.subjects)


@pytest.mark.parametrize("question, sentence, answers", [
    # how long a credential stays valid is no length of its exam, though the clause names the exam
    ("How long is the OSCP exam itself? Like how many hours do you get?",
     "Candidates who pass the exam receive OSCP, which does not expire, and OSCP+, which expires after three years "
     "unless renewed or a new exam.", False),
    ("How long is the OSCP exam itself? Like how many hours do you get?", "The OSCP exam lasts 24 hours.", True),
    ("How long is the OSCP+ valid?", "OSCP+ expires after three years unless renewed.", True),
    ("How long is the certificate good for?", "Surveillance audits and recertification follow over the certificate cycle, "
                                              "which is typically three years.", True),
    # "how many minutes" asks the length of time again: a posting's working hours share no word of the exam
    ("How long does the AIGP exam take - how many minutes?", "For a typical 20-hour weekly load, AIGP holders earn more.", False),
])
def test_a_length_of_time_is_of_the_asked_thing(question, sentence, answers):
    assert _answers(question, sentence) is answers


def test_a_total_asked_of_things_named_before_is_counted_in_their_clause():
    question = ("If I add up the categories under Govern, Map, Measure and Manage in the NIST AI RMF core, how many are "
                "there altogether?")
    assert _answers(question, "The Core is organised into functions, categories and subcategories; GOVERN has six "
                              "categories, MAP has five, MEASURE has four and MANAGE has four, for a total of 19 categories.",
                    "NIST AI RMF")


def test_the_clause_sharing_most_of_the_topic_fits_a_qualified_number_best():
    question = "What's the worst-case fine a company could get under the Act if it deploys one of the banned AI practices?"
    need = answer_need(question, LEXICON, specific_terms(question), "amount")
    prohibited = "Non-compliance with the prohibited practices of the Act can be fined up to EUR 35 million."
    other = "Non-compliance with high-risk provider and deployer duties under the Act can be fined up to EUR 15 million."
    assert topic_fit(prohibited, need, LEXICON) > topic_fit(other, need, LEXICON) > 0


@pytest.mark.parametrize("question, kind_name", [
    ("How long is the OSCP+ valid?", "how long it stays valid"),
    ("How long is the OSAI exam, and does it expire?", None),  # "expire" is the other part's: the exam's length is asked
])
def test_a_named_kind_of_length_is_read_from_the_part_asking_for_it(question, kind_name):
    assert answer_need(question, LEXICON, specific_terms(question), "duration").kind_name == kind_name
