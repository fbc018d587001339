from __future__ import annotations

import pytest

from qa.answer import is_greeting
from qa.scope import ScopeGuard


def test_answer_quotes_the_corpus_and_names_departments(fake_assistant, corpus):
    answer = fake_assistant.ask("企业自主创新投入的所得税前抵扣操作办法由谁制定？")
    assert answer.status == "answered" and not answer.abstained
    cite = answer.citations[0]
    clause = corpus.clause(cite.clause_id)
    assert cite.clause_id == "measure-13" and cite.doc_number == "穗府办〔2007〕42号"
    assert cite.label_zh == "第十三条" and cite.label_en == "Measure 13"
    assert answer.quote_zh and answer.quote_zh in clause.text_zh  # extractive, never invented
    assert answer.quote_en and answer.quote_en in clause.text_en
    assert "所得税前抵扣" in answer.quote_zh
    assert answer.departments[0].name == "市科技局" and answer.departments[0].role == "lead"
    assert answer.lang == "zh" and answer.answer.startswith(answer.quote_zh)
    assert len(answer.related) <= 3 and cite.clause_id not in answer.related


def test_english_question_gets_english_answer_and_override(fake_assistant):
    answer = fake_assistant.ask("guarantee institutions risk reserve subsidy")
    assert answer.lang == "en" and answer.citations[0].clause_id == "measure-1"
    assert answer.answer.startswith(answer.quote_en)
    assert fake_assistant.ask("guarantee institutions risk reserve subsidy", lang="zh").answer.startswith(
        answer.quote_zh)


def test_numeric_question_quotes_a_sentence_with_the_figure(fake_assistant):
    answer = fake_assistant.ask("国家级企业技术中心认定给多少资金支持？")
    assert answer.citations[0].clause_id == "measure-12"
    assert "300万元" in answer.quote_zh


def test_lookup_and_department_answers(fake_assistant):
    lookup = fake_assistant.ask("第十二条")
    assert lookup.status == "lookup" and lookup.citations[0].clause_id == "measure-12"
    dept = fake_assistant.ask("市科技局负责哪些措施？")
    assert dept.status == "department"
    assert [c.clause_id for c in dept.citations] == ["measure-12", "measure-13", "measure-14", "measure-18"]
    assert "第十三条" in dept.answer


@pytest.mark.parametrize("text", ["你好", "您好！", "hello", "Thanks!", "谢谢", "thank you very much", "hi there"])
def test_greetings_get_a_greeting_not_documents(fake_assistant, text):
    assert is_greeting(text)
    answer = fake_assistant.ask(text)
    assert answer.status == "greeting" and not answer.citations
    assert "穗府办〔2007〕42号" in answer.answer


def test_greeting_with_a_question_is_a_question(fake_assistant):
    assert not is_greeting("你好，融资担保怎么申请？")
    assert fake_assistant.ask("你好，融资担保机构有什么支持？").citations


def test_out_of_scope_cue_abstains_with_suggestions(fake_assistant):
    answer = fake_assistant.ask("深圳的融资担保补贴是多少？")
    assert answer.abstained and answer.status == "abstained"
    assert "没有涉及" in answer.answer and answer.suggestions and not answer.citations
    english = fake_assistant.ask("What is the phone number of the guarantee centre?")
    assert english.abstained and "does not cover" in english.answer


def test_scope_guard_keeps_in_scope_words():
    guard = ScopeGuard()
    assert guard.cues("想去越南开厂，政府支持走出去吗？") == []  # investing abroad is measure 23
    assert guard.cues("到2010年民营经济占GDP多少？") == []
    assert guard.cues("2020年的目标是什么") and guard.cues("上海有什么政策")


@pytest.mark.parametrize("text", ["", "   ", "？！。", "🙂", "\x00\x1b[31m"])
def test_contentless_questions_get_a_prompt(fake_assistant, text):
    answer = fake_assistant.ask(text)
    assert answer.status == "empty" and not answer.citations


def test_over_long_question_gets_a_clear_message(fake_assistant):
    answer = fake_assistant.ask("担保" * 50_000)
    assert answer.status == "invalid" and "1,000" in answer.answer and not answer.citations


def test_to_dict_has_the_cli_fields(fake_assistant):
    data = fake_assistant.ask("融资担保机构风险准备金").to_dict()
    assert {"lang", "abstained", "answer", "citations", "departments", "related"} <= set(data)
    assert all(isinstance(c, str) for c in data["citations"])
