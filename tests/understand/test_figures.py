"""figures_in: the rates and durations a text writes, in either language, a range read as one figure."""

from __future__ import annotations

import pytest

from qa.understand.figures import figures_in


@pytest.mark.parametrize(("text", "expected"), [
    ("按照每日利率万分之五支付；30日内", [("万分之五", "share", 0.0005, None), ("30日", "日", 30.0, None)]),
    ("价格给予百分之六至百分之十的扣除", [("百分之六至百分之十", "share", 0.06, 0.1)]),
    ("at a daily rate of 0.05%", [("0.05%", "share", 0.0005, None)]),
    ("within 6%-10%", [("6%-10%", "share", 0.06, 0.1)]),
    ("免征企业所得税五年？", [("五年", "年", 5.0, None)]),
    ("自正式受理之日起10个工作日内", [("10个工作日", "个工作日", 10.0, None)]),
    ("within 30 days, at most 60 days", [("30 days", "日", 30.0, None), ("60 days", "日", 60.0, None)]),
    # A day of the year is one figure (month × 100 + day), and its 日 no day count.
    ("本条例自2020年1月1日起施行", [("1月1日", "date", 101.0, None)]),
    ("应当于每年3月31日前公开", [("3月31日", "date", 331.0, None)]),
])
def test_figures_are_read_with_unit_value_and_range(text, expected):
    assert [(f.shown, f.unit, f.value, f.upto) for f in figures_in(text)] == expected


@pytest.mark.parametrize("text", ["合同订立时1年期贷款市场报价利率", "2007年的方案", "每日利率", "2020年版"])
def test_years_and_rate_terms_are_no_figures(text):
    assert figures_in(text) == []


def test_a_range_covers_the_values_inside_it():
    (deduction,) = figures_in("百分之六至百分之十")
    assert deduction.covers(0.08) and deduction.covers(0.06) and not deduction.covers(0.05)
