"""Every example of the question-understanding issue, with its right value (real models, the plan selected)."""

from __future__ import annotations

import pytest

from tests.conftest import PLAN, plan_only

pytestmark = pytest.mark.real_model
M = f"{PLAN}/measure-"


@pytest.mark.parametrize("question", ["十二条", "（十二）", "Measure twelve", "measure #12", "12条"])
def test_clause_number_forms(real_assistant, question):
    answer = real_assistant.ask(question, selection=plan_only())
    assert answer.status == "lookup" and answer.citations[0].clause_id == M + "12"


def test_out_of_range_says_what_the_plan_has(real_assistant):
    answer = real_assistant.ask("第35条是什么？", selection=plan_only())
    assert answer.status == "out_of_range" and not answer.abstained
    assert "34条措施" in answer.answer and "4个目标" in answer.answer


def test_part_reference(real_assistant):
    answer = real_assistant.ask("第1条的第二点是什么？", selection=plan_only())
    assert answer.citations[0].part == "measure-1.2" and "市区两级担保体系" in answer.quote_zh


def test_official_name_lists_the_measures_it_leads(real_assistant):
    answer = real_assistant.ask("广州市科学技术局牵头哪些措施？", selection=plan_only())
    assert {i.clause_id for i in answer.items} == {M + n for n in ("12", "13", "14", "18")}


def test_roles_and_negation_match_the_corpus(real_assistant, library):
    lead = real_assistant.ask("市科技局牵头的措施有哪些？", selection=plan_only())
    coop = real_assistant.ask("市科技局配合的措施有哪些？", selection=plan_only())
    others = real_assistant.ask("哪些措施不是市科技局牵头的？", selection=plan_only())
    plan = library.document(PLAN).clauses
    from qa.answer.handlers.listings import roles_in

    assert {i.clause_id for i in lead.items} == {c.id for c in plan if "市科技局" in roles_in(c)[0]}
    assert {i.clause_id for i in coop.items} == {c.id for c in plan if "市科技局" in roles_in(c)[1]}
    assert {i.clause_id for i in others.items} == {c.id for c in plan if c.kind == "measure" and "市科技局" not in roles_in(c)[0]}


def test_two_clauses_each_cited(real_assistant):
    answer = real_assistant.ask("第12条和第20条分别由哪个部门牵头？", selection=plan_only())
    assert [c.clause_id for c in answer.citations] == [M + "12", M + "20"]
    assert "市经贸委" in answer.answer and "市劳动保障局" in answer.answer


def test_group_listing(real_assistant):
    answer = real_assistant.ask("融资方面有哪些扶持措施？", selection=plan_only())
    assert [i.clause_id for i in answer.items] == [M + str(n) for n in range(1, 7)]


@pytest.mark.parametrize("question", ["这个方案一共有多少条措施？", "How many measures are there?"])
def test_counts(real_assistant, question):
    answer = real_assistant.ask(question, selection=plan_only())
    assert answer.status == "document" and "34" in answer.answer


def test_issuer_and_date(real_assistant):
    answer = real_assistant.ask("这个文件是哪个部门发的？什么时候发的？", selection=plan_only())
    assert "广州市政府办公厅" in answer.answer and "2007年10月11日" in answer.answer


def test_validity(real_assistant):
    answer = real_assistant.ask("这个方案现在还有效吗？", selection=plan_only())
    assert answer.status == "validity"
    assert all(x in answer.answer for x in ("2007年10月11日", "2010", "未写明有效期", "核实"))


def test_figure_with_a_typo_pairs_the_values(real_assistant):
    answer = real_assistant.ask("国家级技术中心认定下来能拿多少前", selection=plan_only())
    assert answer.citations[0].clause_id == M + "12"
    assert answer.answer.startswith("国家级 300万元") and "省级 100万元" in answer.answer


def test_follow_up_contact(real_assistant):
    answer = real_assistant.ask("找哪个部门？", history=["民营企业上市有什么支持？"], selection=plan_only())
    assert answer.departments[0].name == "市金融办" and answer.departments[0].role == "lead"
    assert answer.answer.startswith("请找市金融办")


def test_ambiguous_number_without_a_document_lists_the_documents(real_assistant):
    answer = real_assistant.ask("第十二条讲什么？")
    assert answer.status == "ambiguous" and len(answer.items) >= 7


def test_superseded_version_points_to_the_one_in_force(real_assistant):
    answer = real_assistant.ask("2020年版款项支付条例第八条")
    assert answer.citations[0].clause_id == "sme-payment-regulation-2020/article-8"
    assert any(c.clause_id == "sme-payment-regulation-2025/article-9" for c in answer.citations)
    # The version in force follows the text asked for (a note under the quote).
    assert "现行版本" in answer.visible_text() and "现行版本的对应条文" not in answer.answer
