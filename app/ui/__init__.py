"""The Gradio chat UI over app.Assistant: `serve` starts it, `build_ui` builds the Blocks."""
from ingest.offline import enforce_offline

enforce_offline()  # before anything imports gradio: analytics off

from app.ui.backend import Backend, index_missing  # noqa: E402
from app.ui.launch import serve  # noqa: E402

__all__ = ["Backend", "index_missing", "serve"]
