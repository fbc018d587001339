"""Two versions of one document compared on a topic: what each says, which is in force.

"2020版和2025版在付款期限上有什么区别？" / "What changed for large companies' payment terms?" (after a question
on the 2020 regulation): the best fragment of each version on the topic, newest first, each cited, then which
version applies. With no topic, each version's dates, size and status.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace

from qa.answer.citation import cite, clause_label, document_name, make_citation, status_line
from qa.answer.handlers.common import Deps, best_fragment, not_covered
from qa.answer.handlers.retrieval import _tokenize, deps_citation, hit_for, matching_clause, text_similarity
from qa.answer.models import Answer
from qa.models import Clause
from qa.retrieve.retriever import Filters, SearchResult
from qa.understand.query import Query

WHOLE_ARTICLE = 400  # characters: an article this short is shown whole
WHOLE_SENTENCE = 160  # characters: else a sentence this short is shown whole rather than its best fragment


def handle_compare_versions(query: Query, deps: Deps) -> Answer:
    """Each version's provision on the compared topic (``query.details["compare_text"]``), newest first.

    Returns an ``answered`` Answer citing one clause per version, or ``not_covered`` when no version has
    evidence above the threshold; with no topic, a ``document`` Answer on the versions themselves.
    """
    library = deps.library
    chain = tuple(reversed(query.details["compare_versions"]))  # newest first
    text = query.details.get("compare_text", "")
    lang = query.lang
    if not text.strip() or (len(chain) == 2 and not query.details.get("across_documents") and _one_list_asked(query)
                            and _LIST_OF_ARTICLES.search(query.content)):
        # (Which articles were added / deleted asks for a list of articles, whatever words come with it.)
        return _versions_only(query, deps, chain)
    found = []
    if clause_id := query.details.get("compare_clause"):
        # The earlier turn's article: its newer version (or itself), compared with the older counterpart below.
        clause = library.clause(clause_id)
        if clause.doc_id != chain[0] and (match := _counterpart(deps, clause, chain[0])[0]) is not None:
            clause = match
        if clause.doc_id == chain[0]:
            found.append(SearchResult(query=text, hits=(hit_for(deps, query, SearchResult(text, (), 1.0), clause.id),),
                                      confidence=1.0))
    for doc_id in chain[len(found):]:
        result = deps.retriever.search(text, lang=query.channels, k=CANDIDATES, filters=Filters(documents=(doc_id,)))
        if result.hits:
            found.append(result)
    across = bool(query.details.get("across_documents"))  # two documents, not two versions of one
    if len(found) == 2 and not across:
        found[0] = _consistent(deps, found[0], found[1])
    strong = [r for r in found if r.confidence >= deps.threshold_for_clause(query.evidence_lang, r.hits[0].clause_id)]
    if not strong:
        return not_covered(query, deps, found[0] if found else None, status="abstained")
    if across:
        return _across_documents(query, deps, found, strong)
    change = None
    if len(found) == 2:
        older, change = _counterpart(deps, library.clause(found[0].hits[0].clause_id), chain[1])
        if older is None:
            found = found[:1]  # the older version has no counterpart: the provision is new
        else:
            # The older version's counterpart of the newer article, not merely its best hit on the topic.
            found[1] = replace(found[1], hits=(hit_for(deps, query, found[1], older.id),))
    # The fragments are chosen for the compared topic, not for the words of comparing.
    asked = replace(query, content=text, followup=False)
    tokens = _tokenize(deps)
    lines: list[str] = []
    citations = []
    quoted: list[str] = []
    for result in found:
        hit = result.hits[0]
        clause = library.clause(hit.clause_id)
        idx, zh, en = best_fragment(clause, hit.sentence_order, asked, tokens)
        sentence = clause.sentences[idx]
        if len(clause.text_zh) <= WHOLE_ARTICLE:  # side by side, whole articles: one sentence alike may hide a change
            zh, en = clause.text_zh, clause.text_en or en
        elif len(sentence.zh) <= WHOLE_SENTENCE:
            zh, en = sentence.zh, sentence.en or en
        info = library.info(clause.doc_id)
        state = ("现行有效" if info.in_force else "已失效") if lang == "zh" else ("in force" if info.in_force else "no longer in force")
        quoted.append(zh)
        if lang == "zh":
            lines.append(f"{cite(library, clause, 'zh')}（{state}）：{zh}")
        else:
            lines.append(f"{cite(library, clause, 'en')} ({state}): {en or zh}")
        citations.append(deps_citation(deps, clause, (idx,)))
    current = next((library.info(d) for d in chain if library.info(d).in_force), library.info(chain[0]))
    same = change == "same" or (change is None and len(set(quoted)) == 1 and len(quoted) > 1)
    old_name = document_name(library.info(chain[-1]), lang)
    if lang == "zh":
        head = ("两个版本在这一点上的规定相同：" if same else f"这是新增的规定，{old_name}没有对应条款：" if change == "new"
                else "两个版本的规定不同。" + _changes(citations, library, lang) + "\n各版本的规定：" if change == "changed"
                else "各版本的规定：")
        tail = f"以现行的{document_name(current, 'zh')}为准（{status_line(current, 'zh')}）。"
    else:
        head = ("Both versions say the same on this: " if same
                else f"This provision is new: the {old_name} has no counterpart. " if change == "new"
                else "The two versions differ. " + _changes(citations, library, lang) + "\nWhat each version says: "
                if change == "changed" else "What each version says: ")
        tail = f"The {document_name(current, 'en')} is the one that applies ({status_line(current, 'en')})."
    body = lines[0] if same or change == "new" else "\n" + "\n".join(lines)
    answer = f"{head}{body}\n{tail}"
    return Answer(question=query.raw, lang=lang, status="answered", abstained=False, answer=answer, intent=query.intent,
                  citations=tuple(citations), confidence=max(r.confidence for r in strong),
                  context_from=query.context.clause_ids if query.followup and query.context else ())


ACROSS_EVIDENCE = 0.5  # of a document's threshold: below it, a document compared has nothing on the topic


def _across_documents(query: Query, deps: Deps, found: list[SearchResult], strong: list[SearchResult]) -> Answer:
    """Two or more documents (not versions of one) compared on a topic: each one's best fragment, in the order
    named, each cited with its status; a document with no evidence on the topic is said to have none."""
    library, lang = deps.library, query.lang
    asked = replace(query, content=query.details.get("compare_text", ""), followup=False)
    tokens = _tokenize(deps)
    lines, citations = [], []
    for result in found:
        hit = result.hits[0]
        clause = library.clause(hit.clause_id)
        info = library.info(clause.doc_id)
        if result.confidence < ACROSS_EVIDENCE * deps.threshold_for_clause(query.evidence_lang, hit.clause_id):
            lines.append(f"{document_name(info, 'zh')}：没有专门规定这一点。" if lang == "zh"
                         else f"The {document_name(info, 'en')} has no provision on this.")
            continue
        idx, zh, en = best_fragment(clause, hit.sentence_order, asked, tokens)
        state = info.status_label(lang)  # (a historical plan is no repealed law: 历史文件, not 已失效)
        lines.append(f"{cite(library, clause, 'zh')}（{state}）：{zh}" if lang == "zh"
                     else f"{cite(library, clause, 'en')} ({state}): {en or zh}")
        citations.append(deps_citation(deps, clause, (idx,)))
    head = "各文件的规定：" if lang == "zh" else "What each document says:"
    tail = ("不同层级的规定同时适用：国家法律、行政法规在全国适用，省、市的规定在本地区适用。" if lang == "zh" else
            "They apply together: national laws and regulations everywhere, provincial and city rules in their own area.")
    return Answer(question=query.raw, lang=lang, status="answered", abstained=False,
                  answer=f"{head}\n" + "\n".join(lines) + f"\n{tail}", intent=query.intent, citations=tuple(citations),
                  confidence=max(r.confidence for r in strong))


NEW_RATIO = 0.35  # text similarity below which the older version has no counterpart (payment regulation: new
# articles 0.15-0.30 against their nearest 2020 article, revised ones 0.56-0.99, unchanged 1.0)
MAX_CHANGES = 4  # changed passages named in the answer
CHANGE_CHARS = 160  # characters of each changed passage shown (60 cut 2025 Art. 9's new third-party ban off)


SENTENCE_RATIO = 0.55  # a sentence this like one of the older version's carries that article's rule over, rewritten
# (2025 Art. 25's transfer of complaints from 2020 Art. 17: 0.59; 2025 Art. 23's inspection from 2020 Art. 21: 0.59;
# the new Art. 4, 15, 19, 21, 22 reach 0.25-0.51)


def _counterpart(deps: Deps, clause: Clause, older_doc: str) -> tuple[Clause | None, str]:
    """``clause``'s counterpart in ``older_doc`` (another version of its document) and what became of it:
    (the counterpart, "same" or "changed"), or (None, "new") when neither the whole article reaches
    ``NEW_RATIO`` similarity nor any of its sentences ``SENTENCE_RATIO`` with a sentence of the older version
    (an article split or much enlarged keeps its older sentence: 2025 Art. 25 holds 2020 Art. 17's transfer rule)."""
    older = matching_clause(deps, clause, older_doc)
    if older is not None and text_similarity(clause.text_zh, older.text_zh) >= NEW_RATIO and not _lives_on_elsewhere(
            deps, older, clause):
        return older, "same" if clause.text_zh == older.text_zh else "changed"
    if (kept := sentence_source(deps.library, clause, older_doc)) is not None:
        return kept, "changed"
    # Most of an older sentence lives on inside one of this article's (2020 Art. 19's restrictions in 2025 Art. 26).
    absorbed = next((o for o in deps.library.document(older_doc).clauses if o.kind == "article"
                     and any(_contained(t.zh, s.zh) for t in o.sentences for s in clause.sentences)), None)
    if absorbed is not None:
        return absorbed, "changed"
    return None, "new"


SAME_RATIO = 0.9  # an older article this like another newer one lives on there, barely changed


def _lives_on_elsewhere(deps: Deps, older: Clause, newer: Clause) -> bool:
    """Whether ``older`` continues, barely changed, as another article of ``newer``'s version: 2020 Art. 2 is the
    nearest to the new 2025 Art. 15 (0.42) but lives on as 2025 Art. 2 (1.0)."""
    best = matching_clause(deps, older, newer.doc_id)
    return best is not None and best.id != newer.id and text_similarity(older.text_zh, best.text_zh) >= SAME_RATIO


def sentence_source(library, clause: Clause, older_doc: str) -> Clause | None:
    """The article of ``older_doc`` holding the sentence most like one of ``clause``'s, if that pair reaches
    ``SENTENCE_RATIO``; else None."""
    best, found = SENTENCE_RATIO, None
    for older in library.document(older_doc).clauses:
        if older.kind != "article":
            continue
        for s in clause.sentences:
            for t in older.sentences:
                matcher = difflib.SequenceMatcher(None, s.zh, t.zh, autojunk=False)
                if matcher.real_quick_ratio() >= best and matcher.quick_ratio() >= best and (r := matcher.ratio()) >= best:
                    best, found = r, older
    return found


def version_note(deps: Deps, clauses: list[Clause], lang: str) -> str:
    """What became of an article across its document's versions, for "第十五条是新增的吗" / "对应2020版哪条" /
    "2020版第八条和2025版第九条有什么不同": with two articles of two versions, the passages that changed; with one,
    its counterpart in the adjacent version (older first) and whether it is new, deleted, the same or changed.
    Two articles of different documents: the passages only one has (``_differences``). Returns "" when the
    article's document has a single version or the articles have too little text in common to compare."""
    library = deps.library
    chain = deps.documents.versions(clauses[0].doc_id)
    if len(clauses) >= 2 and clauses[1].doc_id not in chain:
        return _differences(clauses[0], clauses[1], library, lang)  # two documents' articles, side by side
    if len(chain) < 2:
        return ""
    if len(clauses) >= 2:
        a, b = clauses[:2]
        if a.doc_id == b.doc_id:
            return ""
        newer, older = (a, b) if chain.index(a.doc_id) > chain.index(b.doc_id) else (b, a)
        if newer.text_zh == older.text_zh:
            return "两条文字相同。" if lang == "zh" else "The two articles have the same wording."
        if _counterpart(deps, newer, older.doc_id)[0] != older and _counterpart(deps, older, newer.doc_id)[0] != newer:
            # 2020版第十九条 against 2025版第二十五条: not one provision's two versions; say what each became.
            return " ".join(version_note(deps, [c], lang) for c in (older, newer))
        changes = _changes([newer, older], library, lang)
        lead = f"{_cite_short(library, newer, lang)}与{_cite_short(library, older, lang)}相比有改动。" if lang == "zh" else \
            f"{_cite_short(library, newer, lang)} differs from {_cite_short(library, older, lang)}. "
        return lead + changes
    clause = clauses[0]
    at = chain.index(clause.doc_id)
    other_doc = chain[at - 1] if at > 0 else chain[at + 1]
    older_side = at > 0  # the clause is the newer one: compared with the version before it
    match, change = _counterpart(deps, clause, other_doc)
    words = {"me": _cite_short(library, clause, lang), "other": document_name(library.info(other_doc), lang, number=False),
             "there": _cite_short(library, match, lang) if match is not None else ""}
    if match is None:
        return _NOTES[lang]["new" if older_side else "deleted"].format(**words)
    if change == "same":
        return _NOTES[lang]["same"].format(**words)
    pair = [clause, match] if older_side else [match, clause]
    return _NOTES[lang]["changed"].format(**words) + _changes(pair, library, lang)


# What became of one article (``version_note``); {me}, {there}: an article with its version, {other}: the other version.
_NOTES = {"zh": {"new": "{me}是新增的：{other}没有对应条款。", "deleted": "{me}在{other}中没有对应条款（修订时删去）。",
                 "same": "{me}与{there}文字相同。", "changed": "{me}对应{there}，内容有改动。"},
          "en": {"new": "{me} is new: the {other} has no counterpart.",
                 "deleted": "{me} has no counterpart in the {other} (deleted in the revision).",
                 "same": "{me} has the same wording as {there}.", "changed": "{me} corresponds to {there}, with changes. "}}


def _cite_short(library, clause: Clause, lang: str) -> str:
    """《…》（2025年修订）第九条 / Article 9 of the … (2025 revision): the article and its version, no number."""
    name = document_name(library.info(clause.doc_id), lang, number=False)
    return f"{name}{clause_label(clause)[0]}" if lang == "zh" else f"{clause_label(clause)[1]} of the {name}"


def _phrase_diff(first: str, second: str):
    """The passages where two Chinese texts differ, compared phrase by phrase (split at ，；。、：) so a change reads
    as whole phrases, not scattered characters: (op, first's passage, second's passage) for each replace, delete or
    insert longer than one character together, each passage cut at ``CHANGE_CHARS`` with an ellipsis."""
    a, b = (re.findall(r"[^，；。、：\n]+[，；。、：]?", t) for t in (first, second))
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        left, right = "".join(a[i1:i2]).strip("，；。、： "), "".join(b[j1:j2]).strip("，；。、： ")
        if op == "equal" or len(left) + len(right) < 2:
            continue
        yield op, *(t if len(t) <= CHANGE_CHARS else t[:CHANGE_CHARS] + "…" for t in (left, right))


def _differences(first: Clause, second: Clause, library, lang: str) -> str:
    """Two articles of different documents set side by side ("比较中小企业促进法第53条和广东省条例第61条"): the
    passages only one of them has, when they share enough text to be compared phrase by phrase; else what each is
    about (its opening words), since no phrase of one answers to a phrase of the other."""
    name_a, name_b = (_cite_short(library, c, lang) for c in (first, second))
    if text_similarity(first.text_zh, second.text_zh) < NEW_RATIO:
        a, b = (_gist(re.split("，", c.text_zh)[0]) if lang == "zh" else _gist(c.text_en or c.text_zh) for c in (first, second))
        return (f"两条规定的是不同事项，无法逐句对照：{name_a}讲“{a}”；{name_b}讲“{b}”。原文如下。" if lang == "zh" else
                f"The two articles deal with different matters, so there is no passage-by-passage comparison: {name_a} "
                f"is on '{a}'; {name_b} is on '{b}'. Both texts follow.")
    parts = []
    for op, left, right in _phrase_diff(first.text_zh, second.text_zh):
        if lang == "zh":
            parts.append(f"前者“{left}”，后者“{right}”" if op == "replace" else f"只有前者有“{left}”" if op == "delete"
                         else f"只有后者有“{right}”")
        else:
            parts.append(f"the first says '{left}', the second '{right}'" if op == "replace"
                         else f"only the first has '{left}'" if op == "delete" else f"only the second has '{right}'")
    if not parts:
        return "两条文字相同。" if lang == "zh" else "The two articles have the same wording."
    more = len(parts) > MAX_CHANGES
    if lang == "zh":
        return f"{name_a}与{name_b}的不同（原文）：" + "；".join(parts[:MAX_CHANGES]) + ("等。" if more else "。")
    return f"How {name_a} and {name_b} differ (in the Chinese text): " + "; ".join(parts[:MAX_CHANGES]) + \
        (" and more." if more else ".")


def _changes(clauses: list, library, lang: str) -> str:
    """The passages that differ between two articles (or their citations), newest first: "改动：“批复”改为“备案”；…"."""
    new, old = ((c if isinstance(c, Clause) else library.clause(c.clause_id)).text_zh for c in clauses[:2])
    parts = []
    for op, before, after in _phrase_diff(old, new):
        if lang == "zh":
            parts.append(f"“{before}”改为“{after}”" if op == "replace" else f"删去“{before}”" if op == "delete"
                         else f"新增“{after}”")
        else:
            parts.append(f"'{before}' became '{after}'" if op == "replace" else f"deleted '{before}'" if op == "delete"
                         else f"added '{after}'")
    if not parts:
        return ""
    more = len(parts) > MAX_CHANGES
    if lang == "zh":
        return "改动（原文）：" + "；".join(parts[:MAX_CHANGES]) + ("等。" if more else "。")
    return "Changes (in the Chinese text): " + "; ".join(parts[:MAX_CHANGES]) + (" and more." if more else ".")


CONSISTENT_RATIO = 0.8  # a runner-up this close may stand for the newer version when it matches the older one's best
CANDIDATES = 5  # hits per version searched: 2025 Art. 9 on 大企业付款期限 ranks 3rd-5th, within 0.9 of the first


def _consistent(deps: Deps, newer: SearchResult, older: SearchResult) -> SearchResult:
    """The newer version's best hit, unless a near runner-up is the counterpart of the older version's best (大企业
    付款期限: 2025 Art. 9, the counterpart of 2020 Art. 8, rather than Art. 10 on acceptance)."""
    old_best = older.hits[0].clause_id
    first = newer.hits[0]
    for hit in newer.hits[:CANDIDATES]:
        if hit.score < CONSISTENT_RATIO * first.score:
            break
        # A real counterpart (similar enough), not merely the nearest: 2025 Art. 15 is new, though 2020 Art. 8 is nearest.
        match = _counterpart(deps, deps.library.clause(hit.clause_id), deps.library.clause(old_best).doc_id)[0]
        if match is not None and match.id == old_best:
            if hit is not first:
                return replace(newer, hits=(hit,) + tuple(h for h in newer.hits if h is not hit))
            break
    return newer


def _versions_only(query: Query, deps: Deps, chain: tuple[str, ...]) -> Answer:
    """No topic to compare: each version's dates, articles and status, and a prompt to name the topic."""
    library = deps.library
    lang = query.lang
    lines = []
    last = []  # each version's last article (its entry into force)
    for doc_id in chain:
        info = library.info(doc_id)
        articles = [c for c in library.document(doc_id).clauses if c.kind == "article"]
        last.append(articles[-1])
        if lang == "zh":
            lines.append(f"{document_name(info, 'zh')}：共{len(articles)}条；{status_line(info, 'zh')}。")
        else:
            lines.append(f"The {document_name(info, 'en')}: {len(articles)} articles; {status_line(info, 'en')}.")
    if len(chain) == 2 and (one := _one_list_asked(query)):
        # 2025版新增了哪些条？ / 删除了哪些条款？: that list alone, not the whole overview again.
        lines = [_additions(deps, chain, lang) if one == "added" else _deletions(deps, chain, lang)]
        return Answer(question=query.raw, lang=lang, status="document", abstained=False, answer="\n".join(lines),
                      intent=query.intent, citations=tuple(make_citation(library, c, ()) for c in last), confidence=1.0)
    if len(chain) == 2:
        lines.append(_change_summary(deps, chain, lang))
        if _DELETION_ASKED.search(query.content):
            lines.insert(0, _deletions(deps, chain, lang))  # 删除了哪些条款？: that first
    lines.append("请说明想比较哪一方面（例如付款期限、逾期利息、投诉），我再逐条对照两个版本。" if lang == "zh" else
                 "Tell me which point to compare (for example payment terms, late-payment interest, complaints) and "
                 "I will set the two versions' provisions side by side.")
    # Each version's last article is cited, so "比较付款期限" next knows the versions.
    return Answer(question=query.raw, lang=lang, status="document", abstained=False, answer="\n".join(lines),
                  intent=query.intent, citations=tuple(make_citation(library, c, ()) for c in last), confidence=1.0)


_SUMMARIES: dict[tuple, tuple[list, list, int, list]] = {}
_DELETION_ASKED = re.compile(r"删(?:除|掉|去)|去掉|废除|取消了?(?:哪|什么)|\b(?:delet|remov|dropp)\w*", re.IGNORECASE)


_LIST_OF_ARTICLES = re.compile(r"哪些条|哪几条|什么条|哪条|条款|\barticles?\b|\bprovisions?\b", re.IGNORECASE)
_ADDITION_ASKED = re.compile(r"新增|新加|增加了?(?:哪|什么)|加了(?:哪|什么)|多了(?:哪|什么)|\badded\b|\bnew (?:articles?|provisions?)\b"
                             r"|\bwhat'?s new\b", re.IGNORECASE)


def _one_list_asked(query: Query) -> str | None:
    """"added" or "deleted" when the question asks for the articles a version added, or those it deleted, and not
    both; else None."""
    added, deleted = bool(_ADDITION_ASKED.search(query.content)), bool(_DELETION_ASKED.search(query.content))
    return None if added == deleted else "added" if added else "deleted"


def _additions(deps: Deps, chain: tuple[str, ...], lang: str) -> str:
    """"2025版新增了哪些条？": the newer version's articles with no counterpart in the older one, each with its gist."""
    new = _alignment(deps, chain)[0]
    old_name = document_name(deps.library.info(chain[1]), lang, number=False)
    if lang == "zh":
        return (f"与{old_name}相比，新增或无对应的条款{len(new)}条：" + "；".join(
            f"{clause_label(c)[0]} {_gist(c.text_zh)}{_figures(c, 'zh')}" for c in new) + "。" if new else
            f"与{old_name}相比，没有新增的条款：每一条在旧版中都有对应内容。")
    return (f"Compared with the {old_name}, {len(new)} articles are new or have no counterpart: " + "; ".join(
        f"{clause_label(c)[1]}: {_gist(c.text_en)}{_figures(c, 'en')}" for c in new) + "." if new else
        f"Compared with the {old_name}, no article is new: each has a counterpart in the older version.")


def _deletions(deps: Deps, chain: tuple[str, ...], lang: str) -> str:
    """"删除了哪些条款？": the older version's articles the newer one dropped, or that none was dropped outright."""
    gone = _alignment(deps, chain)[3]
    old_name = document_name(deps.library.info(chain[1]), lang, number=False)
    if lang == "zh":
        return (f"删去的条款{len(gone)}条：" + "、".join(f"原{clause_label(c)[0]}" for c in gone) + "。" if gone else
                f"没有整条删去的条款：{old_name}的每一条在新版中都有对应内容（有的改写或并入他条）。")
    return (f"{len(gone)} articles were deleted: " + ", ".join(f"former {clause_label(c)[1]}" for c in gone) + "." if gone
            else f"No article was deleted outright: every article of the {old_name} lives on in the new version "
                 "(some rewritten or merged into another).")


def _alignment(deps: Deps, chain: tuple[str, ...]) -> tuple[list, list, int, list]:
    """The newer version's (``chain[0]``) articles aligned with the older one's: (new articles, (changed article,
    its older counterpart) pairs, how many are unchanged, older articles deleted); computed once per library."""
    library = deps.library
    key = (chain, library.corpus_hash)
    if key not in _SUMMARIES:
        new, changed, same, used = [], [], 0, set()
        for clause in (c for c in library.document(chain[0]).clauses if c.kind == "article"):
            older, change = _counterpart(deps, clause, chain[1])
            used.add(older.id if older else None)
            if change == "new":
                new.append(clause)
            elif change == "changed":
                changed.append((clause, older))
            else:
                same += 1
        # An older article none of the newer ones continues, whose words do not live on inside one: deleted.
        gone = [c for c in library.document(chain[1]).clauses if c.kind == "article" and c.id not in used
                and not any(_contained(s.zh, t.zh) for s in c.sentences for n in library.document(chain[0]).clauses
                            for t in n.sentences)]
        _SUMMARIES[key] = (new, changed, same, gone)
    return _SUMMARIES[key]


def _change_summary(deps: Deps, chain: tuple[str, ...], lang: str) -> str:
    """Which articles of the newer version (``chain[0]``) are new, which changed from their counterpart in the
    older one, how many are the same, which were deleted: "新增：第四条、第十五条…；有改动：第九条（原第八条）…；未变：N条"."""
    library = deps.library
    new, changed, same, gone = _alignment(deps, chain)
    # The figures a changed article gained (大型企业: 60日内支付): what a reader of "what changed?" looks for first.
    gained = [(c, s) for c, o in changed for s in _new_figure_sentences(c, o)]
    new_zh = "；".join(f"{clause_label(c)[0]} {_gist(c.text_zh)}{_figures(c, 'zh')}" for c in new)
    new_en = "; ".join(f"{clause_label(c)[1]}: {_gist(c.text_en)}{_figures(c, 'en')}" for c in new)
    if lang == "zh":
        return (f"与{document_name(library.info(chain[1]), 'zh', number=False)}相比：新增或无对应的条款"
                f"{len(new)}条（{new_zh}）；内容有改动的"
                f"{len(changed)}条（" + "、".join(f"{clause_label(c)[0]}（原{clause_label(o)[0]}）" for c, o in changed)
                + f"）；文字未变的{same}条；"
                + (f"删去的条款{len(gone)}条（" + "、".join(f"原{clause_label(c)[0]} {_gist(c.text_zh)}" for c in gone) + "）。"
                   if gone else f"{document_name(library.info(chain[1]), 'zh', number=False)}的条款在新版中都有对应内容，没有整条删去。")
                + ("改动中新出现的期限、数额：" + "；".join(f"{clause_label(c)[0]} {_gist(s.zh, 60)}" for c, s in gained)
                   + "。" if gained else ""))
    return (f"Compared with the {document_name(library.info(chain[1]), 'en', number=False)}: {len(new)} articles are new "
            f"or have no counterpart ({new_en}); "
            f"{len(changed)} changed ("
            + ", ".join(f"{clause_label(c)[1]} (was {clause_label(o)[1]})" for c, o in changed)
            + f"); {same} unchanged in wording; "
            + (f"{len(gone)} deleted (" + "; ".join(f"former {clause_label(c)[1]}: {_gist(c.text_en)}" for c in gone) + ")."
               if gone else "every article of the older version lives on in the new one: none was deleted outright.")
            + (" New time limits and amounts in changed articles: " + "; ".join(
                f"{clause_label(c)[1]}: {_gist(s.en or s.zh, 60)}{_figures_in(s.zh, 'en')}" for c, s in gained) + "."
               if gained else ""))


CONTAINED = 0.7  # share of the shorter sentence found in the longer: the older words live on in the newer sentence


def _contained(a: str, b: str) -> bool:
    """Whether most of the shorter of two sentences (``CONTAINED`` of its characters) appears in the other."""
    shorter = min(len(a), len(b))
    if not shorter:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() * (len(a) + len(b)) / 2 >= CONTAINED * shorter and \
        sum(m.size for m in matcher.get_matching_blocks()) >= CONTAINED * shorter


_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:个工作日|日|%|万元|元|个月)|万分之[一二三四五六七八九十]+")
_GIST_CHARS = 60


