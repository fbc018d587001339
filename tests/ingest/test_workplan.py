from __future__ import annotations

from pathlib import Path

import pytest

from qa.errors import ParseError
from qa.ingest.numerals import chinese_date, to_int
from qa.ingest.workplan import parse_workplan as parse

SAMPLE = (Path(__file__).parent.parent / "data" / "sample_plan.txt").read_text(encoding="utf-8")


def test_chinese_numbers_and_dates():
    assert [to_int(x) for x in ("一", "九", "十", "十二", "二十", "三十四")] == [1, 9, 10, 12, 20, 34]
    assert chinese_date("二○○七年十月十一日") == "2007-10-11"
    assert chinese_date("二〇二〇年三月五日") == "2020-03-05"


def test_second_plan_header_and_structure():
    plan = parse(SAMPLE)
    assert plan.title == "示范市促进小微企业发展工作方案"
    assert plan.doc_number == "示范市府办〔2020〕5号"
    assert plan.issuer == "示范市人民政府办公厅"
    assert plan.signed == "2020-03-05"
    assert plan.published == "2021-03-01"
    assert plan.source == "示范市政府网"
    assert plan.structure == "workplan"
    ids = [item.id for item in plan.items]
    assert ids == ["preamble", "guiding", "principle-1", "principle-2", "goal-1", "goal-2", "goal-3",
                   "measure-1", "measure-2", "measure-3", "requirement-1", "requirement-2"]
    by_id = {item.id: item for item in plan.items}
    assert by_id["measure-3"].group_path == ("三、主要措施", "（二）降低经营成本")
    assert by_id["goal-2"].title == "创新目标"
    assert by_id["requirement-2"].title == "强化督查考核"
    assert "为促进小微企业健康发展" in by_id["preamble"].text
    assert by_id["measure-2"].text.startswith("推进信用贷款。一是")


def _broken(old: str, new: str) -> str:
    assert old in SAMPLE
    return SAMPLE.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "empty", 1),
        ("   \n\n", "empty", 1),
        (_broken("　　3.减免房租。", "　　4.减免房租。"), "jumps from 2 to 4", 53),
        (_broken("三、主要措施", "三、"), "has no heading", 43),
        (_broken("（二）降低经营成本。", "（）。"), "has no heading", 51),
        (_broken("（二）降低经营成本。", "（三）降低经营成本。"), "out of order", 51),
    ],
)
def test_broken_plans_name_line_and_problem(text, message, line):
    with pytest.raises(ParseError) as err:
        parse(text)
    assert message in str(err.value)
    assert err.value.line == line
    assert f"line {line}:" in str(err.value)


def test_plan_without_measures_is_refused():
    head, _, _ = SAMPLE.partition("三、主要措施")
    with pytest.raises(ParseError, match="no numbered measures"):
        parse(head)


def test_plan_without_notice_is_refused():
    with pytest.raises(ParseError, match="关于印发"):
        parse("一、指导思想\n（一）指导思想。\n坚持创新。\n")


def test_stray_paragraph_is_not_swallowed():
    text = _broken("（二）降低经营成本。", "（二）降低经营成本。\n\n这是一段没有编号的文字。")
    with pytest.raises(ParseError, match="not a numbered item"):
        parse(text)


def test_rates_in_words_are_figures_and_a_loan_term_is_not():
    from qa.ingest.targets import extract_targets, fraction_percent

    found = extract_targets("约定利率不得低于合同订立时1年期贷款市场报价利率；未作约定的，按照每日利率万分之五支付逾期利息。")
    assert [(t.value, t.unit, t.low) for t in found] == [("万分之五", "%", 0.05)]
    assert fraction_percent("百分之三十") == 30 and fraction_percent("千分之3") == 0.3 and fraction_percent("三成") is None
