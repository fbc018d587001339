"""Every string the web app shows, in Chinese and English: one table, one lookup.

``t("send", "en") == "Ask"``. ``tests/serve/test_strings.py`` fails if a key lacks either language.
Quoted source text is not here: it stays Chinese, with its English rendering beside it.
"""

from __future__ import annotations

LANGS = ("zh", "en")

STRINGS: dict[str, dict[str, str]] = {
    "page_title": {"zh": "政策问答 · 中小企业与民营经济政策法规", "en": "Policy Q&A · SME and private-economy law"},
    "heading": {"zh": "## 政策问答：中小企业与民营经济政策法规", "en": "## Policy Q&A: SME and private-economy laws and regulations"},
    "intro": {"zh": "中文或英文提问，回答引用原文条款并注明出处和是否现行有效。英文为非官方译文，以中文原文为准。",
              "en": "Ask in Chinese or English. Answers quote and cite the text and say whether it is in force. "
                    "The English renderings are unofficial; the Chinese text is authoritative."},
    "ui_language": {"zh": "界面语言", "en": "Interface language"},
    "tab_ask": {"zh": "问答", "en": "Ask"},
    "tab_clauses": {"zh": "条款浏览", "en": "Clauses"},
    "tab_documents": {"zh": "文件", "en": "Documents"},
    "documents_label": {"zh": "查询范围", "en": "Search in"},
    "all_documents": {"zh": "全部文件", "en": "All documents"},
    "in_force_only": {"zh": "仅现行有效的文件", "en": "Documents in force only"},
    "level_national": {"zh": "国家法律法规", "en": "National laws and regulations"},
    "level_provincial": {"zh": "广东省法规", "en": "Guangdong provincial regulations"},
    "level_municipal": {"zh": "广州市法规和文件", "en": "Guangzhou municipal regulations and plans"},
    "answer_language": {"zh": "回答语言", "en": "Answer language"},
    "lang_auto": {"zh": "跟随问题", "en": "Same as question"},
    "lang_zh": {"zh": "中文", "en": "Chinese"},
    "lang_en": {"zh": "英文", "en": "English"},
    "chat_label": {"zh": "对话", "en": "Conversation"},
    "chat_placeholder": {"zh": "提问后，回答会显示在这里：先给直接答案，再引用原文和出处。",
                         "en": "Answers appear here: the direct answer first, then the quoted text and its citation."},
    "question_placeholder": {"zh": "例如：大企业拖欠货款，最长多少天必须付？", "en": "e.g. How soon must a large company pay an SME?"},
    "send": {"zh": "提问", "en": "Ask"},
    "examples": {"zh": "试试这些问题（点击即提问）", "en": "Try these (click to ask)"},
    "new_conversation": {"zh": "新对话", "en": "New conversation"},
    "export": {"zh": "导出对话（Markdown）", "en": "Export conversation (Markdown)"},
    "export_empty": {"zh": "还没有可导出的对话：先提一个问题。", "en": "Nothing to export yet: ask a question first."},
    "comment_label": {"zh": "对刚才评价的回答补充意见（可选）", "en": "Comment on the answer you just rated (optional)"},
    "comment_placeholder": {"zh": "先点回答下方的 👍 或 👎，再写意见", "en": "Rate an answer with 👍 or 👎 first, then comment"},
    "save_comment": {"zh": "保存意见", "en": "Save comment"},
    "feedback_saved": {"zh": "✅ 已记录，感谢反馈。", "en": "✅ Recorded — thank you."},
    "feedback_updated": {"zh": "✅ 已更新这条回答的评价。", "en": "✅ Your rating of that answer was updated."},
    "feedback_failed": {"zh": "⚠️ 反馈未保存，回答不受影响。", "en": "⚠️ Feedback not saved — the answers are unaffected."},
    "comment_saved": {"zh": "✅ 意见已保存。", "en": "✅ Comment saved."},
    "type_a_question": {"zh": "请先输入一个问题，例如：“大企业拖欠中小企业货款，多久必须付？”",
                        "en": "Type a question first, for example: “How soon must a large company pay an SME?”"},
    "comment_empty": {"zh": "请先写下意见再保存。", "en": "Write a comment first, then save it."},
    "feedback_first": {"zh": "请先用 👍 或 👎 评价一条回答。", "en": "Rate an answer with 👍 or 👎 first."},
    "feedback_limited": {"zh": "⚠️ 反馈太频繁，请稍后再试。", "en": "⚠️ Too much feedback at once; please try again in a minute."},
    "answer_pending": {"zh": "正在查找…", "en": "Looking it up…"},
    "contact": {"zh": "联系部门", "en": "Who to contact"},
    "lead": {"zh": "牵头", "en": "lead"},
    "cooperate": {"zh": "配合", "en": "cooperating"},
    "named": {"zh": "相关部门", "en": "bodies named"},
    "parties": {"zh": "涉及的主体", "en": "parties named"},
    "source": {"zh": "出处", "en": "Source"},
    "more_sources": {"zh": "另有{n}条", "en": "{n} more"},
    "quote": {"zh": "原文", "en": "Text"},
    "english_rendering": {"zh": "英文（非官方译文）", "en": "English (unofficial translation)"},
    "related": {"zh": "相关条款", "en": "Related clauses"},
    "nearest": {"zh": "最接近的条款", "en": "Nearest clauses"},
    "also_listed": {"zh": "列出的条款", "en": "Clauses listed"},
    "link_question": {"zh": "本问题链接", "en": "Link to this question"},
    "open_clause": {"zh": "打开条款", "en": "open"},
    "status_in_force": {"zh": "现行有效", "en": "in force"},
    "status_superseded": {"zh": "已失效", "en": "superseded"},
    "status_historical": {"zh": "历史文件", "en": "historical"},
    "unofficial": {"zh": "英文为非官方译文，以中文原文为准。", "en": "Unofficial English translation; the Chinese text is authoritative."},
    "search_clauses": {"zh": "搜索：关键词或条款号（第12条、measure 12）", "en": "Search: words or a clause number (第12条, measure 12)"},
    "document_filter": {"zh": "文件", "en": "Document"},
    "department_filter": {"zh": "部门（中文或英文名称）", "en": "Department (Chinese or English name)"},
    "role_filter": {"zh": "角色", "en": "Role"},
    "role_any": {"zh": "牵头或配合", "en": "Lead or cooperating"},
    "role_lead": {"zh": "牵头/负责", "en": "Lead"},
    "role_cooperate": {"zh": "配合", "en": "Cooperating"},
    "any": {"zh": "全部", "en": "All"},
    "col_document": {"zh": "文件", "en": "Document"},
    "col_clause": {"zh": "条款", "en": "Clause"},
    "col_title": {"zh": "标题", "en": "Title"},
    "col_group": {"zh": "章节/分组", "en": "Chapter / group"},
    "col_lead": {"zh": "牵头部门", "en": "Lead"},
    "col_cooperate": {"zh": "配合部门", "en": "Cooperating"},
    "col_id": {"zh": "编号", "en": "ID"},
    "clause_id": {"zh": "条款编号（可粘贴）", "en": "Clause ID (paste one to open it)"},
    "clause_detail": {"zh": "条款详情", "en": "Clause"},
    "permalink": {"zh": "本条款链接", "en": "Link to this clause"},
    "citation_copy": {"zh": "引用（可复制）", "en": "Citation (copy)"},
    "no_clause": {"zh": "没有找到这个条款。", "en": "No such clause."},
    "no_match": {"zh": "没有匹配的条款。", "en": "No matching clause."},
    "page_rows": {"zh": "第 {first}–{last} 行，共 {n} 行（可用上面的搜索和筛选缩小范围）",
                  "en": "Rows {first}–{last} of {n} (narrow them with the search and filters above)"},
    "page_prev": {"zh": "上一页", "en": "Previous"},
    "page_next": {"zh": "下一页", "en": "Next"},
    "parts": {"zh": "款、项或要点", "en": "Parts"},
    "figures": {"zh": "条文中的数字", "en": "Figures in the text"},
    "repairs": {"zh": "抓取修正", "en": "Scrape repairs"},
    "col_status": {"zh": "状态", "en": "Status"},
    "col_level": {"zh": "层级", "en": "Level"},
    "col_kind": {"zh": "类别", "en": "Kind"},
    "col_dates": {"zh": "日期", "en": "Dates"},
    "col_number": {"zh": "文号", "en": "Number"},
    "col_count": {"zh": "条数", "en": "Clauses"},
    # A work plan's clauses are its notice, principles, goals and requirements as well as its measures.
    "count_with_measures": {"zh": "{n}（其中措施{m}条）", "en": "{n} ({m} measures)"},
    "unknown": {"zh": "未载明", "en": "not stated"},
    "library_note": {"zh": "资料库共{n}份文件；其中《广州市进一步加快民营经济发展工作方案》是2007年10月11日印发的历史文件，"
                           "目标期限到2010年，未写明有效期；《保障中小企业款项支付条例》2020年版已于2025年6月1日被修订版取代。",
                     "en": "The library holds {n} documents. The Guangzhou work plan is a historical document issued on "
                           "2007-10-11 with targets to 2010 and no stated expiry; the 2020 text of the Regulations on "
                           "Ensuring Payments to SMEs was superseded by the revised text on 2025-06-01."},
    "doc_note": {"zh": "当前范围：{name}（{status}）", "en": "Searching in: {name} ({status})"},
    "group_note": {"zh": "当前范围：{name}（{n}份文件）", "en": "Searching in: {name} ({n} documents)"},
    # Under each answer given with a narrowed choice: the choice is easy to forget within a conversation.
    "scope_footnote": {"zh": "*查询范围：{name}。要查全部文件，请在“查询范围”中选“全部文件”。*",
                       "en": "*Searched in: {name}. To search every document, choose “All documents” under “Search in”.*"},
    # An answer quoting a document outside the choice (one the question names): the footnote says so.
    "scope_outside": {"zh": "*查询范围：{name}。以上答案引自这个范围之外的{docs}。*",
                      "en": "*Search in: {name}. The answer above quotes the {docs}, which is outside that choice.*"},
    "too_long": {"zh": "问题过长（{n}字），请缩短到{limit}字以内。", "en": "The question is too long ({n} characters); please keep it under {limit}."},
    "bad_clause_link": {"zh": "链接里的条款编号无效：{value}", "en": "The clause in the link is not valid: {value}"},
    "bad_lang_link": {"zh": "链接里的语言无效（只支持 zh 或 en），已使用中文。", "en": "The language in the link is not valid (zh or en only); using Chinese."},
    "following_up": {"zh": "接上一问", "en": "Following up"},
}

