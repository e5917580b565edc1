"""The standard streams, whatever the terminal, the file or the pipe behind them does.

- A stream that cannot encode a character (Windows redirecting to a file in cp1252) gets a
  replacement character, never a traceback: the result is still readable.
- A reader that goes away (``hrtoets check België | head -1``) is no error: hrtoets stops
  quietly with exit 0, as ``head`` expects.
- A stream that cannot be written (``>/dev/full``) or is closed (``>&-``) is one sentence on
  stderr and exit 2: the result was asked for and could not be delivered.
- SIGTERM stops a command as Ctrl-C does (``finally`` blocks remove temporary files), exit 143.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from hrtoets.errors import HrtoetsError

if TYPE_CHECKING:
    from rich.console import Console


class OutputStreamError(HrtoetsError, OSError):
    """Standard output is closed or cannot be written."""


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: stop as for Ctrl-C, with exit code 143."""


def prepare() -> None:
    """Before a command runs: replacements for unencodable text; a closed stdout is refused."""
    if sys.stderr is None:  # started with 2>&-: errors have nowhere to go, and must not crash
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - for the process
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
                reconfigure(errors="replace")
    if sys.stdout is None:
        raise OutputStreamError("stream.stdout_closed")


def reader_gone() -> None:
    """The reader of stdout went away: point stdout at the null device, so that nothing more
    (not even Python's last flush at exit) tries to write to the broken pipe."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class GuardedStream:
    """A text stream (stdout) whose failures are a sentence, not a traceback.

    A character the stream cannot encode is replaced; a reader that left raises
    ``BrokenPipeError`` for the boundary to end quietly; any other error (a full disk, a closed
    file) is :class:`OutputStreamError`. ``quiet`` (stderr) drops what cannot be written: there
    is nowhere left to say it.
    """

    def __init__(self, stream: TextIO, *, quiet: bool = False) -> None:
        self._stream = stream
        self._quiet = quiet

    def write(self, text: str) -> int:
        try:
            try:
                return self._stream.write(text)
            except UnicodeEncodeError:
                encoding = getattr(self._stream, "encoding", None) or "utf-8"
                return self._stream.write(text.encode(encoding, "replace").decode(encoding))
        except BrokenPipeError:
            if self._quiet:
                return len(text)
            raise
        except OSError as exc:
            if self._quiet:
                return len(text)
            raise cannot_write(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            if not self._quiet:
                raise
        except OSError as exc:
            if not self._quiet:
                raise cannot_write(exc) from exc

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, fileno … as the stream has them
        return getattr(self._stream, name)


def console(*, stderr: bool = False) -> Console:
    """A Rich console on stdout (or stderr) behind a :class:`GuardedStream`.

    Rich's own answer to a reader that left is exit 1; here it is the boundary's quiet exit 0.
    """
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            if not stderr:
                raise BrokenPipeError

    stream = GuardedStream(sys.stderr, quiet=True) if stderr else GuardedStream(sys.stdout)
    return _Console(file=stream, stderr=stderr, highlight=False, emoji=False)  # type: ignore[arg-type]


def cannot_write(exc: OSError) -> OutputStreamError:
    """Standard output refused a write (a full disk, a closed file)."""
    return OutputStreamError("stream.cannot_write", error=exc.strerror or str(exc))


def terminate_on_sigterm() -> None:
    """SIGTERM raises :class:`Terminated` in the main thread (``kill``, a service manager)."""

    def handler(_signum: int, _frame: FrameType | None) -> None:
        raise Terminated

    with contextlib.suppress(ValueError):  # not the main thread
        signal.signal(signal.SIGTERM, handler)


def flush_at_exit() -> int | None:
    """Flush stdout before the interpreter does; the exit code it calls for, if any."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        reader_gone()
        return 0
    except OSError as exc:
        from hrtoets.cli.session import error_lang
        from hrtoets.messages import t

        reader_gone()  # the failed buffer must not be flushed again at exit
        text = t("stream.cannot_write", error_lang(None), error=exc.strerror)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.write(text + "\n")
        return 2
    return None
