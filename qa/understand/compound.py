"""Several questions typed as one: "国家级技术中心奖励多少？到2010年技术中心占全市比重目标是多少？".

Each part that ends in a question mark and brings a topic of its own is asked on its own; a part that
leans on the one before it (什么时候发的？, 中小企业促进法呢？) keeps the question whole.
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
    for part in parts:
        text = normalize(part)
        own = own_content(text)
        if _LEANS.search(text):
            return ()
        if CJK_RE.search(own):
            if len(re.sub(r"[^\u3400-\u9fff]", "", own)) < MIN_OWN_CJK:
                return ()
        elif len(own.split()) < MIN_OWN_WORDS:
            return ()
    return tuple(parts)
