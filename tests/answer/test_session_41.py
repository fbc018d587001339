"""Items from the session-40 fresh users' reports (evaluation/fresh-user/session-40.md and session-40-retest.md)
fixed in session 41: worked late-payment interest in follow-ups and for a sum owed, a place beside a bare clause
number after another place, pay-when-paid asked in Mandarin and Cantonese, a guarantee instead of a cash deposit,
a two-part deposit question, two claimed dates, specialised SMEs, "this standard", a definition asked "according
to" a law, unlawful fees in Cantonese, registration made easier, and a pasted empty Markdown table."""

from __future__ import annotations

from tests.doc_ids import GD, GZ, PAY


def test_an_interest_follow_up_with_a_new_sum_and_time_is_worked_out(real_assistant):
    a = real_assistant.ask("如果欠12万，逾期3个月呢", history=["大企业拖欠货款利息怎么算"])
    assert a.citations[0].clause_id == f"{PAY}/article-17"
    assert "5,400元（120,000元×0.05%×90天，每月按30天计）" in a.answer


def test_an_interest_follow_up_naming_another_party_keeps_the_earlier_sum(real_assistant):
    a = real_assistant.ask("What if it was a government agency instead?",
                           history=["大企业欠我30万元，逾期50天，没有约定利率，利息是多少？"])
    assert a.answer.startswith("At the daily rate of 0.05%") and "RMB 300,000 overdue for 50 days carries RMB 7,500.00" in a.answer


def test_a_sum_owed_with_days_late_is_the_interest_base_not_a_claimed_figure(real_assistant):
    a = real_assistant.ask("大公司欠我10万，晚了30天，没约定利率。利息？")
    assert a.answer.startswith("按未约定利率时的每日万分之五计，10万拖欠30天的逾期利息为1,500元")
    a = real_assistant.ask("A big firm owes me 100,000 yuan, 30 days late. What interest can I claim?")
    assert "carries RMB 1,500.00 of late-payment interest" in a.answer and "does not state" not in a.answer


def test_a_place_beside_a_bare_clause_number_overrides_the_earlier_turns_document(real_assistant):
    a = real_assistant.ask("第12条 广州", history=["第12条 广东"])
    assert a.status == "ambiguous" and all(GD not in c for c in a.suggestions)
    assert {c.split("/")[0] for c in a.suggestions} <= {GZ, "suifuban-2007-42"}


def test_pay_when_paid_asked_in_mandarin_and_cantonese_is_forbidden(real_assistant):
    for question in ("大企业可以等客户付款后再付给我吗", "大公司可唔可以等佢客户俾咗钱先至俾我？"):
        a = real_assistant.ask(question)
        assert a.answer.startswith("不可以，条文明确禁止：") and "第三方付款" in a.answer.split("（")[0], question
        assert a.citations[0].clause_id == f"{PAY}/article-9"
    # Complaining about arrears is not what 不得违约拖欠 forbids.
    assert not real_assistant.ask("大企业拖欠货款可以投诉吗").answer.startswith("不可以")


def test_a_guarantee_instead_of_a_cash_deposit_is_allowed(real_assistant):
    a = real_assistant.ask("那可以用银行保函代替吗？", history=["只收现金保证金可以吗"])
    assert a.answer.startswith("可以：中小企业以金融机构出具的保函等提供保证的")


def test_a_deposit_of_a_kind_the_exception_does_not_list_gets_no_it_depends(real_assistant):
    a = real_assistant.ask("Can a state-owned company demand a cash-only deposit from my SME, and can they also charge "
                           "a 'cooperation deposit' on a construction project?")
    assert a.answer.startswith("No — ")
    assert real_assistant.ask("大企业要求我交保证金，合法吗?").answer.startswith("不一定")


def test_two_claimed_dates_get_one_verdict_naming_the_wrong_one(real_assistant):
    a = real_assistant.ask("促进个体工商户发展条例是2022年11月1日施行，广州市支持民营经济发展条例是2024年1月1日施行，对吗？")
    assert a.answer.startswith("不对：《广州市支持民营经济发展条例》是2024年5月1日起施行。")
    a = real_assistant.ask("促进个体工商户发展条例是2022年11月1日施行，广州市支持民营经济发展条例是2024年5月1日施行，对吗？")
    assert a.answer.startswith("对。")


