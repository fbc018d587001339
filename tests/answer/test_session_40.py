"""Items from the session-39 fresh user's report (evaluation/fresh-user/session-39.md) fixed in session 40: a figure
claimed to be confirmed (45天, 万分之三, 50%), amounts with thousands commas, a pasted clause id, an absurd clause
number, 那2020年版呢 opening a conversation, a clause asked in English by 英文, the condition of a complaint (a
contract), a private large enterprise under a state-owned rule, whether the payment rules bind the customer, the
roles of one department across a measure's tasks, and an unrelated current rule beside a plan answer."""

from __future__ import annotations

PAY = "sme-payment-regulation-2025"
PLAN = "suifuban-2007-42"
GZ = "guangzhou-private-economy-regulation-2024"


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
