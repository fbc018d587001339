"""How a clause is named and cited, in Chinese and English."""

from __future__ import annotations

from qa.models import Clause, Corpus

_CN = "零一二三四五六七八九"
_KIND_ZH = {"measure": "措施", "goal": "目标", "principle": "基本原则", "requirement": "工作要求"}
_KIND_EN = {"measure": "Measure", "goal": "Goal", "principle": "Principle", "requirement": "Requirement",
            "guiding": "Guiding ideology", "preamble": "Notice"}


def chinese_numeral(n: int) -> str:
    """12 -> 十二, 34 -> 三十四 (1..99)."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def clause_label(clause: Clause) -> tuple[str, str]:
    """(``第十二条``, ``Measure 12``) style labels for a clause."""
    if clause.kind == "measure":
        return f"第{chinese_numeral(clause.number)}条", f"Measure {clause.number}"
    if clause.number is not None:
        return (f"{_KIND_ZH[clause.kind]}{chinese_numeral(clause.number)}",
                f"{_KIND_EN[clause.kind]} {clause.number}")
    return ("指导思想" if clause.kind == "guiding" else "印发通知"), _KIND_EN[clause.kind]


def citation_text(corpus: Corpus, clause: Clause) -> str:
    """A citation a hotline operator can paste, in both languages."""
    doc = corpus.document
    zh_label, en_label = clause_label(clause)
    return (f"《{doc.title}》（{doc.doc_number}）{zh_label}　{clause.title}\n"
            f"{doc.title_en} ({doc.doc_number}), {en_label}: {clause.title_en} [unofficial translation]")
