"""AI security careers assistant: ask questions, get answers with verified citations."""
from app.assistant import Assistant
from app.types import Answer, Citation, SentenceCheck

__all__ = ["Assistant", "Answer", "Citation", "SentenceCheck"]