def test_specialised_smes_find_the_guangzhou_article_on_their_awards(real_assistant):
    for question in ("Does Guangzhou give cash rewards to specialised SMEs?", "专精特新企业有奖励吗"):
        assert real_assistant.ask(question).citations[0].clause_id == f"{GZ}/article-16", question


def test_who_sets_this_standard_follows_the_definition(real_assistant):
    a = real_assistant.ask("What is an SME according to the SME Promotion Law")
    assert a.citations[0].clause_id == "sme-promotion-law-2017/article-2"
    a = real_assistant.ask("谁制定这个标准？", history=["What is an SME according to the SME Promotion Law"])
    assert a.citations[0].clause_id == "sme-promotion-law-2017/article-2" and "划分标准由国务院" in a.answer


def test_unlawful_fees_in_cantonese_and_easier_registration(real_assistant):
    a = real_assistant.ask("我系做餐饮嘅个体户，政府可唔可以随便收我钱？")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-30"
    a = real_assistant.ask("民营企业登记注册有什么便利措施？")
    assert a.citations[0].clause_id == f"{GD}/article-13"


def test_a_pasted_empty_markdown_table_is_no_follow_up(real_assistant):
    a = real_assistant.ask("| a | b |\n|---|---|\n| 1 | 2 |", history=["大企业付款期限是多久"])
    assert a.intent == "unreadable" and not a.citations


def test_a_claimed_multiple_of_the_lpr_is_no(real_assistant):
    a = real_assistant.ask("逾期利息是按LPR的两倍计算，对吗？")
    assert a.answer.startswith("不对：所引条文没有“两倍”的规定") and a.citations[0].clause_id == f"{PAY}/article-17"
    assert real_assistant.ask("Late payment interest is twice the LPR, right?").answer.startswith("No — ")


def test_what_interest_they_owe_is_answered_with_the_rate(real_assistant):
    a = real_assistant.ask("And what interest do they owe if they pay late?",
                           history=["What does the payment regulation say about paying late?"])
    assert a.answer.startswith("0.05% (万分之五)")


def test_a_law_with_only_a_reasonable_term_has_no_fixed_deadline(real_assistant):
    a = real_assistant.ask("Is there a deadline in that law?", history=["民营经济促进法对拖欠民营企业账款有什么规定？"])
    assert a.answer.startswith("No fixed number of days: the text requires a reasonable agreed payment term")
    assert a.citations[0].clause_id == "private-economy-promotion-law-2025/article-68"
    # An interest question after it is no question of days.
    a = real_assistant.ask("那要付利息吗？", history=["民营经济促进法对拖欠民营企业账款有什么规定？", "Is there a deadline in that law?"])
    assert not a.answer.startswith("没有规定具体天数")


def test_a_bare_number_after_a_looked_up_article_is_the_next_lookup(real_assistant):
    for question in ("And 54?", "54呢？"):
        a = real_assistant.ask(question, history=["中小企业促进法第53条"])
        assert a.status == "lookup" and a.citations[0].clause_id == "sme-promotion-law-2017/article-54", question


def test_a_measure_in_brackets_inside_an_english_question(real_assistant):
    from tests.conftest import plan_only

    for question in ("What does （二十八） say?", "What does (28) say?"):
        a = real_assistant.ask(question, selection=plan_only())
        assert a.citations[0].clause_id == "suifuban-2007-42/measure-28", question


def test_is_this_regulation_in_force_asks_about_the_document_of_the_earlier_answer(real_assistant):
    a = real_assistant.ask("Is this regulation still in force?",
                           history=["what happens to officials who illegally refuse to accept the application?"])
    assert a.citations[0].clause_id.startswith(GD) and len({c.doc_id for c in a.citations}) == 1


def test_another_places_regulation_named_by_its_full_name_is_out_of_scope(real_assistant):
    a = real_assistant.ask("北京市民营经济促进条例什么时候施行？")
    assert a.status == "out_of_scope" and not a.citations
    assert real_assistant.ask("广州市民营经济条例什么时候施行").citations[0].clause_id.startswith(GZ)


def test_who_counts_as_is_a_definition(real_assistant):
    a = real_assistant.ask("Who counts as a 个体工商户 under the 2022 regulation?")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-2"


def test_which_version_to_follow_now_is_answered_by_the_version_in_force(real_assistant):
    a = real_assistant.ask("现在应该按哪一版执行？", history=["拖欠款项的投诉，受理以后多久要转给处理部门？", "2020年版有这个时限吗？"])
    assert a.intent == "validity" and a.citations[0].clause_id == f"{PAY}/article-37" and "2025年6月1日起施行" in a.answer


