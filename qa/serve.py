"""Serve stage: the Gradio web app (bilingual chat + clause browser + feedback).

``build_app(assistant, store)`` makes the Blocks; ``launch(...)`` starts it with safe defaults:
127.0.0.1, no share link, no SSR, a bounded queue with API calls kept inside it, no monitoring
route, no file routes beyond the app's own assets. API endpoints: ``/chat``, ``/ask``,
``/lookup``, ``/feedback``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import gradio as gr

from qa.answer import Answer
from qa.assistant import Assistant
from qa.citation import citation_text
from qa.errors import FeedbackError, QAError
from qa.feedback import FeedbackStore
from qa.lookup import find_clause_references, resolve_clause_id
from qa.normalize import MAX_QUESTION_CHARS, normalize
from qa.render import answer_html, clause_detail_html, escape

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
ALL = "全部 All"
LANG_CHOICES = ["自动 Auto", "中文", "English"]
EXAMPLES = ["研发投入能税前抵扣吗？", "我想找担保公司帮忙贷款，政府有支持吗？", "市科技局负责哪些措施？", "第十二条",
            "Can I get a loan guarantee?", "How much funding does a national-level technology centre get?",
            "Which measures does the Science and Technology Bureau lead?"]
CSS = """
.cite { border: 1px solid #d0d7de; border-radius: 8px; padding: 6px 10px; margin: 6px 0; background: #fafbfc; }
.cite summary { cursor: pointer; }
.cite .group { color: #57606a; font-size: 0.85em; margin: 4px 0; }
.cite .zh, .cite .en { margin: 6px 0; line-height: 1.6; }
mark { background: #fff3b0; padding: 0 2px; }
.contact { margin: 6px 0; font-weight: 600; }
.notice { color: #9a3412; }
"""
HEADERS = ["编号 No.", "条款 ID", "分组 Group", "标题 Title", "牵头部门 Lead"]


def _lang(choice: str | None) -> str | None:
    return {"中文": "zh", "English": "en"}.get(choice or "")


def _user_bubble(message: str) -> str:
    shown = message if len(message) <= 300 else message[:300] + f"… ({len(message):,} characters)"
    return escape(shown)


def build_app(assistant: Assistant, store: FeedbackStore) -> gr.Blocks:
    corpus = assistant.corpus
    clause_rows = [[c.number if c.number is not None else "", c.id, " › ".join(c.group_path) or "—", c.title,
                    "、".join(c.leads)] for c in corpus.clauses]
    groups = [ALL] + list(dict.fromkeys(c.group_path[-1] for c in corpus.clauses if c.group_path))
    departments = [ALL] + list(corpus.departments)
    valid_ids = frozenset(corpus.ids)
    # Normalised once: the clause browser filters on every keystroke.
    searchable = [(c.id, tuple(normalize(f) for f in (c.text_zh, c.text_en, c.title, *c.leads, *c.cooperates)))
                  for c in corpus.clauses]

    def ask_api(question: str, ui_lang: str) -> dict:
        answer = _safe_ask(question, ui_lang)
        data = answer.to_dict()
        data["html"] = answer_html(answer, corpus)
        return data

    def _safe_ask(question: str, ui_lang: str | None) -> Answer:
        try:
            return assistant.ask(question if isinstance(question, str) else "", lang=_lang(ui_lang))
        except QAError as e:  # never a stack trace in the browser
            log.warning("ask failed: %s", e)
            return Answer(question=str(question)[:200], lang="zh", status="invalid", abstained=True, answer=str(e))

    def chat(message: str, history: list | None, ui_lang: str):
        history = list(history or [])
        message = message if isinstance(message, str) else ""
        answer = _safe_ask(message, ui_lang)
        history += [{"role": "user", "content": _user_bubble(message)},
                    {"role": "assistant", "content": answer_html(answer, corpus)}]
        # "Not stated" quotes nothing, but the clause it points to is still what a hotline copies.
        cited = [c.clause_id for c in answer.citations] or list(answer.suggestions[:1] if answer.status == "not_stated"
                                                                 else [])
        last = {"question": message[:MAX_QUESTION_CHARS], "lang": answer.lang, "status": answer.status,
                "clause_ids": cited}
        cite = "\n\n".join(citation_text(corpus, corpus.clause(cid)) for cid in cited)
        return history, last, cite, "", "", gr.update(interactive=True), gr.update(interactive=True)

    def feedback(question: str, lang: str, clause_ids: str, rating: str, comment: str) -> str:
        """API endpoint: the caller rates an answer it holds; its status is not known here."""
        return _record(question, lang, clause_ids, rating, comment, answer_status="")

    def _record(question: str, lang: str, clause_ids: str, rating: str, comment: str, *, answer_status: str) -> str:
        value = {"up": 1, "down": -1, "👍": 1, "👎": -1}.get((rating or "").strip())
        if value is None:
            return "评分必须是 up 或 down / rating must be 'up' or 'down'"
        ids = [c for c in (clause_ids or "").replace(",", " ").split() if c in valid_ids]
        try:
            store.record(question=question or "", lang=lang if lang in ("zh", "en") else "zh", clause_ids=ids,
                         rating=value, comment=comment or "", answer_status=answer_status)
        except FeedbackError as e:
            log.error("%s", e)
            return "⚠️ 反馈未保存 / Feedback not saved — the answer above is unaffected."
        return "✅ 感谢反馈，已保存 / Thanks — feedback saved."

    def rate(last: dict | None, comment: str, rating: str):
        if not last:
            return "请先提问 / Ask a question first.", comment
        status = _record(last.get("question", ""), last.get("lang", "zh"), " ".join(last.get("clause_ids", [])),
                         rating, comment, answer_status=last.get("status", ""))
        return status, ""

    def filter_clauses(query: str, group: str, department: str) -> list[list]:
        text = normalize(query or "")[:200]
        wanted: set[str] | None = None
        if text:
            refs = find_clause_references(text, valid_ids)
            try:
                refs = refs or [resolve_clause_id(text, corpus.ids)]
            except QAError:
                pass
            wanted = set(refs)
            if not refs:
                wanted = {cid for cid, fields in searchable if any(text in f for f in fields)}
        rows = []
        for c, row in zip(corpus.clauses, clause_rows, strict=True):
            if wanted is not None and c.id not in wanted:
                continue
            if group and group != ALL and (not c.group_path or c.group_path[-1] != group):
                continue
            if department and department != ALL and department not in (*c.leads, *c.cooperates):
                continue
            rows.append(row)
        return rows

    def lookup(query: str) -> tuple[str, str, str]:
        """API for hotline staff: clause id/number/keyword -> (clause id, detail HTML, citation)."""
        rows = filter_clauses(query, ALL, ALL)
        if not rows:
            return "", "<p>没有匹配的条款 / No matching clause.</p>", ""
        clause = corpus.clause(rows[0][1])
        return clause.id, clause_detail_html(clause, corpus), citation_text(corpus, clause)

    def on_select(table, evt: gr.SelectData):
        try:
            row = evt.index[0] if isinstance(evt.index, (list, tuple)) else int(evt.index)
            clause_id = table.iloc[row, 1] if hasattr(table, "iloc") else table[row][1]
            clause = corpus.clause(str(clause_id))
        except (IndexError, KeyError, TypeError, ValueError):
            return "", ""
        return clause_detail_html(clause, corpus), citation_text(corpus, clause)

    with gr.Blocks(title="政策问答 · 广州民营经济工作方案") as demo:
        gr.Markdown(f"## 政策问答 Policy Q&A — 《{corpus.document.title}》（{corpus.document.doc_number}）\n"
                    "中文或英文提问，回答引用原文条款。Ask in Chinese or English; answers quote and cite the plan. "
                    "English renderings are unofficial translations.")
        with gr.Tab("问答 Ask", id="ask"):
            ui_lang = gr.Radio(LANG_CHOICES, value=LANG_CHOICES[0], label="回答语言 Answer language")
            chatbot = gr.Chatbot(label="对话 Chat", height=620, latex_delimiters=[], sanitize_html=True,
                                 elem_id="chat")
            with gr.Row():
                box = gr.Textbox(placeholder="例如：研发投入能税前抵扣吗？ / e.g. Can I get a loan guarantee?",
                                 max_length=MAX_QUESTION_CHARS, show_label=False, scale=5, elem_id="question",
                                 submit_btn=False)
                send = gr.Button("提问 Ask", variant="primary", scale=1, elem_id="send")
            gr.Examples(EXAMPLES, inputs=box, label="示例 Examples")
            cite_box = gr.Textbox(label="引用（可复制） Citation — copy", lines=2, interactive=False,
                                  buttons=["copy"], elem_id="citation")
            with gr.Row():
                comment = gr.Textbox(placeholder="可选评论 Optional comment", show_label=False, scale=4,
                                     max_length=2000, elem_id="comment")
                up = gr.Button("👍 有用 Helpful", scale=1, interactive=False, elem_id="thumbs-up")
                down = gr.Button("👎 没用 Not helpful", scale=1, interactive=False, elem_id="thumbs-down")
            feedback_status = gr.Markdown(elem_id="feedback-status")
            last = gr.JSON(visible=False)
            outputs = [chatbot, last, cite_box, box, feedback_status, up, down]
            send.click(chat, [box, chatbot, ui_lang], outputs, api_name="chat")
            box.submit(chat, [box, chatbot, ui_lang], outputs, api_visibility="private")
            up.click(lambda lst, c: rate(lst, c, "up"), [last, comment], [feedback_status, comment],
                     api_visibility="private")
            down.click(lambda lst, c: rate(lst, c, "down"), [last, comment], [feedback_status, comment],
                       api_visibility="private")
        with gr.Tab("条款浏览 Clauses", id="clauses"):
            with gr.Row():
                search = gr.Textbox(label="搜索：关键词或条款号（第12条 / measure 12） Search", scale=3,
                                    max_length=200, elem_id="clause-search")
                group = gr.Dropdown(groups, value=ALL, label="分组 Group", scale=2)
                dept = gr.Dropdown(departments, value=ALL, label="部门 Department", scale=2)
            table = gr.Dataframe(value=clause_rows, headers=HEADERS, interactive=False, wrap=True,
                                 elem_id="clause-table")
            detail = gr.HTML(elem_id="clause-detail")
            detail_cite = gr.Textbox(label="引用（可复制） Citation — copy", lines=2, interactive=False,
                                     buttons=["copy"])
            for control in (search, group, dept):
                control.change(filter_clauses, [search, group, dept], table, api_visibility="private")
            table.select(on_select, [table], [detail, detail_cite], api_visibility="private")
        # API-only endpoints (no visible component needed).
        api_q, api_lang, api_out = gr.Textbox(visible=False), gr.Textbox(visible=False), gr.JSON(visible=False)
        gr.Button(visible=False).click(ask_api, [api_q, api_lang], api_out, api_name="ask")
        lk_in, lk_id, lk_html, lk_cite = (gr.Textbox(visible=False), gr.Textbox(visible=False), gr.HTML(visible=False),
                                          gr.Textbox(visible=False))
        gr.Button(visible=False).click(lookup, [lk_in], [lk_id, lk_html, lk_cite], api_name="lookup")
        fb = [gr.Textbox(visible=False) for _ in range(5)]
        fb_out = gr.Textbox(visible=False)
        gr.Button(visible=False).click(feedback, fb, fb_out, api_name="feedback")
    return demo


def launch(assistant: Assistant, store: FeedbackStore, *, host: str = "127.0.0.1", port: int = 7860,
           auth: tuple[str, str] | None = None, block: bool = True, concurrency: int | None = None):
    """Start the app with the safe defaults; returns (demo, url)."""
    demo = build_app(assistant, store)
    demo.queue(default_concurrency_limit=concurrency or os.cpu_count() or 2, max_size=64, api_open=False)
    index_dir = assistant.index.folder.parent
    blocked = [str(p) for p in (index_dir, store.path.parent, ROOT / "data", ROOT / "index", ROOT / "corpus",
                                ROOT / "evaluation", ROOT / "qa", ROOT / "tests", ROOT / "pyproject.toml")]
    _app, url, _share = demo.launch(server_name=host, server_port=port, share=False, ssr_mode=False,
                                    enable_monitoring=False, allowed_paths=[], blocked_paths=blocked,
                                    auth=auth, auth_message="Staff login / 工作人员登录" if auth else None,
                                    prevent_thread_lock=not block, css=CSS, quiet=not block, show_error=False,
                                    footer_links=["api"], max_file_size="1mb")
    return demo, url
