"""The Gradio Blocks: chat with checkable sources, filters, examples, feedback, the corpus view and the /ask API."""
# No `from __future__ import annotations` here: gr.api reads the /ask endpoint's types from real annotations.
import logging
from typing import Any, Optional

import gradio as gr

from app.errors import UserError
from app.types import Answer
from app.ui import render
from app.ui.backend import Backend, request_user
from app.ui.charts import answer_chart_html
from app.ui.coach import coach_tab
from app.ui.conversations import browser_secret, conversations_panel, wire_conversations
from app.ui.corpus import corpus_overview, overview_html, progress_html
from app.ui.feedback import FeedbackLog
from app.ui.jobs import handed_filters_box, jobs_tab
from app.ui.market import MarketView
from app.ui.my_documents import documents_tab
from app.ui.takeaway import takeaway_panel

log = logging.getLogger(__name__)

EXAMPLES = [
    "What skills do MLSecOps postings ask for?",
    "What does an AI governance lead earn?",
    "Which frameworks should an AI security engineer learn?",
    "How can an application security engineer move into AI security?",
]
ANY = "any"
INTRO = ("## AI security careers assistant\nAnswers come only from the indexed corpus. Every [n] points to a numbered "
         "source below the answer: open it to read the passage, with the supporting sentences highlighted.")


