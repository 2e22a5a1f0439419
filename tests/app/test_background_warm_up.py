"""The assistant loads its model on a thread beside the index, and a failure there still reaches the caller."""
from __future__ import annotations

import threading

import pytest

from app.assistant import _in_background


def test_the_work_runs_on_another_thread_and_is_waited_for():
    started, release, ran_on = threading.Event(), threading.Event(), []

    def work(label: str) -> None:
        started.set()
        release.wait(5)
        ran_on.append((label, threading.get_ident()))
    wait = _in_background(work, "warm up")
    assert started.wait(5) and not ran_on  # running, not finished: the caller goes on meanwhile
    release.set()
    wait()
    assert ran_on == [("warm up", ran_on[0][1])] and ran_on[0][1] != threading.get_ident()


def test_an_error_of_the_work_is_raised_by_the_wait():
    def work() -> None:
        raise FileNotFoundError("model file missing")
    wait = _in_background(work)
    with pytest.raises(FileNotFoundError, match="model file missing"):
        wait()
