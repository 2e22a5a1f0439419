"""Career advice: read a CV in memory, recognise a Profile, and compute cited fit, gaps, plan and postings."""
from app.advice.types import Advice, FamilyFit, Gap, Plan, PlanStep, PostingMatch, Profile

__all__ = ["Advice", "FamilyFit", "Gap", "Plan", "PlanStep", "PostingMatch", "Profile"]
