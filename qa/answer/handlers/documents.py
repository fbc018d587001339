"""Handlers about documents themselves: facts from the parsed header and structure, and validity.

Nothing here is retrieved: issuer, dates, number, counts and chapters come from ``DocumentInfo``
and the parsed clauses, status from ``document.json`` (checked against the text at load).
"""

from __future__ import annotations

import re

from qa.answer.citation import _MONTHS_EN, _date_zh, check_with, clause_label, date_en, document_name, make_citation, reported_to, status_line
from qa.answer.handlers.common import simple_answer
from qa.answer.models import Answer, Citation
from qa.ingest.numerals import to_int
from qa.models import DocumentInfo, Library
from qa.understand import cues
from qa.understand.query import Query, counts_listing_above

DATE_NAMES = {"adopted": ("通过", "adopted"), "revised": ("修订", "revised"), "amended": ("修正", "amended"),
              "approved": ("批准", "approved"), "signed": ("印发", "issued"), "published": ("公布", "promulgated"),
              "posted": ("刊登于来源网站", "posted on the source website"), "effective": ("起施行", "in force from")}


def target_documents(query: Query, library: Library) -> list[str]:
    """The documents a question is about: named, selected, or (with none) the whole library."""
    if query.documents:
        return list(query.documents)
    if query.selected:
        return list(query.selected)
    if query.followup and query.scope and len(query.scope) < len(library.doc_ids):
        return list(query.scope)  # "that revision": the document of the earlier turn
    if "this_document" in query.asks and query.conversation:
        return list(query.conversation)  # "Is this regulation still in force?" after its article 66: that regulation
    return [d.id for d in library.documents]


def document_dates(info: DocumentInfo, lang: str) -> str:
    """The document's dates in reading order: "2020年7月5日公布，2025年6月1日起施行" / "promulgated 2020-07-05, …"."""
    order = ("signed", "adopted", "published", "revised", "amended", "approved", "effective", "posted")
    parts = []
    for key in order:
        if key in info.dates:
            zh, en = DATE_NAMES[key]
            date = info.dates[key]
            parts.append(f"{_date_zh(date)}{zh}" if lang == "zh" else f"{en} {date_en(date)}")
    return ("，".join(parts)) if lang == "zh" else ", ".join(parts)


_ORDINAL_EN = {1: "st", 2: "nd", 3: "rd"}


def sitting_line(action: str, sitting: str, lang: str) -> str:
    """"2019年9月25日修订：…第十四次会议" as one fact: 修订于广东省第十三届人民代表大会常务委员会第十四次会议 / revised at the
    14th session of the Standing Committee of the 13th Guangdong Provincial People's Congress."""
    zh_verb, en_verb = DATE_NAMES[action]
    if lang == "zh":
        return f"{sitting}{zh_verb}"
    m = re.fullmatch(r"(广东省|广州市|)第([一二三四五六七八九十百]+)届(全国)?人民代表大会常务委员会第([一二三四五六七八九十百]+)次会议", sitting)
    if not m:
        return f"{en_verb} at {sitting}"
    term, session = to_int(m.group(2)), to_int(m.group(4))
    place = {"广东省": "Guangdong Provincial ", "广州市": "Guangzhou Municipal "}.get(m.group(1), "National " if m.group(3) else "")

    def nth(n: int) -> str:
        return f"{n}{_ORDINAL_EN.get(n % 10 if n % 100 not in (11, 12, 13) else 0, 'th')}"
    return f"{en_verb} at the {nth(session)} session of the Standing Committee of the {nth(term)} {place}People's Congress"


# A count of one kind of a work plan's units: 基本原则一共几条 / how many main goals.
_COUNTED_KINDS = ((
    "principle", re.compile(r"原则|\bprinciples?\b")), ("goal", re.compile(r"目标|\bgoals?\b|\btargets?\b")),
    ("requirement", re.compile(r"工作要求|\brequirements?\b")))
_KIND_UNITS = {"principle": ("基本原则", "项", "basic principles"), "goal": ("主要目标", "个", "main goals"),
               "requirement": ("工作要求", "项", "work requirements")}


