"""Handlers that find their clause by retrieval: topical questions, figures, contacts.

Each abstains honestly: nothing found, a scope cue (a personal matter, another place's rules), or
evidence below the calibrated threshold of the question's language gives "not covered"; a figure the
best clause does not state gives "not stated" with the clause and whom to ask. A follow-up reads the
clauses of the earlier turn instead of searching afresh.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from qa.answer.citation import cite, clause_label, document_name, labels_with_document, make_citation
from qa.answer.handlers.common import (
    DEFINING,
    LEVEL_EN,
    LEVEL_OF_DOCUMENT,
    LIABILITY_TEXT,
    RIGHT_TEXT,
    ROUTE_TEXT,
    Deps,
    ask_today,
    best_fragment,
    contacts_for,
    context_note,
    filters_for,
    focus_phrases,
    fragments,
    not_covered,
    notes_for,
    value_en,
)
from qa.answer.models import Answer
from qa.index.tokenize import ChineseTokenizer, english_tokenize
from qa.ingest.numerals import to_chinese, to_int
from qa.models import Clause, Library, Target
from qa.normalize import CJK_RE, normalize
from qa.retrieve.retriever import Filters, Hit, SearchResult
from qa.understand import cues
from qa.understand.cues import FIGURE_NOUNS
from qa.understand.figures import (
    COUNT_ASKED,
    COUNT_UNIT,
    DURATION,
    asked_types,
    deadline_as_duration,
    evidence_text,
    figures_in,
    interest_asked,
    level_qualifiers,
    missing_types,
)
from qa.understand.language import channel_language
from qa.understand.query import CJK_ONLY, Query, in_force_versions, keeps_version, own_content, time_marks
from qa.understand.references import number_value

NOT_STATED = {"zh": "{where}涉及这个话题，但没有写明{what}。", "en": "{where} touches on this, but it does not state the {what}."}
ASK_WHO = {"zh": "具体请咨询{who}。", "en": "For specifics, contact {who}."}


# Turns about a document itself (its validity, dates, versions): a follow-up searches the document.
DOCUMENT_TURNS = frozenset({"validity", "document", "compare_versions"})


def retrieve(query: Query, deps: Deps, *, k: int = 5) -> tuple[SearchResult, str | None]:
    """Search for the question within its scope; returns (result, abstention status or None).

    Follow-ups search the earlier turn's documents; another place's name limits the search to national texts.
    A clause that has the question's term only inside a longer one meaning something else loses a near tie.
    """
    result, status = _retrieve(query, deps, k=k)
    if query.details.get("not_meant") and not status and len(result.hits) > 1:
        result = _demote_narrower(result, deps, query.details["not_meant"])
    return result, status


# "Can I get a loan guarantee?": Art. 25 on loan guarantee *insurance* drops below the guarantee system articles
# when within this share of the best score.
NARROWER_DEMOTION = 0.9


def _demote_narrower(result: SearchResult, deps: Deps, not_meant: tuple[tuple[str, str], ...]) -> SearchResult:
    """``result`` with hits whose text has an asked term only inside a longer term (``not_meant``: (term, longer))
    scored down by ``NARROWER_DEMOTION``, then re-sorted (the order of the others kept)."""
    def only_inside(hit: Hit) -> bool:
        clause = deps.library.clause(hit.clause_id)
        text = evidence_text(clause.text_zh, clause.text_en)
        return any(long in text and short not in text.replace(long, " ") for short, long in not_meant)

    hits = [replace(h, score=h.score * NARROWER_DEMOTION) if only_inside(h) else h for h in result.hits]
    hits.sort(key=lambda h: -h.score)
    return replace(result, hits=tuple(hits))


def _retrieve(query: Query, deps: Deps, *, k: int = 5) -> tuple[SearchResult, str | None]:
    cues = query.scope_cues
    if any(c.effect == "abstain" for c in cues):
        result = deps.retriever.search(query.retrieval_text, lang=query.channels, k=k, filters=filters_for(query))
        return result, "out_of_scope"
    levels = ("national",) if any(c.effect == "national_only" for c in cues) else None
    filters = filters_for(query, levels=levels)
    switched = query.details.get("switched")
    if switched:
        filters = Filters(documents=tuple(switched))
    elif query.followup and query.context and query.context.clause_ids:
        docs = deps.library.documents_of(query.context.clause_ids)
        if not keeps_version(query.content, query.context) and not _chosen(query, docs):
            # "合同约定120天付款可以吗？" after "2020年版是多少天？": a question naming no version asks the one in
            # force, not the old one the last turn compared it with.
            docs = in_force_versions(deps.library, docs)
        filters = Filters(documents=docs)
    result = deps.retriever.search(query.retrieval_text, lang=query.channels, k=k, filters=filters,
                                   prefer=() if filters and filters.documents else query.places,
                                   evidence_text=query.evidence_text,
                                   discussed=() if filters and filters.documents else query.discussed,
                                   conversation=() if filters and filters.documents else query.conversation)
    if query.places and not (filters and filters.documents) and _below_threshold(query, deps, result):
        # "I run a factory in Guangzhou. A big customer hasn't paid me…": the place's texts have nothing on it
        # (Guangzhou's article is on government bodies), the national ones do.
        wider = deps.retriever.search(query.retrieval_text, lang=query.channels, k=k, filters=filters,
                                      evidence_text=query.evidence_text, discussed=query.discussed,
                                      conversation=query.conversation)
        if not _below_threshold(query, deps, wider):
            result = wider
    if query.discussed and not query.followup and not (filters and filters.documents) and _below_threshold(query, deps, result):
        # "国家级技术中心认定能拿多少钱？" after a question on the Private Economy Promotion Law: that law has nothing
        # on it, the 2007 plan does; a document under discussion ranks first only when it answers.
        anywhere = deps.retriever.search(query.retrieval_text, lang=query.channels, k=k, filters=filters,
                                         prefer=query.places, evidence_text=query.evidence_text)
        if not _below_threshold(query, deps, anywhere):
            result = anywhere
    if (query.conversation or query.discussed) and query.figure_types and not query.followup \
            and not (filters and filters.documents) and result.hits \
            and not _states_figure(query, deps.library.clause(result.hits[0].clause_id)):
        # "国家级技术中心奖励多少钱？" after a turn on the Guangzhou regulation: its Art. 23 is on topic but names no
        # sum, the 2007 plan's measure 12 does; the conversation's document leads only when it states the figure.
        plain = deps.retriever.search(query.retrieval_text, lang=query.channels, k=k, filters=filters,
                                      prefer=query.places, evidence_text=query.evidence_text)
        if plain.hits and _states_figure(query, deps.library.clause(plain.hits[0].clause_id)) \
                and not _below_threshold(query, deps, plain):
            result = plain
    if query.details.get("liability") and query.context and query.context.clause_ids:
        liable = liability_first(query, deps, filters, query.context.clause_ids, chapter_first=True)
        if liable is not None:
            return liable, None
    if query.followup and query.context and query.context.clause_ids and not switched:
        if query.context.intent in DOCUMENT_TURNS and own_content(query.bare or query.content):
            # "What does it say about talent training?" after "is the plan still in force?": the document was
            # under discussion, not the clause its answer cited (the notice).
            return result, ("abstained" if _below_threshold(query, deps, result) else None)
        if (away := _topic_elsewhere(query, deps, filters)) is not None:
            return away, None
        result = _prefer(result, _in_force_ids(query, deps, query.context.clause_ids), deps, query)
        return result, None
    if switched:
        same = _version_counterparts(query, deps, tuple(switched))
        if same:  # "2020年版呢？" after article 9 of the 2025 version: its 2020 counterpart, not a fresh search
            result = _prefer(result, same, deps, replace(query, context=None))
            return result, None
        result = _definition_first(query, deps, result, filters)  # "那广州的条例咋说？" after a definition
        # "那广东省呢？" after late-payment interest: the Guangdong regulation has nothing on it -> say so
        return result, ("abstained" if _below_threshold(query, deps, result) else None)
    result = _definition_first(query, deps, result, filters)
    result = _rule_before_sanction(query, deps, result)
    if "remedy" in query.asks and "liability" not in query.asks and not _below_threshold(query, deps, result):
        result = _remedies_first(query, deps, result, filters, k)
    if "liability" in query.asks and query.intent in ("topical", "greeting_plus") and not _own_penalty(query.content) \
            and not _below_threshold(query, deps, result):
        # "大公司一直拖着不付钱，有什么处罚？": the liability articles of the documents on the topic (on not paying:
        # of the documents of the best five, as the best, SME Promotion Law Art. 53, has no sanction of its own).
        # (A place named, 在广州…, keeps its own text's liability articles.)
        wide = PAYING_ASKED.search(query.content) and not query.places
        top = tuple(h.clause_id for h in result.hits[:5 if wide else 1])
        liable = liability_first(query, deps, Filters(documents=deps.library.documents_of(top)), top)
        if liable is not None:
            return replace(liable, confidence=result.confidence), None
    return result, ("abstained" if _below_threshold(query, deps, result) else None)


# A rule found this close to a liability article's list item on the same act leads a permission question.
RULE_SHARE = 0.9


def _rule_before_sanction(query: Query, deps: Deps, result: SearchResult) -> SearchResult:
    """``result`` with the clause that forbids an act moved before a liability article that lists the act among
    its violations, for a permission question ("政府投资项目要求施工单位垫资，允许吗？": 2025 Art. 8 不得由施工单位垫资建设
    before Art. 32 （二）要求施工单位对政府投资项目垫资建设): the rule answers whether it is allowed, the list what
    happens after. Only a clause of the same document, within ``RULE_SHARE`` of the best score, whose prohibition
    shares a word of the question with the matched item; ``result`` unchanged otherwise."""
    text = query.content
    if query.intent not in ("topical", "greeting_plus") or "liability" in query.asks or len(result.hits) < 2 \
            or not (_PERMISSION_ZH.search(text) or _PERMISSION_EN.search(text.strip())):
        return result
    top = result.hits[0]
    clause = deps.library.clause(top.clause_id)
    sentence = clause.sentences[top.sentence] if top.sentence < len(clause.sentences) else None
    if sentence is None or "不得" in sentence.zh or not LIABILITY_TEXT.search(clause.text_zh):
        return result
    zh = query.lang == "zh"
    words = _words(_tokenize(deps), query.lang)

    def side(s) -> str:  # a sentence in the question's language
        return s.zh if zh else (s.en or "").lower()

    # (Not the asker's own refusal: "can I refuse …" shares "refuse" with 不得拒绝或者迟延支付.)
    asked = (words(query.retrieval_text if zh else query.content) & words(side(sentence))) - _VERDICT_GENERIC \
        - _WHO_WORDS - {"refus", "declin", "拒绝"}
    if not asked:
        return result
    # The rule sharing most of those words ("accept" and "commercial" of Art. 11, not "accept" alone of Art. 14).
    best = None
    for n, hit in enumerate(result.hits[1:4], start=1):
        other = deps.library.clause(hit.clause_id)
        if other.doc_id != clause.doc_id or hit.score < RULE_SHARE * top.score:
            continue
        for s in other.sentences:
            shared = len(asked & words(side(s))) if "不得" in s.zh else 0
            if shared and (best is None or shared > best[0]):
                best = (shared, n, hit, s.index)
    if best is None:
        return result
    _shared, n, hit, idx = best
    led = replace(hit, sentence=idx, sentence_order=(idx, *(i for i in hit.sentence_order if i != idx)))
    return replace(result, hits=(led, *result.hits[:n], *result.hits[n + 1:]))


def _absent_terms(query: Query, deps: Deps, inside: list[Clause], outside: list[Clause]) -> tuple[str, ...]:
    """The terms of a follow-up's own words (利息 of 那要付利息吗; "fee", "charg" of "What fees can they charge
    me?") that no clause of ``inside`` has (in Chinese not even spread out: 个体户 in 个体工商户), but some clause of
    ``outside`` has; () unless every own term is so."""
    own = own_content(query.own_text or query.content)
    # Chinese terms in either language ("Does it include 个体工商户?"); English words but the asking ones.
    terms = {t for t in _tokenize(deps)(own) if len(t) >= 2 and CJK_ONLY.fullmatch(t)}
    if query.lang != "zh":
        terms |= {t for t in english_tokenize(own) if len(t) >= 4 and t.isalpha()} - _ASKING_STEMS
    terms -= _VERDICT_GENERIC | _WHO_WORDS
    if not terms:
        return ()

    def has(clause: Clause, term: str, *, spread: re.Pattern | None = None) -> bool:
        if CJK_ONLY.fullmatch(term):
            return bool(spread.search(clause.text_zh)) if spread else term in clause.text_zh
        return term in _english_words(clause.text_en or "")

    absent = []
    for term in sorted(terms):
        spread = re.compile(".{0,2}".join(map(re.escape, term))) if CJK_ONLY.fullmatch(term) else None
        if any(has(c, term, spread=spread) for c in inside) or not any(has(c, term) for c in outside):
            return ()
        absent.append(term)
    return tuple(absent)


# Stems of the words an English question asks with ("does it include …", "what does the law say"): no topic.
_ASKING_STEMS = frozenset({"includ", "cover", "mean", "say", "state", "appli", "count", "requir", "need", "allow",
                           "permit", "provid", "give", "get", "make", "rule", "law", "regul", "articl", "provis",
                           "document", "text", "there", "also", "same", "other", "anyth", "someth", "exist", "onli",
                           "just", "instead", "yuan", "what", "about", "case", "then", "still"})


@functools.lru_cache(maxsize=4096)
def _english_words(text: str) -> frozenset[str]:
    # A clause's English words, read once: a follow-up checks every clause of the library for its terms.
    return frozenset(english_tokenize(text))


def _topic_elsewhere(query: Query, deps: Deps, filters: Filters | None) -> SearchResult | None:
    """For a follow-up whose own topic the earlier turn's clauses never mention, the search that finds it: within
    their documents when another clause there has the topic's term ("那利息呢？" after the 2025 payment regulation's
    Art. 9: its Art. 17), else over the question's scope ("那要付利息吗？" after the Private Economy Promotion Law's
    Art. 68, a law with no word on interest: the payment regulation). None when the earlier clauses mention it, the
    user chose the documents, or the best clause found lacks the term (the follow-up stays with the earlier clause)."""
    # (After a listing, the listed clause the words pick, ``_prefer``; whom to contact has its own search.)
    if not filters or not filters.documents or query.details.get("switched") or query.selected or not query.context \
            or len(query.context.items) > 1 or query.intent == "contact":
        return None
    earlier = [deps.library.clause(c) for c in query.context.clause_ids]
    docs = set(filters.documents)
    same_doc = [c for c in deps.library.clauses if c.doc_id in docs and c.id not in query.context.clause_ids]
    # Within the documents the earlier words help pick ("and jobs?" after the goals on firms: the goal on jobs);
    # elsewhere they would pull back to the document left.
    if absent := _absent_terms(query, deps, earlier, same_doc):
        where, text = filters, query.retrieval_text
    elif absent := _absent_terms(query, deps, earlier + same_doc,
                                 [c for c in deps.library.clauses if c.doc_id not in docs]):
        where, text = None, query.own_text or query.content
    else:
        return None
    found = deps.retriever.search(text, lang=query.channels, k=5, filters=where, evidence_text=query.evidence_text)
    best = deps.library.clause(found.hits[0].clause_id) if found.hits else None
    if best is None or not any(t in best.text_zh if CJK_ONLY.fullmatch(t) else t in _english_words(best.text_en or "")
                               for t in absent):
        return None
    return found


def _chosen(query: Query, docs: tuple[str, ...]) -> bool:
    """Did the user choose ``docs`` (the 2020 version picked in the selector): a follow-up keeps to them, not to the
    version in force."""
    return bool(query.selected) and set(docs) <= set(query.selected)


def _in_force_ids(query: Query, deps: Deps, clause_ids: tuple[str, ...]) -> tuple[str, ...]:
    """``clause_ids`` with a superseded version's clause replaced by its counterpart in force, unless the question
    names a version ("合同约定120天付款可以吗？" after 2020 Art. 8 was shown: 2025 Art. 9)."""
    if keeps_version(query.content, query.context) or _chosen(query, deps.library.documents_of(clause_ids)):
        return clause_ids
    out = []
    for cid in clause_ids:
        clause = deps.library.clause(cid)
        info = deps.library.info(clause.doc_id)
        newer = matching_clause(deps, clause, info.superseded_by) if info.status == "superseded" and \
            deps.library.has_document(info.superseded_by or "") else None
        out.append(newer.id if newer is not None else cid)
    return tuple(dict.fromkeys(out))


# "What can I do?" about an unpaid bill: a clause giving the asker a right (中小企业有权要求…赔偿) or a way to complain,
# found this deep and scoring this close to the best, comes first.
REMEDY_DEPTH = 12
REMEDY_SHARE = 0.85


def _remedies_first(query: Query, deps: Deps, result: SearchResult, filters: Filters | None, k: int) -> SearchResult:
    """``result`` with the clauses naming what the asker may do (a right first, then a complaint or court route)
    moved before the others, when one is among the ``REMEDY_DEPTH`` best and within ``REMEDY_SHARE`` of the best
    score; the rest in their order, ``k`` hits in all."""
    wide = deps.retriever.search(query.retrieval_text, lang=query.channels, k=max(k, REMEDY_DEPTH), filters=filters,
                                 evidence_text=query.evidence_text, discussed=query.discussed, conversation=query.conversation)
    if not wide.hits or not result.hits:
        return result
    best = wide.hits[0].score

    def rank(hit: Hit) -> int:
        text = deps.library.clause(hit.clause_id).text_zh
        return 0 if RIGHT_TEXT.search(text) else 1 if ROUTE_TEXT.search(text) else 2

    # Only in the best clause's document: the follow-ups (interest, whom to complain to) are asked of it, and
    # another document's article on a right would pull them away from the text that sets the procedure.
    top_doc = deps.library.clause(wide.hits[0].clause_id).doc_id
    close = [h for h in wide.hits if h.score >= REMEDY_SHARE * best and rank(h) < 2
             and deps.library.clause(h.clause_id).doc_id == top_doc]
    if not close:
        return result
    close.sort(key=rank)
    # The sentence that gives the right leads the quote, not the rule the other side broke.
    close = [_led_by(h, deps.library.clause(h.clause_id), RIGHT_TEXT if rank(h) == 0 else ROUTE_TEXT) for h in close]
    rest = [h for h in result.hits if h.clause_id not in {c.clause_id for c in close}]
    return replace(result, hits=tuple(close + rest)[:k])


# "Will I be fined?" asks about the asker's own penalty (first offence, waiver), not what a violator faces.
_OWN_PENALTY = re.compile(r"我|咱|本公司|我司|\b(?:i|me|my|we|us|our)\b|免于|免罚|(?<!罚)不罚"
                          r"|不予处罚|\bwaive"
                          # 首违不罚: the rule that spares a first minor violation, not the sanctions for one
                          r"|首违|初次违法|第一次违法|\bfirst(?:-time)? (?:minor )?(?:violation|offen[cs]e)s?\b"
                          r"|\bminor (?:first(?:-time)? )?(?:violation|offen[cs]e)s?\b")
# "会被罚吗" with no party named is the asker's own penalty; "大企业不付款会被罚吗" is the large enterprise's.
_OWN_PASSIVE = re.compile(r"(?<!他们)(?<!他)会被|(?<!他们)(?<!他)会不会被|\b(?<!they )(?<!they will )be (?:fined|penali[sz]ed|punished)\b")


def _own_penalty(content: str) -> bool:
    """True when ``content`` asks about the asker's own penalty (我会被罚吗, first-offence waivers), not a party's."""
    return bool(_OWN_PENALTY.search(content) or (_OWN_PASSIVE.search(content) and not actors_in(content)))


def liability_first(query: Query, deps: Deps, filters: Filters, about: tuple[str, ...], *,
                     chapter_first: bool = False) -> SearchResult | None:
    """The liability articles of the documents of ``about`` (the earlier turn's clauses, or the best clause found),
    those that name one of them first ("违反本条例第三十七条规定…"), then (``chapter_first``, for "what happens to
    officials who break that?") those of a 法律责任 chapter, the rest by likeness; None when those documents have
    none (the 2007 plan)."""
    docs = deps.library.documents_of(about)
    in_chapter = {c.id for c in deps.library.clauses if c.doc_id in docs and c.kind == "article"
                  and any("法律责任" in g for g in c.group_path)}
    liable = [c for c in deps.library.clauses if c.doc_id in docs and c.kind == "article"
              and (c.id in in_chapter or LIABILITY_TEXT.search(c.text_zh) or CONSEQUENCE_TEXT.search(c.text_zh))]
    if not liable:
        return None
    earlier = [deps.library.clause(c) for c in about]
    named = {c.id for c in liable for e in earlier if e.doc_id == c.doc_id and e.number and names_article(c.text_zh, e.number)}
    # Ranked by likeness to the earlier clause and to the conversation's words together (reciprocal ranks):
    # "penalty" alone would put the article on fraud penalties first.
    found = deps.retriever.search(query.retrieval_text, lang=query.channels, k=100, filters=filters)
    # (After a listing, like a chapter's articles, the first one listed is no topic to be like.)
    listing = query.context is not None and len(query.context.items) > 1 and set(about) <= set(query.context.items)
    alike = None if listing else deps.retriever.search(normalize(earlier[0].text_zh), lang="zh", k=100, filters=filters)
    score: dict[str, float] = {}
    for ranking in (found, alike) if alike else (found,):
        for n, h in enumerate(ranking.hits):
            score[h.clause_id] = score.get(h.clause_id, 0.0) + 1.0 / (10 + n)
    by_id = {h.clause_id: h for h in found.hits}
    # An article of the 法律责任 chapter before one elsewhere that mentions 刑事责任 in passing (PEL art. 63).
    # The best clause found, when it is itself a liability article ("what happens if a company cheats to get
    # subsidies?" -> the article on fraud), stays first.
    own = set(about) if not chapter_first else set()
    # The party asked about: the question's own, else the earlier question's ("what's the penalty for them?").
    asked = actors_in(query.content) or (actors_in(query.context.question) if query.context else frozenset())
    # "What are the penalties?" / "what's the consequence?" wants a sanction first, not the overdue interest a late
    # payer owes (which a consequence question still gets, after it); "要赔利息吗" asks the interest.
    owed_only = {c.id for c in liable if c.id not in in_chapter and not LIABILITY_TEXT.search(c.text_zh)} \
        if _SANCTION_ASKED.search(query.content) or not (cues.INTEREST_WORD.search(query.content) or "overrun" in query.asks) \
        else set()  # (a payment term overrun, 超过了怎么办: the interest owed is the first consequence)
    # "…serious enough to be a crime?": the article that names criminal liability.
    criminal = {c.id for c in liable if "犯罪" in c.text_zh or "刑事责任" in c.text_zh} if _CRIME_ASKED.search(query.content) else set()
    # A sanction for another act than the one asked about (2025 Art. 34 failing to disclose, Art. 35 retaliating
    # against a complainant) answers no question on paying late.
    # (An article listing late payment among its acts, 2020 Art. 25, is about paying late all the same.)
    # ("What if they lie about it?" after disclosing overdue payments: the act is the earlier turn's.)
    about = query.content + " " + (query.context.question if query.followup and query.context else "")
    other_act = {c.id for c in liable for act, asked_for in _OTHER_ACTS
                 if act.search(c.text_zh) and not asked_for.search(about) and not _PAYING_ACT.search(c.text_zh)}
    # Not paying asked about: an article whose act is not paying (2025 Art. 31 (一)) before one on budgets (Art. 32).
    paying_asked = bool(PAYING_ASKED.search(query.content))
    # An act asked about (retaliating against a complainant): the articles that name it first.
    acts = [act for act, asked_for in _OTHER_ACTS if asked_for.search(query.content)]
    liable.sort(key=lambda c: (bool(criminal) and c.id not in criminal, c.id not in named, _actor_mismatch(asked, c),
                               bool(acts) and not any(act.search(c.text_zh) for act in acts),
                               c.id in other_act, paying_asked and not _PAYING_ACT.search(c.text_zh),
                               _actor_fit(asked, c), c.id in owed_only,
                               c.id not in own, chapter_first and c.id not in in_chapter, -score.get(c.id, 0.0)))
    # The sentence that states the sanction first, not the item that matched the earlier topic.
    # Of those, the one whose subject is the party asked (国家机关、事业单位… before 大型企业… for 机关拖欠).
    hits = tuple(_led_by(by_id.get(c.id) or Hit(c.id, 0.0, 0, 1.0, {}, ()), c, LIABILITY_TEXT, asked=asked) for c in liable[:5])
    return SearchResult(query=found.query, hits=hits, confidence=1.0)


_CRIME_ASKED = re.compile(r"犯罪|刑事|坐牢|判刑|\bcrim(?:e|es|inal)\b|\bjail\b|\bprison\b")
_DISCLOSURE_ACT = re.compile(r"未按照?规定[^。；]{0,12}(?:公示|报告|披露)|隐瞒真实情况")
_DISCLOSURE_ASKED = re.compile(r"公示|披露|年度报告|年报|隐瞒|弄虚作假|\bdisclos\w*|\bannual report|\bpublici[sz]\w*|\bconceal\w*|\bhid(?:e|es|ing)\b",
                               re.IGNORECASE)
_RETALIATION_ACT = re.compile(r"恐吓|打击报复")
_RETALIATION_ASKED = re.compile(r"恐吓|报复|威胁|打压|刁难|滥用职权|玩忽职守|徇私|\bretaliat\w*|\bthreat\w*|\bintimidat\w*|\babuse\w*"
                                r"|\brevenge\b|\bpunish(?:es|ed|ing)? (?:me|us|them|suppliers?|smes?|small)\b", re.IGNORECASE)
_PAYING_ACT = re.compile(r"未在规定的期限内支付|拖欠|迟延支付|拖延支付|拖延检验")
PAYING_ASKED = re.compile(r"拖欠|欠款|欠钱|欠我|不付|不给钱|不俾钱|唔俾|唔畀|拖数|拖咗我|拖了我|数都不给|钱都不给|不给数"
                          r"|迟延|迟付|晚付|不按时付|未付|没付|拖着不|没(?:有)?(?:给我|跟我|同我)?结(?:款|账|数)|不结(?:款|账)|唔结数"
                          r"|\b(?:pay|pays|paid|paying|arrears|owe|owed|owes)\b")
_OTHER_ACTS = ((_DISCLOSURE_ACT, _DISCLOSURE_ASKED), (_RETALIATION_ACT, _RETALIATION_ASKED))
_SANCTION_ASKED = re.compile(r"处罚|罚款|罚|处分|惩罚|制裁|\bpenalt|\bpunish|\bsanction|\bfined?\b|\bfines\b")
# "迟延支付中小企业款项的，应当支付逾期利息": what a party that breaks a rule must do, outside the liability chapter.
CONSEQUENCE_TEXT = re.compile(r"的，应当(?:支付|赔偿|承担|退还|返还)")
# Who a liability article is about, read from its subject: the state-owned large enterprise is narrower than a
# large enterprise, so "大企业拖欠货款" is not answered with the article on state-owned ones.
_ACTORS = {"state_owned": re.compile(r"国有|国企|state-owned|\bsoes?\b|state enterprise"),
           "government": re.compile(r"机关|事业单位|政府部门|government (?:bod|agenc|department|unit)|public institution"
                                    r"|\bagenc(?:y|ies)\b"),
           "large": re.compile(r"大型企业|大企业|大公司|大客户|large (?:private )?(?:enterprise|compan|firm|business)"
                               r"|big (?:private )?(?:compan|firm|client|customer|business)")}


def actors_in(text: str) -> frozenset[str]:
    """The kinds of party ``text`` names (state_owned, government, large); empty when it names none."""
    return frozenset(name for name, pattern in _ACTORS.items() if pattern.search(text))


def _actor_mismatch(asked: frozenset[str], clause: Clause) -> bool:
    """True when the question names a party and no sentence of ``clause`` has it as its subject (a sentence's
    first words), only other parties or a narrower one the question did not name (国有 when it said 大企业)."""
    if not asked:
        return False
    subjects = [found for s in clause.sentences if (found := actors_in(s.zh[:24]))]
    # (国有 narrows a large enterprise; beside 国家机关、事业单位 it is one more party, not a narrower government.)
    return bool(subjects) and not any(asked & subject and ("state_owned" not in subject or "state_owned" in asked
                                                           or "large" not in asked) for subject in subjects)


def _actor_fit(asked: frozenset[str], clause: Clause) -> int:
    """How well ``clause``'s sentence subjects fit the party the question names: 0 a subject that is that party
    alone (2025 Art. 31, 机关、事业单位 for 机关单位拖欠…), 1 a subject naming it among others (机关、事业单位和大型企业),
    2 no subject naming it (民营经济组织…违反法律: the private firm's own violations); 0 when no party is named."""
    if not asked:
        return 0
    subjects = [found for s in clause.sentences if (found := actors_in(s.zh[:24])) and asked & found]
    return 2 if not subjects else 1 if all(subject - asked for subject in subjects) else 0


def _led_by(hit: Hit, clause: Clause, pattern: re.Pattern, *, asked: frozenset[str] = frozenset()) -> Hit:
    """``hit`` with the sentences of ``clause`` that match ``pattern`` first (the sanction, the definition), those
    whose subject is a party ``asked`` (``actors_in``) before the others, the rest in their former order."""
    order = hit.sentence_order or tuple(s.index for s in clause.sentences)

    def rank(i: int) -> tuple[bool, bool]:
        matched = bool(pattern.search(clause.sentences[i].zh))
        return not (matched and asked & actors_in(clause.sentences[i].zh[:24])), not matched

    order = tuple(sorted(order, key=rank))
    return replace(hit, sentence=order[0], sentence_order=order)


def hit_for(deps: Deps, query: Query, result: SearchResult, clause_id: str, *, score: float = 0.0,
            confidence: float = 1.0) -> Hit:
    """``clause_id``'s hit in ``result``, else a stand-in (``score``, ``confidence``) with the clause's sentences in
    the order that matches the question."""
    return next((h for h in result.hits if h.clause_id == clause_id), None) or Hit(
        clause_id, score, 0, confidence, {}, deps.retriever.sentence_order(clause_id, query.retrieval_text, query.channels))


def _below_threshold(query: Query, deps: Deps, result: SearchResult) -> bool:
    """No hit, or the best hit's evidence below the threshold of its document's kind (in the question's language)."""
    return not result.hits or result.confidence < deps.threshold_for_clause(query.evidence_lang, result.hits[0].clause_id)


def _version_counterparts(query: Query, deps: Deps, switched: tuple[str, ...]) -> tuple[str, ...]:
    """The clauses of another version of the earlier turn's document that match the earlier turn's clauses."""
    if not (query.context and query.context.clause_ids):
        return ()
    out: list[str] = []
    for clause_id in query.context.clause_ids[:2]:
        clause = deps.library.clause(clause_id)
        versions = set(deps.documents.versions(clause.doc_id)) & set(switched)
        for doc_id in versions - {clause.doc_id}:
            if (match := matching_clause(deps, clause, doc_id)) is not None:
                out.append(match.id)
    return tuple(dict.fromkeys(out))


def text_similarity(a: str, b: str) -> float:
    """Character similarity of two Chinese texts, 0-1 (difflib's ratio, no junk heuristic)."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def names_article(text: str, number: int) -> bool:
    """Whether ``text`` names article ``number`` of its own document (第三十七条, not 第三十七条之一 or 第三十八条)."""
    return bool(re.search(rf"第{to_chinese(number)}条(?![一二三四五六七八九十])", text))


def matching_clause(deps: Deps, clause: Clause, doc_id: str) -> Clause | None:
    """The clause of ``doc_id`` (another version of ``clause``'s document) whose text matches ``clause`` best, by
    character similarity (``text_similarity``) over the clauses of its kind; None when ``doc_id`` has none.
    (A search ranked by the article's words took 2020 Art. 7 for 2025 Art. 32, whose text is 2020 Art. 26's.)"""
    key = (clause.id, doc_id, deps.library.corpus_hash)
    if key not in _MATCHES:
        best, found = -1.0, None
        for other in deps.library.document(doc_id).clauses:
            if other.kind != clause.kind:
                continue
            matcher = difflib.SequenceMatcher(None, clause.text_zh, other.text_zh, autojunk=False)
            if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best and (r := matcher.ratio()) > best:
                best, found = r, other
        _MATCHES[key] = found.id if found else None
    return deps.library.clause(_MATCHES[key]) if _MATCHES[key] else None


_MATCHES: dict[tuple[str, str, str], str | None] = {}  # (clause, other version, library) -> best match, computed once


_DEFINED_TERM_EN = re.compile(r"(?:what counts as|what (?:is|are)|definition of|meaning of|define|count as|qualif\w* as)\s+"
                              r"(?:an?\s+|the\s+)?\"?([a-z][a-z -]{1,40}?)\"?\s*(?:\b(?:under|in|according|for|by|mean)\b|[?,.]|$)")


# "What is the fund used for?" reads as "what is X?" but asks what X does, not what X is.
_ASKS_USE = re.compile(r"\bused for\b|\bfor\s*\?*$|用途|用来|用于|干什么用")


def _definition_first(query: Query, deps: Deps, result: SearchResult, filters) -> SearchResult:
    """"X包括哪些 / what counts as X": the clause that defines X (本法所称X，是指…) goes first."""
    if query.details.get("switched") and query.context and not cues.DEFINITION.search(query.content) \
            and cues.DEFINITION.search(query.context.question) and not _ASKS_USE.search(query.context.question):
        # "那广州的条例咋说？" after "民营经济组织是怎么定义的？": that definition, in the other document.
        query = replace(query, content=query.context.question, followup=False, context=None)
    applies = cues.APPLIES_TO.search(query.content)
    if not cues.DEFINITION.search(query.content) and not applies:
        return result
    earlier = [deps.library.clause(c) for c in query.context.clause_ids[:1]] if query.followup and query.context else []
    pattern = DEFINING
    if earlier and ("anaphora" in query.asks or cues.MEMBERSHIP.search(query.content)) \
            and any(DEFINING.search(s.zh) for s in earlier[0].sentences):
        defining = earlier  # "Does it include 个体工商户?" / 个体户算不算 after the definition of 民营经济组织: that definition
    elif applies:
        # "边啲人适用促进个体工商户发展条例？": the article that says whom the document applies to.
        docs = set(filters.documents) if filters and filters.documents else set(
            deps.library.documents_of(tuple(h.clause_id for h in result.hits[:1])))
        defining = [c for c in deps.library.clauses if c.doc_id in docs and c.kind == "article"
                    and any(_APPLIES.search(s.zh) for s in c.sentences)]
        pattern = _APPLIES
    else:
        allowed = set(filters.documents) if filters and filters.documents else None
        defining = _clauses_defining(query, deps, allowed)
        if not defining and (defining := _clauses_applying_to(query, deps, allowed)):
            pattern = _APPLIES  # 什么是个体工商户: 依法登记为个体工商户的，适用本条例 says who one is
    if not defining:
        return result
    by_id = {h.clause_id: h for h in result.hits}
    ranked = sorted(defining, key=lambda c: -(by_id[c.id].score if c.id in by_id else 0.0))
    best = ranked[0]
    hit = by_id.get(best.id) or hit_for(deps, query, result, best.id, score=result.hits[0].score if result.hits else 1.0,
                                        confidence=result.confidence)
    hit = _led_by(hit, best, pattern)  # the defining sentence is quoted (第七十七条's second is on foreign investment)
    rest = [h for h in result.hits if h.clause_id != best.id]
    confidence = max(result.confidence, hit.confidence)
    if pattern is DEFINING or (filters and filters.documents):
        # The clause defines the very term asked about (or says whom the chosen document applies to): evidence
        # enough, whatever the wording's overlap ("广东条例嘅定义有冇唔同？").
        confidence = max(confidence, deps.threshold_for_clause(query.evidence_lang, best.id))
    return SearchResult(query=result.query, hits=(hit,) + tuple(rest), confidence=confidence)


_APPLIES = re.compile(r"适用本(?:法|条例|办法|规定)|本(?:法|条例|办法|规定)适用于")


def _question_terms(query: Query, deps: Deps) -> list[str]:
    """The question's Chinese words of 3+ characters, longest first: the terms a definition is looked up by."""
    return sorted({t for t in deps.retriever.index.zh_tokenizer(query.content) if len(t) >= 3}, key=len, reverse=True)


def _clauses_defining(query: Query, deps: Deps, allowed: set[str] | None) -> list[Clause]:
    """The clauses (of the ``allowed`` documents; None = all) that define the question's term: the longest Chinese
    term with 所称X / X是指 first, else an English phrase after "for the purposes of this Law" and the like."""
    terms = _question_terms(query, deps)
    for term in terms:
        # 以下统称受理投诉部门: the article that names the body a later article calls by that term.
        pattern = re.compile(rf"所称{re.escape(term)}|{re.escape(term)}[，,]?是指|以下(?:统|简)?称{re.escape(term)}")
        defining = [c for c in deps.library.clauses if (allowed is None or c.doc_id in allowed)
                    and any(pattern.search(s.zh) for s in c.sentences)]
        if defining:
            return defining
    # The term itself ("what counts as an SME under Chinese law?" -> sme), then every run of English words.
    english = [m.group(1) for m in _DEFINED_TERM_EN.finditer(query.content)]
    english += [w for w in re.findall(r"[a-z][a-z -]{4,40}", query.content)]
    for phrase in english:
        low = phrase.strip()
        defining = [c for c in deps.library.clauses if (allowed is None or c.doc_id in allowed)
                    and any(re.search(rf"(?:referred to in (?:this|these) \w+|as used in (?:this|these) \w+"
                                      rf"|for the purposes of (?:this|these) \w+)[^.]{{0,60}}{re.escape(low)}",
                                      s.en.lower()) for s in c.sentences)]
        if defining:
            return defining
    return []


def _clauses_applying_to(query: Query, deps: Deps, allowed: set[str] | None) -> list[Clause]:
    """The articles (of the ``allowed`` documents; None = all) whose one sentence names the question's longest
    Chinese term (3+ characters) and says the document applies to it (…登记为个体工商户的，适用本条例), for a term no
    article defines with 所称 / 是指; [] when none does."""
    terms = _question_terms(query, deps)
    for term in terms:
        found = [c for c in deps.library.clauses if (allowed is None or c.doc_id in allowed) and c.kind == "article"
                 and any(term in s.zh and _APPLIES.search(s.zh) for s in c.sentences)]
        if found:
            return found
    # English: "What is an individual business?" (read with its synonym, individual industrial and commercial
    # household) -> "These Regulations apply to citizens … registered as individual industrial and commercial households".
    asked = f"{query.content} {query.retrieval_text}".lower()
    return [c for c in deps.library.clauses if (allowed is None or c.doc_id in allowed) and c.kind == "article"
            and any(_applies_to_asked(s.en.lower(), asked) for s in c.sentences if s.en)]


def _applies_to_asked(sentence_en: str, asked: str) -> bool:
    """Whether an English sentence says the text applies to those registered as a term the question names."""
    m = _REGISTERED_AS.search(sentence_en)
    return bool(m) and bool(re.search(r"\bappl(?:y|ies)\b", sentence_en)) and m.group(1).rstrip("s") in asked


_REGISTERED_AS = re.compile(r"registered as (?:an? )?([a-z][a-z ]{3,60}?) in accordance")


def _rank_listed(deps: Deps, query: Query, items: tuple[str, ...], text: str) -> list[Hit]:
    """The hits among ``items`` (the clauses an earlier turn listed) for ``text``, best first."""
    ranked = deps.retriever.search(text, lang=query.channels, k=min(100, 3 * len(items)),
                                   filters=Filters(documents=deps.library.documents_of(items)))
    return [h for h in ranked.hits if h.clause_id in set(items)]


def _prefer(result: SearchResult, clause_ids: tuple[str, ...], deps: Deps, query: Query) -> SearchResult:
    """Put the earlier turn's clauses first (in retrieval order), the rest after. After a listing, every
    listed clause competes (这几条里哪条讲债券 / which of those is about electricity)."""
    if query.context and len(query.context.items) > 1:
        listed = _rank_listed(deps, query, query.context.items, query.retrieval_text)
        if listed:
            clause_ids = tuple(h.clause_id for h in listed)
            result = SearchResult(query=result.query, hits=tuple(listed) + result.hits, confidence=result.confidence)
    by_id = {h.clause_id: h for h in result.hits}
    first = [by_id.get(c) or hit_for(deps, query, result, c) for c in clause_ids]
    first.sort(key=lambda h: -h.score)
    rest = [h for h in result.hits if h.clause_id not in clause_ids]
    return SearchResult(query=result.query, hits=tuple(first + rest), confidence=1.0)


@functools.lru_cache(maxsize=16384)
def _clause_tokens(zh: ChineseTokenizer, text: str) -> tuple[str, ...]:
    # Candidate sentences repeat from question to question; tokenising them again was a fifth of `ask`.
    return tuple(zh(text) + english_tokenize(text))


def _tokenize(deps: Deps):
    zh = deps.retriever.index.zh_tokenizer

    def tokens(text: str) -> list[str]:
        return list(_clause_tokens(zh, text))

    return tokens


def _related(result: SearchResult, cited: set[str], n: int = 3) -> tuple[str, ...]:
    return tuple(h.clause_id for h in result.hits if h.clause_id not in cited)[:n]


def handle_topical(query: Query, deps: Deps) -> Answer:
    """Retrieval as before, but the quote is the best fragment of the best clause, not a whole sentence."""
    result, abstain = retrieve(query, deps)
    if abstain == "abstained" and _named_actors(query.content) and (steps := _arrears_steps(query, deps, result)):
        # "A district government office owes my company 800k RMB … What are my options?": the story held the evidence
        # under the bar, but a party the payment rules bind owes money, and the steps are found by their own texts.
        return steps
    if abstain:
        return not_covered(query, deps, result, status=abstain)
    if (steps := _arrears_steps(query, deps, result)) is not None:
        return steps
    hit = result.hits[0]
    if query.figure_types and not query.followup:
        found = _stating_or_not_stated(query, deps, result)
        if isinstance(found, Answer):
            return found
        hit = found
    clause = deps.library.clause(hit.clause_id)
    return quote_answer(query, deps, clause, hit, result, lead=_unstated_amount(query, deps, clause))


# An amount the question asserts: 10亿元, 300万, RMB 3 million, 1 billion yuan (value in RMB).
# (一个亿: a hundred million.)
_AMOUNT_ZH = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:个(?=亿))?"
                        r"(亿元|万元|亿|万(?!户|人|家|平方)|元)")
# Thousands separated by commas (100,000 yuan) are one number.
_AMOUNT_EN = re.compile(r"\b(?:rmb|cny|¥)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(million|billion|thousand)?"
                        r"|(?<![\d,.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(million|billion|thousand)?\s*(?:yuan|rmb|cny)\b",
                        re.IGNORECASE)
_SCALE = {"亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "元": 1, "million": 1e6, "billion": 1e9, "thousand": 1e3, "": 1}


def amounts_in(text: str, *, english: bool = False) -> list[tuple[str, float]]:
    """The money amounts a text states: [(as written, value in RMB)]; Chinese numerals read by ``to_int``."""
    out = []
    for m in _AMOUNT_ZH.finditer(text):
        try:
            number = float(m.group(1).replace(",", "")) if m.group(1)[0].isdigit() else float(to_int(m.group(1)))
        except ValueError:
            continue
        out.append((m.group(0).strip(), number * _SCALE[m.group(2)]))
    if english:
        for m in _AMOUNT_EN.finditer(text):
            number, scale = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            out.append((m.group(0).strip(), float(number.replace(",", "")) * _SCALE[(scale or "").lower()]))
    return out


_AMOUNTS: dict[tuple, tuple[Library, dict[float, tuple[str, ...]]]] = {}


def _clauses_stating(library: Library) -> dict[float, tuple[str, ...]]:
    """Each money amount of the library (RMB) and the clauses stating it, in library order; computed once."""
    def make():
        found: dict[float, list[str]] = {}
        for clause in library.clauses:
            for _, value in amounts_in(clause.text_zh):
                if clause.id not in found.setdefault(value, []):
                    found[value].append(clause.id)
        return {v: tuple(ids) for v, ids in found.items()}
    return _kept(_AMOUNTS, library, (), make)


def _unstated_amount(query: Query, deps: Deps, clause: Clause) -> str:
    """A lead for a question asserting an amount the quoted clause does not state (市财政每年拿出10亿元…是哪一条？):
    the clause does not say it, and which clauses of the library do say that amount, if any; "" otherwise."""
    if query.intent != "topical":
        return ""
    if cues.INTEREST_WORD.search(query.content) or (query.followup and query.context and cues.INTEREST_WORD.search(query.context.question)):
        # "大公司欠我10万，晚了30天，没约定利率。利息？" / "And only RMB 40,000?" after the interest on a sum: the sum
        # owed, not a figure claimed: the interest on it.
        sentences = {s.index: s.zh for s in clause.sentences}
        for target in clause.targets:
            if target.sentence is not None and (worked := _interest_sum(query, sentences.get(target.sentence, ""), target)):
                return worked
    # The raw question (NFKC), so that "RMB 1 billion" keeps its capitals when quoted back.
    asserted = amounts_in(unicodedata.normalize("NFKC", query.raw), english=query.lang == "en")
    if not asserted:
        return ""
    written = amounts_in(clause.text_zh)
    shown, value = asserted[0]
    if value in {v for _, v in written}:
        return ""
    library = deps.library
    if cues.CONFIRM.search(query.content) and (stated := list(dict.fromkeys(x for x, _v in written))):
        # "国家级研发机构奖励是500万对吧？": the sums the clause does state (300万元、100万元和50万元), and a no.
        return (f"不对：所引条文写的是{'、'.join(stated)}，不是{shown}。" if query.lang == "zh" else
                f"No — the provision quoted states {', '.join(stated)}, not {shown}. ")
    elsewhere = [library.clause(i) for i in _clauses_stating(library).get(value, ()) if i != clause.id][:3]
    if query.lang == "zh":
        line = f"所引条文没有写明“{shown}”；"
        line += (f"写到{shown}的是{'、'.join(labels_with_document(library, c)[0] for c in elsewhere)}。" if elsewhere
                 else "资料库中的文件都没有写明这个金额。")
        return line + "与问题最接近的条文是："
    line = f"The provision quoted does not state {shown}; "
    line += (f"that amount appears in {'; '.join(labels_with_document(library, c)[1] for c in elsewhere)}. " if elsewhere
             else "no document in the library states that amount. ")
    return line + "The closest provision: "


# "大客户拖了三个月不付款，我该怎么办？" / "a big customer hasn't paid me for 3 months, what can I do?": the steps the
# texts in force give an unpaid supplier, each found by what its text says (not by its number), each cited.
ARREARS_STEPS = (
    # (label zh, label en, search text, what the clause's sentence must say)
    ("付款期限", "Payment term", "付款期限 交付之日起 日内支付款项", re.compile(r"\d+日内支付")),
    ("逾期利息", "Late-payment interest", "迟延支付 逾期利息 每日利率", re.compile(r"逾期利息")),
    ("要求付款和赔偿", "Claim payment and damages", "有权要求拖欠方支付拖欠款 赔偿", re.compile(r"有权要求[^。；]{0,20}支付")),
    ("投诉", "Complain", "受理 拖欠中小企业款项的投诉", re.compile(r"(?:受理|接受|接收)(?!投诉部门|之日)[^。；]{0,24}?(?:投诉|举报)(?!部门)")),
)


def _arrears_steps(query: Query, deps: Deps, result: SearchResult) -> Answer | None:
    """What an unpaid supplier may do, step by step (the payment term for the party named, late-payment interest,
    the right to claim, where to complain), when the question tells of unpaid money and asks what to do; None
    otherwise, or when fewer than three steps are found in the documents in force (of the chosen scope)."""
    # A follow-up ("What can the supplier do if it still happens?") tells of the unpaid money in its earlier turn.
    told = query.retrieval_text if query.followup else query.content
    if query.refs or "remedy" not in query.asks or "liability" in query.asks \
            or not PAYING_ASKED.search(told) or query.intent not in ("topical", "greeting_plus") \
            or any(asked.search(told) for _act, asked in _OTHER_ACTS):
        return None  # (retaliated against after complaining: that act's own rule, not the unpaid-bill steps)
    library, zh = deps.library, query.lang == "zh"
    scope = tuple(d for d in (query.scope or library.doc_ids) if library.info(d).in_force)
    if not scope:
        return None
    named = tuple(_asked_actors(query))
    parties = named or ("大型企业", "机关")
    lines, citations, seen = [], [], set()
    for label_zh, label_en, text, says in ARREARS_STEPS:
        found = _step_search(deps, text, scope)
        for hit in found.hits:
            clause = library.clause(hit.clause_id)
            if clause.id in seen:
                continue
            if label_zh == "付款期限":
                verdict = _party_verdict(query, clause, parties, None, True)
                if verdict is None:
                    continue
                indexes, body_zh = verdict.sentences, verdict.lead
                body_en = verdict.lead
            else:
                indexes = [s.index for s in clause.sentences if says.search(s.zh)][:2]
                if not indexes:
                    continue
                body_zh = "".join(clause.sentences[i].zh for i in indexes)
                body_en = " ".join(clause.sentences[i].en for i in indexes if clause.sentences[i].en) or body_zh
            seen.add(clause.id)
            where = cite(library, clause, "zh" if zh else "en")
            lines.append(f"{len(lines) + 1}. {label_zh}：{body_zh}（{where}）" if zh
                         else f"{len(lines) + 1}. {label_en}: {body_en.strip()} ({where})")
            citations.append(deps_citation(deps, clause, tuple(indexes)))
            break
    if len(lines) < 3:
        return None
    head = "款项被拖欠，资料库中现行的规定给出这几步：" if zh else "Unpaid money: the texts in force give these steps."
    if not named:
        # "客户拖了我半年货款": whether the payment rules bind this customer depends on who it is.
        head += ("（付款期限和逾期利息的规定约束的是向中小企业采购的机关、事业单位和大型企业；客户不是这几类的，"
                 "这两项不适用。）" if zh else " (The payment term and late-payment interest bind government bodies, "
                 "public institutions and large enterprises buying from SMEs; if your customer is none of these, those "
                 "two do not apply.)")
    return Answer(question=query.raw, lang=query.lang, status="answered", abstained=False,
                  answer="\n".join([head, *lines]), intent=query.intent, citations=tuple(citations),
                  notes=notes_for(library, [c.clause_id for c in citations], query.lang), confidence=result.confidence,
                  context_from=query.context.clause_ids if query.followup and query.context else ())


_STEP_HITS: dict[tuple, tuple[object, SearchResult]] = {}


def _step_search(deps: Deps, text: str, scope: tuple[str, ...]) -> SearchResult:
    """The search for one of ``ARREARS_STEPS`` within ``scope``, kept per retriever: its words never change, so
    the four searches (each encoding its text) cost once per scope, not once per question."""
    return _kept(_STEP_HITS, deps.retriever, (text, scope),
                 lambda: deps.retriever.search(text, lang="zh", k=8, filters=Filters(documents=scope)))


def _kept(store: dict, owner: object, key: tuple, make):
    """``make()`` computed once per ``owner`` (a retriever, a library) and ``key``; an owner recycled at the same
    id (a new assistant in the same process) computes afresh."""
    kept = store.get((id(owner), *key))
    if kept is None or kept[0] is not owner:
        kept = store[(id(owner), *key)] = (owner, make())
    return kept[1]


QUOTE_WHOLE_CLAUSE = 400  # characters: a clause this short is quoted whole under the answer


def quote_span(clause: Clause, idx: int) -> tuple[int, ...]:
    """The sentences quoted under an answer drawn from sentence ``idx``: the whole clause when short,
    else the paragraph (款) it sits in for an article, else the sentence itself."""
    if len(clause.text_zh) <= QUOTE_WHOLE_CLAUSE:
        return tuple(s.index for s in clause.sentences)
    sentence = clause.sentences[idx]
    if sentence.paragraph is not None:
        span = tuple(s.index for s in clause.sentences if s.paragraph == sentence.paragraph)
        if sum(len(clause.sentences[i].zh) for i in span) <= 2 * QUOTE_WHOLE_CLAUSE:
            return span
    return (idx,)


def quote_answer(query: Query, deps: Deps, clause: Clause, hit: Hit, result: SearchResult, *,
                 lead: str = "", detail: str = "", suffix: str = "", status: str = "answered", figure: str = "") -> Answer:
    """Answer with the best fragment of ``clause`` (after ``lead``), then the quoted clause or paragraph,
    its citation and whom to contact. ``detail`` (then ``suffix``) follows the lead unless the quoted
    fragment already contains it."""
    library = deps.library
    idx, zh, en = best_fragment(clause, hit.sentence_order, query, _tokenize(deps), figure=figure)
    if clause.kind in ("measure", "article") and idx == 0 and len(clause.sentences) > 1 and len(zh) < 30:
        # A measure's first sentence is its title: the next one says what is done.
        zh += clause.sentences[1].zh
        en = f"{en} {clause.sentences[1].en}".strip()
    if term := _term_verdict(query, clause):
        # "合同约定90天付款可以吗？": the paragraph of the party asked about, with its limit set against the days.
        lead, detail, idx = term.lead, "", term.sentences[0]
        zh = "".join(clause.sentences[i].zh for i in term.sentences)
        en = " ".join(clause.sentences[i].en for i in term.sentences if clause.sentences[i].en)
    elif claim := _figure_claim(query, clause):
        # "逾期利息是每日万分之三对吧" / "SMEs get 50% rent reduction?": the figure claimed set against the clause's;
        # before a figure's own lead (0.05% (万分之五) — …) only the yes or no.
        # (The floor an agreed rate is held to is the whole answer: no default-rate figure after it.)
        lead = claim if not lead or _agreed_rate(query.content) else claim.split("：")[0] + "：" + lead \
            if query.lang == "zh" else claim.split(" — ")[0] + " — " + lead if " — " in claim else lead
    elif not lead and (subject := _state_owned_only(query, zh)):
        # "如果是私营的大企业要求按审计结果结算呢？": 国有大型企业 binds no private one.
        lead = (f"这一条约束的是{subject}，私营（民营）大企业不在其列，条文没有对它作这项规定：" if query.lang == "zh" else
                f"This provision binds {en_subject(subject)} only; a private large enterprise is not among them, and "
                "the text sets no such rule for it: ")
    elif not lead and (control := _control_verdict(query, clause) or _listed_verdict(query, clause, _tokenize(deps))):
        # "外资控股的企业算不算民营企业？": the definition requires control by Chinese citizens.
        lead, idx, zh, en = control
    elif not lead and (unmet := _contract_required(query, clause)):
        # "没有合同，只是口头约定，可以投诉吗？": the clause's own condition (存在合同关系), not a plain yes.
        lead, idx, zh, en = unmet
    elif not lead and query.intent in ("topical", "greeting_plus") and (
            verdict := _forbidden(query, zh, en, _tokenize(deps), clause=clause)
            or _closer_verdict(query, clause, _tokenize(deps), zh, en)):
        if (closer := _closer_prohibition(query, clause, _tokenize(deps), zh, en)) is not None:
            # "can they make me pay the deposit in cash?": 不得将保证金限定为现金, not the exception list before it
            # (which, read alone, names the deposit asked about among the kinds allowed: no verdict).
            idx, zh, en = closer
            verdict = _forbidden(query, zh, en, _tokenize(deps), clause=clause) or verdict
        lead = _with_exception(query, clause, _tokenize(deps), zh) or verdict
    elif not lead and query.intent in ("topical", "greeting_plus") and (
            other := _forbidding_fragment(query, clause, _tokenize(deps))):
        # "Can a big company make payment conditional on getting paid by its own client?": the fragment that
        # forbids it (不得约定以收到第三方付款作为…条件), found by the texts' terms, not the first sentence.
        lead, idx, zh, en = other
        lead = _with_exception(query, clause, _tokenize(deps), zh) or lead
    elif not lead and query.intent in ("topical", "greeting_plus") and (owed := _owed(query, clause, _tokenize(deps), best=(zh, en))):
        lead, idx, zh, en = owed
    if detail:
        # "60日：大型企业…60日内支付款项。" then the same fragment quoted: keep only the figure before it.
        lead += f"{suffix}" if detail in zh else f"{detail}{suffix}。"
    span = quote_span(clause, idx)
    quote_zh = "".join(clause.sentences[i].zh for i in span)
    quote_en = " ".join(clause.sentences[i].en for i in span if clause.sentences[i].en)
    zh_label, en_label = clause_label(clause)
    # A measure's title says what it is about: shown with the citation, unless it is the quote itself. An article
    # has no title (its "title" is its opening words, which read as a heading about something else).
    titled = clause.kind != "article"
    title_zh = f" {clause.title}" if titled and clause.title and clause.title not in zh else ""
    title_en = f": {clause.title_en}" if titled and clause.title_en and clause.title_en not in en else ""
    if query.lang == "zh":
        text = lead + f"{zh}（{document_name(library.info(clause.doc_id), 'zh', number=False)}{zh_label}{title_zh}）"
    else:
        shown = en or zh
        text = lead + f"{shown} ({en_label}, {document_name(library.info(clause.doc_id), 'en', number=False)}{title_en})"
    # "What counts as a large enterprise?": a definition has no one to contact (国务院 approves the standard it cites).
    contacts = () if cues.DEFINITION.search(query.content) and DEFINING.search(clause.sentences[idx].zh) else \
        contacts_for(library, clause, [clause.sentences[idx]])
    citations = [deps_citation(deps, clause, span)]
    extra: list[str] = []
    for found in (counterpart(deps, clause, query.lang), remedy_note(query, deps, clause),
                  in_force_too(query, deps, result, clause) or see_also(query, deps, result, clause)):
        if found and found[1].clause_id not in {c.clause_id for c in citations}:
            extra.append(found[0])
            citations.append(found[1])
    return Answer(question=query.raw, lang=query.lang, status=status, abstained=False, answer=text, intent=query.intent,
                  quote_zh=quote_zh, quote_en=quote_en, citations=tuple(citations), departments=contacts,
                  related=_related(result, {c.clause_id for c in citations}),
                  notes=context_note(library, query, cited=clause) + tuple(extra) + notes_for(library, [clause.id], query.lang),
                  context_from=query.context.clause_ids if query.followup and query.context else (),
                  confidence=result.confidence)


# "Can a bank make us keep part of the loan as a deposit?" / "甲方…暂停付款，这合法吗？": a yes/no question whose
# answer is a prohibition. Asked by the one who would be bound ("can I refuse …?"), the same text means yes: no verdict.
_PERMISSION_ZH = re.compile(r"能不能|能否|可不可以|可以吗|行不行|可以不|是否可以|合法吗|合不合法|违法吗|合规吗|允许吗|行吗|能.{1,20}吗|可以.{1,20}吗|有没有权"
                            r"|犯法吗|犯不犯法|犯法没有|违法没有|违不违法|算不算违法|算违法吗"
                            # 合同写了120天付款，这个期限有效吗: whether the term agreed holds
                            r"|(?:期限|约定|条款|账期)[^，。？?]{0,6}(?:有效吗|有没有效|是否有效|算不算数|作数吗)")
_PERMISSION_EN = re.compile(r"^(?:can|may|could|is it (?:legal|allowed|ok|okay|lawful)|are (?:they|buyers|banks|we) allowed"
                            r"|is (?:that|this) (?:legal|allowed|ok|okay|lawful)|do(?:es)? (?:they|it|the \w+) have the right)\b"
                            r"|\bis (?:that|this|it) (?:legal|allowed|lawful|illegal|unlawful|against the law|ok|okay|fine|acceptable)\b"
                            r"|^(?:is|are) (?:a|an|the|this|that|my|our)\b[^?]{3,80}\b(?:legal|lawful|allowed|valid|permitted|enforceable)"
                            r"\s*[?？]\s*$")
_FIRST_PERSON = re.compile(r"^(?:我|我们|咱|咱们|本公司|我司)(?!们?的)|^(?:can|may|could) (?:i|we)\b|^(?:am i|are we)\b"
                           r"|(?:我|我们|咱们)(?:能|可以|有权)|\b(?:can|may|could) (?:i|we)\b")
# "能拒绝吗？" / "can we refuse?": a prohibition on the other side means yes.
_REFUSAL = re.compile(r"拒绝|不接受|能不(?!能)|可以不|不交|不去|\brefuse\b|\bdecline\b|\bsay no\b|\bturn down\b")
_PROHIBITION = re.compile(r"不得|禁止|严禁|不准")
_VERDICT_GENERIC = frozenset({"约定", "付款", "支付", "款项", "合同", "企业", "中小企业", "大型企业", "要求", "可以", "应当", "条件",
                              "期限", "进行", "payment", "pay", "contract", "enterpris", "sme", "smes", "agre", "term",
                              "requir", "condit"})
_CAP_WORDS = re.compile(r"超过|低于|高于|多于|少于|短于|长于")
# (不得以…变更，…，或者…以等待…决算审计等为由，拒绝或者迟延支付: the reasons listed, then what is forbidden.)
_BANNED_ZH = re.compile(r"(?:不得|禁止|严禁|不准)((?:以[^。；]{2,120}?为由[，,]?)?[^，。；]{2,60})")
_BANNED_EN = re.compile(r"(?:shall not|may not|must not|is prohibited from|are prohibited from|\bno (?:[\w-]+ ){1,4}shall)([^.;]{3,160})")


# The act a permission question asks about: 可以**投诉**吗, 能**要求中小企业用审计结果作为结算依据**吗.
_ASKED_ACTION_ZH = re.compile(r"(?:可以|能否|能不能|可不可以|能)(?!不)([\u4e00-\u9fff]{2,30}?)(?:吗|么|呢|[?？]|$)")
_COERCION = re.compile(r"^\s*(?:以任何形式)?(?:强制|强迫|变相强制|逼迫|胁迫|诱导)")
_COERCION_ASKED = re.compile(r"强制|强迫|逼|硬要|非要|必须|只能|只收|要求|让我|叫我|\bforce|\bmake (?:us|me|my)\b|\binsist|\bcompel"
                             r"|\bonly accept|\bmust\b|\brequire|\bdemand|\bpressur"
                             r"|\bmake (?!payments?\b)\w+ (?:to )?(?:register|accept|attend|join|buy|sign|sponsor|participate|take part)")


# A prohibition of keeping someone out (不得限制或者排斥 / 歧视) answers "may they take part?" with a yes, unless the
# question asks about the keeping out itself (可以限制民企参加吗).
_EXCLUSION = re.compile(r"限制或者排斥|排斥|歧视|设置[^，。；]{0,12}(?:门槛|障碍)|差别待遇|区别对待")
_EXCLUSION_ASKED = re.compile(r"限制|排斥|歧视|拒绝|门槛|不让|不准|拒之门外|挡在|\b(?:restrict|exclud|discriminat|bar|ban|block|reject|refus)\w*"
                              r"|\b(?:shut|lock|keep|kept|turn)\w* (?:\w+ )?(?:out|away)\b")


# "系咪要俾利息？" / "Is there interest on late payment?": whether something is owed or exists, asked yes or no.
# (Whether a rule exists — 有没有法律规定, "is there a law that …" — asks where it is written, not whether something is owed.)
_ASKS_IF_OWED_ZH = re.compile(r"是不是要|要不要|需不需要|是否(?:需要|要|应当|应该|必须|有)|用不用|有没有(?!(?:法律|法规|规定|条例|政策|文件|条文))"
                              r"|有无|(?:要|需要|应该|得)(?!求)[^，。？?]{0,10}吗[?？]?$")
_ASKS_IF_OWED_EN = re.compile(r"^(?:and |so )?(?:is|are) there\b(?! (?:a |an |any )?(?:laws?|rules?|regulations?|provisions?|polic\w+|articles?"
                              r"|documents?)\b)|^(?:and |so )?(?:do|does|must|will|would) (?:they|it|he|she|the \w+(?: \w+)?)"
                              r" (?:have to|need to|owe|pay|be required)\b|^(?:and |so )?(?:do|can) (?:i|we) (?:get|claim|receive)\b")


# Whom a text is about, not what is owed them: sharing these says nothing.
_WHO_WORDS = frozenset({"中小", "中小企", "小企业", "民企", "民营", "民营企业", "个体户", "smes", "sme", "enterpris", "compani", "busi",
                        "small", "medium"})


def _owed(query: Query, clause: Clause, tokens, *, best: tuple[str, str]) -> tuple[str, int, str, str] | None:
    """(lead, sentence, zh, en) when a yes/no question on whether something is owed or exists ("系咪要俾利息？",
    "Is there interest on late payment?") is answered by a sentence of ``clause`` that requires it (应当 … with a
    word of the question, as many as ``best``, the fragment chosen so far, shares): "要：" / "Yes: " and that sentence with
    the rest of its paragraph (the rate after the duty); else None."""
    text = query.content.strip()
    permission = _PERMISSION_ZH.search(text) if query.lang == "zh" else _PERMISSION_EN.search(text)
    # 可唔可以收利息: a permission a duty of the other side grants (in English "can I charge …?" reads fees as often).
    asked = (permission if query.lang == "zh" else None) if permission else (
        _ASKS_IF_OWED_ZH.search(text) if query.lang == "zh" else _ASKS_IF_OWED_EN.search(text))
    if not asked:
        return None
    words = _words(tokens, query.lang)
    # What is asked about: the words after 要不要 / 有没有 / "is there" (名额 in 有冇名额留俾中小企, which a duty to
    # draw up preferential policies does not answer).
    span = text[asked.start():asked.end() + 12] if query.lang == "zh" else text[asked.end():]
    wanted = ({t for t in tokens(span) if len(t) >= 2} if query.lang == "zh" else words(span)) - _VERDICT_GENERIC - _WHO_WORDS
    shared = len(wanted & words(best[0] if query.lang == "zh" else best[1]))
    for s in clause.sentences:
        if "应当" not in s.zh or "不得" in s.zh:
            continue
        duty = s.zh[s.zh.index("应当"):]
        if re.search(r"的[，,]\S{0,24}$", s.zh[:s.zh.index("应当")]):
            duty = s.zh  # "中小企业以…保函等提供保证的，…应当接受": what is to be accepted is in its condition
        if not wanted & words(duty if query.lang == "zh" else (s.en or "")):
            continue
        rest = [x for x in clause.sentences if x.index >= s.index and x.paragraph == s.paragraph][:3]
        zh = "".join(x.zh for x in rest)
        en = " ".join(x.en for x in rest if x.en)
        if len(wanted & words(zh if query.lang == "zh" else en)) < shared:
            continue  # "Is there any price discount …?": the fragment on the discount says more than a duty
        if query.lang == "zh":
            word = "可以" if permission else "有" if re.search(r"有没有|有无|是否有", text) else "要"
            return f"{word}：", s.index, zh, en
        return "Yes: ", s.index, zh, en
    return None


def _forbidden(query: Query, zh: str, en: str, tokens, *, clause: Clause | None = None, asked_text: str = "") -> str:
    """"不可以。" / "No — " when a permission question is answered by a prohibition of what it asks about
    (the prohibition's sentence shares a word with the question); else "". No verdict when the clause grants
    what is asked (个体工商户可以家庭经营; 应当接受金融机构出具的保函)."""
    text = query.content.strip()
    asks = _PERMISSION_ZH.search(text) if query.lang == "zh" else _PERMISSION_EN.search(text)
    if asks and _REFUSAL.search(text) and (coerced := _COERCED_ACCEPT.search(zh)) and _ACCEPT_ASKED.search(text):
        # "对方要我收商业汇票，我能拒绝吗？": the other side may not force it on you (不得强制中小企业接受商业汇票) — yes.
        return (f"可以拒绝：条文禁止{coerced.group(0).lstrip('不得')}：" if query.lang == "zh" else
                "Yes — you may refuse: the text forbids forcing it on you: ")
    if not asks or _FIRST_PERSON.search(text) or _REFUSAL.search(text) or not _PROHIBITION.search(zh):
        return ""
    banned_zh = " ".join(_BANNED_ZH.findall(zh))
    if _CAP_WORDS.search(banned_zh):
        return ""  # "最长不得超过60日" / "不得低于…利率" is a limit: whether a term keeps it depends on the figure
    own = _named_actors(text)
    others = [a for a in ACTORS if not a.isascii() and a not in {_PARTY_ZH.get(o, o) for o in own}]
    if own and not any(_PARTY_ZH.get(o, o) in zh for o in own) and any(a in zh for a in others):
        return ""  # the prohibition binds another party (机关…不得) than the one asked about (大企业)
    # What is forbidden, with its subject ("bidding and tendering … shall not involve … excluding"): each
    # prohibition from the start of its own sentence ("个体工商户可以家庭经营。…不得侵害" forbids only the harm).
    pattern, fragment = (_BANNED_ZH, zh) if query.lang == "zh" else (_BANNED_EN, en.lower())
    banned = " ".join(fragment[max(fragment.rfind(stop, 0, m.start()) for stop in "。；;.!?") + 1:m.end()]
                      for m in pattern.finditer(fragment))
    if _COERCION.search(banned_zh) and not _COERCION_ASKED.search(text):
        return ""  # "不得强制…接受商业汇票" forbids forcing it, not paying with bills by agreement
    words = _words(tokens, query.lang)
    # ``asked_text``: the question with the texts' terms its words map to (pay-when-paid -> third party payment).
    asked = {t for t in tokens(asked_text or text) if len(t) >= 2} if query.lang == "zh" else words(asked_text or text)
    if not (asked & words(banned)) - _VERDICT_GENERIC:
        return ""  # sharing only 约定 / 付款 / payment says nothing about whether this is what is forbidden
    if "从其约定" in zh and not (asked - _VERDICT_GENERIC) & (
            {t for t in tokens(banned_zh) if len(t) >= 2} if query.lang == "zh" else words(banned)):
        return ""  # "合同另有约定的，从其约定": the contract decides, unless what is asked is what it may not agree
    if clause is not None and _granted(clause, asked - _VERDICT_GENERIC, words, lang=query.lang):
        return ""
    if query.lang == "zh" and (action := _ASKED_ACTION_ZH.search(text)):
        doing = {t for t in tokens(action.group(1)) if len(t) >= 2} - _VERDICT_GENERIC
        # (The texts' terms the asked action maps to count: 等客户付款后再付 -> 第三方付款 … 条件.)
        # (Only terms sharing no character with the question: 货款 -> 货物 is the question's own word, reworded.)
        mapped = {t for t in tokens(asked_text or query.retrieval_text) if len(t) >= 2 and not set(t) & set(text)} \
            - _VERDICT_GENERIC
        if doing and not (doing | mapped) & words(banned):
            return ""  # 大企业拖欠货款可以投诉吗: 不得拖欠 forbids the arrears, not the complaint asked about
    excepted = " ".join(_EXCEPTED.findall(zh)) if query.lang == "zh" else " ".join(_EXCEPTED_EN.findall(en.lower()))
    if re.search(r"招标|招投标|\btender", text):
        asked = asked | {"投标", "bid"}  # a deposit asked for in a tender is the bidder's 投标保证金
    if excepted and (asked - _VERDICT_GENERIC) & (words(excepted) - words(_EXCEPTED.sub(" ", _EXCEPTED_EN.sub(" ", banned)))):
        return ""  # "除…农民工工资保证金外…不得收取其他保证金": what is asked about is the exception (其他 is not)
    if _EXCLUSION.search(banned_zh) and not _EXCLUSION_ASKED.search(text):
        # 民企可以参加政府招投标吗？ / "Can private firms bid?": 不得限制或者排斥民营经济组织 protects them — yes.
        return "可以，条文禁止对此限制或排斥：" if query.lang == "zh" else "Yes — the text forbids restricting or excluding them: "
    # "在合同未作约定的情况下以等待…决算审计等为由…迟延支付": forbidden only where the contract says nothing on it.
    # (Only when what is asked is what that condition covers: 以内部付款流程为由 is forbidden outright.)
    cond = _UNLESS_AGREED.search(zh)
    unless_agreed = bool(cond and ({t for t in tokens(query.retrieval_text) if len(t) >= 2} - _VERDICT_GENERIC)
                         & set(tokens(zh[cond.end():cond.end() + 30])))
    if query.lang == "zh":
        verdict = "不合法，条文明确禁止：" if re.search(r"合法|违法|合规", text) else "不可以，条文明确禁止："
        return verdict.replace("，", "（合同另有约定的除外），", 1) if unless_agreed else verdict
    # Plain words first, as the Chinese 不可以 does: the clause's "shall not" follows.
    if unless_agreed:
        return "No, unless the contract provides for it: "
    return "No — it is prohibited: " if re.search(r"\b(?:legal|lawful|illegal|unlawful)\b", text) else "No — it is not allowed: "


_UNLESS_AGREED = re.compile(r"合同未(?:作)?约定的?情况下|合同没有约定的?情况下")


# "不得强制中小企业接受商业汇票…": forcing something on the asker, forbidden; asked as "may I refuse to accept it?".
_COERCED_ACCEPT = re.compile(r"不得(?:以任何形式)?(?:强制|强迫|变相强制)[^，。；]{0,12}接受[^，。；]{2,40}")
_ACCEPT_ASKED = re.compile(r"收|接受|\baccept|\btake\b", re.IGNORECASE)


# A payment term the question proposes: 90天 / 三个月 / 90 days / three months (a month counted as 30 days).
_ASKED_TERM = re.compile(r"(?P<d>\d{1,3})\s*-?\s*(?:天|日|个?自然日|days?\b)|(?P<m>\d{1,2}|[一二两三四五六七八九十]{1,2}|one|two|three|four|five"
                         r"|six)\s*(?:个月|个多月|months?\b)")
_EN_MONTHS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_TERM_CAP = re.compile(r"最长不得超过(\d+)日")
_TERM_DEFAULT = re.compile(r"(\d+)日内支付")
_TERM_FREE = re.compile(r"从其约定|合理约定付款期限")


# A term the parties agreed (合同约定90天 / "the contract says 45 days"), not just the time the money has been owed.
_AGREED = re.compile(r"合同|约定|协议|签了|写了|写明|写的|\b(?:contract|agreed|agreement|agree|terms?)\b", re.IGNORECASE)
# Money owed so far (欠我…20天了 / "hasn't paid me for 20 days"), not a term proposed.
_OWED_SO_FAR = re.compile(r"欠|拖|没(?:有)?(?:付|给|结)|未(?:付|支付)|\b(?:owes?|owed|hasn'?t paid|has not paid|haven'?t paid|unpaid)\b",
                          re.IGNORECASE)
_SUPPOSING = re.compile(r"如果|假如|要是|\b(?:what )?if\b", re.IGNORECASE)
_ILLEGAL_ASKED = re.compile(r"犯法|违法|违规|\billegal\b|\bunlawful\b|against the (?:law|rules)")
_TERM_ASKED = re.compile(r"最长|最多|最晚|最迟|上限|多少天|几天|多少日|多久|多长时间|期限|账期"
                         r"|\b(?:at most|maximum|max|longest|latest|how soon|how long|how many days|deadline|time limit)\b")
_PAYING = re.compile(r"付|给钱|结款|还钱|款|欠|账期|\bpa(?:y|ys|id|ying|yment)\b|\bowe")


@dataclass(frozen=True)
class TermVerdict:
    """A yes/no on a proposed payment term: ``lead`` (the verdict, in the question's language) and the sentence
    indexes of the paragraph that decides it."""

    lead: str
    sentences: tuple[int, ...]


def _asked_days(text: str) -> int | None:
    """Days of a term the question proposes (90天 -> 90, 三个月 -> 90), else None."""
    m = _ASKED_TERM.search(text)
    if not m:
        return None
    if m.group("d"):
        return int(m.group("d"))
    raw = m.group("m")
    months = int(raw) if raw.isdigit() else _EN_MONTHS.get(raw) or number_value(raw)
    return 30 * months


# No payment term agreed: 合同里没写付款期限 / 没有约定期限 / "the contract says nothing about when".
_NO_TERM = re.compile(r"(?:没|没有|未|冇)(?:写|写明|约定|规定|定|讲)(?:好)?(?:付款|支付|还款)?(?:期限|时间|日期|几时|多久|天数)"
                      r"|\b(?:no|without an?) (?:payment )?(?:term|deadline|date)\b|\b(?:says|said) nothing about when\b"
                      r"|\bdoesn't (?:say|set|specify) (?:a |the )?(?:payment )?(?:term|deadline|when)\b", re.IGNORECASE)


def _term_verdict(query: Query, clause: Clause) -> TermVerdict | None:
    """Whether the payment term a permission question proposes ("大企业合同约定90天付款可以吗？" / "can a big company
    pay me after 90 days if the contract says so?") keeps the limit of the paragraph on the party asked about:
    a cap (机关、事业单位: 最长不得超过60日) the term exceeds is a no; a paragraph that leaves the term to the contract
    (大型企业: 从其约定，但应当…合理约定) is a yes with its condition. None when the question proposes no term, names
    no party, or the clause has no payment term for that party."""
    text = query.content
    if _NO_TERM.search(text) and _PAYING.search(query.retrieval_text if query.followup else text):
        # "要是合同里没写付款期限呢？": no term agreed, so each party's default from delivery, not a verdict on one.
        parties = _asked_actors(query) or ("机关", "大型企业")
        found = [v for p in parties if (v := _party_verdict(query, clause, (p,), None, True))]
        if not found:
            return None
        head = "合同没有约定付款期限的，按条文的默认期限：" if query.lang == "zh" else \
            "Where the contract sets no payment term, the text's defaults apply: "
        return TermVerdict(lead=head + "".join(v.lead for v in found), sentences=tuple(i for v in found for i in v.sentences))
    if cues.CONFIRM.search(text) and (days := _asked_days(text)) is not None and (parties := _asked_actors(query)):
        # "2020年版规定大企业必须60天内付款，对吧？": the claim tested against the party's paragraph. A claim of two
        # terms (30日…最长不超过90日) is not one party's term: each figure is checked (``_figure_claim``).
        if len({f.value for f in figures_in(text) if f.unit == "日"}) > 1:
            return None
        return _claim_verdict(query, clause, parties, days)
    # Either language's words: "big client pays after 120 days 犯法冇？" is read as English.
    permission = _PERMISSION_ZH.search(text) or _PERMISSION_EN.search(text)
    asks = permission or (query.followup and _SUPPOSING.search(text))  # "如果合同写90天呢？" after the rule: is that term allowed?
    days = _asked_days(text)
    if days is None and asks and not permission and query.followup and query.context:
        # "What if the buyer is a government agency?" after "Can the contract say 120 days?": the last term the
        # conversation proposed, for this party; a term proposed, not a time waited ("hasn't paid for 5 months"):
        # a sentence asking leave, or naming the contract.
        proposed = [p for p in re.split(r"[?？。!！]", query.context.question) if _ASKED_TERM.search(p) and (
            _PERMISSION_EN.search(p.strip()) or _PERMISSION_ZH.search(p) or re.search(r"合同|约定|\bcontract\b", p))]
        days = _asked_days(proposed[-1]) if proposed else None
    # "政府部门最长多少天要付？" / "How soon must a large company pay?": the rule and its limit, no days proposed.
    # "A state-owned company owes me for 4 months. How long do they have to pay?": the 4 months is no proposed term.
    # "那机关事业单位呢？" after "最长多少天必须付？": the earlier question's "最长" is asked again, of another party.
    swapped = query.followup and query.context is not None and "ellipsis" in query.asks and _named_actors(text)
    term_asked = (days is None or not asks) and _TERM_ASKED.search(query.context.question if swapped else text) \
        and _PAYING.search(query.retrieval_text if query.followup else text)  # "is there a maximum?" after a payment question
    if not ((asks and days is not None) or term_asked):
        return None  # every quoted answer passes here: the cheap checks first, the parties only when needed
    parties = _asked_actors(query)
    if not parties:
        # "合同写明120日先付款，得唔得？" / 付款期限多少天 name no party: the verdict or the term for each party the
        # article sets one for (机关、事业单位 30日, at most 60日; 大型企业 60日), not one of them alone.
        found = [v for p in ("机关", "大型企业") if (v := _party_verdict(query, clause, (p,), days, term_asked))]
        if not found:
            return None
        return TermVerdict(lead="".join(v.lead for v in found),
                           sentences=tuple(i for v in found for i in v.sentences))
    verdict = _party_verdict(query, clause, parties, days, term_asked)
    if verdict is None and "国有企业" in parties:
        # The payment terms are set for 机关、事业单位 and 大型企业; a state-owned company is held to them as an
        # enterprise, by its size ("A state-owned company owes me…" was answered with the government bodies' 30 days).
        if (as_large := _party_verdict(query, clause, ("大型企业",), days, term_asked)) is not None:
            return replace(as_large, lead=SOE_AS_LARGE[query.lang] + as_large.lead)
    return verdict


_PRIVATE = re.compile(r"私营|民营|私人|私企|非国有|\bprivate(?:ly[- ]owned)?\b", re.IGNORECASE)
_STATE_OWNED_SUBJECT = re.compile(r"^[^，。；]{0,20}国有大型企业")


def _state_owned_only(query: Query, zh: str) -> str:
    """The subject of the quoted fragment ``zh`` (机关、事业单位和国有大型企业) when it binds only state-owned large
    enterprises and the question asks about a private large one; "" otherwise."""
    if not (_PRIVATE.search(query.content) and "large" in actors_in(query.content.lower())):
        return ""
    m = _STATE_OWNED_SUBJECT.search(zh)
    return m.group(0) if m else ""


def en_subject(subject: str) -> str:
    """机关、事业单位和国有大型企业 in English, as the payment regulation's translation writes it."""
    parts = {"机关": "government bodies", "事业单位": "public institutions", "国有大型企业": "large state-owned enterprises"}
    names = [en for zh, en in parts.items() if zh in subject]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else (names[0] if names else subject)


# The asker has no (written) contract: 没有合同 / 只是口头约定 / "we only had a verbal agreement".
_NO_CONTRACT = re.compile(r"(?:没有|没|未|冇|无)(?:签|签订|订|立)?(?:书面)?合同|口头(?:约定|协议|合同|答应)"
                          r"|\b(?:no|without an?|never signed an?|didn'?t sign an?) (?:written )?contract\b"
                          r"|\b(?:verbal|oral|handshake) (?:agreement|deal|contract)\b", re.IGNORECASE)


_EXCEPTION = re.compile(r"除(?P<allowed>[^，。；]{2,80}?)外[，,]?(?P<rest>[^。；]*?不得[^。；]*)")


def _with_exception(query: Query, clause: Clause, tokens, banned_zh: str) -> str:
    """"不一定：…" when the thing a permission question asks about is among what the clause's own exception allows
    (除依法设立的投标保证金、履约保证金…外，不得收取其他保证金: 大企业要求我交保证金，合法吗?) and nothing else it
    asks is what the quoted prohibition ``banned_zh`` names (保证金只收现金 is forbidden outright); "" otherwise."""
    if query.lang == "zh":
        asked = {t for t in tokens(query.content) if len(t) >= 2} - _VERDICT_GENERIC - _WHO_WORDS
        text = clause.text_zh
    else:  # the English text's "except" sentence, read in English words
        asked = set(english_tokenize(query.content)) - _VERDICT_GENERIC - _WHO_WORDS
        text = clause.text_zh if re.search(r"\bexcept\b", clause.text_en, re.IGNORECASE) else ""
    # The prohibition in the question's words (in English: "cash-only … and a construction 'cooperation deposit'").
    banned = set(tokens(banned_zh)) if query.lang == "zh" else set(english_tokenize(
        " ".join(x.en or "" for x in clause.sentences if banned_zh and banned_zh.strip("。") in x.zh)))
    for m in _EXCEPTION.finditer(text):
        allowed = set(tokens(m.group("allowed")))
        if query.lang == "en":
            sentence = next((x.en for x in clause.sentences if m.group("allowed") in x.zh), "")
            allowed = set(english_tokenize(sentence.split(",")[0])) if sentence else set()
        if asked & allowed and not (asked - allowed) & banned:
            if query.lang == "zh":
                return f"不一定：条文允许{m.group('allowed').strip()}，此外{m.group('rest').strip()}；具体禁止的是："
            return ("It depends: the text allows some kinds and forbids the others (see the quote); what it forbids "
                    "here: ")
    return ""


def _closer_verdict(query: Query, clause: Clause, tokens, zh: str, en: str) -> str:
    """The verdict (``_forbidden``) of the prohibition of ``clause`` closer to the question than the chosen fragment
    ``zh`` / ``en``, when that fragment gave none; "" otherwise."""
    closer = _closer_prohibition(query, clause, tokens, zh, en)
    return _forbidden(query, closer[1], closer[2], tokens, clause=clause) if closer else ""


def _closer_prohibition(query: Query, clause: Clause, tokens, zh: str, en: str) -> tuple[int, str, str] | None:
    """(sentence, zh, en) of another prohibition of ``clause`` that shares more of the question's own words (the
    generic ones aside) than the chosen fragment ``zh`` / ``en``; None when the chosen one shares as many."""
    words = _words(tokens, query.lang)
    asked = words(query.content) - _VERDICT_GENERIC - _WHO_WORDS

    def shared(fragment_zh: str, fragment_en: str) -> int:
        # What a fragment excepts (除…履约保证金…外) is not what it forbids: those words do not count for it.
        if query.lang == "zh":
            return len(asked & words(_EXCEPTED.sub("", fragment_zh)))
        return len(asked & words(_EXCEPTED_EN.sub("", (fragment_en or "").lower())))

    best, best_shared = None, shared(zh, en)
    for s in clause.sentences:
        for f_zh, f_en in fragments(s):
            if "不得" in f_zh and f_zh.strip() != zh.strip() and (n := shared(f_zh, f_en)) > best_shared:
                best, best_shared = (s.index, f_zh.strip(), (f_en or "").strip()), n
    return best


def _forbidding_fragment(query: Query, clause: Clause, tokens) -> tuple[str, int, str, str] | None:
    """(verdict, sentence, zh, en) of the first fragment of ``clause`` that forbids what a permission question asks,
    read with the texts' terms the question's words map to (``query.retrieval_text``); None when none does."""
    if not query.retrieval_text or query.retrieval_text == query.content:
        return None  # no terms added: the chosen fragment was already read with the question's own words
    words = _words(tokens, query.lang)
    added = words(query.retrieval_text) - words(query.content) - _VERDICT_GENERIC
    for s in clause.sentences:
        for zh, en in fragments(s):
            # Only a fragment the added terms reach: the question's own words already chose among the others.
            if "不得" in zh and added & words(zh if query.lang == "zh" else (en or "").lower()) \
                    and (verdict := _forbidden(query, zh, en, tokens, clause=clause, asked_text=query.retrieval_text)):
                return verdict, s.index, zh.strip(), (en or "").strip()
    return None


_FOREIGN_CONTROL = re.compile(r"外资|外商|外国|境外|港资|台资|\bforeign\b|\boverseas\b", re.IGNORECASE)
_CONTROL_ASKED = re.compile(r"控股|控制|持股|拥有|\bowned\b|\bcontroll?ed\b|\bmajority\b|\bstake\b", re.IGNORECASE)


def _control_verdict(query: Query, clause: Clause) -> tuple[str, int, str, str] | None:
    """(lead, sentence, zh, en) when a membership question asks whether a foreign-controlled firm counts ("外资控股的
    企业算不算民营企业？") and ``clause`` defines the term as controlled by Chinese citizens (由中国公民控股或者实际
    控制): "不算" with that sentence, and what it says of foreign investment; else None."""
    text = query.content
    if not (cues.MEMBERSHIP.search(text) or cues.DEFINITION.search(text)) or not _FOREIGN_CONTROL.search(text) \
            or not _CONTROL_ASKED.search(text):
        return None
    for s in clause.sentences:
        if "中国公民控股或者实际控制" in s.zh and DEFINING.search(s.zh):
            foreign = next((x for x in clause.sentences if "外商投资" in x.zh), None)
            more_zh = f"另外，条文写明：{foreign.zh}" if foreign else ""
            more_en = f" The text adds: {foreign.en}" if foreign and foreign.en else ""
            if query.lang == "zh":
                return ("不算：按这一定义，民营经济组织须由中国公民控股或者实际控制，外资控股的企业不在其内。" + more_zh + "定义原文：",
                        s.index, s.zh, s.en or "")
            return ("No — by this definition a private economic organisation is controlled by Chinese citizens, so a "
                    "foreign-controlled company is not one." + more_en + " The definition: ", s.index, s.zh, s.en or "")
    return None


_DEFINED_AS = re.compile(r"所称(?P<term>[^，,]{2,20}?)[，,]?是指(?P<body>[^。]*)")


def _listed_verdict(query: Query, clause: Clause, tokens) -> tuple[str, int, str, str] | None:
    """(lead, sentence, zh, en) when a Chinese membership question ("个体工商户算不算民营经济组织？") names a kind the
    defining sentence of ``clause`` lists in so many words (the longest tail of the words before 算不算, three
    characters or more): "算：" with that sentence; else None."""
    asks = cues.MEMBERSHIP.search(query.content) if query.lang == "zh" else None
    if not asks:
        return None
    subject = re.sub(r"[^\u4e00-\u9fff]", "", query.content[:asks.start()])
    for s in clause.sentences:
        m = _DEFINED_AS.search(s.zh)
        if not m or m.group("term") not in query.content:
            continue
        kind = next((subject[i:] for i in range(len(subject) - 2) if subject[i:] in m.group("body")), "")
        if kind and kind not in m.group("term"):
            return f"算：{m.group('term')}的定义明确列有{kind}。", s.index, s.zh, s.en or ""
    return None


def _contract_required(query: Query, clause: Clause) -> tuple[str, int, str, str] | None:
    """(lead, sentence, zh, en) when the asker has no written contract and ``clause`` requires a contractual
    relationship (投诉人应当与被投诉人存在合同关系): that condition first, and that the text does not say whether an
    oral agreement is one; else None."""
    if not _NO_CONTRACT.search(query.content):
        return None
    for s in clause.sentences:
        if "合同关系" in s.zh and re.search(r"应当|须|必须", s.zh):
            if query.lang == "zh":
                lead = "要看是否存在合同关系：条文要求如下；口头约定算不算合同关系，条文没有写明，可向受理投诉部门确认。"
            else:
                lead = ("It depends on whether there is a contractual relationship: the text requires one (below); whether "
                        "an oral agreement counts, it does not say — ask the complaint-handling department. ")
            return lead, s.index, s.zh, s.en or ""
    return None


# A question asking something (not a claim to be confirmed or denied).
_WH = re.compile(r"多少|几|哪|什么|啥|怎么|如何|多久|多长|咩|乜|\b(?:how|what|which|who|whom|when|where|why)\b", re.IGNORECASE)
# What states a claim about the texts (规定…五年？), or a benefit with a share (SMEs get 50% rent reduction?).
_CLAIM_SAYS = re.compile(r"规定|写着|写明|写的|条例说|法说|\b(?:says?|said|states?|provides?|sets?)\b", re.IGNORECASE)
_CLAIM_GETS = re.compile(r"享受|可以拿|能拿|减免|减征|免征|补贴|优惠|\b(?:gets?|receives?|reduction|discount|subsid\w*|cut)\b",
                         re.IGNORECASE)


def _figure_claim(query: Query, clause: Clause) -> str:
    """A lead for a question that claims a rate or duration (逾期利息是每日万分之三对吧 / "SMEs get 50% rent
    reduction in incubators?" / 中小企业促进法规定…免征企业所得税五年？): "no" with the clause's own figures of
    that unit when it states others, "not stated" when it states none, "yes" when it states only that one and
    the claim was put to be confirmed; "" for a question that claims nothing."""
    text = query.content
    confirm = bool(cues.CONFIRM.search(text))
    if confirm and (times := _MULTIPLE.search(text)) and "倍" not in clause.text_zh:
        # "逾期利息是按LPR的两倍计算，对吗？": the text sets a floor (不低于…报价利率) or a rate, no multiple of anything.
        return (f"不对：所引条文没有“{times.group(0)}”的规定，写的是：" if query.lang == "zh" else
                f"No — the provision quoted sets no “{times.group(0)}”; it says: ")
    claimed = figures_in(text)
    floor = _RATE_FLOOR.search(clause.text_zh)
    if floor and _agreed_rate(text) and not _MULTIPLE.search(text):
        # "The contract sets 2% a year for late payment. Is that valid?": an agreed rate is held to a floor (not
        # below the 1-year LPR when the contract was made), not to the 0.05% a day that applies when none is agreed.
        shown = next(c.shown for c in claimed if c.unit == "share")
        return (f"要看签合同时的利率：约定的逾期利息利率不得低于合同订立时1年期贷款市场报价利率（LPR）；{shown}是否合规，"
                f"取决于它是否低于当时的LPR（条文没有写LPR的具体数值）。每日万分之五只适用于没有约定利率的情形。"
                if query.lang == "zh" else
                f"It depends on the rate when the contract was made: an agreed late-payment rate may not be lower than "
                f"the 1-year loan prime rate (LPR) at the time the contract was concluded, so {shown} is valid only if "
                f"it is not below that LPR (the text gives no LPR figure). The 0.05% a day applies only where no rate "
                f"was agreed. ")
    if not claimed or not (confirm or (not _WH.search(text) and (
            _CLAIM_SAYS.search(text) or (_CLAIM_GETS.search(text) and claimed[0].unit == "share")))):
        return ""
    zh_answer = query.lang == "zh"
    written = figures_in(clause.text_zh if zh_answer else clause.text_en or clause.text_zh)

    def stated_as(figure):
        return [f for f in written if f.unit == figure.unit]

    # The figure to answer on: one the clause contradicts (it states others of that unit), else one it does not
    # state, else the first ("机关30日，最长不超过90日，对吗？" is answered on the 90日, not the right 30日).
    contradicted = [c for c in claimed if stated_as(c) and not any(f.covers(c.value) for f in stated_as(c))]
    absent = [c for c in claimed if not stated_as(c)]
    claim = (contradicted or absent or claimed)[0]
    stated = stated_as(claim)
    if any(f.covers(claim.value) for f in stated):
        # A yes only when every number of the question is a figure read and stated (3年内30家: 30家 is no figure
        # read here, and the text's 30 is another count).
        numbers = re.findall(r"#|\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+(?=[^\s，。？?]{0,2}(?:年|天|日|月|%|家|个|项|人))",
                             re.sub(r"\d{1,2}月\d{1,2}日", "#", text))  # a date is one number
        # (The Chinese text's figures: read above for a Chinese answer, once more for an English one.)
        pool = written if zh_answer else stated + figures_in(clause.text_zh)
        if confirm and len(numbers) <= len(claimed) and all(
                any(f.unit == c.unit and f.covers(c.value) for f in pool) for c in claimed) \
                and all(f.value == claim.value and f.upto is None for f in stated):
            return "对：" if zh_answer else "Yes — "
        return ""
    if stated:
        shown = list(dict.fromkeys(f.shown for f in stated))
        return (f"不对：所引条文写的是{'、'.join(shown)}，不是{claim.shown}。" if zh_answer else
                f"No — the provision quoted says {', '.join(shown)}, not {claim.shown}. ")
    return (f"所引条文没有写明“{claim.shown}”：" if zh_answer else
            f"The provision quoted does not state {claim.shown}: ")


def _agreed_rate(text: str) -> bool:
    """Does ``text`` state a late-payment rate the contract agreed (合同约定了年利率3% / "the contract sets 2% a year")?"""
    return bool(_AGREED.search(text) and not _NONE_AGREED.search(text) and any(f.unit == "share" for f in figures_in(text)))


# The floor an agreed late-payment rate is held to (2025 Art. 17, 2020 Art. 15).
_RATE_FLOOR = re.compile(r"约定利率不得低于[^；。]*?贷款市场报价利率")
_NONE_AGREED = re.compile(r"(?:未|没|没有|冇|无)(?:作|有)?(?:约定|写|定|讲)|\b(?:no|not|without|never)\b[^.?]{0,24}\bagree", re.IGNORECASE)
# A multiple claimed of some base (LPR的两倍, "twice the LPR").
_MULTIPLE = re.compile(r"[一两二三四五六七八九十\d.]+\s*倍|\b(?:double|twice|triple|(?:two|three|four) times)\b", re.IGNORECASE)


def _claim_verdict(query: Query, clause: Clause, parties: tuple[str, ...], days: int) -> TermVerdict | None:
    """Right or wrong, a claimed payment term for a party ("大企业必须60天内付款，对吧？") read against the paragraph
    of ``clause`` on that party: its default term (N日内支付) or cap (最长不得超过N日); a paragraph with neither
    (2020: 大型企业…合理约定付款期限) sets no such term. None when no paragraph is on the party."""
    zh_answer = query.lang == "zh"
    for sentence_indexes, zh, party in _party_paragraphs(clause, parties):
        default, cap = _TERM_DEFAULT.search(zh), _TERM_CAP.search(zh)
        party_en = " and ".join(_PARTY_EN.get(p, p) for p in party.split("、"))
        terms = [int(m.group(1)) for m in (default, cap) if m]
        # "within 60 days" claims the default term, "at most 60 days" the cap: a term that is neither is no yes.
        claimed_term = cap if cap and (_CAP_ASKED_RE.search(query.content) or not default) else default
        if claimed_term and days == int(claimed_term.group(1)):
            lead = (f"对：{party}{'应当自交付之日起' + default.group(1) + '日内支付' if default else ''}"
                    f"{'，' if default and cap else ''}{'最长不得超过' + cap.group(1) + '日' if cap else ''}。" if zh_answer else
                    f"Yes — for {party_en} the text says {days} days. ")
        elif terms:
            lead = (f"不对：{party}的付款期限是{'自交付之日起' + default.group(1) + '日内' if default else ''}"
                    f"{'，' if default and cap else ''}{'最长不得超过' + cap.group(1) + '日' if cap else ''}，不是{days}天。"
                    if zh_answer else
                    f"No — for {party_en} the text says {', at most '.join(str(t) for t in terms)} days, not {days}. ")
        elif "合理约定付款期限" in zh:
            lead = (f"不对：这一条没有为{party}规定{days}天的付款期限，只要求按照行业规范、交易习惯合理约定付款期限。"
                    if zh_answer else
                    f"No — this article sets no {days}-day term for {party_en}; it only requires a reasonable term "
                    "under industry norms and trade practice. ")
        else:
            continue
        return TermVerdict(lead=lead, sentences=tuple(sentence_indexes))
    return None


def _party_paragraphs(clause: Clause, parties: tuple[str, ...]):
    """(sentence indexes, Chinese text, party named) of each paragraph of ``clause`` whose subject is one of
    ``parties`` (机关、事业单位 / 大型企业 …从…采购)."""
    for indexes in _paragraphs(clause):
        zh = "".join(clause.sentences[i].zh for i in indexes)
        for part in re.split(r"(?<=。)", zh):
            subject = _PARTY_SUBJECT.match(part)
            if subject and any(p in subject.group(0) for p in parties):
                yield [i for i in indexes if clause.sentences[i].zh in part or part in clause.sentences[i].zh] or indexes, \
                    part, subject.group(0)


# The party a paragraph of a payment article binds, as its subject: 机关、事业单位 / 大型企业 (…从中小企业采购).
_PARTY_SUBJECT = re.compile(r"[\u4e00-\u9fff、]{2,20}?(?=从|向|与|采购)")


def _paragraphs(clause: Clause) -> list[list[int]]:
    """The sentence indexes of each paragraph (款) of ``clause``, in order."""
    paragraphs: dict[int | None, list[int]] = {}
    for sentence in clause.sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence.index)
    return list(paragraphs.values())


SOE_AS_LARGE = {"zh": "条文没有单列国有企业，国有企业按企业规模适用；作为大型企业：",
                "en": "The text does not single out state-owned companies: they fall under the rule for their size; "
                      "as a large enterprise — "}


def _party_verdict(query: Query, clause: Clause, parties: tuple[str, ...], days: int | None,
                   term_asked) -> TermVerdict | None:
    """The term verdict of the first paragraph of ``clause`` on one of ``parties`` (see ``_term_verdict``)."""
    for indexes in _paragraphs(clause):
        zh = "".join(clause.sentences[i].zh for i in indexes)
        subject = _PARTY_SUBJECT.match(zh)  # 机关、事业单位 / 大型企业
        if not subject or not any(p in subject.group(0) for p in parties):
            continue  # a paragraph on another party than the one asked about
        default, cap = _TERM_DEFAULT.search(zh), _TERM_CAP.search(zh)
        if not (default or cap or "合理约定付款期限" in zh):
            continue
        party = subject.group(0)
        party_en = " and ".join(_PARTY_EN.get(p, p) for p in party.split("、"))
        if term_asked:
            if not default:
                return None  # no number for this party at all: the figure handler says so
            base = default.group(1)
            if cap:
                lead = (f"{party}应当自交付之日起{base}日内支付；合同另有约定的，最长不得超过{cap.group(1)}日。"
                        if query.lang == "zh" else
                        f"{party_en.capitalize()}: within {base} days of delivery; a contract may agree otherwise, "
                        f"but at most {cap.group(1)} days. ")
            elif _TERM_FREE.search(zh):
                lead = (f"{party}应当自交付之日起{base}日内支付；合同可以另行约定，但应当按照行业规范、交易习惯合理约定，"
                        f"条文没有规定最长期限。" if query.lang == "zh" else
                        f"{party_en.capitalize()}: within {base} days of delivery; a contract may set another term, but it "
                        f"must be reasonable under industry norms and trade practice (the text sets no maximum). ")
            else:
                continue
            return TermVerdict(lead=lead, sentences=tuple(indexes))
        # "犯法吗？" / "is that illegal?" asks the opposite of "可以吗？": the yes and the no swap.
        illegal = bool(_ILLEGAL_ASKED.search(query.content))
        agreed = bool(_AGREED.search(query.content))
        if default and not agreed and days > int(default.group(1)) and (
                days <= int(cap.group(1)) if cap else bool(_OWED_SO_FAR.search(query.content))):
            # "政府机关欠我货款50天了，合法吗？" / "大企业欠我货款75天了，合法吗？": owed that long, no contract term named:
            # late unless one was agreed (for 机关 at most 60日; for 大型企业 a reasonable one).
            base = default.group(1)
            limit_zh = f"最长不得超过{cap.group(1)}日" if cap else "应当按照行业规范、交易习惯合理约定"
            limit_en = f"a contract may agree a longer term, but at most {cap.group(1)} days" if cap else \
                "a contract may set another term, but it must be reasonable"
            lead = (f"要看合同：没有约定付款期限的，{party}应当自交付之日起{base}日内支付，{days}天已经逾期；合同另有约定的，"
                    f"按约定，但{limit_zh}。" if query.lang == "zh" else
                    f"It depends on the contract — without an agreed term {party_en} must pay within {base} days of "
                    f"delivery, so {days} days is late; {limit_en}. ")
            return TermVerdict(lead=lead, sentences=tuple(indexes))
        if default and not agreed and not illegal and days <= int(default.group(1)) and _OWED_SO_FAR.search(query.content):
            # "政府机关欠我货款20天了，合法吗？": within the term that applies without any agreement.
            lead = (f"还没有逾期：{party}应当自交付之日起{default.group(1)}日内支付（你问的是{days}天）。" if query.lang == "zh" else
                    f"Not late yet — {party_en} must pay within {default.group(1)} days of delivery (you asked about {days} days). ")
            return TermVerdict(lead=lead, sentences=tuple(indexes))
        if cap:
            limit = int(cap.group(1))
            if days > limit:
                lead = (f"{'违反规定' if illegal else '不可以'}：{party}的付款期限即使合同另有约定，最长也不得超过{limit}日"
                        f"（你问的是{days}天）。" if query.lang == "zh" else
                        f"{'Yes, it breaks the limit' if illegal else 'No'} — even by contract, {party_en} may set a payment "
                        f"term of at most {limit} days (you asked about {days} days). ")
            else:
                lead = (f"{'不违反' if illegal else '可以'}：合同可以约定，但{party}的付款期限最长不得超过{limit}日"
                        f"（你问的是{days}天）。" if query.lang == "zh" else
                        f"{'No' if illegal else 'Yes'} — a contract may set the term, but {party_en} may agree at most "
                        f"{limit} days (you asked about {days} days). ")
        elif _TERM_FREE.search(zh):
            base_zh = f"（没有约定时为交付之日起{default.group(1)}日内）" if default else ""
            base_en = f" (without an agreement: within {default.group(1)} days of delivery)" if default else ""
            lead = (f"{'约定合理就不违反' if illegal else '可以约定，但须合理'}：条文没有为{party}规定最长付款期限，付款期限由合同约定，"
                    f"但应当按照行业规范、交易习惯合理约定{base_zh}（你问的是{days}天）。" if query.lang == "zh" else
                    f"{'Not if agreed and reasonable' if illegal else 'Yes, if agreed and reasonable'} — the text sets no "
                    f"maximum term for {party_en}: a contract may set the term, but it must be reasonable under industry "
                    f"norms and trade practice{base_en} (you asked about {days} days). ")
        else:
            continue
        return TermVerdict(lead=lead, sentences=tuple(indexes))
    return None


# The exception of a prohibition: 除依法设立的投标保证金…外 / except for … / other than ….
# "除法律另有规定外" / "except as otherwise provided by law" is a reservation, not an excepted item.
_EXCEPTED = re.compile(r"除(?!法律|法规|本法|本条例|国家另有)([^，。；]{2,80}?)(?:以)?外")
_EXCEPTED_EN = re.compile(r"\b(?:except for|except|other than|apart from)\b(?! as otherwise| where otherwise| as provided)"
                          r"([^.;]{3,200}?)(?=,\s*(?:no|nor|the|it|they|any|in|there)\b|[.;]|$)")


# A sentence that grants or secures something: 可以 / 有权 / 应当接受 (the other side must accept it).
_GRANT = re.compile(r"可以|有权|允许|应当接受|应当允许|予以支持|鼓励")
_GRANT_EN = re.compile(r"\bmay\b(?! not)|\bentitled\b|\bhave the right|\bhas the right|\bshall accept|\bencourag|\bpermitted\b")
_PROHIBITION_EN = re.compile(r"shall not|may not|must not|prohibited|\bno (?:[\w-]+ ){1,4}shall")


def _words(tokens, lang: str):
    """The word set of a text as a question in ``lang`` is compared with it: jieba and English tokens for
    Chinese, stemmed English words for English."""
    return (lambda t: set(tokens(t))) if lang == "zh" else (lambda t: set(english_tokenize(t)))


def _granted(clause: Clause, asked: set[str], words, *, lang: str) -> bool:
    """Does a sentence of ``clause`` without a prohibition grant what the question asks about (a word of the
    question that no prohibition of the clause has)? 个体工商户可以个人经营，也可以家庭经营 grants 家庭经营.
    ``words`` is ``_words`` for the question's language."""
    zh = lang == "zh"
    text = clause.text_zh if zh else clause.text_en.lower()
    banned = words(" ".join((_BANNED_ZH if zh else _BANNED_EN).findall(text)))
    grant, prohibition = (_GRANT, _PROHIBITION) if zh else (_GRANT_EN, _PROHIBITION_EN)
    for s in clause.sentences:
        for part in re.split(r"[；;]", s.zh if zh else s.en.lower()):
            if grant.search(part) and not prohibition.search(part) and (asked & words(part)) - banned:
                return True
    return False


SEE_ALSO_RATIO = 0.85  # a runner-up this close to the best clause is shown too (另见 / see also)


def see_also(query: Query, deps: Deps, result: SearchResult, primary: Clause) -> tuple[str, object] | None:
    """A second clause nearly as good as the first (another article of the same law, another law): its best
    fragment as a note, and its citation."""
    if len(result.hits) < 2 or query.followup:
        return None
    top, second = result.hits[0], result.hits[1]
    if second.clause_id == primary.id or second.score < SEE_ALSO_RATIO * top.score:
        return None
    if second.confidence < deps.threshold_for_clause(query.evidence_lang, second.clause_id):
        return None
    clause = deps.library.clause(second.clause_id)
    if deps.library.info(primary.doc_id).in_force and not deps.library.info(clause.doc_id).in_force:
        return None
    if not _shares_distinctive_word(query, deps, clause):
        return None  # 个体工商户自愿加入个体劳动者协会 shares only its law's subject with 个体工商户有哪些扶持
    return _second_clause_note(query, deps, clause, second, zh_head="另见", en_head="See also ")


SUBJECT_SHARE = 0.5  # a word in this share of a document's clauses or more is its subject, not a topic


def subject_word(word: str, members: tuple[Clause, ...] | list[Clause]) -> bool:
    """Is ``word`` its document's subject rather than a topic: in ``SUBJECT_SHARE`` or more of its clauses (``members``,
    the document's clauses) Chinese text (个体工商户 in the individual-business regulation)?"""
    return sum(word in c.text_zh for c in members) >= SUBJECT_SHARE * len(members)


def _shares_distinctive_word(query: Query, deps: Deps, clause: Clause) -> bool:
    """Does ``clause`` share with the question a word (two or more characters; English: a stemmed word) that is
    not its document's subject, i.e. that fewer than ``SUBJECT_SHARE`` of the document's clauses contain?"""
    members = deps.library.document(clause.doc_id).clauses
    if query.lang == "zh" or CJK_ONLY.search(query.content):
        words = {w for w in _tokenize(deps)(query.content) if len(w) >= 2 and not w.isascii()} - {"可以", "应当", "哪些", "什么"}
        return any(w in clause.text_zh and not subject_word(w, members) for w in words)
    words = set(english_tokenize(query.content))
    tokens = _english_tokens(deps.library, clause.doc_id)  # each clause's stemmed words, once per document
    mine = tokens[clause.id]
    return any(w in mine and sum(w in t for t in tokens.values()) < SUBJECT_SHARE * len(tokens) for w in words)


_ENGLISH_TOKENS: dict[tuple, tuple[Library, dict[str, frozenset[str]]]] = {}


def _english_tokens(library: Library, doc_id: str) -> dict[str, frozenset[str]]:
    """{clause id: its English rendering's stemmed words} for one document, computed on first use (tokenising a
    law's 80 articles per question cost tens of ms)."""
    return _kept(_ENGLISH_TOKENS, library, (doc_id,),
                 lambda: {c.id: frozenset(english_tokenize(c.text_en)) for c in library.document(doc_id).clauses})


IN_FORCE_RATIO = 0.6  # an in-force clause this close to a historical document's best is named beside it


def in_force_too(query: Query, deps: Deps, result: SearchResult, primary: Clause) -> tuple[str, object] | None:
    """With no document chosen or named, an answer from a historical plan (用地难怎么办 -> the 2007 plan's measure 8)
    also names the best clause in force on the question, when there is one with evidence above the threshold:
    "现行规定见…：…" / "In force now: …"."""
    library = deps.library
    if query.scope or query.followup or library.info(primary.doc_id).status != "historical" or not result.hits:
        return None
    top = result.hits[0].score
    for hit in result.hits[1:5]:
        clause = library.clause(hit.clause_id)
        if not library.info(clause.doc_id).in_force or hit.score < IN_FORCE_RATIO * top:
            continue
        if hit.confidence < deps.threshold_for_clause(query.evidence_lang, hit.clause_id):
            return None
        if not _shares_topic(query, deps, clause):
            continue  # 用电有什么保障: the 民营经济服务周 article shares only 广州 and 民营企业, no current rule on it
        return _second_clause_note(query, deps, clause, hit, zh_head="现行规定见", en_head="In force now: ")
    return None


# Words that say whose policy or where, not what about: sharing only these shows no common topic.
_PLACE_WORDS = frozenset({"广州", "广州市", "广东", "广东省", "市", "政府", "人民政府", "民营经济", "guangzhou", "guangdong",
                          "citi", "city", "govern", "government", "privat", "private", "economi", "economy"})


def _shares_topic(query: Query, deps: Deps, clause: Clause) -> bool:
    """Does ``clause`` share a word of the question's topic (not whose, nor where: 广州, 民营企业, 政府)?"""
    lang = "zh" if query.lang == "zh" or not query.content.isascii() else "en"
    words = _words(_tokenize(deps), lang)
    asked = {w for w in words(query.content) if len(w) >= 2} - _VERDICT_GENERIC - _WHO_WORDS - _PLACE_WORDS
    return bool(asked & words(clause.text_zh if lang == "zh" else clause.text_en.lower()))


def _second_clause_note(query: Query, deps: Deps, clause: Clause, hit: Hit, *, zh_head: str,
                        en_head: str) -> tuple[str, object]:
    """A note quoting ``clause``'s best fragment for the question ("另见《…》第十条：…"), and its citation; a sanction
    with the harsher sanctions the same sentence goes on to (…给予处分或者处罚；构成犯罪的，依法追究刑事责任)."""
    idx, zh, en = best_fragment(clause, hit.sentence_order, query, _tokenize(deps))
    if LIABILITY_TEXT.search(zh) and zh.rstrip().endswith(("；", ";")):
        parts = fragments(clause.sentences[idx])
        at = next((n for n, (z, _e) in enumerate(parts) if z.strip() == zh.strip()), None)
        if at is not None:
            more = [p for p in parts[at + 1:] if LIABILITY_TEXT.search(p[0])]
            zh += "".join(z.strip() for z, _e in more)
            en = " ".join([en.strip(), *(e.strip() for _z, e in more if e and e != en)]).strip()
    if query.lang == "zh":
        return f"{zh_head}{cite(deps.library, clause, 'zh')}：{zh}", deps_citation(deps, clause, (idx,))
    return f"{en_head}{cite(deps.library, clause, 'en')}: {en or zh}", deps_citation(deps, clause, (idx,))


# "What can I do?": a sentence giving the wronged side a way (有权…投诉、举报 / 可以…申诉…提起诉讼).
_WAY_OPEN = re.compile(r"有权[^。；]{0,20}(?:投诉|举报|申诉|要求|请求)|可以[^。；]{0,20}(?:反映情况|投诉|举报|申诉|申请行政复议|提起诉讼|申请调解)")


def remedy_note(query: Query, deps: Deps, clause: Clause) -> tuple[str, object] | None:
    """For an everyday "怎么办 / what can I do?" answered by a rule (不得收取不合理费用), what its document gives the
    wronged side: the liability article that names the rule's article ("违反本条例第三十六条规定…"), else the
    sentence of the same document that opens a way (有权…投诉、举报; 可以…申诉、申请行政复议、提起诉讼), the one
    most like the question; a note "可以这样做：…" and its citation, or None (a rule that already gives a way, a
    question on something else)."""
    if "remedy" not in query.asks or query.followup or clause.kind != "article" or _WAY_OPEN.search(clause.text_zh) \
            or "liability" in query.asks:
        return None
    members = deps.library.document(clause.doc_id).clauses
    if clause.number:
        naming = [c for c in members if c.id != clause.id and names_article(c.text_zh, clause.number)
                  and LIABILITY_TEXT.search(c.text_zh)]
        if naming:
            target = naming[0]
            idx = next((s.index for s in target.sentences if LIABILITY_TEXT.search(s.zh)), 0)
            return _way_note(query, deps, target, idx)
    ways = [(c, s) for c in members if c.id != clause.id for s in c.sentences if _WAY_OPEN.search(s.zh)]
    if not ways:
        return None
    tokens = _tokenize(deps)
    asked = {t for t in tokens(query.retrieval_text) if len(t) >= 2}
    clause_words = {t for t in tokens(clause.text_zh) if len(t) >= 2}
    # The way whose sentence shares most of the question's and the rule's words (个体工商户…侵害自身合法权益…投诉).
    target, sentence = max(ways, key=lambda w: (len(set(tokens(w[1].zh)) & (asked | clause_words)), -w[0].number if
                                                w[0].number else 0))
    return _way_note(query, deps, target, sentence.index)


def _way_note(query: Query, deps: Deps, clause: Clause, idx: int) -> tuple[str, object]:
    """"可以这样做：《…》第N条：…" / "What you can do: …" for sentence ``idx`` of ``clause``, and its citation."""
    sentence = clause.sentences[idx]
    if query.lang == "zh":
        return f"可以这样做：{cite(deps.library, clause, 'zh')}：{sentence.zh}", deps_citation(deps, clause, (idx,))
    return (f"What you can do: {cite(deps.library, clause, 'en')}: {sentence.en or sentence.zh}",
            deps_citation(deps, clause, (idx,)))


def counterpart(deps: Deps, clause: Clause, lang: str) -> tuple[str, object] | None:
    """For a clause of a superseded version: the matching article of the version in force, as a note."""
    info = deps.library.info(clause.doc_id)
    if info.status != "superseded" or not info.superseded_by or not deps.library.has_document(info.superseded_by):
        return None
    new = matching_clause(deps, clause, info.superseded_by)
    if new is None:
        return None
    citation = deps_citation(deps, new, tuple(s.index for s in new.sentences))
    if lang == "zh":
        return (f"现行版本的对应条文：{cite(deps.library, new, 'zh')}：{new.text_zh[:160]}"
                + ("…" if len(new.text_zh) > 160 else ""), citation)
    return (f"The corresponding provision in force: {cite(deps.library, new, 'en')}: {new.text_en[:300] or new.sentences[0].zh}"
            + ("…" if len(new.text_en) > 300 else ""), citation)


def deps_citation(deps: Deps, clause: Clause, quoted: tuple[int, ...]):
    return make_citation(deps.library, clause, quoted)


def not_stated(query: Query, deps: Deps, clause: Clause, missing: list, result: SearchResult) -> Answer:
    """The nearest clause is on topic but lacks the figure asked for: say so, never quote it as the answer."""
    library = deps.library
    zh_label, en_label = clause_label(clause)
    info = library.info(clause.doc_id)
    contacts = _not_stated_contacts(query, deps, clause, result)
    leads = [c for c in contacts if c.role in ("lead", "named")]
    unheard = query.unheard
    if query.lang == "zh" and unheard:
        # 个体户歇业最多可以多长时间: no text speaks of 歇业, so the nearest clause does not "touch on" it.
        where = f"{document_name(info, 'zh', number=False)}{zh_label}（{clause.title}）"
        text = NOT_MENTIONED_ZH.format(terms="、".join(f"“{w}”" for w in unheard), where=where)
        text += ASK_WHO["zh"].format(who="、".join(c.name for c in leads) or "相关部门")
    elif query.lang == "zh":
        where = f"{document_name(info, 'zh', number=False)}{zh_label}（{clause.title}）"
        text = NOT_STATED["zh"].format(where=where, what="、".join(t.label_zh for t in missing))
        text += ASK_WHO["zh"].format(who="、".join(c.name for c in leads) or "相关部门")
    else:
        where = f"{en_label} of the {document_name(info, 'en', number=False)} ({clause.title_en})"
        text = NOT_STATED["en"].format(where=where, what=" or ".join(t.label_en for t in missing))
        text += " " + ASK_WHO["en"].format(who="; ".join(c.shown("en") for c in leads) or "the relevant department")
    return Answer(question=query.raw, lang=query.lang, status="not_stated", abstained=True, answer=text,
                  intent=query.intent, citations=(deps_citation(deps, clause, ()),), departments=contacts,
                  suggestions=tuple(h.clause_id for h in result.hits[:3]),
                  notes=notes_for(library, [clause.id], query.lang), confidence=result.confidence)


def _states_figure(query: Query, clause: Clause) -> bool:
    """Does ``clause`` hold a figure of a kind the question asks (an amount, a time limit …)?"""
    return any(t.evidence.search(clause.text_zh) for t in query.figure_types)


NOT_MENTIONED_ZH = "资料库中的文件没有提到{terms}；最接近的是{where}，但它没有涉及这一点。"


def _not_stated_contacts(query: Query, deps: Deps, clause: Clause, result: SearchResult) -> tuple:
    """Whom to ask for a fact the texts do not give: about a complaint (投诉拖欠款项的电话), the body a nearby
    clause has receive complaints (受理投诉部门); else the bodies of the clause's sentence nearest the question
    (not a body named in another sentence: 审计机关 audits state bodies, it takes no calls on arrears)."""
    library = deps.library
    if _COMPLAINT_WORD.search(query.content):
        for hit in result.hits[:5]:
            other = library.clause(hit.clause_id)
            accepts = [s for s in other.sentences if _ACCEPTS.search(s.zh)]
            if accepts and (found := contacts_for(library, other, accepts[:1])):
                return found
    hit = next((h for h in result.hits if h.clause_id == clause.id), None)
    if hit is None or not hit.sentence_order or clause.leads or clause.cooperates:
        return contacts_for(library, clause, [])
    return contacts_for(library, clause, [clause.sentences[hit.sentence_order[0]]])


_COMPLAINT_WORD = re.compile(r"投诉|举报|维权|complain\w*|report (?:them|it|this)", re.IGNORECASE)
_LEVELS = ("国家级", "省级", "市级", "区级", "县级")
# Parties a figure may apply to: a question naming one wants the figure of the sentence that names it.
ACTORS = ("大型企业", "机关", "事业单位", "国有企业", "个体工商户", "金融机构", "large enterprise", "government bodies",
          "public institution", "state-owned")
# The units that can answer each kind of figure asked (qa.understand.figures), and whom a figure binds.
_TYPE_UNITS = {"amount": ("万元", "亿元", "元"), "rate": ("%",), "duration": ("日", "天", "个工作日", "工作日", "个月", "年"),
               "headcount": ("人", "万人", "名", "人次", "万人次")}
_COUNT_ASKED = re.compile(r"多少家|几家|多少户|几户|\bhow many (?:private )?(?:companies|firms|enterprises|businesses)\b")
_ACTOR_ALIASES = {"大企业": "大型企业", "大公司": "大型企业", "大型企业": "大型企业", "国企": "国有企业",
                  "政府": "机关", "机关": "机关", "事业单位": "事业单位", "large compan": "large enterprise",
                  "big compan": "large enterprise", "large enterprise": "large enterprise", "大客户": "大型企业",
                  "big customer": "large enterprise", "large customer": "large enterprise", "big client": "large enterprise",
                  "large state-owned": "large enterprise", "big state-owned": "large enterprise",
                  "big private": "large enterprise", "large private": "large enterprise", "large firm": "large enterprise",
                  "big firm": "large enterprise", "large business": "large enterprise", "big business": "large enterprise",
                  "large corporation": "large enterprise", "big corporation": "large enterprise",
                  "government": "government bodies", "public institution": "public institution", "state-owned": "state-owned"}


def _allowed_units(query: Query) -> set[str]:
    """The units a figure must have to answer the kinds of figure asked (empty: any unit)."""
    return {u for t in query.figure_types for u in _TYPE_UNITS.get(t.name, ())}


def _named_actors(text: str) -> list[str]:
    """The parties ``text`` itself names (大企业 -> 大型企业, government -> government bodies), in alias order."""
    return list(dict.fromkeys(actor for word, actor in _ACTOR_ALIASES.items() if word in text))


def _asked_actors(query: Query) -> list[str]:
    """The parties a figure question asks about: those of the question itself ("那大企业呢？"), else of its
    conversation (the earlier question named 机关)."""
    found = _named_actors(query.content)
    if not found:
        # The conversation's text runs oldest to newest: the party named last is the one asked about
        # ("机关…多少天？" / "那大企业呢？" / "2020年版呢？" asks about 大企业).
        text = query.retrieval_text.lower()
        last = {}
        for word, actor in [*_ACTOR_ALIASES.items(), *((a, a) for a in ACTORS)]:
            if (at := text.rfind(word.lower())) >= 0:
                last[actor] = max(last.get(actor, -1), at)
        if last:
            newest = max(last.values())
            found = [a for a, at in last.items() if at == newest]
            # Chinese and English names of one party can both sit last (…大型企业 large enterprise).
            found += [a for a, at in last.items() if a not in found and newest - at <= 20]
    # The clause's sentences are matched in Chinese, whatever the question's language.
    return list(dict.fromkeys(_PARTY_ZH.get(a, a) for a in found))


_UNIT_HINTS = (
    (re.compile(r"拿|给|奖|补|资助|资金|钱|多少前|元|\b(?:subsid\w*|fund\w*|grant|award|money|get|receive|reward|yuan)\b"),
     ("万元", "亿元", "元")),
    (re.compile(r"多少家|几家|多少户|几户|多少个|几个|\bhow many (?:companies|firms|enterprises|businesses)\b"), ("家", "户", "个")),
    (re.compile(r"多久|多长|几天|多少天|期限|时限|\bhow (?:long|soon)\b|\bdays?\b|\bdeadline\b"),
     ("日", "天", "个工作日", "工作日", "个月", "年")),
    (re.compile(r"比例|百分|占|\bpercent|\bshare\b|\brate\b"), ("%",)),
)


def _target_score(target: Target, query: Query, tokens, q_tokens: set[str], sentence_rank: dict[int, int],
                  sentences: dict[int, str], *, asked: list[str], allowed: set[str]) -> float:
    """How well a figure of the clause answers the question: the asked level, the asked kind of unit, shared words."""
    phrase = target.measures
    in_phrase = _shared(q_tokens, tokens(phrase))
    score = float(len(in_phrase))
    if query.followup:
        # "其中给小微企业的呢？": the follow-up's own words (其中, 小微) over the earlier question's it carries along.
        score += FOLLOW_UP_OWN_WEIGHT * len(_shared(set(tokens(query.own_text or query.content)), tokens(phrase)))
    # A number the question gives, standing whole in the phrase (年营业收入10亿元以上: 10, not the 10 of 100).
    score += sum(1 for n in set(re.findall(r"\d+(?:\.\d+)?", query.content))
                 if n != target.value.rstrip("%") and re.search(rf"(?<![\d.]){re.escape(n)}(?![\d.])", phrase))
    if target.sentence is not None and target.sentence in sentences:
        # Who the figure applies to is often named earlier in its sentence (大型企业…，应当…60日内支付).
        sentence = sentences[target.sentence]
        score += 0.5 * len(_shared(q_tokens, tokens(sentence)))
        at = sentence.find(target.value)
        if at >= 0:
            # The subject right before the figure (其中私营企业超18万户) is what it counts.
            if any(len(t) >= 3 and t in sentence[max(0, at - 8):at] for t in q_tokens):
                score += 2.0
            if query.followup and any(len(t) >= 2 and t in sentence[max(0, at - 8):at]
                                      for t in tokens(own_content(query.content))):
                # 受保企业呢？ after 年担保总额: the figure 受保企业 counts (5000家), whatever unit the earlier turn asked.
                score += FOLLOW_UP_OWN_WEIGHT + (4.0 if allowed and target.unit not in allowed else 0.0)
            # What is done within the figure follows it (10个工作日内，按程序将投诉**转交**): the asked act counts there.
            after = re.split(r"[；;。]", sentence[at + len(target.value):at + len(target.value) + AFTER_WINDOW])[0]
            score += len({t for t in _shared(q_tokens, tokens(after)) if not any(t in p for p in in_phrase)})
        # "how many … by 2010?" / 三年内: the figure of the target with that deadline (a measure sets several).
        score += sum(3.0 for m in time_marks(query.content) if m in sentence)
        if asked and any(a in sentence for a in asked):
            score += 3.0
        elif asked and any(a in s for s in sentences.values() for a in asked):
            score -= 5.0  # another sentence of the clause is about the asked party
    for level in query.levels:
        if phrase.startswith(f"{level}:"):
            score += 5.0  # 国家级: 300万元 — the value paired with the asked level
        elif level in phrase and sum(lv in phrase for lv in _LEVELS) == 1:
            score += 2.0
    for asked_kind, stated_kind in _PERCENT_KINDS:
        if asked_kind.search(query.content) and stated_kind.search(phrase):
            score += 5.0  # 占GDP比重 asks the share (40%), not the growth rate (15%) beside it (as specific as a level)
    for pattern, units in _UNIT_HINTS:
        if pattern.search(query.content) and target.unit in units:
            score += 2.0
    if allowed and target.unit not in allowed:
        score -= 4.0  # "给多少钱" is not answered by 20—30家; "per day" not by 1年
    if _COUNT_ASKED.search(query.content) and target.unit not in ("家", "户", "个", "万户", "万家"):
        score -= 3.0  # how many companies … within 3 years: 15—20家, not 3年
    # "最长不得超过60日" is a cap on what a contract may agree; "30日内支付" is the rule. Lead with the rule unless
    # the question asks for the cap.
    if _CAP_RE.search(phrase) and not _CAP_ASKED_RE.search(query.content):
        score -= CAP_PENALTY
    elif _CAP_RE.search(phrase):
        score += CAP_PENALTY  # 投诉处理最长多久: "最长不得超过90日", not the 30日 it extends
    if target.sentence is not None and target.sentence in sentences and re.search(
            rf"从[^，。；]{{0,12}}?{re.escape(target.value)}\s*(?:提高|增加|上升|增长|扩大|提升)到", sentences[target.sentence]) \
            and not _BASELINE_ASKED.search(query.content):
        score -= BASELINE_PENALTY  # "从2006年的34.6%提高到40%": 34.6% is where it starts, 40% the target
    score -= 0.5 * sentence_rank.get(target.sentence, 5)
    return score


FOLLOW_UP_OWN_WEIGHT = 2.0
AFTER_WINDOW = 16  # characters after a figure read for the act it bounds
_SHARED_GENERIC = frozenset({"以上", "以下", "以内", "应当", "部门", "企业"})


def _shared(q_tokens: set[str], text_tokens) -> set[str]:
    """The question's words a text has, counted once: 民营经济 without its parts 民营, 经济 (jieba's search mode
    yields both, which made a long shared word outweigh two distinct ones), no single characters, no filler."""
    shared = {t for t in q_tokens & set(text_tokens) if len(t) >= 2} - _SHARED_GENERIC
    return {t for t in shared if not any(t != u and t in u for u in shared)}


# A percentage of one kind: a share of a whole, or a growth rate.
_PERCENT_KINDS = ((re.compile(r"比重|占比|所占|占[^，。？?]{0,8}(?:比|多少)|\bshare\b|\bproportion\b"), re.compile(r"比重|占比|占")),
                  (re.compile(r"增长|增速|增幅|\bgrowth\b|\bgrow"), re.compile(r"增长|增速|增幅")))
BASELINE_PENALTY = 4.0
_BASELINE_ASKED = re.compile(r"原来|原先|起点|基数|基础|当时|2006年|\bbaseline\b|\bstarting\b|\bin 2006\b|\bfrom what\b")


# Dev gave the same answers with 1.5, 3 and 5; 3 also puts 机关事业单位采购付款期限 on 30日 (fresh-user finding).
CAP_PENALTY = 3.0
_CAP_RE = re.compile(r"最长|最多|不得超过|不超过|最高")
_CAP_ASKED_RE = re.compile(r"最长|最多|最晚|上限|最高|不超过|\b(?:at most|maximum|max|longest|latest|cap|upper limit)\b")


def _enumeration(clause: Clause, target: Target) -> list[Target]:
    """Targets paired by level in one sentence (国家级: 300万元, 省级: 100万元, 市级: 50万元)."""
    return [t for t in clause.targets if t.sentence == target.sentence and re.match(r"^(?:国家|省|市|区|县)级:", t.measures)]


# Words pointing at the clauses an earlier turn listed: 其中 / 这几条 / "which of those".
AMONG_LISTED = re.compile(r"其中|这些|这几条|那几条|以上|上面|\b(?:among|of) (?:them|these|those)\b|\bwhich of (?:them|these|those)\b",
                          re.IGNORECASE)
_AMONG = re.compile(AMONG_LISTED.pattern + r"|\bwhich ones?\b", re.IGNORECASE)  # "which ones state a sum?" too


def _listed_with_figure(query: Query, deps: Deps) -> Answer | None:
    """"Which of those comes with money amounts?" after a list of clauses: the listed ones whose text holds a figure
    of the asked kind, each with the sentence that states it; None when it is not such a question, or when all or
    none of the listed clauses hold one (then the question is about something else)."""
    ctx = query.context
    if not (query.followup and ctx and len(ctx.items) > 1 and query.figure_types and _AMONG.search(query.content)):
        return None
    library, zh = deps.library, query.lang == "zh"
    listed = [library.clause(c) for c in ctx.items if library.has_clause(c)]
    stating = [(c, s) for c in listed for s in c.sentences if any(t.evidence.search(s.zh) for t in query.figure_types)]
    clauses = list(dict.fromkeys(c for c, _s in stating))
    if not clauses or len(clauses) == len(listed):
        return None
    lines = []
    for clause in clauses:
        sentence = next(s for c, s in stating if c is clause)
        zh_label, en_label = clause_label(clause)
        lines.append(f"{zh_label}：{sentence.zh}" if zh else f"{en_label}: {sentence.en or sentence.zh}")
    label_en = query.figure_types[0].label_en
    head = (f"上面列出的{len(listed)}条中，写明{query.figure_types[0].label_zh}的有{len(clauses)}条：" if zh else
            f"Of the {len(listed)} listed above, {len(clauses)} {'states' if len(clauses) == 1 else 'state'} "
            f"{'an' if label_en[:1] in 'aeiou' else 'a'} {label_en}:")
    return Answer(question=query.raw, lang=query.lang, status="answered", abstained=False,
                  answer="\n".join([head, *lines]), intent=query.intent,
                  citations=tuple(deps_citation(deps, c, ()) for c in clauses), context_from=ctx.clause_ids,
                  notes=notes_for(library, [c.id for c in clauses], query.lang), confidence=1.0)


def handle_figure(query: Query, deps: Deps) -> Answer:
    """An amount, count, share, date or deadline: the figure for the asked qualifier first, the quote under it."""
    if (among := _listed_with_figure(query, deps)) is not None:
        return among
    result, abstain = retrieve(query, deps, k=8)
    if abstain:
        return not_covered(query, deps, result, status=abstain)
    hit = result.hits[0]
    if not query.followup:  # a follow-up names no topic of its own to check a figure against
        found = _stating_or_not_stated(query, deps, result)
        if isinstance(found, Answer):
            return found
        hit = found
    elif allowed := _allowed_units(query):
        # "多久能有结果？" after "投诉找哪个部门？": the clause on complaints sets no time limit; the next one does.
        def states(h: Hit) -> bool:
            return any(t.unit in allowed for t in deps.library.clause(h.clause_id).targets)

        def pulled_to_payment_term(clause_id: str) -> bool:
            # "how long till they act on it?" after a complaint article: the earlier question's "won't pay me" drew
            # the payment term, which neither the follow-up nor the clause under discussion is about.
            earlier = [deps.library.clause(c) for c in (query.context.clause_ids[:1] if query.context else ())]
            return bool(earlier) and not _PAYING.search(query.content) and not _named_actors(query.content) \
                and not any(_TERM_DEFAULT.search(c.text_zh) for c in earlier) \
                and bool(_TERM_DEFAULT.search(deps.library.clause(clause_id).text_zh))

        if not states(hit) or pulled_to_payment_term(hit.clause_id):
            # Candidates: near hits, and the articles around the one under discussion (a procedure runs on
            # over consecutive articles: 第二十四条 where to complain, 第二十五条 how long it takes).
            library = deps.library
            docs = {library.clause(c).doc_id for c in (query.context.clause_ids if query.context else ())}
            near = [h.clause_id for h in result.hits[:5] if h.score >= FOLLOW_UP_FIGURE_RATIO * hit.score
                    and (not docs or library.clause(h.clause_id).doc_id in docs)]  # the document under discussion
            for cid in (query.context.clause_ids[:1] if query.context else ()):
                clauses = library.document(library.clause(cid).doc_id).clauses
                at = next(i for i, c in enumerate(clauses) if c.id == cid)
                near += [c.id for c in clauses[max(at - 2, 0):at + 3] if c.id != cid]
            own = {t for t in _tokenize(deps)(query.content) if len(t) >= 2}
            stating = [c for c in dict.fromkeys(near) if any(t.unit in allowed for t in library.clause(c).targets)
                       and not pulled_to_payment_term(c)]
            if stating:
                best = max(stating, key=lambda c: (len(own & set(_tokenize(deps)(library.clause(c).text_zh))), -near.index(c)))
                hit = hit_for(deps, query, result, best, score=hit.score, confidence=hit.confidence)
            elif own_kinds := [t for t in asked_types(query.content) if t in query.figure_types]:
                # "补贴多少钱？" after "创业有补贴吗？": neither the clause under discussion nor its neighbours state it.
                clause = library.clause(hit.clause_id)
                missing = missing_types(own_kinds, clause)
                if missing:
                    return not_stated(query, deps, clause, missing, result)
    elif own_kinds := [t for t in asked_types(query.content) if t in query.figure_types]:
        # "Did it say when it is set up?" after the measure on the SME bureau: a kind with no unit to look for.
        clause = deps.library.clause(hit.clause_id)
        if missing := missing_types(own_kinds, clause):
            return not_stated(query, deps, clause, missing, result)
    return figure_answer(query, deps, deps.library.clause(hit.clause_id), hit, result)


NEAR_RATIO = 0.8  # a clause this close to the best one may answer a figure the best one lacks
FIGURE_CANDIDATES = 8  # how many of the top hits may be that clause
FOLLOW_UP_FIGURE_RATIO = 0.6  # a follow-up's figure may come from a clause near the one under discussion


def _missing(query: Query, deps: Deps, hit: Hit) -> list:
    """The asked kinds of figure that the part of ``hit``'s clause the question is about does not state."""
    clause = deps.library.clause(hit.clause_id)
    # A date or time limit is an adverbial of its sentence ("shall, before March 31 each year, disclose …"), so
    # the whole sentence counts; an amount must sit in the phrase the question is about (风险准备金 vs 10亿元).
    tokenize = _tokenize(deps)
    missing = []
    for whole in (False, True):
        # Interest is set for the whole clause (逾期利息 … 未作约定的，按照每日利率万分之五), not in the asked phrase.
        kinds = [t for t in query.figure_types
                 if (t.name in ("date", "duration") or (t.name == "rate" and interest_asked(query.content))) == whole]
        if kinds:
            focus = focus_phrases(clause, hit.sentence_order, query, tokenize, whole=whole)
            missing += missing_types(kinds, clause, focus=focus, question=query.content)
    return [t for t in query.figure_types if t in missing]


def _counting(query: Query, deps: Deps, result: SearchResult) -> Hit | None:
    """For "多少个名牌" / "how many brands": when the best clause states no count (goal 3: a share of 60%), the near
    clause that does (measure 16: 超过500); else None."""
    def counts(hit: Hit) -> bool:
        return any(COUNT_UNIT.match(t.unit) for t in deps.library.clause(hit.clause_id).targets)

    first = result.hits[0]
    if not COUNT_ASKED.search(query.content) or counts(first):
        return None
    return next((h for h in result.hits[1:FIGURE_CANDIDATES] if h.score >= NEAR_RATIO * first.score and counts(h)
                 and h.confidence >= deps.threshold_for_clause(query.evidence_lang, h.clause_id)), None)


def _stating_or_not_stated(query: Query, deps: Deps, result: SearchResult) -> Hit | Answer:
    """The best of the top clauses that states the kind of figure asked (the first hit when nothing is asked);
    when none does, the "not stated" answer about the first hit."""
    first = result.hits[0]
    if not query.figure_types:
        return _counting(query, deps, result) or first
    first_missing = None
    for hit in result.hits[:FIGURE_CANDIDATES]:
        if hit.score < NEAR_RATIO * first.score:
            break
        if hit is not first and hit.confidence < deps.threshold_for_clause(query.evidence_lang, hit.clause_id):
            continue
        missing = _missing(query, deps, hit)
        if not missing:
            return hit
        if hit is first:
            first_missing = missing
    if first_missing is None:
        first_missing = _missing(query, deps, first)
    clause = deps.library.clause(first.clause_id)
    if all(t.name == "date" for t in first_missing) and deadline_as_duration(query.content) \
            and DURATION.found_in(evidence_text(clause.text_zh, clause.text_en)):
        return first  # the deadline is a time limit in the best clause: "within 3 months"
    tokens = _tokenize(deps)
    topic = {t for t in tokens(own_content(FIGURE_NOUNS.sub(" ", query.content))) if len(t) >= 2}
    if topic and not topic & set(tokens(f"{clause.text_zh} {clause.text_en.lower()}")):
        # 逾期利息怎么算 within the 2007 plan: its nearest measure (on fund evaluation) shares none of the topic's
        # words, so the plan does not cover it; "touches on this, but does not state" would mislead.
        return not_covered(query, deps, result, status="abstained")
    return not_stated(query, deps, clause, first_missing, result)


def figure_answer(query: Query, deps: Deps, clause: Clause, hit: Hit, result: SearchResult, *,
                  status: str = "answered") -> Answer:
    """Lead with the best-matching figure of ``clause`` (paired values spelt out), then the quoted fragment."""
    allowed = _allowed_units(query)
    reasonable = next((s for s in clause.sentences if "合理约定付款期限" in s.zh), None)
    if reasonable is not None and (_TERM_ASKED.search(query.content) or any(t.name in ("date", "duration")
                                                                             for t in asked_types(query.content))) \
            and not any(_TERM_DEFAULT.search(s.zh) or _TERM_CAP.search(s.zh) for s in clause.sentences):
        # "Is there a deadline in that law?" after 民营经济促进法第六十八条: no number of days, a reasonable agreed term.
        lead = ("没有规定具体天数：条文要求合理约定付款期限并及时支付。" if query.lang == "zh" else
                "No fixed number of days: the text requires a reasonable agreed payment term and timely payment. ")
        return quote_answer(query, deps, clause, Hit(hit.clause_id, hit.score, reasonable.index, hit.confidence, hit.channels,
                                                     (reasonable.index,)), result, lead=lead, status=status)
    if not clause.targets or (allowed and not any(t.unit in allowed for t in clause.targets)):
        # No figure of the asked kind among the extracted ones (万分之五 per day is not one): quote, lead with nothing.
        return quote_answer(query, deps, clause, hit, result, status=status)
    tokens = _tokenize(deps)
    q_tokens = set(tokens(query.retrieval_text or query.content))
    rank = {s: r for r, s in enumerate(hit.sentence_order)}
    sentences = {s.index: s.zh for s in clause.sentences}
    asked = _asked_actors(query)
    target = max(clause.targets, key=lambda t: _target_score(t, query, tokens, q_tokens, rank, sentences, asked=asked,
                                                             allowed=allowed))
    if asked and (own := _party_without_figure(clause, target, sentences, asked, allowed)) is not None:
        # 2020年版 第八条: 机关 30日 (at most 60日); 大型企业 only "合理约定付款期限" — no number for the party asked.
        what = "、".join(t.label_zh for t in query.figure_types) or "具体数字"
        what_en = " or ".join(t.label_en for t in query.figure_types) or "figure"
        lead = (f"没有为{own[1]}写明{what}：" if query.lang == "zh" else
                f"No {what_en} is set for {_PARTY_EN.get(own[1], own[1])}: ")
        order = (own[0],)  # quote the party's own sentence, not the figure of the others next to it
        return quote_answer(query, deps, clause, Hit(hit.clause_id, hit.score, own[0], hit.confidence, hit.channels, order),
                            result, lead=lead, status=status)
    paired = _enumeration(clause, target)
    if paired:
        ordered = sorted(paired, key=lambda t: 0 if any(t.measures.startswith(lv) for lv in query.levels) else 1)
        if query.lang == "zh":
            lead = "；".join(f"{t.measures.split(':')[0]} {t.value}" for t in ordered) + "。"
        else:
            lead = "; ".join(f"{LEVEL_EN.get(t.measures.split(':')[0], t.measures.split(':')[0])}: {value_en(t.value, t.unit)}"
                             for t in ordered) + ". "
        levels = {t.measures.split(":")[0] for t in paired}
        if query.levels and query.levels[-1] not in levels:
            # "那区级认定的补多少？": the clause pairs 国家级/省级/市级 only; the level asked last is not stated.
            wanted = query.levels[-1]
            lead = (f"没有写明{wanted}的数额；写明的是：{lead}" if query.lang == "zh" else
                    f"No figure is stated for the {LEVEL_EN.get(wanted, wanted)} level; the text gives: {lead}")
            if target.sentence is not None:
                hit = Hit(hit.clause_id, hit.score, target.sentence, hit.confidence, hit.channels,
                          (target.sentence,) + tuple(i for i in hit.sentence_order if i != target.sentence))
            answer = quote_answer(query, deps, clause, hit, result, lead=lead, status="not_stated")
            return replace(answer, abstained=True)
    detail = when = ""
    if not paired:
        when = f"（{target.deadline}）" if target.deadline and target.deadline not in target.measures else ""
        upper = _range_end(clause, target)  # 百分之六至百分之十: the range, not its lower end alone
        if query.lang == "zh":
            lead, detail = f"{target.value}{'至' + upper.value if upper else ''}：", _with_actor(target, sentences)
        else:
            lead = f"{value_en(target.value, target.unit)}{' to ' + value_en(upper.value, upper.unit) if upper else ''} — "
        lead = _interest_sum(query, sentences.get(target.sentence, ""), target) + lead
    if target.sentence is not None:
        order = (target.sentence,) + tuple(i for i in hit.sentence_order if i != target.sentence)
        hit = Hit(hit.clause_id, hit.score, target.sentence, hit.confidence, hit.channels, order)
    return quote_answer(query, deps, clause, hit, result, lead=lead, detail=detail, suffix=when, status=status,
                        figure=target.value)


def _interest_sum(query: Query, sentence: str, target: Target) -> str:
    """"欠我100万，拖了100天，没有约定利率，利息多少？": the late-payment interest at the clause's daily rate
    (万分之五 per day, where no rate was agreed) for the amount (RMB) and the days (a month as 30) the question
    gives, worked out; "" unless the question gives both and the target is a daily rate."""
    rates = [f for f in figures_in(target.value) if f.unit == "share"]
    if not rates or "每日" not in sentence or _agreed_rate(query.content):
        return ""  # (a rate the contract agreed is held to the LPR floor, not worked at the default rate)
    def overdue(text: str) -> list:  # how long the money is overdue: 50天, 3个月, 2个月零10天, 一年
        return [f for f in figures_in(text) if f.unit in ("日", "个月", "年") and f.upto is None]

    amounts = amounts_in(unicodedata.normalize("NFKC", query.content), english=query.lang == "en")
    spans = overdue(query.content)
    if (not amounts or not spans) and query.followup and query.context:
        # "What if it was a government agency instead?" / 如果欠的是50万呢 / "and if it was 3 months late?" after
        # 30万元 overdue 50 days: what the follow-up leaves out, taken from the earlier question, worked again.
        # (The earlier turn's words hold every turn before it, oldest first: the latest sum and period count —
        # 如果逾期120天呢 after 如果是100万呢 after 50万/60天 is 100万 for 120 days.)
        earlier = query.context.question
        amounts = amounts or amounts_in(unicodedata.normalize("NFKC", earlier), english=not CJK_RE.search(earlier))[-1:]
        if not spans:
            spans = overdue(earlier)
            spans = spans[-2:] if len(spans) >= 2 and {f.unit for f in spans[-2:]} == {"日", "个月"} else spans[-1:]
    if not amounts or not spans:
        return ""
    (shown, amount), rate = amounts[0], rates[0].value
    if (query.lang == "en") == bool(CJK_RE.search(shown)) or shown.startswith("rmb"):  # the other language's form
        shown = f"RMB {amount:,.0f}" if query.lang == "en" else f"{amount:,.0f}元"
    # "2个月零10天" / "2 months and 10 days": one period, its months (30 days each) and days added up.
    period = spans[:2] if len(spans) == 2 and {f.unit for f in spans} == {"日", "个月"} else spans[:1]
    days = int(sum(f.value * {"个月": 30, "年": 365}.get(f.unit, 1) for f in period))
    total = amount * rate * days
    months = any(f.unit == "个月" for f in period)
    years = any(f.unit == "年" for f in period)
    if query.lang == "zh":
        sum_zh = f"{total / 1e4:g}万元" if total >= 1e4 else f"{total:,.2f}元".replace(".00元", "元")
        counted = "，每月按30天计" if months else "，每年按365天计" if years else ""
        return (f"按未约定利率时的每日{target.value}计，{shown}拖欠{days}天的逾期利息为{sum_zh}"
                f"（{amount:,.0f}元×{rate * 100:g}%×{days}天{counted}）；约定了利率的，按约定（不得低于1年期贷款市场报价利率）。")
    counted = ", a month counted as 30 days" if months else ", a year counted as 365 days" if years else ""
    return (f"At the daily rate of {rate * 100:g}% that applies where no rate was agreed, {shown} overdue for {days} days "
            f"carries RMB {total:,.2f} of late-payment interest ({amount:,.0f} × {rate * 100:g}% × {days}{counted}); "
            "an agreed rate applies instead if there is one (not below the 1-year loan prime rate). ")


def _range_end(clause: Clause, target: Target) -> Target | None:
    """The upper end when ``target`` opens a range in its phrase (百分之六至百分之十, 5—10户 is one value), else None."""
    for other in clause.targets:
        if other is not target and other.sentence == target.sentence and other.unit == target.unit and re.search(
                re.escape(target.value) + r"\s*(?:至|到|~|～)\s*" + re.escape(other.value), target.measures):
            return other
    return None


_PARTY_ZH = {"large enterprise": "大型企业", "government bodies": "机关", "public institution": "事业单位",
             "state-owned": "国有企业"}
_PARTY_EN = {"大型企业": "large enterprises", "机关": "government bodies", "事业单位": "public institutions",
             "国有企业": "state-owned enterprises"}  # spelt out: "state-owned" + "s" read "state-owneds"


def _party_without_figure(clause: Clause, target: Target, sentences: dict[int, str], parties: list[str],
                          allowed: set[str]) -> tuple[int, str] | None:
    """(sentence, party) when the best figure's sentence is about other parties and the clause's sentence about
    the asked party (``parties``, Chinese, from ``_asked_actors``) states no figure of the asked kind; else None."""
    figure_sentence = sentences.get(target.sentence, "") if target.sentence is not None else ""
    others = [a for a in ACTORS if not a.isascii() and a not in parties]
    if any(p in figure_sentence for p in parties) or not any(o in figure_sentence for o in others):
        return None  # the figure binds the asked party, or no party in particular
    for index, text in sentences.items():
        party = next((p for p in parties if p in text), None)
        if party and not any(t.sentence == index and (not allowed or t.unit in allowed) for t in clause.targets):
            return index, party
    return None


def _with_actor(target: Target, sentences: dict[int, str]) -> str:
    """The figure's phrase with whom it binds when that opens its ；-fragment (大型企业从中小企业采购…，应当自…60日内支付)."""
    sentence = sentences.get(target.sentence) if target.sentence is not None else None
    if not sentence:
        return target.measures
    for fragment in re.split(r"[；;]", sentence):
        if target.measures in fragment and len(fragment) <= 120:
            return fragment.strip().rstrip("。")
    return target.measures


CLARIFY_CONTACT = {"zh": "请告诉我是什么事项（例如：被拖欠货款要投诉、企业上市融资、个体户转企业），我再告诉您找哪个部门、依据哪一条。",
                   "en": "Tell me what it is about (for example: a complaint about late payment, listing a company, a sole "
                         "trader becoming a company), and I will tell you which department to contact and on which provision."}


# "这些措施分别由谁牵头？" / "who leads each of them?" / "找哪个部门？" after a listing: every listed clause's departments.
_EACH = re.compile(r"分别|各自|每(?:一)?(?:条|项|个)|这些|这几(?:条|项|个)|那些|那几(?:条|项|个)|\beach\b|\b(?:all of )?(?:them|these|those)\b")


def handle_contact(query: Query, deps: Deps) -> Answer:
    """Whom to contact: the departments first, in words, by role; then the clause they come from."""

    if not query.followup and not own_content(query.bare or query.content):
        return Answer(question=query.raw, lang=query.lang, status="clarify", abstained=False,
                      answer=CLARIFY_CONTACT[query.lang], intent=query.intent)
    wanted = _wanted_actions(query)
    if not wanted and _repeats_earlier(query):
        # "那广东省的条例呢？" after "大企业拖欠货款可以向哪里投诉？": the act asked before, in the other document.
        earlier = query.context.question
        wanted = _wanted_actions(replace(query, content=earlier, lang="zh" if CJK_RE.search(earlier) else "en"))
    if not wanted and query.followup and query.context and query.context.clause_ids \
            and _UNPAID_TOPIC.search(query.context.question) and not own_content(query.bare or query.content) \
            and not any(_names_contact(deps, deps.library.clause(c)) for c in query.context.clause_ids):
        # "who do I contact?" after how long a big buyer may take to pay, where that article names no body:
        # the way open to an unpaid supplier is a complaint.
        wanted = ["投诉"] if query.lang == "zh" else ["complain"]
    if wanted and wanted[0] not in query.content:
        # Implied, not typed ("Who do I contact if they still don't pay?" asks where to complain): search with that word.
        query = replace(query, retrieval_text=f"{query.retrieval_text} 投诉 受理投诉 complaints")
    # Where to complain or apply is an act, not who is in charge ("中小企业促进法 where can SMEs complain?").
    charge = _in_charge_switch(query, deps) or (None if wanted or _asks_where_to_complain(query)
                                                else _subject_in_charge(query, deps))
    sanctioning = None
    if charge is None and query.followup and query.context and query.context.clause_ids and _WHO_SANCTIONS.search(query.content):
        # "这种情况谁负责追责？" after late-payment interest: the body the liability article names (上级机关…责令改正).
        docs = deps.library.documents_of(query.context.clause_ids)
        liable = liability_first(query, deps, Filters(documents=docs), query.context.clause_ids, chapter_first=True)
        sanctioning = next((deps.library.clause(h.clause_id) for h in (liable.hits[:5] if liable else ())
                            if _names_contact(deps, deps.library.clause(h.clause_id))), None)
    context_acts = query.followup and query.context and query.context.clause_ids and (not wanted or any(
        _speaks_of(deps.library.clause(c), wanted, query.lang) for c in query.context.clause_ids))
    if sanctioning is not None:
        clauses = [sanctioning]
        result = SearchResult(query=query.retrieval_text, hits=(), confidence=1.0)
        context_acts = False
    elif context_acts and not query.details.get("switched"):
        clauses = [deps.library.clause(c) for c in query.context.clause_ids]
        result = SearchResult(query=query.retrieval_text, hits=(), confidence=1.0)
        items = query.context.items
        if len(items) > 1 and not own_content(_EACH.sub(" ", query.bare or query.content)):
            from qa.answer.handlers.listings import listed_contacts  # listings builds on this module

            return listed_contacts(query, deps, items)
        if len(items) > 1 and own_content(query.bare or query.content):
            # "其中推动上市那条是谁牵头的？" after a listing: the listed clause the question's own words pick.
            if picked := _rank_listed(deps, query, items, query.content):
                clauses = [deps.library.clause(picked[0].clause_id)]
    else:
        # A follow-up asking where to complain, when the earlier clause says nothing of complaints, searches
        # the earlier turn's documents for the clause that does.
        if wanted and query.followup and query.scope and not query.documents:
            # "who do I contact?" after "那2020年版呢？": a complaint is made under the version in force.
            library = deps.library
            now = tuple(dict.fromkeys(
                library.info(d).superseded_by if not library.info(d).in_force and library.info(d).superseded_by
                and library.has_document(library.info(d).superseded_by) else d for d in query.scope))
            searched = replace(query, scope=now, followup=False, context=None) if now != query.scope else query
        else:
            searched = query
        result, abstain = retrieve(searched, deps, k=8)
        if query.followup and query.context and wanted and not query.scope:
            docs = deps.library.documents_of(query.context.clause_ids)
            # Where to complain now: the version in force, though the earlier turn asked about the 2020 text.
            docs = tuple(d for d in docs if deps.library.info(d).in_force) or docs
            within, stop = retrieve(replace(query, scope=docs), deps, k=8)
            if not stop and any(_speaks_of(deps.library.clause(h.clause_id), wanted, query.lang) for h in within.hits[:5]):
                result, abstain = within, stop
        if abstain == "abstained" and wanted and any(_speaks_of(deps.library.clause(h.clause_id), wanted, query.lang)
                                                     for h in result.hits[:3]):
            # "他们拖了半年都不付，我可以去哪里投诉？": the story lowers the evidence, but a near clause takes complaints.
            abstain = None
        if abstain:
            return not_covered(query, deps, result, status=abstain)
        chosen = _acting_hit(query, deps, result, wanted)
        if wanted and query.followup and not query.selected and not _speaks_of(
                deps.library.clause(chosen.clause_id), wanted, query.lang):
            # "那我找谁投诉？" when the earlier turn's documents say nothing of complaints: the library's clause that does.
            wide = deps.retriever.search(query.retrieval_text, lang=query.channels, k=8)
            if wide.hits and _speaks_of(deps.library.clause((found := _acting_hit(query, deps, wide, wanted)).clause_id),
                                        wanted, query.lang):
                result, chosen = wide, found
        picked = deps.library.clause(chosen.clause_id)
        if not _names_contact(deps, picked) and not (_asks_where_to_complain(query)
                                                     and _RECEIVES.search(picked.text_zh)):
            # 谁负责 / 谁来管: a near clause that names the body beats the best one that names none; not when the
            # best one is where the asked act is done (去哪里投诉: the complaint platform of 广东条例第五十八条).
            chosen = next((h for h in result.hits[:CONTACT_CANDIDATES] if h.score >= CONTACT_RATIO * result.hits[0].score
                           and _names_contact(deps, deps.library.clause(h.clause_id))), chosen)
        clauses = [charge or deps.library.clause(chosen.clause_id)]
    if query.followup and not any(_names_contact(deps, c) for c in clauses):
        result, abstain = retrieve(replace(query, followup=False, context=None), deps)
        if abstain:
            return not_covered(query, deps, result, status=abstain)
        clauses = [deps.library.clause(result.hits[0].clause_id)]
    clause = clauses[0]
    hit = hit_for(deps, query, result, clause.id, score=1.0)
    picking = query
    own_topic = own_content(_BODY_WORDS.sub(" ", cues.without(query.bare or query.content, cues.CONTACT, cues.ANAPHORA, cues.IN_CHARGE)))
    if context_acts and query.context.intent != "clause_ref" and not own_topic:
        # "who's supposed to set that up?" after the green-channel question: the part the earlier question asked
        # about (measure 34's second part), not the part sharing "set up" with the follow-up.
        earlier = query.context.question
        picking = replace(query, content=earlier, bare=earlier, followup=False, context=None,
                          lang="en" if channel_language(earlier) != "zh" else query.lang)
        if query.details.get("switched") and level_qualifiers(earlier):
            # "and in Guangzhou?" after "at national level": the sentence of the switched document's own level.
            own_level = LEVEL_OF_DOCUMENT.get(deps.library.info(clause.doc_id).level)
            picking = replace(picking, levels=(own_level,) if own_level else ())
        hit = replace(hit, sentence_order=deps.retriever.sentence_order(clause.id, earlier, channel_language(earlier)))
    idx, _zh, _en = best_fragment(clause, hit.sentence_order, picking, _tokenize(deps))
    if charge is not None and charge.id == clause.id:
        # The body the document puts in charge, in the sentence that names it.
        body = deps.library.info(clause.doc_id).in_charge[1]
        idx = next((s.index for s in clause.sentences if body in s.zh), idx)
        # That sentence alone: 个体户归谁管 shares more words with the one before it (国务院建立…联席会议制度).
        hit = replace(hit, sentence=idx, sentence_order=(idx,))
    if _asks_where_to_complain(query):
        # Where to complain: the sentence of the body that receives complaints (受理…投诉), not the one that builds
        # the platform, whichever shares more words with an English question.
        if (accepts := next((s.index for s in clause.sentences if _ACCEPTS.search(s.zh)), None)) is not None:
            idx, hit = accepts, replace(hit, sentence=accepts, sentence_order=(accepts,))
    contacts = contacts_for(deps.library, clause, [clause.sentences[idx]])
    if not contacts and (naming := next((s.index for s in clause.sentences if contacts_for(deps.library, clause, [s])), None)) \
            is not None and not clause.leads and not clause.cooperates:
        # "Who enforces that?" after Art. 31: the sentence that names the body (由其上级机关…责令改正), not item (七).
        idx, hit = naming, replace(hit, sentence=naming, sentence_order=(naming,))
        contacts = contacts_for(deps.library, clause, [clause.sentences[idx]])
    if not contacts:
        contacts = contacts_for(deps.library, clause, list(clause.sentences))
    lead = _contact_lead(query, deps, clause, contacts)
    info = deps.library.info(clause.doc_id)
    if info.status == "historical" and cues.NOW.search(query.content):
        # "那现在该找哪个部门？" of the 2007 plan: whom to ask today first; the plan's 2007 bodies after it.
        year = info.dates.get("signed", "")[:4]
        lead = ask_today(deps.library, info, query.lang) + (f"；该方案（{year}年）写的是：" if query.lang == "zh" else
                                                             f"; the {year} plan itself names: ") + lead
    whole = contacts_for(deps.library, clause, list(clause.sentences))
    if clause.kind == "measure" and {c.name for c in whole} > {c.name for c in contacts}:
        # A measure's parts have their own departments: the part quoted first, then the measure as a whole, then the basis
        # ("the recruitment one" means measure 20, led by two bureaus in its two parts).
        head, sep, basis = lead.rpartition("依据" if query.lang == "zh" else "Basis")
        lead = (head + _whole_measure(query, clause, whole) + sep + basis) if sep else _whole_measure(query, clause, whole) + lead
        contacts = list(contacts) + [c for c in whole if c.name not in {d.name for d in contacts}]
    answer = quote_answer(query, deps, clause, hit, result, lead=lead)
    return replace(answer, departments=contacts or answer.departments)


def _in_charge_switch(query: Query, deps: Deps) -> Clause | None:
    """"and in Guangzhou?" after "who leads private-economy work at national level?": when the earlier turn was
    answered by the article that puts a body in charge of its document (``DocumentInfo.in_charge``) and the follow-up
    switches to one document, that document's own in-charge article; else None."""
    switched = query.details.get("switched")
    if not (query.followup and query.context and switched and len(switched) == 1):
        return None
    library = deps.library
    earlier = query.context.clause_ids[0] if query.context.clause_ids else None
    earlier_charge = library.in_charge_clause(library.clause(earlier).doc_id) if earlier else None
    if earlier_charge is None or earlier_charge.id != earlier:
        return None
    return library.in_charge_clause(switched[0])


# Who punishes or holds to account (追责, 处罚, "who punishes them?"): the body a liability article names.
_WHO_SANCTIONS = re.compile(r"追责|问责|处罚|惩罚|处分|罚款|\bpunish\w*|\bpenali[sz]\w*|\bsanction\w*|\bhold\w* (?:them |it )?accountable",
                            re.IGNORECASE)


# The subject a whole document is about: who is in charge of it is who is in charge of the document.
_SUBJECT_WORDS = re.compile(
    r"民营经济|民营中小企业|民营企业|民企|私营企业|中小微企业|中小企业|小微企业|个体工商户|个体户"
    r"|\bprivate(?:ly[- ]owned)? (?:economy|economic organi[sz]ations?|sector|businesses|business|enterprises?|companies"
    r"|company|firms?)\b|\bsmes?\b|\bsmall and medium(?:-sized)? (?:enterprises|businesses|companies)\b|\bsole traders?\b"
    r"|\bindividual (?:businesses|industrial and commercial households)\b")
_SERVING_WORDS = re.compile(r"层面|级别|\blevel\b|\bat\b|专门|专职|帮助?|服务|扶持|支持|促进|发展|工作|管理?|负责|统筹|协调|广州|广东|全国|国家|本市|本省"
                            r"|\b(?:specifically|dedicated|help(?:s|ing)?|support(?:s|ing)?|promot(?:e|es|ing|ion)|serv(?:e|es|ing)"
                            r"|development|work|affairs|matters|guangzhou|guangdong|national(?:ly)?|there|any|one|just)\b")


def _subject_in_charge(query: Query, deps: Deps) -> Clause | None:
    """"广州有冇专门帮民营企业嘅部门？" / "Who is in charge of SMEs?": a contact question whose only topic is the
    subject of whole documents (民营经济, 中小企业, 个体工商户) is answered by the article that puts a body in charge
    of the document (``DocumentInfo.in_charge``): of the document named or chosen, else of the place named, else
    the best-ranked in-force document with such an article. None for any other question, or with only a
    historical document chosen."""
    if query.followup or query.refs or query.departments:
        return None
    text = query.bare or query.content
    library = deps.library
    # "边个部门主管保障中小企业款项支付？": the work a document's title names (its title without 条例 / 法).
    # (Not the document's own name: 中小企业促进法里由谁… names the law, not the work of promoting SMEs.)
    titled = [d.info.id for d in library.documents if d.info.in_force and len(core := _TITLE_FRAME.sub("", d.info.title)) >= 6
              and re.search(re.escape(core) + r"(?!条例|法|工作方案)", query.content) and library.in_charge_clause(d.info.id) is not None]
    if len(titled) == 1 and query.documents in ((), tuple(titled)) and not query.places and not _OWN_AREA.search(query.content):
        return library.in_charge_clause(titled[0])
    if not _SUBJECT_WORDS.search(text) or own_content(_BODY_WORDS.sub(" ", cues.without(
            text, cues.CONTACT, cues.IN_CHARGE, cues.ANAPHORA, _SUBJECT_WORDS, _SERVING_WORDS))):
        return None
    docs = [d for d in (query.documents or query.selected or query.places or library.doc_ids)
            if library.in_charge_clause(d) is not None]
    # In force only: the historical plan's own leading group is no answer today, and its measures say more
    # (广州有没有专门管中小企业的政府机构 with the plan chosen: measure 33).
    docs = [d for d in docs if library.info(d).in_force]
    if not docs:
        return None
    result = deps.retriever.search(query.retrieval_text, lang=query.channels, k=1, filters=Filters(documents=tuple(docs)))
    return library.in_charge_clause(library.clause(result.hits[0].clause_id).doc_id) if result.hits else None


_OWN_AREA = re.compile(r"全省|本省|全市|本市|省级|市级|区级|\b(?:province|provincial|city|municipal)\b")  # 全省…工作: the local body
_TITLE_FRAME = re.compile(r"^中华人民共和国|(?:条例|法|工作方案)$")
_DEFINED = re.compile(r"([^，。；：、（）]{4,60})（以下(?:统称|简称)([^）]{2,20})）")
# What a contact question calls whoever it asks for: no topic of its own.
_BODY_WORDS = re.compile(r"部门|单位|机构|\b(?:departments?|agency|agencies|office|body|bodies)\b")


def _defined_as(library: Library, clause: Clause, name: str, lang: str) -> str:
    """"（即…，第二十四条）" when ``name`` is a term the clause's document defines ("…部门（以下统称受理投诉部门）"),
    so "受理投诉部门" says which body it is; else ""."""
    for other in library.document(clause.doc_id).clauses:
        for m in _DEFINED.finditer(other.text_zh):
            if m.group(2) == name and other.id != clause.id:
                zh_label, en_label = clause_label(other)
                if lang == "zh":
                    return f"（即{m.group(1)}，{zh_label}）"
                body = library.bodies.get(m.group(1))
                if body:
                    return f" (that is, the {body.english}, {en_label})"
                # The rendering defines it the same way: "The departments of … (hereinafter … referred to as …)".
                found = re.search(r"([^.;:()]{10,240}?)\s*\(hereinafter", other.text_en)
                defined = found.group(1).strip() if found else ""
                defined = defined[0].lower() + defined[1:] if defined.startswith("The ") else defined
                return f" (that is, {defined}, {en_label})" if defined else f" (defined in {en_label})"
    return ""


def _whole_measure(query: Query, clause: Clause, whole) -> str:
    """"第八条全条：牵头 A、B；配合 C。" — every department a measure names, by role."""
    zh_label, en_label = clause_label(clause)
    leads = [c for c in whole if c.role == "lead"]
    coops = [c for c in whole if c.role == "cooperate"]
    if query.lang == "zh":
        roles = [f"牵头{'、'.join(c.name for c in leads)}"] if leads else []
        roles += [f"配合{'、'.join(c.name for c in coops)}"] if coops else []
        return f"{zh_label}全条：{'；'.join(roles)}。"
    roles = ["lead: " + "; ".join(c.shown("en") for c in leads)] if leads else []
    roles += ["cooperating: " + "; ".join(c.shown("en") for c in coops)] if coops else []
    return f"{en_label} as a whole — {'; '.join(roles)}. "


# What the asker wants to do with the department; a clause about doing it (受理…投诉) beats one that only
# names the topic (不得拖欠) when both rank near the top.
_ACTIONS_ZH = ("投诉", "举报", "申请", "申报", "反映", "登记", "认定", "维权")
_ACTIONS_EN = ("complain", "report", "appl", "regist", "recogni")  # stems: complaint, reporting, application …


# Dev (session 17): the first 5 or 8 hits within 0.8 of the best fixed 3 contact questions and broke none; 0.9 fixed 2.
CONTACT_CANDIDATES = 5
CONTACT_RATIO = 0.8


def _names_contact(deps: Deps, clause: Clause) -> bool:
    """Does the clause name a department or body to turn to (anywhere in it)?"""
    return bool(contacts_for(deps.library, clause, clause.sentences))


def _wanted_actions(query: Query) -> list[str]:
    """The actions a contact question names (投诉, complain …): words in Chinese, stems in English."""
    if query.lang == "zh":
        found = [word for word in _ACTIONS_ZH if word in query.content]
        return found or (["投诉"] if _STILL_UNPAID.search(query.content) else [])
    found = [stem for stem in _ACTIONS_EN if re.search(rf"\b{stem}", query.content)]
    found += [word for word in _ACTIONS_ZH if word in query.content]  # "which department handles 投诉?"
    return found or (["complain"] if _STILL_UNPAID.search(query.content) else [])


# "Who do I contact if they still don't pay?": the way open to an unpaid supplier is a complaint.
_STILL_UNPAID = re.compile(r"(?:还是|仍然|仍|依然|一直|始终|还)(?:不|没|没有|唔)(?:付|给钱|还钱|结款|俾钱)|拖着不付|不肯付"
                           r"|\b(?:still|keeps?|continues? to)\s+(?:doesn'?t|don'?t|won'?t|not|refus\w*(?: to)?)\s+pay"
                           r"|\b(?:won'?t|refus\w* to|never) pay\b")


# A question about being paid late or not at all (the earlier turn of a contact follow-up).
_UNPAID_TOPIC = re.compile(r"拖欠|拖款|欠款|欠(?:我|我们)?(?:的)?(?:货款|钱|款)|迟延支付|逾期(?:支付|付款|未付)|付款期限|付款时间|几耐(?:内)?付|多少天(?:内)?付"
                           r"|\b(?:late|overdue|unpaid|outstanding) (?:payments?|invoices?|bills?)\b|\bpay(?:s|ing)? (?:me )?late\b|\bowe[sd]?\b"
                           r"|\b(?:hasn'?t|haven'?t|not) (?:been )?paid\b|\bpayment (?:period|term|deadline)s?\b|\bhow long\b.{0,40}\bpay\b"
                           # interest on a sum overdue: money owed and not paid on time
                           r"|逾期利息|\boverdue (?:for|by)\b|\blate[- ]payment interest\b", re.IGNORECASE)


_SAME_ACTION = {"申请": ("申请", "申报"), "申报": ("申请", "申报")}


def _speaks_of(clause: Clause, wanted: list[str], lang: str) -> bool:
    """Does ``clause`` speak of one of the ``wanted`` actions (Chinese words in its Chinese, English stems in its English)?"""
    if lang != "zh" and any(not w.isascii() for w in wanted):
        return _speaks_of(clause, [w for w in wanted if not w.isascii()], "zh") or _speaks_of(
            clause, [w for w in wanted if w.isascii()], lang)
    text = clause.text_zh if lang == "zh" else clause.text_en.lower()
    return any(w in text for word in wanted for w in _SAME_ACTION.get(word, (word,)))


def _acting_hit(query: Query, deps: Deps, result: SearchResult, wanted: list[str]) -> Hit:
    """The first near-top hit whose clause speaks of the action the question asks about (``wanted``, from
    ``_wanted_actions``), one that names a body to turn to first; else the top hit."""
    first = result.hits[0]
    if not wanted:
        return first
    acting = []
    for hit in result.hits[:8]:
        if hit.score < 0.6 * first.score:
            break
        clause = deps.library.clause(hit.clause_id)
        if _speaks_of(clause, wanted, query.lang):
            acting.append((hit, clause))
    # Asked where to complain: where complaints are received (受理…投诉, 投诉和维权服务平台) beats where the act is
    # only named in a list of misdeeds.
    receiving = [hit for hit, clause in acting if _RECEIVES.search(clause.text_zh)] \
        if _asks_where_to_complain(query) else []
    # A clause that says whom to turn to (受理投诉 by a named body) beats one that only mentions the action
    # (不得打击报复提出投诉的中小企业).
    named = [hit for hit, clause in acting if _names_contact(deps, clause)]
    return (receiving or named or [hit for hit, _ in acting] or [first])[0]


def _asks_where_to_complain(query: Query) -> bool:
    """Does the question ask where to complain, itself or, for "那广东省的条例呢？", the earlier question it repeats
    in another document?"""
    if _ASKS_WHERE_TO_COMPLAIN.search(query.content):
        return True
    return bool(_repeats_earlier(query) and _ASKS_WHERE_TO_COMPLAIN.search(query.context.question))


def _repeats_earlier(query: Query) -> bool:
    """Is the question the earlier one asked of other documents, with no words of its own beyond a place ("那广东省的
    条例呢？", "广州的呢？", "and in the Guangdong regulation?")?"""
    if not query.details.get("switched") or not query.context:
        return False
    own = own_content(query.bare or query.content)
    return len(own.replace(" ", "")) <= 4 if CJK_RE.search(own) else len(own.split()) <= 2


# A body that receives complaints (受理…投诉, 有权向…投诉); with a complaint platform or hotline, a clause that says
# where complaints go.
_ACCEPTS = re.compile(r"(?:受理|接受|接收)(?!投诉部门|之日)[^。；]{0,24}?(?:投诉|举报|申诉)(?!部门)|有权向[^。；]{2,20}(?:投诉|举报)")
_RECEIVES = re.compile(_ACCEPTS.pattern + r"|(?:投诉|举报|维权)[^。；、]{0,8}?(?:服务平台|平台|渠道|热线)")
# The question asks where to complain (not about a complaint's details: 投诉里涉及…的认定由谁负责).
_ASKS_WHERE_TO_COMPLAIN = re.compile(
    r"(?:去|到|向)?哪(?:里|儿)?(?:去)?(?:投诉|举报|反映|维权)|(?:找谁|向谁|跟谁|给谁)(?:投诉|举报|反映)|(?:投诉|举报|反映)(?:找谁|给谁|向谁)"
    r"|怎么(?:投诉|举报|维权)|^(?:我|我们)?(?:想|要|准备|打算)(?:去)?(?:投诉|举报)"
    r"|\bi (?:want|would like|need) to (?:complain|file a complaint|report)"
    r"|\bwhere (?:can|do|should|could) (?:i|we|smes?|they|businesses|companies|firms) (?:complain|file a complaint|lodge|report)"
    r"|\bwho (?:do|can|should) (?:i|we) (?:complain|report) to\b|\bhow (?:do|can) (?:i|we) (?:complain|file a complaint)"
    # 投诉找哪个部门 / "which department handles complaints?": where complaints are received
    r"|(?:投诉|举报|维权)(?:要|应该|可以)?(?:找哪个部门|找哪个单位|找哪里|去哪)"
    r"|\bwhich (?:department|agency|body|bodies|authority|office) (?:handles|takes|receives|accepts|deals with) (?:complaints|投诉)")


def _contact_lead(query: Query, deps: Deps, clause: Clause, contacts) -> str:
    from qa.understand.departments import COOP_RE, LEAD_RE

    zh_label, en_label = clause_label(clause)
    leads = [c for c in contacts if c.role == "lead"]
    coops = [c for c in contacts if c.role == "cooperate"]
    named = [c for c in contacts if c.role == "named"]
    if COOP_RE.search(query.content) and not LEAD_RE.search(query.content) and coops:
        # 谁配合 / who cooperates: the cooperating departments first.
        if query.lang == "zh":
            return f"配合部门：{'、'.join(c.name for c in coops)}（牵头：{'、'.join(c.name for c in leads) or '未写明'}）。依据{zh_label}："
        return ("Cooperating: " + "; ".join(c.shown("en") for c in coops) + " (lead: "
                + ("; ".join(c.shown("en") for c in leads) or "not stated") + f"). Basis, {en_label}: ")
    if query.lang == "zh":
        if leads:
            text = f"请找{'、'.join(c.name for c in leads)}（牵头）"
            if coops:
                text += f"，{'、'.join(c.name for c in coops)}配合"
            return text + f"。依据{zh_label}：" if clause.kind != "article" else text + "。依据："
        if named:
            return f"相关部门：{'、'.join(c.name + _defined_as(deps.library, clause, c.name, 'zh') for c in named)}。依据："
        if _RECEIVES.search(clause.text_zh):
            return "条文写明了受理的渠道（没有写明具体部门）："  # 投诉和维权服务平台: where to go, if not which office
        return "条文没有写明具体部门，请向文件的制定或实施部门咨询。相关条文："
    if leads:
        text = "Contact the " + "; ".join(c.shown("en") for c in leads) + " (lead)"
        if coops:
            text += ", with " + "; ".join(c.shown("en") for c in coops) + " cooperating"
        return text + f". Basis, {en_label}: "
    if named:
        return "Bodies named: " + "; ".join(c.shown("en") + _defined_as(deps.library, clause, c.name, "en")
                                            for c in named) + ". Basis: "
    if _RECEIVES.search(clause.text_zh):
        return "The provision names where to turn (not a specific department): "
    return "The text names no department; ask the body that issued or implements it. The provision: "