def test_the_time_to_pass_a_complaint_on_is_ten_working_days(real_assistant):
    a = real_assistant.ask("拖欠款项的投诉，受理以后多久要转给处理部门？")
    assert a.answer.startswith("10个工作日") and a.citations[0].clause_id == f"{PAY}/article-25"


def test_an_adoption_date_the_text_does_not_give_is_said_to_be_missing(real_assistant):
    from qa.assistant import Selection

    a = real_assistant.ask("这个条例是哪天通过的？", selection=Selection(documents=("individual-business-regulation-2022",)))
    assert a.status == "not_stated" and "原文没有写明通过日期" in a.answer and not a.notes
    assert real_assistant.ask("民营经济促进法是哪天通过的").answer.startswith("《中华人民共和国民营经济促进法》：2025年4月30日通过")


def test_a_body_the_plan_names_but_assigns_no_task_is_looked_up_in_its_text(real_assistant):
    from tests.conftest import plan_only

    a = real_assistant.ask("方案里说的市中小企业局是干什么的？", selection=plan_only())
    assert a.citations[0].clause_id == "suifuban-2007-42/measure-33" and "推进设立市中小企业局" in a.answer


def test_when_a_firms_size_is_determined(real_assistant):
    for question in ("签合同的时候企业规模按什么时候算？", "When is a company's size determined under the payment regulation?"):
        assert real_assistant.ask(question).citations[0].clause_id == f"{PAY}/article-3", question


def test_a_departments_role_within_a_range_of_measures(real_assistant):
    from tests.conftest import plan_only

    a = real_assistant.ask("Among measures 12 to 18, which ones is the Economic and Trade Commission not leading?",
                           selection=plan_only())
    assert a.intent == "department" and [c.clause_id.split("/")[1] for c in a.citations] == [
        "measure-13", "measure-14", "measure-17", "measure-18"]
    a = real_assistant.ask("融资那部分（1到6条），市经贸委只配合不牵头的是哪几条？", selection=plan_only())
    assert [c.clause_id.split("/")[1] for c in a.citations] == ["measure-4", "measure-5", "measure-6"]


def test_a_range_without_di_is_read_but_a_span_of_years_is_not():
    from qa.understand.references import find_references

    assert [r.number for r in find_references("(1到6条)")] == [1, 2, 3, 4, 5, 6]
    assert find_references("3到5年内30家") == []


def test_a_returnee_from_abroad_is_the_plans_returnee_measure_not_another_countrys_rules(real_assistant):
    from tests.conftest import plan_only

    for question in ("我刚从英国留学回来，想在广州创业，方案里对我们这种人有没有支持？",
                     "I'm a returnee from the UK, any support for starting a business?"):
        a = real_assistant.ask(question, selection=plan_only())
        assert a.citations and a.citations[0].clause_id == "suifuban-2007-42/measure-20", question
    assert real_assistant.ask("美国的中小企业政策是怎样的").status == "out_of_scope"


def test_a_guangzhou_district_is_no_other_place(real_assistant):
    from tests.conftest import plan_only

    a = real_assistant.ask("我喺白云区开厂，想租标准厂房，plan 有冇帮到？", selection=plan_only())
    assert a.citations[0].clause_id == "suifuban-2007-42/measure-11"


# From the session-41 fresh user (evaluation/fresh-user/session-41.md).

def test_an_english_claimed_day_and_month_of_entry_into_force_is_checked(real_assistant):
    for question, verdict in (("The Private Economy Promotion Law took effect on 1 May 2025, right?", "No — "),
                              ("The 2025 payment regulation took effect on 1 January 2025, right?", "No — "),
                              ("The Private Economy Promotion Law took effect on May 20, 2025, right?", "Yes — "),
                              ("The Private Economy Promotion Law took effect on 20 May 2025, right?", "Yes — ")):
        assert real_assistant.ask(question).answer.startswith(verdict), question


def test_money_owed_past_the_default_term_with_no_contract_named_depends_on_the_contract(real_assistant):
    a = real_assistant.ask("政府机关欠我货款50天了，合法吗？")
    assert a.answer.startswith("要看合同：没有约定付款期限的，机关、事业单位应当自交付之日起30日内支付，50天已经逾期")
    a = real_assistant.ask("I'm a small supplier and a government agency hasn't paid me for 50 days. Is that allowed?")
    assert a.answer.startswith("It depends on the contract")
    assert real_assistant.ask("政府机关欠我货款20天了，合法吗？").answer.startswith("还没有逾期")
    # A term the contract sets is judged against the cap, as before.
    assert real_assistant.ask("合同约定机关50天付款可以吗").answer.startswith("可以：")