def _counts(library: Library, doc_id: str, lang: str) -> str:
    from qa.answer.handlers.clauses import _inventory

    info = library.info(doc_id)
    chapters = len(info.chapters)
    inventory = _inventory(library, doc_id, lang)
    if lang == "zh":
        return (f"共{chapters}章、" if chapters else "共") + inventory
    return (f"{chapters} chapters, " if chapters else "") + inventory


def _structure(library: Library, doc_id: str, lang: str) -> str:
    info = library.info(doc_id)
    doc = library.document(doc_id)
    if info.chapters:
        heads = info.chapters if lang == "zh" else [e or z for z, e in zip(info.chapters, info.chapters_en, strict=True)]
    else:
        heads = _measure_groups(doc, lang)
    if not heads:
        return ""
    return ("分为：" + "；".join(heads)) if lang == "zh" else ("Its parts: " + "; ".join(heads))


def _measure_groups(doc, lang: str) -> list[str]:
    """A work plan's groups of measures, in order: their headings in ``lang`` (none for a law)."""
    return list(dict.fromkeys(c.group_path[-1] if lang == "zh" else c.group_path_en[-1]
                              for c in doc.clauses if c.kind == "measure" and c.group_path))


_GROUPS_ASKED = re.compile(r"组|部分|方面|大类|几类|\b(?:groups|sections|parts|areas|categories)\b", re.I)


def _group_count(library: Library, doc_id: str, question: str, lang: str) -> str:
    """"…in how many groups?": the number of a work plan's groups of measures when asked ("" otherwise)."""
    if not _GROUPS_ASKED.search(question):
        return ""
    groups = _measure_groups(library.document(doc_id), "zh")
    if not groups:
        return ""
    return f"措施分为{len(groups)}组" if lang == "zh" else f"the measures fall into {len(groups)} groups"


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _other_version(library: Library, doc_id: str, lang: str) -> str:
    """"另有2020年版：国务院令第728号（已失效）" / "the 2020 version: … (no longer in force)"."""
    info = library.info(doc_id)
    year = (info.dates.get("effective") or info.dates.get("published") or "")[:4]
    if lang == "zh":
        return f"{year}年版为{info.doc_number}（{info.status_label('zh')}）"
    return f"the {year} version: {info.doc_number} ({info.status_label('en')})"


def _header_citations(library: Library, doc_id: str) -> list:
    """Where a document states its own facts: a work plan's notice, a law's 施行 article."""
    doc = library.document(doc_id)
    out = [make_citation(library, c, (0,)) for c in doc.clauses if c.kind == "preamble"]
    if not out:
        out = [make_citation(library, c, ()) for c in doc.clauses[-3:] if "起施行" in c.text_zh][:1]
    return out


def _horizon_citations(library: Library, doc_id: str) -> list:
    """The notice (date, issuer) and the first clause that states the horizon year (到2010年)."""
    info = library.info(doc_id)
    out = _header_citations(library, doc_id)
    if info.horizon_year:
        doc = library.document(doc_id)
        horizon = next((c for c in doc.clauses if f"{info.horizon_year}年" in c.text_zh), None)
        if horizon:
            out.append(make_citation(library, horizon, ()))
    return out


_BASIS_WORDS = re.compile(r"根据|依据|依照|贯彻")
_TITLE = re.compile(r"《[^》]{2,80}》")
_BARE_BASIS = re.compile(r"(?:根据|依据)([^《，,。；]{2,12})[，,]\s*制定")


def _basis(library: Library, doc_id: str, lang: str) -> tuple[str, Citation] | None:
    """The texts a document names as its basis (为贯彻落实《…》 in a plan's notice, 根据《…》 in a law's first
    article), with the citation of that sentence; None when its opening clauses name none."""
    own = f"《{library.info(doc_id).title}》"
    for clause in library.document(doc_id).clauses[:2]:
        for sentence in clause.sentences:
            if not _BASIS_WORDS.search(sentence.zh):
                continue
            # 根据宪法，制定本法: a basis named without 《》.
            titles = [t for t in _TITLE.findall(sentence.zh) if t != own] or _BARE_BASIS.findall(sentence.zh)
            if titles:
                zh_label, en_label = clause_label(clause)
                text = (f"依据{'、'.join(titles)}制定（{zh_label}）" if lang == "zh"
                        else f"{en_label} names its basis: {sentence.en.rstrip('.')} ({'、'.join(titles)})")
                return text, make_citation(library, clause, (sentence.index,))
    return None


