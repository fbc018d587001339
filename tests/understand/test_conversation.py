"""Conversations: follow-ups resolve against the earlier turn; history is read in bounded amounts."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.understand.conversation import MAX_HISTORY_CHARS, MAX_HISTORY_TURNS, clean_history
from tests.conftest import plan_only


def test_clean_history_is_bounded_and_tolerant():
    junk = [None, 3, {"role": "assistant", "content": "x"}, {"role": "user", "content": "问一"}, ["问二", "答"],
            {"content": 5}, "", "问三"]
    assert clean_history(junk) == ["问一", "问二", "问三"]
    assert clean_history("not a list") == [] and clean_history(None) == []
    long = ["长" * 900] * 10
    kept = clean_history(long)
    assert len(kept) <= MAX_HISTORY_TURNS and sum(map(len, kept)) <= MAX_HISTORY_CHARS
    assert clean_history([f"q{i}" for i in range(10_000)]) == [f"q{i}" for i in range(9996, 10_000)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=3000), st.integers(), st.none(), st.dictionaries(st.text(), st.text()),
                          st.lists(st.text(max_size=50), max_size=3)), max_size=60))
def test_any_history_is_read_without_error(history):
    kept = clean_history(history)
    assert all(isinstance(x, str) for x in kept) and len(kept) <= MAX_HISTORY_TURNS


def test_thousands_of_turns_cost_what_four_do(fake_assistant):
    start = time.perf_counter()
    fake_assistant.ask("找哪个部门？", history=["民营企业想上市，政府有什么支持？"] * 5000)
    assert time.perf_counter() - start < 30  # generous: a bound on work, not a latency assertion


@pytest.mark.parametrize(("history", "question", "expect_clause", "expect_text"), [
    (["民营企业想上市，政府有什么支持？"], "找哪个部门？", "suifuban-2007-42/measure-4", "市金融办"),
    (["国家级企业技术中心能拿多少钱？"], "那省级的呢？", "suifuban-2007-42/measure-12", "100万元"),
    (["第34条讲什么？"], "它的第三点呢？", "suifuban-2007-42/measure-34", "三是"),
    (["人才方面有哪些措施？"], "其中第一项是谁牵头的？", "suifuban-2007-42/measure-19", "市经贸委"),
])
def test_follow_ups(fake_assistant, history, question, expect_clause, expect_text):
    answer = fake_assistant.ask(question, history=history, selection=plan_only())
    assert answer.citations[0].clause_id == expect_clause
    assert expect_text in answer.visible_text()


def test_a_follow_up_says_where_its_context_came_from(fake_assistant):
    answer = fake_assistant.ask("找哪个部门？", history=["民营企业想上市，政府有什么支持？"], selection=plan_only())
    assert answer.context_from == ("suifuban-2007-42/measure-4",)
    assert any(n.startswith("接上一问") for n in answer.notes)


def test_department_follow_up_keeps_the_department(fake_assistant):
    answer = fake_assistant.ask("那配合的呢？", history=["市金融办牵头哪些措施？"], selection=plan_only())
    assert answer.intent == "department" and answer.departments[0].name == "市金融办"
    assert "配合" in answer.answer


def test_a_new_topic_starts_fresh(fake_assistant):
    q = fake_assistant.understand("土地方面有什么支持政策？", history=["民营企业想上市，政府有什么支持？"], selection=plan_only())
    assert not q.followup and q.context is None


@pytest.mark.parametrize(("history", "question"), [
    (["I run a small factory. Can the government guarantee my bank loan?"],
     "A government agency owes me money for goods I delivered. How many days do they have to pay me?"),
    (["市科技局牵头哪些措施？"], "政府欠款多少天要付？"),
    (["我想贷款"], "政府欠款多少天要付？"),
    (["第三十条"], "研发机构认定给多少钱？"),
])
def test_a_pronoun_or_a_short_figure_question_on_a_new_topic_starts_fresh(fake_assistant, history, question):
    assert not fake_assistant.understand(question, history=history).followup


@pytest.mark.parametrize(("history", "question"), [
    (["Can a government department insist on paying my company with a commercial bill (商业汇票) instead of cash?"],
     "What about those electronic receivables vouchers (应收账款电子凭证)? Same rule?"),
    (["我们刚创业想找便宜点的厂房，方案里有没有创业基地之类的"], "计划建几个"),
    (["Who leads measure 24?"], "Is the Supervision Bureau involved in it at all?"),
    (["2007年方案第12条"], "这个现在还能申请吗？"),
    (["民营企业想上市，政府有什么支持？"], "补贴多少？"),
])
def test_follow_ups_that_echo_the_earlier_turn_or_point_at_it_stay_follow_ups(fake_assistant, history, question):
    assert fake_assistant.understand(question, history=history).followup


def test_asking_for_the_other_language_repeats_the_clause_in_it(fake_assistant):
    english = fake_assistant.ask("英文是什么？", history=["民营经济促进法第七十七条"])
    assert english.lang == "en" and english.citations[0].clause_id == "private-economy-promotion-law-2025/article-77"
    assert "private economic organizations" in english.visible_text()
    chinese = fake_assistant.ask("中文原文呢？", history=["What does measure 12 say?"], selection=plan_only())
    assert chinese.lang == "zh" and chinese.citations[0].clause_id == "suifuban-2007-42/measure-12"
    # A question with a topic of its own is not a request for a translation.
    assert fake_assistant.understand("英文版的付款期限是多少天？", history=["民营经济促进法第七十七条"]).refs == ()


def test_follow_ups_about_a_document_keep_it(fake_assistant):
    replaced = fake_assistant.ask("What replaced it?", history=["Is the 2020 payment regulation still in force?"])
    assert replaced.intent == "validity" and "the version in force is" in replaced.answer
    published = fake_assistant.ask("它什么时候公布的？", history=["民营经济促进法第七十八条"])
    assert published.intent == "document" and "2025年4月30日通过" in published.answer
