"""Parse stage entry point: pick the parser for a text's structure.

``parse(text) -> ParsedDocument``: texts with ``第X条`` articles go to ``qa.ingest.legal``; municipal
work plans (a ``关于印发…的通知`` notice, then ``一、`` sections with numbered measures) to
``qa.ingest.workplan``. ``structure`` forces one; anything that fits neither raises ``ParseError``.
"""

from __future__ import annotations

import re

from qa.errors import ParseError
from qa.ingest.legal import ARTICLE_RE, parse_articles
from qa.ingest.structure import ParsedDocument, clean_line
from qa.ingest.workplan import NOTICE_RE, parse_workplan

STRUCTURES = ("articles", "workplan")


def detect_structure(text: str) -> str:
    """``articles`` or ``workplan``; ``ParseError`` when the text has neither shape."""
    lines = [clean_line(line) for line in text.splitlines()]
    if sum(1 for line in lines if ARTICLE_RE.match(line)) >= 1:
        return "articles"
    if any(NOTICE_RE.match(line) for line in lines) and any(re.match(r"^[一二三四五六七八九十]+、", line) for line in lines):
        return "workplan"
    raise ParseError("the text has neither articles (lines starting 第一条, 第二条 …) nor the shape of a work plan "
                     "(a 关于印发…的通知 notice, then 一、 sections with numbered measures)", line=1)


def parse(text: str, *, structure: str | None = None, title: str | None = None) -> ParsedDocument:
    """Parse ``text`` as ``structure`` (detected when None); raises ``ParseError`` with the line on failure."""
    if not text or not text.strip():
        raise ParseError("the document is empty", line=1)
    structure = structure or detect_structure(text)
    if structure not in STRUCTURES:
        raise ParseError(f"unknown structure {structure!r}; use one of {', '.join(STRUCTURES)}", line=1)
    return parse_articles(text, title=title) if structure == "articles" else parse_workplan(text)
