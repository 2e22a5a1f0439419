"""A passage's sentence that is itself a question (an interview question) answers nothing: it is quoted only for a
question asking for questions; the statement in the aside after a quoted question may be quoted alone."""
from __future__ import annotations

from app.extractive import draft_extractive
from app.extractive import answer_material
from app.types import Passage

# corpus/documents/interview-topics.md, "Interview topics for AI red teamers" (its example question) and
# corpus/documents/role-ai-red-teamer.md, how findings are reported
EXAMPLE = ("Example questions:\n\n"
           "- \"How would you report a jailbreak that succeeds 3 times in 100 attempts?\"\n"
           "- \"A product team wants to add emotion recognition to a workplace productivity tool. What do you advise?\" "
           "(Article 5 prohibits emotion recognition in workplaces except for medical or safety reasons.)\n")
REPORTING = ("Because model outputs are non-deterministic, an AI red teamer reports attack success rates over repeated "
             "attempts, records model version, system prompt and sampling settings, and turns successful attacks into "
             "regression test cases.")


def _draft(question: str, embedder, asks_questions: bool = False) -> list[str]:
    passages = [Passage("q", EXAMPLE, {"kind": "document"}, 1.0), Passage("r", REPORTING, {"kind": "document"}, 0.9)]
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4,
                               asks_questions=asks_questions)
    return [sentence for sentence, _ in drafted.sentences]


def test_a_question_sentence_is_no_answer_material_but_its_statement_aside_is():
    assert answer_material('"How would you report a jailbreak that succeeds 3 times in 100 attempts?"') is None
    assert answer_material('"A team wants X. What do you advise?" (Article 5 prohibits emotion recognition.)') \
        == "Article 5 prohibits emotion recognition."
    assert answer_material('"Why is a system prompt no boundary?" (Hidden Context Exposure, LLM08:2026)') is None
    titled = 'Pearce et al. published "Asleep at the Keyboard?" (IEEE, 2022)'  # a title ending in "?" asks nothing
    assert answer_material(titled) == titled


def test_an_interview_question_does_not_answer_how_to_report_a_flaky_jailbreak(embedder):
    sentences = _draft("My jailbreak only works some of the time. How should I report a jailbreak like that?", embedder)
    assert not any(s.rstrip('"').endswith("?") for s in sentences)
    assert sentences[0].startswith("Because model outputs are non-deterministic")


def test_the_aside_after_a_quoted_question_is_quoted_alone(embedder):
    sentences = _draft("Can we add emotion recognition to a workplace productivity tool in the EU?", embedder)
    assert "Article 5 prohibits emotion recognition in workplaces except for medical or safety reasons." in sentences
    assert not any("What do you advise?" in s for s in sentences)


def test_a_question_asking_for_questions_gets_them(embedder):
    sentences = _draft("What questions do they ask about reporting jailbreaks?", embedder, asks_questions=True)
    assert any(s.startswith('"How would you report a jailbreak') for s in sentences)


def test_a_task_set_as_an_example_in_quotes_is_no_answer_material():
    assert answer_material('"Design a red-team plan for a customer-support agent that can issue refunds."') is None
    said = 'OWASP also calls the publication the "OWASP GenAI LLM Top 10 2026".'  # a quote inside a statement
    assert answer_material(said) == said


def test_a_retold_example_question_sets_no_floor_for_the_guidance_that_answers_it(embedder):
    """The asker retells the corpus's example question, which matches best and is no answer; the guidance sentences
    below it are measured against each other, so more than one of them is quoted."""
    interview = ("Example questions:\n\n- \"Review this code: model = torch.load(path). What is the risk, and how would "
                 "you fix it?\"\n")
    guidance = ("Loading an untrusted file with torch.load can execute code, because PyTorch files use pickle. The fix "
                "is to load with weights_only=True or to store models as safetensors, which does not execute code.")
    question = "An interviewer showed me model = torch.load(path) and asked what's wrong. What should I have said?"
    passages = [Passage("q", interview, {"kind": "document"}, 1.0), Passage("g", guidance, {"kind": "document"}, 0.9)]
    drafted = draft_extractive(question, embedder.embed_query(question), passages, embedder.embed_passages, 4)
    sentences = [s for s, _ in drafted.sentences]
    assert len(sentences) == 2 and any("safetensors" in s for s in sentences), sentences
