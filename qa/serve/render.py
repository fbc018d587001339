"""What the web app shows: answers and questions as Markdown (what the chat renders and what its copy
button copies: no HTML), and the clause browser's detail as escaped HTML.

User text and corpus text are always escaped: a question such as ``<img src=x onerror=alert(1)>``,
``[x](javascript:…)`` or ``$$x$$`` shows as text.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from qa.answer.citation import clause_label, document_name, status_line
from qa.answer.models import Answer
from qa.models import Clause, Library
from qa.serve.strings import t

_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|<>~$&])")


MAX_SOURCES = 8  # citations linked under an answer; the rest are counted


def _status_tag(status: str, ui_lang: str) -> str:
    """"（现行有效）" / " (in force)" for a document status with a label (in_force, superseded, historical), else ""."""
    if status not in ("in_force", "superseded", "historical"):
        return ""
    label = t(f"status_{status}", ui_lang)
    return f"（{label}）" if ui_lang == "zh" else f" ({label})"


def status_suffix(info, ui_lang: str) -> str:
    """"（已失效）" / " (superseded)" after the name of a document not in force (superseded or historical), else ""
    — so a related clause or a browser row of the 2020 version is not taken for the rule in force."""
    return "" if info.status == "in_force" else _status_tag(info.status, ui_lang)


def md_escape(text: str) -> str:
    """Backslash-escape Markdown (and the ``<`` of HTML) so text renders literally, never as markup or links."""
    return _MD_SPECIALS.sub(r"\\\1", text or "").replace("\n", "  \n")


def escape(text: str) -> str:
    """Escape for HTML."""
    return html.escape(text or "", quote=True)


def user_markdown(question: str) -> str:
    """The user's bubble: the question as plain text (shortened past 300 characters)."""
    shown = question if len(question) <= 300 else question[:300] + f"… ({len(question):,})"
    return md_escape(shown)


def clause_url(clause_id: str, lang: str, base: str = "") -> str:
    """The permalink that opens a clause in the clause browser: ``<base>?clause=<id>&lang=<lang>``."""
    return f"{base}?clause={quote(clause_id, safe='/')}&lang={lang}"


def clause_link(clause: Clause, lang: str, base: str = "", *, text: str = "", ui_lang: str | None = None) -> str:
    """A Markdown link that opens the clause in the clause browser (``text``: the link's words, else its label in
    ``lang``); the browser opens in ``ui_lang`` (default ``lang``): the user's interface, not the answer's language."""
    zh_label, en_label = clause_label(clause)
    return f"[{md_escape(text or (zh_label if lang == 'zh' else en_label))}]({clause_url(clause.id, ui_lang or lang, base)})"


_NUMBERED = re.compile(r"^(\d{1,2})\.\s+")


def _bold(paragraph: str) -> str:
    """A paragraph of the direct answer in bold, line by line (Markdown bold spans no line break); a numbered step
    ("1. 付款期限：…") keeps its number outside the bold and its own line."""
    out = []
    lines = [x.strip() for x in paragraph.split("\n") if x.strip()]
    for line in lines:
        if len(lines) > 1 and (m := _NUMBERED.match(line)):  # (a one-line "1. …" part of a merged answer stays whole)
            out.append(f"{m.group(1)}\\. **{md_escape(line[m.end():])}**")  # escaped: no Markdown list renumbering
        else:
            out.append(f"**{md_escape(line)}**")
    return "  \n".join(out)  # a hard line break between the lines of one paragraph


