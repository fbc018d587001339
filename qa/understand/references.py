"""Clause and part references written the way people write them.

Chinese: 第12条, 第 12 条, 第１２条, 十二条, 12条, 第十二项措施, （十二）, 措施十二, 目标二, 原则一, 工作要求（三）,
第一百条, 第1条第二点, 第一条的二是, 第九条第二款, 第九条第（三）项. English: measure 12, measure #12,
Measure twelve, item No. 12, the 12th measure, twelfth measure, goal 2, principle one, article 77,
art. 9, measure 1 part 2, paragraph 2 of article 9. Numerals are read with ``cn2an``.

``find_references(text)`` returns unresolved ``Reference`` s; which document they point into is
decided by the handler (a document named in the question, the selected one, or the only one with
that kind of clause). ``resolve_clause_id`` reads a whole string as one id (for ``qa show``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.ingest.numerals import to_int
from qa.understand.spans import find_all, overlaps

CN = r"[零〇一二两三四五六七八九十百千廿卅]+"
NUM = rf"(?:(?<![\d\-－.．])\d{{1,3}}(?![\d.．]\d)|{CN})"  # 第1.5条 names no clause 5 (nor 1)
_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "thirtieth": 30}
_EN_UNITS = "|".join(_WORDS[1:] + list(_ORDINALS))
EN_NUM = (rf"(?:(?:(?!(?:19|20)\d\d)\d{{4}}|\d{{1,3}})(?:st|nd|rd|th)?|(?:{'|'.join(_TENS)})(?:[- ](?:{_EN_UNITS}))?|{_EN_UNITS}"
          rf"|hundredth|one hundred)")

KIND_WORDS_ZH = {"措施": "measure", "举措": "measure", "目标": "goal", "原则": "principle", "要求": "requirement"}
EN_KINDS = {"measure": "measure", "measures": "measure", "measrue": "measure", "meausre": "measure", "mesure": "measure",
            "item": "measure", "goal": "goal", "target": "goal",
            "principle": "principle", "requirement": "requirement", "article": "article", "art": "article",
            "clause": None, "section": None, "sec": None}
# A part is an article's 款 / 项, or a work plan's 一是…二是 point.
PART_ZH = (rf"(?:(?:的|里头|里面|里|当中|中|之)?\s*(?:第\s*(?P<part>{NUM})\s*(?P<pkind>点|款|部分|个方面|项)"
           rf"|第?\s*[（(]\s*(?P<item>{NUM})\s*[）)]\s*项?|(?P<shi>{CN})是))")


@dataclass(frozen=True)
class Reference:
    """A clause (and maybe a part) named in a question; ``kind`` None = a bare number (第12条, 12条)."""

    kind: str | None  # measure, goal, principle, requirement, article, guiding, preamble, or None
    number: int | None
    start: int
    end: int
    text: str
    part: int | None = None
    part_kind: str | None = None  # point (一是/第二点), paragraph (款), item (项)
    out_of_range_ok: bool = True  # False for forms too vague to report "no such clause" (（三）)
    part_only: bool = False  # 第三点 / 第二项 alone: a part (or list position) of the clause under discussion
    documents_hint: str | None = None  # the document a follow-up's reference points into
    last: bool = False  # "the last measure" / 最后一条: ``number`` is filled in once the document is known


def number_value(text: str) -> int:
    """'12', '十二', '１２', 'twelve', 'twenty-one', '12th', 'twelfth' -> int; ``ValueError`` otherwise."""
    t = text.strip().lower().replace("-", " ")
    if t in _ORDINALS:
        return _ORDINALS[t]
    if m := re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", t):
        return int(m.group(1))
    if t in _WORDS:
        return _WORDS.index(t)
    if t == "one hundred" or t == "hundredth":
        return 100
    parts = t.split()
    if parts and parts[0] in _TENS:
        rest = parts[1] if len(parts) > 1 else ""
        return _TENS[parts[0]] + (_WORDS.index(rest) if rest in _WORDS else _ORDINALS.get(rest, 0))
    return to_int(text)


# (regex, kind); named groups: n = clause number, part/pkind/item/shi = part. Kind-specific forms first.
_ZH_PATTERNS: tuple[tuple[str, str | None], ...] = (
    (rf"(?:主要)?目标\s*(?:第\s*)?(?P<n>{NUM})(?:\s*[条项点个])?", "goal"),
    (rf"第\s*(?P<n>{NUM})\s*(?:个|项|条)?\s*(?:主要)?目标", "goal"),
    (rf"(?:主要|发展)?目标\s*[（(]\s*(?P<n>{NUM})\s*[）)]", "goal"),
    (rf"(?:基本)?原则\s*(?:第\s*)?(?P<n>{NUM})(?:\s*[条项点])?", "principle"),
    (rf"第\s*(?P<n>{NUM})\s*(?:条|项|个)?\s*(?:基本)?原则", "principle"),
    (rf"(?:基本)?原则\s*[（(]\s*(?P<n>{NUM})\s*[）)]", "principle"),
    (rf"(?:工作)?要求\s*(?:第\s*)?(?P<n>{NUM})(?:\s*[条项点])?", "requirement"),
    (rf"第\s*(?P<n>{NUM})\s*(?:条|项|个)?\s*(?:工作)?要求", "requirement"),
    (rf"(?:工作)?要求\s*[（(]\s*(?P<n>{NUM})\s*[）)]", "requirement"),
    (rf"第\s*(?P<n>{NUM})\s*(?:项|条)\s*措施{PART_ZH}?", "measure"),
    # (主要措施第九部分 is the plan's ninth group of measures, not measure 9: cues.GROUP_REF.)
    (rf"(?:措施|举措)\s*(?:第\s*)?(?P<n>{NUM})(?!\s*(?:部分|组|大类|类|块))(?:\s*[条项])?{PART_ZH}?", "measure"),
    (rf"(?:措施|举措)\s*[（(]\s*(?P<n>{NUM})\s*[）)]{PART_ZH}?", "measure"),  # 措施（二十六）
    (rf"第\s*(?P<n>{NUM})\s*条\s*{PART_ZH}?", None),
    # 第9999条: a long number is still a clause number between 第 and 条 (out of range, said so).
    (r"第\s*(?P<n>(?<!\d)\d{4,30}(?!\d))\s*条", None),
    # 跳 for 条 (both tiao in pinyin input) only after 第 and a number: 第二十三跳讲的啥.
    (rf"第\s*(?P<n>{NUM})\s*跳(?=\s*(?:讲|说|是|写|规定|内容|的|呢|啊|吗|\?|？|$))", None),
    # A bare "12条" / "十二条" only where it reads as a clause number, not as "3条措施" (three measures).
    # (那三条 is "those three"; 那31条呢 and 那十二条呢 are articles.)
    (rf"(?<![有共几多第哪\d零〇一二两三四五六七八九十百千廿卅])(?!(?<=[那这])[一二两三四五六七八九]\s*条)(?P<n>{NUM})\s*条{PART_ZH}?"
     r"(?!\s*(?:措施|规定|意见|建议|政策|办法|条例|法规|款|项|原则|目标|要求|个|家|户|路|线|街|件))", None),
    # After the bare form, which would otherwise lose "25条第二款" to its part alone.
    (rf"第\s*(?P<n>{NUM})\s*(?:项|点|款|个)(?!\s*[（(])", "part_only"),
    (rf"[（(]\s*(?P<n>{NUM})\s*[）)](?=\s*(?:讲|说|是|写|规定|内容|呢|吗|的|和|、|,|，|\?|？|$|条|项|措施|主要|具体|到底|都|分别|里|中|提到|要求"
     r"|say|says|mean|means|about|cover|covers|require|requires|state|states|provide|provides|is about))",
     "paren"),
)
_EN_PATTERNS: tuple[tuple[str, str | None], ...] = (
    (rf"\b(?P<kw>measures?|measrues?|meausres?|mesures?|items?|goals?|targets?|principles?|requirements?|articles?|art\.?|clauses?|sections?|sec\.?)"
     rf"\s*(?:no\.?|number|#)?\s*-?\s*(?P<n>{EN_NUM})\b"
     rf"(?:\s*(?:,\s*)?(?:part|point|paragraph|para\.?|item)\s*(?P<epart>{EN_NUM})\b|\s*\((?P<eitem>\d{{1,2}})\))?", "kw"),
    (rf"\b(?:the\s+)?(?P<n>{EN_NUM})\s+(?:basic\s+|guiding\s+|main\s+|work\s+)?"
     r"(?P<kw>measures?|items?|goals?|targets?|principles?|requirements?|articles?|clauses?)\b", "kw"),
    # "measure (19)", "article （24）": the number in brackets, as the plan prints its measures.
    # ("item (4) of Article 31" is a part of that article, read elsewhere.)
    (rf"\b(?P<kw>measures?|goals?|principles?|requirements?|articles?|art\.?)\s*[（(]\s*(?P<n>{EN_NUM})\s*[）)](?!\s*of\b)", "kw"),
    (r"(?<!order )(?<!decree )\b(?:no\.|number|#)\s*(?P<n>\d{1,3})\b", None),  # (State Council Order No. 728 is no clause)
    (r"§\s*(?P<n>\d{1,3})\b", "article"),  # "§17 payment regulation"
    (r"(?<![a-z0-9&.])m(?P<n>\d{1,2})(?![\d.²³%])\b", "measure"),  # "M13": hotline shorthand for measure 13
)
_EN_POSITION = re.compile(rf"\bthe\s+(?P<n>{'|'.join(list(_ORDINALS)[:10])})\s+(?:one|item|point|part|measure in (?:the|that) list)\b(?!\s+of\b)",
                          re.IGNORECASE)
_EN_PART_BEFORE = re.compile(
    rf"\b(?:the\s+)?(?:(?P<ord>{EN_NUM})\s+(?P<pk>part|point|paragraph|item)|(?P<pk2>part|point|paragraph|item)\s+(?P<num>{EN_NUM}))"
    rf"\s+of\s+(?:the\s+)?(?P<kw>measure|article|goal|principle|requirement|item)\s*(?:no\.?|#)?\s*(?P<n>{EN_NUM})\b")
# "item 4 of that?", "and part 2 of it?": a part of the clause under discussion.
_EN_PART_OF_CONTEXT = re.compile(
    rf"\b(?:the\s+)?(?:(?:part|point|paragraph|item)\s*(?:no\.?|#)?\s*(?P<num>{EN_NUM})|(?P<ord>{EN_NUM})\s+(?:part|point|paragraph|item))"
    r"\s+(?:of|in)\s+(?:that|it|this|the same|the above)(?:\s+(?:one|article|measure|clause|list))?\b", re.IGNORECASE)
# A number followed by a unit (要求3年内, 目标2010年) is a quantity, not a clause number.
_NOT_QUANTITY = r"(?![\d年个家户万亿%]|[.．]\d|\s*(?:years?|months?|days?|%|percent|yuan|million))"

# 一 that begins a word (原则一共几条, 目标一致) is no clause number.
_NOT_WORD = r"(?!(?<=一)[共致样般定直些起律同切])"
_ZH_COMPILED = tuple((re.compile(p + _NOT_QUANTITY + _NOT_WORD), kind) for p, kind in _ZH_PATTERNS)
_EN_COMPILED = tuple((re.compile(p + _NOT_QUANTITY, re.IGNORECASE), kind) for p, kind in _EN_PATTERNS)
# "the last measure", 最后一条, 最后一个目标: the highest number of that kind in the document asked about.
_NEGATIVE = re.compile(r"第\s*[-−－]\s*\d{1,3}\s*(?:条|项|个|点)|\b(?P<kw>article|measure|item|goal)\s*(?:no\.?\s*)?[-−－]\s*\d{1,3}\b",
                       re.IGNORECASE)
_LAST = re.compile(r"\b(?:the\s+)?(?:very\s+)?(?:last|final)\s+(?P<kw>measure|article|goal|target|principle|requirement|clause|item)\b"
                   r"|最后(?:一)?(?:条|项|个)(?P<zkw>措施|目标|原则|要求|工作要求|条款)?", re.IGNORECASE)
_ZH_LAST_KINDS = {"措施": "measure", "目标": "goal", "原则": "principle", "要求": "requirement", "工作要求": "requirement"}
# Bare "guiding" is a verb ("responsible for guiding and serving"), so only the section's names count.
_NAMED = {"指导思想": "guiding", "guiding ideology": "guiding", "guiding thought": "guiding",
          "preamble": "preamble", "印发通知": "preamble", "通知": "preamble"}


def _part_of(m: re.Match) -> tuple[int | None, str | None]:
    groups = m.re.groupindex
    if "part" in groups and m.group("part"):
        kind = {"款": "paragraph", "点": "point", "部分": "point", "个方面": "point", "项": "item"}[m.group("pkind")]
        return number_value(m.group("part")), kind
    if "item" in groups and m.group("item"):
        return number_value(m.group("item")), "item"
    if "shi" in groups and m.group("shi"):
        return number_value(m.group("shi")), "point"
    if "epart" in groups and m.group("epart"):
        return number_value(m.group("epart")), "part"
    if "eitem" in groups and m.group("eitem"):
        return int(m.group("eitem")), "paragraph"
    return None, None


# After a dash a number is the end of a range (第38-40条), which NUM's guard against "12-3" would refuse.
_LISTED_NUM = rf"(?:\d{{1,3}}(?!\d)|{CN})"
_ZH_LIST_RE = re.compile(rf"第\s*(?P<a>{NUM})\s*(?P<rest>(?:(?:、|和|与|及|同埋|同|跟|或者|或|,|，|至|到|-|—|~|～)\s*第?\s*{_LISTED_NUM}\s*)+)"
                         rf"(?P<unit>条措施|项措施|条|项)")
_EN_LIST_RE = re.compile(rf"\b(?P<kw>measures|items|goals|targets|principles|requirements|articles|clauses)\s+(?P<a>{EN_NUM})"
                         rf"(?P<rest>(?:\s*(?:,|and|&|to|-)\s*(?P<b>{EN_NUM}))+)\b", re.IGNORECASE)
# (pattern, how a listed number is written, the words of a range, the kind the match names)
_LIST_FORMS = ((_ZH_LIST_RE, re.compile(_LISTED_NUM), re.compile(r"至|到|-|—|~|～"),
                lambda m: "measure" if "措施" in m.group("unit") else None),
               (_EN_LIST_RE, re.compile(EN_NUM, re.IGNORECASE), re.compile(r"\bto\b|-"),
                lambda m: EN_KINDS.get(m.group("kw").lower().removesuffix("s"))))


_ZH_RANGE_RE = re.compile(rf"第\s*(?P<a>{NUM})\s*条\s*(?:至|到|—|-|~)\s*第\s*(?P<b>{NUM})\s*条")
# "（1到6条）" / 12至18条: a range written without 第 (a count of years or firms has no 条).
_ZH_BARE_RANGE_RE = re.compile(r"(?<![第\d.])(?P<a>\d{1,3})\s*(?:至|到)\s*(?P<b>\d{1,3})\s*条(?!例)")


def _list_refs(text: str) -> list[Reference]:
    """第13、14条 / 第3至5条 / 第三十八条到第四十条 / measures 10 and 11 / goals 1 and 4: one reference per number."""
    out: list[Reference] = []
    for m in [*_ZH_RANGE_RE.finditer(text), *_ZH_BARE_RANGE_RE.finditer(text)]:
        try:
            a, b = number_value(m.group("a")), number_value(m.group("b"))
        except ValueError:
            continue
        if 0 < b - a <= 40:
            out += [Reference(kind=None, number=n, start=m.start(), end=m.end(), text=m.group(0)) for n in range(a, b + 1)]
    for pattern, number_re, range_re, kind_of in _LIST_FORMS:
        for m in pattern.finditer(text):
            try:
                numbers = [number_value(m.group("a"))] + [number_value(x) for x in number_re.findall(m.group("rest"))]
            except ValueError:
                continue
            if range_re.search(m.group("rest")) and len(numbers) == 2 and numbers[1] - numbers[0] <= 40:
                numbers = list(range(numbers[0], numbers[1] + 1))
            kind = kind_of(m)
            out += [Reference(kind=kind, number=n, start=m.start(), end=m.end(), text=m.group(0)) for n in numbers]
    return out


def find_references(text: str) -> list[Reference]:
    """Clause references in ``text`` (normalised: NFKC, simplified, case-folded), in order of appearance.

    Example:
        >>> [(r.kind, r.number, r.part) for r in find_references("第十二条和measure 13讲什么？第1条第二点呢")]
        [(None, 12, None), ('measure', 13, None), (None, 1, 2)]
    """
    found: list[Reference] = _list_refs(text)
    taken: list[tuple[int, int]] = [(r.start, r.end) for r in found]

    def add(m: re.Match | tuple[int, int, str], kind: str | None, number: int | None,
            part: tuple[int | None, str | None] = (None, None), *, vague: bool = False, part_only: bool = False,
            last: bool = False):
        start, end, written = m if isinstance(m, tuple) else (m.start(), m.end(), m.group(0))
        if overlaps(start, end, taken):
            return
        found.append(Reference(kind=kind, number=number, start=start, end=end, text=written,
                               part=part[0], part_kind=part[1], out_of_range_ok=not vague, part_only=part_only,
                               last=last))
        taken.append((start, end))

    for m in _NEGATIVE.finditer(text):  # 第-5条: no clause has that number; number 0 reports it as out of range
        add(m, EN_KINDS.get((m.group("kw") or "").lower()), 0)
    for m in _LAST.finditer(text):
        word = m.group("kw") or m.group("zkw") or ""
        add(m, EN_KINDS.get(word.lower()) or _ZH_LAST_KINDS.get(word), None, last=True)
    for m in _EN_PART_OF_CONTEXT.finditer(text):
        try:
            add(m, None, number_value(m.group("num") or m.group("ord")), part_only=True)
        except ValueError:
            continue
    for m in _EN_POSITION.finditer(text):
        add(m, None, _ORDINALS[m.group("n").lower()], part_only=True)
    for m in _EN_PART_BEFORE.finditer(text):
        try:
            part = number_value(m.group("ord") or m.group("num"))
            pk = m.group("pk") or m.group("pk2")
            add(m, EN_KINDS.get(m.group("kw").lower()), number_value(m.group("n")),
                (part, "part" if pk in ("part", "point") else pk))
        except ValueError:
            continue
    for pattern, kind in _ZH_COMPILED + _EN_COMPILED:
        for m in pattern.finditer(text):
            try:
                number = number_value(m.group("n"))
                part = _part_of(m)
            except ValueError:
                continue
            if kind == "part_only":
                add(m, None, number, part_only=True)
            elif kind == "paren":
                # （十二）: the plan's nine groups are （一）–（九）, so only larger numbers name a measure.
                if number > 9:
                    add(m, "measure", number, part, vague=True)
            elif kind == "kw":
                raw_kw = m.group("kw").lower()
                if raw_kw.endswith("s") and m.start("n") < m.start("kw"):
                    continue  # "the three basic principles", "the 34 measures": a count of them, not principle 3
                add(m, EN_KINDS.get(raw_kw.rstrip(".s")), number, part)
            else:
                add(m, kind, number, part)
    for name, kind in _NAMED.items():
        if kind == "preamble" and name == "通知" and "印发" not in text:
            continue
        for start, end in find_all(text, name):
            add((start, end, name), kind, None)
    found.sort(key=lambda r: r.start)
    # "第二十一条第一款第二项": a part right after a reference with its own part refines it, no clause of its own.
    found = [r for i, r in enumerate(found) if not (
        i and r.part_only and found[i - 1].part is not None and not text[found[i - 1].end:r.start].strip())]
    for i in range(1, len(found)):
        # 工作要求第一条和第二条: the second number is a requirement too, not measure 2.
        before = found[i - 1]
        # Only in the same written form: 目标三和第16条 is goal 3 and measure 16.
        if found[i].kind is None and before.kind in ("goal", "principle", "requirement") and re.fullmatch(
                r"\s*(?:和|、|及|与|跟|以及|,|，)\s*", text[before.end:found[i].start]) \
                and before.text[-1:] == found[i].text[-1:]:
            found[i] = replace(found[i], kind=before.kind)
    return list({(r.kind, r.number, r.part, r.part_only): r for r in found}.values())


def local_id(kind: str, number: int | None) -> str:
    """``local_id("measure", 12) == "measure-12"``; named clauses (guiding, preamble) have no number."""
    return kind if number is None else f"{kind}-{number}"
