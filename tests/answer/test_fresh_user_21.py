"""Problems a fresh user (helper 33) found in the app and the CLI in session 21, each with its right answer."""

from __future__ import annotations

from tests.doc_ids import PAY, PLAN


def test_a_follow_up_opening_with_na_on_a_topic_the_earlier_turn_never_touched_asks_afresh(fake_assistant):
    a = fake_assistant.ask("那拖欠款项找谁投诉呢？", history=["市科技局牵头哪些措施？"])
    assert a.citations[0].clause_id == f"{PAY}/article-24" and not a.context_from
    a = fake_assistant.ask("那逾期付款的利息怎么算？", history=["个体户想转成公司，有什么规定？"])
    assert a.citations[0].clause_id == f"{PAY}/article-17" and "万分之五" in a.answer
    # A real follow-up still leans on the earlier turn.
    a = fake_assistant.ask("那大企业呢？", history=["机关单位付款期限多少天？"])
    assert a.context_from and "60日" in a.answer


def test_a_prohibition_of_something_else_is_no_no_to_what_is_asked(fake_assistant):
    a = fake_assistant.ask("大企业拖欠货款可以投诉吗")
    assert not a.answer.startswith("不可以")  # 不得拖欠 forbids the arrears, not the complaint
    a = fake_assistant.ask("政府部门可以要求中小企业用审计结果作为结算依据吗？")
    assert a.answer.startswith("不可以") and a.citations[0].clause_id == f"{PAY}/article-12"


def test_the_figure_for_the_asked_kind_of_percentage_or_act_leads(fake_assistant):
    a = fake_assistant.ask("2010年民营经济增加值占GDP比重目标是多少？")
    assert a.answer.startswith("40%")
    a = fake_assistant.ask("民营经济增加值每年增长多少？")
    assert a.answer.startswith("15%")
    a = fake_assistant.ask("受理投诉部门收到投诉后几天内要转交？")
    assert a.answer.startswith("10个工作日") and a.citations[0].clause_id == f"{PAY}/article-25"


def test_a_count_of_measures_with_the_plan_named_in_its_own_words(fake_assistant):
    a = fake_assistant.ask("广州民营经济方案一共有多少条措施？")
    assert a.status == "document" and "34条措施" in a.answer


def test_each_article_number_goes_to_the_document_named_next_to_it(fake_assistant):
    a = fake_assistant.ask("中小企业促进法第五十三条和支付条例第十七条有什么区别？")
    assert [c.clause_id for c in a.citations][:2] == ["sme-promotion-law-2017/article-53", f"{PAY}/article-17"]


def test_another_places_regulation_is_said_to_be_outside_the_library(fake_assistant):
    a = fake_assistant.ask("上海市中小企业条例第十条")
    assert a.status == "not_in_library" and "上海市中小企业条例" in a.answer
    a = fake_assistant.ask("广东省中小企业条例第十条")
    assert a.citations[0].clause_id == "guangdong-sme-promotion-regulation-2019/article-10"


def test_the_repealed_predecessor_named_is_said_to_be_repealed_first(fake_assistant):
    a = fake_assistant.ask("《个体工商户条例》还有效吗？")
    assert a.answer.startswith("不是：《个体工商户条例》已废止") and "现行有效" in a.answer
    a = fake_assistant.ask("促进个体工商户发展条例还有效吗？")
    assert not a.answer.startswith("不是")


def test_an_item_of_that_which_the_clause_lacks_says_so(fake_assistant):
    a = fake_assistant.ask("item 4 of that", history=["民营经济促进法第77条"])
    assert a.status == "out_of_range" and "Article 77" in a.answer


def test_sec_is_an_article_number(fake_assistant):
    a = fake_assistant.ask("sec 12 of the Guangzhou regulation")
    assert a.citations[0].clause_id == "guangzhou-private-economy-regulation-2024/article-12"


def test_each_question_of_a_message_gets_its_own_answer(fake_assistant):
    a = fake_assistant.ask("机关单位付款期限多少天？另外逾期利息怎么算？还有投诉找谁？")
    assert "30日" in a.answer and "万分之五" in a.answer and "受理投诉部门" in a.answer


def test_with_no_document_chosen_the_rules_in_force_answer_before_the_2007_plan(fake_assistant):
    a = fake_assistant.ask("我是做小生意的，能不能拿到贷款担保？")
    assert a.status == "answered" and not a.citations[0].clause_id.startswith(PLAN)


