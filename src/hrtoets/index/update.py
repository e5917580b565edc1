"""Fetch a new WJP edition over HTTP and make it the active index, or change nothing at all.

WJP publishes a new edition each autumn at an address that has moved before, so the address is a
pattern (``index_url`` in config.toml) and every step can fail: the server, the network, the file,
its columns. The download is streamed to a temporary file inside ``HRTOETS_HOME`` and stops at a
size no WJP workbook reaches (it is a few MB; a server, or a small compressed body, can send
without end). The importer validates it, and only then does the store swap it in and switch the
active index (one atomic write). Any failure is one :class:`~hrtoets.errors.DownloadError`
saying what failed and what to try; the active index and the home are left as they were.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from hrtoets import __version__
from hrtoets.config import DEFAULT_INDEX_URL
from hrtoets.errors import ConfigError, DownloadError, HrtoetsError, InputError, WorkbookError
from hrtoets.index.model import edition_year
from hrtoets.index.store import active_name, editions_folder, import_into_home

if TYPE_CHECKING:
    from hrtoets.index.importer import ImportResult

__all__ = [
    "FetchPolicy",
    "Progress",
    "RefusedWorkbook",
    "RetryNotice",
    "UpdateResult",
    "build_url",
    "update_index",
]

Progress = Callable[[int, int | None], None]
"""Told the bytes received so far and the expected total (``None``: the server did not say)."""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How patient a download is: timeouts in seconds, retries after the first attempt."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
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
class UpdateResult:
    """The edition that is now active, where it came from, and the one it replaced."""

    edition: str
    name: str
    origin: str  # "url" or "file"
    source: str
    source_sha256: str
    size: int
    countries: int
    rows: int
    path: Path
    previous: str

    def to_json(self) -> dict[str, Any]:
        return {
            "edition": self.edition,
            "name": self.name,
            "origin": self.origin,
            "source": self.source,
            "source_sha256": self.source_sha256,
            "bytes": self.size,
            "countries": self.countries,
            "rows": self.rows,
            "path": str(self.path),
            "previous": self.previous,
        }


class RefusedWorkbook(DownloadError):
    """A downloaded workbook failed the importer's validation; says why in the user's language."""

    def __init__(self, url: str, cause: HrtoetsError) -> None:
        super().__init__("updates.refused", url=url)
        self.cause = cause

    def render(self, lang: str) -> str:
        from hrtoets.messages import t

        return t(self.key, lang, url=self.params["url"], problem=self.cause.render(lang))


@dataclass(frozen=True, slots=True)
class _Download:
    path: Path
    size: int
    content_type: str


class _Transient(Exception):
    """A failure worth another attempt; carries the error to raise when none is left."""

    def __init__(self, error: DownloadError) -> None:
        super().__init__(error.key)
        self.error = error


def build_url(pattern: str, edition: str) -> str:
    """The download address for ``edition`` from the configured ``index_url`` pattern."""
    try:
        return pattern.format(edition=edition)
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError("updates.bad_pattern", pattern=pattern, error=str(exc)) from None


def _checked_url(url: str) -> str:
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL:
        raise InputError("updates.bad_url", url=url) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InputError("updates.bad_url", url=url)
    return str(parsed)


def _checked_edition(edition: str) -> str:
    try:
        edition_year(edition)
    except ValueError:
        raise InputError("updates.bad_edition", edition=edition) from None
    return edition.strip()


def update_index(
    home: Path,
    *,
    url: str | None = None,
    file: Path | None = None,
    edition: str | None = None,
    pattern: str = DEFAULT_INDEX_URL,
    policy: FetchPolicy = FetchPolicy(),
    progress: Progress | None = None,
    on_retry: Callable[[RetryNotice], None] | None = None,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    today: date | None = None,
) -> UpdateResult:
    """Download (or take ``file``), validate, keep and activate a WJP edition; or change nothing.

    Without ``url`` the address is ``pattern`` filled in with ``edition`` (default: this year's,
    which WJP publishes in the autumn). When an edition is asked for, the workbook must hold it.
    """
    if url is not None and file is not None:
        raise InputError("updates.url_and_file")
    previous = active_name(home)
    wanted = _checked_edition(edition) if edition else None
    if file is not None:
        return _keep(
            home,
            workbook=file,
            origin="file",
            source=str(file.resolve()),
            wanted=wanted,
            previous=previous,
        )
    from_pattern = url is None
    if url is None:
        wanted = wanted or str((today or date.today()).year)
        url = build_url(pattern, wanted)
    url = _checked_url(url)
    with _temporary_file(home) as target:
        fetcher = _Fetcher(
            url=url,
            target=target,
            policy=policy,
            progress=progress,
            on_retry=on_retry,
            sleep=sleep,
        )
        download = fetcher.run(transport, edition=wanted if from_pattern else None)
        try:
            return _keep(
                home,
                workbook=target,
                origin="url",
                source=url,
                wanted=wanted,
                previous=previous,
                size=download.size,
            )
        except WorkbookError as exc:
            raise _refused(exc, url, download) from exc


def _keep(
    home: Path,
    *,
    workbook: Path,
    origin: str,
    source: str,
    wanted: str | None,
    previous: str,
    size: int | None = None,
) -> UpdateResult:
    def accept(result: ImportResult) -> None:
        found = result.meta.edition
        if wanted is None or edition_year(found) == edition_year(wanted):
            return
        if origin == "file":
            raise WorkbookError(
                "updates.file_edition_mismatch", source=source, found=found, wanted=wanted
            )
        raise DownloadError("updates.edition_mismatch", source=source, found=found, wanted=wanted)

    result, folder = import_into_home(workbook, home, origin=origin, source=source, accept=accept)
    meta = result.meta
    return UpdateResult(
        edition=meta.edition,
        name=folder.name,
        origin=origin,
        source=source,
        source_sha256=meta.source_sha256,
        size=workbook.stat().st_size if size is None else size,
        countries=meta.countries,
        rows=meta.rows,
        path=folder,
        previous=previous,
    )


@contextlib.contextmanager
def _temporary_file(home: Path) -> Iterator[Path]:
    """A temporary ``.xlsx`` inside ``HRTOETS_HOME``, removed whatever happens."""
    folder = editions_folder(home)
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".download-", suffix=".xlsx", dir=folder)
    os.close(fd)
    path = Path(name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _refused(exc: WorkbookError, url: str, download: _Download) -> DownloadError:
    """The importer's complaint about a download, told in terms of the download."""
    if exc.key == "import.not_a_workbook":
        return DownloadError(
            "updates.not_a_workbook",
            url=url,
            size=download.size,
            content_type=download.content_type or "?",
        )
    if exc.key == "import.no_sheet":
        return DownloadError("updates.no_sheet", url=url, sheets=exc.params["sheets"])
    if exc.key == "import.missing_columns":
        return DownloadError("updates.columns_drifted", url=url, columns=exc.params["columns"])
    return RefusedWorkbook(url, exc)


