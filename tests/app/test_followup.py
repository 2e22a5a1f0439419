"""Rewriting a follow-up into a standalone question without an LLM."""
from __future__ import annotations

import pytest

from app.followup import FollowUpRewriter, previous_questions, quotes_earlier
from app.lexicon import load_lexicon
from app.settings import Settings

SUBJECTS = ["ai-red-team", "ai red team", "ai red teamer", "red teaming", "red teamer", "mlsecops",
            "ml platform security engineer", "ai-governance", "ai governance", "governance"]
REWRITER = FollowUpRewriter(load_lexicon(Settings().lexicon_path), SUBJECTS)

@pytest.mark.parametrize("earlier, follow_up, expected", [
    ("What skills do MLSecOps postings ask for?", "and what do they pay?", "and what do MLSecOps postings pay?"),
    ("How do AI red teams work?", "What do they record?", "What do AI red teams record?"),
    ("Tell me about AI red teamers", "what do they earn?", "what do AI red teamers earn?"),
    ("What does an ML platform security engineer do?", "what about remote ones?",
     "what about remote ML platform security engineer?"),
    ("Is the EU AI Act relevant to hiring?", "and its deadlines?", "and EU AI Act deadlines?"),
    ("What do AI governance leads earn?", "And in London", "And in London — regarding AI governance leads?"),
    ("Tell me about the Associate AI Red Teamer role at Tessellane Bank.", "What does it pay?",
     "What does Associate AI Red Teamer role at Tessellane Bank pay?"),  # the posting, not the role family
    ("What does the VP, AI Security role at Cobaltreach Networks pay?", "is it remote?",
     "is VP, AI Security role at Cobaltreach Networks remote?"),
    # a name keeps its numbers and small joining words
    ("What is ISO/IEC 42001?", "How does certification against it work?", "How does certification against ISO/IEC 42001 work?"),
    ("What is the OWASP Top 10 for LLM Applications?", "What does it say about excessive agency?",
     "What does OWASP Top 10 for LLM Applications say about excessive agency?"),
    ("Is ISO 42001 certification worth it in 2025?", "and what does it cost?", "and what does ISO 42001 cost?"),
])
def test_follow_ups_get_the_earlier_subject(earlier, follow_up, expected):
    assert REWRITER.standalone(follow_up, [earlier]) == expected


def test_without_history_or_without_a_follow_up_the_question_is_unchanged():
    assert REWRITER.standalone("and what do they pay?", None) == "and what do they pay?"
    question = "Which certifications help an AI governance lead get hired?"
    assert REWRITER.standalone(question, ["How do AI red teams work?"]) == question


def test_the_latest_user_turn_is_the_subject():
    history = [{"role": "user", "content": "How do AI red teams work?"}, {"role": "assistant", "content": "..."},
               {"role": "user", "content": "What skills do MLSecOps postings ask for?"}]
    assert REWRITER.standalone("what do they pay?", history) == "what do MLSecOps postings pay?"


