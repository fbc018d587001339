"""What a parser hands to the corpus builder: a document's header facts and its items, still Chinese only."""

from __future__ import annotations

from dataclasses import dataclass, field

# Spaces (ideographic and no-break too), carriage returns and a BOM around a source line carry nothing.
_LINE_PADDING = " \t\u3000\u00a0\r\ufeff"


def clean_line(line: str) -> str:
    """A source line without the padding around it (the parsers and the corpus builder read lines this way)."""
    return line.strip(_LINE_PADDING)


@dataclass(frozen=True)
class ParseWarning:
    """Something odd but recoverable in a source text, with its 1-based line number."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ParsedLine:
    """One 款 (paragraph) or （一） item (项) of an article, as it stands on its source line."""

    kind: str  # "paragraph" or "item"
    paragraph: int  # 1-based paragraph number inside the article
    item: int | None  # 1-based item number inside the paragraph, for items
    text: str
    line: int


@dataclass
class ParsedItem:
    """One clause-to-be: a work-plan measure/goal/…, or a law's article."""

    id: str
    kind: str
    number: int | None
    group_path: tuple[str, ...]
    title: str | None
    text: str
    first_line: int
    last_line: int
    lines: list[ParsedLine] = field(default_factory=list)  # articles only: paragraphs and items in order


@dataclass(frozen=True)
class HeaderEvent:
    """A dated line of a header: ``2017年9月1日 …会议修订`` -> (2017-09-01, revised, the line)."""

    date: str
    action: str  # adopted, revised, amended, approved, published, effective, issued, signed
    text: str
    line: int


@dataclass
class ParsedDocument:
    """A parsed source text: header facts, items in order, warnings. Never a partial document."""

    structure: str  # "workplan" or "articles"
    title: str
    items: list[ParsedItem] = field(default_factory=list)
    doc_number: str | None = None
    issuer: str | None = None
    signed: str | None = None
    published: str | None = None
    source: str | None = None
    events: list[HeaderEvent] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)  # <!-- KEY: value --> lines of the header
    chapters: list[tuple[str, int]] = field(default_factory=list)  # (heading, line)
    warnings: list[ParseWarning] = field(default_factory=list)

    def stated_dates(self) -> dict[str, str]:
        """The dates the text states of itself, by action (adopted, effective …; ``signed`` for a work plan)."""
        dates = {e.action: e.date for e in self.events}
        if self.signed:
            dates.setdefault("signed", self.signed)
        return dates

    def counts(self) -> dict[str, int]:
        """Chapters, articles (or clauses), paragraphs and items: the numbers an ingest report shows."""
        return {"chapters": len(self.chapters), "clauses": len(self.items),
                "paragraphs": sum(1 for it in self.items for ln in it.lines if ln.kind == "paragraph"),
                "items": sum(1 for it in self.items for ln in it.lines if ln.kind == "item")}
