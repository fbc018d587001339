"""Items from the session-39 fresh user's report (evaluation/fresh-user/session-39.md) fixed in session 40: a figure
claimed to be confirmed (45天, 万分之三, 50%), amounts with thousands commas, a pasted clause id, an absurd clause
number, 那2020年版呢 opening a conversation, a clause asked in English by 英文, the condition of a complaint (a
contract), a private large enterprise under a state-owned rule, whether the payment rules bind the customer, the
roles of one department across a measure's tasks, and an unrelated current rule beside a plan answer."""

from __future__ import annotations

from tests.doc_ids import GD, GZ, PAY, PLAN


def test_a_claimed_payment_term_with_words_of_change_is_checked_against_the_article(real_assistant):
    a = real_assistant.ask("听说2025年新条例把大企业付款期限改成了45天，对吗？")
    assert a.answer.startswith("不对：大型企业的付款期限是自交付之日起60日内") and a.citations[0].clause_id == f"{PAY}/article-9"
    a = real_assistant.ask("The 2020 payment regulation says large firms must pay within 30 days, right?")
    assert a.answer.startswith("No — this article sets no 30-day term for large enterprises")


def test_a_claimed_rate_or_share_is_confirmed_or_corrected(real_assistant):
    assert real_assistant.ask("逾期利息是每日万分之三对吧").answer.startswith("不对：所引条文写的是万分之五，不是万分之三。")
    assert real_assistant.ask("逾期利息是每日万分之五对吧").answer.startswith("对：")
    assert real_assistant.ask("Late payment interest is 0.03% per day, right?").answer.startswith("No — ")
    assert real_assistant.ask("SMEs get 50% rent reduction in incubators?").answer.startswith(
        "The provision quoted does not state 50%")
    assert real_assistant.ask("中小企业促进法规定小微企业免征企业所得税五年？").answer.startswith("所引条文没有写明“五年”")
    # A share inside the stated range (百分之六至百分之十) is no contradiction; a question asking a figure claims nothing.
    assert not real_assistant.ask("小微企业价格扣除是8%吗？").answer.startswith(("不对", "所引条文没有"))
    assert not real_assistant.ask("逾期利息每日多少？").answer.startswith(("不对", "对：", "所引条文没有"))


def test_an_amount_with_thousands_commas_is_one_number(real_assistant):
    a = real_assistant.ask("Guangzhou gives every private company a 100,000 yuan subsidy, how do I apply?")
    assert a.answer.startswith("The provision quoted does not state 100,000 yuan")


def test_a_pasted_clause_id_opens_that_clause(real_assistant):
    a = real_assistant.ask(f"{PAY}/article-24")
    assert a.status == "lookup" and a.citations[0].clause_id == f"{PAY}/article-24"
    a = real_assistant.ask("sme-payment-regulation-2020/article-8")
    assert a.citations[0].clause_id == "sme-payment-regulation-2020/article-8"
    assert real_assistant.ask(f"{PLAN}/measure-12").citations[0].clause_id == f"{PLAN}/measure-12"
    a = real_assistant.ask(f"{PAY}/article-99")
    assert a.status == "out_of_range" and "37" in a.answer


def test_an_absurd_article_number_is_out_of_range(real_assistant):
    a = real_assistant.ask("中小企业促进法第99999999999999999999条")
    assert a.status == "out_of_range" and "共有61条" in a.answer


def test_a_version_alone_opening_a_conversation_asks_what_is_meant(real_assistant):
    assert real_assistant.ask("那2020年版呢？").status == "clarify"
    assert real_assistant.ask("And the 2020 version?").status == "clarify"
    a = real_assistant.ask("那2020年版呢？", history=["大企业最长多少天付款？"])
    assert a.status != "clarify"


def test_a_clause_asked_with_英文_is_shown_in_english(real_assistant):
    a = real_assistant.ask("个体工商户条例第十三条英文")
    assert a.lang == "en" and a.answer.startswith("Article 13 of the Regulations on Promoting")


