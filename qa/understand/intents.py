"""What a question asks, decided by an ordered list of small detectors: the first that matches wins.

Each detector reads a ``Query`` (never the raw text) and returns True when its intent applies.
Adding a kind of question is one detector here, one handler in ``qa.answer.handlers`` and their tests.

Order (most specific first): greeting, a question pointing back with nothing before it, document facts, versions
compared, validity, clause reference, clauses mentioning a term, which documents,
departments ranked, department listing, group listing, contact, figure, topical.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from qa.models import Library
from qa.understand import cues
from qa.understand.documents import named_chapters, without_document_names
from qa.understand.query import NEIGHBOUR, Query, bare_of, counts_listing_above, own_content

Detector = Callable[[Query, Library], bool]


def is_greeting(q: Query, _lib: Library) -> bool:
    return q.greeting_only


_LEVEL_OR_TIME = re.compile(r"国家级|省级|市级|区级|县级|国家层面|省里|市里|现在|目前|还|\b(?:national|provincial|municipal|district|"
                            r"county|level|now|still|currently|today)\b")


_POINTING_EN = re.compile(r"\b(?:is|are|does|do|was|will) (?:this|that|it|these|those)\b")


def is_needs_context(q: Query, _lib: Library) -> bool:
    """"这条现在还有效吗？" / "那省级的呢？" / "Is this still valid?" with no earlier turn and nothing chosen: a
    question that only points back, with nothing to point to (a new conversation), asks which clause is meant."""
    if not q.earlier_turns and not q.refs and not q.selected and q.documents and "ellipsis" in q.asks \
            and not own_content(cues.without(q.bare or q.content, cues.ELLIPSIS, cues.VERSION_NAMES, cues.DOCUMENT_TALK)):
        return True  # 那2020年版呢？ opening a conversation: the 2020 version of what asked before? Nothing was.
    if q.earlier_turns or q.refs or q.documents or q.selected or q.departments or "this_document" in q.asks:
        return False
    if not {"anaphora", "ellipsis"} & q.asks and not _POINTING_EN.search(q.content):
        return False
    if not q.context and NEIGHBOUR.search(q.content) and not own_content(cues.without(q.content, NEIGHBOUR, cues.ELLIPSIS)):
        return True  # 下一条呢？ / "and the next article?" opening a conversation: next to what?
    rest = cues.without(q.bare or q.content, cues.ANAPHORA, cues.ELLIPSIS, cues.VALIDITY, cues.CONTACT, _LEVEL_OR_TIME,
                        _POINTING_EN)
    return not own_content(rest)


def is_document(q: Query, _lib: Library) -> bool:
    """About a document itself: who issued it, when, its number, how many measures/articles, its structure."""
    if q.refs or q.departments or q.unknown_departments:
        return False
    a = q.asks
    about_doc = bool(q.documents) or "this_document" in a or q.selected is not None or "report" in a or (
        # "What was the State Council order number for that revision?" after which version is in force
        q.followup and q.context is not None and q.context.intent in ("validity", "document") and bool(q.scope))
    if "report" in a or ("library" in a and not q.documents):
        return True
    if "issuer" in a and (about_doc or not own_content(q.bare or q.content)):
        return True
    if ("number" in a or "kind" in a) and about_doc:
        return True
    if "basis" in a and about_doc:
        return True  # 方案是依据哪些文件制定的 / "Which law is the payment regulation based on?"
    if ({"title", "source_site"} & a) and about_doc and not q.refs:
        return True  # "What's the full title of this document?" / 这份文件的信息来源是哪个网站？
    # In a conversation "谁负责？" / "who is in charge of it?" is about the earlier clause, unless the document is named.
    named_doc = bool(q.documents) or "this_document" in a
    if "in_charge" in a and (named_doc or (about_doc and not q.context)) and not own_content(cues.without(
            without_document_names(q.bare or q.content, q.documents, _lib), cues.IN_CHARGE, cues.CONTACT, cues.DOCUMENT_WORDS,
            cues.DOCUMENT_TALK)):
        return True  # 这个条例由哪个部门组织实施 / who is in charge of implementing the SME Promotion Law
    if "when" in a and "event" in a and about_doc and not cues.COUNTED_FROM.search(q.content) and _little_event_topic(
            without_document_names(q.bare or q.content, q.documents, _lib), _title_words(q, _lib)):
        return True
    if "count" in a and "units" in a and _counts_structure(q) and _little_topic(_without_title_words(q, _lib)) \
            and not cues.GROUP_REF.search(q.content) and not _enumerates_section(q):  # 第（六）部分有几条措施: that group's count
        return True
    if "count" in a and "units" in a and _counts_structure(q) and (q.details.get("compare_versions") or cues.BOTH_VERSIONS.search(
            q.content)) and _little_topic(cues.without(_without_title_words(q, _lib), cues.VERSION_CHANGE, cues.VERSION_WORDS)):
        return True  # "How many articles did the 2020 version have compared with the 2025 one?": each version's count
    if q.details.get("switched") and q.context and q.context.intent == "document" and {"count", "units"} <= a \
            and _little_topic(_without_title_words(q, _lib)):
        return True  # "有多少条？" … "2020版呢？": the same count of the other version
    if counts_listing_above(q.context, a) and _little_topic(q.bare or q.content):
        return True  # "How many are there?" after a listing: its count
    # (民营经济促进法要求查封扣押时严格区分哪几类财产: kinds of property a clause names, not the law's parts.)
    return "structure" in a and (about_doc or not own_content(q.bare or q.content)) \
        and _little_topic(cues.without(_without_title_words(q, _lib), cues.STRUCTURE))


def _enumerates_section(q: Query) -> bool:
    """基本原则有几条？分别是什么？: the principles (goals, work requirements) listed, with their count."""
    return bool(cues.ENUMERATE.search(q.content) and cues.SECTION_UNITS.search(q.content))


def _counts_structure(q: Query) -> bool:
    """多少条措施 / how many articles: a count of the document's own units, not of companies or yuan."""
    import re

    return bool(re.search(r"(?:几|多少)\s*(?:条|项|个|章)\s*(?:措施|目标|原则|要求|条款|章)?(?:[?？]|$|吗|呢|啊|\s)"
                          r"|(?:几|多少)\s*(?:条|项|个|章)\s*(?:措施|目标|原则|要求|条款)"
                          r"|how many (?:(?:numbered|separate|main|basic|guiding|work|specific|individual|key|major|concrete) ){0,3}"
                          r"(?:measures|articles|chapters|goals|targets|principles"
                          r"|requirements|clauses|groups|items|措施|条款|条|目标|原则|要求|章)",  # "How many 措施 are there?"
                          q.content))


