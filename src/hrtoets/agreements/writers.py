"""One document, four formats: Word, Markdown, HTML and plain text, chosen by the extension.

Word is built with python-docx from the document model, using the styles of its default template
(Title, Heading 1, List Number, Strong) rather than hand formatting, so an officer's own Word
styles restyle the whole agreement. Values go in as text runs: the XML layer escapes ``&``, ``<``
and ``>``, and nothing is parsed as a template after the values are in (docxtpl's trap, where a
partner called "Smith & Zonen <BV>" can silently cut the rest of the document away, cannot occur).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
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


# The document language Word checks spelling in: Belgian Dutch, British English.
WORD_LANGUAGES: Final = {"nl": "nl-BE", "en": "en-GB"}
_LANG_ATTRIBUTE: Final = re.compile(rb'(<w:(?:lang|themeFontLang)\b[^>]*?\sw:val=")[^"]*(")')


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a file says about itself: who made it (the organisation) and when."""

    author: str
    moment: dt.datetime


def write_docx(document: Document, path: Path, info: DocumentInfo | None = None) -> None:
    """A Word agreement as a Belgian office expects it: A4 with 2.5 cm margins, the document
    language nl-BE or en-GB (so Word checks the right spelling), the organisation as author and
    now as the time, nothing left of python-docx's template defaults; title, numbered parties,
    article headings, a signature table.

    The page, the language and the application are set once per process and language in an empty
    base document; each agreement opens that base (what ``docx.Document()`` costs anyway). Styles
    are set by their ids: python-docx looks a style up by name by scanning every style, which
    made a 1,000-document merge half again slower than a bare python-docx loop.
    """
    import docx

    language = WORD_LANGUAGES.get(document.lang, document.lang)
    author = info.author if info else ""
    word = docx.Document(io.BytesIO(_base_document(language, author)))
    moment = info.moment if info else dt.datetime.now(dt.UTC)
    props = word.core_properties
    props.title = document.title
    props.language = language
    props.author = props.last_modified_by = author
    props.comments = props.subject = props.keywords = props.category = ""
    props.created = props.modified = moment.astimezone(dt.UTC).replace(microsecond=0)
    props.revision = 1
    _styled(word, document.title, "Title")
    for block in document.blocks:
        if isinstance(block, Paragraph):
            word.add_paragraph(block.text)
        elif isinstance(block, Parties):
            for party in block.parties:
                _styled(word, party, "ListNumber")
        elif isinstance(block, Article):
            _styled(word, f"{block.label} – {block.heading}", "Heading1")
            for text in block.paragraphs:
                word.add_paragraph(text)
        else:
            _docx_signatures(word, block)
    # Saved in memory, then written in one go: a full disk fails in a write hrtoets closes,
    # not inside python-docx's zip writer, which would leave its file open.
    buffer = io.BytesIO()
    word.save(buffer)
    path.write_bytes(buffer.getvalue())


def _styled(word: Any, text: str, style_id: str) -> None:
    """A paragraph in the style with id ``style_id`` (Title, ListNumber, Heading1)."""
    word.add_paragraph(text)._p.style = style_id


@functools.cache
def _base_document(language: str, company: str) -> bytes:
    """The empty agreement every Word file starts from: A4, 2.5 cm margins, ``language``."""
    import docx
    from docx.shared import Cm, Mm

    word = docx.Document()
    for section in word.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.5))
    _set_language(word, language)
    _set_application(word, company)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


_APP_XML: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>hrtoets</Application><Company>{company}</Company></Properties>"
)


def _set_application(word: Any, company: str) -> None:
    """docProps/app.xml names hrtoets and the organisation, not the template's Word for Mac."""
    from xml.sax.saxutils import escape

    for part in word.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _APP_XML.format(company=escape(company)).encode("utf-8")


def _set_language(word: Any, language: str) -> None:
    """Every language mark of the template (styles, the styles with effects, the theme fonts)."""
    value = language.encode("ascii")
    for part in word.part.package.iter_parts():
        if part.partname in ("/word/styles.xml", "/word/settings.xml"):
            continue
        blob = getattr(part, "_blob", None)
        if isinstance(blob, bytes) and b"w:lang" in blob:
            part._blob = _LANG_ATTRIBUTE.sub(rb"\g<1>" + value + rb"\g<2>", blob)
    qualified = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val"
    for root in (word.styles.element, word.settings.element):
        for element in root.iter():
            if str(element.tag).endswith(("}lang", "}themeFontLang")):
                element.set(qualified, language)


def _docx_signatures(word: Any, block: Signatures) -> None:
    """Signatures side by side in a borderless table, one column per party."""
    table = word.add_table(rows=1, cols=len(block.signatures))
    for cell, signature in zip(table.rows[0].cells, block.signatures, strict=True):
        cell.paragraphs[0].add_run(signature.label)._r.style = "Strong"
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
    document: Document,
    path: Path,
    fmt: str,
    *,
    html: Callable[[Document], str],
    info: DocumentInfo | None = None,
) -> None:
    """Write ``document`` to ``path`` (a temporary file) in ``fmt``; ``html`` renders the page."""
    if fmt == "docx":
        write_docx(document, path, info)
        return
    renderers: dict[str, Callable[[Document], str]] = {
        "md": to_markdown,
        "html": html,
        "txt": to_text,
    }
    path.write_text(renderers[fmt](document), encoding="utf-8", newline="\n")