# Gradio's own status messages its locale files lack (Gradio 6 showed the key ``common.complete`` to screen
# readers and in the page text after every answer), by browser locale.
GRADIO_MISSING = {"common.complete": {"zh": "完成", "en": "Done"}, "common.error": {"zh": "出错", "en": "Error"}}
GRADIO_LOCALES = {"zh-CN": "zh", "zh-TW": "zh", "zh-HK": "zh", "zh": "zh", "en": "en"}


def gradio_translations() -> dict[str, dict[str, str]]:
    """``gr.I18n`` keyword arguments: for each browser locale, the Gradio status keys in its language."""
    return {locale: {key: texts[lang] for key, texts in GRADIO_MISSING.items()} for locale, lang in GRADIO_LOCALES.items()}


EXAMPLES: dict[str, list[str]] = {
    "zh": ["大企业拖欠中小企业货款，最长多少天必须付？", "民营经济促进法什么时候施行？", "保障中小企业款项支付条例现在哪个版本有效？",
           "市科技局牵头哪些措施？", "融资方面有哪些扶持措施？", "个体户想转成公司，有什么规定？"],
    "en": ["How soon must a large company pay an SME?", "When did the Private Economy Promotion Law take effect?",
           "Is the 2020 payment regulation still in force?", "Which measures does the Science and Technology Bureau lead?",
           "Can I get a loan guarantee?", "What does Article 77 of the Private Economy Promotion Law say?"],
}


def t(key: str, lang: str, **values) -> str:
    """The string ``key`` in ``lang`` (zh or en; anything else falls back to zh), with ``values`` filled in."""
    entry = STRINGS[key]
    text = entry["en" if lang == "en" else "zh"]
    return text.format(**values) if values else text
