"""Text normalisation shared by the corpus side and the query side."""

from __future__ import annotations

import re
import unicodedata

import zhconv

from qa.errors import QueryError

MAX_QUESTION_CHARS = 1000  # a question longer than this is refused before any tokenising or encoding

# Zero-width, bidi controls, BOM, soft hyphen, variation selectors: invisible, never meaningful here.
_INVISIBLE_RE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff]")
_ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
_SPACE_RE = re.compile(r"\s+")
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _drop_surrogates(text: str) -> str:
    return text.encode("utf-8", "ignore").decode("utf-8") if any(0xD800 <= ord(c) <= 0xDFFF for c in text) else text


def normalize(text: str) -> str:
    """NFKC, controls/zero-width/bidi removed, traditional -> simplified, case folded, spaces collapsed.

    Example:
        >>> normalize("  研發投入\u200b能稅前抵扣嗎？ R&D ")
        '研发投入能税前抵扣吗? r&d'
    """
    text = _drop_surrogates(text)
    text = _ANSI_RE.sub(" ", text)
    text = unicodedata.normalize("NFKC", text)  # full-width forms and Kangxi radicals -> ordinary characters
    text = _INVISIBLE_RE.sub("", text)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") else ch for ch in text)
    text = text.replace("\ufffd", " ")
    if CJK_RE.search(text):
        text = zhconv.convert(text, "zh-cn")
    return _SPACE_RE.sub(" ", text).strip().casefold()


def check_length(text: str, *, limit: int = MAX_QUESTION_CHARS) -> None:
    """Refuse a question longer than ``limit`` characters (before any costly work)."""
    if len(text) > limit:
        raise QueryError(f"the question has {len(text):,} characters; the limit is {limit:,}. "
                         "Shorten it to the part you want answered. / 问题过长（{0:,}字），请缩短到{1:,}字以内。"
                         .format(len(text), limit))
