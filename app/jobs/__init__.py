"""Job search: select, rank and list postings for a Query (DuckDB over the snapshot's posting rows)."""
