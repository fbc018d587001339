"""The one language rule: which language a question is answered in, and which channels read it.

A Chinese character carries about half a word, so a question is answered in English when its
Latin words outnumber half its CJK characters ("any 政策 for 专业镇 development?" -> en;
"研发投入能税前抵扣吗 R&D" -> zh). Channels: ``zh`` when it has Chinese, ``en`` when it has English
words, ``mixed`` when it has both (both channel families then run).
"""

from __future__ import annotations

import re

from qa.normalize import CJK_RE

_LATIN_WORD_RE = re.compile(r"[A-Za-z]{2,}")


def answer_language(text: str) -> str:
    """``zh`` or ``en``: the language to answer ``text`` (already normalised or not) in.

    Example:
        >>> answer_language("Is the 2020 款项支付条例 still valid?"), answer_language("第12条讲什么？")
        ('en', 'zh')
    """
    text = _MARKUP_RE.sub(" ", text)  # <script>…</script>第九条 is a Chinese question
    cjk = len(CJK_RE.findall(text))
    latin = len(_LATIN_WORD_RE.findall(text))
    if not cjk and not latin:
        return "zh"
    return "en" if 2 * latin > cjk else "zh"


_MARKUP_RE = re.compile(r"</?[A-Za-z][^<>]{0,200}>")


def channel_language(text: str) -> str:
    """``zh``, ``en`` or ``mixed``: which BM25 channel families run for ``text``.

    A single acronym (GDP, IPO, R&D) in a Chinese question keeps it Chinese.
    """
    cjk = len(CJK_RE.findall(text))
    latin = len(_LATIN_WORD_RE.findall(text))
    if cjk and latin:
        return "mixed" if latin >= 2 and cjk >= 2 else ("zh" if cjk >= latin * 2 else "en")
    if cjk:
        return "zh"
    return "en" if latin or re.search(r"[A-Za-z]", text) else "zh"
