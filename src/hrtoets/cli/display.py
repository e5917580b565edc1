"""Showing text that users typed: as data, never as markup or terminal commands.

Titles, partners, notes, officers and file names end up in the register and come back years later,
on other people's terminals. Rich markup (``[/b]``) and emoji codes (``:smile:``) in them stay
literal text, and control characters (ESC sequences, OSC hyperlinks, BEL, backspace, CR) are shown
escaped, so stored text can neither crash the output nor rewrite what the screen shows. What is
stored is never changed: only its display is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from rich.text import Text

# C0 controls but tab and newline, DEL, and the C1 controls (U+0080–U+009F: ESC's 8-bit twins).
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def escape_controls(text: str) -> str:
    """``text`` with every control character written as its escape (ESC → ``\\x1b``)."""
    return _CONTROL.sub(_escaped, text)


def plain(text: str) -> Text:
    """User text as a Rich ``Text``: no markup, no emoji codes, controls escaped."""
    from rich.text import Text

    return Text(escape_controls(text))
