"""HTML for the web app. Every piece of text is escaped here, user text and corpus text alike,
so a question such as ``<img src=x onerror=alert(1)>`` or ``[x](javascript:…)`` shows as text."""

from __future__ import annotations

from qa.answer import Answer, Citation
from qa.citation import clause_label
from qa.models import Clause, Corpus

# Characters that Markdown or LaTeX in the chat component would interpret.
_MARKDOWN_SPECIALS = {"[": "&#91;", "]": "&#93;", "(": "&#40;", ")": "&#41;", "$": "&#36;", "*": "&#42;",
                      "_": "&#95;", "`": "&#96;", "!": "&#33;", "#": "&#35;", "|": "&#124;", "~": "&#126;",
                      "\\": "&#92;", "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;"}


def escape(text: str) -> str:
    """Escape for HTML *and* neutralise Markdown/LaTeX syntax."""
    return "".join(_MARKDOWN_SPECIALS.get(ch, ch) for ch in text)


def _highlight(text: str, quote: str) -> str:
    if quote and quote in text:
        before, _, after = text.partition(quote)
        return f"{escape(before)}<mark>{escape(quote)}</mark>{escape(after)}"
    return escape(text)


def citation_card(c: Citation, *, quote_zh: str, quote_en: str, open_: bool) -> str:
    return (
        f'<details class="cite" data-clause="{escape(c.clause_id)}"{" open" if open_ else ""}>'
        f"<summary><b>{escape(c.doc_number)} {escape(c.label_zh)} / {escape(c.label_en)}</b> — "
        f"{escape(c.title_zh)}</summary>"
        f'<div class="group">{escape(c.group_zh)}<br><i>{escape(c.group_en)}</i></div>'
        f'<div class="zh">{_highlight(c.text_zh, quote_zh)}</div>'
        f'<div class="en"><small>Unofficial English translation:</small><br>{_highlight(c.text_en, quote_en)}</div>'
        f"</details>"
    )


# The notice repeated in the other language, for a reader of either.
OTHER_LANGUAGE_NOTICE = {
    "abstained": ("This plan does not cover that question.", "本方案没有涉及这个问题。"),
    "not_stated": ("The plan does not state that figure or detail.", "本方案没有写明这一具体内容。"),
}


def _contact_line(answer: Answer, zh: bool) -> str:
    """Who to contact: lead departments first, then cooperating ones."""
    leads = [d for d in answer.departments if d.role == "lead"]
    coops = [d for d in answer.departments if d.role == "cooperate"]
    name = (lambda d: d.name) if zh else (lambda d: d.english)
    text = ("联系部门：牵头 " if zh else "Who to contact: lead ") + escape("、".join(map(name, leads)) if zh
                                                                     else "; ".join(map(name, leads)))
    if coops:
        text += ("；配合 " if zh else "; cooperating ") + escape(("、" if zh else "; ").join(map(name, coops)))
    return f'<div class="contact">{text}</div>'


def answer_html(answer: Answer, corpus: Corpus) -> str:
    """The assistant's chat message: answer, who to contact, citation cards, related clauses."""
    zh = answer.lang == "zh"
    parts = []
    if answer.abstained or not answer.citations:
        parts.append(f'<div class="answer notice">{escape(answer.answer)}</div>')
        if answer.status in ("abstained", "not_stated"):
            other = OTHER_LANGUAGE_NOTICE[answer.status][0 if zh else 1]
            parts.append(f'<div class="notice-other"><small>{escape(other)}</small></div>')
        if answer.departments:
            parts.append(_contact_line(answer, zh))
        if answer.suggestions:
            label = "最接近的条款：" if zh else "Nearest clauses:"
            items = "".join(f"<li>{_clause_line(corpus.clause(cid), zh)}</li>" for cid in answer.suggestions)
            parts.append(f'<div class="suggestions">{label}<ul>{items}</ul></div>')
        return "".join(parts)
    if answer.quote_zh:
        quote = answer.quote_zh if zh else answer.quote_en
        label = answer.citations[0].label_zh if zh else answer.citations[0].label_en
        parts.append(f'<div class="answer"><mark>{escape(quote)}</mark> ({escape(label)})</div>')
        if not zh:
            parts.append("<div><small>Unofficial English translation; the Chinese text is authoritative.</small></div>")
    else:
        parts.append(f'<div class="answer">{escape(answer.answer)}</div>')
    if answer.departments:
        parts.append(_contact_line(answer, zh))
    for i, c in enumerate(answer.citations):
        parts.append(citation_card(c, quote_zh=answer.quote_zh if i == 0 else "",
                                   quote_en=answer.quote_en if i == 0 else "", open_=False))
    if answer.related:
        label = "相关条款：" if zh else "Related clauses:"
        items = "".join(f"<li>{_clause_line(corpus.clause(cid), zh)}</li>" for cid in answer.related)
        parts.append(f'<div class="related">{label}<ul>{items}</ul></div>')
    return "".join(parts)


def _clause_line(clause: Clause, zh: bool) -> str:
    zh_label, en_label = clause_label(clause)
    return escape(f"{zh_label} {clause.title}" if zh else f"{en_label}: {clause.title_en}")


def clause_detail_html(clause: Clause, corpus: Corpus) -> str:
    """Full record for the clause browser."""
    zh_label, en_label = clause_label(clause)
    rows = [f"<h3>{escape(corpus.document.doc_number)} {escape(zh_label)} / {escape(en_label)} — "
            f"{escape(clause.title)}</h3>",
            f'<div class="group">{escape(" › ".join(clause.group_path))}<br>'
            f'<i>{escape(" › ".join(clause.group_path_en))}</i></div>',
            f'<div class="zh">{escape(clause.text_zh)}</div>',
            f'<div class="en"><small>Unofficial English translation:</small><br>{escape(clause.text_en)}</div>']
    depts = [("牵头/负责 Lead", clause.leads), ("配合 Cooperating", clause.cooperates)]
    for label, names in depts:
        if names:
            items = "、".join(f"{n} ({corpus.departments[n].english})" for n in names)
            rows.append(f"<div><b>{label}:</b> {escape(items)}</div>")
    if clause.targets:
        items = "".join(f"<li>{escape(t.value)} — {escape(t.measures)}"
                        f"{escape(' (' + t.deadline + ')') if t.deadline else ''}</li>" for t in clause.targets)
        rows.append(f"<div><b>目标数字 Targets:</b><ul>{items}</ul></div>")
    repairs = [r for r in corpus.repairs if r.id in clause.repairs]
    if repairs:
        items = "".join(f"<li>{escape(r.original)} → {escape(r.corrected)} ({escape(r.reason)})</li>" for r in repairs)
        rows.append(f"<div><b>抓取修正 Scrape repairs:</b><ul>{items}</ul></div>")
    return "".join(rows)
