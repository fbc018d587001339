"""Checks of an unofficial English rendering against its Chinese: completeness, figures, obligation words, glossary.

``check_translation(pairs, glossary_terms)`` returns one ``TranslationProblem`` per defect:

- ``empty``: a Chinese sentence without English;
- ``figure``: a number, amount, percentage, date or time limit of the Chinese that the English lacks
  (Chinese numerals read with ``cn2an``; English digits, number words and month names);
- ``obligation``: 应当 without "shall", 不得 without a prohibition, 可以 without "may"/"can";
- ``glossary``: a glossary body or term whose Chinese appears but whose English does not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from qa.ingest.numerals import CN_NUMERAL, to_int

_CN = CN_NUMERAL
# A Chinese numeral counts as a figure when a unit or a reference word follows it, or 第 / 百分之 precede it.
_UNITS = r"(?:个工作日|个月|工作日|小时|日|天|周|月|年|万元|亿元|元|倍|次|人|名|家|项|条|款|章|节|户|岁|届|%|％)"
ZH_FIGURE_RE = re.compile(
    rf"百分之(?P<pct>[{_CN}\d.]+)"
    rf"|(?P<den>[{_CN}\d]+)分之(?P<num>[{_CN}\d]+)"
    rf"|第(?P<ord>[{_CN}\d]+)(?=[{_CN}\d]*(?:条|款|项|章|节|次|届|批))"
    rf"|(?P<arabic>\d+(?:\.\d+)?)\s*(?P<scale>万|亿)?"
    rf"|(?P<cn>[{_CN}]+)(?P<cnscale>万|亿)?(?={_UNITS})"
)
_NOT_FIGURES = ("一次性", "一体", "一律", "一般", "统一", "进一步", "一致", "一并", "一起", "一批", "一站式", "唯一",
                "一定", "之一", "一些", "一切", "一贯", "一网通办", "一件事", "一视同仁", "同一", "一条龙", "一类",
                "一号", "单一", "一对一", "一窗", "上一", "下一")
_ITEM_LABEL_RE = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
               "hundred": 100, "thousand": 1000, "half": 0.5, "once": 1, "twice": 2, "first": 1, "second": 2,
               "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
               "single": 1, "double": 2, "a year": 1, "annual": 1, "annually": 1, "quarter": 4, "a month": 1,
               "monthly": 1, "a week": 1, "weekly": 1, "an": 1, "a": 1})
_MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october november "
                                      "december".split(), 1)}


@dataclass(frozen=True)
class TranslationProblem:
    """One defect of a rendering: where, which kind, what is missing."""

    clause: str
    sentence: int
    kind: str  # empty, figure, obligation, glossary
    detail: str

    def __str__(self) -> str:
        return f"{self.clause} sentence {self.sentence + 1}: {self.kind}: {self.detail}"


def _value(text: str) -> float:
    text = unicodedata.normalize("NFKC", text)
    try:
        return float(text)
    except ValueError:
        return float(to_int(text))


def zh_figures(text: str) -> list[tuple[str, set[float]]]:
    """The figures of a Chinese sentence: (as written, acceptable values in English).

    Example:
        >>> [(w, sorted(v)) for w, v in zh_figures("应当自收到之日起30日内支付，最长不得超过六十日")]
        [('30', [30.0]), ('六十', [60.0])]
    """
    text = unicodedata.normalize("NFKC", text)
    text = _ITEM_LABEL_RE.sub("", text)
    for word in _NOT_FIGURES:
        text = text.replace(word, "·" * len(word))
    found: list[tuple[str, set[float]]] = []
    for m in ZH_FIGURE_RE.finditer(text):
        try:
            if m.group("pct"):
                found.append((m.group(0), {_value(m.group("pct"))}))
            elif m.group("den"):
                den, num = _value(m.group("den")), _value(m.group("num"))
                found.append((m.group(0), {num / den, num, den}))
            elif m.group("ord"):
                found.append((m.group(0), {_value(m.group("ord"))}))
            elif m.group("arabic"):
                v = _value(m.group("arabic"))
                scale = {"万": 1e4, "亿": 1e8}.get(m.group("scale") or "", 1)
                found.append((m.group(0), {v, v * scale}))
            elif m.group("cn"):
                if m.group("cn") in ("一", "两") and not m.group("cnscale"):
                    # 一年 / 一次 / 两年: also "one"/"two"/"a"/"annual" in English
                    found.append((m.group(0), {_value(m.group("cn"))}))
                    continue
                v = _value(m.group("cn"))
                scale = {"万": 1e4, "亿": 1e8}.get(m.group("cnscale") or "", 1)
                found.append((m.group(0), {v, v * scale}))
        except ValueError:
            continue
    return found


def en_numbers(text: str) -> set[float]:
    """Numbers an English sentence states: digits (1,000 and 5% too), number words, ordinals, months."""
    low = text.lower().replace("\u2019", "'")
    values = {float(m.replace(",", "")) for m in re.findall(r"\d[\d,]*(?:\.\d+)?", low) if m.replace(",", "")}
    for word, v in _WORDS.items():
        if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", low):
            values.add(float(v))
    for word, v in _MONTHS.items():
        if re.search(rf"\b{word}\b", low):
            values.add(float(v))
    for scale_word, scale in (("million", 1e6), ("billion", 1e9), ("thousand", 1e3), ("hundred million", 1e8)):
        for m in re.finditer(rf"(\d+(?:\.\d+)?)\s*{scale_word}", low):
            values.add(float(m.group(1)) * scale)
    if re.search(r"\bten thousand\b", low):
        values.add(1e4)
    return values


_OBLIGATIONS = (("应当", ("shall", "must")), ("不得", ("shall not", "may not", "must not", "no ", "nor ", "never",
                                                      "prohibit", "forbid", "not be")),
                ("可以", ("may", "can")))


def _plural_tolerant(phrase: str) -> re.Pattern:
    words = []
    for w in re.findall(r"[a-z']+|[^a-z'\s]+", phrase.lower()):
        if re.fullmatch(r"[a-z']+", w):
            stem = w[:-1] if w.endswith("y") and len(w) > 3 else w.removesuffix("s") if len(w) > 3 else w
            words.append(re.escape(stem) + r"(?:s|es|ies|y)?")
        else:
            words.append(re.escape(w))
    return re.compile(r"\s*".join(words))


Terms = list[tuple[str, tuple[str, ...], tuple[str, ...]]]  # (Chinese, accepted English, compounds that are not it)


def check_pair(zh: str, en: str, *, terms: Terms) -> list[tuple[str, str]]:
    """Problems of one sentence pair as (kind, detail); see the module docstring."""
    if not en.strip():
        return [("empty", zh[:30])]
    problems: list[tuple[str, str]] = []
    numbers = en_numbers(en)
    for written, values in zh_figures(zh):
        if not values & numbers:
            problems.append(("figure", f"{written!r} has no counterpart in the English"))
    low = en.lower()
    for word, forms in _OBLIGATIONS:
        if word in zh and not any(f in low for f in forms):
            problems.append(("obligation", f"{word} needs {forms[0]!r}"))
    for zh_term, en_forms, not_in in terms:
        bare = zh
        for longer in not_in:  # 公用事业单位 (public utilities) is no 事业单位 (public institution)
            bare = bare.replace(longer, "·")
        if zh_term in bare and not any(_plural_tolerant(f).search(low) for f in en_forms):
            problems.append(("glossary", f"{zh_term} needs {en_forms[0]!r}"))
    return problems


def glossary_terms(glossary: dict) -> Terms:
    """(Chinese, accepted English forms) from the ``bodies`` and ``terms`` of ``corpus/departments.json``.

    Obligation words are checked by ``check_pair`` itself, so they are left out here.
    """
    out = [(b["name"], (b["english"],), tuple(b.get("not_in", ()))) for b in glossary.get("bodies", [])]
    out += [(t["zh"], tuple(t["en"]), tuple(t.get("not_in", ()))) for t in glossary.get("terms", [])
            if t.get("kind") != "obligation"]
    return out


def check_translation(sentences: dict[str, list[dict]], *, terms: Terms) -> list[TranslationProblem]:
    """Every problem of a document's ``translation_en.json`` ``sentences`` block, in document order."""
    problems = []
    for clause, pairs in sentences.items():
        for i, pair in enumerate(pairs):
            for kind, detail in check_pair(pair["zh"], pair.get("en", ""), terms=terms):
                problems.append(TranslationProblem(clause, i, kind, detail))
    return problems