def answer_markdown(answer: Answer, library: Library, *, ui_lang: str, base: str = "", history: tuple[str, ...] = (),
                    scope: str = "") -> str:
    """The assistant's chat message, in Markdown: the direct answer, whom to contact, the quote (Chinese,
    and English beside it), the citations with links, notes, related clauses, and a link to the question.
    ``history``: the conversation's earlier questions, oldest first; ``scope``: the document choice ("all", "doc:ID" …).
    The link carries both when the answer leaned on them (a follow-up's earlier questions, up to
    ``LINK_HISTORY_TURNS``; a scope other than all documents), so that opening it gives the same answer. Labels
    are in the answer's language; links open the clause browser and the question in ``ui_lang``."""
    lang = answer.lang  # labels in the answer's language (an English answer reads "Source:" in the Chinese interface)
    # Bold each paragraph on its own: Markdown bold does not span a blank line (a two-part answer showed "**").
    lines: list[str] = ["\n\n".join(_bold(p) for p in answer.answer.split("\n\n") if p.strip())
                        if not answer.abstained else md_escape(answer.answer)]
    if answer.departments:
        groups = []
        for role in ("lead", "cooperate", "named"):
            # One name once, though it leads several of the listed clauses (市科技局 ×4 before).
            names = list(dict.fromkeys(c.shown(lang) for c in answer.departments if c.role == role))
            if names:
                groups.append(f"{t(role, lang)}: {md_escape(('、' if lang == 'zh' else '; ').join(names))}")
        lines.append(f"**{t('contact', lang)}** — " + "；".join(groups))
    if answer.items:
        rows = []
        for i in answer.items[:40]:
            rest = i.shown(lang).split("\u3000" if lang == "zh" else ": ", 1)[-1]
            # The item's own label: "《促进个体工商户发展条例》第十四条" when several documents are listed.
            label = i.label_zh if lang == "zh" else i.label_en
            rows.append(f"- {clause_link(library.clause(i.clause_id), lang, base, text=label, ui_lang=ui_lang)} {md_escape(rest)}")
        lines.append("\n".join(rows))
    if answer.quote_zh:
        # The source stays Chinese; an English answer shows the English rendering beside it.
        lines.append("> " + md_escape(answer.quote_zh).replace("  \n", "  \n> "))
        if answer.quote_en and lang == "en":
            lines.append(f"> *{t('english_rendering', lang)}:* " + md_escape(answer.quote_en))
    for note in answer.notes:
        lines.append(f"*{md_escape(note)}*")
    if answer.citations:
        cites = []
        first: dict[str, object] = {}
        for c in answer.citations:  # each clause once, where it was first cited
            first.setdefault(c.clause_id, c)
        unique = list(first.values())
        for c in unique[:MAX_SOURCES]:
            text = (c.cite_zh if lang == "zh" else c.cite_en) + _status_tag(c.doc_status, lang)
            cites.append(f"{md_escape(text)} [{t('open_clause', lang)}]({clause_url(c.clause_id, ui_lang, base)})")
        if len(unique) > MAX_SOURCES:
            cites.append(t("more_sources", lang, n=len(unique) - MAX_SOURCES))
        lines.append(f"{t('source', lang)}: " + "；".join(cites))
    extra = answer.related or answer.suggestions
    if extra:
        label = t("related" if answer.related else "nearest", lang)
        links = []
        for cid in extra[:3]:
            clause = library.clause(cid)
            title = clause.title if lang == "zh" else clause.title_en
            doc = document_name(library.info(clause.doc_id), lang, number=False) + status_suffix(
                library.info(clause.doc_id), lang)
            link = clause_link(clause, lang, base, ui_lang=ui_lang)
            links.append(f"{link} {md_escape(title)}（{md_escape(doc)}）" if lang == "zh"
                         else f"{link} {md_escape(title)} ({md_escape(doc)})")
        lines.append(f"{label}: " + "；".join(links))
    if lang == "en" and (answer.quote_en or answer.citations):
        lines.append(f"*{t('unofficial', 'en')}*")
    if answer.status != "invalid":  # a link to a question the app refused (too long) would only refuse it again
        lines.append(f"[{t('link_question', lang)}]({question_url(answer, base, ui_lang, history=history, scope=scope)})")
    return "\n\n".join(lines)


LINK_HISTORY_TURNS = 3  # earlier questions a follow-up's link carries (the understander reads no further back for most)