class _Fetcher:
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

    def run(self, transport: httpx.BaseTransport | None, *, edition: str | None) -> _Download:
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        with httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            transport=transport,
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

    def _attempt(self, client: httpx.Client, edition: str | None) -> _Download:
        try:
            with client.stream("GET", self.url) as response:
                self._check_status(response, edition)
                return self._save(response)
        except httpx.TimeoutException as exc:
            seconds = (
                self.policy.connect_timeout
                if isinstance(exc, httpx.ConnectTimeout)
                else self.policy.read_timeout
            )
            raise self._transient("updates.timeout", seconds=f"{seconds:g}") from exc
        except httpx.UnsupportedProtocol as exc:
            # The address itself was checked up front, so a redirect led off http(s) (ftp:, file:).
            raise DownloadError("updates.bad_redirect", url=self.url, target=_url_of(exc)) from exc
        except httpx.TooManyRedirects as exc:
            raise DownloadError("updates.redirects", url=self.url) from exc
        except httpx.RequestError as exc:
            # Connection refused or reset, protocol and proxy errors: all "cannot reach".
            raise self._transient("updates.network", error=str(exc) or type(exc).__name__) from exc

    def _save(self, response: httpx.Response) -> _Download:
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
        return _Download(self.target, self.target.stat().st_size, content_type)

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
