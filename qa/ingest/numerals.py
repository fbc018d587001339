"""Chinese numerals and dates, through the maintained ``cn2an`` library.

``to_int("七十七") == 77``, ``to_int("１２") == 12``, ``to_chinese(12) == "十二"``, ``chinese_date("二○○七年十月十一日") == "2007-10-11"``.
"""

from __future__ import annotations

import re
import unicodedata

import cn2an

from qa.errors import ParseError

CN_NUMERAL = "零〇○一二两三四五六七八九十百千廿卅"
# 廿 (20) and 卅 (30) in the old and Cantonese way of writing (第廿四项); cn2an does not read them.
_OLD_TENS = str.maketrans({"廿": "二十", "卅": "三十"})
_DATE_DIGITS = str.maketrans({"○": "0", "〇": "0", "零": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3",
                              "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"})
CN_DATE_RE = re.compile(r"([○〇零一二三四五六七八九Ｏ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
ARABIC_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def to_int(text: str) -> int:
    """An Arabic (also full-width) or Chinese numeral as an int; ``ValueError`` if it is neither.

    Example:
        >>> to_int("一百零一"), to_int("12"), to_int("两"), to_int("廿四")
        (101, 12, 2, 24)
    """
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw:
        raise ValueError("empty numeral")
    if raw.isdigit():
        return int(raw)
    if any(ch not in CN_NUMERAL for ch in raw):
        raise ValueError(f"not a numeral: {text!r}")
    try:
        value = cn2an.cn2an(raw.translate(_OLD_TENS), "smart")
    except (ValueError, KeyError) as e:  # cn2an raises ValueError for malformed numerals
        raise ValueError(f"not a numeral: {text!r}") from e
    return int(value)


def to_chinese(n: int) -> str:
    """An int as the Chinese numeral article and item numbers are written in: 12 -> 十二, 101 -> 一百零一.

    Example:
        >>> to_chinese(12), to_chinese(77), to_chinese(110)
        ('十二', '七十七', '一百一十')
    """
    return cn2an.an2cn(n)


def chinese_date(text: str) -> str:
    """``二○○七年十月十一日`` or ``2007年10月11日`` -> ``2007-10-11``; ``ValueError`` otherwise."""
    if m := ARABIC_DATE_RE.fullmatch(text.strip()):
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = CN_DATE_RE.fullmatch(text.strip())
    if not m:
        raise ValueError(f"not a Chinese date: {text!r}")
    year = int(m.group(1).translate(_DATE_DIGITS))
    return f"{year:04d}-{to_int(m.group(2)):02d}-{to_int(m.group(3)):02d}"


def find_dates(text: str) -> list[tuple[str, int, int]]:
    """Every date in ``text`` as (ISO date, start, end), Arabic or Chinese numerals."""
    found = [(chinese_date(m.group(0)), m.start(), m.end()) for m in ARABIC_DATE_RE.finditer(text)]
    found += [(chinese_date(m.group(0)), m.start(), m.end()) for m in CN_DATE_RE.finditer(text)]
    return sorted(found, key=lambda d: d[1])


def numeral_or_error(text: str, *, line: int, what: str) -> int:
    """``to_int`` that raises ``ParseError`` naming the line."""
    try:
        return to_int(text)
    except ValueError as e:
        raise ParseError(f"{what} {text!r} is not a number", line=line) from e