def _report_contact(library: Library, doc_id: str) -> tuple[str, str | None]:
    """Whom a document sends problems to (its notice's 径向…反映), else its issuer; with the notice's clause id."""
    return reported_to(library, doc_id) or (library.info(doc_id).issuer, None)


def handle_document(query: Query, deps) -> Answer:
    """Issuer, dates, number, counts, structure, whom to ask: whatever of these the question asks."""
    library = deps.library
    ctx = query.context
    if counts_listing_above(ctx, query.asks):
        # "一共几项？" / "How many are there?" after a listing: the listing's own count.
        labels = [clause_label(library.clause(c)) for c in ctx.items]
        text = (f"上一问列出的共{len(labels)}条：{'、'.join(zh for zh, _en in labels)}。" if query.lang == "zh"
                else f"The list above has {len(labels)}: {', '.join(en for _zh, en in labels)}.")
        return Answer(question=query.raw, lang=query.lang, status="document", abstained=False, answer=text,
                      intent=query.intent, citations=tuple(make_citation(library, library.clause(c), ()) for c in ctx.items),
                      context_from=ctx.clause_ids, confidence=1.0)
    if "library" in query.asks and not query.documents:
        return _library_listing(query, deps)
    docs = target_documents(query, library)
    if cues.BOTH_VERSIONS.search(query.content) or query.details.get("compare_versions"):
        # 新旧两版各有多少条: every version of the document named, newest first.
        docs = list(reversed(deps.documents.versions(docs[0])))
    lang = query.lang
    lines: list[str] = []
    unstated = False  # the date asked is one the text does not give
    citations = []
    for doc_id in docs[:8]:
        info = library.info(doc_id)
        name = document_name(info, lang, number=False)
        facts: list[str] = []
        a = query.asks
        if "number" in a and "when" not in a:
            a = a - {"event"}  # 第几号主席令公布的: the number of the promulgating order, not its date
        if "in_charge" in a and not {"issuer", "when", "number"} & a:
            a = a - {"event"}  # 由哪个部门组织实施: who, not when it took effect
        if "basis" in a and (basis := _basis(library, doc_id, lang)):
            facts.append(basis[0])
            citations.append(basis[1])
        if "in_charge" in a and (clause := library.in_charge_clause(doc_id)) is not None \
                and not {"issuer", "when", "number", "report"} & a:
            _local, body_zh, body_en = info.in_charge
            zh_label, en_label = clause_label(clause)
            facts.append(f"由{body_zh}负责组织实施或综合协调（{zh_label}）" if lang == "zh"
                         else f"the {body_en} ({body_zh}) is in charge of it ({en_label})")
            citations.append(make_citation(library, clause, ()))
        if "report" in a or ("contact" in a and info.structure == "workplan" and "issuer" not in a):
            who, clause_id = _report_contact(library, doc_id)
            facts.append(f"执行中遇到的问题，请径向{who}反映" if lang == "zh"
                         else f"problems in carrying it out are to be reported to the {library.department_english(who)} ({who})")
            if clause_id:
                citations.append(make_citation(library, library.clause(clause_id), (0,)))
        if {"issuer", "when", "event", "number", "title", "source_site"} & a:
            citations += _header_citations(library, doc_id)
        if "title" in a:
            facts.append(f"全称：《{info.title}》" if lang == "zh" else f"full title: {info.title_en} (《{info.title}》)")
        if "source_site" in a:
            # The site the text names (信息来源: 中国广州政府网); else the provenance the library recorded, if any.
            facts.append((f"信息来源：{info.source_site}（原文页面注明）" if info.source_site else
                          "原文没有注明信息来源网站") if lang == "zh" else
                         (f"source named in the text: {info.source_site}" if info.source_site else
                          "the text names no source website") + (f" (library record: {info.source})" if info.source and lang == "en"
                                                                and info.source != info.source_site else ""))
        if "kind" in a:
            facts.append(f"属于{info.kind_label('zh')}（{info.level_label('zh')}）" if lang == "zh"
                         else f"a {info.kind_label('en')} ({info.level_label('en')} level)")
        if "issuer" in a:
            facts.append(f"由{info.issuer}发布" if lang == "zh" else f"issued by the {info.issuer_en} ({info.issuer})")
        if "issuer" in a or "when" in a or "event" in a:
            if _ASKS_ADOPTED.search(query.content) and "adopted" not in info.dates and not cues.DATE_CLAIM.search(query.content):
                # 这个条例是哪天通过的？ of a State Council regulation: its text gives publication and effect, no adoption.
                facts.append("原文没有写明通过日期" if lang == "zh" else "the text gives no date of adoption")
                unstated = True
            facts.append(document_dates(info, lang))
            if info.sittings and cues.ENACTING_BODY.search(query.content):
                # 在哪次会议上修订 / "which session approved it?": the sittings the header names.
                facts += [sitting_line(action, sitting, lang) for action, sitting in info.sittings.items()]
        note = info.status_note_zh if lang == "zh" else info.status_note
        if note and info.status != "historical" and ({"issuer", "when", "event"} & a):
            # Who approved it, what it repealed: stated in its header or its last article.
            facts.append(note.rstrip("。.") if lang == "zh" else note[0].lower() + note[1:].rstrip("."))
        if "number" in a:
            facts.append((f"文号：{info.doc_number}" if info.doc_number else "资料库中没有它的文号（来源文本未载明）") if lang == "zh"
                         else (f"document number: {info.doc_number}" if info.doc_number
                               else "its document number is not in the library (the source text does not give it)"))
            if not _YEAR.search(query.content):
                # 保障中小企业款项支付条例是第几号令？: the name covers every version, each with its own number.
                facts += [_other_version(library, other, lang) for other in reversed(deps.documents.versions(doc_id))
                          if other not in docs and library.info(other).doc_number]
        same: list = []
        if "count" in a or "units" in a and not facts:
            counted = next((kind for kind, pattern in _COUNTED_KINDS if pattern.search(query.content)), None)
            same = [c for c in library.document(doc_id).clauses if c.kind == counted]
            if same:  # 基本原则一共几条？ / how many main goals?: that count first, each of them cited
                zh_unit, measure_word, en_unit = _KIND_UNITS[counted]
                # 哪几个方面的主要目标？: name each of them, not only their count.
                titles = "、".join(c.title for c in same) if lang == "zh" else "; ".join(c.title_en or c.title for c in same)
                facts.append(f"{zh_unit}共{len(same)}{measure_word}：{titles}" if lang == "zh"
                             else f"{len(same)} {en_unit}: {titles}")
                citations += [make_citation(library, c, ()) for c in same]
            facts.append(_counts(library, doc_id, lang))
            if groups := _group_count(library, doc_id, query.content, lang):
                facts.append(groups)
            # The last article (measure) is where the count can be checked.
            numbered = [c for c in library.document(doc_id).clauses if c.kind in ("article", "measure")]
            if numbered and not same:
                citations.append(make_citation(library, numbered[-1], ()))
        if "structure" in a and not same:
            facts.append(_structure(library, doc_id, lang))
        if not facts:
            facts = [f"由{info.issuer}发布" if lang == "zh" else f"issued by the {info.issuer_en}", document_dates(info, lang),
                     _counts(library, doc_id, lang)]
        dates = document_dates(info, lang)
        facts.append(status_line(info, lang, dated=dates not in facts))  # "in force from X; in force since X" said X twice
        facts = [f for f in facts if f]
        if lang == "zh":
            lines.append(f"{name}：" + "；".join(facts) + "。")
        else:
            lines.append(f"The {name}: " + "; ".join(facts) + ".")
    if lines and len(docs) == 1 and (verdict := _date_verdict(query, library.info(docs[0])) or
                                     _number_verdict(query, library.info(docs[0]))):
        lines[0] = verdict + lines[0]
    elif lines and len(docs) > 1 and (verdict := _dates_verdict(query, deps, docs)):
        lines.insert(0, verdict)
    if len(docs) > 8:
        lines.append(f"……共{len(docs)}份文件。" if lang == "zh" else f"… {len(docs)} documents in all.")
    # Only the number asked, and the sources give none: the library does not state it.
    unknown = ("number" in query.asks and not query.asks & {"when", "issuer", "count", "structure", "kind", "report"}
               and all(not library.info(d).doc_number for d in docs[:8])) or (unstated and len(docs) == 1)
    seen: set[str] = set()
    citations = [c for c in citations if not (c.clause_id in seen or seen.add(c.clause_id))]  # each clause once
    return Answer(question=query.raw, lang=lang, status="not_stated" if unknown else "document", abstained=unknown,
                  answer="\n".join(lines), intent=query.intent, citations=tuple(citations), confidence=1.0)


