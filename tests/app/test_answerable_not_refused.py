"""Answerable questions are not refused for a word taken as a name or as a type's topic: a letter of an acronym the
question names ("the R and the E" of STRIDE), a nationality adjective ("British") a source writes as its country
("UK NCSC"), an executive's or a common acronym ("CSO", "APIs"); the words asking what is current ("right now"), a
posting noun used as a verb ("have to work in security"), "tell" beside "disclose";
"how long have we got" asks the time allowed, not since when. Pure reads of the shipped lexicon."""
from __future__ import annotations

from pathlib import Path

from app.answer_type import answer_need, asked_types, equivalent_words, holds_answer
from app.coverage import asked_terms, asking_text, corpus_gap, specific_terms
from app.lexicon import load_lexicon
from app.short_forms import ShortForms
from app.types import Passage

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "corpus" / "lexicon.yaml")
FORMS = ShortForms((), tuple(LEXICON["written_out"]), tuple(LEXICON["acronym_joining_words"]))
STRIDE = ("Threat modelling: Leading design reviews that identify what can go wrong, often using data flow diagrams and "
          "the STRIDE categories (spoofing, tampering, repudiation, information disclosure, denial of service, "
          "elevation of privilege).")
GUIDELINES = ("Guidelines for Secure AI System Development (November 2023): Joint UK NCSC and US CISA guidance across "
              "design, development, deployment, and operation and maintenance.")
ATLAS = ("According to MITRE's changelog, ATLAS content release v2026.09 (14 September 2026) contains 1 matrix, 16 "
         "tactics, 120 techniques, 88 sub-techniques, 40 mitigations and 73 case studies.")
CISSP = "CISSP requires five years of cumulative paid work experience in two or more of its eight domains."
CCSP = ("The Certified Cloud Security Professional requires five years of IT experience, including three in information "
        "security and one in one or more of the six CCSP domains.")
SEC = ("In July 2023 the US Securities and Exchange Commission adopted rules requiring public companies to disclose "
       "material cybersecurity incidents on Form 8-K Item 1.05, generally within four business days of determining "
       "that an incident is material.")
CYCLE = ("Certification follows the usual management system audit process: a stage 1 audit reviews documentation, and "
         "surveillance audits and recertification follow over the certificate cycle, which is typically three years "
         "under ISO/IEC 17021-1.")


def _need(question: str):
    asking = asking_text(question, LEXICON)
    types = asked_types(question, LEXICON, asking)
    return answer_need(question, LEXICON, asked_terms(question, LEXICON), next(iter(types), None), asking)


def _gap(question: str, text: str):
    return corpus_gap(question, [Passage("c1", text, {}, 1.0)], None, LEXICON, short_forms=FORMS)


def test_a_letter_of_an_acronym_the_question_names_is_no_name():
    assert specific_terms("what do the letters in STRIDE stand for? always forget the R and the E") == ["STRIDE"]
    assert not _gap("what do the letters in STRIDE stand for? always forget the R and the E", STRIDE)
    assert _gap("What does the Q in STRIDE stand for?", STRIDE).missing == ("Q",)  # no letter of it: a name


def test_a_nationality_is_mentioned_where_a_source_names_its_country():
    question = "There's that joint British/American guidance from late 2023. What stages is it organised around?"
    assert not _gap(question, GUIDELINES)
    assert _gap("Is there Canadian guidance from 2023 on secure AI development?", GUIDELINES).missing == ("Canadian",)
    assert equivalent_words("British", LEXICON)[:2] == ("british", "britain")
    assert equivalent_words("US", LEXICON) == ()  # a country is no adjective: no "us" of a sentence names it


def test_an_executives_title_and_a_common_acronym_name_no_one():
    assert not _gap("What happened to Uber's former CSO Joseph Sullivan?",
                    "Joseph Sullivan, Uber's former chief security officer, was convicted in October 2022.")
    assert not _gap("Our agent can issue refunds through internal APIs. How much freedom should it have?",
                    "Excessive Agency: an agent given more functionality or autonomy than it needs.")


def test_the_words_asking_what_is_current_are_no_topic():
    for question in ("How many techniques does MITRE ATLAS have right now?",
                     "How many tactics does MITRE ATLAS have at this point?"):
        need = _need(question)
        assert not need.topic & {"right", "now", "point"}, question
        assert holds_answer(ATLAS, need, LEXICON), question


