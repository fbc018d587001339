"""Several questions typed as one: "国家级技术中心奖励多少？到2010年技术中心占全市比重目标是多少？".

Each part that ends in a question mark and brings a topic of its own is asked on its own; an ellipsis
(大企业呢？, what about …?) is asked as the follow-up of the part before it; a part with neither
(什么时候发的？) keeps the question whole.
"""

from __future__ import annotations

import re

from qa.normalize import CJK_RE, normalize
from qa.understand.query import own_content

MAX_PARTS = 3
MIN_OWN_CJK = 4  # characters of topic a Chinese part needs of its own (什么时候发的 has none)
MIN_OWN_WORDS = 3  # words of topic an English part needs
_LEANS = re.compile(r"呢[？?]?$|^(?:那|那么|还有|另外|and\b|what about\b|how about\b)", re.IGNORECASE)


def sub_questions(question: str) -> tuple[str, ...]:
    """The separate questions in ``question`` (2–3 strings, as typed), or () when it is one question.

    Example:
        >>> sub_questions("创业基地建几个？担保中心的担保额要达到多少？")
        ('创业基地建几个？', '担保中心的担保额要达到多少？')
    """
    parts = [p.strip() for p in re.split(r"(?<=[？?])", question) if p.strip()]
    if not 2 <= len(parts) <= MAX_PARTS or not all(re.search(r"[？?]$", p) for p in parts):
        return ()
    if leans_on_previous(parts[0]) or not _has_own_topic(parts[0]):
        return ()
    if not any(_has_own_topic(p) or leans_on_previous(p) for p in parts[1:]):
        return ()  # "这个文件是哪个部门发的？什么时候发的？": one question about one thing, answered as one
    return tuple(parts)


def needs_previous(part: str) -> bool:
    """A later part asked as a follow-up of the parts before it: an ellipsis (大企业呢？) or a question with no
    topic of its own (向谁投诉？ after 大企业拖欠货款多少天必须付？)."""
    return leans_on_previous(part) or not _has_own_topic(part)


def leans_on_previous(part: str) -> bool:
    """An ellipsis (那大企业呢？, what about …?) that is asked as a follow-up of the part before it."""
    return bool(_LEANS.search(normalize(part)))


def _has_own_topic(part: str) -> bool:
    own = own_content(normalize(part))
    if CJK_RE.search(own):
        return len(re.sub(r"[^\u3400-\u9fff]", "", own)) >= MIN_OWN_CJK
    return len(own.split()) >= MIN_OWN_WORDS