# An English month named in a claimed date ("on 1 May 2025", "on May 20, 2025"): its number, by its first three letters.
_MONTHS = {name[:3].lower(): str(n) for n, name in enumerate(_MONTHS_EN, start=1)}
# "When was it adopted?" / 哪天通过的: the date of adoption, which a State Council regulation's text does not give.
_ASKS_ADOPTED = re.compile(r"通过|\b(?:adopted|passed)\b")
# Which of a document's dates a claimed event is: 施行 the effective date, 公布 the published one, 通过 adoption.
_CLAIMED_EVENTS = ((re.compile(r"修订|修正|\b(?:revised|amended)\b"), "revised"),
                   (re.compile(r"施行|生效|实施|effect|in force|effective"), "effective"),
                   (re.compile(r"公布|发布|印发|published|issued"), "published"),
                   (re.compile(r"通过|passed|adopted"), "adopted"))


_NUMBER_CLAIM = re.compile(r"令\s*第\s*(\d{1,4})\s*号|\border\s+no\.?\s*(\d{1,4})\b")
def _number_verdict(query: Query, info) -> str:
    """对： / 不对： (Yes — / No — ) when the question puts an order number to be confirmed ("…是国务院令第728号，对吗？")
    and the document's number is known; "" otherwise."""
    m = _NUMBER_CLAIM.search(query.content)
    have = re.search(r"(\d+)\s*号", info.doc_number or "")
    if not m or not have or not cues.CONFIRM.search(query.content):
        return ""
    right = (m.group(1) or m.group(2)) == have.group(1)
    return ("对：" if right else "不对：") if query.lang == "zh" else ("Yes — " if right else "No — ")