def question_url(answer: Answer, base: str, ui_lang: str, *, history: tuple[str, ...] = (), scope: str = "") -> str:
    """``?q=…`` for ``answer``'s question, with ``&h=`` (earlier questions joined by newlines) when it was read as a
    follow-up, ``&doc=`` when a scope other than all documents was chosen, and ``&lang=``."""
    url = f"{base}?q={quote(answer.question[:300])}"
    if history and answer.context_from:
        url += f"&h={quote(chr(10).join(q[:300] for q in history[-LINK_HISTORY_TURNS:]))}"
    if scope and scope != "all":
        url += f"&doc={quote(scope)}"
    return url + f"&lang={ui_lang}"


def conversation_markdown(turns: list[dict], *, ui_lang: str) -> str:
    """A whole conversation for export: each question (escaped), then its answer in Markdown."""
    out = [f"# {t('page_title', ui_lang)}", ""]
    for n, turn in enumerate(turns, 1):
        out += [f"## {n}. {md_escape(str(turn.get('question', '')))}", "", str(turn.get("markdown", "")), ""]
    return "\n".join(out)


def clause_detail_html(clause: Clause, library: Library, *, ui_lang: str) -> str:
    """The clause browser's full record: citation, status, text in both languages, departments, parts,
    figures, repairs and a permalink."""
    info = library.info(clause.doc_id)
    zh_label, en_label = clause_label(clause)
    lang = ui_lang
    title = clause.title if lang == "zh" else (clause.title_en or clause.title)
    group = " › ".join(clause.group_path if lang == "zh" else (clause.group_path_en or clause.group_path))
    rows = [f"<h3>{escape(document_name(info, 'zh'))}{escape(zh_label)} / {escape(en_label)} — {escape(title)}</h3>",
            f'<div class="status">{escape(status_line(info, lang))}</div>',
            f'<div class="group">{escape(group)}</div>',
            f'<div class="zh" lang="zh">{escape(clause.text_zh).replace(chr(10), "<br>")}</div>',
            f'<div class="en" lang="en"><small>{escape(t("english_rendering", lang))}</small><br>'
            f'{escape(clause.text_en or "—")}</div>']
    for key, names in (("col_lead", clause.leads), ("col_cooperate", clause.cooperates)):
        if names:
            items = "、".join(f"{n} ({library.department_english(n)})" for n in names)
            rows.append(f"<div><b>{escape(t(key, lang))}:</b> {escape(items)}</div>")
    # Bodies one can turn to (受理投诉部门) apart from the parties a clause binds (事业单位, 金融机构).
    for key, names in (("named", [b for b in clause.bodies if library.bodies[b].contact]),
                       ("parties", [b for b in clause.bodies if not library.bodies[b].contact])):
        if names:
            rows.append(f"<div><b>{escape(t(key, lang))}:</b> "
                        f"{escape('、'.join(f'{b} ({library.bodies[b].english})' for b in names))}</div>")
    if clause.parts:
        items = "".join(f"<li><b>{escape(p.label)} / {escape(p.label_en)}</b>: {escape(p.text_zh)}"
                        f"<br><small>{escape(p.text_en)}</small></li>" for p in clause.parts)
        rows.append(f"<div><b>{escape(t('parts', lang))}:</b><ul>{items}</ul></div>")
    if clause.targets:
        items = "".join(f"<li>{escape(x.value)} — {escape(x.measures)}{escape(' (' + x.deadline + ')') if x.deadline else ''}</li>"
                        for x in clause.targets)
        rows.append(f"<div><b>{escape(t('figures', lang))}:</b><ul>{items}</ul></div>")
    repairs = [r for r in library.document(clause.doc_id).repairs if r.id in clause.repairs]
    if repairs:
        items = "".join(f"<li>{escape(r.original)} → {escape(r.corrected)} ({escape(r.reason)})</li>" for r in repairs)
        rows.append(f"<div><b>{escape(t('repairs', lang))}:</b><ul>{items}</ul></div>")
    link = clause_url(clause.id, lang)
    rows.append(f'<div class="permalink"><a href="{escape(link)}">{escape(t("permalink", lang))}</a></div>')
    return "".join(rows)
