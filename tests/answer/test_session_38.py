"""Items from the session-37 fresh user's report (evaluation/fresh-user/session-37.md) fixed in session 38: a
bare keyword mid-conversation starts afresh, two documents compared on a topic, whom to ask about a complaint,
a conversation's document giving way to the one that states the figure, a document's articles on a topic, a
claimed payment term checked, interest with both of its cases, measure 34's roles part by part, keyboard mash."""

from __future__ import annotations

from qa.assistant import Selection
from tests.doc_ids import GZ, PAY, PLAN


def test_a_bare_keyword_after_another_topic_starts_afresh(real_assistant):
    history = ["逾期利息", "投诉"]
    a = real_assistant.ask("付款期限", history=history)
    assert a.citations[0].clause_id == f"{PAY}/article-9" and not a.context_from
    a = real_assistant.ask("上市", history=[*history, "付款期限"])
    assert a.citations[0].clause_id != f"{PAY}/article-25" and "上市" in a.visible_text()


def test_a_bare_keyword_sharing_the_earlier_topic_still_follows_it(real_assistant):
    # 省级 names no topic of its own: the earlier figure, at that level.
    a = real_assistant.ask("省级的呢", history=["国家级企业技术中心奖励多少钱？"])
    assert a.citations[0].clause_id == f"{PLAN}/measure-12" and "100万元" in a.answer


def test_two_documents_compared_on_a_topic_quote_each(real_assistant):
    a = real_assistant.ask("广东条例和广州条例关于融资担保有什么不同？")
    assert not a.abstained
    docs = [c.clause_id.split("/")[0] for c in a.citations]
    assert docs == ["guangdong-sme-promotion-regulation-2019", GZ]
    a = real_assistant.ask("How do the SME Promotion Law and the Guangdong regulation differ on guarantees?")
    assert [c.clause_id.split("/")[0] for c in a.citations] == ["sme-promotion-law-2017", "guangdong-sme-promotion-regulation-2019"]
    assert a.answer.startswith("What each document says:")


def test_whom_to_ask_about_a_complaint_is_the_body_that_takes_complaints(real_assistant):
    a = real_assistant.ask("投诉拖欠款项的电话是多少？")
    assert a.status == "not_stated"
    assert "审计机关" not in a.answer and "中小企业促进工作综合管理的部门" in a.answer


def test_a_chosen_scope_that_lacks_the_figure_says_where_the_library_has_it(real_assistant):
    a = real_assistant.ask("大企业拖欠货款最长多少天必须付？", selection=Selection(levels=("municipal",)))
    assert a.status == "not_stated" and "审计机关" not in a.answer
    assert any("所选文件没有写明这一点" in n and "第九条" in n for n in a.notes)


def test_a_term_no_text_uses_is_not_said_to_be_touched_on(real_assistant):
    a = real_assistant.ask("个体户歇业最多可以多长时间？")
    assert a.abstained and "没有提到“歇业”" in a.answer and "涉及这个话题" not in a.answer


def test_the_conversations_document_gives_way_to_the_one_stating_the_figure(real_assistant):
    a = real_assistant.ask("国家级技术中心奖励多少钱？", history=["投诉拖欠款项的电话是多少？"])
    assert a.citations[0].clause_id == f"{PLAN}/measure-12" and "300万元" in a.answer


def test_a_documents_articles_on_a_topic_are_listed(real_assistant):
    a = real_assistant.ask("广州市支持民营经济发展条例讲融资的是哪几条？")
    ids = [c.clause_id for c in a.citations]
    assert a.status == "listing" and {f"{GZ}/article-{n}" for n in (10, 11, 12, 13)} <= set(ids)
    assert all(i.startswith(GZ) for i in ids)
    a = real_assistant.ask("Which articles of the Guangzhou regulation are about financing?")
    assert {f"{GZ}/article-{n}" for n in (10, 11, 12)} <= {c.clause_id for c in a.citations}
    assert f"{GZ}/article-3" not in {c.clause_id for c in a.citations}  # "finance" departments are not financing


def test_a_claimed_payment_term_is_confirmed_or_corrected(real_assistant):
    a = real_assistant.ask("2020年版规定大企业必须60天内付款，对吧？")
    assert a.answer.startswith("不对")
    a = real_assistant.ask("政府机关必须30天内付款，对吧？")
    assert a.answer.startswith("对：")
    a = real_assistant.ask("Large companies must pay within 60 days under the 2025 regulation, right?")
    assert a.answer.startswith("Yes")


def test_interest_asked_alone_leads_with_both_cases(real_assistant):
    a = real_assistant.ask("逾期利息")
    assert "万分之五" in a.answer.split("\n")[0] and "贷款市场报价利率" in a.answer.split("\n")[0]
    a = real_assistant.ask("约定了利率呢？", history=["逾期利息"])
    assert "万分之五" not in a.answer.split("\n")[0]