def _claimed_event(text: str) -> str:
    """Which of a document's dates the words after a claimed date name: effective (the default), published, adopted."""
    return next((k for pattern, k in _CLAIMED_EVENTS if pattern.search(text)), "effective")


def _date_verdict(query: Query, info) -> str:
    """对： / 不对： (Yes — / No — ) before the dates, when the question puts a date to be confirmed
    (民营经济促进法是2024年施行的吧？); "" when it claims none or the document has no such date."""
    checked = _date_claims(query.content, info)
    if not checked:
        return ""
    right = all(ok for _kind, _date, ok in checked)
    if query.lang == "zh":
        return "对：" if right else "不对："
    return "Yes — " if right else "No — "


def _date_claims(text: str, info) -> list[tuple[str, str, bool]]:
    """Each date ``text`` claims for the document ``info`` describes, with the event its own words name ("adopted
    30 April 2025 and in force from 20 May 2025": two claims; "2017年9月1日通过修订" is the revision): (event, the
    document's ISO date of it, whether the claim holds); claims of an event the document has no date for are left out."""
    out = []
    for m in cues.DATE_CLAIM.finditer(text):
        kind = _claimed_event(m.group(0) if m.group("year_en") else text[m.end():m.end() + 10])
        date = info.dates.get(kind) or (info.dates.get("published") if kind == "effective" else None)
        if not date:
            continue
        year, month, day = date.split("-")
        month_en = (m.group("month_en") or m.group("month_en2") or "")[:3]
        claimed = (m.group("year") or m.group("year_en"), m.group("month") or _MONTHS.get(month_en),
                   m.group("day") or m.group("day_en") or m.group("day_en2"))
        out.append((kind, date, claimed[0] == year and (not claimed[1] or int(claimed[1]) == int(month))
                    and (not claimed[2] or int(claimed[2]) == int(day))))
    return out


