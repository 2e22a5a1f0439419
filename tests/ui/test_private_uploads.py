"""Each user's uploads are theirs alone: answers, counts, postings lists and the tabs see the corpus and their own files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.filters import Filters
from app.ui.uploads import UploadLibrary, user_folder_name

PRIVATE = Path(__file__).resolve().parents[1] / "data" / "uploads" / "private"
ROTATION = "How much does the Halvorsen red team rotation cost?"  # only in ana's report
CLINIC = "How much does the Pemberly model audit clinic cost?"  # only in ben's report
COUNT = "How many MLSecOps postings are there?"  # the corpus has 2; ana's postings file adds 2, ben's none
LISTING = "List the postings at Quenbury Analytics"  # ana's company


@pytest.fixture
def two_users(tmp_path, ui_settings, embedder):
    """A private copy of the indexed UI corpus, an Assistant over it, and ana's and ben's uploads added to it."""
    from app import Assistant

    shutil.copytree(ui_settings.data_dir, tmp_path / "data", ignore=shutil.ignore_patterns("ingest.lock"))
    settings = ui_settings.model_copy(update={"data_dir": tmp_path / "data"})
    assistant = Assistant(settings, embedder=embedder)
    library = UploadLibrary(settings, lambda: embedder, lambda user: assistant.retriever(user).snapshot)
    for user, names in (("ana", ("ana-rotation.md", "ana-postings.jsonl")), ("ben", ("ben-clinic.md", "ben-postings.jsonl"))):
        assert {d.status for d in library.add(user, [(name, PRIVATE / name) for name in names])} == {"ingested"}
    return assistant, library


def _sources(answer) -> set[str]:
    return {c.source for c in answer.citations}


def _owned_by(user: str | None, sources: set[str]) -> bool:
    return any(s.startswith(user_folder_name(user) + "/") for s in sources)


def test_each_users_answers_cite_their_own_uploads_and_never_the_others(two_users):
    assistant, _ = two_users
    mine = assistant.ask(ROTATION, user="ana")
    assert "913" in mine.text and f"{user_folder_name('ana')}/ana-rotation.md" in _sources(mine)
    for other in ("ben", None):  # another login, and the Python API / CLI (no login)
        theirs = assistant.ask(ROTATION, user=other)
        assert "913" not in theirs.text and "Halvorsen red team rotation costs" not in theirs.text
        assert not _owned_by("ana", _sources(theirs))
    assert "286" in assistant.ask(CLINIC, user="ben").text
    assert not _owned_by("ben", _sources(assistant.ask(CLINIC, user="ana")))


@pytest.mark.parametrize("over_fetch", [3000, 0], ids=["hidden-chunks-fetched-and-dropped", "owner-clause-in-chroma"])
def test_both_retrieval_legs_skip_other_users_chunks(two_users, monkeypatch, over_fetch):
    monkeypatch.setattr("app.retrieval.MAX_OVER_FETCH", over_fetch)
    assistant, _ = two_users
    vector = assistant.embedder.embed_query(ROTATION)
    for user, allowed in (("ana", {None, user_folder_name("ana")}), ("ben", {None, user_folder_name("ben")})):
        retriever = assistant.retriever(user)
        metadatas = retriever.snapshot.metadatas
        dense = retriever.dense_ranking(vector, Filters())
        lexical = retriever.bm25_ranking(ROTATION, Filters())
        documents = retriever.dense_ranking(vector, Filters(kind="document"))  # the user's filter and the view's, together
        assert dense and documents and {metadatas[r].get("owner") for r in dense + lexical + documents} <= allowed
        assert {metadatas[r]["kind"] for r in documents} == {"document"}
        # the dense leg still fills its candidates from what the user may see
        assert len(dense) == min(assistant.settings.candidate_k, len(retriever.snapshot))
        assert {m.get("owner") for m in metadatas} == allowed
    ana_top = assistant.retriever("ana").retrieve(ROTATION, vector, Filters(), k=1)[0]
    assert ana_top.metadata["source"].endswith("ana-rotation.md")


def test_counts_and_postings_lists_see_only_the_askers_postings(two_users):
    from app.analytics.stats import postings_of
    from app.ui.market import MarketView

    assistant, _ = two_users
    counted = {user: assistant.ask(COUNT, user=user) for user in ("ana", "ben", None)}
    assert counted["ana"].route == "analytics" and "4 MLSecOps postings" in counted["ana"].text
    assert "2 MLSecOps postings" in counted["ben"].text and "2 MLSecOps postings" in counted[None].text
    assert "of the 10 postings" in counted["ana"].text and "of the 9 postings" in counted["ben"].text
    assert _owned_by("ana", _sources(counted["ana"])) and not _owned_by("ana", _sources(counted["ben"]))
    listed = assistant.ask(LISTING, user="ana")
    assert listed.route == "postings" and "Quenbury Analytics" in listed.text
    assert "Quenbury" not in assistant.ask(LISTING, user="ben").text
    assert "Marlowe Forge" in assistant.ask(LISTING, user="ben").text  # ben's list: the corpus and his postings
    companies = {user: {r.metadata.get("company") for r in postings_of(assistant.retriever(user).snapshot)}
                 for user in ("ana", "ben", None)}  # the Jobs tab's table
    assert "Quenbury Analytics" in companies["ana"] and "Marlowe Forge" not in companies["ana"]
    assert "Marlowe Forge" in companies["ben"] and "Quenbury Analytics" not in companies["ben"]
    assert not {"Quenbury Analytics", "Marlowe Forge"} & (companies[None] | {r.metadata.get("company") for r in postings_of(assistant)})
    market = MarketView()
    assert "<b>10</b> open job postings" in market.html(assistant, "ana") and "<b>9</b> open job postings" in market.html(assistant, "ben")


def test_removing_a_document_takes_it_out_for_its_owner_only(two_users):
    assistant, library = two_users
    library.remove("ana", "ana-rotation.md")
    assert "913" not in assistant.ask(ROTATION, user="ana").text
    assert [d.name for d in library.documents("ana")] == ["ana-postings.jsonl"] and library.documents("ana")[0].chunks == 3
    assert "286" in assistant.ask(CLINIC, user="ben").text  # ben's documents stay
    assert {d.name: d.chunks for d in library.documents("ben")} == {"ben-clinic.md": 1, "ben-postings.jsonl": 2}


LOGINS = [("ana", "ana-pass"), ("ben", "ben-pass")]


@pytest.fixture
def two_login_server(tmp_path, ui_settings, embedder):
    """The UI over a private copy of the indexed UI corpus, with Gradio auth and two usernames; yields its URL."""
    from ui_helpers import free_port

    from app import Assistant
    from app.ui.app import build_ui
    from app.ui.backend import Backend

    shutil.copytree(ui_settings.data_dir, tmp_path / "data", ignore=shutil.ignore_patterns("ingest.lock"))
    settings = ui_settings.model_copy(update={"data_dir": tmp_path / "data"})
    demo = build_ui(Backend(settings, Assistant(settings, embedder=embedder)))
    demo.queue()
    _, url, _ = demo.launch(server_name="127.0.0.1", server_port=free_port(), auth=LOGINS, prevent_thread_lock=True,
                            quiet=True, ssr_mode=False, mcp_server=False)
    yield url
    demo.close()


@pytest.mark.filterwarnings("ignore:.*no_silent_downcasting", "ignore:The copy keyword is deprecated")
def test_two_logins_on_one_server_never_see_each_others_uploads(two_login_server):
    """Through the real server's /add_documents and /ask endpoints."""
    from gradio_client import Client, handle_file

    ana, ben = (Client(two_login_server, auth=login, verbose=False) for login in LOGINS)
    added = ana.predict([handle_file(PRIVATE / "ana-rotation.md"), handle_file(PRIVATE / "ana-postings.jsonl")],
                        api_name="/add_documents")
    assert {d["status"] for d in added} == {"ingested"}
    assert "913" in ana.predict(question=ROTATION, api_name="/ask")["text"]
    theirs = ben.predict(question=ROTATION, api_name="/ask")
    assert "913" not in theirs["text"] and not any("ana-rotation" in c["source"] for c in theirs["citations"])
    assert "4 MLSecOps postings" in ana.predict(question=COUNT, api_name="/ask")["text"]
    assert "2 MLSecOps postings" in ben.predict(question=COUNT, api_name="/ask")["text"]
    assert "Quenbury" not in ben.predict(question=LISTING, api_name="/ask")["text"]


