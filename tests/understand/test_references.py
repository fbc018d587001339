"""Clause references in every form the issue lists, and what is not a reference."""

from __future__ import annotations

import pytest

from qa.normalize import normalize
from qa.understand.references import find_references


def refs(text: str) -> list[tuple]:
    return [(r.kind, r.number, r.part, r.part_kind) for r in find_references(normalize(text))]


@pytest.mark.parametrize(("text", "kind", "number"), [
    ("第12条", None, 12), ("第 12 条", None, 12), ("第１２条", None, 12), ("十二条", None, 12), ("12条", None, 12),
    ("第十二项措施", "measure", 12), ("（十二）", "measure", 12), ("措施十二", "measure", 12),
    ("measure 12", "measure", 12), ("measure #12", "measure", 12), ("Measure twelve", "measure", 12),
    ("item No. 12", "measure", 12), ("the 12th measure", "measure", 12), ("twelfth measure", "measure", 12),
    ("goal 2", "goal", 2), ("目标二", "goal", 2), ("原则一", "principle", 1), ("工作要求（三）", "requirement", 3),
    ("第35条是什么？", None, 35), ("measure 0", "measure", 0), ("第一百条", None, 100), ("26条主要讲什么", None, 26),
    ("Article 77 of the Private Economy Promotion Law", "article", 77), ("民营经济促进法第七十七条", None, 77),
    ("Tell me about item No. 6.", "measure", 6),
])
def test_every_form_names_one_clause(text, kind, number):
    assert refs(text) == [(kind, number, None, None)]


@pytest.mark.parametrize(("text", "part", "part_kind"), [
    ("第1条的第二点是什么？", 2, "point"), ("第一条的二是什么", 2, "point"), ("measure 1 part 2", 2, "part"),
    ("the second part of measure 1", 2, "part"), ("款项支付条例第9条第二款", 2, "paragraph"), ("第九条第（三）项", 3, "item"),
])
def test_parts(text, part, part_kind):
    [(_kind, _number, got_part, got_kind)] = refs(text)
    assert (got_part, got_kind) == (part, part_kind)


def test_several_clauses_in_one_question():
    assert refs("第12条和第20条分别由哪个部门牵头？") == [(None, 12, None, None), (None, 20, None, None)]
    assert refs("第13、14条分别讲什么？") == [(None, 13, None, None), (None, 14, None, None)]
    assert refs("Compare measures 10 and 11.") == [("measure", 10, None, None), ("measure", 11, None, None)]
    assert [n for _k, n, _p, _pk in refs("第3至5条")] == [3, 4, 5]
    # The second bare number follows the kind named first: requirement 2, not measure 2.
    assert refs("工作要求第一条和第二条各是什么？") == [("requirement", 1, None, None), ("requirement", 2, None, None)]


@pytest.mark.parametrize("text", ["12个批发市场群", "有3条要求", "市经贸委牵头几条措施", "到2010年目标是多少", "要求3年内",
                                  "within 30 days", "5 years", "How many of the 34 measures does it lead?",
                                  "这是哪一条？", "基本原则一共几条？", "目标一致吗"])
def test_quantities_are_not_references(text):
    assert refs(text) == []


def test_a_lone_point_is_marked_for_the_conversation():
    [ref] = find_references(normalize("它的第三点呢？"))
    assert ref.part_only and ref.number == 3


def test_guiding_as_a_verb_is_no_reference():
    assert not find_references(normalize("Which department is responsible for guiding and serving the private economy?"))
    assert [r.kind for r in find_references(normalize("What is the guiding ideology of the work plan?"))] == ["guiding"]


def test_a_word_starting_with_one_is_no_number_but_a_clause_followed_by_it_still_is():
    assert refs("第十二条共有几点？") == [(None, 12, None, None)]
    assert refs("原则一是什么") == [("principle", 1, None, None)]


def test_a_range_written_with_a_dash_or_tilde_is_each_number():
    # 第38-40条: the number after the dash ends a range (a fresh user got article 40 only).
    for text in ("广州条例第38-40条", "第38~40条", "第38—40条"):
        assert [r.number for r in find_references(normalize(text))] == [38, 39, 40], text


def test_an_item_after_a_paragraph_refines_it_and_names_no_clause_of_its_own():
    refs = find_references("民营经济促进法第二十一条第一款第二项")
    assert [(r.number, r.part, r.part_kind) for r in refs] == [(21, 1, "paragraph")]


def test_those_three_is_a_count_and_that_thirty_first_a_clause():
    from qa.understand.references import find_references

    assert find_references("用好调控手段那三条里") == []
    assert [r.number for r in find_references("那31条呢")] == [31]
    assert [r.number for r in find_references("那十二条呢")] == [12]
    assert [r.number for r in find_references("第9999条")] == [9999]


def test_a_decimal_is_no_clause_number():
    from qa.understand.references import find_references

    assert find_references("第1.5条") == [] and [r.number for r in find_references("第5条")] == [5]
