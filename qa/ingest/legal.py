"""Parse laws, regulations and other texts built from articles (第X条) into their hierarchy.

Entry point: ``parse_articles(text) -> ParsedDocument``. The parser knows the genre, not one file:

- a header: ``# title`` (or the first line), dated lines (``2017年9月1日 …会议修订``) that give the
  adoption, revision, approval, publication and effective dates, document numbers such as
  ``国务院令第802号``, and ``<!-- KEY: value -->`` comments; ``<!-- INFO END -->`` ends it where present;
- ``第X章`` chapters and ``第X节`` sections (with or without Markdown ``#``), which group articles;
- ``第X条`` at the start of a line opens an article; the lines after it are its paragraphs (款), and
  lines that start with ``（一）`` are items (项) of the paragraph above.

Broken input never gives a silent partial document. Errors (``ParseError`` with the line): no articles,
an article number that jumps or repeats, an empty article, chapters out of order, text outside any
article. Warnings (kept in ``ParsedDocument.warnings``, each naming the line): chapter headings
with no articles (a table of contents), unbalanced brackets in the header, items out of order.
"""

from __future__ import annotations

import re

from qa.errors import ParseError
from qa.ingest.numerals import ARABIC_DATE_RE, CN_DATE_RE, chinese_date, numeral_or_error
from qa.ingest.structure import HeaderEvent, ParsedDocument, ParsedItem, ParsedLine, ParseWarning, clean_line

_NUM = r"[零〇一二两三四五六七八九十百千\d０-９]+"
CHAPTER_RE = re.compile(rf"^(?:#{{1,6}}\s*)?第({_NUM})章\s*(.*)$")
SECTION_RE = re.compile(rf"^(?:#{{1,6}}\s*)?第({_NUM})节\s*(.*)$")
ARTICLE_RE = re.compile(rf"^第({_NUM})条(?:[\s\u3000:：]+|$)(.*)$")
ITEM_RE = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$")
TITLE_RE = re.compile(r"^#\s+(.+)$")
COMMENT_RE = re.compile(r"^<!--\s*([A-Za-z_ ]+?)\s*(?::\s*(.*?))?\s*-->$")
DOC_NUMBER_RE = re.compile(r"(?:中华人民共和国)?(?:国务院令|主席令|国务院公告)第\d+号|[\u4e00-\u9fff]{2,8}〔\d{4}〕\d+号")
# The action of a dated header line is named by its last verb: "…通过" adopted, "…修订" revised …
ACTIONS = (("修正", "amended"), ("修订", "revised"), ("通过", "adopted"), ("批准", "approved"), ("公布", "published"),
           ("发布", "published"), ("印发", "issued"), ("施行", "effective"))
EFFECTIVE_RE = re.compile(r"自(\d{4}年\d{1,2}月\d{1,2}日|[○〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
                          r"[一二三四五六七八九十]{1,3}日)起施行")


def _heading(label: str, title: str) -> str:
    title = re.sub(r"\s+", "", title)  # 总 则 -> 总则
    return f"{label} {title}".strip()


def _header(lines: list[str], doc: ParsedDocument, end: int) -> None:
    for i in range(end):
        line, line_no = lines[i], i + 1
        if not line or (m := TITLE_RE.match(line)) and i == _first_nonempty(lines):
            continue
        if m := COMMENT_RE.match(line):
            key = m.group(1).strip().upper()
            if key != "INFO END":
                doc.comments[key] = (m.group(2) or "").strip()
            continue
        if line.count("（") + line.count("(") != line.count("）") + line.count(")"):
            doc.warnings.append(ParseWarning(line_no, f"unbalanced bracket in the header line {line[:40]!r}"))
        for number in DOC_NUMBER_RE.findall(line):
            doc.doc_number = number.removeprefix("中华人民共和国")  # the last (latest) number wins
        dated = ARABIC_DATE_RE.match(line) or CN_DATE_RE.match(line)
        if dated:
            action = next((en for zh, en in ACTIONS if zh in line), None)
            if action is None:
                doc.warnings.append(ParseWarning(line_no, f"dated header line names no action: {line[:40]!r}"))
                continue
            doc.events.append(HeaderEvent(date=chinese_date(dated.group(0)), action=action, text=line, line=line_no))


def _first_nonempty(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line), 0)


def parse_articles(text: str, *, title: str | None = None) -> ParsedDocument:
    """Parse a text of articles; raise ``ParseError`` naming the line on anything that cannot be read.

    Args:
        text: the whole source text (any line endings; a BOM is ignored).
        title: the document title when the text has no ``# title`` line.

    Returns:
        ``ParsedDocument`` with one ``ParsedItem`` per article (id ``article-<n>``, kind ``article``,
        ``group_path`` = its chapter and section headings, ``lines`` = its paragraphs and items).

    Example:
        >>> doc = parse_articles("# 示例条例\\n\\n第一条 为了示范，制定本条例。\\n\\n第二条 本条例自2024年5月1日起施行。")
        >>> [it.id for it in doc.items], doc.events[0].date
        (['article-1', 'article-2'], '2024-05-01')
    """
    if not text or not text.strip():
        raise ParseError("the document is empty; give the text of a law or regulation", line=1)
    lines = [clean_line(line) for line in text.splitlines()]
    first = _first_nonempty(lines)
    m = TITLE_RE.match(lines[first])
    doc_title = title or (m.group(1).strip() if m else None)
    body_start = next((i + 1 for i, line in enumerate(lines) if COMMENT_RE.match(line)
                       and COMMENT_RE.match(line).group(1).strip().upper() == "INFO END"), None)
    # Without the marker the header ends where the first chapter or article begins.
    first_structural = next((i for i, line in enumerate(lines) if ARTICLE_RE.match(line) or CHAPTER_RE.match(line)), None)
    if first_structural is None:
        raise ParseError("no articles found: expected lines that start with '第一条' (第X条)", line=len(lines) or 1)
    header_end = body_start if body_start is not None and body_start <= first_structural + 1 else first_structural
    if doc_title is None:
        candidates = [line for line in lines[:header_end] if line and not COMMENT_RE.match(line)]
        if not candidates:
            raise ParseError("no title: put '# 标题' on the first line or pass --title", line=1)
        doc_title = candidates[0].lstrip("# ").strip()
    doc = ParsedDocument(structure="articles", title=doc_title)
    for i in range(header_end, len(lines)):  # comments after the marker belong to the header too
        if lines[i] and not COMMENT_RE.match(lines[i]):
            break
    else:
        i = len(lines)
    _header(lines, doc, i)
    _body(lines, i, doc)
    _effective_from_text(doc)
    return doc