def test_measure_34s_departments_part_by_part(real_assistant):
    a = real_assistant.ask("第三十四条由哪些部门负责？", selection=Selection(documents=(PLAN,)))
    assert "二是：各相关部门负责，市民营办配合" in a.answer and "三是：市工商联牵头、市民营办配合" in a.answer
    a = real_assistant.ask("第12条谁牵头？", selection=Selection(documents=(PLAN,)))
    assert "由市经贸委、市科技局牵头" in a.answer  # one assignment for the whole measure: one line


def test_keyboard_mash_with_an_english_word_is_unreadable(real_assistant):
    assert real_assistant.ask("asdfghjkl;qwerty").intent == "unreadable"
    assert real_assistant.ask("wat abt loan guarntee").intent != "unreadable"


def test_a_see_also_sharing_only_the_laws_subject_is_left_out(real_assistant):
    a = real_assistant.ask("个体工商户可以享受哪些扶持？")
    assert "个体劳动者协会" not in a.visible_text()


def test_the_next_or_previous_article_after_one_looked_up(real_assistant):
    a = real_assistant.ask("下一条呢？", history=["中小企业促进法第五十三条"])
    assert [c.clause_id for c in a.citations] == ["sme-promotion-law-2017/article-54"]
    a = real_assistant.ask("And the previous article?", history=["中小企业促进法第五十三条"])
    assert [c.clause_id for c in a.citations] == ["sme-promotion-law-2017/article-52"]


