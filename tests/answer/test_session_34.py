"""Questions the session-33 fresh user found wrong (evaluation/fresh-user/session-33.md): a version comparison that
stuck to later questions, the large-enterprise payment-term change, a state-owned company's payment term, Cantonese
'what changed', vague contacts, the plan's financing measures asked in English."""

from __future__ import annotations

from qa.assistant import Selection
from tests.doc_ids import GZ, OLD, PAY, PLAN

COMPARE = "新旧两版付款条例对大企业付款期限的规定有什么不同？"


def test_a_new_topic_after_a_version_comparison_is_not_compared(fake_assistant):
    a = fake_assistant.ask("个体户可以转做公司吗？", history=[COMPARE])
    assert a.intent != "compare_versions"
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-13"
    assert fake_assistant.ask("who do I contact?", history=[COMPARE]).intent == "contact"
    # A follow-up on another provision still compares both versions.
    follow = fake_assistant.ask("那检验验收期限呢？", history=[COMPARE])
    assert follow.intent == "compare_versions"


def test_the_large_enterprise_payment_term_compares_2025_article_9_with_2020_article_8(fake_assistant):
    for question in (COMPARE, "新版大企业付款期限系咪变咗？"):
        a = fake_assistant.ask(question)
        assert [c.clause_id for c in a.citations[:2]] == [f"{PAY}/article-9", f"{OLD}/article-8"], question


def test_cantonese_what_changed_between_the_versions_is_the_overview(fake_assistant):
    a = fake_assistant.ask("2020版同2025版支付条例主要改咗啲乜嘢？")
    assert a.intent == "compare_versions" and not a.abstained
    assert "第九条（原第八条）" in a.answer


def test_a_state_owned_company_is_held_to_the_large_enterprise_term(fake_assistant):
    a = fake_assistant.ask("A state-owned company owes me money for 4 months. How long do they legally have to pay?")
    assert a.citations[0].clause_id == f"{PAY}/article-9"
    lead = a.answer.split("Where")[0]
    assert "60 days" in lead and "large enterprise" in lead and "30 days" not in lead
    zh = fake_assistant.ask("国企欠我货款4个月了，法律规定他们最迟多久要付？")
    assert "60日" in zh.answer.split("。")[0] and "大型企业" in zh.answer.split("。")[0]


def test_unpaid_for_90_days_is_answered_by_the_payment_term(fake_assistant):
    a = fake_assistant.ask("A big company has not paid me for 90 days. Is that allowed?")
    assert a.citations[0].clause_id == f"{PAY}/article-9"


def test_who_is_in_charge_of_the_private_economy_in_guangzhou_is_the_regulations_body(fake_assistant):
    for question in ("广州有冇专门帮民营企业嘅部门？", "广州民营经济归哪个部门管？",
                     "Is there a department in Guangzhou specifically for private businesses?"):
        a = fake_assistant.ask(question)
        assert a.citations[0].clause_id == f"{GZ}/article-3", question
        assert any(c.name == "市工业和信息化主管部门" for c in a.departments), question
    # A topic of its own is no question about the whole subject.
    assert fake_assistant.ask("广州民营企业贷款找哪个部门？").citations[0].clause_id != f"{GZ}/article-3"


def test_who_oversees_individual_businesses_quotes_the_sentence_naming_the_body(fake_assistant):
    a = fake_assistant.ask("个体户归谁管？")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-7"
    assert "依据：国务院市场监督管理部门会同有关部门" in a.answer


def test_the_plans_financing_measures_and_their_leads_asked_in_english(fake_assistant):
    a = fake_assistant.ask("Which measures in it deal with financing, and which bureau leads them?",
                           selection=Selection(documents=(PLAN,)))
    assert a.intent == "group_listing"
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-{n}" for n in range(1, 7)]


def test_a_document_and_article_named_after_an_ambiguous_number_is_that_article_alone(fake_assistant):
    a = fake_assistant.ask("民促法第77条", history=["第三十四条"])
    assert [c.clause_id for c in a.citations] == ["private-economy-promotion-law-2025/article-77"]
    # Naming only the document still answers the number asked before.
    b = fake_assistant.ask("民促法", history=["第三十四条"])
    assert b.citations[0].clause_id == "private-economy-promotion-law-2025/article-34"


