"""Items from the session-41 fresh users' reports (evaluation/fresh-user/session-41.md and session-41-retest.md)
fixed in session 42: a rule before the liability article that lists its breach, a prohibition with a contract
condition, a cash-only deposit, a follow-up whose topic the earlier text never mentions, a Cantonese interest
sum, an agreed late-payment rate held to the LPR floor, a changed debtor "instead", two claimed dates in English
and in Chinese with the question after both, a payment term "valid?", and who counts as a private economic
organisation."""

from __future__ import annotations

from tests.doc_ids import GD, GZ, PAY, PEPL


def test_a_permission_question_is_answered_by_the_rule_not_the_liability_list(real_assistant):
    a = real_assistant.ask("政府投资项目要求我们施工单位垫资，允许吗？")
    assert a.citations[0].clause_id == f"{PAY}/article-8"
    assert a.answer.startswith("不可以，条文明确禁止：") and "不得由施工单位垫资建设" in a.answer


def test_waiting_for_an_audit_is_forbidden_unless_the_contract_provides_for_it(real_assistant):
    a = real_assistant.ask("审计完才付款，这能成为拖延付款的理由吗？")
    assert a.citations[0].clause_id == f"{PAY}/article-14"
    assert a.answer.startswith("不可以（合同另有约定的除外）")
    a = real_assistant.ask("Can they use the audit as an excuse to delay paying me?")
    assert a.citations[0].clause_id == f"{PAY}/article-14" and a.answer.startswith("No, unless the contract provides for it")
    # Internal payment procedures are no reason at all, whatever the contract says.
    a = real_assistant.ask("大企业可以以内部付款流程没走完为由拖着不付吗？")
    assert a.answer.startswith("不可以，条文明确禁止：")


def test_a_cash_only_deposit_is_answered_by_the_cash_sentence_not_the_exception_list(real_assistant):
    a = real_assistant.ask("我们的履约保证金对方只收现金，合法吗？")
    assert a.answer.startswith("不合法，条文明确禁止：机关、事业单位和大型企业不得将保证金限定为现金")


def test_a_follow_up_on_a_topic_the_earlier_law_never_mentions_is_looked_up_where_it_is(real_assistant):
    a = real_assistant.ask("那要付利息吗", history=["民营经济促进法第68条"])
    assert a.citations[0].clause_id == f"{PAY}/article-17"
    assert any("没有写到这一点" in n for n in a.notes)
    a = real_assistant.ask("那利息呢", history=["保障中小企业款项支付条例第9条"])
    assert a.citations[0].clause_id == f"{PAY}/article-17"
    a = real_assistant.ask("What fees can they charge me?", history=["行业协会商会可以向企业收费吗？"])
    assert a.citations[0].clause_id == f"{GD}/article-62"
    # A term the earlier definition has (个体工商户 spelt out) keeps the conversation on it.
    a = real_assistant.ask("那个体户呢", history=["民营经济促进法第77条"])
    assert a.citations[0].clause_id == f"{PEPL}/article-77"


def test_cantonese_interest_sum_in_traditional_characters_is_worked_out(real_assistant):
    a = real_assistant.ask("佢哋拖咗我30萬，遲咗兩個月先俾，利息計幾多？")
    assert "30万拖欠60天的逾期利息为9,000元" in a.answer
    a = real_assistant.ask("如果係80萬呢？", history=["佢哋拖咗我30萬，遲咗兩個月先俾，利息計幾多？"])
    assert "80万拖欠60天的逾期利息为2.4万元" in a.answer


def test_an_agreed_rate_is_held_to_the_lpr_floor_not_to_the_default_rate(real_assistant):
    a = real_assistant.ask("The contract sets 2% a year for late payment. Is that valid?")
    assert a.answer.startswith("It depends on the rate when the contract was made") and "not the" not in a.answer[:80]
    a = real_assistant.ask("合同约定逾期利息年利率1%，合法吗？")
    assert a.answer.startswith("要看签合同时的利率")
    # With no rate agreed, the default rate is the one the claim is held to.
    a = real_assistant.ask("未约定的情况下逾期利息是每日万分之三，对吧？")
    assert a.answer.startswith("不对：所引条文写的是万分之五")