def test_a_plan_section_listed_by_its_count(real_assistant):
    in_plan = Selection(documents=(PLAN,))
    a = real_assistant.ask("三个基本原则是哪三个？", selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/principle-{n}" for n in (1, 2, 3)]
    a = real_assistant.ask("List the four main goals of the plan", selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/goal-{n}" for n in (1, 2, 3, 4)]
    a = real_assistant.ask("What's part (一) of the main measures about?", selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-{n}" for n in range(1, 7)]


def test_which_version_applies_now_after_two_versions(real_assistant):
    a = real_assistant.ask("Which one applies now?", history=[
        "What did the 2020 保障中小企业款项支付条例 say about how fast large companies must pay SMEs?", "And in the 2025 version?"])
    assert a.intent == "validity" and "1 June 2025" in a.answer


def test_the_sitting_that_passed_a_law_is_named_when_asked(real_assistant):
    a = real_assistant.ask("这个条例是在哪次会议上修订的？", selection=Selection(documents=("guangdong-sme-promotion-regulation-2019",)))
    assert a.intent == "document" and "广东省第十三届人民代表大会常务委员会第十四次会议修订" in a.answer
    a = real_assistant.ask("When did the Guangdong provincial people's congress standing committee approve the Guangzhou "
                           "private economy regulation?")
    assert a.intent == "document" and "29 March 2024" in a.answer
    assert "approved at the 9th session of the Standing Committee of the 14th Guangdong Provincial People's Congress" in a.answer


def test_a_word_a_synonym_maps_is_heard(real_assistant):
    # 社保 is no word of the texts, but 社会保险 is: the clause on it does touch on the question.
    a = real_assistant.ask("个体户参加社保有几多补贴？", selection=Selection(documents=("individual-business-regulation-2022",)))
    assert "没有提到" not in a.answer and "没有写明具体金额" in a.answer


def test_an_unpaid_supplier_gets_the_steps_the_texts_give(real_assistant):
    a = real_assistant.ask("大客户拖了我三个月货款不付，我该怎么办？")
    first = a.answer.split("\n")
    assert first[1].startswith("1. 付款期限：大型企业应当自交付之日起60日内支付")
    assert "万分之五" in a.answer and "有权要求拖欠方支付拖欠款" in a.answer and "受理" in a.answer
    assert {c.clause_id for c in a.citations} >= {f"{PAY}/article-9", f"{PAY}/article-17", f"{PAY}/article-24"}
    a = real_assistant.ask("a big custmer hasn't paid me for 3 months, what can I do?")
    assert "60 days" in a.answer and "0.05%" in a.answer and "complaint" in a.answer.lower()
    a = real_assistant.ask("政府部门欠我工程款半年了怎么办")
    assert "机关、事业单位应当自交付之日起30日内支付" in a.answer
    # Asked about penalties, it stays the sanction answer.
    assert not real_assistant.ask("大企业不付款会被罚吗").answer.startswith("款项被拖欠")


def test_which_of_the_listed_clauses_state_a_sum(real_assistant):
    in_plan = Selection(documents=(PLAN,))
    a = real_assistant.ask("Which of those comes with money amounts?", selection=in_plan,
                           history=["How many measures does the Science and Technology Bureau (市科技局) lead?"])
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-12"] and a.answer.startswith("Of the 4 listed above, 1 states")


def test_whether_an_article_names_a_term(real_assistant):
    a = real_assistant.ask("款项支付条例第五条列的部门里有没有税务部门？")
    assert a.answer.startswith("没有：第五条没有提到“税务”")
    a = real_assistant.ask("款项支付条例第五条有没有财政部门？")
    assert a.answer.startswith("有：第五条提到了“财政”")
    a = real_assistant.ask("Does Article 5 of the 2025 payment regulation include the market regulation department?")
    assert a.answer.startswith("Yes")


def test_is_a_department_leading_anything(real_assistant):
    a = real_assistant.ask("Is 市国资委 leading anything in this plan?", selection=Selection(documents=(PLAN,)))
    assert a.intent == "department" and [c.clause_id for c in a.citations] == [f"{PLAN}/measure-24"]


def test_a_listed_articles_gist_holds_the_topic_word(real_assistant):
    a = real_assistant.ask("2025版款项支付条例里哪些条款涉及大型企业的信息公示？")
    assert {f"{PAY}/article-18", f"{PAY}/article-26", f"{PAY}/article-34"} <= {c.clause_id for c in a.citations}
    assert "纳入企业年度报告" in a.visible_text()


def test_how_long_after_a_complaint_article_is_the_handling_time(real_assistant):
    a = real_assistant.ask("how long till they act on it?",
                           history=["How do I complain about a state-owned company that won't pay me?"])
    assert a.citations[0].clause_id == f"{PAY}/article-25" and "30 days" in a.answer


def test_what_the_supplier_can_do_after_a_question_on_late_payment(real_assistant):
    a = real_assistant.ask("What can the supplier do if it still happens?",
                           history=["Is there a law that stops big companies paying small suppliers late?"])
    assert f"{PAY}/article-24" in {c.clause_id for c in a.citations} and a.context_from


def test_a_list_of_measures_gives_the_plans_own_numbers(real_assistant):
    a = real_assistant.ask("市民营办牵头的有几条措施？", selection=Selection(documents=(PLAN,)))
    assert "第二十九条、第三十二条、第三十四条（原文编号：29、32、34）" in a.answer


def test_factory_space_is_the_texts_factory_buildings(real_assistant):
    a = real_assistant.ask("Is there any help with finding factory space?")
    assert not a.abstained and "factory buildings" in a.answer


def test_being_blacklisted_is_a_sanction(real_assistant):
    a = real_assistant.ask("大企业唔俾钱会唔会被列入失信？")
    assert a.citations[0].clause_id == f"{PAY}/article-26"


def test_a_sanction_quoted_beside_keeps_its_harsher_part(real_assistant):
    a = real_assistant.ask("我投诉拖欠款项后被对方打击报复，怎么办？")
    assert "构成犯罪的，依法追究刑事责任" in a.visible_text()


def test_laws_a_document_names_are_no_library_listing(real_assistant):
    a = real_assistant.ask("方案要求贯彻落实哪些法律法规来保护民营企业权益？", selection=Selection(documents=(PLAN,)))
    assert a.intent != "which_documents" and a.citations[0].clause_id == f"{PLAN}/measure-29"
    assert "中小企业促进法" in a.answer


# Session-38 fresh user (evaluation/fresh-user/session-38.md).

def test_a_departments_english_name_is_no_switch_to_the_municipal_regulation(real_assistant):
    a = real_assistant.ask("Which measures does the Municipal Science and Technology Bureau lead?",
                           history=["What is the late payment interest rate?"])
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-{n}" for n in (12, 13, 14, 18)]


def test_an_unpaid_bill_told_at_length_or_in_cantonese_gets_the_steps(real_assistant):
    a = real_assistant.ask("A district government office owes my company 800k RMB for IT services delivered 4 months ago. "
                           "What are my options?")
    assert not a.abstained and "within 30 days of delivery" in a.answer
    a = real_assistant.ask("我系广州一间小厂，帮一间大公司做咗批货，佢拖咗我半年数都唔俾，我可以点做？")
    assert a.answer.startswith("款项被拖欠")
    assert real_assistant.ask("My landlord owes me my deposit, what can I do?").abstained


def test_another_group_after_a_group_listing(real_assistant):
    in_plan = Selection(documents=(PLAN,))
    first = "第一部分拓宽资金渠道下面有哪些措施？"
    a = real_assistant.ask(first, selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-{n}" for n in range(1, 7)]
    a = real_assistant.ask("土地那一部分呢？", history=[first], selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-{n}" for n in range(7, 12)]
    a = real_assistant.ask("（三）呢？", history=[first], selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-{n}" for n in range(12, 19)]


def test_past_the_last_article_names_it_as_a_reader_would(real_assistant):
    a = real_assistant.ask("下一条呢？", history=["民营经济促进法第七十八条"])
    assert a.answer.startswith("没有“第七十九条”")


def test_credit_repair_is_no_sanction_question(real_assistant):
    a = real_assistant.ask("企业被列入失信了，能申请信用修复吗？")
    assert a.citations[0].clause_id == "private-economy-promotion-law-2025/article-54"


def test_a_number_past_the_end_asked_alone_after_a_clause_stays_in_its_document(real_assistant):
    a = real_assistant.ask("第三十五条呢？", history=["工作方案第三十四条是谁牵头？"])
    assert a.status == "out_of_range" and "34条措施" in a.answer
    a = real_assistant.ask("第十四条呢？", history=["中小企业促进法第五十三条"])
    assert [c.clause_id for c in a.citations] == ["sme-promotion-law-2017/article-14"]
