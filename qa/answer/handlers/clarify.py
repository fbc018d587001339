"""A question that only points back ("这条现在还有效吗？", "那省级的呢？", "Is this still valid?") at the start of a
conversation: there is no earlier clause to point to, so ask which one is meant instead of guessing."""

from __future__ import annotations

from qa.answer.handlers.common import Deps
from qa.answer.models import Answer
from qa.understand.query import Query

NEEDS_CONTEXT = {"zh": "这是新对话的第一个问题，我还不知道“这条”“这个”或“那……呢”指的是什么。请写明文件和条款（例如“民营经济促进法第七十七条”"
                       "“工作方案第十二条”）或直接说明事项（例如“大企业拖欠货款最长多少天要付？”）。",
                 "en": "This is the first question of a new conversation, so I do not know which clause \"this\", \"that\" "
                       "or \"what about …?\" means. Name the document and clause (for example \"Article 77 of the Private Economy Promotion Law\", "
                       "\"measure 12 of the work plan\") or say what it is about (for example \"how many days does a big "
                       "company have to pay me?\")."}


def handle_needs_context(query: Query, _deps: Deps) -> Answer:
    """A ``clarify`` Answer (not an abstention: nothing was searched) asking which clause or matter is meant."""
    return Answer(question=query.raw, lang=query.lang, status="clarify", abstained=False,
                  answer=NEEDS_CONTEXT[query.lang], intent=query.intent)
