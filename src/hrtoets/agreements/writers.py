"""One document, four formats: Word, Markdown, HTML and plain text, chosen by the extension.

Word is built with python-docx from the document model, using the styles of its default template
(Title, Heading 1, List Number, Strong) rather than hand formatting, so an officer's own Word
styles restyle the whole agreement. Values go in as text runs: the XML layer escapes ``&``, ``<``
and ``>``, and nothing is parsed as a template after the values are in (docxtpl's trap, where a
partner called "Smith & Zonen <BV>" can silently cut the rest of the document away, cannot occur).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

from hrtoets.agreements.model import Article, Document, Paragraph, Parties, Signatures
from hrtoets.errors import InputError

FORMATS: Final = {".docx": "docx", ".md": "md", ".html": "html", ".htm": "html", ".txt": "txt"}
SUFFIXES: Final = {"docx": ".docx", "md": ".md", "html": ".html", "txt": ".txt"}


def format_of(path: Path) -> str:
    """The output format for ``path`` by its extension, or one sentence listing the choices."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            "agreements.bad_format", suffix=path.suffix or path.name, choices=", ".join(FORMATS)
        )
    return fmt


def write_docx(document: Document, path: Path) -> None:
    """A Word agreement: title, numbered parties, article headings, a signature table."""
    import docx

    word = docx.Document()
    word.core_properties.title = document.title
    word.core_properties.language = document.lang
    word.add_paragraph(document.title, style="Title")
    for block in document.blocks:
        if isinstance(block, Paragraph):
            word.add_paragraph(block.text)
        elif isinstance(block, Parties):
            for party in block.parties:
                word.add_paragraph(party, style="List Number")
        elif isinstance(block, Article):
            word.add_heading(f"{block.label} – {block.heading}", level=1)
            for text in block.paragraphs:
                word.add_paragraph(text)
        else:
            _docx_signatures(word, block)
    # Saved in memory, then written in one go: a full disk fails in a write hrtoets closes,
    # not inside python-docx's zip writer, which would leave its file open.
    buffer = io.BytesIO()
    word.save(buffer)
    path.write_bytes(buffer.getvalue())


def _docx_signatures(word: Any, block: Signatures) -> None:
    """Signatures side by side in a borderless table, one column per party."""
    table = word.add_table(rows=1, cols=len(block.signatures))
    for cell, signature in zip(table.rows[0].cells, block.signatures, strict=True):
        cell.paragraphs[0].add_run(signature.label, style="Strong")
        for line in signature.lines:
            cell.add_paragraph(line)


def to_text(document: Document) -> str:
    """Plain text: underlined title and headings, numbered parties, no markup at all."""
    out = [document.title, "=" * len(document.title), ""]
    for block in document.blocks:
        if isinstance(block, Paragraph):
            out += [block.text, ""]
        elif isinstance(block, Parties):
            out += [f"{n}. {party}" for n, party in enumerate(block.parties, 1)] + [""]
        elif isinstance(block, Article):
            heading = f"{block.label} – {block.heading}"
            out += [heading, "-" * len(heading), *_spaced(block.paragraphs)]
        else:
            for signature in block.signatures:
                out += [signature.label, *signature.lines, ""]
    return "\n".join(out).rstrip("\n") + "\n"


_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>#|&~!])")
_MD_LINE_START: Final = re.compile(r"^(\d+)([.)])|^([-+=])")


def md_escape(text: str) -> str:
    """``text`` as literal Markdown: no value turns into markup, HTML or a list."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def md_unescape(text: str) -> str:
    """Undo :func:`md_escape` (what a Markdown renderer shows)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def to_markdown(document: Document) -> str:
    """Markdown: ``#`` title, ``##`` articles, a numbered list of parties, every value escaped."""
    out = [f"# {md_escape(document.title)}", ""]
    for block in document.blocks:
        if isinstance(block, Paragraph):
            out += [md_escape(block.text), ""]
        elif isinstance(block, Parties):
            out += [f"{n}. {md_escape(p)}" for n, p in enumerate(block.parties, 1)] + [""]
        elif isinstance(block, Article):
            out += [f"## {md_escape(f'{block.label} – {block.heading}')}", ""]
            out += _spaced(md_escape(text) for text in block.paragraphs)
        else:
            for signature in block.signatures:
                lines = [f"**{md_escape(signature.label)}**"]
                lines += [md_escape(line) for line in signature.lines]
                out += ["\\\n".join(lines), ""]  # a backslash at the end: a hard line break
    return "\n".join(out).rstrip("\n") + "\n"


def _spaced(paragraphs: Iterable[str]) -> list[str]:
    """Each paragraph followed by a blank line."""
    spaced: list[str] = []
    for text in paragraphs:
        spaced += [text, ""]
    return spaced


def write_document(
    document: Document, path: Path, fmt: str, *, html: Callable[[Document], str]
) -> None:
    """Write ``document`` to ``path`` (a temporary file) in ``fmt``; ``html`` renders the page."""
    if fmt == "docx":
        write_docx(document, path)
        return
    renderers: dict[str, Callable[[Document], str]] = {
        "md": to_markdown,
        "html": html,
        "txt": to_text,
    }
    path.write_text(renderers[fmt](document), encoding="utf-8", newline="\n")