def _gist(text: str, chars: int = _GIST_CHARS) -> str:
    """A text's opening words, up to its first stop: at most ``chars`` characters (zh) or ``chars`` / 3 words (en)."""
    first = re.split(r"[。；;]|\. ", text.strip(), maxsplit=1)[0]
    if re.search(r"[\u4e00-\u9fff]", first):
        return first if len(first) <= chars else first[:chars] + "…"
    words, most = first.split(), chars // 3
    return " ".join(words[:most]) + ("…" if len(words) > most else "")


_FIGURE_EN = {"个工作日": " working days", "日": " days", "个月": " months", "%": "%", "万元": "0,000 yuan", "元": " yuan"}


def _figures(clause: Clause, lang: str) -> str:
    """"（10个工作日、30日、90日）" / " (10 working days, 30 days, 90 days)": the time limits and amounts a new
    article sets, which its opening words may not reach; "" when it sets none."""
    return _figures_in(clause.text_zh, lang)


def _figures_in(text_zh: str, lang: str) -> str:
    """The time limits and amounts in a Chinese text, as ``_figures`` shows them; "" when it has none."""
    found = list(dict.fromkeys(re.sub(r"\s+", "", f) for f in _FIGURE.findall(text_zh)))
    if not found:
        return ""
    if lang == "zh":
        return f"（{'、'.join(found)}）"
    shown = [re.sub(r"^(\d+(?:\.\d+)?)(个工作日|日|个月|%|万元|元)$", lambda m: m.group(1) + _FIGURE_EN[m.group(2)], f)
             for f in found]
    return f" ({', '.join(shown)})"


def _new_figure_sentences(newer: Clause, older: Clause) -> list:
    """Sentences of ``newer`` that state a time limit or amount and have no close match in ``older`` (大型企业…
    60日内支付款项, new in 2025): the substance of a change, where a count of changed articles says nothing."""
    old = [s.zh for s in older.sentences]
    return [s for s in newer.sentences if _FIGURE.search(s.zh)
            and all(difflib.SequenceMatcher(None, s.zh, o).ratio() < 0.8 for o in old)]
