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
