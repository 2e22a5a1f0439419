"""The Career coach tab: paste or upload a CV, correct the recognised profile, get cited advice, ask follow-ups.

Privacy: the CV is read in the browser and sent as text; it lives only in this request and, as the recognised
profile and advice, in the session's gr.State. Nothing is written to disk, indexed or logged (errors name only
the exception type), and the state is dropped when the browser session ends.
"""
# No `from __future__ import annotations`: gradio reads real annotations.
import base64
import binascii
import json
import logging
from typing import Any, Optional

import gradio as gr

from app.advice.reader import MAX_CV_BYTES, read_cv, refuse_oversized
from app.advice.render import pay
from app.advice.types import PostingMatch
from app.errors import UserError
from app.ui import render
from app.ui.backend import Backend, request_user

log = logging.getLogger(__name__)

BEST_FIT = "best fit"
STATE_SECONDS = 3600  # an idle session's profile and advice are dropped after an hour, or when the tab closes
INTRO = ("### Career coach\nPaste your CV or upload it (.txt, .md, .pdf, .docx), check what was recognised, and get "
         "where you fit, what you are missing, a plan and postings — every claim cited. Your CV stays in this browser "
         "session: it is not saved, indexed or logged.")
# Reads the chosen file in the browser and hands its bytes to the server as base64 text (no file upload, no temp file).
READ_FILE_JS = """
async (text, payload) => {
  const input = document.querySelector('#aisec-cv-file input[type=file]');
  const file = input && input.files && input.files[0];
  if (!file) return [text, ""];
  if (file.size > %d) return [text, JSON.stringify({name: file.name, size: file.size, data: ""})];
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  input.value = "";
  return [text, JSON.stringify({name: file.name, size: file.size, data: btoa(binary)})];
}
""" % MAX_CV_BYTES
FILE_INPUT = ('<label class="aisec-cv-upload">Or upload a CV file: '
              '<input type="file" accept=".txt,.md,.pdf,.docx" aria-label="CV file"></label>')


