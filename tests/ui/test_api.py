"""The /ask endpoint through gradio_client against a real server: Answer.to_dict(), filters, history, errors."""
from __future__ import annotations

import pytest

QUESTION = "Which jobs test attacks against chatbots?"
GRADIO_QUEUE_NOISE = [  # pandas deprecations raised inside gradio's queue, not ours
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"), pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]
pytestmark = GRADIO_QUEUE_NOISE


@pytest.fixture(scope="module")
def client(ui_server):
    from gradio_client import Client

    return Client(ui_server.url, verbose=False)


def _families(answer: dict) -> list[str]:
    return [c["metadata"].get("role_family") for c in answer["citations"] if c["kind"] == "posting"]


def test_ask_returns_answer_to_dict_with_citations(client, ui_assistant):
    got = client.predict(question=QUESTION, api_name="/ask")
    direct = ui_assistant.ask(QUESTION).to_dict()
    assert set(got) == set(direct)
    assert {k: v for k, v in got.items() if k != "timings_ms"} == {k: v for k, v in direct.items() if k != "timings_ms"}
    assert not got["abstained"] and got["citations"] and "[1]" in got["text"]
    assert {"number", "source", "title", "text", "score", "doc_id", "kind", "metadata", "supporting"} <= set(got["citations"][0])


def test_role_filter_changes_the_sources(client):
    unfiltered = client.predict(question=QUESTION, filters={}, api_name="/ask")
    filtered = client.predict(question=QUESTION, filters={"role_family": "ai-red-team"}, api_name="/ask")
    assert len(set(_families(unfiltered))) > 1
    assert filtered["citations"] and set(_families(filtered)) == {"ai-red-team"}
    assert [c["doc_id"] for c in filtered["citations"]] != [c["doc_id"] for c in unfiltered["citations"]]


def test_history_makes_a_follow_up_standalone(client):
    history = [{"role": "user", "content": "What skills do MLSecOps postings ask for?"}, {"role": "assistant", "content": "Python [1]"}]
    answer = client.predict(question="And what do they pay?", filters=None, history=history, api_name="/ask")
    assert "MLSecOps" in (answer["standalone_question"] or "")


def test_the_chat_history_carries_the_conversations_query(client):
    history = [{"role": "user", "content": "Show me senior MLSecOps roles"}, {"role": "assistant", "content": "1. Senior MLSecOps [1]"}]
    answer = client.predict(question="Which of them are remote?", filters=None, history=history, api_name="/ask")
    assert answer["route"] == "postings" and answer["query"]["seniority"] == ["senior"] and answer["query"]["remote"] == ["remote"]
    assert [row["posting_id"] for row in answer["rows"]] == ["ui-002"]


def test_bad_input_is_a_clear_error(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="unknown role_family"):
        client.predict(question=QUESTION, filters={"role_family": "astronaut"}, api_name="/ask")
    with pytest.raises(AppError, match="filters must be an object"):
        client.predict(question=QUESTION, filters=["mlsecops"], api_name="/ask")
    with pytest.raises(AppError, match="question is empty"):
        client.predict(question="   ", api_name="/ask")


def test_only_ask_and_the_document_endpoints_are_public(client):
    named = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert sorted(named) == ["/add_documents", "/ask", "/remove_document"]


def test_start_up_needs_no_network(ui_settings, ui_assistant, monkeypatch):
    import os
    import socket

    import httpx
    from ui_helpers import free_port

    from app.ui import serve
    from app.ui.launch import is_loopback

    attempts, local = [], []
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(sock, address):
        if isinstance(address, tuple) and not is_loopback(str(address[0])):
            attempts.append(address)
            raise OSError("no network in this test")
        local.append(address)
        return real_connect(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if host and not is_loopback(str(host)):
            attempts.append(host)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    demo, url = serve(ui_settings.model_copy(update={"ui_port": free_port()}), ui_assistant, block=False)
    try:
        page = httpx.get(url, timeout=10)
        assert page.status_code == 200 and "fonts.googleapis" not in page.text
    finally:
        demo.close()
    assert attempts == [] and local  # the guard saw the loopback traffic, and nothing else
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"


def test_basic_auth_protects_the_api(ui_settings, ui_assistant):
    from gradio_client import Client
    from pydantic import SecretStr
    from ui_helpers import free_port

    from app.ui import serve

    settings = ui_settings.model_copy(update={"ui_port": free_port(), "ui_user": "ana", "ui_password": SecretStr("s3cret")})
    demo, url = serve(settings, ui_assistant, block=False)
    try:
        with pytest.raises(Exception):
            Client(url, verbose=False).predict(question=QUESTION, api_name="/ask")
        answer = Client(url, auth=("ana", "s3cret"), verbose=False).predict(question=QUESTION, api_name="/ask")
        assert answer["citations"]
    finally:
        demo.close()
