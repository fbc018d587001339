"""Questions the session-33 fresh user found wrong (evaluation/fresh-user/session-33.md): a version comparison that
stuck to later questions, the large-enterprise payment-term change, a state-owned company's payment term, Cantonese
'what changed', vague contacts, the plan's financing measures asked in English."""

from __future__ import annotations

from qa.assistant import Selection

PAY = "sme-payment-regulation-2025"
OLD = "sme-payment-regulation-2020"
GZ = "guangzhou-private-economy-regulation-2024"
PLAN = "suifuban-2007-42"
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