def test_a_posting_noun_used_as_a_verb_is_the_topic_of_a_length_of_time():
    need = _need("How long do I have to work in security before I can be CISSP certified?")
    assert "work" in need.topic
    assert holds_answer(CISSP, need, LEXICON)
    assert holds_answer(CCSP, _need("How long do I need to work in IT before I can get the CCSP?"), LEXICON)


def test_a_certificate_s_cycle_and_tell_beside_disclose_answer_a_length_of_time():
    need = _need("once we're certified, how long does the certificate last before we go through it all again?")
    assert holds_answer(CYCLE, need, LEXICON)
    assert holds_answer(SEC, _need("how long have we got to tell the SEC?"), LEXICON)


def test_how_long_have_we_got_asks_the_time_allowed_not_since_when():
    assert not _need("how long have we got to tell the SEC?").since
    assert _need("How long has Microsoft had an AI red team?").since


DEPLOYER = ("Deployers of high-risk systems, under Article 26, must keep automatically generated logs for at least six "
            "months. The EU AI Act applies in stages.")
VRP = ("Bug bounties. Google runs a dedicated AI Vulnerability Reward Program, which pays for security and abuse issues in "
       "Google's AI products; prompt injections and jailbreaks on their own are out of its scope.")
RTN = ("On 19 September 2023 OpenAI announced an open call for external experts to join its Red Teaming Network.")
AAISM = ("Security leaders typically hold CISSP or CISM. ISACA's Advanced in AI Security Management (AAISM) "
         "certification is open only to holders of an active CISM or CISSP.")


def test_a_seat_of_government_is_mentioned_where_a_source_names_its_government():
    question = "Under the {} AI rules, how long do we as the user of a tool have to hang on to its logs?"
    assert not _gap(question.format("Brussels"), DEPLOYER)
    assert _gap(question.format("Tokyo"), DEPLOYER).missing == ("Tokyo",)  # Japan's: no source names it


def test_a_product_is_mentioned_where_a_source_names_the_products_of_the_maker_the_question_names_beside_it():
    assert not _gap("Does Google run a bounty for bugs in its AI products? If I just find a jailbreak on Gemini, would "
                    "that get paid?", VRP)
    assert _gap("If I just find a jailbreak on Gemini, would that get paid?", VRP).missing == ("Gemini",)
    # a source naming the maker alone says nothing of its product
    assert _gap("Does OpenAI train its models on what our staff paste into ChatGPT?", RTN).missing == ("ChatGPT",)


def test_an_aside_opening_on_an_auxiliary_and_the_askers_ing_verb_tells():
    question = "was planning to sit the AZ-500 early next year to get an azure security cert on my CV. still the right exam?"
    assert "CV" not in asked_terms(question, LEXICON)
    assert "NIST" in asked_terms("was NIST planning an AI RMF 2.0", LEXICON)  # a subject: no aside of the asker


def test_an_abbreviated_unit_counts_as_the_unit():
    assert holds_answer(CISSP, _need("how many yrs of work experience do you actually need before you can get the CISSP?"),
                        LEXICON)


def test_a_date_still_to_come_gives_the_time_left_before_a_deadline():
    question = "The slide deck says the high-risk rules kick in August 2026. Is that still right? How long do we actually have?"
    need = answer_need(question, LEXICON, [], "duration", asking_text(question, LEXICON), "2026-12-06")
    assert holds_answer("The Annex III high-risk obligations apply from 2 December 2027, not from 2 August 2026.", need,
                        LEXICON)
    assert not holds_answer("The prohibitions on high-risk practices have applied since 2 February 2025.", need, LEXICON)
    assert _need("how long do we have to tell the SEC about an incident?").until is None  # asks a length of time


def test_an_acronym_the_heading_spells_out_as_a_subjects_own_is_about_that_subject():
    question = "I hold CISM and my boss wants me to do ISACA's AI security add-on. How many questions is that exam?"
    need = answer_need(question, LEXICON, ["CISM", "ISACA"], "count", asking_text(question, LEXICON))
    assert holds_answer("The AAISM exam has 90 questions across three domains.", need, LEXICON, AAISM)
    assert not holds_answer("The AAISM exam has 90 questions across three domains.", need, LEXICON,
                            "ISACA offers CISM. Holders of CISM may sit the AAISM.")
