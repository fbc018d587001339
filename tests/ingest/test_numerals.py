from __future__ import annotations

import pytest

from qa.ingest.numerals import chinese_date, find_dates, to_chinese, to_int


@pytest.mark.parametrize(("text", "value"), [("十二", 12), ("一百零一", 101), ("七十七", 77), ("两", 2), ("１２", 12),
                                             ("12", 12), ("三十四", 34), ("十", 10)])
def test_to_int(text, value):
    assert to_int(text) == value


@pytest.mark.parametrize("bad", ["", "第", "十二条", "abc"])
def test_to_int_refuses(bad):
    with pytest.raises(ValueError):
        to_int(bad)


def test_dates():
    assert chinese_date("二○○七年十月十一日") == "2007-10-11"
    assert chinese_date("2025年5月20日") == "2025-05-20"
    assert [d for d, _s, _e in find_dates("自2025年6月1日起施行，2020年7月5日公布")] == ["2025-06-01", "2020-07-05"]


@pytest.mark.parametrize(("n", "written"), [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (77, "七十七"), (100, "一百"),
                                            (101, "一百零一"), (110, "一百一十"), (112, "一百一十二")])
def test_to_chinese_writes_article_numbers(n, written):
    assert to_chinese(n) == written and to_int(written) == n