def test_the_weather_is_outside_the_library_whichever_document_is_chosen(fake_assistant):
    a = fake_assistant.ask("明天广州天气怎么样？", selection=Selection(documents=(GZ,)))
    assert a.status == "out_of_scope" and "资料库" in a.answer and "条例》没有涉及" not in a.answer


def test_which_articles_cover_a_topic_lists_one_per_document(fake_assistant):
    for question in ("哪些条款涉及知识产权？", "Which articles deal with intellectual property?"):
        a = fake_assistant.ask(question)
        assert a.status == "listing", question
        assert len({c.doc_id for c in a.citations}) >= 4, question


def test_who_is_in_charge_with_only_the_historical_plan_chosen_is_its_own_measure(fake_assistant):
    a = fake_assistant.ask("广州有没有专门管中小企业的政府机构？", selection=Selection(documents=(PLAN,)))
    assert a.citations[0].clause_id == f"{PLAN}/measure-33"


def test_a_first_minor_violation_is_the_rule_that_spares_it_not_the_sanctions(fake_assistant):
    for question in ("Is there a 'no penalty for first violation' rule in Guangzhou?",
                     "What's the Guangzhou rule on penalties for minor first-time violations?"):
        a = fake_assistant.ask(question)
        assert a.citations[0].clause_id == f"{GZ}/article-29", question


def test_which_law_says_so_after_an_answer_is_that_answers_article(fake_assistant):
    first = "银行说要把部分贷款转成存款才放款，这合法吗？"
    cited = fake_assistant.ask(first).citations[0].clause_id
    a = fake_assistant.ask("这是哪部法规规定的？", history=[first])
    assert a.intent == "clause_ref" and a.citations[0].clause_id == cited


def test_paying_only_after_their_own_customer_pays_is_the_payment_term_article(fake_assistant):
    a = fake_assistant.ask("Does the 2025 payment regulation let a big company pay me only after its own customer has paid it?")
    assert a.citations[0].clause_id == f"{PAY}/article-9"


# The session-34 fresh user (evaluation/fresh-user/session-34.md).

def test_a_party_follow_up_to_a_payment_term_is_that_partys_term(fake_assistant):
    first = "A large company hasn't paid my invoice for 5 months. How many days do they have to pay a small business?"
    a = fake_assistant.ask("What if the buyer is a government agency?", history=[first])
    assert a.citations[0].clause_id == f"{PAY}/article-9" and "30 days" in a.answer.split("Where")[0]
    zh = fake_assistant.ask("咁如果系政府部门拖数呢？", history=["有个大客户拖咗我货款半年都唔俾，有冇规定佢几耐之内要俾钱？"])
    assert zh.citations[0].clause_id == f"{PAY}/article-9" and zh.answer.startswith("机关、事业单位应当自交付之日起30日内支付")


def test_a_document_named_with_a_topic_of_its_own_is_searched_for_that_topic(fake_assistant):
    history = ["我去边度投诉？边个部门管？", "那省级的呢？广东省有冇特别规定？"]
    a = fake_assistant.ask("广州市嘅条例有冇讲拖欠账款？", history=history)
    assert a.citations[0].clause_id == f"{GZ}/article-34"
    # 类似规定 still asks the earlier question of the document named.
    b = fake_assistant.ask("咁广东条例有冇类似规定？", history=["中小企业促进法第五十三条讲乜？"])
    assert b.citations[0].clause_id.startswith("guangdong-sme-promotion-regulation-2019/")


def test_what_changed_after_a_validity_question_is_the_overview_of_the_versions(fake_assistant):
    history = ["What interest can I claim on late payment?", "Is that regulation still in force?"]
    a = fake_assistant.ask("What changed between the 2020 and 2025 versions?", history=history)
    assert a.intent == "compare_versions" and a.status == "document"
    # After talk of another document, 新旧两版 is the library's one document with two versions.
    b = fake_assistant.ask("新旧两版有咩唔同？", history=["Which measures does 市科技局 cooperate on?"])
    assert b.intent == "compare_versions" and "共37条" in b.answer