def _little_topic(text: str) -> bool:
    """No topic beyond the document's own units (几个目标, how many articles): at most a short verb is left."""
    import re

    text = cues.without(text, cues.VERSION_NAMES, cues.VERSION_ONE)
    text = re.sub(r"广州市?|广东省?|\bguangzhou\b|\bguangdong\b|\b(?:19|20)\d\d\b", " ", text)  # the plan's place and year
    rest = own_content(re.sub(r"措施|目标|原则|要求|条款|条|章|节|个|项|定了|规定了|提出了|设了|写了|包括|包含|有"
                              r"|\b(?:measures|articles|chapters|goals|targets|principles|requirements|clauses|groups"
                              r"|items|sections|parts|has|have|contain|contains|include|includes|in (?:it|total|all)"
                              r"|lay(?:s)? (?:down|out)|sets? (?:out|forth)|spells? out|lists?|names?|states?|mentions?|gives?"
                              r"|main|basic|guiding|work|key|numbered|separate|(?:this|that|the|each) (?:regulations?|law|document|text)"
                              r"|split|divided|grouped|organi[sz]ed|into|they|them|it)\b"
                              r"|主要|基本|分成|分为|分作",
                              " ", text))
    return len(rest.replace(" ", "")) <= 3


def _without_title_words(q: Query, library: Library) -> str:
    """The question's topic without words of the named documents' Chinese titles: 广州民营经济方案 names the plan
    (《广州市进一步加快民营经济发展工作方案》), so 民营经济 is no topic of its own there."""
    text = q.bare or q.content
    titles = [library.info(d).title for d in q.documents]
    keep = [True] * len(text)
    for i in range(len(text) - 1):
        if any(text[i:i + 2] in title for title in titles) and all("\u4e00" <= ch <= "\u9fff" for ch in text[i:i + 2]):
            keep[i] = keep[i + 1] = False
    return "".join(ch if k else " " for ch, k in zip(text, keep, strict=True))


