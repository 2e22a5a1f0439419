"""The polite client against a local server: retries, back-off, Retry-After, rate limit, clear errors."""
from __future__ import annotations

import socket
import time

import pytest

from ingest.importers.http import FetchError, PoliteClient, RateLimiter


def test_returns_decoded_json(board_server, client):
    board_server.route("/ok", (200, {"jobs": []}, {}))
    assert client.get_json(board_server.base_url + "/ok") == {"jobs": []}


def test_retries_5xx_with_exponential_backoff_then_succeeds(board_server, client, sleeps):
    board_server.route("/flaky", (500, "oops", {}), (503, "busy", {}), (200, [1, 2], {}))
    assert client.get_json(board_server.base_url + "/flaky") == [1, 2]
    assert board_server.hits("/flaky") == 3
    retry_waits = [w for w in sleeps.waits if w >= 0.01]
    assert retry_waits == pytest.approx([0.01, 0.02])


def test_gives_up_on_persistent_500_with_a_clear_error(board_server, client):
    board_server.route("/down", (500, "Internal Server Error", {}))
    with pytest.raises(FetchError, match=r"HTTP 500 from http://127\.0\.0\.1:\d+/down \(gave up after 4 attempts\)"):
        client.get_json(board_server.base_url + "/down")
    assert board_server.hits("/down") == 4


def test_429_waits_as_long_as_retry_after_says(board_server, client, sleeps):
    board_server.route("/limited", (429, "slow down", {"Retry-After": "7"}), (200, {"ok": True}, {}))
    assert client.get_json(board_server.base_url + "/limited") == {"ok": True}
    assert 7.0 in sleeps.waits


def test_429_asking_for_an_unreasonable_wait_is_an_error(board_server, client):
    board_server.route("/limited", (429, "slow down", {"Retry-After": "86400"}))
    with pytest.raises(FetchError, match=r"asked us to wait 86400s"):
        client.get_json(board_server.base_url + "/limited")
    assert board_server.hits("/limited") == 1


def test_invalid_json_is_not_retried_and_says_so(board_server, client):
    board_server.route("/html", (200, "<html><body>Sign in</body></html>", {"Content-Type": "text/html"}))
    with pytest.raises(FetchError, match=r"is not valid JSON"):
        client.get_json(board_server.base_url + "/html")
    assert board_server.hits("/html") == 1


def test_404_names_the_likely_cause(board_server, client):
    with pytest.raises(FetchError, match=r"HTTP 404 .*check the board name"):
        client.get_json(board_server.base_url + "/v1/boards/nosuchboard/jobs")
    assert board_server.hits("/v1/boards/nosuchboard/jobs") == 1


def test_connection_refused_is_retried_then_reported(client):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"could not reach .*gave up after 4 attempts"):
        client.get_json(f"http://127.0.0.1:{port}/jobs")


def test_timeout_is_retried_then_reported(board_server, sleeps):
    def slow(query):
        time.sleep(0.5)
        return 200, {}, {}

    board_server.route("/slow", slow)
    with PoliteClient(timeout_s=0.1, retries=1, backoff_s=0.01, rate_per_s=1000, sleep=sleeps) as impatient:
        with pytest.raises(FetchError, match=r"timed out .*gave up after 2 attempts"):
            impatient.get_json(board_server.base_url + "/slow")


def test_response_size_is_capped(board_server, sleeps):
    board_server.route("/huge", (200, b"[" + b"1," * 5000 + b"1]", {}))
    with PoliteClient(max_bytes=1000, rate_per_s=1000, sleep=sleeps) as small:
        with pytest.raises(FetchError, match=r"larger than"):
            small.get_json(board_server.base_url + "/huge")


def test_rate_limiter_spaces_requests_per_host():
    now = [100.0]
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(2.0, clock=lambda: now[0], sleep=sleep)
    limiter.wait("a.example")
    limiter.wait("b.example")  # another host: no wait
    limiter.wait("a.example")  # same host, immediately: waits half a second
    assert waits == [pytest.approx(0.5)]
    now[0] += 10
    limiter.wait("a.example")  # long after: no wait
    assert len(waits) == 1


def test_rate_limit_applies_between_retries_and_requests(board_server, sleeps):
    board_server.route("/ok", (200, [], {}))
    with PoliteClient(rate_per_s=4, sleep=sleeps) as polite:
        polite.get_json(board_server.base_url + "/ok")
        polite.get_json(board_server.base_url + "/ok")
    assert sleeps.waits and 0 < sleeps.waits[-1] <= 0.25


def test_retry_after_as_an_http_date(board_server, client, sleeps):
    import email.utils

    soon = email.utils.formatdate(time.time() + 30, usegmt=True)
    board_server.route("/limited", (503, "maintenance", {"Retry-After": soon}), (200, [], {}))
    assert client.get_json(board_server.base_url + "/limited") == []
    assert any(25 <= w <= 31 for w in sleeps.waits)
