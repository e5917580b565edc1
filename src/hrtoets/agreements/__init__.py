"""Agreements that carry the human-rights clause, from sandboxed Jinja2 templates.

One template per agreement and language renders to a format-neutral document (title, parties,
numbered articles, the clause article, signatures) that is written as Word, Markdown, HTML or text::

    from hrtoets.agreements import AgreementMaker
    from hrtoets.config import load_settings

    maker = AgreementMaker(load_settings())
    written = maker.render("partnership", "nl", {"partner": "Stad Rabat"}, Path("rabat.docx"))
    written.agreement.needs_advice, written.sha256
"""

from __future__ import annotations

from hrtoets.agreements.library import TemplateInfo, TemplateLibrary
from hrtoets.agreements.maker import Agreement, AgreementMaker, WrittenAgreement
from hrtoets.agreements.merge import MergedRow, MergeResult, merge
from hrtoets.agreements.model import Document
from hrtoets.agreements.variables import parse_pairs, read_data

__all__ = [
    "Agreement",
    "AgreementMaker",
    "Document",
    "MergeResult",
    "MergedRow",
    "TemplateInfo",
    "TemplateLibrary",
    "WrittenAgreement",
    "merge",
    "parse_pairs",
    "read_data",
]
