"""Evaluation suites, metrics, runner and reports behind `aisec eval`."""