def test_history_formats():
    assert previous_questions([{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"},
                               ("c", "d"), ["e", None], "f", "", None, 3]) == ["a", "c", "e", "f"]


def test_long_questions_with_a_pronoun_are_not_follow_ups():
    assert REWRITER.is_follow_up("what do they pay?")
    assert not REWRITER.is_follow_up("What do employers expect when they hire an AI governance lead for a regulated insurer in Europe?")


def test_a_bare_string_history_is_one_earlier_question():
    assert REWRITER.standalone("What do they record?", "How do AI red teams work?") == "What do AI red teams record?"


def test_the_askers_own_setting_is_never_the_subject():
    earlier = "I'm a CISA-certified IT auditor. Does ISACA have anything for auditing AI systems?"
    assert REWRITER.standalone("ok when did that one launch?", [earlier]) == \
        "ok when did that Does ISACA have anything for auditing AI systems launch?"


def test_a_pronoun_stands_for_the_first_name_that_is_not_a_generic_acronym():
    earlier = "what's the bill of materials format for ML models that CycloneDX has?"
    assert REWRITER.standalone("which version first added it?", [earlier]) == "which version first added CycloneDX?"
    assert REWRITER.standalone("who owns it now?", ["what do ML teams use Protect AI's ModelScan for?"]) == \
        "who owns ModelScan now?"


def test_an_acronym_in_capitals_is_no_back_reference():
    assert REWRITER.standalone("and do IT auditors move into it?", ["What does an AI governance lead do?"]) == \
        "and do IT auditors move into AI governance lead?"
    assert not REWRITER.is_follow_up("Which IT skills matter?")


@pytest.mark.parametrize("earlier, follow_up, aspect", [
    # after "who …?" the pronoun is the answer: the names the question gives, not its description, rank the sentences
    ("who runs that Gandalf game people use to practise prompt injection?", "are they still an independent company?",
     "are Gandalf still an independent company?"),
    # "that one" is the thing the earlier question described
    ("Does OffSec have anything specific to AI security?", "does that one expire?",
     "does that Does OffSec have anything specific to AI security expire?"),
    # a pronoun for the named subject every passage is about, or no back-reference: the follow-up's own words
    ("What is the OWASP Top 10 for LLM Applications?", "What does it say about excessive agency?",
     "What does it say about excessive agency?"),
    ("What does an AI red teamer do?", "What tools do they use?", "What tools do they use?"),
    ("When did the EU AI Act enter into force?", "And since when?", "And since when?"),
])
def test_the_aspect_a_follow_ups_sentences_are_ranked_by(earlier, follow_up, aspect):
    assert REWRITER.aspect(follow_up, [earlier]) == aspect


def test_no_aspect_without_a_follow_up():
    assert REWRITER.aspect("What is MITRE ATLAS?", ["What is ISO/IEC 42001?"]) is None
    assert REWRITER.aspect("what do they pay?", None) is None


@pytest.mark.parametrize("earlier, answer, name", [
    ("What replaced SR 11-7?", "SR 26-2 superseded SR 11-7 (April 2011), the FRB guidance. [1] More.", "SR 26-2"),
    ("What replaced the Harbour Engineer certificate?", "The Harbour Engineer (exam HE-500) was replaced by HX-700. [1]", "HX-700"),
    # a lead naming nothing the question does not give: the first sentence naming one sharing a word of the question
    ("What replaced SR 11-7?", "It was superseded in 2026. [1] SR 26-2 is current.", "SR 26-2"),
    ("Which CDX version added ML-BOM?", "It was 1.5 (June 2023). [1] CDX, the OWASP standard, is at 1.7. [2]", None),
    ("Which HRB edition replaced HRB 1-1?", "It replaced HRB 1-1. [1] HRB 2-0 (2025) is current. [2]", "HRB 2-0"),
    # of a lead's names, the one sharing the question's words, not the entries its list gives
    ("Which OWASP list is about agentic AI?", "The OWASP Top 10 for Agentic Applications 2026 lists ASI01 Agent Goal "
     "Hijack to ASI10 Rogue Agents. [1]", "OWASP Top 10 for Agentic Applications 2026"),
    ("Does Tallis have a course for model auditors?", "Tallis offers the Harbour Model Auditor (HMA) course. [1]", "HMA"),
    ("Which Harbour exam covers AI?", "Harbour launched HarbAI+ in 2026. [1]", "HarbAI+"),  # the "+" is the name's
])
def test_the_name_an_earlier_answer_gave_is_the_first_of_its_lead_the_question_does_not_give(earlier, answer, name):
    assert REWRITER.answered_name(earlier, answer) == name


@pytest.mark.parametrize("earlier, follow_up, refers", [
    ("What replaced SR 11-7?", "When was it issued?", True),
    ("Does OffSec have an AI red teaming course?", "How long is its exam?", True),
    ("which UK body publishes the Inspect framework?", "what was it called before?", True),
    ("Does OffSec have an AI red teaming course?", "when did that one launch?", False),  # described: the question's description
    ("Which PyTorch version made weights_only=True the default?", "when was that released?", True),  # "that" as a pronoun
    ("Which Harbour certification covers AI?", "since when has this applied?", True),
    ("which company is behind the promptfoo tool now?", "is it still open source?", False),  # "it": the tool
    ("What is ISO/IEC 42001?", "how do I get certified to it?", False),  # asks about a name it gives
    ("What open-source tool did Microsoft release for red teaming generative AI?", "When was it released?", True),
    ("Which tool did IBM Research create for adversarial ML?", "who hosts it now?", True),  # the tool the answer named
    ("Was there a CVE where torch.load could still be exploited?", "which version fixed that?", True),
])
def test_a_pronoun_refers_to_the_answer_after_a_question_asking_for_a_thing(earlier, follow_up, refers):
    assert REWRITER.refers_to_answer(follow_up, [earlier]) is refers


@pytest.mark.parametrize("earlier, follow_up, asks", [
    ("Which OWASP list covers the risks of LLM applications?", "What's ranked first on it?", True),
    ("Which ISO standard sets out requirements for an AI management system?", "When was it published?", True),
    ("Which is better, CISSP or CCSP?", "how long is it?", False),  # no kind named
    ("Which OWASP list covers LLM applications?", "what do they rank?", False),  # not a singular pronoun
])
def test_a_singular_pronoun_after_a_question_asking_which_thing_of_a_kind(earlier, follow_up, asks):
    assert REWRITER.asks_which(follow_up, [earlier]) is asks


def test_after_which_only_a_name_sharing_the_questions_description_will_do():
    answer = "Common tools include Microsoft's PyRIT, NVIDIA's garak and Inspect, the UK framework. [1]"
    assert REWRITER.answered_name("Which evaluation framework did the UK open-source?", answer, described=True) is None
    answer = "Entries read LLM01:2026. [1] The OWASP Top 10 for LLM Applications ranks risks. [1]"  # a later sentence's
    assert REWRITER.answered_name("Which OWASP list covers LLM applications?", answer, described=True) \
        == "OWASP Top 10 for LLM Applications"


@pytest.mark.parametrize("question, reference", [
    ("when was that released?", "that"),
    ("since when has this applied?", "this"),
    ("when did that one launch?", "one"),  # part of the anaphor "one", described
    ("is that role remote?", "that role"),
    ("which tools that scan models are free?", None),  # a relative "that"
    ("what does that tell us?", "that"),
    ("which version fixed that?", "that"),  # ending the question
    ("who reported that?", "that"),
])
def test_a_demonstrative_after_an_auxiliary_stands_as_a_pronoun(question, reference):
    found = REWRITER.back_reference(question)
    assert (found.group(0) if found else None) == reference


def test_a_demonstrative_pronoun_takes_the_name_the_earlier_answer_gave():
    earlier = ["Which PyTorch version made weights_only=True the default for torch.load?"]
    assert REWRITER.standalone("when was that released?", earlier, answered="PyTorch 2.6") == "when was PyTorch 2.6 released?"


@pytest.mark.parametrize("earlier, follow_up, expected", [
    ("Who came up with the Model Context Protocol?", "Who governs it now?", "Who governs Model Context Protocol now?"),
    ("What happened to System Prompt Leakage in the OWASP LLM list? I can't find it anymore.",
     "And what number is it under now?", "And what number is System Prompt Leakage under now?"),
    ("What is the Digital Omnibus on AI?", "When did it enter into force?", "When did Digital Omnibus on AI enter into force?"),
])
def test_a_pronoun_stands_for_a_name_of_capitalised_words_the_earlier_question_gives(earlier, follow_up, expected):
    assert REWRITER.standalone(follow_up, [earlier]) == expected


def test_the_name_an_earlier_answer_gave_is_the_one_it_names_most_not_the_first_of_a_list():
    answer = ("Harbour credentials are young: the Tallis HMA appeared in 2024, Harbour's HAA and HASM in 2025. [1] "
              "Harbour's Advanced Security Management (HASM) exam opened in August 2025. [2]")
    assert REWRITER.answered_name("Which Harbour certification is for security managers?", answer) == "HASM"


def test_the_aspect_of_a_pronoun_for_a_name_of_capitalised_words_holds_the_name():
    assert REWRITER.aspect("And what number is it under now?", ["What happened to System Prompt Leakage in the OWASP LLM list?"]) \
        == "And what number is System Prompt Leakage under now?"
    assert REWRITER.aspect("which version first added it?", ["what's the bill of materials format CycloneDX has?"]) \
        == "which version first added it?"  # an acronym-led name is in every retrieved passage already


def test_after_a_question_asking_for_a_thing_a_pronoun_takes_no_name_of_capitalised_words():
    earlier = "Which Body of Knowledge version does the AIGP exam follow now?"
    assert REWRITER.standalone("since when has that applied?", [earlier]) == \
        "since when has the Body of Knowledge version (Which Body of Knowledge version does the AIGP exam follow now) applied?"


def test_a_plus_belongs_to_a_later_word_of_a_name_too():
    answer = "Learn the basics, then optionally CompTIA SecAI+ or a GIAC AI credential. [1] CompTIA SecAI+ launched in 2026. [2]"
    assert REWRITER.answered_name("Is there a CompTIA exam for AI security?", answer) == "CompTIA SecAI+"


# ---- session 13 (follow23): openers, a demonstrative with a noun, the thing an earlier question asked for ----
@pytest.mark.parametrize("follow_up, opened", [
    ("ok, and how many tactics does it have?", "and how many tactics does it have?"),
    ("ok and when did it come out?", "and when did it come out?"),
    ("hang on, is there a newer edition of it?", "is there a newer edition of it?"),
    ("wait - when was it published?", "when was it published?"),
    ("Right to work in the UK?", "Right to work in the UK?"),  # no opener: nothing sets it off
    ("ok", "ok"),
])
def test_an_acknowledging_opener_is_read_past(follow_up, opened):
    assert REWRITER.opened(follow_up) == opened


def test_after_an_opener_a_short_question_is_a_follow_up_and_a_long_one_its_own():
    assert REWRITER.standalone("ok, and how many tactics does it have?", ["Can you explain what MITRE ATLAS is?"]) == \
        "and how many tactics does MITRE ATLAS have?"
    follow_up = "ok and once you get one, how long does it last and what audits happen in between?"
    assert REWRITER.standalone(follow_up, ["What does an ISO/IEC 42001 certificate actually certify?"]) == follow_up


def test_a_pronoun_after_what_is_x_stands_for_x_not_its_owner():
    assert REWRITER.standalone("Can anyone take it, or do you need something first?", ["What's ISACA's AAIA certification?"]) \
        == "Can anyone take AAIA, or do you need something first?"
    assert REWRITER.standalone("Which formats does it check?", ["What is Protect AI's ModelScan?"]) \
        == "Which formats does ModelScan check?"


@pytest.mark.parametrize("earlier, follow_up, expected", [
    # a demonstrative with one noun closing the question is a back-reference; with no name given, the thing asked for
    ("Which model file format is the safe alternative to pickle for sharing weights?", "Who hosts that project now?",
     "Who hosts the model file format (Which model file format is the safe alternative to pickle for sharing weights) project now?"),
    # never another name of the earlier question: Hugging Face runs the scanner, it is not the scanner
    ("Which scanner does Hugging Face run on files uploaded to the Hub?", "What does it look for?",
     "What does the scanner (Which scanner does Hugging Face run on files uploaded to the Hub) look for?"),
    ("What new ban did the Digital Omnibus add to the EU AI Act?", "And since when does that apply?",
     "And since when does the new ban (What new ban did the Digital Omnibus add to the EU AI Act) apply?"),
])
def test_a_pronoun_for_the_thing_asked_for_stands_for_it_as_asked_without_a_name(earlier, follow_up, expected):
    assert REWRITER.standalone(follow_up, [earlier]) == expected


def test_with_the_name_the_answer_gave_the_thing_asked_for_is_named():
    assert REWRITER.standalone("Who created that format?", ["Which model file format stores only tensors?"],
                               answered="Safetensors") == "Who created Safetensors format?"


@pytest.mark.parametrize("earlier, asks", [
    ("What new ban did the Digital Omnibus add?", True),  # "what" with a kind in lower case before its auxiliary
    ("What's ISACA's AAIA certification?", False),  # asks what a named thing is
    ("What changed about torch.load in PyTorch 2.6?", False),  # no kind before an auxiliary
])
def test_what_with_a_kind_asks_which_thing_of_that_kind(earlier, asks):
    assert REWRITER.asks_which("when did it start to apply?", [earlier]) is asks


def test_the_entry_at_a_position_is_named_as_the_answer_names_it():
    answer = "The OWASP Top 10 for LLM Applications 2026 lists, in order: … LLM03:2026 Excessive Agency … [1]"
    assert REWRITER.entry_named(answer, "LLM03:2026") == "LLM03:2026 Excessive Agency"
    assert REWRITER.entry_named("Nothing here. [1]", "LLM03:2026") == "LLM03:2026"


def test_a_long_follow_up_naming_nothing_of_its_own_leans_on_the_earlier_turn():
    assert REWRITER.is_follow_up("when did it come out and what's the number one risk on it?")  # a pronoun, no name
    assert REWRITER.is_follow_up("ok and we're a 40-person startup - is the cap the same for us?")  # a dash is no word
    assert not REWRITER.is_follow_up("is it true that the EU AI Act fines can reach seven percent of turnover for every company?")


def test_a_singular_pronoun_stands_for_the_credential_not_the_role_it_was_asked_for():
    earlier = "Is the OSCP still useful for an AI red teamer?"
    assert REWRITER.standalone("how long does it stay valid once you pass?", [earlier]) == \
        "how long does OSCP stay valid once you pass?"
    assert REWRITER.standalone("and what do they earn?", ["Is the OSCP still useful for AI red teamers?"]) == \
        "and what do AI red teamers earn?"  # a plural pronoun: the role


def test_a_singular_pronoun_points_back_singly():
    earlier = ["What's number three on the current OWASP top 10 for LLM applications?"]
    assert REWRITER.points_back_singly("and where was it ranked in the edition before that?", earlier)
    assert not REWRITER.points_back_singly("and what do they pay?", earlier)


def test_what_is_the_kind_a_name_runs_asks_which_thing_of_that_kind():
    earlier = ["What's the scanner Hugging Face runs on files uploaded to the Hub?"]
    assert REWRITER.asks_which("what does it look for?", earlier)
    assert not REWRITER.asks_which("is it worth it?", ["What's the difference between ISO 42001 and NIST AI RMF?"])
    assert not REWRITER.asks_which("when is it?", ["What's the deadline for the EU AI Act?"])


def test_a_question_quoting_the_earlier_questions_words_leans_on_it():
    earlier = ["What extra obligations do the really big general-purpose models get under the EU AI Act?"]
    rewritten = REWRITER.standalone("how big is 'really big' though, what's the compute cutoff?", earlier)
    assert "general-purpose" in rewritten
    assert not quotes_earlier("what's the compute cutoff?", earlier[0])  # an apostrophe quotes nothing
