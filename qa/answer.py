"""Answer stage: an extractive, cited answer (or an honest "not covered") from search hits.

Everything the answer says is quoted from the corpus (Chinese) or its English rendering; the
only composed text is the fixed framing (labels, greetings, the not-covered message).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from qa.answer_type import AnswerType, missing_types
from qa.citation import clause_label
from qa.models import Clause, Corpus, Sentence
from qa.normalize import CJK_RE, normalize
from qa.retrieve import Hit, SearchResult

NUMERIC_RE = re.compile(r"多少|几[个家户年项万]?|多大|多高|何时|什么时候|哪年|期限|金额|比例|how (much|many|long)|by when|when\b"
                        r"|\bamount|\bnumber of|\btarget|\bpercent|\bshare\b", re.IGNORECASE)
_GREETING_WORDS = """
你好 您好 你们好 大家好 嗨 哈喽 早上好 上午好 下午好 晚上好 早安 晚安 谢谢 谢谢你 谢谢您 多谢 感谢 非常感谢 再见 拜拜
的解答 的回答 的帮助 啦 你是谁 你能做什么 你会什么 在吗 在不在 有人吗 好的 嗯 哦 啊 呀 呢 吧 哈 你 您
hi hello hey hiya yo there thanks thx ty cheers bye goodbye ok okay
""".split()
_GREETING_PHRASES = ("thank you very much", "thank you", "many thanks", "a lot", "so much", "see you", "good morning",
                     "good afternoon", "good evening", "who are you", "what can you do", "are you there")
# Longest first, so "thank you very much" goes before "thank you".
GREETING_PHRASES = tuple(sorted((*_GREETING_WORDS, *_GREETING_PHRASES), key=len, reverse=True))

NOT_COVERED_ZH = "本方案没有涉及这个问题。以下是最接近的条款，供参考；具体事项请咨询相关部门。"
NOT_COVERED_EN = ("This plan does not cover that question. The nearest clauses are listed for reference; "
                  "please contact the relevant department for specifics.")
GREETING_ZH = ("您好！我可以回答关于《广州市进一步加快民营经济发展工作方案》（穗府办〔2007〕42号）的问题，"
               "例如融资担保、用地、研发资助、人才、市场开拓，以及各项措施由哪个部门负责。")
GREETING_EN = ("Hello! I answer questions about the Guangzhou Work Plan for Further Accelerating the Development "
               "of the Private Economy (穗府办〔2007〕42号): loan guarantees, land, R&D funding, talent, markets, "
               "and which department is responsible for each measure.")
EMPTY_ZH = "请输入一个关于本方案的问题，例如：“研发投入能税前抵扣吗？”"
EMPTY_EN = "Please type a question about the plan, for example: \u201cCan I get a loan guarantee?\u201d"
UNOFFICIAL_EN = "Unofficial English translation; the Chinese text is authoritative."


@dataclass(frozen=True)
class Contact:
    name: str
    english: str
    role: str  # "lead" or "cooperate"


@dataclass(frozen=True)
class Citation:
    clause_id: str
    doc_number: str
    label_zh: str
    label_en: str
    group_zh: str
    group_en: str
    title_zh: str
    title_en: str
    text_zh: str
    text_en: str
    quoted: tuple[int, ...]
    part: str | None


@dataclass(frozen=True)
class Answer:
    """What the assistant says to one question."""

    question: str
    lang: str
    status: str  # answered, lookup, department, not_stated, abstained, greeting, empty, invalid
    abstained: bool
    answer: str
    quote_zh: str = ""
    quote_en: str = ""
    citations: tuple[Citation, ...] = ()
    departments: tuple[Contact, ...] = ()
    related: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    confidence: float = 0.0
    note: str = field(default=UNOFFICIAL_EN)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["citations"] = [c.clause_id for c in self.citations]
        data["citation_details"] = [asdict(c) for c in self.citations]
        data["departments"] = [asdict(d) for d in self.departments]
        return data


def answer_language(question: str, override: str | None = None) -> str:
    if override in ("zh", "en"):
        return override
    text = normalize(question)
    cjk = len(CJK_RE.findall(text))
    latin_words = len(re.findall(r"[a-z]{2,}", text))
    return "zh" if cjk and cjk >= latin_words else ("en" if latin_words else "zh")


def is_greeting(question: str) -> bool:
    """True for 你好, hello, thanks, 谢谢 … and nothing else: the whole text must be greeting words."""
    text = re.sub(r"[\W_]+", " ", normalize(question)).strip()
    if not text:
        return False
    for phrase in GREETING_PHRASES:
        text = re.sub(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", " ", text)
    return not text.strip()


def has_content(question: str) -> bool:
    """Letters, digits or CJK characters: anything else (punctuation, emoji, spaces) is no question."""
    text = normalize(question)
    return bool(re.search(r"[0-9a-z]", text) or CJK_RE.search(text))


def make_citation(corpus: Corpus, clause: Clause, quoted: tuple[int, ...]) -> Citation:
    zh_label, en_label = clause_label(clause)
    part = next((clause.sentences[i].part for i in quoted if clause.sentences[i].part), None)
    return Citation(clause_id=clause.id, doc_number=corpus.document.doc_number, label_zh=zh_label, label_en=en_label,
                    group_zh=" › ".join(clause.group_path), group_en=" › ".join(clause.group_path_en),
                    title_zh=clause.title, title_en=clause.title_en, text_zh=clause.text_zh, text_en=clause.text_en,
                    quoted=quoted, part=part)


def choose_sentences(clause: Clause, hit: Hit, question: str) -> tuple[int, ...]:
    """The 1-2 sentences to quote: the best match, plus the best informative or numeric one."""
    if hit.matched_by in ("lookup", "department"):  # the clause as a whole was asked for: open with its start
        return tuple(range(min(2, len(clause.sentences))))
    order = list(hit.sentence_order) or [s.index for s in clause.sentences]
    best = order[0]
    chosen = [best]
    is_title = clause.kind == "measure" and best == 0 and len(clause.sentences) > 1
    wants_number = bool(NUMERIC_RE.search(normalize(question)))
    if wants_number and not re.search(r"\d", clause.sentences[best].zh):
        numeric = [i for i in order if re.search(r"\d", clause.sentences[i].zh) and i != best]
        if numeric:
            chosen.append(numeric[0])
    if len(chosen) == 1 and is_title:
        chosen.append(next(i for i in order if i != best))
    return tuple(sorted(chosen))


def contacts(corpus: Corpus, clause: Clause, sentences: list[Sentence]) -> tuple[Contact, ...]:
    """Departments governing the quoted sentences; the clause's own if those name none."""
    leads: list[str] = []
    coops: list[str] = []
    for s in sentences:
        if s.assignment:
            leads += [d for d in s.assignment.leads if d not in leads]
            coops += [d for d in s.assignment.cooperates if d not in coops]
    if not leads and not coops:
        leads, coops = list(clause.leads), list(clause.cooperates)
    coops = [d for d in coops if d not in leads]
    return tuple([Contact(d, corpus.departments[d].english, "lead") for d in leads]
                 + [Contact(d, corpus.departments[d].english, "cooperate") for d in coops])


