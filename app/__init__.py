"""AI security careers assistant: ask questions, get answers with verified citations."""
from app.types import Answer, Citation, SentenceCheck

__all__ = ["Assistant", "Answer", "Citation", "SentenceCheck"]


def __getattr__(name: str):
    # Imported on first use: `ingest.store` imports `app.errors`, and an eager `app.assistant` import here would
    # close the cycle app.assistant -> ingest.snapshot -> ingest.store whenever ingest is imported first.
    if name == "Assistant":
        from app.assistant import Assistant

        return Assistant
    raise AttributeError(f"module 'app' has no attribute {name!r}")
