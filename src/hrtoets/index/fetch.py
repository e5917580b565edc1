"""Download one file over HTTP with httpx: timeouts, retries with backoff, a size ceiling.

The HTTP adapter of ``hrtoets index update``: network errors, timeouts and 5xx are retried, 4xx are
not, and every failure is a :class:`~hrtoets.errors.DownloadError` with a sentence for a person.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from hrtoets.errors import DownloadError
from hrtoets.index.model import edition_year
from hrtoets.version import __version__

Progress = Callable[[int, int | None], None]
"""Told the bytes received so far and the expected total (``None``: the server did not say)."""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How patient a download is: timeouts in seconds, retries after the first attempt."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # The whole of one attempt (connect, headers, every read): a server trickling a byte every
    # few seconds never trips the read timeout, and must still end. None: no bound beyond reads.
    total_timeout: float | None = None
    retries: int = 2
    backoff: float = 0.5  # seconds before the first retry; doubles for each next one
    max_bytes: int = 64 * 2**20  # the real workbook is a few MB; more is not WJP's workbook

    @property
    def attempts(self) -> int:
        return self.retries + 1

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        return float(self.backoff * 2 ** (attempt - 1))


@dataclass(frozen=True, slots=True)
class RetryNotice:
    """An attempt failed in a way worth another try; the CLI says so while it waits."""

    attempt: int
    attempts: int
    delay: float
    error: DownloadError


@dataclass(frozen=True, slots=True)
class Download:
    """A body saved to disk: where, how many bytes, and the type the server said it was."""

    path: Path
    size: int
    content_type: str


class _Transient(Exception):
    """A failure worth another attempt; carries the error to raise when none is left."""

    def __init__(self, error: DownloadError) -> None:
        super().__init__(error.key)
        self.error = error


class Fetcher:
    """One download with retries: network errors, timeouts and 5xx are retried, 4xx are not."""

    def __init__(
        self,
        *,
        url: str,
        target: Path,
        policy: FetchPolicy,
        progress: Progress | None,
        on_retry: Callable[[RetryNotice], None] | None,
        sleep: Callable[[float], None],
    ) -> None:
        self.url = url
        self.target = target
        self.policy = policy
        self.progress = progress
        self.on_retry = on_retry
        self.sleep = sleep
        self._location = "?"  # the last redirect's Location, to name a target that is no URL

    def run(self, transport: httpx.BaseTransport | None, *, edition: str | None) -> Download:
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        self._location = "?"

        def remember_location(response: httpx.Response) -> None:
            self._location = response.headers.get("location", self._location)

        with httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            transport=transport,
            event_hooks={"response": [remember_location]},
            headers={
                "User-Agent": f"hrtoets/{__version__} (WJP index update)",
                # An .xlsx is compressed already; a server that compresses it anyway is still
                # bounded by max_bytes, counted on what is written.
                "Accept-Encoding": "identity",
            },
        ) as client:
            for attempt in range(1, self.policy.attempts + 1):
                try:
                    return self._attempt(client, edition)
                except _Transient as exc:
                    if attempt == self.policy.attempts:
                        raise exc.error from exc.__cause__
                    delay = self.policy.delay(attempt)
                    if self.on_retry is not None:
                        self.on_retry(RetryNotice(attempt, self.policy.attempts, delay, exc.error))
                    self.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _attempt(self, client: httpx.Client, edition: str | None) -> Download:
        total = self.policy.total_timeout
        deadline = None if total is None else time.monotonic() + total
        try:
            with client.stream("GET", self.url, timeout=self._timeout()) as response:
                self._check_status(response, edition)
                return self._save(response, deadline)
        except httpx.TimeoutException as exc:
            seconds = (
                self.policy.connect_timeout
                if isinstance(exc, httpx.ConnectTimeout)
                else self.policy.read_timeout
            )
            if total is not None:
                seconds = min(seconds, total)
            raise self._transient("updates.timeout", seconds=f"{seconds:g}") from exc
        except httpx.UnsupportedProtocol as exc:
            # The address itself was checked up front, so a redirect led off http(s) (ftp:, file:).
            raise DownloadError("updates.bad_redirect", url=self.url, target=_url_of(exc)) from exc
        except httpx.InvalidURL as exc:  # a redirect to something that is no URL (javascript:…)
            target = self._location[:200]
            raise DownloadError("updates.bad_redirect", url=self.url, target=target) from exc
        except httpx.TooManyRedirects as exc:
            raise DownloadError("updates.redirects", url=self.url) from exc
        except httpx.RequestError as exc:
            # Connection refused or reset, protocol and proxy errors: all "cannot reach".
            raise self._transient("updates.network", error=str(exc) or type(exc).__name__) from exc

    def _timeout(self) -> httpx.Timeout:
        """Each read and the connection wait at most their own timeout, and never past the whole
        attempt's (a slow trickle is cut between reads, see :meth:`_save`)."""
        total = self.policy.total_timeout
        connect, read = self.policy.connect_timeout, self.policy.read_timeout
        if total is not None:
            connect, read = min(connect, total), min(read, total)
        return httpx.Timeout(read, connect=connect)

    def _save(self, response: httpx.Response, deadline: float | None = None) -> Download:
        """Stream the body to the temporary file, within ``max_bytes``.

        A connection lost midway is a truncation; a body that is not what its Content-Encoding
        says is a damaged download. The size is checked against Content-Length before anything is
        written and against what is written, since a small compressed body can unpack to any size.
        """
        expected = _content_length(response)
        limit = self.policy.max_bytes
        if expected is not None and expected > limit:
            raise DownloadError("updates.too_large", url=self.url, limit=_size(limit))
        written = 0
        try:
            with self.target.open("wb") as handle:
                for chunk in response.iter_bytes():
                    if deadline is not None and time.monotonic() > deadline:
                        total = self.policy.total_timeout or 0.0
                        raise self._transient("updates.timeout", seconds=f"{total:g}")
                    written += len(chunk)
                    if written > limit:
                        raise DownloadError("updates.too_large", url=self.url, limit=_size(limit))
                    handle.write(chunk)
                    if self.progress is not None:
                        self.progress(response.num_bytes_downloaded, expected)
        except httpx.DecodingError as exc:
            encoding = response.headers.get("content-encoding", "?")
            raise DownloadError("updates.corrupt", url=self.url, encoding=encoding) from exc
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise self._truncated(response, expected) from exc
        if expected is not None and response.num_bytes_downloaded < expected:
            raise self._truncated(response, expected)
        content_type = response.headers.get("content-type", "").split(";")[0].strip()
        return Download(self.target, self.target.stat().st_size, content_type)

    def _truncated(self, response: httpx.Response, expected: int | None) -> _Transient:
        return self._transient(
            "updates.truncated",
            received=response.num_bytes_downloaded,
            expected="?" if expected is None else expected,
        )

    def _check_status(self, response: httpx.Response, edition: str | None) -> None:
        status = response.status_code
        if status >= 500:
            raise self._transient("updates.server_error", status=status)
        if status == 404 and edition is not None:
            earlier = str(edition_year(edition) - 1)
            raise DownloadError(
                "updates.not_published", url=self.url, edition=edition, earlier=earlier
            )
        if status == 404:
            raise DownloadError("updates.not_found", url=self.url)
        if not 200 <= status < 300:
            raise DownloadError(
                "updates.http_status", url=self.url, status=status, reason=response.reason_phrase
            )

    def _transient(self, key: str, **params: Any) -> _Transient:
        return _Transient(DownloadError(key, url=self.url, attempts=self.policy.attempts, **params))


def _url_of(exc: httpx.RequestError) -> str:
    """The address of the request that failed (after redirects), or ``?`` when httpx lost it."""
    try:
        return str(exc.request.url)
    except RuntimeError:
        return "?"


def _size(count: int) -> str:
    """A byte count as people read it: ``64 MiB``, or exact bytes below a MiB (test limits)."""
    mib = 2**20
    return f"{count / mib:g} MiB" if count >= mib else f"{count} bytes"


def _content_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None