def simple_answer(question: str, lang: str, status: str, *, zh: str, en: str) -> Answer:
    return Answer(question=question, lang=lang, status=status, abstained=status in ("abstained", "empty", "invalid"),
                  answer=zh if lang == "zh" else en)


def compose(corpus: Corpus, result: SearchResult, *, lang: str, threshold: float, related_count: int = 3,
            scope_cues: list[str] | tuple[str, ...] = ()) -> Answer:
    """Turn a search result into an ``Answer``; abstain below ``threshold`` confidence, or when the
    question carries an out-of-scope cue (another city, a personal matter …) and names no clause."""
    question = result.query
    hits = list(result.hits)
    nearest = tuple(h.clause_id for h in hits[:3])
    out_of_scope = bool(scope_cues) and result.mode == "retrieval"
    if not hits or out_of_scope or (result.mode == "retrieval" and result.confidence < threshold):
        return Answer(question=question, lang=lang, status="abstained", abstained=True,
                      answer=NOT_COVERED_ZH if lang == "zh" else NOT_COVERED_EN,
                      suggestions=nearest, confidence=result.confidence)
    if result.mode == "department":
        return _department_answer(corpus, result, lang)
    top = hits[0]
    clause = corpus.clause(top.clause_id)
    if result.mode == "retrieval":
        missing = missing_types(question, clause)
        if missing:
            return _not_stated(corpus, result, clause, missing, lang, nearest)
    quoted = choose_sentences(clause, top, question)
    sentences = [clause.sentences[i] for i in quoted]
    quote_zh = "".join(s.zh for s in sentences)
    quote_en = " ".join(s.en for s in sentences)
    zh_label, en_label = clause_label(clause)
    text = f"{quote_zh}（{zh_label}）" if lang == "zh" else f"{quote_en} ({en_label}, unofficial translation)"
    lookup_cites = [h for h in hits if h.matched_by == "lookup"]
    cited = lookup_cites if len(lookup_cites) > 1 else [top]
    citations = [make_citation(corpus, clause, quoted)] + [
        make_citation(corpus, corpus.clause(h.clause_id), (h.sentence,)) for h in cited[1:]]
    related = tuple(h.clause_id for h in hits if h.clause_id not in {c.clause_id for c in citations})[:related_count]
    return Answer(question=question, lang=lang, status="lookup" if result.mode == "lookup" else "answered",
                  abstained=False, answer=text, quote_zh=quote_zh, quote_en=quote_en, citations=tuple(citations),
                  departments=contacts(corpus, clause, sentences), related=related, confidence=result.confidence)


