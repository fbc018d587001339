"""Parse the text of a Chinese government work plan (工作方案) into its hierarchy.

Entry point: ``parse_workplan(text) -> ParsedDocument``. The parser knows the shape of
the genre, not the offsets of one file:

- a header (site navigation, publication date, 文号, the 印发 notice, issuer, date);
- ``一、`` sections, ``（一）`` sub-sections (numerals lost in a scrape are restored by
  order), ``1.`` numbered items that keep counting across the sub-sections of a section;
- the kind of each item (guiding / principle / goal / measure / requirement) follows
  from the heading it sits under.

Anything that does not fit raises ``ParseError`` with the line number: a partial plan
is never returned.
"""

from __future__ import annotations

import re

from qa.errors import ParseError
from qa.ingest.numerals import CN_DATE_RE, ISO_DATE_RE, chinese_date, to_int
from qa.ingest.structure import ParsedDocument, ParsedItem, clean_line

SECTION_RE = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
SUBSECTION_RE = re.compile(r"^[（(]([一二三四五六七八九十]*)[）)](.*)$")
ITEM_RE = re.compile(r"^(\d{1,3})[.．、](?!\d)\s*(.*)$")
DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}〔\d{4}〕\d+号$")
NOTICE_RE = re.compile(r"^关于印发《?(.+?)》?的通知$")
SOURCE_RE = re.compile(r"^信息来源[:：]\s*(.+)$")

# Heading keyword -> clause kind. Order matters: the first match wins.
SUBSECTION_KINDS = (("指导思想", "guiding"), ("基本原则", "principle"))
SECTION_KINDS = (("目标", "goal"), ("措施", "measure"), ("要求", "requirement"),
                 ("保障", "requirement"), ("原则", "principle"), ("指导思想", "guiding"))


def _heading_text(text: str) -> str:
    return text.strip().rstrip("。.,，:：;；")


def _split_inline(text: str) -> tuple[str, str]:
    """Split ``发展规模目标:民营经济…`` or ``建立…机制。由市…`` into heading and body."""
    m = re.match(r"^(.+?)([:：。])(.*)$", text)
    if not m or not m.group(3).strip():
        return _heading_text(text), ""
    return m.group(1).strip(), m.group(3).strip()


def _kind_for(heading: str, table: tuple[tuple[str, str], ...]) -> str | None:
    for keyword, kind in table:
        if keyword in heading:
            return kind
    return None


def parse_workplan(text: str) -> ParsedDocument:
    """Parse a work plan; raise ``ParseError`` naming the line on anything malformed.

    Example:
        >>> plan = parse_workplan(open("corpus/suifuban-2007-42/source.txt").read())  # doctest: +SKIP
        >>> plan.items[0].id
        'preamble'
    """
    if not text or not text.strip():
        raise ParseError("the document is empty; give the text of a work plan", line=1)
    lines = [clean_line(line) for line in text.splitlines()]
    header = _parse_header(lines)
    plan = ParsedDocument(structure="workplan", title=header["title"], doc_number=header["doc_number"],
                          issuer=header["issuer"], signed=header["signed"], published=header.get("published"))
    plan.items.append(header["preamble"])
    plan.source = _parse_body(lines, header["body_start"], plan)
    _check_complete(plan, len(lines))
    return plan


def _parse_header(lines: list[str]) -> dict:
    found: dict = {}
    notice_line = None
    for i, line in enumerate(lines):
        if ISO_DATE_RE.match(line) and "published" not in found:
            found["published"] = line
        elif DOC_NUMBER_RE.match(line) and "doc_number" not in found:
            found["doc_number"] = line
        elif NOTICE_RE.match(line):
            found["title"] = NOTICE_RE.match(line).group(1)
            notice_line = i
            break
    if notice_line is None:
        raise ParseError("no '关于印发…的通知' line found: the header of the plan is missing", line=1)
    if "doc_number" not in found:
        raise ParseError("no document number like '穗府办〔2007〕42号' before the notice", line=notice_line + 1)
    # The notice runs until the issuer line followed by a Chinese date.
    notice_lines: list[str] = []
    for j in range(notice_line + 1, len(lines)):
        if CN_DATE_RE.fullmatch(lines[j]):
            issuer_idx = max(k for k in range(notice_line + 1, j) if lines[k]) if j > notice_line + 1 else None
            if issuer_idx is None:
                raise ParseError("the signing date has no issuer line above it", line=j + 1)
            found["issuer"] = lines[issuer_idx]
            found["signed"] = chinese_date(lines[j])
            notice_lines = [x for x in lines[notice_line + 1:issuer_idx] if x]
            body_start = j + 1
            break
    else:
        raise ParseError("the notice has no signing date like '二○○七年十月十一日'", line=notice_line + 1)
    # After the date the title is repeated, then comes the plan's own opening paragraph.
    k = body_start
    while k < len(lines) and (not lines[k] or lines[k] == found["title"]):
        k += 1
    intro: list[str] = []
    while k < len(lines) and lines[k] and not SECTION_RE.match(lines[k]):
        intro.append(lines[k])
        k += 1
    if not notice_lines:
        raise ParseError("the notice has no text", line=notice_line + 2)
    preamble = ParsedItem(id="preamble", kind="preamble", number=None, group_path=(),
                          title=lines[notice_line], text="".join(notice_lines + intro),
                          first_line=notice_line + 1, last_line=k)
    found["preamble"] = preamble
    found["body_start"] = k
    return found