def test_a_complaint_without_a_written_contract_gets_the_contract_condition(real_assistant):
    a = real_assistant.ask("我和对方没有合同，只是口头约定，可以投诉吗？")
    assert a.answer.startswith("要看是否存在合同关系") and "投诉人应当与被投诉人存在合同关系" in a.answer
    assert not a.answer.startswith("可以")


def test_a_private_large_enterprise_is_not_bound_by_a_state_owned_rule(real_assistant):
    a = real_assistant.ask("如果是私营的大企业要求按审计结果结算呢？")
    assert a.answer.startswith("这一条约束的是机关、事业单位和国有大型企业，私营（民营）大企业不在其列")
    a = real_assistant.ask("Can a big private company insist on using the audit result for settlement?")
    assert a.answer.startswith("This provision binds government bodies, public institutions and large state-owned")
    assert not real_assistant.ask("国企能不能要求按审计结果结算").answer.startswith("这一条约束的是")


def test_unpaid_steps_for_an_unnamed_customer_say_whom_the_payment_rules_bind(real_assistant):
    a = real_assistant.ask("客户拖了我半年货款不给，怎么办？")
    assert "约束的是向中小企业采购的机关、事业单位和大型企业" in a.answer.splitlines()[0]
    assert "约束的是" not in real_assistant.ask("大企业拖了我半年货款不给，怎么办？").answer.splitlines()[0]


def test_another_party_after_a_maximum_term_question_gets_its_cap(real_assistant):
    a = real_assistant.ask("那机关事业单位呢？", history=["大企业拖欠中小企业货款，最长多少天必须付？"])
    assert a.answer.startswith("机关、事业单位应当自交付之日起30日内支付；合同另有约定的，最长不得超过60日。")


def test_one_departments_roles_across_a_measures_tasks(real_assistant):
    a = real_assistant.ask("市财政局在第一条里是牵头还是配合？")
    first = a.answer.splitlines()[0]
    assert first.startswith("市财政局在第一条中的分工：一是：配合") and "二是：牵头" in first and "四是：既负责一项也配合另一项" in first
    a = real_assistant.ask("市劳动保障局在第20项措施里是什么角色")
    assert "：负责（市劳动保障局负责" in a.answer.splitlines()[0] and "：配合（市人事局牵头" in a.answer.splitlines()[0]
    assert real_assistant.ask("市经贸委牵头第一条吗").answer.startswith("部分是：")
    a = real_assistant.ask("What is the finance bureau's role in measure 1?")
    assert a.answer.startswith("The Municipal Finance Bureau in Measure 1: cooperates on part 1; leads part 2")


def test_a_plan_answer_names_no_current_rule_on_another_topic(real_assistant):
    a = real_assistant.ask("广州市对民营企业用电有什么保障？")
    assert a.citations[0].clause_id == f"{PLAN}/measure-31"
    assert not any("现行规定见" in n and "服务周" in n for n in a.notes)
    assert any("现行规定见" in n for n in real_assistant.ask("民营企业融资难怎么办").notes)


def test_english_guarantee_and_interest_questions_find_their_articles(real_assistant):
    a = real_assistant.ask("Is there any guarantee support for small factories in Guangzhou?")
    assert a.citations[0].clause_id == f"{GZ}/article-12"
    a = real_assistant.ask("I run a small factory in Guangzhou and banks wont lend me money without collateral. "
                           "Is there any guarantee support?")
    assert not a.abstained and a.citations[0].clause_id.startswith(GZ)
    a = real_assistant.ask("my customer is a government hospital, they not pay 4 months, what interest can I claim??")
    assert not a.abstained and a.citations[0].clause_id == f"{PAY}/article-17"


def test_late_payment_interest_is_worked_out_for_the_amount_and_days_given(real_assistant):
    a = real_assistant.ask("欠我100万，拖了100天，没有约定利率，利息多少？")
    assert a.answer.startswith("按未约定利率时的每日万分之五计，100万拖欠100天的逾期利息为5万元")
    a = real_assistant.ask("A big company owes me 200,000 yuan and is 3 months late, how much interest can I get?")
    assert "RMB 9,000.00" in a.answer and "a month counted as 30 days" in a.answer
    assert real_assistant.ask("逾期利息怎么算").answer.startswith("万分之五：")


