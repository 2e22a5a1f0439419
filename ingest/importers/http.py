"""A polite JSON client: timeouts, retries with exponential back-off, Retry-After, a per-host rate limit."""
from __future__ import annotations

import email.utils
import json
import time
from typing import Any, Callable
from urllib.parse import urlsplit

import httpx

USER_AGENT = "aisec-careers/0.1 (job-board importer for a personal careers corpus)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A request that failed for good; the message says what happened and what to check."""


def check_base_url(url: str) -> str:
    """An API base must be an absolute http(s) URL, e.g. https://api.lever.co or http://127.0.0.1:8000."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"API base {url!r} is not an http(s) URL like https://api.lever.co")
    return url.rstrip("/")


class RateLimiter:
    """At most `rate_per_s` requests per second to any one host."""

    def __init__(self, rate_per_s: float, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        if rate_per_s <= 0:
            raise ValueError("rate_per_s must be positive")
        self.interval = 1.0 / rate_per_s
        self._clock, self._sleep = clock, sleep
        self._next: dict[str, float] = {}

    def wait(self, host: str) -> None:
        """Sleep until `host` may be asked again, then book the next slot."""
        now = self._clock()
        ready = self._next.get(host, now)
        if ready > now:
            self._sleep(ready - now)
        self._next[host] = max(now, ready) + self.interval


class PoliteClient:
    """GET JSON documents; retry 429, 5xx, timeouts and connection errors with back-off."""

    def __init__(self, *, timeout_s: float = 20.0, retries: int = 3, backoff_s: float = 1.0, max_wait_s: float = 120.0,
                 rate_per_s: float = 1.0, max_bytes: int = 50 * 1024 * 1024,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self.retries, self.backoff_s, self.max_wait_s, self.max_bytes = retries, backoff_s, max_wait_s, max_bytes
        self._sleep = sleep
        self.limiter = RateLimiter(rate_per_s, clock=clock, sleep=sleep)
        self._http = httpx.Client(timeout=timeout_s, follow_redirects=True, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release pooled connections."""
        self._http.close()

    def get_json(self, url: str, params: dict[str, Any] | None = None) -> Any:
        """The decoded JSON body of a 2xx response; FetchError once retries are spent or on a permanent error."""
        host = urlsplit(url).netloc
        reason, wait = "", 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(wait)
            self.limiter.wait(host)
            try:
                status, headers, body = self._get(url, params)
            except httpx.TimeoutException:
                reason, wait = f"timed out waiting for {url}", self._backoff(attempt)
                continue
            except httpx.TransportError as exc:
                reason, wait = f"could not reach {url} ({type(exc).__name__}: {exc})", self._backoff(attempt)
                continue
            except httpx.HTTPError as exc:  # undecodable body, redirect loop: retrying will not help
                raise FetchError(f"request to {url} failed ({type(exc).__name__}: {exc})") from None
            if status in RETRY_STATUSES:
                reason = f"HTTP {status} from {url}"
                wait = self._retry_after(headers.get("retry-after"), attempt)
                continue
            if status >= 400:
                raise FetchError(f"HTTP {status} from {url}" + (" (not found: check the board name)" if status == 404 else ""))
            return _decode(body, url)
        raise FetchError(f"{reason} (gave up after {self.retries + 1} attempts)")

    def _get(self, url: str, params: dict[str, Any] | None) -> tuple[int, httpx.Headers, bytes]:
        with self._http.stream("GET", url, params=params) as response:
            if response.status_code >= 300:
                return response.status_code, response.headers, b""
            parts, size = [], 0
            for part in response.iter_bytes():
                size += len(part)
                if size > self.max_bytes:
                    raise FetchError(f"response from {url} is larger than {self.max_bytes // (1024 * 1024)} MB; refusing it")
                parts.append(part)
            return response.status_code, response.headers, b"".join(parts)

    def _backoff(self, attempt: int) -> float:
        return min(self.max_wait_s, self.backoff_s * 2**attempt)

    def _retry_after(self, header: str | None, attempt: int) -> float:
        """Seconds the server asked us to wait (delta or HTTP date), else the back-off; too long a wait is an error."""
        if not header:
            return self._backoff(attempt)
        try:
            seconds = float(header)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(header)
            except (TypeError, ValueError):
                return self._backoff(attempt)
            seconds = when.timestamp() - time.time()
        seconds = max(0.0, seconds)
        if seconds > self.max_wait_s:
            raise FetchError(f"the server asked us to wait {seconds:.0f}s (Retry-After); try again later")
        return seconds


def _decode(body: bytes, url: str) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FetchError(f"response from {url} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise FetchError(f"response from {url} is not valid JSON ({exc.msg} at line {exc.lineno}); is the API base URL right?") from None