def test_the_same_posting_id_in_two_users_files_replaces_neither(two_users, tmp_path):
    assistant, library = two_users
    copy = tmp_path / "copied.jsonl"
    copy.write_text((PRIVATE / "ana-postings.jsonl").read_text().replace("Quenbury Analytics", "Quenbury Copy"))
    [outcome] = library.add("ben", [("copied.jsonl", copy)])
    assert outcome.status == "ingested" and outcome.chunks == 3 and "ana" not in outcome.reason
    assert "3 of the 10 postings match" in assistant.ask(LISTING, user="ana").text  # ana's postings are still hers
    assert {d.name: d.chunks for d in library.documents("ana")} == {"ana-rotation.md": 1, "ana-postings.jsonl": 3}
    assert "Quenbury Copy" in assistant.ask("List the postings at Quenbury Copy", user="ben").text


def test_uploads_indexed_before_owners_become_private_at_the_next_ingest_of_the_uploads(tmp_path, ui_settings, embedder, monkeypatch):
    from app import Assistant
    from ingest.sync import run_ingest

    shutil.copytree(ui_settings.data_dir, tmp_path / "data", ignore=shutil.ignore_patterns("ingest.lock"))
    settings = ui_settings.model_copy(update={"data_dir": tmp_path / "data"})
    assistant = Assistant(settings, embedder=embedder)
    library = UploadLibrary(settings, lambda: embedder, lambda user: assistant.retriever(user).snapshot)
    with monkeypatch.context() as before_owners:  # how an upload was indexed before chunks carried their owner
        before_owners.setattr("ingest.files.owner_of", lambda path, data_dir: None)
        before_owners.setattr("ingest.loaders.owned", lambda result, owner: result)
        library.add("ana", [(name, PRIVATE / name) for name in ("ana-rotation.md", "ana-postings.jsonl")])
    assert "913" in assistant.ask(ROTATION, user="ben").text  # the old leak
    report = run_ingest(settings, [settings.data_dir / "uploads"], embedder=embedder, show_progress=False)
    assert report.updated == 2 and report.chunks_written == 4
    assert "913" not in assistant.ask(ROTATION, user="ben").text and "913" in assistant.ask(ROTATION, user="ana").text
    assert "4 MLSecOps postings" in assistant.ask(COUNT, user="ana").text and "2 MLSecOps postings" in assistant.ask(COUNT, user="ben").text
    assert {d.name: d.chunks for d in library.documents("ana")} == {"ana-rotation.md": 1, "ana-postings.jsonl": 3}
    again = run_ingest(settings, [settings.data_dir / "uploads"], embedder=embedder, show_progress=False)
    assert again.chunks_written == 0 and again.unchanged == 2


def test_career_advice_counts_the_askers_postings_only(two_users):
    assistant, _ = two_users
    profile = {"roles": ["ml engineer"], "years": 4, "skills": ["python", "kubernetes"], "certifications": [], "clouds": []}
    companies = {user: {p["company"] for key in ("postings_now", "postings_within_reach")
                        for p in assistant.advise(profile, "mlsecops", user).to_dict()[key]} for user in ("ana", "ben")}
    assert "Quenbury Analytics" in companies["ana"] and "Quenbury Analytics" not in companies["ben"]
