"""Serve stage: the Gradio web app — conversations, per-answer feedback, clause browser, documents.

``build_app(assistant, store)`` makes the Blocks; ``launch(...)`` starts it with safe defaults:
127.0.0.1, no share link, no SSR, a bounded queue with API calls kept inside it, no monitoring route.

- Chat: each question is asked with the conversation so far (``Assistant.ask(history=…)``); answers are
  Markdown (what the copy button copies), each with its own 👍/👎 stored as one row per answer.
  The conversation survives a reload (browser storage) and can be exported as Markdown.
- Links: ``?q=…`` asks a question (``&h=`` earlier questions, asked first; ``&doc=`` the scope), ``?clause=<id>``
  opens a clause, ``?lang=en`` opens the English UI.
- API endpoints: ``/ask`` (question, history, lang) -> answer dict; ``/lookup``; ``/feedback``.
- Every visible string comes from ``qa.serve.strings``.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path

import gradio as gr

from qa.answer.citation import citation_text, document_name, status_line
from qa.answer.handlers.documents import document_dates
from qa.answer.models import Answer
from qa.assistant import Assistant, Selection
from qa.errors import FeedbackError, QAError
from qa.normalize import MAX_QUESTION_CHARS
from qa.serve.browse import ClauseBrowser
from qa.serve.feedback import FeedbackStore, RateLimiter
from qa.serve.render import (
    LINK_HISTORY_TURNS,
    answer_markdown,
    clause_detail_html,
    clause_url,
    conversation_markdown,
    escape,
    user_markdown,
)
from qa.serve.strings import EXAMPLES, gradio_translations, t
from qa.understand.lookup import resolve_clause_id

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent.parent
CSS = """
#chat, #chat .bubble-wrap { overflow: visible !important; max-height: none !important; }
#doc-note, #library-note { font-size: 0.9em; color: #57606a; }
#clause-detail .status { color: #9a3412; font-weight: 600; margin: 4px 0; }
#clause-detail .group { color: #57606a; font-size: 0.9em; }
#clause-detail .zh, #clause-detail .en { margin: 8px 0; line-height: 1.6; }
#clause-table td { white-space: normal !important; }
.example-btn { font-size: 0.85em !important; }
@media (max-width: 480px) { .example-btn { min-width: 45% !important; } }
"""
# After an answer arrives, bring its first line into view (the page scrolls; the chat has no scroll box).
SCROLL_JS = """() => { setTimeout(() => {
  const bots = document.querySelectorAll('#chat [data-testid="bot"], #chat .message.bot, #chat .bot');
  const last = bots[bots.length - 1];
  if (last) { last.scrollIntoView({block: 'start', behavior: 'instant'}); window.scrollBy(0, -8); }
}, 60); }"""
LANG_LABELS = ["中文", "English"]


# Rows per page of the clause browser: all 398 rows at once took 30-45 s to draw under load (fresh user, session 29).
PAGE_ROWS = 50
REPEAT_WINDOW_S = 5.0  # seconds: the same question again in one conversation within this is a repeated submit


class RepeatGuard:
    """Remembers each conversation's last question and when it came, to drop a submit repeated at once.

    ``seen(conversation_id, question, context=…)`` is True for the same question in the same context (document
    choice, answer language) within ``REPEAT_WINDOW_S``; thread-safe, at most ``max_conversations`` remembered
    (the oldest forgotten first).
    """

    def __init__(self, max_conversations: int = 10_000) -> None:
        self._last: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()
        self._max = max_conversations

    def seen(self, conversation_id: str | None, question: str, *, context: tuple = ()) -> bool:
        if not conversation_id:
            return False
        now = time.monotonic()
        key = (question.strip(), *context)
        with self._lock:
            last = self._last.pop(conversation_id, None)
            self._last[conversation_id] = (key, now)
            while len(self._last) > self._max:
                self._last.pop(next(iter(self._last)))
        return last is not None and last[0] == key and now - last[1] < REPEAT_WINDOW_S


def _ui(choice: str | None) -> str:
    return "en" if choice == "English" else "zh"


def _answer_lang(choice: str | None) -> str | None:
    return {"zh": "zh", "en": "en"}.get(choice or "")


def _selection(choice: str | None) -> Selection | None:
    if not choice or choice == "all":
        return None
    if choice == "in_force":
        return Selection(statuses=("in_force",))
    if choice.startswith("level:"):
        return Selection(levels=(choice.split(":", 1)[1],))
    if choice.startswith("doc:"):
        return Selection(documents=(choice.split(":", 1)[1],))
    return None


def build_app(assistant: Assistant, store: FeedbackStore, *, feedback_per_minute: int = 30) -> gr.Blocks:
    """The Blocks of the app over one assistant and one feedback store."""
    library = assistant.library
    limiter = RateLimiter(per_minute=feedback_per_minute)  # the public /feedback API
    ui_limiter = RateLimiter(per_minute=2 * feedback_per_minute)  # 👍/👎 and comments in the page
    export_dir = Path(tempfile.mkdtemp(prefix="qa-export-"))
    browser = ClauseBrowser(library)

    # -- choices, localised -----------------------------------------------------------------
    def doc_choices(lang: str) -> list[tuple[str, str]]:
        out = [(t("all_documents", lang), "all"), (t("in_force_only", lang), "in_force"),
               (t("level_national", lang), "level:national"), (t("level_provincial", lang), "level:provincial"),
               (t("level_municipal", lang), "level:municipal")]
        for d in library.documents:
            name = document_name(d.info, lang, number=False)
            out.append((f"{name} — {d.info.status_label(lang)}", f"doc:{d.id}"))
        return out

    def doc_filter_choices(lang: str) -> list[tuple[str, str]]:
        return [(t("any", lang), "all")] + [(document_name(d.info, lang, number=False), d.id) for d in library.documents]

    def dept_choices(lang: str) -> list[tuple[str, str]]:
        return [(t("any", lang), "all")] + [(f"{n} · {d.english}", n) for n, d in library.departments.items()]

    def role_choices(lang: str) -> list[tuple[str, str]]:
        return [(t("role_any", lang), "any"), (t("role_lead", lang), "lead"), (t("role_cooperate", lang), "cooperate")]

    def answer_lang_choices(lang: str) -> list[tuple[str, str]]:
        return [(t("lang_auto", lang), ""), (t("lang_zh", lang), "zh"), (t("lang_en", lang), "en")]

    def scope_name(choice: str, lang: str) -> str:
        """The label of a document choice (a document's name, a level, the documents in force)."""
        return next((label.split(" — ")[0] for label, value in doc_choices(lang) if value == choice), choice)

    def in_choice(doc_id: str, choice: str) -> bool:
        """Is document ``doc_id`` within the document choice ``choice`` ("all", "in_force", "level:…", "doc:…"), as
        the assistant reads the choice?"""
        try:
            allowed = assistant.selected_documents(_selection(choice))
        except QAError:  # a choice no document matches: nothing is within it
            return False
        return allowed is None or doc_id in allowed

    def doc_note(choice: str, lang: str) -> str:
        if choice and choice.startswith("doc:") and library.has_document(choice[4:]):
            info = library.info(choice[4:])
            return t("doc_note", lang, name=document_name(info, lang), status=status_line(info, lang))
        if choice and choice != "all" and _selection(choice) is not None:
            # A group (Guangzhou's texts, those in force) is as narrowing as one document: the line above says so.
            n = sum(in_choice(d.id, choice) for d in library.documents)
            return t("group_note", lang, name=scope_name(choice, lang), n=n)
        return t("library_note", lang, n=len(library.documents))

    # -- chat ---------------------------------------------------------------------------------
    def messages(turns: list[dict]) -> list[dict]:
        out = []
        for turn in turns:
            out.append({"role": "user", "content": user_markdown(turn["question"])})
            out.append({"role": "assistant", "content": turn["markdown"]})
        return out

    repeats = RepeatGuard()

    def new_state(ui: str = "") -> dict:
        return {"conversation_id": uuid.uuid4().hex, "turns": [], "ui": ui}

    def ask(question: str, state: dict, ui: str, doc_choice: str, answer_lang: str, *,
            base: str = "") -> tuple[Answer, dict]:
        state = state if isinstance(state, dict) and isinstance(state.get("turns"), list) else new_state()
        state.setdefault("conversation_id", uuid.uuid4().hex)
        history = [turn.get("question", "") for turn in state["turns"] if isinstance(turn, dict)]
        try:
            answer = assistant.ask(question, history=history, lang=_answer_lang(answer_lang),
                                   selection=_selection(doc_choice))
        except QAError as e:  # never a stack trace in the browser
            log.warning("ask failed: %s", e)
            answer = Answer(question=question[:200], lang=ui, status="invalid", abstained=True, answer=str(e))
        markdown = answer_markdown(answer, library, ui_lang=ui, base=base, history=tuple(history), scope=doc_choice)
        if doc_choice and doc_choice != "all" and answer.status not in ("greeting", "empty", "invalid"):
            cited = list(dict.fromkeys(library.clause(c.clause_id).doc_id for c in answer.citations
                                       if library.has_clause(c.clause_id)))
            outside = [d for d in cited if not in_choice(d, doc_choice)]
            if outside:
                # "民营经济促进法什么时候施行？" asked within Guangzhou's texts: the law named is answered, and the
                # footnote says it lies outside the choice instead of claiming the answer came from within it.
                names = ("、" if ui == "zh" else "; ").join(document_name(library.info(d), ui, number=False) for d in outside)
                markdown += "\n\n" + t("scope_outside", ui, name=scope_name(doc_choice, ui), docs=names)
            else:
                markdown += "\n\n" + t("scope_footnote", ui, name=scope_name(doc_choice, ui))
        turn = {"question": question[:MAX_QUESTION_CHARS], "markdown": markdown,
                "clause_ids": list(dict.fromkeys([c.clause_id for c in answer.citations] + [i.clause_id for i in answer.items])),
                "status": answer.status, "lang": answer.lang,
                "answer_key": f"{state['conversation_id']}:{len(state['turns'])}"}
        state = {"conversation_id": state["conversation_id"], "turns": state["turns"][-49:] + [turn], "ui": ui}
        return answer, state

    def export_file(state: dict, ui: str) -> str | None:
        turns = state.get("turns", []) if isinstance(state, dict) else []
        if not turns:
            return None
        path = export_dir / f"conversation-{state.get('conversation_id', 'x')[:12]}.md"
        path.write_text(conversation_markdown(turns, ui_lang=ui), encoding="utf-8")
        return str(path)

    def chat(message: str, state: dict, ui_choice: str, doc_choice: str, answer_lang: str, request: gr.Request):
        ui = _ui(ui_choice)
        message = message if isinstance(message, str) else ""
        if not message.strip():  # nothing asked: say what to do instead of doing nothing
            gr.Warning(t("type_a_question", ui))  # a toast at the top, where the eye is; the status line keeps it
            state = state if isinstance(state, dict) and "turns" in state else new_state()
            return messages(state["turns"]), state, "", t("type_a_question", ui), gr.update(), gr.update()
        # The same question with another document choice or answer language is a new question (hotline staff
        # ask 第十二条 again after choosing another document).
        if repeats.seen(state.get("conversation_id") if isinstance(state, dict) else None, message,
                        context=(doc_choice, answer_lang)):
            # Enter pressed again before the answer came: the same question once, not five times (fresh user).
            return (gr.skip(),) * 6
        _answer, state = ask(message, state, ui, doc_choice, answer_lang, base=_base(request))
        # A question refused as too long stays in the box, to be shortened there (fresh user: it was cleared).
        keep = message if len(message) > MAX_QUESTION_CHARS else ""
        return chat_update(state), state, keep, "", gr.update(value=export_file(state, ui)), ""

    def chat_update(state: dict):
        """The chat's messages with each answer's 👍/👎 as the reader left it."""
        turns = state.get("turns", []) if isinstance(state, dict) else []
        return gr.update(value=messages(turns), feedback_value=[turn.get("rating") for turn in turns])

    def on_like(state: dict, ui_choice: str, data: gr.LikeData, request: gr.Request):
        ui = _ui(ui_choice)
        turns = state.get("turns", []) if isinstance(state, dict) else []
        index = data.index[0] if isinstance(data.index, list | tuple) else data.index
        turn_no = int(index) // 2 if index is not None else -1
        if not 0 <= turn_no < len(turns) or data.liked is None:
            return gr.update(), "", state
        if not ui_limiter.allow(_client(request)):
            return t("feedback_limited", ui), "", state
        turn = turns[turn_no]
        rating = 1 if data.liked is True or data.liked == "Like" else -1
        try:
            existing = store.has_answer(turn["answer_key"])
            store.record(question=turn["question"], lang=turn.get("lang", "zh"), clause_ids=turn.get("clause_ids", []),
                         rating=rating, answer_status=turn.get("status", ""), conversation_id=state["conversation_id"],
                         ui_lang=ui, answer_key=turn["answer_key"])
        except FeedbackError as e:
            log.error("%s", e)
            return t("feedback_failed", ui), "", state
        turn["rating"] = "Like" if rating == 1 else "Dislike"
        return t("feedback_updated" if existing else "feedback_saved", ui), turn["answer_key"], state

    def on_comment(comment: str, key: str, ui_choice: str, request: gr.Request):
        ui = _ui(ui_choice)
        if not key:
            return t("feedback_first", ui), comment
        if not (comment or "").strip():
            return t("comment_empty", ui), comment
        if not ui_limiter.allow(_client(request)):
            return t("feedback_limited", ui), comment
        try:
            saved = store.comment(answer_key=key, comment=comment or "")
        except FeedbackError as e:
            log.error("%s", e)
            return t("feedback_failed", ui), comment
        return (t("comment_saved", ui), "") if saved else (t("feedback_first", ui), comment)

    def new_conversation(ui_choice: str):
        # A new conversation starts afresh: all documents, the answer in the question's language (a scope or an
        # English answer carried over from the last conversation surprised the fresh users).
        lang = _ui(ui_choice)
        return [], new_state(lang), "", "", gr.update(value=None), "", "all", "", doc_note("all", lang)

    # -- clause browser -----------------------------------------------------------------------
    clause_rows = browser.rows

    def headers(lang: str) -> list[str]:
        return [t(k, lang) for k in ("col_clause", "col_title", "col_document", "col_lead", "col_cooperate", "col_id")]

    def clause_page(query: str, doc: str, dept: str, role: str, lang: str, page: int) -> tuple[list[list], int, int, str]:
        """One page of the clause browser, ``PAGE_ROWS`` rows: (rows, page shown (0-based, clamped), last page,
        the "rows 1–50 of 560" line, empty when everything fits on one page)."""
        rows = clause_rows(query, doc, dept, role, lang)
        last = max(0, (len(rows) - 1) // PAGE_ROWS)
        page = min(max(0, int(page or 0)), last)
        shown = rows[page * PAGE_ROWS:(page + 1) * PAGE_ROWS]
        label = t("page_rows", lang, first=page * PAGE_ROWS + 1, last=page * PAGE_ROWS + len(shown), n=len(rows)) \
            if last else ""
        return shown, page, last, label

    def pager(page: int, last: int, lang: str) -> tuple:
        """The previous/next buttons: shown only when there is more than one page, disabled at either end."""
        return (gr.update(visible=last > 0, interactive=page > 0, value=t("page_prev", lang)),
                gr.update(visible=last > 0, interactive=page < last, value=t("page_next", lang)))

    def filter_clauses(query: str, doc: str, dept: str, role: str, ui_choice: str):
        lang = _ui(ui_choice)
        rows, page, last, label = clause_page(query, doc, dept, role, lang, 0)
        return (gr.update(value=rows, headers=headers(lang)), ("" if rows else t("no_match", lang)), label, page,
                *pager(page, last, lang))

    def turn_page(step: int, query: str, doc: str, dept: str, role: str, ui_choice: str, page: int):
        lang = _ui(ui_choice)
        rows, page, last, label = clause_page(query, doc, dept, role, lang, (page or 0) + step)
        return gr.update(value=rows, headers=headers(lang)), label, page, *pager(page, last, lang)

    def open_clause(clause_id: str, ui_choice: str, request: gr.Request | None = None):
        lang = _ui(ui_choice)
        try:
            clause = library.clause(resolve_clause_id(clause_id or "", library))
        except (QAError, KeyError):
            return f"<p>{escape(t('no_clause', lang))}</p>", "", ""
        link = clause_url(clause.id, lang, _base(request))
        return clause_detail_html(clause, library, ui_lang=lang), citation_text(library, clause), link

    def on_select(table, ui_choice: str, evt: gr.SelectData, request: gr.Request):
        try:
            row = evt.index[0] if isinstance(evt.index, list | tuple) else int(evt.index)
            clause_id = table.iloc[row, -1] if hasattr(table, "iloc") else table[row][-1]
        except (IndexError, KeyError, TypeError, ValueError):
            return gr.update(), "", "", ""
        detail, cite, link = open_clause(str(clause_id), ui_choice, request)
        return str(clause_id), detail, cite, link

    # -- documents ----------------------------------------------------------------------------
    def document_rows(lang: str) -> list[list]:
        rows = []
        for d in library.documents:
            info = d.info
            dates = document_dates(info, lang)
            rows.append([document_name(info, lang, number=False), info.level_label(lang), info.kind_label(lang),
                         status_line(info, lang), info.doc_number or t("unknown", lang), dates, _count(d, lang), info.id])
        return rows

    def _count(doc, lang: str) -> str:
        """How many clauses; a work plan's measures among them (46 clauses, 34 of them measures)."""
        measures = sum(c.kind == "measure" for c in doc.clauses)
        n = len(doc.clauses)
        return t("count_with_measures", lang, n=n, m=measures) if measures and measures != n else str(n)

    def document_headers(lang: str) -> list[str]:
        return [t(k, lang) for k in ("col_document", "col_level", "col_kind", "col_status", "col_number", "col_dates",
                                     "col_count", "col_id")]

    # -- API ----------------------------------------------------------------------------------
    def ask_api(question: str, history: object, lang: str) -> dict:
        """API: ``(question, history, lang)``; history = earlier questions (list of str), lang = zh, en or ''."""
        question = question if isinstance(question, str) else ""
        hist = history if isinstance(history, list) else []
        ui = lang if lang in ("zh", "en") else "zh"
        try:
            answer = assistant.ask(question, history=hist, lang=lang if lang in ("zh", "en") else None)
        except QAError as e:
            answer = Answer(question=question[:200], lang=ui, status="invalid", abstained=True, answer=str(e))
        data = answer.to_dict()
        data["markdown"] = answer_markdown(answer, library, ui_lang=answer.lang)
        return data

    def lookup_api(query: str) -> tuple[str, str, str]:
        """API for hotline staff: clause id / number / keyword -> (clause id, detail HTML, citation)."""
        rows = clause_rows(query if isinstance(query, str) else "", "all", "all", "any", "zh")
        if not rows:
            return "", f"<p>{escape(t('no_match', 'zh'))} / {escape(t('no_match', 'en'))}</p>", ""
        clause = library.clause(rows[0][-1])
        return clause.id, clause_detail_html(clause, library, ui_lang="zh"), citation_text(library, clause)

    def feedback_api(question: str, lang: str, clause_ids: str, rating: str, comment: str, request: gr.Request) -> str:
        """API: the caller rates an answer it holds (rate-limited per client)."""
        value = {"up": 1, "down": -1, "👍": 1, "👎": -1}.get((rating or "").strip() if isinstance(rating, str) else "")
        if value is None:
            return "评分必须是 up 或 down / rating must be 'up' or 'down'"
        if not limiter.allow(_client(request)):
            log.warning("feedback rate limit reached for %s", _client(request))
            return f"{t('feedback_limited', 'zh')} / {t('feedback_limited', 'en')}"
        ids = [c for c in (clause_ids or "").replace(",", " ").split() if library.has_clause(c)] if isinstance(
            clause_ids, str) else []
        try:
            store.record(question=question if isinstance(question, str) else "", lang=lang if lang in ("zh", "en") else "zh",
                         clause_ids=ids, rating=value, comment=comment if isinstance(comment, str) else "",
                         answer_status="", ui_lang="api")
        except FeedbackError as e:
            log.error("%s", e)
            return f"{t('feedback_failed', 'zh')} / {t('feedback_failed', 'en')}"
        return f"{t('feedback_saved', 'zh')} / {t('feedback_saved', 'en')}"

    # -- layout -------------------------------------------------------------------------------
    zh = "zh"
    with gr.Blocks(title=t("page_title", zh)) as demo:
        # No conversation id in the default: a default is built once and would be every new browser's id, so one
        # visitor's 👍 would overwrite another's row. ``on_load`` gives each browser its own.
        state = gr.BrowserState({"turns": [], "ui": ""}, storage_key="zhengce-qa-conversation")
        rated_key = gr.State("")
        with gr.Row():
            heading = gr.Markdown(t("heading", zh) + "\n\n" + t("intro", zh), elem_id="heading")
            ui_lang = gr.Radio(LANG_LABELS, value=LANG_LABELS[0], label=t("ui_language", zh), elem_id="ui-lang", scale=0,
                               min_width=180)
        with gr.Tabs(selected="ask") as tabs:
            with gr.Tab(t("tab_ask", zh), id="ask") as tab_ask:
                with gr.Row():
                    doc_select = gr.Dropdown(doc_choices(zh), value="all", label=t("documents_label", zh), scale=3,
                                             elem_id="doc-select")
                    answer_lang = gr.Radio(answer_lang_choices(zh), value="", label=t("answer_language", zh), scale=2,
                                           elem_id="answer-lang")
                note = gr.Markdown(doc_note("all", zh), elem_id="doc-note")
                chatbot = gr.Chatbot(label=t("chat_label", zh), show_label=False, elem_id="chat", buttons=["copy"],
                                     latex_delimiters=[],
                                     sanitize_html=True, height="auto", min_height=160,
                                     placeholder=t("chat_placeholder", zh),
                                     autoscroll=False, group_consecutive_messages=False)
                with gr.Row(equal_height=True):
                    # Ten times the limit: a long paste reaches the assistant, which says how long it is and that it
                    # is too long, instead of the browser cutting it without a word.
                    box = gr.Textbox(placeholder=t("question_placeholder", zh), max_length=10 * MAX_QUESTION_CHARS,
                                     show_label=False, scale=5, elem_id="question", submit_btn=False, lines=1)
                    send = gr.Button(t("send", zh), variant="primary", scale=1, min_width=80, elem_id="send")
                examples_label = gr.Markdown(t("examples", zh), elem_id="examples-label")
                with gr.Row():
                    example_buttons = [gr.Button(q, size="sm", elem_classes=["example-btn"], elem_id=f"example-{i}")
                                       for i, q in enumerate(EXAMPLES[zh])]
                with gr.Row():
                    new_conv = gr.Button(t("new_conversation", zh), size="sm", elem_id="new-conversation")
                    export = gr.DownloadButton(t("export", zh), size="sm", elem_id="export", value=None)
                with gr.Row():
                    comment = gr.Textbox(label=t("comment_label", zh), placeholder=t("comment_placeholder", zh),
                                         max_length=2000, scale=4, elem_id="comment")
                    save_comment = gr.Button(t("save_comment", zh), scale=1, elem_id="save-comment")
                feedback_status = gr.Markdown(elem_id="feedback-status")
            with gr.Tab(t("tab_clauses", zh), id="clauses") as tab_clauses:
                with gr.Row():
                    search = gr.Textbox(label=t("search_clauses", zh), max_length=200, scale=3, elem_id="clause-search")
                    doc_filter = gr.Dropdown(doc_filter_choices(zh), value="all", label=t("document_filter", zh), scale=2,
                                             elem_id="doc-filter")
                    dept = gr.Dropdown(dept_choices(zh), value="all", label=t("department_filter", zh), scale=2,
                                       allow_custom_value=True, filterable=True, elem_id="dept-filter")
                    role = gr.Radio(role_choices(zh), value="any", label=t("role_filter", zh), scale=2, elem_id="role-filter")
                clause_id = gr.Textbox(label=t("clause_id", zh), max_length=200, elem_id="clause-id")
                detail = gr.HTML(elem_id="clause-detail")
                with gr.Row():
                    permalink = gr.Textbox(label=t("permalink", zh), interactive=False, buttons=["copy"], elem_id="permalink")
                    detail_cite = gr.Textbox(label=t("citation_copy", zh), lines=2, interactive=False, buttons=["copy"],
                                             elem_id="citation")
                no_rows = gr.Markdown(elem_id="no-rows")
                first_rows, _, last_page, first_label = clause_page("", "all", "all", "any", zh, 0)
                page = gr.State(0)
                with gr.Row():
                    page_prev = gr.Button(t("page_prev", zh), interactive=False, visible=last_page > 0, size="sm",
                                          scale=0, elem_id="page-prev")
                    page_label = gr.Markdown(first_label, elem_id="page-label")
                    page_next = gr.Button(t("page_next", zh), visible=last_page > 0, size="sm", scale=0, elem_id="page-next")
                table = gr.Dataframe(value=first_rows, headers=headers(zh), interactive=False,
                                     wrap=True, elem_id="clause-table", max_height=100_000,  # a page is drawn whole
                                     column_widths=["8%", "30%", "18%", "12%", "12%", "20%"])
            with gr.Tab(t("tab_documents", zh), id="documents") as tab_docs:
                # Fixed shares so the status column stays on screen with the long English titles (fresh-user finding).
                docs_table = gr.Dataframe(value=document_rows(zh), headers=document_headers(zh), interactive=False,
                                          wrap=True, elem_id="documents-table", max_height=100_000,  # every row shown
                                          column_widths=["22%", "8%", "10%", "22%", "9%", "17%", "5%", "7%"])
                library_note = gr.Markdown(t("library_note", zh, n=len(library.documents)), elem_id="library-note")

        # Events.
        chat_inputs = [box, state, ui_lang, doc_select, answer_lang]
        # A new question clears the rated answer: a comment saved after it must not land on an older answer.
        chat_outputs = [chatbot, state, box, feedback_status, export, rated_key]
        # The box is locked while an answer is on its way: a question typed then was cleared with the answer and
        # lost without a word (fresh-user finding); a locked box shows the user to wait.
        def lock():
            return gr.Textbox(interactive=False)

        def unlock():
            return gr.Textbox(interactive=True)

        for trigger, inputs in ((send.click, chat_inputs), (box.submit, chat_inputs),
                                *((b.click, [b, state, ui_lang, doc_select, answer_lang]) for b in example_buttons)):
            trigger(lock, None, box, queue=False, api_visibility="private").then(
                chat, inputs, chat_outputs, api_visibility="private").then(
                unlock, None, box, queue=False, api_visibility="private").then(None, js=SCROLL_JS)
        chatbot.like(on_like, [state, ui_lang], [feedback_status, rated_key, state], api_visibility="private")
        save_comment.click(on_comment, [comment, rated_key, ui_lang], [feedback_status, comment], api_visibility="private")
        # An empty conversation has no file to download: the button says so instead of doing nothing.
        export.click(lambda st, ui: gr.update() if isinstance(st, dict) and st.get("turns") else t("export_empty", _ui(ui)),
                     [state, ui_lang], [feedback_status], api_visibility="private")
        fresh = [chatbot, state, box, feedback_status, export, rated_key, doc_select, answer_lang, note]
        new_conv.click(new_conversation, [ui_lang], fresh, api_visibility="private")
        chatbot.clear(new_conversation, [ui_lang], fresh, api_visibility="private")
        doc_select.change(lambda c, u: doc_note(c, _ui(u)), [doc_select, ui_lang], note, api_visibility="private")
        for control in (search, doc_filter, dept, role):
            control.change(filter_clauses, [search, doc_filter, dept, role, ui_lang],
                           [table, no_rows, page_label, page, page_prev, page_next], api_visibility="private")
        for button, step in ((page_prev, -1), (page_next, 1)):
            button.click(lambda *args, step=step: turn_page(step, *args), [search, doc_filter, dept, role, ui_lang, page],
                         [table, page_label, page, page_prev, page_next], api_visibility="private")
        table.select(on_select, [table, ui_lang], [clause_id, detail, detail_cite, permalink], api_visibility="private")
        clause_id.submit(open_clause, [clause_id, ui_lang], [detail, detail_cite, permalink], api_visibility="private")

        relabel_outputs = [heading, tab_ask, tab_clauses, tab_docs, doc_select, answer_lang, note, chatbot, box, send,
                           examples_label, *example_buttons, new_conv, export, comment, save_comment, search, doc_filter,
                           dept, role, table, clause_id, permalink, detail_cite, docs_table, library_note, ui_lang,
                           page_label, page, page_prev, page_next]

        def relabel(ui_choice: str, doc_choice: str, query: str, doc: str, dep: str, rol: str, turns_state: dict,
                    current_page: int):
            lang = _ui(ui_choice)
            rows, shown_page, last, label = clause_page(query, doc, dep, rol, lang, current_page)
            updates = [t("heading", lang) + "\n\n" + t("intro", lang), gr.Tab(label=t("tab_ask", lang)),
                       gr.Tab(label=t("tab_clauses", lang)), gr.Tab(label=t("tab_documents", lang)),
                       gr.update(choices=doc_choices(lang), label=t("documents_label", lang)),
                       gr.update(choices=answer_lang_choices(lang), label=t("answer_language", lang)),
                       doc_note(doc_choice, lang),
                       gr.update(label=t("chat_label", lang), placeholder=t("chat_placeholder", lang)),
                       gr.update(placeholder=t("question_placeholder", lang)), gr.update(value=t("send", lang)),
                       t("examples", lang)]
            updates += [gr.update(value=q) for q in EXAMPLES[lang]]
            updates += [gr.update(value=t("new_conversation", lang)), gr.update(label=t("export", lang)),
                        gr.update(label=t("comment_label", lang), placeholder=t("comment_placeholder", lang)),
                        gr.update(value=t("save_comment", lang)), gr.update(label=t("search_clauses", lang)),
                        gr.update(choices=doc_filter_choices(lang), label=t("document_filter", lang)),
                        gr.update(choices=dept_choices(lang), label=t("department_filter", lang)),
                        gr.update(choices=role_choices(lang), label=t("role_filter", lang)),
                        gr.update(value=rows, headers=headers(lang)),
                        gr.update(label=t("clause_id", lang)), gr.update(label=t("permalink", lang)),
                        gr.update(label=t("citation_copy", lang)),
                        gr.update(value=document_rows(lang), headers=document_headers(lang)),
                        t("library_note", lang, n=len(library.documents)), gr.update(label=t("ui_language", lang)),
                        label, shown_page, *pager(shown_page, last, lang)]
            return updates

        relabel_inputs = [ui_lang, doc_select, search, doc_filter, dept, role, state, page]
        ui_lang.change(relabel, relabel_inputs, relabel_outputs, api_visibility="private").then(
            lambda u, st: {**(st if isinstance(st, dict) else new_state()), "ui": _ui(u)}, [ui_lang, state], [state],
            api_visibility="private")

        def on_load(turns_state: dict, request: gr.Request):
            """Restore the conversation; apply ?lang=, ?clause= and ?q= (each shown as text, never run as markup)."""
            params = dict(request.query_params) if request is not None else {}
            lang_param = (params.get("lang") or "").strip().lower()
            stored = turns_state.get("ui") if isinstance(turns_state, dict) else ""
            lang = "en" if lang_param == "en" or (not lang_param and stored == "en") else "zh"
            notice = t("bad_lang_link", lang) if lang_param and lang_param not in ("zh", "en") else ""
            state_value = turns_state if isinstance(turns_state, dict) and isinstance(turns_state.get("turns"), list) \
                else new_state()
            if not state_value.get("conversation_id") or not state_value["turns"]:
                state_value = {**state_value, "conversation_id": uuid.uuid4().hex}
            tab = gr.update()
            detail_html, cite_text, link = gr.update(), gr.update(), gr.update()
            clause_param = params.get("clause")
            search_value = gr.update()
            if clause_param:
                tab = gr.Tabs(selected="clauses")
                detail_html, cite_text, link = open_clause(clause_param[:200], LANG_LABELS[1] if lang == "en" else LANG_LABELS[0],
                                                           request)
                if not cite_text:
                    detail_html = f"<p>{escape(t('bad_clause_link', lang, value=clause_param[:200]))}</p>"
                else:
                    search_value = link.split("?clause=", 1)[1].split("&", 1)[0]  # the table shows just this clause
            question = params.get("q")
            export_value, scope_value = gr.update(), gr.update()
            if question:
                state_value = new_state()
                # A follow-up's link: its earlier questions asked again first (shown, so the context is seen), in the
                # scope the link names (an unknown one is all documents).
                scope = params.get("doc") or "all"
                scope = scope if scope in {value for _label, value in doc_choices(lang)} else "all"
                for earlier in (params.get("h") or "").split("\n")[-LINK_HISTORY_TURNS:]:
                    if earlier.strip():
                        _answer, state_value = ask(earlier, state_value, lang, scope, "", base=_base(request))
                _answer, state_value = ask(question, state_value, lang, scope, "", base=_base(request))
                scope_value = gr.update(value=scope)  # later questions keep the link's scope
                export_value = gr.update(value=export_file(state_value, lang))
            state_value["ui"] = lang
            return (chat_update(state_value), state_value, tab, detail_html, cite_text, link,
                    LANG_LABELS[1] if lang == "en" else LANG_LABELS[0], notice, export_value, search_value, scope_value)

        demo.load(on_load, [state], [chatbot, state, tabs, detail, detail_cite, permalink, ui_lang, feedback_status,
                                     export, search, doc_select], api_visibility="private").then(None, js=SCROLL_JS)

        # API-only endpoints (no visible component needed).
        api_q, api_hist, api_lang, api_out = (gr.Textbox(visible=False), gr.JSON(visible=False), gr.Textbox(visible=False),
                                              gr.JSON(visible=False))
        gr.Button(visible=False).click(ask_api, [api_q, api_hist, api_lang], api_out, api_name="ask")
        lk_in, lk_id, lk_html, lk_cite = (gr.Textbox(visible=False), gr.Textbox(visible=False), gr.HTML(visible=False),
                                          gr.Textbox(visible=False))
        gr.Button(visible=False).click(lookup_api, [lk_in], [lk_id, lk_html, lk_cite], api_name="lookup")
        fb = [gr.Textbox(visible=False) for _ in range(5)]
        fb_out = gr.Textbox(visible=False)
        gr.Button(visible=False).click(feedback_api, fb, fb_out, api_name="feedback")
    return demo


def _base(request: gr.Request | None) -> str:
    """The app's own address (from the page that sent the request), so copied links work outside the app."""
    try:
        referer = request.headers.get("referer", "") if request is not None else ""
    except AttributeError:
        return ""
    if not referer.startswith(("http://", "https://")):
        return ""
    return referer.split("?", 1)[0].split("#", 1)[0]


def _client(request: gr.Request | None) -> str:
    try:
        return request.client.host if request is not None and request.client else "unknown"
    except AttributeError:
        return "unknown"


def launch(assistant: Assistant, store: FeedbackStore, *, host: str = "127.0.0.1", port: int = 7860,
           auth: tuple[str, str] | None = None, block: bool = True, concurrency: int | None = None):
    """Start the app with the safe defaults; returns (demo, url)."""
    demo = build_app(assistant, store)
    demo.queue(default_concurrency_limit=concurrency or os.cpu_count() or 2, max_size=64, api_open=False)
    index_dir = assistant.index.folder.parent
    db = store.path
    blocked = [str(p) for p in (index_dir, db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"),
                                ROOT / "data", ROOT / "index", ROOT / "corpus", ROOT / "evaluation", ROOT / "qa",
                                ROOT / "tests", ROOT / "pyproject.toml")]
    _app, url, _share = demo.launch(server_name=host, server_port=port, share=False, ssr_mode=False,
                                    enable_monitoring=False, allowed_paths=[], blocked_paths=blocked,
                                    auth=auth, auth_message="Staff login / 工作人员登录" if auth else None,
                                    prevent_thread_lock=not block, css=CSS, quiet=not block, show_error=False,
                                    footer_links=["api"], max_file_size="1mb",
                                    i18n=gr.I18n(**gradio_translations()))
    return demo, url