def build_ui(backend: Backend) -> gr.Blocks:
    """Lay out the app over `backend` and wire its events (the Assistant itself comes from the caller)."""
    settings = backend.settings
    feedback = FeedbackLog(settings.data_dir / "feedback.jsonl")
    market_view = MarketView()
    vocabulary = _vocabulary(backend)
    with gr.Blocks(title="AI security careers assistant", analytics_enabled=False) as demo:
        turns = gr.State([])
        gr.Markdown(INTRO)
        banner = gr.HTML(progress_html(backend.progress), visible=not backend.ready, elem_id="aisec-banner")
        with gr.Tab("Chat"):
            with gr.Row():
                with gr.Column(scale=4):
                    chatbot = gr.Chatbot(
                        label="Conversation", elem_id="aisec-chat", height="70vh", min_height=420,
                        render_markdown=False, sanitize_html=True, allow_tags=False, latex_delimiters=[], feedback_options=("Like", "Dislike"), buttons=[],
                        placeholder="Ask a question, or click an example below.",
                    )
                    with gr.Row():
                        question = gr.Textbox(placeholder="Ask about AI security roles, skills, frameworks, pay…", show_label=False,
                                              scale=5, max_lines=4, interactive=backend.ready, elem_id="aisec-question")
                        send = gr.Button("Ask", variant="primary", scale=1, interactive=backend.ready, elem_id="aisec-send")
                    with gr.Row():
                        examples = [gr.Button(text, size="sm", interactive=backend.ready, elem_classes="aisec-example")
                                    for text in EXAMPLES]
                    clear = gr.Button("New conversation", size="sm", variant="secondary", elem_id="aisec-clear")
                    takeaway_panel(turns)
                with gr.Column(scale=1, min_width=240):
                    gr.Markdown("### Filters\nApplied to your next question.")
                    role = gr.Dropdown([ANY, *vocabulary["role_families"]], value=ANY, label="Role family", elem_id="aisec-role")
                    seniority = gr.Dropdown([ANY, *vocabulary["seniority"]], value=ANY, label="Seniority")
                    remote = gr.Dropdown([ANY, *vocabulary["remote"]], value=ANY, label="Remote", elem_id="aisec-remote")
                    min_salary = gr.Number(label="Minimum salary per year (0 = any)", value=0, minimum=0, precision=0)
                    mode = gr.Radio(["extractive", "llm"], value=settings.answer_mode, label="Answer mode",
                                    visible=bool(settings.llm_base_url))
                    chat_filters = {"role": role, "seniority": seniority, "remote": remote, "min_salary": min_salary,
                                    "question": question, **handed_filters_box()}
                    past = conversations_panel(browser_secret(settings.data_dir))
        with gr.Tab("Market", elem_id="aisec-market-tab") as market_tab:
            gr.Markdown("### The job market in the index\nCounted over the ingested postings; refreshed when the index changes.")
            market = gr.HTML("", elem_id="aisec-market")
            refresh_market = gr.Button("Refresh", size="sm", elem_id="aisec-market-refresh")
        coach_tab(backend)
        jobs_tab(backend, chat_filters, vocabulary["role_families"], vocabulary["seniority"], vocabulary["remote"])
        documents_tab(backend)
        with gr.Tab("About the corpus"):
            about = gr.HTML("", elem_id="aisec-about")
            refresh = gr.Button("Refresh", size="sm")
        timer = gr.Timer(1.0, active=not backend.ready)

        def respond(text: str, history: list, role_v, seniority_v, remote_v, salary_v, mode_v, handed_v=None,
                    request: gr.Request = None):
            assistant = backend.assistant
            if assistant is None:
                gr.Warning("The index is still being built; the chat opens when it is done.")
                yield gr.skip(), gr.skip(), gr.skip()
                return
            try:
                text = assistant.validate_question(text)
            except UserError as exc:
                gr.Warning(str(exc))
                yield gr.skip(), gr.skip(), gr.skip()
                return
            filters = {**_filters(role_v, seniority_v, remote_v, salary_v), **(handed_v or {})}
            turn = {"question": text, "filters": filters, "answer": None, "chart": "", "error": None}
            history = [*history, turn]
            yield _messages(history, ""), history, ""
            partial = ""
            try:
                for item in assistant.stream(text, filters=filters, history=_conversation(history[:-1]),
                                             mode=mode_v if settings.llm_base_url else None, user=request_user(request)):
                    if isinstance(item, Answer):
                        turn["answer"] = item.to_dict()
                        turn["chart"] = answer_chart_html(turn["answer"])  # drawn once, here on the server
                    else:
                        partial += item
                        yield _messages(history, partial), gr.skip(), gr.skip()
            except UserError as exc:
                turn["error"] = str(exc)
            except Exception as exc:  # the page must stay usable; the log has the details
                log.exception("answering %r failed", text)
                turn["error"] = f"Something went wrong while answering ({type(exc).__name__}); see the server log."
            yield _messages(history), history, gr.skip()

        def rate(history: list, data: gr.LikeData):
            index = data.index if isinstance(data.index, int) else data.index[0]
            turn = history[index // 2] if 0 <= index // 2 < len(history) else None
            if turn is None or turn["answer"] is None or data.liked not in (True, False):
                return
            feedback.record(turn["answer"], "up" if data.liked else "down", turn["filters"])
            gr.Info("Thanks, your feedback was saved.")

        def page_state(request: gr.Request):
            ready = backend.ready
            controls = [gr.update(interactive=ready)] * (2 + len(examples))
            banner_update = gr.update(value=progress_html(backend.progress), visible=not ready or backend.progress.state == "failed")
            return [banner_update, *controls, gr.Timer(active=not ready and backend.progress.state == "ingesting"),
                    about_view(request) if ready else gr.skip()]

        def about_view(request: gr.Request = None):
            if backend.assistant is None:
                return '<div class="aisec-banner">The index is being built; this page fills in when it is done.</div>'
            return overview_html(corpus_overview(backend.assistant, settings, request_user(request)))

        def market_page(request: gr.Request):
            if backend.assistant is None:
                return '<div class="aisec-banner">The index is being built; this page fills in when it is done.</div>'
            try:
                return market_view.html(backend.assistant, request_user(request))
            except Exception as exc:  # the page must stay usable; the log has the details
                log.exception("building the Market tab failed")
                return render.error_html(f"Could not compute the market figures ({type(exc).__name__}); see the server log.")

        def ask(question: str, filters: Optional[dict] = None, history: Optional[list] = None, mode: Optional[str] = None,
                request: gr.Request = None) -> dict:
            """Answer one question; returns Answer.to_dict() (text with [n] markers, citations, abstained, ...)."""
            if backend.assistant is None:
                raise gr.Error("The index is still being built; try again in a minute.")
            if not isinstance(filters, (dict, type(None))) or not isinstance(history, (list, type(None))):
                raise gr.Error('filters must be an object like {"role_family": "mlsecops"} '
                               'and history a list of {"role", "content"} objects')
            try:
                return backend.assistant.ask(question, filters=filters or None, history=history or None, mode=mode or None,
                                             user=request_user(request)).to_dict()
            except UserError as exc:
                raise gr.Error(str(exc)) from None

        private = {"api_visibility": "private"}
        ask_io = ([question, turns, role, seniority, remote, min_salary, mode, chat_filters["handed"]], [chatbot, turns, question])
        answered = [question.submit(respond, *ask_io, **private), send.click(respond, *ask_io, **private)]
        for button, text in zip(examples, EXAMPLES):
            answered.append(button.click(_constant(text), None, question, queue=False, **private).then(respond, *ask_io, **private))
        wire_conversations(past, demo, chatbot, turns, [clear.click, chatbot.clear], answered, _messages, answer_chart_html)
        clear.click(lambda: ([], []), None, [chatbot, turns], queue=False, **private)
        chatbot.clear(lambda: [], None, turns, queue=False, **private)
        chatbot.like(rate, turns, None, queue=False, **private)
        state_outputs = [banner, question, send, *examples, timer, about]
        timer.tick(page_state, None, state_outputs, queue=False, **private)
        demo.load(page_state, None, state_outputs, **private)
        refresh.click(about_view, None, about, **private)
        market_tab.select(market_page, None, market, **private)
        refresh_market.click(market_page, None, market, **private)
        gr.api(ask, api_name="ask")
    return demo


def _messages(history: list[dict[str, Any]], partial: Optional[str] = None) -> list[dict[str, str]]:
    """Chatbot messages for the conversation; the last answer shows `partial` while it streams."""
    messages = []
    for turn in history:
        messages.append({"role": "user", "content": render.user_html(turn["question"], turn["filters"])})
        if turn["error"]:
            content = render.error_html(turn["error"])
        elif turn["answer"] is not None:
            content = render.answer_html(turn["answer"], turn.get("chart", ""))
        else:
            content = render.streaming_html(partial or "")
        messages.append({"role": "assistant", "content": content})
    return messages


def _conversation(history: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Earlier turns as role/content dicts, the shape Assistant takes as `history`."""
    turns = []
    for turn in history:
        if turn["answer"] is not None:
            turns += [{"role": "user", "content": turn["question"]}, {"role": "assistant", "content": turn["answer"]["text"]}]
    return turns


def _filters(role, seniority, remote, min_salary) -> dict[str, Any]:
    chosen = {"role_family": role, "seniority": seniority, "remote": remote}
    filters: dict[str, Any] = {k: v for k, v in chosen.items() if v and v != ANY}
    if min_salary not in (None, "") and float(min_salary) > 0:
        filters["min_salary"] = int(min_salary)
    return filters


def _constant(text: str):
    return lambda: text


def _vocabulary(backend: Backend) -> dict[str, list[str]]:
    """Filter choices: from the Assistant's vocabulary, or the vocabulary file while the index is being built."""
    from ingest.postings import REMOTE, SENIORITY
    from ingest.vocabulary import load_vocabulary

    vocabulary = backend.assistant.vocabulary if backend.assistant else load_vocabulary(backend.settings.vocabulary_path)
    return {"role_families": list(vocabulary.terms("role_families")), "seniority": list(SENIORITY), "remote": list(REMOTE)}
