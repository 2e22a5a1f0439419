"""Analytics answers in the chat: a server-rendered chart under the answer; /ask still returns plain Answer.to_dict()."""
from __future__ import annotations

import base64
import re

import pytest

from app.ui.charts import answer_chart_html

SHARE_QUESTION = "What share of MLSecOps postings mention Kubernetes?"
pytestmark = [pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"), pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]


def _png(html: str) -> bytes:
    match = re.search(r'<figure class="aisec-chart"><img src="data:image/png;base64,([^"]+)" style="width: \d+px" alt="([^"]+)"></figure>', html)
    assert match, html[:300]
    return base64.b64decode(match.group(1))


@pytest.fixture(scope="module")
def share_answer(ui_assistant) -> dict:
    answer = ui_assistant.ask(SHARE_QUESTION).to_dict()
    assert answer["route"] == "analytics" and answer["data"]["result"]["targets"][0]["share"] == 0.5  # 1 of the 2 MLSecOps postings
    return answer


def test_analytics_answer_gets_a_png_chart_and_passage_answers_none(share_answer, ui_assistant):
    assert _png(answer_chart_html(share_answer)).startswith(b"\x89PNG\r\n\x1a\n")
    assert "Share of 2 MLSecOps postings" in answer_chart_html(share_answer)  # the alt text
    assert answer_chart_html(ui_assistant.ask("What skills do MLSecOps postings ask for?").to_dict()) == ""
    assert answer_chart_html({"route": "analytics", "data": None}) == ""


def test_a_refused_aggregate_question_gets_no_chart(ui_assistant, caplog):
    refused = ui_assistant.ask("What share of MLSecOps postings in Sydney mention Kubernetes?").to_dict()
    assert refused["route"] == "analytics" and refused["abstained"] and "Sydney" in refused["text"]
    assert answer_chart_html(refused) == "" and not caplog.records


def test_a_failing_chart_leaves_the_answer_alone(share_answer, monkeypatch):
    import app.analytics.chart as chart

    monkeypatch.setattr(chart, "answer_chart", lambda data: 1 / 0)
    assert answer_chart_html(share_answer) == ""


def test_chat_handler_puts_the_chart_under_the_answer(ui_server):
    respond = next(f.fn for f in ui_server.demo.fns.values() if f.name == "respond")
    *_, (messages, history, _) = respond(SHARE_QUESTION, [], "any", "any", "any", 0, "extractive")
    content = messages[-1]["content"]
    assert _png(content) and history[-1]["chart"] and history[-1]["answer"]["route"] == "analytics"
    assert content.index("aisec-text") < content.index("aisec-chart") < content.index("aisec-sources")
    assert "50% of the 2 MLSecOps postings mention Kubernetes" in content


def test_ask_endpoint_returns_the_analytics_answer_dict_without_a_chart(ui_server, share_answer):
    from gradio_client import Client

    got = Client(ui_server.url, verbose=False).predict(question=SHARE_QUESTION, api_name="/ask")
    assert set(got) == set(share_answer) and got["route"] == "analytics" and got["data"] == share_answer["data"]
    assert {k: v for k, v in got.items() if k != "timings_ms"} == {k: v for k, v in share_answer.items() if k != "timings_ms"}
    assert "data:image" not in repr(got)
