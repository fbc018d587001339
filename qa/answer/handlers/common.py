"""What every handler needs: the shared dependencies, contacts, fragments, notes and abstention answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.citation import check_with, clause_label, document_name, labels_with_document, validity_note
from qa.answer.models import Answer, Contact
from qa.index.tokenize import EN_STOPWORDS
from qa.ingest.targets import fraction_percent
from qa.models import Clause, DocumentInfo, Library, Sentence
from qa.retrieve.retriever import Filters, Retriever, SearchResult
from qa.understand import cues
from qa.understand.documents import DocumentNames
from qa.understand.query import Query, time_marks

NOT_COVERED = {"zh": "资料库中的文件没有涉及这个问题。以下是最接近的条款，供参考；具体事项请咨询相关部门。",
               "en": "The documents in the library do not cover that question. The nearest clauses are listed for "
                     "reference; please contact the relevant department for specifics."}
NOT_COVERED_ONE = {"zh": "{doc}没有涉及这个问题。以下是最接近的条款，供参考；具体事项请咨询相关部门。",
                   "en": "The {doc} does not cover that question. The nearest clauses are listed for reference; "
                         "please contact the relevant department for specifics."}
# Outside the library's subject (another city's own rules, the weather, general knowledge): nothing near to offer.
OUT_OF_SCOPE = {"zh": "资料库中的文件没有涉及这个问题：本库收录的是国家、广东省和广州市关于中小企业和民营经济的法律、法规和政策文件。",
                "en": "The documents in the library do not cover that question: the library holds national, Guangdong and "
                      "Guangzhou laws, regulations and policy documents on SMEs and the private economy."}
OUT_OF_SCOPE_ONE = {"zh": "{doc}没有涉及这个问题。", "en": "The {doc} does not cover that question."}
_LEVEL_BODIES = {"国家级": r"国务院|国家(?!级)", "省级": r"省(?:级|人民政府)",
                 "市级": r"市(?:级|人民政府)|^市[^、，。；]{1,12}(?:部门|机构)"}
# A document's level in its metadata, as a question's level qualifier.
LEVEL_OF_DOCUMENT = {"national": "国家级", "provincial": "省级", "municipal": "市级"}
# A sentence that puts a body in charge (负责…, 统筹协调…, 主管): what "who leads this?" asks for.
_IN_CHARGE_TEXT = re.compile(r"负责|统筹协调|主管")
_FRAGMENT_SPLIT = re.compile(r"(?<=[；;])|(?=[一二三四五六七八九十]是)")
_EN_FRAGMENT_SPLIT = re.compile(r"(?<=;)\s+")
LEVEL_EN = {"国家级": "national", "省级": "provincial", "市级": "municipal", "区级": "district", "县级": "county"}


@dataclass
class Deps:
    """Shared, read-only dependencies of the handlers (one set per assistant)."""

    library: Library
    retriever: Retriever
    documents: DocumentNames
    thresholds: dict[str, float]

    def threshold(self, lang: str, structure: str | None = None) -> float:
        """The evidence threshold for a question in ``lang`` whose best clause is in a document of ``structure``.

        Work plans carry colloquial phrasings that lift their evidence; laws do not, so each has its own.
        """
        if lang == "mixed":
            # "gov project要我交现金保证金 can they do that?": the Chinese terms carry the topic, which the English
            # channels cannot see, so the evidence runs low in either language; the lower bar of the two.
            return min(self.threshold("zh", structure), self.threshold("en", structure))
        return self.thresholds.get(f"{lang}/{structure}", self.thresholds[lang])

    def threshold_for_clause(self, lang: str, clause_id: str) -> float:
        return self.threshold(lang, self.library.info(self.library.clause(clause_id).doc_id).structure)


def filters_for(query: Query, *, levels: tuple[str, ...] | None = None) -> Filters | None:
    """The documents a question is limited to (named or selected), as retrieval filters."""
    docs = tuple(query.scope) if query.scope else None
    if docs is None and levels is None:
        return None
    return Filters(documents=docs, levels=levels)


def contacts_for(library: Library, clause: Clause, sentences: list[Sentence] | tuple[Sentence, ...]) -> tuple[Contact, ...]:
    """Whom to contact for the quoted sentences: a work plan's lead and cooperating departments (those of the
    quoted sentences, else the clause's), or the bodies a law's quoted sentences name."""
    if clause.leads or clause.cooperates:
        leads: list[str] = []
        coops: list[str] = []
        for s in sentences:
            if s.assignment:
                leads += [d for d in s.assignment.leads if d not in leads]
                coops += [d for d in s.assignment.cooperates if d not in coops]
        if not leads and not coops:
            leads, coops = list(clause.leads), list(clause.cooperates)
        coops = [d for d in coops if d not in leads]
        return tuple([Contact(d, library.department_english(d), "lead", clause.id) for d in leads]
                     + [Contact(d, library.department_english(d), "cooperate", clause.id) for d in coops])
    text = "".join(s.zh for s in sentences) or clause.text_zh
    if not clause.bodies:
        # A work plan's clause with no lead or cooperating department (工作要求三: 每季度向市民营办报送): the
        # departments its text names.
        named_depts = sorted((d for d in library.departments if len(d) >= 3 and d in text and not d.startswith(("各", "有关"))),
                             key=text.index)
        return tuple(Contact(d, library.department_english(d), "named", clause.id) for d in named_depts[:4])
    # "（以下统称受理投诉部门）" names the body before it again: not a body of its own.
    # A body named only as an owner (审计机关的审计结果作为结算依据) acts in nothing the text asks of anyone.
    # 提请共同的上级机关决定: a superior shared by two state organs settles their dispute; no one turns to it.
    named = [b for b in clause.bodies if b in text and library.bodies[b].contact
             and not re.search(rf"(?:统称|简称|共同的){re.escape(b)}", text)
             and re.search(rf"{re.escape(b)}(?!的)", text)]
    contacts: list[Contact] = []
    for b in named:
        if contacts and (contacts[-1].name + b) in text:
            # "省级以上人民政府" + "负责中小企业促进工作综合管理的部门" written together are one body, not two
            head = contacts.pop()
            tail = library.bodies[b].english
            english = f"departments of {head.english} {tail}" if tail.startswith("responsible") else f"{tail} of {head.english}"
            contacts.append(Contact(head.name + b, english, "named", clause.id))
        else:
            contacts.append(Contact(b, library.bodies[b].english, "named", clause.id))
    return tuple(contacts[:4])


def fragments(sentence: Sentence) -> list[tuple[str, str]]:
    """A sentence cut at ；/; and 一是/二是 into (zh, en) fragments; English pairs up only when it splits the same way."""
    zh = [f for f in _FRAGMENT_SPLIT.split(sentence.zh) if f.strip()]
    en = [f for f in _EN_FRAGMENT_SPLIT.split(sentence.en) if f.strip()] if sentence.en else []
    if len(zh) <= 1:
        return [(sentence.zh, sentence.en)]
    if len(en) == len(zh):
        return list(zip(zh, en, strict=True))
    return [(z, sentence.en) for z in zh]


# A figure in a fragment: digits, or Chinese numerals with a unit (万分之五, 六十日).
_FIGURE_IN_TEXT = re.compile(r"\d|[零一二两三四五六七八九十百千万]+(?:分之|个?工作日|日|天|个月|年|万元|亿元|元)")


# A sentence that states a sanction: 责令改正, 依法给予处分, 追究法律责任, 罚款.
# (Credit records and restrictions are sanctions too: 2025 Art. 26 on those found to default on SMEs.)
# What the asker may do about a wrong: a right (有权要求…赔偿) or where to turn (受理…投诉, 仲裁, 诉讼; not the
# 投诉处理等措施 of officials).
RIGHT_TEXT = re.compile(r"有权|可以(?:依法)?(?:向|申请|提起|请求)")
ROUTE_TEXT = re.compile(r"受理[^。；]{0,40}投诉|可以向|调解|仲裁|诉讼")
REMEDY_TEXT = re.compile(f"{RIGHT_TEXT.pattern}|{ROUTE_TEXT.pattern}")
LIABILITY_TEXT = re.compile(r"责令改正|给予处分|依法处分|追究[^。；]{0,8}责任|承担法律责任|处以|罚款|记入[^。；]{0,12}信用记录|依法依规予以限制")
# A sentence that defines a term: 本法所称民营经济组织，是指….
DEFINING = re.compile(r"所称|是指|以下(?:统|简)?称")


def best_fragment(clause: Clause, order: tuple[int, ...], query: Query, tokenize, *, figure: str = "") -> tuple[int, str, str]:
    """(sentence index, zh fragment, en text) that best answers ``query`` inside ``clause``.

    Sentences come in retrieval order; within the best two, the fragment sharing most question
    words wins (ties go to the earlier fragment). A fragment never crosses a sentence.
    """
    order = order or tuple(s.index for s in clause.sentences)
    # A follow-up's own words with the texts' terms they map to (小微企业呢？ -> 小型微型企业).
    own = set(tokenize(query.own_text if query.followup and query.own_text else query.content))
    if cues.DEFINITION.search(query.content):
        # "What is the definition of a large enterprise?": every defining fragment shares "of", "the", "is"; the
        # term defined decides (dev: dropping function words from every question only moved ties about).
        own -= EN_STOPWORDS
    earlier = set(tokenize(query.context.question)) if query.followup and query.context else set()
    # The question's own negated words, read once (冇 too when it is the same word negated as a fragment does).
    asker_negates = {w for w in own if re.search(rf"(?:未作|未|没有|没|无){re.escape(w)}", query.content)}
    asker_negates_too = {w for w in own if re.search(rf"(?:未作|未|没有|没|无|冇){re.escape(w)}", query.content)}
    marks = time_marks(query.content)
    best = (-1.0, order[0], clause.sentences[order[0]].zh, clause.sentences[order[0]].en)
    candidates = list(order[:2])
    if query.levels:  # "the lead department at national level": the sentence of that level, wherever it ranks
        candidates += [i for i in order[2:] if any(lv in clause.sentences[i].zh or re.search(_LEVEL_BODIES.get(lv, "(?!)"),
                                                                                       clause.sentences[i].zh)
                                                   for lv in query.levels)][:1]
    liability = bool(query.details.get("liability") or "liability" in query.asks)
    for rank, idx in enumerate(candidates):
        sentence = clause.sentences[idx]
        # The question's own words in the sentence's subject (its opening words): 机关事业单位拖欠的罚则.
        in_subject = len(own & set(tokenize(sentence.zh[:24]))) if liability else 0
        for zh, en in fragments(sentence):
            # An English question shares its words with the English rendering, not the Chinese.
            words = set(tokenize(zh)) | (set(tokenize(en)) if query.lang == "en" else set())
            # A word the fragment negates (未作约定的) is not the asker's word (约定了呢), unless the asker negates it too.
            negated = {w for w in own if re.search(rf"(?:未作|未|没有|没|无){re.escape(w)}", zh)}
            words -= negated - asker_negates
            # The follow-up's own words count double: 那省级的呢 is about 省级, not the earlier 国家级.
            overlap = 10 * len(own & words) + len((earlier - own) & words)
            # 没有约定利率怎么办: the fragment that negates the same word (未作约定的) over the one that states it.
            overlap += 5 * sum(1 for w in negated & asker_negates_too if len(w) >= 2)
            score = overlap - 0.5 * rank + (0.5 if query.wants_figure and _FIGURE_IN_TEXT.search(zh) else 0)
            # 国家级 / "at national level": a sentence on the State Council's departments (国务院…部门) is national too.
            score += sum(1.0 for lv in query.levels if lv in zh or re.search(_LEVEL_BODIES.get(lv, "(?!)"), zh))
            score += sum(3.0 for m in marks if m in zh)  # "how many … by 2010?": the target with that deadline
            # The fragment that states the figure the answer leads with. In English it wins whatever else shares
            # the question's words: a rendering repeats "payment" in every sentence ("30 days — " quoted the one on
            # agreed payment periods); a Chinese question's own words are precise (如果约定了呢 -> the agreed-rate floor).
            score += (50.0 if query.lang == "en" else 2.0) if figure and figure in zh else 0.0
            if cues.DEFINITION.search(query.content) and DEFINING.search(zh):
                score += 50.0  # "what counts as X": the sentence that defines X
            if query.intent == "contact" and _IN_CHARGE_TEXT.search(zh):
                score += 15.0  # "who is the lead department?": the sentence that puts a body in charge, over one sharing a word more
            if "remedy" in query.asks and REMEDY_TEXT.search(zh):
                score += 20.0  # "what can I do?": the sentence giving a right or a place to complain
            if liability and LIABILITY_TEXT.search(zh):
                # "what is the penalty?": the sanction, not the item that matched the earlier topic; of two, the one
                # whose sentence has the party asked about as its subject.
                score += 100.0 + 10.0 * in_subject
            if score > best[0]:
                best = (score, idx, zh, en)
    _score, idx, zh, en = best
    zh, en = _with_other_case(clause.sentences[idx], zh, en, query)
    en = en.strip()
    # A fragment after a semicolon ("where there is no such agreement, …") leads the answer as a sentence.
    return idx, zh.strip(), en[:1].upper() + en[1:]


def _with_other_case(sentence: Sentence, zh: str, en: str, query: Query) -> tuple[str, str]:
    """A conditional fragment with the fragment after it that states the other case (双方…有约定的，…；未作约定的，
    按照每日利率万分之五…): 逾期利息 asked alone needs both; a question naming one case (约定了呢) keeps its own."""
    if not _CASE_START.search(zh) or _CASE_ASKED.search(query.content):
        return zh, en
    parts = fragments(sentence)
    at = next((n for n, (z, _e) in enumerate(parts) if z.strip() == zh.strip()), None)
    if at is None or at + 1 >= len(parts) or not _OTHER_CASE.match(parts[at + 1][0].strip()):
        return zh, en
    nxt_zh, nxt_en = parts[at + 1]
    return zh.rstrip() + nxt_zh.strip(), (en if en == nxt_en else f"{en.rstrip()} {nxt_en.strip()}")


_CASE_START = re.compile(r"^[^，。；]{0,30}(?:有约定|约定|规定)的，")  # 双方对逾期利息的利率有约定的，
_OTHER_CASE = re.compile(r"^(?:未作|未|没有|没|无)[^，。；]{0,10}(?:约定|规定)的，")  # 未作约定的，
_CASE_ASKED = re.compile(r"约定|规定了|agreed|agreement|no (?:such )?agreement", re.IGNORECASE)


def notes_for(library: Library, clause_ids: list[str] | tuple[str, ...], lang: str) -> tuple[str, ...]:
    """Validity notes for the documents the cited clauses come from (a superseded version, a historical plan)."""
    seen: list[str] = []
    notes: list[str] = []
    for cid in clause_ids:
        doc_id = library.clause(cid).doc_id
        if doc_id in seen:
            continue
        seen.append(doc_id)
        note = validity_note(library, library.info(doc_id), lang)
        if note:
            notes.append(note)
    return tuple(notes)


_UNRELATED = frozenset({"general_knowledge", "personal_matters", "service_requests", "other_matters"})


def not_covered(query: Query, deps: Deps, result: SearchResult | None, *, status: str = "abstained") -> Answer:
    """The honest "not covered" answer, with the nearest clauses as suggestions (none for a question outside the
    library's subject: ``status`` "out_of_scope")."""
    from qa.answer.citation import document_name

    outside = status == "out_of_scope"  # no near clause is worth offering for the weather or another city's rules
    nearest = tuple(h.clause_id for h in result.hits[:3]) if result and not outside else ()
    # The weather is outside the library whichever document is chosen: saying only that the chosen one does not
    # cover it implies another might.
    unrelated = outside and any(c.category in _UNRELATED for c in query.scope_cues)
    if query.scope and len(query.scope) == 1 and not unrelated:
        text = (OUT_OF_SCOPE_ONE if outside else NOT_COVERED_ONE)[query.lang].format(
            doc=document_name(deps.library.info(query.scope[0]), query.lang, number=False))
    else:
        text = (OUT_OF_SCOPE if outside else NOT_COVERED)[query.lang]
    notes: tuple[str, ...] = ()
    # (Not for a company in Hong Kong, Macao or Taiwan: their own laws apply there, the national texts included none.)
    place = None if any(c.category == "other_jurisdictions" for c in query.scope_cues) else next(
        (c.text for c in query.scope_cues if c.category == "other_places"), None)
    if place and status == "out_of_scope":
        # 深圳市对民营企业有什么扶持政策: no Shenzhen text here, but the national laws apply there too.
        national = [d for d in deps.library.documents if d.info.level == "national" and d.info.in_force]
        names = "、".join(document_name(d.info, "zh", number=False) for d in national)
        names_en = "; ".join(document_name(d.info, "en", number=False) for d in national)
        notes = ((f"资料库没有{place}本地的文件；国家层面的{names}在全国适用，可以问它们的规定。",) if query.lang == "zh" else
                 (f"The library holds no local documents of {place.title()}; the national texts apply there too ({names_en}): "
                  "ask about them.",))
    if (tax := _tax_policy(query, deps, result)) is not None:
        notes, nearest = notes + (tax[0],), (tax[1],)
    return Answer(question=query.raw, lang=query.lang, status=status, abstained=True, answer=text, intent=query.intent,
                  suggestions=nearest, notes=notes, confidence=result.confidence if result else 0.0)


_TAX_ASKED = re.compile(r"税|\btax")


def _tax_policy(query: Query, deps: Deps, result: SearchResult | None) -> tuple[str, str] | None:
    """(a note, the clause id) when a question on tax rates or a tax law (outside the library: tax law sets them)
    meets a clause of the library on tax policy, strong enough to stand (中小企业促进法第十一条: 减征、免征企业所得税)."""
    if not result or not result.hits or not _TAX_ASKED.search(query.content) or not any(
            c.category == "other_laws" for c in query.scope_cues):
        return None
    hit = result.hits[0]
    clause = deps.library.clause(hit.clause_id)
    if "税" not in clause.text_zh or hit.confidence < deps.threshold_for_clause(query.evidence_lang, hit.clause_id):
        return None
    i = 0 if query.lang == "zh" else 1
    label = labels_with_document(deps.library, clause)[i]
    sentence = next(s for s in clause.sentences if "税" in s.zh)
    if query.lang == "zh":
        return f"税率等由税收法律规定，不在资料库中；资料库中讲税收政策的是{label}：{sentence.zh}", clause.id
    return (f"Tax rates are set by the tax laws, which the library does not hold; on tax policy, {label} says: "
            f"{sentence.en or sentence.zh}"), clause.id


def ask_today(library: Library, info: DocumentInfo, lang: str) -> str:
    """"现在请向市工业和信息化主管部门（…第三条）或广州市政府办公厅咨询" / "Today, ask …": whom to ask now about a
    historical document (``citation.check_with``), the opening of a contact answer asked "now"."""
    return f"现在请向{check_with(library, info, 'zh')}咨询" if lang == "zh" else f"Today, ask {check_with(library, info, 'en')}"


def simple_answer(question: str, lang: str, status: str, *, zh: str, en: str, intent: str = "") -> Answer:
    """A fixed message (greeting, empty, invalid) in the answer language."""
    from qa.answer.models import ABSTAINING

    return Answer(question=question, lang=lang, status=status, abstained=status in ABSTAINING,
                  answer=zh if lang == "zh" else en, intent=intent or status)


def context_note(library: Library, query: Query, *, cited: Clause | None = None) -> tuple[str, ...]:
    """``（接上一问：第四条）`` / ``(Following up on Measure 4)`` for a follow-up turn; with ``cited``, the clause
    quoted, from a document the earlier turn's clauses are not in (the follow-up's topic is not in them): that
    they do not mention it."""
    if not query.followup or not query.context or not query.context.clause_ids:
        return ()
    i = 0 if query.lang == "zh" else 1
    clauses = [library.clause(c) for c in query.context.clause_ids[:3]]
    docs = list(dict.fromkeys(c.doc_id for c in clauses))
    if cited is not None and cited.doc_id not in docs and not query.details.get("switched") and len(docs) == 1 \
            and library.info(docs[0]).superseded_by != cited.doc_id:  # (the version in force of the same text)
        name = document_name(library.info(docs[0]), query.lang, number=False)
        where = document_name(library.info(cited.doc_id), query.lang, number=False)
        return ((f"接上一问：{name}没有写到这一点，以上引自{where}。",) if query.lang == "zh" else
                (f"Following up: the {name} does not mention this; the answer above is from the {where}.",))
    if query.context.intent in ("document", "validity"):
        # The earlier turn was about documents as a whole: name them, not the article their dates came from.
        labels = [document_name(library.info(d), query.lang, number=False) for d in docs]
    else:
        labels = [clause_label(c)[i] for c in clauses]
        if len(set(labels)) < len(labels):  # 第十二条 of three documents: say whose
            labels = [labels_with_document(library, c)[i] for c in clauses]
    return (("接上一问：" + "、".join(labels)) if query.lang == "zh" else ("Following up on " + ", ".join(labels)),)


_PHRASE_SPLIT = re.compile(r"(?<!\d),(?!\d)|[，;；。:：]")  # 500,000 is one number, not two phrases


def focus_phrases(clause: Clause, order: tuple[int, ...], query: Query, tokenize, *, whole: bool = False) -> str:
    """The part of a clause a figure question is about: its two best sentences, each whole when short (or
    with ``whole``), else the comma phrase that shares most words with the question and its neighbours.

    Used to check that an asked-for figure belongs to what the question is about, not merely to the
    same long sentence (风险准备金补助机制 sits beside 担保金额超10亿元). Empty when nothing overlaps.
    """
    own = set(tokenize(query.content))
    if not query.followup:
        own |= set(tokenize(query.retrieval_text))  # with the texts' terms for everyday words (给钱 -> 支付 款项)
    parts: list[str] = []
    texts = []
    # A date or time limit may sit a few sentences down a long article (第二十五条: 10个工作日, 30日, 90日).
    for idx in (order or tuple(s.index for s in clause.sentences))[:5 if whole else 8]:
        sentence = clause.sentences[idx]
        text = sentence.en if query.lang == "en" and sentence.en else sentence.zh
        texts.append((text, len(own & set(tokenize(text)))))
    # The two best sentences, and any later one that shares as many of the question's words (研发机构…认定 in
    # both the sentence on applying and the one with the money; "train" in the last sentence of measure 19).
    best = max((n for _t, n in texts), default=0)
    for rank, (text, n) in enumerate(texts):
        if rank >= 2 and n < best and not whole:
            continue
        phrases = [p for p in _PHRASE_SPLIT.split(text) if p.strip()]
        scores = [len(own & set(tokenize(p))) for p in phrases]
        if not phrases or max(scores) == 0:
            continue
        if len(phrases) <= 3 or whole:
            parts.append(text)
            continue
        i = scores.index(max(scores))
        parts.append("，".join(phrases[max(0, i - 1):i + 2]))
    return "\n".join(parts)


# Chinese units of a clause's figures, in English: (multiplier, unit words). 万 and 亿 become plain numbers.
_UNITS_EN = {"万元": (1e4, "RMB"), "亿元": (1e8, "RMB"), "元": (1, "RMB"), "日": (1, "days"), "天": (1, "days"),
             "个工作日": (1, "working days"), "工作日": (1, "working days"), "个月": (1, "months"), "年": (1, "years"),
             "万户": (1e4, ""), "万家": (1e4, ""), "万人": (1e4, "people"), "万人次": (1e4, "person-times"),
             "家": (1, ""), "户": (1, ""), "个": (1, ""), "人": (1, "people"), "%": (1, "%"), "": (1, "")}


def _number_en(x: float) -> str:
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if x >= scale:
            return f"{x / scale:g} {word}"
    return f"{x:,.0f}" if x == int(x) else f"{x:g}"


def value_en(value: str, unit: str) -> str:
    """A figure as an English reader expects it: ``value_en("300万元", "万元") == "RMB 3 million"``,
    "30日" → "30 days", "15—20家" → "15–20", "34.6%" → "34.6%", "万分之五" → "0.05% (万分之五)". Unknown units
    come back unchanged."""
    if unit == "%" and (percent := fraction_percent(value)) is not None:
        return f"{_number_en(percent)}% ({value})"
    if unit not in _UNITS_EN or not value.endswith(unit):
        return value
    scale, word = _UNITS_EN[unit]
    numbers = re.split(r"[—–-]", value[: len(value) - len(unit)] if unit else value)
    try:
        amounts = [float(n) * scale for n in numbers]
    except ValueError:
        return value
    text = "–".join(_number_en(a) for a in amounts)
    if word == "RMB":
        return f"RMB {text}"
    if word == "%":
        return f"{text}%"
    return f"{text} {word}".strip()
