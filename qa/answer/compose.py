"""Answer stage entry point: ``answer(query, deps) -> Answer`` dispatches to the intent's handler.

Everything an answer quotes comes from the library (Chinese) or its English rendering; the only
composed text is the framing (labels, counts, dates, the not-covered and not-stated messages).
"""

from __future__ import annotations

from qa.answer.handlers import HANDLERS
from qa.answer.handlers.common import Deps, simple_answer
from qa.answer.models import Answer
from qa.understand.query import Query

GREETING = {"zh": "您好！我可以回答关于资料库中中小企业和民营经济政策法规的问题：国家的《民营经济促进法》《中小企业促进法》、"
                  "《保障中小企业款项支付条例》《促进个体工商户发展条例》，广东省和广州市的条例，以及2007年广州市民营经济工作方案。"
                  "例如融资担保、拖欠账款、用地、研发资助，以及某项措施由哪个部门负责。",
            "en": "Hello! I answer questions about the SME and private-economy laws and regulations in the library: the "
                  "national Private Economy Promotion Law, SME Promotion Law, the regulations on payments to SMEs and on "
                  "individual businesses, the Guangdong and Guangzhou regulations, and Guangzhou's 2007 work plan — "
                  "loan guarantees, late payments, land, R&D funding, and which department is responsible for what."}
EMPTY = {"zh": "请输入一个关于政策法规的问题，例如：“大企业拖欠中小企业货款，多久必须付？”",
         "en": "Please type a question about the policies, for example: \u201cHow soon must a large company pay an SME?\u201d"}


OTHER_LANGUAGE = {"zh": "目前只能用中文或英文提问。请用中文或英文写下您的问题。",
                  "en": "Questions can be asked in Chinese or English only. Please write your question in one of them."}


def answer(query: Query, deps: Deps) -> Answer:
    """The answer to an understood question (see ``qa.understand.intents`` for the intents)."""
    if query.intent == "empty":
        return simple_answer(query.raw, query.lang, "empty", zh=EMPTY["zh"], en=EMPTY["en"])
    if query.intent == "other_language":
        both = f"{OTHER_LANGUAGE['zh']}\n{OTHER_LANGUAGE['en']}"  # the asker may read neither UI language's half
        return simple_answer(query.raw, query.lang, "invalid", zh=both, en=both, intent="other_language")
    if query.intent == "greeting":
        return simple_answer(query.raw, query.lang, "greeting", zh=GREETING["zh"], en=GREETING["en"])
    return HANDLERS[query.intent](query, deps)
