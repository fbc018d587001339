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
    if _ASKED_EN.search(text):  # 请用英文回答：… / answer in English
        return "en"
    if _ASKED_ZH.search(text):
        return "zh"
    return question_language(text)


_REQUEST_FILLER = re.compile(r"请|麻烦|能不能|可以|吗|一下|再|用|回答|回复|说|please|pls|can you|could you|again|that|it|this"
                             r"|answer|reply|respond|me|[\s\W_]", re.IGNORECASE)


def only_language_request(text: str) -> str | None:
    """``en`` / ``zh`` when ``text`` asks only for the reply's language ("请用英文回答", "answer in Chinese please"),
    so the earlier question is answered again in it; else None."""
    for lang, pattern in (("en", _ASKED_EN), ("zh", _ASKED_ZH)):
        if (m := pattern.search(text)) and not _REQUEST_FILLER.sub("", text[:m.start()] + text[m.end():]):
            return lang
    return None


def question_language(text: str) -> str:
    """``zh`` or ``en``: the language ``text`` is written in (more Chinese characters than twice its Latin words:
    Chinese). The evidence thresholds are calibrated by it."""
    text = _MARKUP_RE.sub(" ", text)  # <script>…</script>第九条 is a Chinese question
    cjk = len(CJK_RE.findall(text))
    latin = len(_LATIN_WORD_RE.findall(text))
    if not cjk and not latin:
        return "zh"
    return "en" if 2 * latin > cjk else "zh"


_ASKED_EN = re.compile(r"(?:用|以)英(?:文|语)(?:回答|回复|答复|说|解释)?|英文(?:回答|回复|版)|\b(?:answer|reply|respond)(?: me)?(?: that| it)? in english\b"
                       r"|\bin english,? please\b",
                       re.IGNORECASE)
_ASKED_ZH = re.compile(r"(?:用|以)中(?:文|语)(?:回答|回复|答复|说|解释)?|\b(?:answer|reply|respond)(?: me)?(?: that| it)? in chinese\b"
                       r"|\bin chinese,? please\b", re.IGNORECASE)
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