def _title_words(q: Query, library: Library) -> set[str]:
    """English words of the named documents' titles: "Guangzhou's regulation on supporting the private economy"
    names a document, not a topic."""
    import re

    words: set[str] = {"revised", "regulation", "regulations", "law", "new", "old", "version"}
    for doc_id in q.documents:
        info = library.info(doc_id)
        for name in (info.title_en or "", *info.short_names_en):
            words |= set(re.findall(r"[a-z]+", name.lower()))
    return words | {w.rstrip("s") for w in words}


def _little_event_topic(text: str, title_words: set[str] = frozenset()) -> bool:
    """"When did it take effect (and what did it repeal)?" names no topic of its own, nor does the body that passed
    it (the provincial people's congress standing committee, 在哪次会议); "which groups get tax benefits when they
    start a business" does."""

    rest = own_content(cues.without(text, cues.VERSION_NAMES, cues.WHEN, cues.DOC_EVENT, cues.ENACTING_BODY))
    words = [w for w in rest.split() if w not in title_words and w.rstrip("s") not in title_words]
    cjk = sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff")
    return len([w for w in words if w.isascii()]) <= 4 and cjk <= 8


def is_compare_versions(q: Query, _lib: Library) -> bool:
    """Two versions of one document compared (新旧版本有什么区别 / what changed for payment terms?)."""
    return "compare_versions" in q.details


def is_validity(q: Query, _lib: Library) -> bool:
    """Still in force? Only about a document ("Is that a valid excuse?" is not)."""
    if q.context and q.context.intent == "validity" and q.documents and cues.date_of_event(q.content):
        return True  # "2019年签的合同呢？" after which version applied to a contract of 2025
    return "validity" in q.asks and not q.refs and bool(
        q.documents or "this_document" in q.asks or q.selected or cues.DOCUMENT_TALK.search(q.content))


def is_clause_ref(q: Query, _lib: Library) -> bool:
    """A clause asked by its number, unless a department's role is asked within a range of them ("Among measures
    12 to 18, which ones is the Economic and Trade Commission not leading?": a department listing, limited)."""
    if len(q.refs) >= 2 and len(q.departments) == 1 and (
            {"listing", "count"} & q.asks or q.departments[0].negated or q.departments[0].role != "any"):
        return False
    return bool(q.refs)


def is_department(q: Query, _lib: Library) -> bool:
    """Which clauses a department leads / cooperates on (or not), or how many."""
    if not (q.departments or q.unknown_departments):
        return False
    import re

    # 环保局有没有牵头的任务: "tasks", "duties" are what a department's clauses are, not a topic.
    rest = bare_of(q.content, (), q.departments)
    # 促进个体工商户发展条例有没有给工商联安排职责 / "does the Guangzhou regulation give the tax bureau any duties?"
    no_tasks = re.sub(r"任务|工作|事项|职责|安排|分配|赋予|给|\b(?:tasks?|duties|jobs?|responsibilit(?:y|ies)|give|gives|assigns?|any)\b",
                      " ", q.bare if q.documents else rest)
    return bool({"listing", "count"} & q.asks) or any(d.negated for d in q.departments) or (
        bool(q.departments) and not own_content(no_tasks)) or (
        len(q.departments) == 1 and bool(cues.WHAT_BODY.search(rest)))


