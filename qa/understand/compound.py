"""Several questions typed as one: "国家级技术中心奖励多少？到2010年技术中心占全市比重目标是多少？".

Each part that ends in a question mark and brings a topic of its own is asked on its own; an ellipsis
(大企业呢？, what about …?) is asked as the follow-up of the part before it; a part with neither
(什么时候发的？) keeps the question whole.
"""

from __future__ import annotations

import re

from qa.normalize import CJK_RE, normalize
from qa.understand import cues
from qa.understand.figures import wants_figure
from qa.understand.query import own_content

MAX_PARTS = 3
MIN_OWN_CJK = 4  # characters of topic a Chinese part needs of its own (什么时候发的 has none)
MIN_OWN_WORDS = 3  # words of topic an English part needs
_WHERE_TO_ACT = re.compile(r"(?:去|到|向)?(?:哪里|哪儿|哪|边度)(?:去)?(?:投诉|举报|申请|申报|办理|登记)|(?:找谁|向谁)(?:投诉|举报|申请)"
                           r"|\bwhere (?:do|can|should|could) (?:i|we) (?:complain|file|apply|report|register)\b", re.IGNORECASE)
_LEANS = re.compile(r"呢[？?]?$|^(?:那|那么|还有|另外|and\b|what about\b|how about\b)", re.IGNORECASE)


def sub_questions(question: str) -> tuple[str, ...]:
    """The separate questions in ``question`` (2–3 strings, as typed), or () when it is one question.

    Example:
        >>> sub_questions("创业基地建几个？担保中心的担保额要达到多少？")
        ('创业基地建几个？', '担保中心的担保额要达到多少？')
    """
    if parts := respectively(question):
        return parts
    parts = [p.strip() for p in re.split(r"(?<=[？?])", question) if p.strip()]
    if not 2 <= len(parts) <= MAX_PARTS or not all(re.search(r"[？?]$", p) for p in parts):
        return ()
    # "去哪里投诉？多久有结果？": where to turn, then how long it takes — two asks of one matter, each answered.
    if _WHERE_TO_ACT.search(normalize(parts[0])) and any(wants_figure(normalize(p)) for p in parts[1:]):
        return tuple(parts)
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
    # 哪天施行？ / 文号呢？: the date, event or number of whatever the part before named is no topic of its own.
    own = own_content(cues.without(normalize(part), cues.WHEN, cues.DOC_EVENT, cues.DOC_NUMBER))
    if CJK_RE.search(own):
        return len(re.sub(r"[^\u3400-\u9fff]", "", own)) >= MIN_OWN_CJK
    return len(own.split()) >= MIN_OWN_WORDS


# 创业基地和专业镇分别要搞多少个: one figure asked of two things, each its own question.
_RESPECTIVELY = re.compile(r"^(?P<a>[^，,。？?]{2,20}?)(?:和|与|跟|以及)(?P<b>[\u4e00-\u9fff]{2,10})(?P<rest>(?:分别|各自|各)"
                           r"[^，,。]*?(?:多少|几|多久|多长|比例|金额|期限)[^，,。]*)$")
_NOT_A_TOPIC = re.compile(r"第|条|措施\s*\d|目标[一二三四\d]|原则[一二三\d]|[局委办]$")


def respectively(question: str) -> tuple[str, ...]:
    """The two questions of "A和B分别多少…", each standing alone, or () (clause numbers and departments are
    read as a whole: 第12条和第20条分别由哪个部门牵头 is answered clause by clause elsewhere)."""
    m = _RESPECTIVELY.match(question.strip())
    if not m or _NOT_A_TOPIC.search(m.group("a")) or _NOT_A_TOPIC.search(m.group("b")):
        return ()
    a, b = m.group("a"), m.group("b")
    if re.fullmatch(r"[\u4e00-\u9fff]{1,3}级", a) and (shared := re.match(r"[\u4e00-\u9fff]{1,3}级(.+)", b)):
        a += shared.group(1)  # 国家级和省级技术中心: both are technology centres
    rest = re.sub(r"^(?:分别|各自|各)", "", m.group("rest"))
    return f"{a}{rest}", f"{b}{rest}"