def test_a_department_listing_after_talk_of_a_law_is_not_limited_to_that_law(fake_assistant):
    history = ["What does Article 77 of the Private Economy Promotion Law say?", "Which measures does 市科技局 cooperate on?"]
    a = fake_assistant.ask("And which ones does it lead?", history=history)
    assert [c.clause_id for c in a.citations[:3]] == [f"{PLAN}/measure-{n}" for n in (12, 13, 14)]


def test_a_pointing_question_opening_a_conversation_asks_which_clause(fake_assistant):
    for question in ("这条现在还有效吗？", "那省级的呢？", "Is this still valid?"):
        a = fake_assistant.ask(question)
        assert a.status == "clarify" and not a.citations, question
    # With an earlier turn it is a follow-up as before.
    assert fake_assistant.ask("这条现在还有效吗？", history=["民营经济促进法第七十七条"]).status != "clarify"


def test_a_contract_term_asked_in_english_is_tried_against_the_payment_term(fake_assistant):
    a = fake_assistant.ask("Can they put 90 days in the contract?")
    assert a.citations[0].clause_id == f"{PAY}/article-9"
    assert a.answer.startswith("No — even by contract, government bodies")


def test_cantonese_biggest_difference_and_these_time_limits_in_the_old_version(fake_assistant):
    first = "保障中小企业款项支付条例2025年修订版同2020版最大分别系乜？"
    assert fake_assistant.ask(first).intent == "compare_versions"
    a = fake_assistant.ask("旧版有冇呢啲时限？", history=[first, "而家投诉处理有冇时限？"])
    assert a.citations[0].clause_id == "sme-payment-regulation-2020/article-17"


def test_waiting_for_their_own_customer_to_pay_in_cantonese_is_the_third_party_condition(fake_assistant):
    a = fake_assistant.ask("大企业话要等佢嘅客户俾咗钱先至俾我，合法吗")
    assert not a.abstained
    assert a.citations[0].clause_id in (f"{PAY}/article-9", "private-economy-promotion-law-2025/article-68")


def test_whether_a_department_leads_a_measure_is_answered_yes_or_no(fake_assistant):
    plan = Selection(documents=(PLAN,))
    assert fake_assistant.ask("Does 市经贸委 lead measure 4?", selection=plan).answer.startswith(
        "No — Measure 4: Municipal Financial Affairs Office (市金融办) leads")
    assert fake_assistant.ask("第四条是市金融办牵头的吗？", selection=plan).answer.startswith("是：第四条由市金融办牵头")
    assert fake_assistant.ask("市科技局配合第12条吗？", selection=plan).answer.startswith("不是：")


def test_an_article_of_a_document_outside_the_choice_is_answered_and_said_to_be_outside(fake_assistant):
    a = fake_assistant.ask("民促法第77条", selection=Selection(documents=("guangdong-sme-promotion-regulation-2019",)))
    assert a.citations[0].clause_id == "private-economy-promotion-law-2025/article-77"
    assert "不在所选的文件范围内" in a.answer
    assert "不在所选" not in fake_assistant.ask("民促法第77条").answer


def test_a_measure_asked_with_only_laws_in_force_chosen_is_the_plans_measure_said_outside(fake_assistant):
    a = fake_assistant.ask("措施12", selection=Selection(statuses=("in_force",)))
    assert a.citations[0].clause_id == f"{PLAN}/measure-12" and "不在所选的文件范围内" in a.answer


def test_a_party_follow_up_to_a_proposed_term_tries_that_term_for_the_party(fake_assistant):
    history = ["A big customer hasn't paid my small company for 4 months. How long do they legally have to pay?",
               "Can the contract say 120 days?"]
    a = fake_assistant.ask("What if the buyer is a government agency?", history=history)
    assert a.answer.startswith("No — even by contract, government bodies") and "120 days" in a.answer.split("Where")[0]


def test_baozhang_tiaoli_is_the_payment_regulation_in_force(fake_assistant):
    assert fake_assistant.ask("保障条例第十二条").citations[0].clause_id == f"{PAY}/article-12"