def _not_stated(corpus: Corpus, result: SearchResult, clause: Clause, missing: list[AnswerType], lang: str,
                nearest: tuple[str, ...]) -> Answer:
    """The nearest clause is on topic but lacks the figure asked for: say so, never quote it as the answer."""
    zh_label, en_label = clause_label(clause)
    who_to_ask = contacts(corpus, clause, [])
    leads = [c for c in who_to_ask if c.role == "lead"]
    if lang == "zh":
        text = (f"方案{zh_label}（{clause.title}）涉及这个话题，但没有写明{'、'.join(t.label_zh for t in missing)}。"
                + (f"具体请咨询{'、'.join(c.name for c in leads)}。" if leads else "具体请咨询相关部门。"))
    else:
        who = "; ".join(f"the {c.english}" for c in leads) or "the relevant department"
        text = (f"The plan touches on this in {en_label} ({clause.title_en}), but it does not state the "
                f"{' or '.join(t.label_en for t in missing)}. For specifics, contact {who}.")
    return Answer(question=result.query, lang=lang, status="not_stated", abstained=True, answer=text,
                  departments=who_to_ask, suggestions=nearest, confidence=result.confidence)


def _department_answer(corpus: Corpus, result: SearchResult, lang: str) -> Answer:
    depts = list(result.departments)
    led = [h for h in result.hits if h.matched_by == "department"]
    names_zh = "、".join(depts)
    names_en = ", ".join(corpus.departments[d].english for d in depts)
    lines_zh = [f"{clause_label(corpus.clause(h.clause_id))[0]} {corpus.clause(h.clause_id).title}" for h in led]
    lines_en = [f"{clause_label(corpus.clause(h.clause_id))[1]}: {corpus.clause(h.clause_id).title_en}" for h in led]
    cooperating = [c.id for c in corpus.clauses if any(d in c.cooperates for d in depts)]
    if lang == "zh":
        text = f"{names_zh}牵头或负责的条款共{len(led)}条：" + "；".join(lines_zh) + "。"
        if cooperating:
            text += f"另在{len(cooperating)}条措施中配合。"
    else:
        text = f"The {names_en} leads or is responsible for {len(led)} clause(s): " + "; ".join(lines_en) + "."
        if cooperating:
            text += f" It also cooperates on {len(cooperating)} more."
    citations = tuple(make_citation(corpus, corpus.clause(h.clause_id), (h.sentence,)) for h in led)
    return Answer(question=result.query, lang=lang, status="department", abstained=False, answer=text,
                  citations=citations,
                  departments=tuple(Contact(d, corpus.departments[d].english, "lead") for d in depts),
                  related=tuple(cooperating[:3]), confidence=1.0)