def is_group_listing(q: Query, _lib: Library) -> bool:
    """The measures (or articles) on a topic: 融资方面有哪些措施 / what measures are there on land."""
    import re

    if "which_documents" in q.asks:
        return False
    if q.followup and q.context is not None and q.context.intent == "group_listing" and not q.refs \
            and cues.ENUMERATE.search(q.content) and not own_content(cues.without(q.content, cues.ENUMERATE)):
        return True  # "list them for me" after "how many are in the land group?": that group's clauses
    if cues.CHAPTER_REF.search(q.content) and q.scope and len(q.scope) == 1 and not q.refs:
        return True  # 中小企业促进法第三章讲什么
    if not q.refs and named_chapters(q.content, q.scope or _lib.doc_ids, _lib):
        return True  # 要素保障那章讲什么 / the rights protection chapter
    if cues.GROUP_COUNT.search(q.content) and not q.refs:
        return True
    if cues.GROUP_REF.search(q.content) and not q.refs:
        return True  # 第（六）部分包括哪些措施
    if _enumerates_section(q) and not q.refs:
        return True
    if cues.PLAN_SECTIONS.search(q.content) and not q.refs and _SECTION_ASKED.search(q.content) \
            and not cues.PLAN_SECTIONS.search(cues.without(q.content, cues.PLAN_SECTIONS)):
        return True  # "What does Part IV, the work requirements, ask for?": that section's clauses
    if not cues.CLAUSE_LISTING.search(q.content):
        return False
    if "contact" in q.asks:  # 土地方面的措施都是哪些部门牵头的: a group, with each measure's departments
        # "Which measures in it deal with financing, and which bureau leads them?": the same in English.
        return bool(re.search(r"方面|这一组|这组|哪一组|这一类|有关|相关|\barea\b|\bfield\b|\bgroup\b"
                              r"|\b(?:deal(?:s|ing)? with|relat(?:e|es|ed|ing) to|concern(?:s|ing)?|about|on)\b", q.content)) \
            and "listing" in q.asks
    return "listing" in q.asks


# What a section holds, asked of it: "what's in …", "what does … ask for / cover", 讲了什么, 有哪些内容.
_SECTION_ASKED = cues._re(r"\bwhat(?:'s| is) in\b|\bwhat does (?:the |this |that )?(?:part|section|chapter)\b[^?]{0,60}"
                          r"\b(?:cover|say|ask|include|contain|set out)s?\b"
                          r"|\bsummar|讲了?什么|说了?什么|写了?什么|有哪些内容|包括什么|要求了?什么")


def is_mentions(q: Query, lib: Library) -> bool:
    """哪些条款提到审计机关: a term some clause contains word for word (else it is a topic to search)."""
    return bool(q.mention_term) and any(c.mentions(q.mention_term) for c in lib.clauses)


def is_which_documents(q: Query, _lib: Library) -> bool:
    return "which_documents" in q.asks


def is_contact(q: Query, _lib: Library) -> bool:
    """Whom to contact; also "and in Guangzhou?" after a contact question (another place or version, nothing else asked)."""
    if "contact" in q.asks:
        return True
    places = re.sub(r"广州|广东|全国|国家|\b(?:guangzhou|guangdong|canton|national(?:ly)?|provincial|municipal|level)\b", " ",
                    q.bare or q.content)
    return bool(q.details.get("switched") and q.context is not None and q.context.intent == "contact"
                and not q.wants_figure and not own_content(places))


def is_department_tally(q: Query, _lib: Library) -> bool:
    """Departments ranked by their measures (哪个部门牵头最多), or the measures naming no cooperating department:
    counted over the assignments, with no department or clause named."""
    return bool({"most", "no_role"} & q.asks) and not q.refs and not q.departments


def is_figure(q: Query, _lib: Library) -> bool:
    return q.wants_figure


DETECTORS: tuple[tuple[str, Detector], ...] = (
    ("greeting", is_greeting),
    ("needs_context", is_needs_context),
    ("document", is_document),
    ("compare_versions", is_compare_versions),
    ("validity", is_validity),
    ("clause_ref", is_clause_ref),
    ("mentions", is_mentions),
    ("which_documents", is_which_documents),  # 哪几部规定讲了工商联的作用: documents, though it names a department
    ("department_tally", is_department_tally),
    ("department", is_department),
    ("group_listing", is_group_listing),
    ("contact", is_contact),
    ("figure", is_figure),
)


def detect_intent(query: Query, library: Library) -> str:
    """The first intent whose detector matches; ``topical`` when none does."""
    for name, detector in DETECTORS:
        if detector(query, library):
            return name
    return "topical"
