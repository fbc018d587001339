"""Two versions of the payment regulation compared, references bound to versions, document numbers."""

from __future__ import annotations

from tests.conftest import PLAN, plan_only

NEW, OLD = "sme-payment-regulation-2025", "sme-payment-regulation-2020"


def test_what_changed_compares_the_versions_on_the_earlier_topic(real_assistant):
    a = real_assistant.ask("What changed for large companies' payment terms?",
                           history=["Is the 2020 SME payment regulation still valid?"])
    assert a.intent == "compare_versions"
    assert [c.clause_id for c in a.citations] == [f"{NEW}/article-9", f"{OLD}/article-8"]  # newest first
    assert "60 days" in a.answer and "(in force)" in a.answer and "(no longer in force)" in a.answer
    a = real_assistant.ask("跟2020年版相比有什么变化？", history=["大型企业最晚多少天付款？"])
    assert a.citations[0].clause_id == f"{NEW}/article-9" and "60日" in a.answer and "合理约定付款期限" in a.answer
    assert a.answer.rstrip().endswith("2025年6月1日起施行）。")  # which version applies


def test_comparing_with_no_topic_describes_the_versions_and_asks_what_to_compare(fake_assistant):
    a = fake_assistant.ask("保障中小企业款项支付条例新旧版本有什么区别？")
    assert a.intent == "compare_versions" and a.status == "document"
    assert "共37条" in a.answer and "共29条" in a.answer and "请说明想比较哪一方面" in a.answer


def test_two_articles_of_two_versions_are_each_read_in_their_own_version(fake_assistant):
    for q in ("Compare Article 8 of the 2020 payment regulation with Article 9 of the 2025 one.",
              "2020年版支付条例第八条和2025年版第九条有什么不同？"):
        a = fake_assistant.ask(q)
        # and the 2025 article is not cited a second time as the 2020 article's counterpart
        assert [c.clause_id for c in a.citations] == [f"{OLD}/article-8", f"{NEW}/article-9"], q


def test_the_number_of_the_order_that_promulgated_a_text(fake_assistant):
    a = fake_assistant.ask("Which State Council decree is the revision?", history=[
        "Is the 2020 SME payment regulation still valid?", "What changed for large companies' payment terms?"])
    assert a.intent == "document" and "国务院令第802号" in a.answer
    a = fake_assistant.ask("民营经济促进法是第几号主席令公布的")
    assert a.status == "not_stated" and a.abstained and "没有它的文号" in a.answer and "通过" not in a.answer
    a = fake_assistant.ask("What's the document number of the Guangdong SME promotion regulation?")
    assert a.status == "not_stated" and "articles" not in a.answer  # the number, not the counts


def test_validity_colloquial(fake_assistant):
    a = fake_assistant.ask("广州支持民营经济发展条例生效了没？")
    assert a.intent == "validity" and "2024年5月1日起施行" in a.answer


def test_plan_parts_by_number_and_kind_listings(fake_assistant):
    ask = fake_assistant.ask
    a = ask("第（六）部分包括哪些措施", selection=plan_only())
    assert [i.clause_id for i in a.items] == [f"{PLAN}/measure-{n}" for n in range(24, 28)]
    assert [i.clause_id for i in ask("What's in group 3?", selection=plan_only()).items][:1] == [f"{PLAN}/measure-12"]
    a = ask("第四部分是什么", selection=plan_only())
    assert [i.clause_id for i in a.items] == [f"{PLAN}/requirement-{n}" for n in (1, 2, 3)]
    a = ask("三个工作要求分别是什么", selection=plan_only())
    assert [i.clause_id for i in a.items] == [f"{PLAN}/requirement-{n}" for n in (1, 2, 3)]
    a = ask("基本原则一共几条？", selection=plan_only())
    assert a.intent == "document" and "基本原则共3项" in a.answer


def test_after_a_listing_who_to_contact_for_each_or_for_the_one_named(fake_assistant):
    first = "方案里解决融资难的措施都有哪些"
    a = fake_assistant.ask("这些措施分别由谁牵头？", history=[first], selection=plan_only())
    assert a.status == "listing" and len(a.citations) == 6
    assert "第四条（推进民营企业上市融资）：牵头市金融办" in a.answer
    a = fake_assistant.ask("其中推动上市那条是谁牵头的？", history=[first], selection=plan_only())
    assert a.citations[0].clause_id == f"{PLAN}/measure-4" and a.departments[0].name == "市金融办"


def test_a_question_that_finds_nothing_alone_is_read_as_leaning_on_the_earlier_turn(real_assistant):
    # (Since session 31 the conversation's document is ranked up for a question read alone, so this one may find
    # the article without leaning on the earlier turn; the answer is what counts.)
    a = real_assistant.ask("能用银行保函代替吗？", history=["工地上甲方要交一堆保证金，还只收现金"])
    assert not a.abstained and a.citations[0].clause_id == f"{NEW}/article-13"
    a = real_assistant.ask("如果约定了呢，有下限吗？", history=["逾期利息没约定的话按多少算？"])
    assert a.citations[0].clause_id == f"{NEW}/article-17" and "贷款市场报价利率" in a.answer
    # … but not a question its own words do not support: still out of scope
    assert real_assistant.ask("How do I apply for a US visa?", history=["大型企业最晚多少天付款？"]).abstained


def test_a_number_past_the_end_cites_the_last_clause_and_这几条_is_no_count(fake_assistant):
    a = fake_assistant.ask("方案第40条规定了什么？")
    assert a.status == "out_of_range" and [c.clause_id for c in a.citations] == [f"{PLAN}/measure-34"]
    a = fake_assistant.ask("What does article 80 of the Private Economy Promotion Law say?")
    assert [c.clause_id for c in a.citations] == ["private-economy-promotion-law-2025/article-78"]
    a = fake_assistant.ask("这几条里哪条是讲发债券的", history=["市金融办配合哪些措施", "那它牵头的呢"], selection=plan_only())
    assert a.intent != "department" and a.citations[0].clause_id == f"{PLAN}/measure-5"
    a = fake_assistant.ask("哈喽～土地方面的措施都是哪些部门牵头的？", selection=plan_only())
    assert a.intent == "group_listing" and len(a.items) == 5 and "市发改委" in a.items[0].detail_zh


def test_what_changed_names_each_new_article_and_the_new_time_limits(fake_assistant):
    a = fake_assistant.ask("保障中小企业款项支付条例2025年修订主要改了什么")
    assert "第十五条 机关、事业单位和大型企业与中小企业的交易，部分存在争议但不影响其他部分履行的，对于无争议部分应当" in a.answer
    # Art. 25 carries 2020 Art. 17's transfer of complaints: a changed article whose new time limits are named.
    assert "第二十五条（原第十七条）" in a.answer and "第二十五条 受理投诉部门" in a.answer and "10个工作日内" in a.answer
    assert "改动中新出现的期限、数额：第九条 大型企业从中小企业采购货物、工程、服务，应当自货物、工程、服务交付之日起60日内支付款项" in a.answer
    a = fake_assistant.ask("What changed between the 2020 and 2025 versions of the SME payment regulation?")
    assert "10 working days" in a.answer and "within 60 days" in a.answer
