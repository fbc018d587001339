from __future__ import annotations

import pytest

from qa.answer_type import asked_types, missing_types
from qa.render import answer_html


@pytest.mark.parametrize(("question", "types"), [
    ("入驻创业基地，厂房租金能减免多少？", {"amount"}),
    ("市里直接奖励多少钱?", {"amount"}),
    ("融资担保机构风险准备金补助比例是多少？", {"rate"}),
    ("研发费用要占收入多少?", {"rate"}),
    ("研发投入税前抵扣能按百分之几扣？", {"rate"}),
    ("申报截止日期是哪天？", {"date"}),
    ("审批办下来要多久？", {"duration"}),
    ("市科技局的电话多少？", {"contact"}),
    ("申请技术中心认定需要哪些材料？", {"procedure"}),
    ("How much rent will I pay for a unit in a startup base?", {"amount"}),
    ("What is the interest subsidy rate on these loans?", {"rate"}),
    ("When is the application deadline?", {"date"}),
    ("What documents are needed to apply?", {"procedure"}),
    ("What is the hotline of the bureau?", {"contact"}),
    # Topic words alone, counts, and words that merely contain "ratio" ask for no figure.
    ("创业基地的租金有优惠吗？", set()),
    ("政府每年组织多少家企业申报？", set()),
    ("Is there support for cooperation with universities?", set()),
    ("Will the city help with household registration?", set()),
    ("How do we address the problem of funding?", set()),
    ("Will there be a guide setting plot ratio and building density?", set()),
])
def test_asked_types(question, types):
    assert {t.name for t in asked_types(question)} == types


def test_missing_types_reads_the_clause_in_both_languages(corpus):
    assert [t.name for t in missing_types("风险准备金补助比例是多少？", corpus.clause("measure-1"))] == ["rate"]
    # Measure 12 states 300万元 / 100万元 / 50万元; goal 1 states percentages.
    assert missing_types("研发中心评上国家级，市里给多少钱？", corpus.clause("measure-12")) == []
    assert missing_types("How much money does a firm get for a national R&D centre?", corpus.clause("measure-12")) == []
    assert missing_types("民营经济占GDP的比重要达到多少？", corpus.clause("goal-1")) == []
    assert missing_types("政府支持民企融资吗？", corpus.clause("measure-1")) == []


def test_a_figure_the_plan_does_not_give_is_not_stated(fake_assistant, corpus):
    answer = fake_assistant.ask("融资担保机构的风险准备金补助比例是多少？")
    assert answer.status == "not_stated" and answer.abstained
    assert answer.suggestions[0] == "measure-1"
    assert "第一条" in answer.answer and "比例" in answer.answer
    assert [d.name for d in answer.departments if d.role == "lead"] == list(corpus.clause("measure-1").leads)
    assert not answer.citations and not answer.quote_zh  # nothing quoted as if it answered
    html = answer_html(answer, corpus)
    assert "没有写明" in html and "does not state" in html and "联系部门" in html

    english = fake_assistant.ask("What is the subsidy rate for the risk reserve of guarantee institutions?")
    assert english.status == "not_stated" and "does not state the rate" in english.answer


def test_a_figure_the_plan_gives_is_still_answered(fake_assistant):
    answer = fake_assistant.ask("企业技术中心被认定为国家级，市里奖励多少钱？")
    assert answer.status == "answered" and answer.citations[0].clause_id == "measure-12"
    assert "300万元" in answer.quote_zh


def test_a_lookup_is_never_second_guessed(fake_assistant):
    assert fake_assistant.ask("第一条的补助比例是多少？").status == "lookup"