def test_a_debtor_changed_instead_keeps_the_interest_worked_out(real_assistant):
    first = "A large company owes me RMB 1,000,000, 30 days overdue, no rate agreed. How much interest?"
    a = real_assistant.ask("If the debtor is a public hospital instead?", history=[first])
    assert a.context_from and "RMB 1,000,000 overdue for 30 days carries RMB 15,000.00" in a.answer
    a = real_assistant.ask("换成公立医院呢？", history=["大企业欠我100万，逾期30天，没约定利率，利息多少？"])
    assert "100万拖欠30天的逾期利息为1.5万元" in a.answer


def test_two_claimed_effective_dates_are_each_checked_against_their_own_document(real_assistant):
    a = real_assistant.ask("Did the Guangzhou private economy regulation take effect on 1 March 2024 and the Guangdong "
                           "SME regulation on 1 January 2020?")
    assert a.answer.startswith("No — the Regulations of Guangzhou Municipality") and "1 May 2024" in a.answer.split("\n")[0]
    a = real_assistant.ask("Did the Guangzhou private economy regulation take effect on 1 May 2024 and the Guangdong "
                           "SME regulation on 1 January 2020?")
    assert a.answer.startswith("Yes.")
    a = real_assistant.ask("广州市支持民营经济发展条例是2024年3月1日起施行的，广东省促进中小企业发展条例是2020年1月1日起施行的，"
                           "这两个说法都对吗？")
    assert a.answer.startswith("不对：《广州市支持民营经济发展条例》是2024年5月1日起施行")
    assert {c.clause_id for c in a.citations} >= {f"{GZ}/article-41", f"{GD}/article-67"}


def test_a_payment_term_asked_valid_gets_the_cap_verdict(real_assistant):
    a = real_assistant.ask("政府机关合同写了120天付款，这个期限有效吗？")
    assert a.answer.startswith("不可以：机关、事业单位的付款期限即使合同另有约定，最长也不得超过60日")
    a = real_assistant.ask("Is a 120-day payment term in a contract with a government agency valid?")
    assert a.answer.startswith("No — even by contract, government bodies and public institutions may set a payment term of at most 60 days")


def test_who_counts_as_a_private_economic_organisation(real_assistant):
    a = real_assistant.ask("外资控股的企业算不算民营企业？")
    assert a.answer.startswith("不算：") and a.citations[0].clause_id == f"{PEPL}/article-77"
    a = real_assistant.ask("Does a foreign-owned company count as a private economic organization?")
    assert a.answer.startswith("No — ")
    a = real_assistant.ask("个体工商户算不算民营经济组织？")
    assert a.answer.startswith("算：民营经济组织的定义明确列有个体工商户。")


def test_where_to_complain_asked_again_of_guangdong_and_guangzhou(real_assistant):
    first = "大企业拖欠货款可以向哪里投诉？"
    a = real_assistant.ask("那广东省的条例呢？", history=[first])
    assert a.citations[0].clause_id == f"{GD}/article-58"  # the complaint platform, not the liability article
    a = real_assistant.ask("广州的呢？", history=[first, "那广东省的条例呢？"])
    assert a.citations[0].clause_id == f"{GZ}/article-24" and "市政务服务和数据管理部门" in a.answer


def test_how_many_after_the_measures_a_department_does_not_lead_counts_those(real_assistant):
    a = real_assistant.ask("how many?", history=["Which measures does the Municipal Science and Technology Bureau not lead?"])
    assert a.answer.startswith("30 measures are not led by the Municipal Science and Technology Bureau")


def test_interest_for_a_hundred_million_over_a_year_is_worked_out(real_assistant):
    a = real_assistant.ask("一个亿逾期一年呢", history=["大企业欠我100万，逾期30天，没约定利率，利息多少？"])
    assert "一个亿拖欠365天的逾期利息为1825万元（100,000,000元×0.05%×365天，每年按365天计）" in a.answer


