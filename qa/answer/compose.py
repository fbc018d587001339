"""Answer stage entry point: ``answer(query, deps) -> Answer`` dispatches to the intent's handler.

Everything an answer quotes comes from the library (Chinese) or its English rendering; the only
composed text is the framing (labels, counts, dates, the not-covered and not-stated messages).
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.answer.citation import citation_text, document_name, make_citation, status_line
from qa.answer.handlers import HANDLERS
from qa.answer.handlers.common import Deps, notes_for, simple_answer
from qa.answer.models import Answer
from qa.understand.query import Query

GREETING = {"zh": "您好！我可以回答关于资料库中中小企业和民营经济政策法规的问题：国家的《民营经济促进法》《中小企业促进法》、"
                  "《保障中小企业款项支付条例》《促进个体工商户发展条例》，广东省和广州市的条例，以及2007年广州市民营经济工作方案。"
                  "例如融资担保、拖欠账款、用地、研发资助，以及某项措施由哪个部门负责。",
            "en": "Hello! I answer questions about the SME and private-economy laws and regulations in the library: the "
                  "national Private Economy Promotion Law, SME Promotion Law, the regulations on payments to SMEs and on "
                  "individual businesses, the Guangdong and Guangzhou regulations, and Guangzhou's 2007 work plan — "
                  "loan guarantees, late payments, land, R&D funding, and which department is responsible for what."}
ABOUT = {"zh": "我是政策法规问答助手：只根据资料库中的文件作答，每个回答都引用原文条款，不代表任何政府部门的正式意见。"
               "可以问国家、广东省和广州市关于中小企业和民营经济的法律法规，例如：“大企业拖欠货款，多久必须付？”",
         "en": "I am a policy question-answering assistant: I answer only from the documents in the library and quote the "
               "clause each answer rests on; nothing I say is an official view of any government department. Ask about the "
               "national, Guangdong and Guangzhou SME and private-economy rules, for example: \u201cHow soon must a large "
               "company pay an SME?\u201d"}
THANKS = {"zh": "不客气！还有其他政策问题，随时可以问我。",
          "en": "You're welcome! Ask me anything else about the policies whenever you like."}
_THANKS_RE = re.compile(r"谢|感谢|\bthanks?\b|\bthank you\b|\bthx\b|\bty\b|\bcheers\b", re.IGNORECASE)
EMPTY = {"zh": "请输入一个关于政策法规的问题，例如：“大企业拖欠中小企业货款，多久必须付？”",
         "en": "Please type a question about the policies, for example: \u201cHow soon must a large company pay an SME?\u201d"}


OTHER_LANGUAGE = {"zh": "目前只能用中文或英文提问。请用中文或英文写下您的问题。",
                  "en": "Questions can be asked in Chinese or English only. Please write your question in one of them."}


UNREADABLE = {"zh": "没能读懂这个问题：其中没有可识别的中文或英文词（拼音请改用汉字）。请用中文或英文写下问题，例如："
                    "“大企业拖欠货款，多久必须付？”",
              "en": "I could not read that: it has no Chinese or English word I recognise (for pinyin, please type the "
                    "Chinese characters). Please write your question in Chinese or English, for example: \u201cHow soon must "
                    "a large company pay an SME?\u201d"}


def answer(query: Query, deps: Deps) -> Answer:
    """The answer to an understood question (see ``qa.understand.intents`` for the intents)."""
    if query.intent == "empty":
        return simple_answer(query.raw, query.lang, "empty", zh=EMPTY["zh"], en=EMPTY["en"])
    if query.intent == "other_language":
        both = f"{OTHER_LANGUAGE['zh']}\n{OTHER_LANGUAGE['en']}"  # the asker may read neither UI language's half
        return simple_answer(query.raw, query.lang, "invalid", zh=both, en=both, intent="other_language")
    if query.intent == "unreadable":
        both = f"{UNREADABLE['zh']}\n{UNREADABLE['en']}"  # letters alone do not tell which language the asker reads
        return simple_answer(query.raw, query.lang, "invalid", zh=both, en=both, intent="unreadable")
    if query.intent == "greeting":
        if _THANKS_RE.search(query.text) and not re.search(r"你好|您好|\b(?:hi|hello|hey)\b", query.text):
            return simple_answer(query.raw, query.lang, "greeting", zh=THANKS["zh"], en=THANKS["en"])
        return simple_answer(query.raw, query.lang, "greeting", zh=GREETING["zh"], en=GREETING["en"])
    if query.intent == "about_assistant":
        return simple_answer(query.raw, query.lang, "out_of_scope", zh=ABOUT["zh"], en=ABOUT["en"], intent="about_assistant")
    found = HANDLERS[query.intent](query, deps)
    return with_citation_line(query, deps, found) if "citation" in query.asks else found


CITATION_HEAD = {"zh": "可复制的引用：", "en": "Citation to copy:"}


def with_citation_line(query: Query, deps: Deps, found: Answer) -> Answer:
    """The answer to "给我这条的引用格式" / "give me a citation for Article 17": the citation line of the clause the
    answer cites (or, when it found none, of the earlier turn's clause or document) before the answer. A document
    asked about as a whole is cited by its title and number, an article by ``citation_text``."""
    library = deps.library
    ids = [c.clause_id for c in found.citations] if found.citations and not found.abstained else \
        list(query.context.clause_ids if query.context else ())
    if not ids:
        return found
    clause = library.clause(ids[0])
    info = library.info(clause.doc_id)
    whole = clause.kind == "preamble" or (query.context is not None and query.context.intent in ("document", "validity")
                                           and found.abstained)
    if whole:
        line = (f"{document_name(info, 'zh')}（{status_line(info, 'zh')}）\n"
                f"{document_name(info, 'en')} [{status_line(info, 'en')}]")
    else:
        line = citation_text(library, clause)
    head = f"{CITATION_HEAD[query.lang]}\n{line}"
    if found.abstained:
        return Answer(question=query.raw, lang=query.lang, status="lookup", abstained=False, answer=head,
                      intent=query.intent, citations=(make_citation(library, clause, ()),),
                      notes=notes_for(library, [clause.id], query.lang), confidence=1.0)
    return replace(found, answer=f"{head}\n\n{found.answer}")


def merge_answers(question: str, answers: list[Answer]) -> Answer:
    """One answer to several questions typed as one (``qa.understand.compound``): each part's direct answer in
    turn (numbered), their citations, contacts, list items and notes without repeats. Abstained only when
    every part abstained; the confidence is the lowest of the answered parts'."""
    answered = [a for a in answers if not a.abstained] or answers
    first = answered[0]
    lang = answers[0].lang

    def unique(seq, key):
        seen, out = set(), []
        for x in seq:
            if key(x) not in seen:
                seen.add(key(x))
                out.append(x)
        return tuple(out)

    texts = [a.answer for a in answers]
    # Two ways of asking one thing (中小企业嘅定义系咩？点样先算中小企？) get the same answer: said once.
    text = texts[0] if len(set(texts)) == 1 else "\n\n".join(f"{n}. {t}" for n, t in enumerate(texts, 1))
    return replace(first, question=question, lang=lang, answer=text, abstained=all(a.abstained for a in answers),
                   # Two parts answered from one clause quote it once.
                   quote_zh="\n".join(unique((a.quote_zh for a in answers if a.quote_zh), lambda q: q)),
                   quote_en="\n".join(unique((a.quote_en for a in answers if a.quote_en), lambda q: q)),
                   citations=unique((c for a in answers for c in a.citations), lambda c: c.clause_id),
                   departments=unique((d for a in answers for d in a.departments), lambda d: (d.name, d.role)),
                   items=unique((i for a in answers for i in a.items), lambda i: i.clause_id),
                   related=unique((r for a in answers for r in a.related), lambda r: r),
                   suggestions=unique((s for a in answers for s in a.suggestions), lambda s: s),
                   notes=unique((n for a in answers for n in a.notes), lambda n: n),
                   context_from=unique((c for a in answers for c in a.context_from), lambda c: c),
                   confidence=min(a.confidence for a in answered))
