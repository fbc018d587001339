"""How documents and clauses are named and cited, in Chinese and English, and what is said about validity."""

from __future__ import annotations

import re

from qa.answer.models import Citation
from qa.ingest.numerals import to_chinese
from qa.models import Clause, DocumentInfo, Library

_KIND_ZH = {"measure": "措施", "goal": "目标", "principle": "基本原则", "requirement": "工作要求"}
_KIND_EN = {"measure": "Measure", "goal": "Goal", "principle": "Principle", "requirement": "Requirement",
            "guiding": "Guiding ideology", "preamble": "Notice", "article": "Article"}


def clause_label(clause: Clause) -> tuple[str, str]:
    """(``第十二条``, ``Article 12``) — a work plan's measures are ``第十二条`` / ``Measure 12``."""
    if clause.kind == "article":
        return f"第{to_chinese(clause.number)}条", f"Article {clause.number}"
    if clause.kind == "measure":
        return f"第{to_chinese(clause.number)}条", f"Measure {clause.number}"
    if clause.number is not None:
        return (f"{_KIND_ZH[clause.kind]}{to_chinese(clause.number)}",
                f"{_KIND_EN[clause.kind]} {clause.number}")
    return ("指导思想" if clause.kind == "guiding" else "印发通知"), _KIND_EN[clause.kind]


def labels_with_document(library: Library, clause: Clause) -> tuple[str, str]:
    """(``《促进个体工商户发展条例》第十四条``, ``Article 14, Regulations on …``): a clause's labels when a list
    holds clauses of several documents."""
    info = library.info(clause.doc_id)
    zh_label, en_label = clause_label(clause)
    return f"{document_name(info, 'zh', number=False)}{zh_label}", f"{en_label}, {document_name(info, 'en', number=False)}"


def document_name(info: DocumentInfo, lang: str, *, number: bool = True) -> str:
    """《保障中小企业款项支付条例》（2025年修订，国务院令第802号） / Regulations on … (2025 revision)."""
    if lang == "zh":
        extra = [x for x in (info.edition, info.doc_number if number else None) if x]
        return f"《{info.title}》" + (f"（{'，'.join(extra)}）" if extra else "")
    extra = [x for x in ((f"{info.edition[:4]} version" if info.edition else None), info.doc_number if number else None) if x]
    return info.title_en + (f" ({', '.join(extra)})" if extra else "")


def cite(library: Library, clause: Clause, lang: str) -> str:
    """《广州市支持民营经济发展条例》第十二条 / Article 12, Regulations of Guangzhou Municipality on …"""
    info = library.info(clause.doc_id)
    zh_label, en_label = clause_label(clause)
    if lang == "zh":
        return f"{document_name(info, 'zh')}{zh_label}"
    return f"{en_label}, {document_name(info, 'en')}"


def make_citation(library: Library, clause: Clause, quoted: tuple[int, ...] = (), part: str | None = None) -> Citation:
    """The citation record of ``clause`` (``quoted`` sentence indexes; ``part`` a local part id)."""
    info = library.info(clause.doc_id)
    zh_label, en_label = clause_label(clause)
    part = part or next((clause.sentences[i].part for i in quoted if clause.sentences[i].part), None)
    part_obj = next((p for p in clause.parts if p.id == part), None)
    return Citation(clause_id=clause.id, doc_id=clause.doc_id, doc_title=info.title, doc_title_en=info.title_en,
                    doc_number=info.doc_number, doc_status=info.status, cite_zh=cite(library, clause, "zh"),
                    cite_en=cite(library, clause, "en"), label_zh=zh_label, label_en=en_label,
                    group_zh=" › ".join(clause.group_path), group_en=" › ".join(clause.group_path_en),
                    title_zh=clause.title, title_en=clause.title_en, text_zh=clause.text_zh, text_en=clause.text_en,
                    quoted=tuple(quoted), part=part, part_label_zh=part_obj.label if part_obj else None,
                    part_label_en=part_obj.label_en if part_obj else None)


def citation_text(library: Library, clause: Clause) -> str:
    """A citation a hotline operator can paste, in both languages."""
    info = library.info(clause.doc_id)
    return (f"{cite(library, clause, 'zh')}　{clause.title}（{status_line(info, 'zh')}）\n"
            f"{cite(library, clause, 'en')}: {clause.title_en} [{status_line(info, 'en')}; unofficial translation]")


