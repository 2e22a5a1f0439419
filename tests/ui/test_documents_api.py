"""/add_documents and /remove_document through gradio_client against a real server with a private index."""
from __future__ import annotations

from pathlib import Path

import pytest

UPLOADS = Path(__file__).resolve().parents[1] / "data" / "uploads"
pytestmark = [pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"), pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]


def test_add_ask_and_remove_through_the_api(private_ui_server):
    from gradio_client import Client, handle_file
    from gradio_client.exceptions import AppError

    client = Client(private_ui_server.url, verbose=False)
    added = client.predict([handle_file(UPLOADS / "quillfeather-exam.md"), handle_file(UPLOADS / "broken.pdf")],
                           api_name="/add_documents")
    by_name = {d["name"]: d for d in added}
    assert by_name["quillfeather-exam.md"]["status"] == "ingested" and by_name["quillfeather-exam.md"]["chunks"] >= 1
    assert by_name["broken.pdf"]["status"] == "refused" and by_name["broken.pdf"]["reason"]
    answer = client.predict(question="How much does the Quillfeather certification exam cost?", api_name="/ask")
    assert "417" in answer["text"]

    remaining = client.predict("quillfeather-exam.md", api_name="/remove_document")
    assert [d["name"] for d in remaining] == ["broken.pdf"]
    assert "417" not in client.predict(question="How much does the Quillfeather certification exam cost?", api_name="/ask")["text"]
    with pytest.raises(AppError, match="no document named"):
        client.predict("quillfeather-exam.md", api_name="/remove_document")