def coach_tab(backend: Backend) -> None:
    """The tab's layout and events (call inside the app's gr.Blocks)."""
    choices = _choices(backend)
    with gr.Tab("Career coach", elem_id="aisec-coach-tab"):
        session = gr.State(None, time_to_live=STATE_SECONDS)  # {"advice": Advice.to_dict(), "turns": [...]}
        gr.Markdown(INTRO)
        with gr.Row():
            with gr.Column(scale=3):
                cv_text = gr.Textbox(label="Your CV (paste)", lines=8, max_lines=20, elem_id="aisec-cv-text")
                gr.HTML(FILE_INPUT, elem_id="aisec-cv-file", js_on_load=None)
                cv_file = gr.Textbox(visible="hidden", elem_id="aisec-cv-file-data")
                read = gr.Button("Read my CV", variant="primary", elem_id="aisec-cv-read")
            with gr.Column(scale=2):
                gr.Markdown("#### Recognised profile\nRemove or add items before asking for advice.")
                roles = gr.Dropdown(choices["roles"], multiselect=True, label="Roles", elem_id="aisec-cv-roles")
                years = gr.Number(label="Years of experience", precision=0, minimum=0, maximum=70, elem_id="aisec-cv-years")
                skills = gr.Dropdown(choices["skills"], multiselect=True, label="Skills", elem_id="aisec-cv-skills")
                certs = gr.Dropdown(choices["certifications"], multiselect=True, label="Certifications", elem_id="aisec-cv-certs")
                clouds = gr.Dropdown(choices["clouds"], multiselect=True, label="Clouds", elem_id="aisec-cv-clouds")
                target = gr.Dropdown([BEST_FIT, *choices["families"]], value=BEST_FIT, label="Target role family")
                advise = gr.Button("Get advice", variant="primary", elem_id="aisec-cv-advise")
        advice_view = gr.HTML("", elem_id="aisec-advice")
        chat = gr.Chatbot(label="Follow-up questions (about the advice above)", elem_id="aisec-coach-chat", height=360,
                          render_markdown=False, sanitize_html=True, allow_tags=False, latex_delimiters=[], buttons=[])
        with gr.Row():
            question = gr.Textbox(placeholder="e.g. Which of these are remote?", show_label=False, scale=5,
                                  elem_id="aisec-coach-question")
            ask = gr.Button("Ask", scale=1, elem_id="aisec-coach-ask")

        def read_cv_text(text: str, payload: str):
            try:
                profile = _coach(backend).read_profile(_cv_text(text, payload))
            except UserError as exc:
                gr.Warning(str(exc))
                return [gr.skip()] * 5 + [""]
            except Exception as exc:  # never the CV or the traceback (it may quote the CV): the type only
                log.error("reading a CV failed (%s)", type(exc).__name__)
                gr.Warning(f"The CV could not be read ({type(exc).__name__}); paste the text instead.")
                return [gr.skip()] * 5 + [""]
            return profile.roles, profile.years, profile.skills, profile.certifications, profile.clouds, ""

        def give_advice(roles_v, years_v, skills_v, certs_v, clouds_v, target_v, request: gr.Request = None):
            profile = {"roles": roles_v or [], "years": int(years_v) if years_v not in (None, "") else None,
                       "skills": skills_v or [], "certifications": certs_v or [], "clouds": clouds_v or []}
            try:
                advice = backend_assistant(backend).advise(profile, None if target_v == BEST_FIT else target_v,
                                                           request_user(request)).to_dict()
            except UserError as exc:
                return render.error_html(str(exc)), None, []
            except Exception as exc:
                log.error("computing career advice failed (%s)", type(exc).__name__)
                return render.error_html(f"The advice could not be computed ({type(exc).__name__}); see the server log."), None, []
            return advice_html(advice), {"advice": advice, "turns": []}, []

        def follow_up(text: str, state: Optional[dict], request: gr.Request = None):
            if not state:
                gr.Warning("Get advice first; follow-up questions are about that advice.")
                return gr.skip(), gr.skip(), gr.skip()
            turn: dict[str, Any] = {"question": text, "answer": None, "error": None}
            try:
                answer = backend_assistant(backend).ask(text, filters={"role_family": state["advice"]["target"]},
                                                        history=context_history(state["advice"]) + _earlier(state["turns"]),
                                                        user=request_user(request))
                turn["answer"] = answer.to_dict()
            except UserError as exc:
                turn["error"] = str(exc)
            except Exception as exc:
                log.error("a career-coach follow-up failed (%s)", type(exc).__name__)
                turn["error"] = f"Something went wrong while answering ({type(exc).__name__}); see the server log."
            state = {**state, "turns": [*state["turns"], turn]}
            return _messages(state["turns"]), state, ""

        private = {"api_visibility": "private"}
        profile_outputs = [roles, years, skills, certs, clouds, cv_file]
        advice_io = ([roles, years, skills, certs, clouds, target], [advice_view, session, chat])
        read.click(read_cv_text, [cv_text, cv_file], profile_outputs, js=READ_FILE_JS, **private).success(
            give_advice, *advice_io, **private)
        advise.click(give_advice, *advice_io, **private)
        question.submit(follow_up, [question, session], [chat, session, question], **private)
        ask.click(follow_up, [question, session], [chat, session, question], **private)


def advice_html(advice: dict[str, Any]) -> str:
    """Advice.to_dict() as HTML: fit, gaps, plan, postings, then the numbered sources (every text escaped)."""
    esc, marked = render.esc, render.answer_text_html
    plan = advice["plan"]
    parts = ['<div class="aisec-answer aisec-advice">']
    parts += [f'<div class="aisec-note">{esc(n)}</div>' for n in advice["notes"]]
    parts.append("<h4>Where you fit</h4><ol>")
    parts += [f"<li><b>{esc(f['family'])}</b>: {esc(f['reason'])}</li>" for f in advice["fit"][:5]]
    parts.append(f"</ol><h4>Gaps for {esc(advice['target'])}</h4><ul>")
    parts += [f"<li>{esc(g['text'])}</li>" for g in advice["gaps"]] or ["<li>none</li>"]
    parts.append("</ul>")
    if plan["path"]:
        parts.append(f"<h4>Plan: {esc(plan['path'])}</h4><ol class=\"aisec-plan\">")
        parts += [f"<li>{marked(s['text'] + ' [' + str(s['citation']) + ']')}</li>" for s in plan["steps"]]
        parts.append("</ol>")
    else:
        parts.append(f'<h4>Plan</h4><div class="aisec-notice aisec-no-path">{esc(plan["message"])}</div>')
    if plan["certifications"]:
        parts.append(f"<h4>Certifications the documents recommend for {esc(advice['target'])}</h4><ul>")
        parts += [f"<li>“{marked(c['text'])}” {marked('[' + str(c['citation']) + ']')}</li>" for c in plan["certifications"]]
        parts.append("</ul>")
    parts.append("<h4>Postings that fit now</h4><ul>")
    parts += [_posting_html(p) for p in advice["postings_now"]] or ["<li>none yet</li>"]
    parts.append(f"</ul><h4>{esc(advice['target'])} postings within reach after one or two gaps</h4><ul>")
    parts += [_posting_html(p) for p in advice["postings_within_reach"]] or ["<li>none within two skills</li>"]
    parts.append('</ul><div class="aisec-sources"><div class="aisec-sources-title">Sources</div>')
    parts += [render.source_html(c) for c in advice["citations"]]
    parts.append("</div></div>")
    return "".join(parts)