def test_an_article_asked_with_its_department_names_the_bodies_it_names(real_assistant):
    a = real_assistant.ask("广州条例第三条，主管部门是谁")
    assert "条文写明的部门：市、区人民政府；市工业和信息化主管部门。" in a.answer


def test_document_facts_follow_up_and_what_a_regulation_replaced(real_assistant):
    a = real_assistant.ask("哪个机关通过的？", history=["你好，民营经济促进法是什么时候通过的？"])
    assert a.intent == "document" and "全国人民代表大会常务委员会" in a.answer
    a = real_assistant.ask("Did it replace anything?",
                           history=["When did the regulation on promoting individual businesses take effect?"])
    assert "Replaces the Regulations on Individual Industrial and Commercial Households" in a.answer
    assert real_assistant.ask("个体工商户条例取代了什么？").answer.startswith("《个体工商户条例》已废止")
    assert real_assistant.ask("个体工商户条例还有效吗？").answer.startswith("不是：")


def test_after_an_old_version_was_shown_a_question_naming_no_version_asks_the_one_in_force(real_assistant):
    history = ["大企业拖欠中小企业货款，最长多少天必须付？", "那机关事业单位呢？", "2020年版是多少天？"]
    a = real_assistant.ask("合同约定120天付款可以吗？", history=history)
    assert a.citations[0].clause_id == f"{PAY}/article-9"
    a = real_assistant.ask("利息怎么算？有没有具体利率？", history=["逾期利息怎么算", "and in the 2020 version?"])
    assert a.citations[0].clause_id == f"{PAY}/article-17"
    # Named, the old version is still answered from.
    a = real_assistant.ask("2020年版是多少天？", history=history[:2])
    assert a.citations[0].clause_id == "sme-payment-regulation-2020/article-8"


def test_a_payment_term_asked_of_no_party_gives_each_partys_term(real_assistant):
    a = real_assistant.ask("付款期限多少天")
    assert a.answer.startswith("机关、事业单位应当自交付之日起30日内支付；合同另有约定的，最长不得超过60日。大型企业应当自交付之日起60日内支付")
    assert real_assistant.ask("账期最长多少天").answer.startswith("机关、事业单位应当自交付之日起30日内支付")


# Items of the session-40 fresh user's report (evaluation/fresh-user/session-40.md), fixed the same session.

def test_a_claim_with_a_count_the_reader_does_not_read_gets_no_yes(real_assistant):
    a = real_assistant.ask("2007年广州方案要求3年内30家民企上市，是吗？")
    assert not a.answer.startswith("对")


def test_pay_when_paid_asked_in_english_or_cantonese_is_a_no(real_assistant):
    a = real_assistant.ask("Can a big company make payment conditional on getting paid by its own client?")
    assert a.citations[0].clause_id == f"{PAY}/article-9" and a.answer.startswith("No — ")
    assert real_assistant.ask("大企业话要等甲方俾钱先至俾我，得唔得㗎？").answer.startswith("不可以")


def test_a_deposit_the_clause_allows_by_exception_is_no_plain_no(real_assistant):
    a = real_assistant.ask("大企业要求我交保证金，合法吗？")
    assert a.answer.startswith("不一定：条文允许依法设立的投标保证金")
    assert real_assistant.ask("Can a big company ask me for a deposit?").answer.startswith("It depends")
    assert real_assistant.ask("大企业能不能要求保证金只收现金？").answer.startswith("不可以")


def test_a_claimed_term_with_是_n天吗_and_a_share_put_with_吧_are_checked(real_assistant):
    a = real_assistant.ask("那大企业是90天吗？", history=["机关事业单位45天内必须付款，对吧？"])
    assert a.answer.startswith("不对：大型企业的付款期限是自交付之日起60日内，不是90天。")
    a = real_assistant.ask("政府采购给中小企业预留的份额是20%以上吧？")
    assert a.answer.startswith("不对：所引条文写的是百分之三十")