# An English date with its verb left out: "… took effect on 1 May 2024 and the Guangdong SME regulation on 1 January
# 2020" (the second date shares the first one's verb).
_BARE_DATE_EN = re.compile(r"(?<=\s)(?P<prep>on|from|in) (?=(?:\d{1,2} [a-z]{3,9},? |[a-z]{3,9} (?:\d{1,2},? )?)?(?:19|20)\d\d\b)")


def _shared_verb(text: str) -> str:
    """``text`` with the verb of its first English date claim put before each later date that has none; ``text``
    unchanged when it claims no English date with a verb."""
    first = next((m for m in cues.DATE_CLAIM.finditer(text) if m.group("year_en")), None)
    if first is None:
        return text
    verb = re.match(r"(.+?) (?:in|on|from|since) ", first.group(0)).group(1)
    claimed = [(m.start(), m.end()) for m in cues.DATE_CLAIM.finditer(text)]

    def add(m: re.Match) -> str:
        inside = any(a <= m.start() < b for a, b in claimed)
        return m.group(0) if inside or m.start() < first.end() else f"{verb} {m.group(0)}"

    return _BARE_DATE_EN.sub(add, text)


def _dates_verdict(query: Query, deps, docs: list[str]) -> str:
    """"促进个体工商户发展条例是2022年11月1日施行，广州市支持民营经济发展条例是2024年1月1日施行，对吗？": each
    claimed date checked against the document named just before it (of ``docs``); "对。" / "Yes." when all
    hold, else "不对：" / "No — " with the date of each document whose claim fails; "" when no two are claimed."""
    text = _shared_verb(query.content)
    mentions = [m for m in deps.documents.find(text) if m.doc_id in docs]
    wrong, checked = [], 0
    for m in cues.DATE_CLAIM.finditer(text):
        before = [d for d in mentions if d.end <= m.start()]
        if not before:
            continue
        info = deps.library.info(before[-1].doc_id)
        claims = _date_claims(text[before[-1].start:m.end() + 12], info)
        if not claims:
            continue
        checked += 1
        wrong += [(info, date, kind) for kind, date, ok in claims if not ok][:1]
    if checked < 2:
        return ""
    if not wrong:
        return "对。" if query.lang == "zh" else "Yes."
    zh_event = {"effective": "起施行", "published": "公布", "adopted": "通过", "revised": "修订"}
    en_event = {"effective": "took effect on", "published": "was published on", "adopted": "was adopted on",
                "revised": "was revised on"}
    if query.lang == "zh":
        return "不对：" + "；".join(f"{document_name(i, 'zh', number=False)}是{_date_zh(d)}{zh_event[k]}" for i, d, k in wrong) + "。"
    return "No — " + "; ".join(f"the {document_name(i, 'en', number=False)} {en_event[k]} {date_en(d)}" for i, d, k in wrong) + "."


def _library_listing(query: Query, deps) -> Answer:
    """Every document of the library (or of the selection): title, kind and level, status; in force first."""
    library = deps.library
    lang = query.lang
    # 库里哪些文件是广州本地的: the documents of the place named.
    docs = sorted(query.selected or query.places or library.doc_ids, key=lambda d: not library.info(d).in_force)
    # "Which documents are national laws?" / 哪些文件还有效: those of that level, kind or status.
    wanted = query.details.get("catalogue", {})

    def meant(info: DocumentInfo) -> bool:
        return (info.level in wanted.get("levels", (info.level,)) and info.kind in wanted.get("kinds", (info.kind,))
                and wanted.get("in_force", info.in_force) == info.in_force)

    docs = [d for d in docs if meant(library.info(d))]
    if not docs:
        return simple_answer(query.raw, lang, "document",
                             zh="资料库中没有这样的文件。可以问“库里有哪些文件？”查看全部文件。",
                             en="The library holds no such document. Ask \"What documents are in the library?\" to see them all.")
    lines = []
    for doc_id in docs:
        info = library.info(doc_id)
        if lang == "zh":
            lines.append(f"{document_name(info, 'zh')}（{info.kind_label('zh')}，{info.level_label('zh')}）：{status_line(info, 'zh')}")
        else:
            lines.append(f"{document_name(info, 'en')} ({info.kind_label('en')}, {info.level_label('en')} level): "
                         f"{status_line(info, 'en')}")
    if wanted or (query.places and not query.selected):
        head = (f"资料库中符合的文件有{len(docs)}份（现行有效的在前）：" if lang == "zh" else
                (f"The library holds {len(docs)} such documents (those in force first):" if len(docs) != 1
                 else "The library holds 1 such document:"))
    else:
        head = (f"资料库共有{len(docs)}份文件（现行有效的在前）：" if lang == "zh" and not query.selected else
                f"所选的{len(docs)}份文件：" if lang == "zh" else
                f"The library holds {len(docs)} documents (those in force first):" if not query.selected else
                f"The {len(docs)} documents selected:")
    return Answer(question=query.raw, lang=lang, status="document", abstained=False, answer=head + "\n" + "\n".join(lines),
                  intent=query.intent, confidence=1.0)


