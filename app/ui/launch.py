"""Start the UI: first ingest if needed, queue, theme, optional basic auth, loopback by default."""
from __future__ import annotations

import ipaddress
import sys
from typing import Any, Callable

from app.settings import Settings
from app.ui.backend import Backend


def serve(settings: Settings, assistant=None, *, make_assistant: Callable[[], Any] | None = None, block: bool = True,
          ingest_embedder=None):
    """Launch on settings.ui_host:ui_port; with no `assistant`, ingest the corpus first (in the background).

    Returns (demo, local_url); with block=False the server keeps running in a thread until demo.close().
    """
    import gradio as gr  # noqa: F401  (imported after app.ui switched analytics off)

    from app.ui.app import build_ui
    from app.ui.style import CSS, make_theme

    backend = Backend(settings, assistant, make_assistant=make_assistant, ingest_embedder=ingest_embedder)
    if assistant is None:
        backend.start_first_ingest()
    demo = build_ui(backend)
    demo.queue(default_concurrency_limit=settings.ui_concurrency)
    auth = basic_auth(settings)
    warn_if_exposed(settings.ui_host, auth is not None)
    _, url, _ = demo.launch(
        server_name=settings.ui_host, server_port=settings.ui_port, auth=auth, prevent_thread_lock=not block,
        share=False, inbrowser=False, show_error=True, ssr_mode=False, mcp_server=False, pwa=False,
        enable_monitoring=False, footer_links=["api", "settings"], theme=make_theme(), css=CSS,
        max_file_size=upload_limit_bytes(settings),
        auth_message="AI security careers assistant" if auth else None, quiet=not block,
    )
    return demo, url


def upload_limit_bytes(settings: Settings) -> int:
    """The largest upload Gradio accepts: the ingest's limit, enforced while the file streams in, before it is stored."""
    return int(settings.max_file_mb * 1024 * 1024)


def basic_auth(settings: Settings) -> tuple[str, str] | None:
    """(user, password) when both AISEC_UI_USER and AISEC_UI_PASSWORD are set."""
    password = settings.ui_password.get_secret_value() if settings.ui_password else ""
    if settings.ui_user and password:
        return settings.ui_user, password
    if settings.ui_user or password:
        print("warning: basic auth needs both AISEC_UI_USER and AISEC_UI_PASSWORD; the UI has no password", file=sys.stderr)
    return None


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def warn_if_exposed(host: str, has_auth: bool) -> None:
    """Say so when other machines can reach the UI without a password."""
    if not is_loopback(host) and not has_auth:
        print(f"warning: the UI listens on {host}, so other machines can reach it, and it has no password; "
              "set AISEC_UI_USER and AISEC_UI_PASSWORD, or bind 127.0.0.1", file=sys.stderr)