def test_does_the_term_include_quotes_its_definition(fake_assistant):
    a = fake_assistant.ask("民营经济促进法规定的民营经济组织包括个体工商户吗？")
    assert a.citations[0].clause_id == "private-economy-promotion-law-2025/article-77" and "个体工商户" in a.answer


def test_everyday_subsidy_questions_find_the_funding_clause(fake_assistant):
    a = fake_assistant.ask("我开了个面馆，是个体户，有补贴吗？")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-19"


def test_procedures_and_other_places_regulations_are_outside_the_library(fake_assistant):
    for question in ("如何申请高新技术企业认定？", "深圳市民营经济促进条例对企业有什么补贴？",
                     "What does the Shenzhen Special Economic Zone regulation on promoting the private economy say "
                     "about rent subsidies?"):
        assert fake_assistant.ask(question).status == "out_of_scope", question


def test_is_it_still_open_after_a_plan_measure_asks_the_plans_validity_not_a_yes_no(fake_assistant):
    history = ["广州那个2007年的民营经济方案里，企业技术中心被认定为国家级能拿多少钱？", "省级呢？", "这个措施谁牵头？"]
    a = fake_assistant.ask("现在还能申请吗？", history=history)
    assert a.status == "validity" and "历史文件" in a.answer and not a.answer.startswith("不可以")


def test_a_pronoun_in_a_question_with_its_own_topic_does_not_repeat_the_earlier_question(fake_assistant):
    history = ["In Guangzhou, can a chamber of commerce force my company to attend their paid training?", "and the penalty?"]
    a = fake_assistant.ask("someone posted fake negative news about my firm and wants money to delete it, what does "
                           "the Guangzhou regulation say?", history=history)
    # Art. 36 forbids it, Art. 39 sanctions it; Art. 37 and 40 (forced training) were the earlier turns' clauses.
    assert a.citations[0].clause_id.rsplit("-", 1)[1] in ("36", "39") and not a.context_from


def test_a_follow_up_figure_follows_the_follow_ups_own_words(fake_assistant):
    a = fake_assistant.ask("其中给小微企业的呢？", history=["政府采购要给中小企业预留多少份额？"])
    assert a.answer.startswith("百分之六十")


def test_a_law_the_library_does_not_hold_is_said_to_be_outside_it(fake_assistant):
    a = fake_assistant.ask("what does the Anti-Unfair Competition Law say about commercial bribery?")
    assert a.status == "out_of_scope"


def test_what_a_contract_may_not_agree_is_a_no_though_the_contract_otherwise_decides(fake_assistant):
    a = fake_assistant.ask("大企业可以要求以收到甲方的钱作为付款条件吗？")
    assert a.answer.startswith("不可以") and a.citations[0].clause_id == f"{PAY}/article-9"
    # A term the contract may agree (合同另有约定的，从其约定) gets no 不可以.
    assert not fake_assistant.ask("大企业可以和我们约定90天付款吗？").answer.startswith("不可以")


def test_a_range_is_given_whole(fake_assistant):
    a = fake_assistant.ask("价格扣除比例是多少？")
    assert a.answer.startswith("百分之六至百分之十")


def test_follow_ups_about_documents_keep_to_the_document_under_discussion(fake_assistant):
    a = fake_assistant.ask("这个条例哪天开始施行的？", history=["个体户转企业有什么规定？"])
    assert a.answer.startswith("《促进个体工商户发展条例》") and "\n" not in a.answer
    a = fake_assistant.ask("and what about the SME promotion law?",
                           history=["when did the private economy promotion law take effect?"])
    assert a.status == "document" and "1 January 2018" in a.answer
    a = fake_assistant.ask("这条在2020版是第几条？", history=["政府部门可以要求中小企业用审计结果作为结算依据吗？"])
    assert a.citations[0].clause_id == "sme-payment-regulation-2020/article-11"


def test_a_fixed_number_of_days_to_pay_is_the_payment_term(fake_assistant):
    a = fake_assistant.ask("Under the old 2020 rules, did large companies have a fixed number of days to pay SMEs?")
    assert a.citations[0].clause_id == "sme-payment-regulation-2020/article-8"
    assert a.answer.startswith("No figure is set for large enterprises")