def handle_validity(query: Query, deps) -> Answer:
    """Is it in force? The status, the versions and dates, the horizon of a historical plan, whom to ask."""
    library = deps.library
    lang = query.lang
    docs = target_documents(query, library)
    lines: list[str] = []
    citations: list = []
    seen: set[str] = set()
    for doc_id in docs:
        found = _horizon_citations(library, doc_id)
        if re.search(r"目标|\btargets?\b|\bgoals?\b|\bhorizon\b", query.content):
            found = found[1:] + found[:1]  # "目标到哪年？": the clause with the horizon year first, then the notice
        if (info := library.info(doc_id)).status == "superseded" and info.superseded_by:
            # "2020年版还有效吗？": no — the answer rests on the version in force and the date it took effect.
            found = _horizon_citations(library, info.superseded_by)[:1] + found
        citations += found
        versions = deps.documents.versions(doc_id)
        if seen & set(versions):
            continue
        seen |= set(versions)
        # The version asked about first, then the others (newest first).
        for v in [doc_id] + [x for x in reversed(versions) if x != doc_id]:
            info = library.info(v)
            name = document_name(info, lang)
            if lang == "zh":
                line = f"{name}：{document_dates(info, 'zh')}；{status_line(info, 'zh', dated=False)}"
                if info.status == "historical":
                    line += f"。它可能已被后续政策取代，办理前请向{check_with(library, info, 'zh')}核实"
                if info.status == "superseded" and info.superseded_by:
                    line += f"，现行版本是{document_name(library.info(info.superseded_by), 'zh')}"
            else:
                line = f"The {name}: {document_dates(info, 'en')}; {status_line(info, 'en', dated=False)}"
                if info.status == "historical":
                    line += f". Later policies may have replaced it; check with {check_with(library, info, 'en')} before relying on it"
                if info.status == "superseded" and info.superseded_by:
                    line += f"; the version in force is the {document_name(library.info(info.superseded_by), 'en')}"
            note = info.status_note_zh if lang == "zh" else info.status_note
            if note and info.status != "historical":
                line += f"（{note}）" if lang == "zh" else f" ({note})"
            lines.append(line + ("。" if lang == "zh" else "."))
    if (on := cues.date_of_event(query.content)) and docs:
        # "我2024年签的合同，适用哪个版本？": which version was in force then (the texts set no transitional rule).
        text, active = _in_force_then(deps, docs[0], on, lang)
        lines.insert(0, text)
        citations = [c for v in active for c in _horizon_citations(library, v)[:1]] + citations
    if (year := query.details.get("missing_version")) is not None and docs:
        name = document_name(library.info(docs[0]), lang, number=False)
        if not year:  # "旧版呢？" of a document held in one version
            lines.insert(0, f"资料库只收录了{name}的这一个版本，没有更早的版本。" if lang == "zh" else
                         f"The library holds only this version of the {name}, no earlier one.")
        else:
            lines.insert(0, f"资料库中没有{name}的{year}年版本；收录的版本如下。" if lang == "zh" else
                         f"The library holds no {year} version of the {name}; the versions it holds:")
    if repealed := _repealed_named(query, library, docs):
        lines.insert(0, repealed)  # 《个体工商户条例》还有效吗？: no — say so before the regulation that replaced it
    unique = {c.clause_id: c for c in reversed(citations)}  # each clause once, where it is first cited
    citations = [unique.pop(c.clause_id) for c in citations if c.clause_id in unique]
    return Answer(question=query.raw, lang=lang, status="validity", abstained=False, answer="\n".join(lines),
                  intent=query.intent, citations=tuple(citations[:6]), confidence=1.0)