def context_history(advice: dict[str, Any]) -> list[dict[str, str]]:
    """The advice as one earlier exchange about the target family's postings, so follow-ups like "which of these are
    remote?" or "which of these pay over 150k?" select among them (the profile's skills are not made requirements)."""
    asked = f"Which {advice['target']} postings are there?"
    listed = "; ".join(f"{p['title']}, {p['company']}" for p in advice["postings_now"] + advice["postings_within_reach"])
    return [{"role": "user", "content": asked}, {"role": "assistant", "content": listed or "No postings fit yet."}]


def backend_assistant(backend: Backend):
    """The Assistant, or UserError while the index is still being built."""
    if backend.assistant is None:
        raise UserError("the index is still being built; the career coach opens when it is done")
    return backend.assistant


def _coach(backend: Backend):
    return backend_assistant(backend).coach()


def _cv_text(text: str, payload: str) -> str:
    """The uploaded file's text when a file was chosen, else the pasted text."""
    if not payload:
        return text or ""
    try:
        upload = json.loads(payload)
        refuse_oversized(int(upload.get("size") or 0))  # the browser sent no bytes for an oversized file
        return read_cv(base64.b64decode(upload.get("data") or "", validate=True), str(upload.get("name") or ""))
    except (ValueError, binascii.Error, AttributeError):
        raise UserError("the file could not be received; choose it again or paste the text") from None


def _earlier(turns: list[dict[str, Any]]) -> list[dict[str, str]]:
    out = []
    for turn in turns:
        if turn["answer"]:
            out += [{"role": "user", "content": turn["question"]}, {"role": "assistant", "content": turn["answer"]["text"]}]
    return out


def _messages(turns: list[dict[str, Any]]) -> list[dict[str, str]]:
    messages = []
    for turn in turns:
        messages.append({"role": "user", "content": render.user_html(turn["question"])})
        content = render.error_html(turn["error"]) if turn["error"] else render.answer_html(turn["answer"])
        messages.append({"role": "assistant", "content": content})
    return messages


def _posting_html(p: dict[str, Any]) -> str:
    esc = render.esc
    place = p["location"] + (f" ({p['remote']})" if p["remote"] else "")
    missing = f"; missing {', '.join(p['missing'])}" if p["missing"] else ""
    return (f"<li><b>{esc(p['title'])}</b>, {esc(p['company'])} — {esc(place)}, "
            f"<span class=\"aisec-salary\">{esc(pay(PostingMatch(**p)))}</span>{esc(missing)} "
            f"{render.answer_text_html('[' + str(p['citation']) + ']')}</li>")


def _choices(backend: Backend) -> dict[str, list[str]]:
    """Profile choices from the vocabulary and the lexicon's role titles (empty when a file is missing)."""
    from app.lexicon import load_lexicon
    from ingest.vocabulary import load_vocabulary

    settings = backend.settings
    vocabulary = backend.assistant.vocabulary if backend.assistant else load_vocabulary(settings.vocabulary_path)
    try:
        lexicon = load_lexicon(settings.lexicon_path)
    except UserError:
        lexicon = {}
    certs = list(dict.fromkeys([*vocabulary.certifications, *(lexicon.get("coach_certifications") or {})]))
    return {"roles": list(lexicon.get("coach_roles") or {}), "skills": list(vocabulary.terms("skills")),
            "certifications": certs, "clouds": list(vocabulary.terms("clouds")),
            "families": list(vocabulary.terms("role_families"))}