def test_a_follow_up_naming_a_subject_gets_its_own_figure_and_fragment(real_assistant):
    from qa.assistant import Selection

    plan = Selection(documents=(PLAN,))
    a = real_assistant.ask("受保企业呢？", history=["年担保总额目标是多少？"], selection=plan)
    assert a.answer.startswith("5000家")
    a = real_assistant.ask("小微企业呢？", history=["政府采购给中小企业预留的份额是20%以上吧？"])
    assert a.answer.startswith("其中，预留给小型微型企业的比例不低于百分之六十")


def test_short_payment_term_questions_and_english_department_names(real_assistant):
    assert real_assistant.ask("大企业付款期限？").citations[0].clause_id == f"{PAY}/article-9"
    a = real_assistant.ask("Which measures does the Guangzhou Municipal Bureau of Science and Technology lead?")
    assert a.status == "listing" and "Measure 12" in a.answer
    a = real_assistant.ask("What was its target deadline?", history=["Is the 2007 Guangzhou work plan still in force?"])
    assert "2010" in a.answer and not a.abstained


def test_what_happens_to_a_party_if_it_keeps_on_is_a_sanction_question(real_assistant):
    a = real_assistant.ask("What happens to the big company if it keeps dragging payment?",
                           history=["Can a big company make paying me conditional on getting paid by its client?"])
    assert a.citations[0].clause_id == f"{PAY}/article-26"
    a = real_assistant.ask("大企业要不要公开承诺付款期限？")
    assert a.citations[0].clause_id == f"{PAY}/article-6"


def test_a_question_negating_a_word_gets_the_fragment_that_negates_it(real_assistant):
    a = real_assistant.ask("没有约定利率怎么办？", history=["逾期利息是按LPR的两倍计算，对吗？"])
    assert a.answer.startswith("未作约定的，按照每日利率万分之五支付逾期利息")
    assert real_assistant.ask("如果约定了利率呢？").answer.startswith("双方对逾期利息的利率有约定的")


def test_a_claimed_day_of_the_year_and_a_place_beside_a_number(real_assistant):
    a = real_assistant.ask("机关每年6月30日前要公开逾期未付款项信息，是吗？")
    assert a.answer.startswith("不对：所引条文写的是3月31日，不是6月30日。")
    assert real_assistant.ask("机关每年3月31日前要公开逾期未付款项信息，是吗？").answer.startswith("对：")
    a = real_assistant.ask("第12条 广东")
    assert a.status == "lookup" and a.citations[0].clause_id == f"{GD}/article-12"


def test_complaining_about_late_payment_in_english_finds_the_complaint_article(real_assistant):
    assert real_assistant.ask("Can I complain about late payment?").citations[0].clause_id == f"{PAY}/article-24"
    assert real_assistant.ask("Where can I complain about unpaid invoices?").citations[0].clause_id == f"{PAY}/article-24"


def test_a_claim_of_two_figures_is_no_yes_unless_both_are_stated(real_assistant):
    # The session-40 retest: the right first figure carried a "yes" for a wrong second one.
    a = real_assistant.ask("机关付款期限是30日，合同另有约定的最长不超过90日，对吗？")
    assert a.answer.startswith("不对")
    a = real_assistant.ask("Government bodies within 30 days and large enterprises within 45 days, correct?")
    assert a.answer.startswith("No — ")
    a = real_assistant.ask("Large enterprises within 60 days and government bodies within 60 days, right?")
    assert a.answer.startswith("No — for government bodies and public institutions the text says 30")
    a = real_assistant.ask("大企业60天内付款，逾期利息每日万分之三，对吗？")
    assert a.answer.startswith("不对：所引条文写的是万分之五，不是万分之三。")
    # "within N days" is the default term, "at most N days" the cap.
    assert real_assistant.ask("机关最长不超过60日，对吗？").answer.startswith("对：")
    assert real_assistant.ask("机关60天内付款，对吧？").answer.startswith("不对：")
