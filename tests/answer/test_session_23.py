"""Questions of kinds the session-23 dev review (the session-22 holdout, now dev) found unanswered: chapters named
by heading, bracketed measure numbers in running text, an article's paragraph after a bare number, counts asked
of "this regulation", both versions named by year, and 年报 for 年度报告."""

from __future__ import annotations

from qa.assistant import Selection
from qa.understand.references import find_references

PLAN = "suifuban-2007-42"
GZ = "guangzhou-private-economy-regulation-2024"
GD = "guangdong-sme-promotion-regulation-2019"
PAY = "sme-payment-regulation-2025"


def test_a_chapter_named_by_its_heading_lists_its_articles(fake_assistant):
    a = fake_assistant.ask("要素保障那章都讲了什么")
    assert a.status == "listing" and a.items[0].clause_id == f"{GZ}/article-6" and len(a.items) == 10
    a = fake_assistant.ask("Which articles make up the rights protection chapter (权益保护) of the Guangdong SME regulation?")
    assert a.status == "listing" and [i.clause_id for i in a.items] == [f"{GD}/article-{n}" for n in range(57, 64)]
    # Several laws have a chapter of that name: the first is listed, the others are named.
    a = fake_assistant.ask("权益保护那章讲什么")
    assert a.status == "listing" and "另有同名章" in a.answer and "《广州市支持民营经济发展条例》第五章 权益保护" in a.answer
    # Without 章 / chapter a heading's words are a topic.
    assert fake_assistant.ask("侵犯企业权益怎么办").status != "listing"


def test_a_bracketed_measure_number_in_running_text(fake_assistant):
    in_plan = Selection(documents=(PLAN,))
    a = fake_assistant.ask("措施（二十六）主要讲啥", selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-26"]
    a = fake_assistant.ask("（二十一）和（三十四）都提到工商联，分别让它干什么？", selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-21", f"{PLAN}/measure-34"]
    # 措施（三） names measure 3, though a bare （三） is a group.
    assert [c.clause_id for c in fake_assistant.ask("措施（三）讲什么", selection=in_plan).citations] == [f"{PLAN}/measure-3"]


def test_a_paragraph_after_a_bare_article_number():
    (ref,) = find_references("25条第二款里的期限是多少")
    assert (ref.number, ref.part, ref.part_kind) == (25, 2, "paragraph")
    (ref,) = find_references("第二款是什么")
    assert ref.part_only and ref.number == 2


def test_counts_asked_of_this_regulation_and_of_an_unknown_law(fake_assistant):
    a = fake_assistant.ask("How many articles does this regulation have, and how many chapters?",
                           selection=Selection(documents=(PAY,)))
    assert a.status == "document" and "5 chapters, 37 articles" in a.answer
    # A law the library does not hold is no count of every document.
    assert fake_assistant.ask("how many articles in the tax law?").status != "document"


def test_both_versions_named_by_year(fake_assistant):
    a = fake_assistant.ask("2020版和2025版各自从什么时候施行")
    assert "2020年9月1日起施行" in a.answer and "2025年6月1日起施行" in a.answer


def test_nianbao_reads_as_the_annual_report(fake_assistant):
    a = fake_assistant.ask("个体工商户年报有什么规定")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-12"


def test_what_happens_if_they_do_not_asks_the_liability_articles(fake_assistant):
    first = "大型企业要在年报里披露拖欠中小企业款项的情况吗"
    a = fake_assistant.ask("不披露会怎样", history=[first])
    assert a.citations[0].clause_id == f"{PAY}/article-34"
    a = fake_assistant.ask("要是无故拒收材料会怎样？", history=["行政许可材料不全，多少天内要一次性告知？"])
    assert a.citations[0].clause_id == f"{GD}/article-66"
