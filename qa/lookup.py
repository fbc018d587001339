"""Clause references written the way people write them: 第12条, 第十二条, measure 12, 目标二 …

``resolve_clause_id`` reads a whole string as one id (for ``qa show``);
``find_clause_references`` finds references inside a question (for direct lookup).
"""

from __future__ import annotations

import re

from qa.errors import UnknownClauseError
from qa.parse import chinese_number

CN_NUM = r"[一二三四五六七八九十]{1,3}"
NUM = rf"(?:\d{{1,3}}|{CN_NUM})"
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
EN_ORDINAL = r"(?:" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"

VALID_FORMS = ("measure-12", "12", "第12条", "第十二条", "measure 12", "措施十二", "第23项措施",
               "item 31", "goal-2", "goal 2", "目标二", "principle 1", "原则一", "requirement 3",
               "要求三", "guiding", "指导思想", "preamble")

# (pattern, kind); the number is group "n". Kind None means "a measure unless said otherwise".
_PATTERNS: tuple[tuple[str, str], ...] = (
    # Kind-specific forms first, so 原则第一条 is principle-1, not measure-1.
    (rf"(?:主要)?目标\s*(?:第\s*)?(?P<n>{NUM})(?:\s*[条项点个])?", "goal"),
    (rf"第\s*(?P<n>{NUM})\s*(?:个)?目标", "goal"),
    (rf"(?:基本)?原则\s*(?:第\s*)?(?P<n>{NUM})(?:\s*[条项点])?", "principle"),
    (rf"第\s*(?P<n>{NUM})\s*(?:条|项|个)?\s*(?:基本)?原则", "principle"),
    (rf"(?:工作)?要求\s*(?:第\s*)?(?P<n>{NUM})(?:\s*[条项点])?", "requirement"),
    (rf"第\s*(?P<n>{NUM})\s*(?:条|项|个)?\s*(?:工作)?要求", "requirement"),
    (rf"第\s*(?P<n>{NUM})\s*项?\s*(?:措施|条措施)", "measure"),
    (rf"(?:措施|举措)\s*(?:第\s*)?(?P<n>{NUM})(?:\s*[条项])?", "measure"),
    (rf"第\s*(?P<n>{NUM})\s*(?:条|项|点)", "measure"),
    (rf"(?:主要)?目标\s*[（(](?P<n>{NUM})[）)]", "goal"),
    (rf"(?:基本)?原则\s*[（(](?P<n>{NUM})[）)]", "principle"),
    (rf"(?:工作)?要求\s*[（(](?P<n>{NUM})[）)]", "requirement"),
    (rf"\b(?P<n>{EN_ORDINAL})\s+(?:basic\s+|guiding\s+)?principles?\b", "principle"),
    (rf"\b(?P<n>{EN_ORDINAL})\s+(?:main\s+)?(?:goals?|targets?)\b", "goal"),
    (rf"\b(?P<n>{EN_ORDINAL})\s+(?:work\s+)?requirements?\b", "requirement"),
    (rf"\b(?P<n>{EN_ORDINAL})\s+(?:measures?|items?|clauses?)\b", "measure"),
    (r"\b(?:measures?|items?|clauses?|articles?|points?|no\.?|#)\s*-?\s*(?P<n>\d{1,3})\b", "measure"),
    (r"\b(?:goals?|targets?)\s*-?\s*(?P<n>\d{1,2})\b", "goal"),
    (r"\b(?:principles?)\s*-?\s*(?P<n>\d{1,2})\b", "principle"),
    (r"\b(?:requirements?)\s*-?\s*(?P<n>\d{1,2})\b", "requirement"),
)
# A number followed by a unit (要求3年内, 目标2010年) is a quantity, not a clause number.
_NOT_QUANTITY = r"(?![\d年个家户万亿%.．]|\s*(?:years?|months?|%|percent))"
_COMPILED = tuple((re.compile(p + _NOT_QUANTITY, re.IGNORECASE), kind) for p, kind in _PATTERNS)
_NAMED = {"guiding": "guiding", "指导思想": "guiding", "guiding ideology": "guiding",
          "preamble": "preamble", "通知": "preamble", "印发通知": "preamble"}


def _number(text: str) -> int:
    text = text.lower()
    if text in _ORDINALS:
        return _ORDINALS.index(text) + 1
    digits = re.match(r"\d+", text)
    return int(digits.group(0)) if digits else chinese_number(text)


def find_clause_references(text: str, valid_ids: set[str] | frozenset[str]) -> list[str]:
    """Clause ids referred to in ``text``, in order of appearance, only those that exist.

    Example:
        >>> find_clause_references("第十二条和 measure 13 讲什么？", {"measure-12", "measure-13"})
        ['measure-12', 'measure-13']
    """
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _COMPILED:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            try:
                clause_id = f"{kind}-{_number(m.group('n'))}"
            except ValueError:
                continue
            if clause_id in valid_ids:
                found.append((m.start(), clause_id))
                taken.append((m.start(), m.end()))
    return list(dict.fromkeys(c for _, c in sorted(found)))


def resolve_clause_id(text: str, valid_ids: list[str] | tuple[str, ...]) -> str:
    """Read the whole of ``text`` as one clause id or raise ``UnknownClauseError``."""
    raw = text.strip()
    key = raw.lower().replace("_", "-")
    ids = set(valid_ids)
    if key in ids:
        return key
    if key in _NAMED and _NAMED[key] in ids:
        return _NAMED[key]
    if re.fullmatch(r"\d{1,3}", key) and f"measure-{int(key)}" in ids:
        return f"measure-{int(key)}"
    if re.fullmatch(CN_NUM, key) and f"measure-{chinese_number(key)}" in ids:
        return f"measure-{chinese_number(key)}"
    m = re.fullmatch(r"(measure|goal|principle|requirement)\s*-?\s*(\d{1,3})(?:\.(\d+))?", key)
    if m and f"{m.group(1)}-{int(m.group(2))}" in ids:
        return f"{m.group(1)}-{int(m.group(2))}"
    refs = find_clause_references(raw, ids)
    if len(refs) == 1:
        pattern_only = re.sub(r"[\s\d一二三四五六七八九十第条项措施目标原则要求工作主要基本个]", "", raw, flags=re.I)
        english_only = re.sub(r"(?i)\b(measures?|items?|clauses?|articles?|goals?|principles?|requirements?|no)\b|[\s\d.#-]", "", raw)
        if not pattern_only or not english_only:
            return refs[0]
    raise UnknownClauseError(
        f"no clause {text!r}. Valid ids: {', '.join(valid_ids[:3])} … {valid_ids[-1]} "
        f"({len(valid_ids)} in all; list them with `qa clauses`). Accepted forms: {', '.join(VALID_FORMS)}"
    )