def _parse_body(lines: list[str], start: int, plan: ParsedDocument) -> str | None:
    section: tuple[int, str] | None = None
    section_kind: str | None = None
    subsection: str | None = None
    sub_expected = 1
    sub_kind: str | None = None
    sections_seen = 0
    counters: dict[str, int] = {}
    current: ParsedItem | None = None
    source = None

    def new_item(kind: str, number: int | None, title: str | None, body: str, line_no: int) -> ParsedItem:
        item_id = kind if kind == "guiding" else f"{kind}-{number}"
        group = tuple(x for x in (section[1] if section else None, subsection) if x)
        item = ParsedItem(id=item_id, kind=kind, number=number, group_path=group, title=title,
                          text=body, first_line=line_no, last_line=line_no)
        plan.items.append(item)
        return item

    for i in range(start, len(lines)):
        line, line_no = lines[i], i + 1
        if not line:
            continue
        if m := SOURCE_RE.match(line):
            source = m.group(1).strip()
            current = None
            continue
        if m := SECTION_RE.match(line):
            sections_seen += 1
            number = to_int(m.group(1))
            heading = _heading_text(m.group(2))
            if number != sections_seen:
                raise ParseError(f"section '{m.group(1)}、' out of order: expected section {sections_seen}",
                                 line=line_no)
            if not heading:
                raise ParseError(f"section '{m.group(1)}、' has no heading; write it after the numeral",
                                 line=line_no)
            section = (number, f"{m.group(1)}、{heading}")
            section_kind = _kind_for(heading, SECTION_KINDS)
            subsection, sub_kind, sub_expected, current = None, None, 1, None
            continue
        if section is None:
            raise ParseError(f"text before the first '一、' section: {line[:30]!r}", line=line_no)
        if m := SUBSECTION_RE.match(line):
            numeral, rest = m.group(1), m.group(2).strip()
            if numeral and to_int(numeral) != sub_expected:
                raise ParseError(f"sub-section （{numeral}） out of order: expected number {sub_expected}",
                                 line=line_no)
            label = "一二三四五六七八九十"[sub_expected - 1] if sub_expected <= 10 else str(sub_expected)
            sub_expected += 1
            heading, body = _split_inline(rest)
            if not heading:
                raise ParseError(f"sub-section （{label}） has no heading", line=line_no)
            kind = _kind_for(heading, SUBSECTION_KINDS)
            if body and section_kind in ("goal", "requirement"):
                # An inline item: the heading is its title, the rest its text.
                counters[section_kind] = counters.get(section_kind, 0) + 1
                subsection = None
                current = new_item(section_kind, counters[section_kind], heading, rest, line_no)
                continue
            subsection = f"（{label}）{heading}"
            sub_kind = kind
            current = None
            if kind == "guiding":
                current = new_item("guiding", None, heading, body, line_no)
            continue
        if m := ITEM_RE.match(line):
            kind = sub_kind if sub_kind in ("principle",) else section_kind
            if kind not in ("principle", "measure", "requirement", "goal"):
                raise ParseError(f"numbered item under '{section[1]}' but that heading names no known "
                                 "kind (目标/措施/要求/原则)", line=line_no)
            number = int(m.group(1))
            expected = counters.get(kind, 0) + 1
            if number != expected:
                raise ParseError(f"{kind} number jumps from {expected - 1} to {number}; expected {expected}",
                                 line=line_no)
            counters[kind] = number
            body = m.group(2).strip()
            if not body:
                raise ParseError(f"{kind} {number} has no text", line=line_no)
            current = new_item(kind, number, None, body, line_no)
            continue
        # A continuation line.
        if current is None:
            if sub_kind == "guiding" or section_kind is None:
                raise ParseError(f"text outside any clause: {line[:30]!r}", line=line_no)
            raise ParseError(f"paragraph under '{subsection or section[1]}' is not a numbered item: "
                             f"{line[:30]!r}", line=line_no)
        current.text += line
        current.last_line = line_no
    return source


def _check_complete(plan: ParsedDocument, n_lines: int) -> None:
    kinds = [item.kind for item in plan.items]
    if "measure" not in kinds:
        raise ParseError("no numbered measures found (expected a '主要措施' section with '1.' items)",
                         line=n_lines)
    for item in plan.items:
        if not item.text.strip():
            raise ParseError(f"{item.id} has no text", line=item.first_line)