def test_being_forced_to_take_commercial_bills_is_forbidden(real_assistant):
    a = real_assistant.ask("他们能逼我收商业承兑汇票吗？", history=["大企业可以要求我等他们收到甲方的钱再付款给我吗？"])
    assert a.answer.startswith("不可以") and a.citations[0].clause_id == f"{PAY}/article-11"


def test_a_cash_deposit_is_answered_by_the_sentence_on_cash(real_assistant):
    a = real_assistant.ask("can they make me pay the deposit in cash?")
    assert a.answer.startswith("No — it is not allowed: Government bodies, public institutions and large enterprises shall "
                               "not restrict deposits to cash.")


def test_not_settling_an_account_for_months_is_unpaid_money(real_assistant):
    a = real_assistant.ask("我是做装修的小公司，一个大客户（国企）三个月没给我结款了，我能怎么办？")
    assert a.answer.startswith("款项被拖欠，资料库中现行的规定给出这几步") and a.citations[0].clause_id == f"{PAY}/article-9"


def test_a_wrong_sum_claimed_is_corrected_with_the_sums_stated(real_assistant):
    from tests.conftest import plan_only

    a = real_assistant.ask("工作方案里国家级研发机构奖励是500万对吧？", selection=plan_only())
    assert a.answer.startswith("不对：所引条文写的是300万元、100万元、50万元，不是500万。")


def test_a_share_target_is_the_share_not_the_growth_rate(real_assistant):
    from tests.conftest import plan_only

    assert real_assistant.ask("到2010年民营经济增加值占比目标是多少？", selection=plan_only()).answer.startswith("40%")


# From the session-41 retest (evaluation/fresh-user/session-41-retest.md).

def test_every_date_a_claim_names_is_checked_with_its_own_event(real_assistant):
    a = real_assistant.ask("Was the Private Economy Promotion Law adopted on 30 April 2025 and in force from 20 May 2025?")
    assert a.answer.startswith("Yes — ")
    assert real_assistant.ask("中小企业促进法是2017年9月1日通过修订、2018年1月1日施行吗？").answer.startswith("对：")
    assert real_assistant.ask("民营经济促进法是2025年4月30日通过、2025年6月1日施行的吧？").answer.startswith("不对：")


def test_a_claimed_order_number_is_checked_not_read_as_an_article(real_assistant):
    a = real_assistant.ask("The revised payment regulation is State Council Order No. 728, correct?")
    assert a.answer.startswith("No — ") and "国务院令第802号" in a.answer
    assert real_assistant.ask("保障中小企业款项支付条例2025年版是国务院令第802号，对吗？").answer.startswith("对：")


def test_interest_for_months_and_days_and_follow_ups_changing_one_figure(real_assistant):
    first = "Interest on RMB 400,000 overdue for 2 months and 10 days, no rate agreed?"
    assert "RMB 400,000 overdue for 70 days carries RMB 14,000.00" in real_assistant.ask(first).answer
    assert "RMB 40,000 overdue for 70 days carries RMB 1,400.00" in real_assistant.ask("And only RMB 40,000?", history=[first]).answer
    a = real_assistant.ask("如果欠的是50万呢？", history=["大企业欠我100万，逾期60天，没有约定利率，利息多少？"])
    assert "50万拖欠60天的逾期利息为1.5万元" in a.answer


def test_a_large_company_owing_past_sixty_days_with_no_term_named_is_late(real_assistant):
    a = real_assistant.ask("大企业欠我货款75天了，合法吗？")
    assert a.answer.startswith("要看合同：没有约定付款期限的，大型企业应当自交付之日起60日内支付，75天已经逾期")


def test_a_wrong_revision_date_in_a_two_document_claim_is_named_not_a_crash(real_assistant):
    # Found in the review pass: a revision date claimed beside another document's date raised KeyError('revised').
    a = real_assistant.ask("中小企业促进法是2016年9月1日通过修订，民营经济促进法是2025年5月20日施行，对吗？")
    assert a.answer.startswith("不对：《中华人民共和国中小企业促进法》是2017年9月1日修订。")