def _body(lines: list[str], start: int, doc: ParsedDocument) -> None:
    chapters: list[dict] = []  # {"number", "heading", "line", "articles"}
    section: str | None = None
    current: ParsedItem | None = None
    paragraph = 0
    item_expected = 1
    for i in range(start, len(lines)):
        line, line_no = lines[i], i + 1
        if not line:
            continue
        if COMMENT_RE.match(line):
            continue
        if m := CHAPTER_RE.match(line):
            number = numeral_or_error(m.group(1), line=line_no, what="chapter number")
            chapters.append({"number": number, "heading": _heading(f"第{m.group(1)}章", m.group(2)),
                             "line": line_no, "articles": 0})
            section, current = None, None
            continue
        if m := SECTION_RE.match(line):
            section = _heading(f"第{m.group(1)}节", m.group(2))
            current = None
            continue
        if m := ARTICLE_RE.match(line):
            number = numeral_or_error(m.group(1), line=line_no, what="article number")
            expected = len(doc.items) + 1
            if number != expected:
                problem = "repeats" if number < expected else "jumps"
                raise ParseError(f"article number {problem}: 第{m.group(1)}条 is article {number}, expected article "
                                 f"{expected}; fix the source with a repair (repairs.json)", line=line_no)
            group = tuple(x for x in ((chapters[-1]["heading"] if chapters else None), section) if x)
            current = ParsedItem(id=f"article-{number}", kind="article", number=number, group_path=group, title=None,
                                 text="", first_line=line_no, last_line=line_no)
            doc.items.append(current)
            if chapters:
                chapters[-1]["articles"] += 1
            paragraph, item_expected = 0, 1
            body = m.group(2).strip()
            if body:
                paragraph = 1
                current.lines.append(ParsedLine("paragraph", 1, None, body, line_no))
            continue
        if line.startswith("#"):
            raise ParseError(f"a heading that is neither 第X章 nor 第X节: {line[:40]!r}", line=line_no)
        if current is None:
            raise ParseError(f"text outside any article: {line[:40]!r}", line=line_no)
        if (m := ITEM_RE.match(line)) and paragraph:
            number = numeral_or_error(m.group(1), line=line_no, what="item number")
            if number != item_expected:
                doc.warnings.append(ParseWarning(line_no, f"item （{m.group(1)}） of {current.id} out of order: "
                                                          f"expected item {item_expected}"))
            item_expected = number + 1
            current.lines.append(ParsedLine("item", paragraph, number, line, line_no))
        else:
            paragraph += 1
            item_expected = 1
            current.lines.append(ParsedLine("paragraph", paragraph, None, line, line_no))
        current.last_line = line_no
    if not doc.items:
        raise ParseError("no articles found: expected lines that start with '第一条' (第X条)", line=len(lines))
    for item in doc.items:
        if not item.lines:
            raise ParseError(f"{item.id} (第{item.number}条) has no text", line=item.first_line)
        item.text = "\n".join(ln.text for ln in item.lines)
    _check_chapters(chapters, doc)


def _check_chapters(chapters: list[dict], doc: ParsedDocument) -> None:
    """Drop empty chapter headings (a table of contents) with a warning; real chapters must run 1, 2, 3 …"""
    real = [c for c in chapters if c["articles"]]
    for c in chapters:
        if c["articles"]:
            continue
        twin = next((r for r in real if r["number"] == c["number"] and r["heading"] == c["heading"]), None)
        if twin:
            doc.warnings.append(ParseWarning(c["line"], f"chapter heading {c['heading']!r} has no articles; it repeats "
                                                        f"line {twin['line']} (a table of contents) and is ignored"))
        else:
            doc.warnings.append(ParseWarning(c["line"], f"chapter {c['heading']!r} has no articles"))
    for n, c in enumerate(real, 1):
        if c["number"] != n:
            raise ParseError(f"chapter {c['heading']!r} is out of order: expected chapter {n}", line=c["line"])
    doc.chapters = [(c["heading"], c["line"]) for c in real]


def _effective_from_text(doc: ParsedDocument) -> None:
    """``本法自2025年5月20日起施行`` in the last articles is the effective date as the text states it."""
    for item in reversed(doc.items[-3:]):
        if m := EFFECTIVE_RE.search(item.text):
            doc.events.append(HeaderEvent(date=chinese_date(m.group(1)), action="effective",
                                          text=m.group(0), line=item.first_line))
            return
