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

from hrtoets.config import DEFAULT_INDEX_URL
from hrtoets.errors import ConfigError, DownloadError, HrtoetsError, InputError, WorkbookError
from hrtoets.index.fetch import Download, Fetcher, FetchPolicy, Progress, RetryNotice
from hrtoets.index.model import edition_year
from hrtoets.index.store import DOWNLOAD, active_name, editions_folder, import_into_home

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
        fetcher = Fetcher(
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
    from hrtoets.files import remove_stale, temporary_name

    folder = editions_folder(home)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale(folder / DOWNLOAD)  # what a killed update left, once an hour old
    prefix = temporary_name(folder / DOWNLOAD)
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".xlsx", dir=folder)
    os.close(fd)
    path = Path(name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _refused(exc: WorkbookError, url: str, download: Download) -> DownloadError:
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
