"""Expected answer type: a question that asks for a figure the cited clause does not contain
(an amount, a rate, a date, a duration, a phone number, a list of documents) is not answered by it.

Similarity alone cannot see this: "风险准备金补助比例是多少？" matches measure 1 almost word for word,
but measure 1 gives no ratio. An extractive answer would then quote a sentence that does not answer
the question, so the assistant says the plan does not state it, and names the clause and department.

``missing_types("研发费用加计扣除能按百分之多少扣？", clause)`` lists the types the clause lacks.
The question patterns only fire on the asking form ("是多少", "what rate"), never on a topic word
alone ("租金有优惠吗" asks no figure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.ingest.numerals import to_int
from qa.models import Clause
from qa.normalize import normalize

_CN_DIGITS = "零一二两三四五六七八九十百千万亿"
_NUMBER = rf"(?:\d[\d.,]*|[{_CN_DIGITS}]+)"
_ASK_COUNT_UNITS = "家个户人项年次倍天日条名位所批"  # 多少家 asks a count, not an amount of money
_STOP = r"[^，。？！?!,;；]"  # stay inside one clause of the question
_EN_NUMBER = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five"
              r"|sixty|ninety|hundred|\d+)")
# An amount asked without a money word (能扣除多少, how much is deducted) is answered by a percentage too.
# "How much does a centre get?" is money too: what a body is given or receives is not a share.
_MONEY_WORD = re.compile(r"钱|元|块|万|金额|总额|额度|担保额|融资额|贷款额|奖励|补贴|补助|资助|拿多少|给多少|\byuan\b|\brmb\b|\bmoney\b"
                         r"|\bcash\b|\bfunding\b|\b(?:get|gets|got|give|gives|given|receive|receives|award|awarded|grant|granted"
                         r"|reward|subsid\w*)\b|\bhow much (?:for|per|each)\b", re.IGNORECASE)


# "多少个名牌" / "how many brands": a count of things, which a share (比例超过60%) does not answer.
COUNT_ASKED = re.compile(r"(?:多少|几多|几)(?:个|家|户|项|所|批|间|座)(?!月|工作日|小时)"
                         r"|\bhow many (?!days|months|weeks|years|times|hours|people|employees|staff|workers|percent|yuan)[a-z]+",
                         re.IGNORECASE)
COUNT_UNIT = re.compile(r"^(?:万|千)?(?:个|家|户|项|所|批|间|座)?$")  # 15—20个, 1万家, a bare 500


@dataclass(frozen=True)
class AnswerType:
    name: str
    label_zh: str
    label_en: str
    question: re.Pattern
    evidence: re.Pattern

    def asked_in(self, text: str) -> bool:
        return self.question.search(text) is not None

    def found_in(self, text: str) -> bool:
        return self.evidence.search(text) is not None


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


ANSWER_TYPES: tuple[AnswerType, ...] = (
    AnswerType(
        "amount", "具体金额", "amount of money",
        _re(r"多少钱|多少元|多少万|多少块|几[十百千万]万?块?钱|(?:领|拿|有|给|发)(?:多少|几多)\S{0,6}(?:资金|补贴|补助|奖励|奖金|经费|启动金)|金额(?:是|有|为|多少)|(?:基金|资金|预算)规模(?:有|是)?多(?:大|少)|(?:营业收入|营收|资产总额|总额|额度|担保额|融资额|贷款额)\S{0,6}多少"
            r"|(?:奖励?|补贴?|补助|资助|扶持|贷款?|借|收(?!入)费?|减免|付|交|租金|费用?|价格?|价钱|工资|薪酬)"
            rf"(?:(?!占|比例|比重|比率|利率|费率|税率|期限|时限|日期|时间){_STOP}){{0,6}}多少(?![{_ASK_COUNT_UNITS}])"
            r"|\bhow much (?:money|funding|subsidy|subsidies|grant|reward|bonus|rent|cash)\b"
            r"|\bhow much\b.{0,60}\b(?:pay|paid|cost|charge|fund|subsidi[sz]e|reward|grant|give|get|receive|borrow"
            r"|lend|rent|fee|worth)"
            r"|\bwhat (?:is|are) the (?:\w+ )?(?:amount|fee|price|cost|tariff|rent|salary|wage)s?\b"
            # "which of those comes with money amounts?" / 其中哪条有具体金额: the ones stating a sum
            r"|\b(?:money amounts?|amounts? of money|sums? of money|(?:specific|exact|cash) amounts?)\b|有具体金额|写明金额|有金额"
            r"|\b(?:reward|subsid\w*|grant|funding|bonus|award|allowance|fee)s?\b.{0,60}\bhow much\b"
            r"|\bhow much (?:is|are|was|would be) (?:the |a |an )?[\w\s-]{0,30}(?:subsid\w*|grant|fund\w*|reward|award|bonus|fee|rent|allowance)"
            r"|\bhow much (?:must|should|shall|will|does|do|can)\b.{0,60}\b(?:allocat\w*|spend|contribute|budget|invest|reimburs\w*|compensat\w*)"
            r"|(?:给|拨|安排|补|报销|赔|奖)多少(?![{_ASK_COUNT_UNITS}])|最多能(?:报销|拿|领|补|赔)"
            r"|\b(?:maximum|minimum) amount\b|\bhow many yuan\b"
            r"|有多少(?:补贴|补助|奖励|奖金|资助|扶持资金)|\bwhat(?:'s| is) the (?:exact |specific |actual )?amount\b"
            r"|\bamount of (?:the |a |an )?(?:[\w-]+ ){0,3}(?:grant|subsid\w*|reward|award|bonus|allowance|fine|fee)s?\b"
            r"|\bcap on (?:the )?(?:[\w-]+ ){0,3}fees?\b|\bfine in (?:yuan|rmb)\b|\bwhat(?:'s| is) the fine\b"
            r"|\bhow (?:big|large|much) is the fine\b|\bwhat fines?\b(?! print)|罚(?:款)?多少(?:钱)?|罚款(?:金额|数额)"
            r"|^\W*(?:and |so |ok,? )?how much (?:for|per|each)\b"  # "How much for a provincial centre?": a price, not a share
            r"|\bhow (?:big|large|generous) (?:is|are|was|would be) (?:the |a |an )?[\w\s-]{0,30}"
            r"(?:reward|subsid\w*|grant|award|bonus|funding|allowance)s?\b"),
        _re(rf"{_NUMBER}\s*(?:万元|亿元|元)|\byuan\b|\brmb\b"),
    ),
    AnswerType(
        "rate", "具体比例或费率", "rate or percentage",
        _re(rf"(?:比例|比率|比重|占比|税率|利率|费率|贴息率|扣除率){_STOP}{{0,6}}(?:多少|几|多高|多大)"
            r"|(?:什么|多少|多大|多高|哪个)(?:样的)?(?:比例|比率|税率|利率|费率)"
            rf"|占{_STOP}{{0,8}}(?:多少|几)|百分之(?:多少|几)|几成|几个点|多少个点"
            r"|几倍|多少倍|\bhow many times\b|\bwhat multiple\b"
            r"|\bwhat (?:percentage|percent|proportion|share|ratio)\b|\b(?:rate|ratio|percentage)\s*(?:是|为)?(?:多少|几)"
            r"|\bwhat (?:is|are) the (?:[\w-]+ ){0,4}(?:rate|ratio|percentage|proportion)s?\b"
            r"|\bhow many percent|\bat what (?:rate|ratio|percentage)"
            r"|\bwhat (?:[\w-]+ ){0,3}(?:rate|ratio|percentage)s? (?:do|does|did|will|can|should|must|may)\b"),
        # A reference rate named, not a number (不得低于…贷款市场报价利率), states the rate too.
        _re(rf"{_NUMBER}\s*(?:%|％)|百分之|万分之|千分之|[{_CN_DIGITS}]成|{_NUMBER}\s*倍|\d+\s*percent|\bper ?cent\b"
            r"|贷款市场报价利率|\bloan prime rate\b|\blpr\b"
            r"|\b(?:\d+|two|three|four|five) times\b"),
    ),
    AnswerType(
        "date", "具体日期或截止时间", "date or deadline",
        _re(r"几月几[号日]|哪一?天|哪个月|截止(?:日期|时间|到|是)|(?:申报|申请|报名)(?:的)?(?:时间|日期)"
            r"|什么时候(?:截止|开始申报|申报|报名|受理|成立|设立|挂牌)|哪(?:一)?年(?:成立|设立|挂牌)"
            r"|\bdeadline\b|\bdue date\b|\bwhat date\b|\bclosing date\b|\bwhich month\b"
            r"|\bwhen (?:is|are|do|does|can|will) (?:the |i |we )?(?:application|applications|submission|registration"
            r"|apply|submit|register)"),
        _re(r"\d+\s*月|[一二三四五六七八九十]+月|月底|月份|截止"
            r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
            r"|\bdeadline\b"),
    ),
    AnswerType(
        "duration", "具体期限", "time limit",
        _re(r"(?:审批|办理|办下来|批下来|审核|拿到|放款)\S{0,4}(?:多久|多长时间|几天|几个工作日)"
            r"|(?:期限|时限|期|周期)\S{0,6}(?:多少天|几天|多久|多长|多少个?月|几个月)|多少(?:个)?(?:工作日|天|日|个月)"
            # "投诉处理时限？": the time limit of a procedure, asked by its name alone
            r"|(?:处理|办理|审批|审核|受理|答复|办结)的?(?:期限|时限)\s*(?:是什么|是多少|是多久|有多长|怎么规定)?\s*[?？]?$"
            r"|\bhow (?:long|many days) (?:does|will|would) (?:it|the \w+) take|\bhow long\b(?! (?:between|apart))|\bhow soon\b|\bhow quickly\b"
            r"|\bhow fast\b(?![^?]{0,40}\b(?:grows?|growing|increases?|rises?|expands?)\b)"
            r"|\bwithin what (?:time|period)\b|\bby when\b|\bwhat (?:is the )?(?:deadline|time limit)\b"
            r"|多久(?![^，。？?]{0,14}(?:一次(?!性)|一批|一回))|多长时间(?![^，。？?]{0,14}(?:一次(?!性)|一批|一回))|多快|(?<!哪)几天(?!前)|多少天内|什么期限|期限是多少"
            r"|\b(?:within )?how many (?:working )?(?:days|months|weeks)\b"
            # "when must they pay?": a payment deadline, not a date
            r"|\bwhen (?:do|does|must|should|will|would|have) [\w' -]{1,40}?(?:pay|paid|settle|reply|respond|decide)\b"
            r"|(?:最晚|最迟)?什么时候(?:之前)?(?:要|得|必须|应当|应该)?(?:付|支付|给钱|结款|回复|答复|办结)"),
        _re(r"\d+\s*个?(?:工作日|天|日|个月)|[一二三四五六七八九十两]+个?(?:工作日|天|日|个月)"
            r"|(?<!\d)\d{1,2}\s*年(?:左右)?(?:时间|内|以内|之内)|[一二三四五两]年(?:左右)?(?:时间|内|以内|之内)"
            r"|\b(?:\d{1,2}|two|three|four|five) years?\b"
            rf"|\b\d+ (?:working )?(?:days?|months?|weeks?)\b|\b{_EN_NUMBER} (?:working |calendar )?(?:days?|months?|weeks?)\b"),
    ),
    AnswerType(
        # "多久认定一批？" / "how often must they report?": how often, not how long (每年, 每半年, every year).
        "frequency", "具体频次", "how often",
        _re(r"多久(?!内|以内|之内)[^，。？?]{0,14}(?:一次(?!性)|一批|一回)|多长时间(?!内|以内|之内)[^，。？?]{0,14}(?:一次(?!性)|一批)"
            r"|(?:每隔|隔)多久|几年一次|一年几次"
            r"|\bhow (?:often|frequently)\b|\bhow many times a (?:year|month)\b|\bat what intervals?\b"),
        _re(r"每(?:年|半年|季度|季|月|周|两年|三年|[一二三四五六七八九十两\d]+(?:年|个月))|定期|一年一次"
            r"|\bevery (?:year|half[- ]year|six months|quarter|month|week|two years|three years|\d+ years)\b"
            r"|\bannual(?:ly)?\b|\bquarterly\b|\bonce (?:a|every) (?:year|quarter|month)\b|\bregular(?:ly)?\b"
            r"|\bperiodic(?:ally)?\b|\bsemi-?annual(?:ly)?\b"),
    ),
    AnswerType(
        "headcount", "具体人数标准", "number of people",
        _re(r"多少人以下|多少人以上|多少名?员工|几个人|几名员工|员工\S{0,4}多少|从业人员\S{0,4}多少|多少从业人员"
            r"|\bhow many (?:employees|people|staff|workers|persons)\b|\bnumber of (?:employees|staff|workers)\b"),
        _re(r"\d+\s*万?(?:人|名)|\b\d[\d,]* (?:employees|people|staff|workers|persons|person-times)\b"),
    ),
    AnswerType(
        "contact", "联系电话或地址", "phone number or address",
        # The number or address itself (热线是多少), not whether there is a hotline (有没有投诉热线).
        _re(r"(?:电话|热线|传真)\S{0,3}(?:是|为)?(?:多少|几多|几号|什么|哪个)|网址|邮箱|号码|联系方式|(?:办公|办事)?地址(?:在|是)|在哪里办"
            r"|\b(?:phone|telephone|fax|hotline) number|\bwhat(?:'s| is) the (?:[\w-]+ ){0,3}(?:hotline|website|phone)\b"
            r"|\be-?mail address|\bcontact details|\b(?:office|street|postal|mailing) address|\baddress of\b|\bwhat is the address"),
        # A number, a web or mail address, an address given: the texts name hotlines but give none.
        _re(r"(?<!\d)(?:\d{3,4}-)?\d{5,8}(?!\d)|https?://|www\.|[\w.]+@[\w.]+|地址[:：]|\baddress:"),
    ),
    AnswerType(
        "procedure", "申请材料或办理流程", "documents or procedure",
        _re(r"(?:什么|哪些)(?:材料|资料|证明|手续|表格)|要带什么|需要提交|提交什么"
            r"|(?:办理|申请|申报|注册|报名|认定)(?:的)?(?:流程|步骤|程序)|流程是|步骤是|怎么填"
            r"|\bwhat (?:documents|paperwork|papers|forms|materials)\b|\bwhich (?:documents|forms)\b"
            r"|\bapplication form|\bsteps (?:to|for)\b|\bprocedure (?:to|for)\b"),
        _re(r"材料|手续|流程|程序|步骤|表格|\bdocuments?\b|\bprocedures?\b|\bsteps\b|\bforms\b|\bpaperwork\b"),
    ),
)


_RATE = next(t for t in ANSWER_TYPES if t.name == "rate")
DURATION = next(t for t in ANSWER_TYPES if t.name == "duration")
_DEADLINE_WORD = re.compile(r"最迟|最晚|期限|\bdeadline\b|\bby when\b")
_CALENDAR_WORD = re.compile(r"日期|哪天|哪一天|几号|几月|截止|\bdate\b|\bday\b|\bmonth\b")


def deadline_as_duration(text: str) -> bool:
    """"What's the deadline for them to publish?": a time limit ("within 3 months") answers it as well as a date;
    "申报截止日期是哪天？" asks for a calendar date only."""
    return bool(_DEADLINE_WORD.search(text)) and not _CALENDAR_WORD.search(text)


_INTEREST_ASKED = re.compile(r"利息\S{0,6}(?:多少|怎么算|怎么计算|如何计算)|多少(?:的)?利息|(?:逾期|迟延)利息\S{0,4}(?:标准|是多少)"
                            r"|\bhow much (?:[\w-]+ ){0,3}interest\b|\binterest (?:rate|is (?:owed|due|payable))\b"
                            r"|\bhow (?:is|much) (?:the )?(?:late[- ]payment )?interest\b"
                            r"|\bwhat (?:late[- ]payment )?interest (?:do|does|must|should|would|will|can)\b|付(?:几多|多少)利息", re.IGNORECASE)


def interest_asked(text: str) -> bool:
    """Does the question ask how much interest (a rate of the whole clause: 未作约定的，按照每日利率万分之五)?"""
    return bool(_INTEREST_ASKED.search(text))


_PAYMENT_WORD = re.compile(r"付|支付|款|\bpay|\bpaid\b")
_CALENDAR_ASKED = re.compile(r"几月几[号日]|哪一?天|哪个月|\bwhat date\b|\bwhich (?:day|month)\b|\bdue date\b")


def asked_types(text: str) -> list[AnswerType]:
    """The kinds of figure a question (normalised text) asks for (often none). Interest asked for is a rate
    (每日利率万分之五), not an amount of money."""
    types = [t for t in ANSWER_TYPES if t.asked_in(text)]
    if any(t.name == "date" for t in types) and _PAYMENT_WORD.search(text) and not _CALENDAR_ASKED.search(text):
        # a payment deadline is a number of days from delivery, not a calendar date
        types = [t for t in types if t.name != "date"] + [t for t in ANSWER_TYPES if t.name == "duration"
                                                          and t not in types]
    if _INTEREST_ASKED.search(text):
        types = [t for t in ANSWER_TYPES if t.name == "rate" or (t in types and t.name not in ("amount", "rate"))]
    return types


def missing_types(asked: list[AnswerType] | tuple[AnswerType, ...], clause: Clause, *,
                  focus: str = "", question: str = "") -> list[AnswerType]:
    """The asked-for kinds of figure that the clause does not give.

    With ``focus`` (the phrase of the clause the question is about, see ``focus_phrases``) the figure
    must be there; without it, anywhere in the clause or its English rendering. ``question`` (normalised)
    lets an amount asked without a money word ("能扣除多少") be answered by a percentage.
    """
    if not asked:
        return []
    text = normalize(focus) if focus else evidence_text(clause.text_zh, clause.text_en)

    def found(t: AnswerType) -> bool:
        if t.found_in(text):
            return True
        return t.name == "amount" and bool(question) and not _MONEY_WORD.search(question) and _RATE.found_in(text)

    return [t for t in asked if not found(t)]


# Any figure at all: amounts, counts, shares, dates, deadlines (for choosing the fragment to quote).
WANTS_FIGURE_RE = re.compile(r"多少|(?<!第)几[个家户年项万条天日月成倍]?|多大|多高|多长|多久|何时|什么时候|哪年|哪一年|期限|时限|金额|比例|数量|规模"
                             r"|\bhow (?:much|many|long|soon|often)\b|\bby when\b|^(?:and |so |but )?when\b|[,;?.] *when\b"
                             r"|\b(?:since|until|till) when\b|\bamount|\bnumber of|\btarget"
                             r"|\bpercent|\bshare\b|\bdeadline|\bwithin\b|(?<!\d )(?<!\d)\bdays?\b|\blimit\b", re.IGNORECASE)
# ("hasn't paid me for 90 days" states its days; "how many days" / "within days" asks them.)
LEVEL_WORDS = {"国家级": "国家级", "国家": "国家级", "national": "国家级", "state-level": "国家级", "省级": "省级",
               "省": "省级", "provincial": "省级", "province": "省级", "市级": "市级", "municipal": "市级",
               "city-level": "市级", "city level": "市级", "区级": "区级", "district": "区级", "县级": "县级"}
_LEVEL_RE = re.compile("|".join(sorted((re.escape(w) for w in LEVEL_WORDS), key=len, reverse=True)))


def wants_figure(text: str) -> bool:
    """True when a question (normalised) asks for any figure: an amount, count, share, date or time limit."""
    return WANTS_FIGURE_RE.search(text) is not None


def level_qualifiers(text: str) -> tuple[str, ...]:
    """The administrative levels a question qualifies its figure with (国家级 / 省级 / 市级), in order."""
    found = []
    for m in _LEVEL_RE.finditer(text):
        word = m.group(0)
        if word.isascii() and not _word_bounded(text, m.start(), m.end()):
            continue
        found.append(LEVEL_WORDS[word])
    return tuple(dict.fromkeys(found))


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


@lru_cache(maxsize=1024)
def evidence_text(text_zh: str, text_en: str) -> str:
    """A clause's Chinese and English text, normalised as questions are (cached: normalising a whole clause costs
    ~0.4 ms; clauses never change, questions do)."""
    return normalize(f"{text_zh}\n{text_en}")


@dataclass(frozen=True)
class Figure:
    """A figure as a text writes it: ``shown`` (万分之五, 0.05%, 60日, 5 years, 3月31日), ``unit`` ("share" for a rate
    or percentage, "date" for a day of the year, else 日 / 个工作日 / 个月 / 年) and ``value`` (a share as a fraction,
    万分之五 -> 0.0005; a date as month × 100 + day, 3月31日 -> 331; a duration in its unit); ``upto`` is the top of
    a range (百分之六至百分之十: value 0.06, upto 0.10), else None."""
    shown: str
    unit: str
    value: float
    upto: float | None = None

    def covers(self, value: float) -> bool:
        """Is ``value`` this figure, or within its range (a tiny absolute tolerance: shares are floats)?"""
        top = self.upto if self.upto is not None else self.value
        return self.value - 1e-9 <= value <= top + 1e-9


_FIG_NUMBER = r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)"
_FIGURE = re.compile(
    r"(?<![\d.])(?P<month>\d{1,2})月(?P<day>\d{1,2})日"  # a day of the year (3月31日前), value month × 100 + day
    rf"|(?P<frac>万分之|千分之|百分之)(?P<fnum>{_FIG_NUMBER})"
    rf"|(?<![\d.])(?P<num>{_FIG_NUMBER})\s*(?P<unit>%|percent\b|per cent\b|个工作日|工作日|working days?\b|(?:天|日)(?!期|起|前|后)"
    r"|days?\b|个月|months?\b|(?:周)?年(?!期|度|版|修订|施行|以前|以后)|years?\b)", re.IGNORECASE)
_FRACTION = {"万分之": 1e-4, "千分之": 1e-3, "百分之": 1e-2}
_UNIT_OF = {"%": "share", "percent": "share", "per cent": "share", "个工作日": "个工作日", "工作日": "个工作日",
            "working day": "个工作日", "working days": "个工作日", "天": "日", "日": "日", "day": "日", "days": "日",
            "个月": "个月", "month": "个月", "months": "个月", "年": "年", "周年": "年", "year": "年", "years": "年"}
_RANGE_GAP = re.compile(r"\s*(?:至|到|~|～|-|—|–|to)\s*$")


def _number(text: str) -> float:
    return float(text) if text[0].isdigit() else float(to_int(text))  # ingest's reader of Chinese numerals (cn2an)


def figures_in(text: str) -> list[Figure]:
    """The rates and durations ``text`` (Chinese or English) writes, in order, a range read as one figure;
    a year (2020年) is no duration.

    Example:
        >>> [(f.unit, f.value) for f in figures_in("按照每日利率万分之五支付；30日内")]
        [('share', 0.0005), ('日', 30.0)]
    """
    out: list[Figure] = []
    spans: list[tuple[int, int]] = []
    for m in _FIGURE.finditer(text):
        try:
            if m.group("month"):
                unit, value = "date", float(int(m.group("month")) * 100 + int(m.group("day")))
            elif m.group("frac"):
                unit, value = "share", _number(m.group("fnum")) * _FRACTION[m.group("frac")]
            else:
                unit, value = _UNIT_OF[m.group("unit").lower()], _number(m.group("num"))
                if unit == "share":
                    value /= 100
                if unit == "年" and value >= 100:
                    continue  # 2020年 is a year, not a duration
        except (ValueError, KeyError):
            continue
        if unit == "日" and m.start() > 0 and text[m.start() - 1] == "月":
            continue  # 1月1日 is a date, not a day count
        if out and out[-1].unit == unit and out[-1].upto is None and value > out[-1].value \
                and _RANGE_GAP.match(text[spans[-1][1]:m.start()]):
            start = spans.pop()[0]
            out[-1] = Figure(text[start:m.end()].strip(), unit, out[-1].value, value)
            spans.append((start, m.end()))
            continue
        out.append(Figure(m.group(0).strip(), unit, value))
        spans.append((m.start(), m.end()))
    return out