def _date_zh(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def date_en(iso: str) -> str:
    """An ISO date as an English reader writes it: "2002-06-29" → "29 June 2002"; anything else unchanged."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{int(m.group(3))} {_MONTHS_EN[int(m.group(2)) - 1]} {m.group(1)}" if m and 1 <= int(m.group(2)) <= 12 else iso


def status_line(info: DocumentInfo, lang: str, *, dated: bool = True) -> str:
    """One line on whether a document is in force: 现行有效，2025年6月1日起施行 / in force since 2025-06-01
    (without the date when ``dated`` is False: the dates were just given)."""
    effective = info.dates.get("effective") if dated else None
    if info.status == "in_force":
        if lang == "zh":
            return "现行有效" + (f"，{_date_zh(effective)}起施行" if effective else "")
        return "in force" + (f" since {date_en(effective)}" if effective else "")
    if info.status == "superseded":
        if lang == "zh":
            return f"已失效：{_date_zh(info.superseded_from)}起被新版本取代"
        return f"no longer in force: superseded from {date_en(info.superseded_from)}"
    if info.status == "historical":
        signed = info.dates.get("signed") or info.dates.get("published") or ""
        if lang == "zh":
            return (f"{_date_zh(signed)}印发的历史文件" + (f"，目标期限至{info.horizon_year}年" if info.horizon_year else "")
                    + "，未写明有效期")
        return (f"a historical document issued {date_en(signed)}" + (f", targets to {info.horizon_year}" if info.horizon_year else "")
                + ", no expiry stated")
    return "已废止" if lang == "zh" else "repealed"


def validity_note(library: Library, info: DocumentInfo, lang: str) -> str:
    """The note shown beside any answer quoted from a document that is not simply in force."""
    if info.status == "superseded" and info.superseded_by and library.has_document(info.superseded_by):
        new = library.info(info.superseded_by)
        if lang == "zh":
            return (f"注意：本条出自{document_name(info, 'zh', number=False)}，已于{_date_zh(info.superseded_from)}被"
                    f"{document_name(new, 'zh', number=False)}取代，现行规定以新版本为准。")
        return (f"Note: this is from the {document_name(info, 'en', number=False)}, superseded on {date_en(info.superseded_from)} by the "
                f"{document_name(new, 'en', number=False)}; the current rules are in the new version.")
    if info.status == "historical":
        if lang == "zh":
            return (f"注意：{document_name(info, 'zh')}是{status_line(info, 'zh')}，可能已被后续政策取代；"
                    f"办理前请向{check_with(library, info, 'zh')}核实是否仍在执行。")
        return (f"Note: the {document_name(info, 'en')} is {status_line(info, 'en')}; later policies may have replaced it. "
                f"Check with {check_with(library, info, 'en')} that it still applies.")
    return ""


def check_with(library: Library, info: DocumentInfo, lang: str) -> str:
    """Whom to ask whether a historical document still applies: the body in charge today as a text in force
    names it (with that clause), else the body the document itself names (径向…反映), else its issuer."""
    if info.current_contact:
        clause_id, body_zh, body_en = info.current_contact
        where = cite(library, library.clause(clause_id), lang)
        return (f"{body_zh}（{where}）或{info.issuer}" if lang == "zh"
                else f"the {body_en} ({body_zh}; {where}) or the {info.issuer_en}")
    contact = (reported_to(library, info.id) or (None, None))[0]
    if lang == "zh":
        return contact or info.issuer
    return f"the {library.department_english(contact)} ({contact})" if contact else info.issuer_en


_REPORT_TO_RE = re.compile(r"径向([\u4e00-\u9fff]{2,10}?)反映")


def reported_to(library: Library, doc_id: str) -> tuple[str, str] | None:
    """(department, notice clause id) a work plan's notice names for problems in carrying it out
    (径向市经贸委反映), or None when the document has no such notice."""
    preamble = next((c for c in library.document(doc_id).clauses if c.kind == "preamble"), None)
    m = _REPORT_TO_RE.search(preamble.text_zh) if preamble else None
    return (m.group(1), preamble.id) if m else None