def _in_force_then(deps, doc_id: str, on: tuple[int, int | None], lang: str) -> tuple[str, list[str]]:
    """Which version of ``doc_id`` was in force in a year (or month): one version, both in turn, or none yet;
    with the ids of those versions."""
    library = deps.library
    year, month = on
    first = f"{year}-{month or 1:02d}-01"
    last = f"{year}-{month or 12:02d}-31"
    active = [v for v in deps.documents.versions(doc_id)
              if library.info(v).dates.get("effective", "0000") <= last
              and (library.info(v).superseded_from or "9999") > first]
    when_zh = f"{year}年{month}月" if month else f"{year}年"
    when_en = date_en(f"{year}-{month:02d}-01").split(" ", 1)[1] if month else str(year)
    if not active:
        earliest = library.info(min(deps.documents.versions(doc_id), key=lambda v: library.info(v).dates.get("effective", "9999")))
        title = f"《{earliest.title.strip('《》')}》" if lang == "zh" else earliest.title_en
        first_in_force = earliest.dates.get("effective", "")
        return (f"{when_zh}时{title}尚未施行（最早的版本{document_name(earliest, 'zh', number=False)}"
                f"{_date_zh(first_in_force)}起施行）。" if lang == "zh" else
                f"In {when_en} the {title} was not yet in force (its first version, the "
                f"{document_name(earliest, 'en', number=False)}, took effect on {date_en(first_in_force)})."), []
    parts_zh, parts_en = [], []
    for v in active:
        info = library.info(v)
        end = info.superseded_from
        parts_zh.append(f"{document_name(info, 'zh')}（{_date_zh(info.dates['effective'])}起施行"
                        + (f"，{_date_zh(end)}起被新版本取代）" if end else "，现行有效）"))
        parts_en.append(f"the {document_name(info, 'en')} (in force from {date_en(info.dates['effective'])}"
                        + (f" until it was replaced on {date_en(end)})" if end else ", still in force)"))
    if lang == "zh":
        head = f"{when_zh}施行的是" if len(active) == 1 else f"{when_zh}内先后施行："
        return head + "；".join(parts_zh) + "。条文没有规定新旧版本如何适用于此前签订的合同，具体请向主管部门核实。", active
    head = f"In {when_en} the version in force was " if len(active) == 1 else f"During {when_en} two versions applied in turn: "
    return (head + "; ".join(parts_en) + ". The texts set no rule on which version governs contracts signed "
            "before the change; check with the competent department."), active


_REPEALED_ZH = re.compile(r"原《([^》]{2,40})》同时废止")
_ASKS_REPLACED = re.compile(r"取代了(?:什么|哪|谁)|替代了(?:什么|哪)|废止了(?:什么|哪)|\b(?:replace|supersede|repeal)(?:d|s)?\b",
                            re.IGNORECASE)


def _repealed_named(query: Query, library: Library, docs) -> str:
    """"《个体工商户条例》已废止…" when the question names the text a document repealed (its status note says
    原《…》同时废止) rather than the document itself; else ""."""
    for doc_id in docs:
        info = library.info(doc_id)
        found = _REPEALED_ZH.search(info.status_note_zh or "")
        if not found or found.group(1) not in query.raw or info.title.strip("《》") in query.raw:
            continue
        old = found.group(1)
        # 个体工商户条例取代了什么: no yes/no was asked, only what was replaced.
        yes_no = not _ASKS_REPLACED.search(query.content)
        if query.lang == "zh":
            return f"{'不是：' if yes_no else ''}《{old}》已废止，{document_name(info, 'zh', number=False)}取代了它（{info.status_note_zh.rstrip('。')}）。"
        named = re.search(r"\bthe (.+?) \(" + re.escape(old), info.status_note or "")
        old_en = f"{named.group(1)} ({old})" if named else old
        return (f"{'No: t' if yes_no else 'T'}he {old_en} is no longer in force; the {document_name(info, 'en', number=False)} replaced it "
                f"({info.status_note.rstrip('.')}).")
    return ""
