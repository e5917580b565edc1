"""One exception hierarchy and the exit codes the CLI returns.

Every expected failure is a :class:`HrtoetsError` carrying a message key and its parameters, so the
CLI can say it in the user's language; ``str(error)`` gives the English sentence for library users.
Each subclass also inherits the built-in it resembles, so callers may catch either.
"""

from __future__ import annotations

import errno
import os
from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    """Process exit codes, documented in the README and ``--help``."""

    OK = 0
    ATTENTION = 1  # a command reports a finding: a broken register chain, a changed verdict
    INPUT = 2  # bad input or usage: unknown country, unreadable file, bad option
    INTERRUPTED = 130  # Ctrl-C (SIGINT)
    TERMINATED = 143  # SIGTERM


class HrtoetsError(Exception):
    """An expected failure the user can act on; rendered as one sentence, exit code 2."""

    exit_code: ExitCode = ExitCode.INPUT

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def render(self, lang: str) -> str:
        """The sentence for a person, in ``lang`` (``nl`` or ``en``)."""
        from hrtoets.messages import t

        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render("en")


class InputError(HrtoetsError, ValueError):
    """An option or argument value that cannot be used."""


class ConfigError(HrtoetsError, ValueError):
    """``config.toml`` or an environment variable holds a value hrtoets cannot use."""


class UnknownCountry(HrtoetsError, LookupError):
    """What the user typed does not name one country."""


class UnknownEdition(HrtoetsError, LookupError):
    """The requested WJP edition is not in the active index."""


class IndexFileError(HrtoetsError, OSError):
    """The index CSV (bundled or imported) is missing or unreadable."""


class WorkbookError(HrtoetsError, ValueError):
    """A workbook or spreadsheet cannot be read or does not have the expected shape."""


class OutputExistsError(HrtoetsError, FileExistsError):
    """An output file exists and ``--force`` was not given."""


class InputFileError(HrtoetsError, OSError):
    """An input file is missing or unreadable."""


class RegisterError(HrtoetsError, RuntimeError):
    """The register database cannot be reached or refused the operation."""


class TemplateError(HrtoetsError, ValueError):
    """An agreement template is unknown, invalid or misses a variable."""


class DownloadError(HrtoetsError, OSError):
    """Fetching a WJP workbook over HTTP failed."""


class OsProblem(HrtoetsError, OSError):
    """The operating system refused a file operation: a full disk, no permission, a long name."""


_ADVICE = {
    errno.ENOSPC: "advice.no_space",
    errno.EDQUOT: "advice.no_space",
    errno.EROFS: "advice.not_allowed",
    errno.EACCES: "advice.not_allowed",
    errno.EPERM: "advice.not_allowed",
    errno.ENAMETOOLONG: "advice.too_long",
    errno.EEXIST: "advice.exists",
    errno.ENOTDIR: "advice.missing",
    errno.EISDIR: "advice.exists",
    errno.ENOENT: "advice.missing",
}


def printable(text: object) -> str:
    """``text`` as text any writer can store: bytes of a non-UTF-8 file name become U+FFFD."""
    shown = os.fsdecode(text) if isinstance(text, bytes) else str(text)
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def os_problem(exc: OSError, path: object = None) -> OsProblem:
    """An ``OSError`` as one sentence: the path, what the system said, and what to do.

    ``path``, when given, is what the user knows the file as (the output, not its temporary
    file); else the file the system names. Never a network problem: a full disk is a full disk.
    """
    from hrtoets.messages import Label

    path = path if path is not None else exc.filename if exc.filename is not None else "?"
    shown = printable(path)
    key = _ADVICE.get(exc.errno or -1, "advice.other")
    return OsProblem(
        "file.os_error", path=shown, error=exc.strerror or str(exc), advice=Label(key, key)
    )
