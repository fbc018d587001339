"""Quantitative targets stated in a clause: amounts, counts, shares, with year or deadline."""

from __future__ import annotations

import re

from qa.ingest.numerals import to_int
from qa.models import Target

UNITS = "亿元|万元|元|万户|万人次|万家|万人|个工作日|工作日|个月|家|户|个|人次|%|日|天|年|倍"
NUMBER = r"\d+(?:\.\d+)?"
TARGET_RE = re.compile(
    rf"(?P<low>{NUMBER})(?:\s*[—–\-~～至到]\s*(?P<high>{NUMBER}))?\s*(?P<unit>{UNITS})"
    rf"|(?:超过|超|达到|不少于)(?P<bare>{NUMBER})(?=[(（。,，]|$)"
)
YEAR_RE = re.compile(r"(\d{4})年")
DEADLINE_RE = re.compile(r"(\d+)(?:个)?(年|个月)(?:左右)?(?:内|时间)|每(\d*)年度?|(?:到|至)(\d{4})年")
ENUM_RE = re.compile(r"((?:国家|省|市|区|县)级)、((?:国家|省|市|区|县)级)和((?:国家|省|市|区|县)级)")
CLAUSE_SPLIT_RE = re.compile(r"[,，;；。:：]")


def _context(sentence: str, start: int, end: int) -> str:
    """The comma-delimited phrase that holds the number: it says what is measured."""
    left = max((m.end() for m in CLAUSE_SPLIT_RE.finditer(sentence, 0, start)), default=0)
    right_m = CLAUSE_SPLIT_RE.search(sentence, end)
    right = right_m.start() if right_m else len(sentence)
    phrase = sentence[left:right]
    return phrase.strip()


DEPARTMENTS_RE = re.compile(r"[(（][^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*(?:牵头|负责|配合)[^()（）]*[)）]")


def extract_targets(sentence: str, *, inherited_deadline: str | None = None,
                    sentence_index: int | None = None) -> list[Target]:
    """Find every number-with-unit in one sentence (years themselves are not targets).

    Example:
        >>> [t.value for t in extract_targets("力争3年内有15—20家民营企业实现上市融资")]
        ['15—20家']
    """
    sentence = DEPARTMENTS_RE.sub("", sentence)
    found: list[Target] = []
    deadline_m = DEADLINE_RE.search(sentence)
    deadline = deadline_m.group(0) if deadline_m else inherited_deadline
    enum_m = ENUM_RE.search(sentence)
    amounts = [m for m in TARGET_RE.finditer(sentence)]
    money = [m for m in amounts if m.group("unit") in ("万元", "亿元") and "分别" in sentence[:m.start()]]
    for m in amounts:
        unit = m.group("unit") or ""
        low_text = m.group("low") or ""
        # A year (2010年) or a date part (5月20日) is no figure; a duration (3年, 30日内) is.
        # 2010年度 is a year; 1年期贷款市场报价利率 names a loan term, not a time limit.
        if unit == "年" and (float(low_text or 0) >= 1900 or sentence[m.end():m.end() + 1] in ("度", "期")):
            continue
        if unit == "日" and re.search(r"\d+\s*月\s*$", sentence[:m.start()]):
            continue
        if unit == "日" and re.search(r"年\s*\d+\s*月", sentence[max(0, m.start() - 8):m.start()]):
            continue
        bare = m.group("bare")
        low = float(bare or m.group("low"))
        high = float(m.group("high")) if m.group("high") else low
        unit = "" if bare else m.group("unit")
        if unit == "个" and sentence[m.end():m.end() + 1] == "月":
            continue
        value = bare if bare else m.group(0).strip()
        year_m = None
        for y in YEAR_RE.finditer(sentence, 0, m.start()):
            year_m = y
        measures = _context(sentence, m.start(), m.end())
        if enum_m and m in money and len(money) == 3:
            measures = f"{enum_m.group(money.index(m) + 1)}: {measures}"
        found.append(Target(value=value, low=low, high=high, unit=unit, measures=measures,
                            year=int(year_m.group(1)) if year_m else None,
                            deadline=deadline, sentence=sentence_index))
    for m in FRACTION_RE.finditer(sentence):
        # 每日利率万分之五: a rate written in words, kept as written; low/high in percent (万分之五 = 0.05).
        percent = fraction_percent(m.group(0))
        if percent is None:
            continue
        found.append(Target(value=m.group(0), low=percent, high=percent, unit="%",
                            measures=_context(sentence, m.start(), m.end()), year=None, deadline=deadline,
                            sentence=sentence_index))
    return found


_FRACTION_BASE = {"百": 100, "千": 1000, "万": 10000}
FRACTION_RE = re.compile(r"(?P<base>[百千万])分之(?P<n>\d+(?:\.\d+)?|[零〇一二三四五六七八九十两百]+)")


def fraction_percent(text: str) -> float | None:
    """A rate written in words as a percentage: ``fraction_percent("万分之五") == 0.05``; None if it is not one."""
    m = FRACTION_RE.fullmatch(text)
    if not m:
        return None
    n = m.group("n")
    try:
        value = float(n) if n[0].isdigit() else float(to_int(n))
    except ValueError:
        return None
    return value * 100 / _FRACTION_BASE[m.group("base")]


def extract_clause_targets(sentences: list[str]) -> list[Target]:
    """Targets of a whole clause: a ``到2010年`` deadline carries on to the next sentences."""
    found: list[Target] = []
    carried: str | None = None
    for i, sentence in enumerate(sentences):
        found.extend(extract_targets(sentence, inherited_deadline=carried, sentence_index=i))
        m = re.search(r"(?:到|至)\d{4}年", sentence)
        carried = m.group(0) if m else carried
    return found
