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
