"""Market analytics: aggregate questions about the ingested postings answered by counting, with cited samples."""
from app.analytics.service import analytics_answer
from app.analytics.stats import market_snapshot, postings_of

__all__ = ["analytics_answer", "market_snapshot", "postings_of"]
