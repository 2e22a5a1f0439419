"""Bring real job postings in: public job-board APIs (Greenhouse, Lever, Ashby) and CSV/JSON exports."""