def test_what_can_i_do_adds_the_way_the_same_document_opens(real_assistant):
    a = real_assistant.ask("平台对我们个体户乱收费怎么办？", selection=None)
    assert any("可以这样做：《促进个体工商户发展条例》第三十三条" in line for line in a.visible_text().split("\n"))
    a = real_assistant.ask("公司账户被冻结了，冻结金额远超涉案金额，怎么办？")
    assert f"{PEPL}/article-65" in [c.clause_id for c in a.citations] and "申请行政复议" in a.visible_text()
    # A rule whose breach its document sanctions by name: that liability article (违反本条例第三十六条规定…).
    a = real_assistant.ask("有个网红发视频造谣我们公司，还要钱才肯删帖，怎么办？")
    assert [c.clause_id for c in a.citations][:2] == [f"{GZ}/article-36", f"{GZ}/article-39"]


def test_everyday_words_reach_the_texts_terms(real_assistant):
    a = real_assistant.ask("我们是初创公司，想在广州找便宜的厂房，有什么政策？")
    assert a.citations[0].clause_id == f"{GZ}/article-7"
    a = real_assistant.ask("我是开小饭馆的个体户，街道搞市容整治让我们停业，有没有什么说法？")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-27"
    a = real_assistant.ask("民营企业在公司财产和老板个人财产方面有什么要求？")
    assert a.citations[0].clause_id == f"{PEPL}/article-40"
    # Kinds of property a clause names are no question about the law's parts.
    a = real_assistant.ask("民营经济促进法要求查封扣押时严格区分哪几类财产？")
    assert a.intent != "document" and a.citations[0].clause_id == f"{PEPL}/article-62"


def test_a_body_the_guangzhou_regulation_charges_is_named_as_the_contact(real_assistant):
    a = real_assistant.ask("Which department sets up the 工业用地用房供需服务平台?")
    assert a.citations[0].clause_id == f"{GZ}/article-8" and "规划和自然资源部门" in a.answer


def test_now_dev_holdout_questions_on_purpose_liability_informing_and_complaint_time(real_assistant):
    a = real_assistant.ask("What is the Guangzhou private economy regulation for, overall?")
    assert a.citations[0].clause_id == f"{GZ}/article-1"
    a = real_assistant.ask("广州的政府部门拖欠民营企业货款，会怎么处理？")
    assert a.citations[0].clause_id == f"{GZ}/article-38"
    a = real_assistant.ask("Do I have to tell a big customer that we're a 中小企业 when we sign?")
    assert a.citations[0].clause_id == f"{PAY}/article-3"
    a = real_assistant.ask("If I file a complaint about late payment, how long until it's handled?")
    assert a.citations[0].clause_id == f"{PAY}/article-25"
    # A liability follow-up after the rule: the article that sanctions the breach.
    a = real_assistant.ask("要是他们非要我垫资，会怎么处理？", history=["你好，我是做装修工程的小公司，政府投资的项目能要求我垫资吗？"])
    assert a.citations[0].clause_id == f"{PAY}/article-32"


def test_cantonese_is_no_longer_read_into_system_relation_or_contact(real_assistant):
    # 係 ("is") simplifies to 系: replaced alone, it turned 系统 / 体系 / 联系 into 是统 / 体是 / 联是.
    for text in ("诚信系统建设", "信用担保体系", "联系哪个部门", "劳动关系"):
        assert text in real_assistant.understand(text).text
    assert real_assistant.understand("我係个体户，可唔可以投诉？").text.startswith("我是个体户")
    # Typed simplified, the Cantonese "is" still reads as 是.
    assert real_assistant.understand("呢份方案系几时发嘅？").text.startswith("这份方案是什么时候发的")
    from qa import Selection

    a = real_assistant.ask("Who is responsible for 诚信系统建设?", selection=Selection(documents=("suifuban-2007-42",)))
    assert a.citations[0].clause_id == "suifuban-2007-42/measure-6"


def test_a_plan_section_named_with_its_number_lists_that_section(real_assistant):
    from qa import Selection

    plan = Selection(documents=("suifuban-2007-42",))
    a = real_assistant.ask("What's in section two, the main goals?", selection=plan)
    assert a.intent == "group_listing" and [c.clause_id for c in a.citations][:1] == ["suifuban-2007-42/goal-1"]
    a = real_assistant.ask("What does Part IV, the work requirements, ask for?", selection=plan)
    assert [c.clause_id for c in a.citations] == [f"suifuban-2007-42/requirement-{n}" for n in (1, 2, 3)]
    # "What does it have to report on under the work requirements?" asks what "it" must do, not the section.
    a = real_assistant.ask("What does it have to report on under the work requirements?",
                           history=["市民营经济工作领导小组 is abbreviated how?"], selection=plan)
    assert a.intent != "group_listing"
    a = real_assistant.ask("我们公司招不到人，方案里有什么帮助？", selection=plan)
    assert a.citations[0].clause_id == "suifuban-2007-42/measure-20"


# From the session-42 fresh user (evaluation/fresh-user/session-42.md).

def test_a_follow_up_within_the_chosen_2020_version_stays_in_it(real_assistant):
    from qa import Selection

    old = Selection(documents=("sme-payment-regulation-2020",))
    a = real_assistant.ask("大型企业呢？", history=["机关事业单位付款期限是多少天？"], selection=old)
    assert a.citations[0].clause_id == "sme-payment-regulation-2020/article-8"
    assert a.answer.startswith("没有为大型企业写明具体期限") and not any("没有写到这一点" in n for n in a.notes)


def test_interest_follow_ups_take_the_latest_sum_and_an_agreed_rate_gets_the_floor(real_assistant):
    history = ["大企业欠我50万，逾期60天，没约定利率，利息多少？", "如果是100万呢？"]
    a = real_assistant.ask("如果逾期120天呢？", history=history)
    assert "100万拖欠120天的逾期利息为6万元" in a.answer
    a = real_assistant.ask("如果合同约定了年利率3%呢？", history=[*history, "如果逾期120天呢？"])
    assert a.answer.startswith("要看签合同时的利率") and "6万元" not in a.answer


def test_fresh_user_42_pay_when_paid_in_english_contact_after_interest_and_a_revision_date(real_assistant):
    a = real_assistant.ask("Can a large enterprise make payment conditional on receiving money from its own customer?")
    assert a.citations[0].clause_id == f"{PAY}/article-9" and a.answer.startswith("No — ")
    a = real_assistant.ask("Who do I contact?", history=[
        "A large company owes me RMB 1,000,000, 30 days overdue, no rate agreed. How much interest?"])
    assert "names no department" not in a.answer and "受理投诉部门" in a.answer
    a = real_assistant.ask("广东省促进中小企业发展条例是2019年9月25日修订的吧？")
    assert a.answer.startswith("对：")
    a = real_assistant.ask("广东省促进中小企业发展条例是2018年9月25日修订的吧？")
    assert a.answer.startswith("不对：")


def test_refusing_what_may_not_be_forced_is_allowed_and_waiting_for_an_audit_in_cantonese(real_assistant):
    a = real_assistant.ask("对方要我收商业汇票，我能拒绝吗？")
    assert a.answer.startswith("可以拒绝：条文禁止强制中小企业接受商业汇票")
    a = real_assistant.ask("Can I refuse to accept a commercial bill?")
    assert a.citations[0].clause_id == f"{PAY}/article-11" and a.answer.startswith("Yes — you may refuse")
    a = real_assistant.ask("政府部門拖數三個月，可唔可以收利息？")
    assert a.citations[0].clause_id == f"{PAY}/article-17" and a.answer.startswith("可以：")


def test_a_version_named_by_its_revision_year_is_no_date_claim(real_assistant):
    # Session-42 retest: "2025年修订版" was read as a claimed revision date (true), so a false order number got 对.
    a = real_assistant.ask("保障中小企业款项支付条例2025年修订版是国务院令第728号，对吗？")
    assert a.answer.startswith("不对：")
    a = real_assistant.ask("保障中小企业款项支付条例2025年修订版是国务院令第802号，对吗？")
    assert a.answer.startswith("对：")
