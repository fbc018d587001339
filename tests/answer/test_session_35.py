"""Questions the session-34 fresh users found wrong (evaluation/fresh-user/session-34.md and session-34-round-2.md):
English "late payment" in the local regulations, who enforces a sanction, which body is in charge of a document's
work, topic comparisons after the overview, 第9999条, validity asked of a clause, interest owed (yes, and the
default rate), a large enterprise's definition, a proposed contract term after a big customer's question."""

from __future__ import annotations

from qa.assistant import Selection
from tests.doc_ids import GD, GZ, OLD, PAY, PLAN

PEL = "private-economy-promotion-law-2025"


def test_english_late_payment_finds_the_local_regulations_articles(real_assistant):
    a = real_assistant.ask("What does the Guangdong SME regulation say about late payment?")
    assert not a.abstained and a.citations[0].clause_id == f"{GD}/article-61"
    a = real_assistant.ask("Does the Guangzhou regulation have rules on government paying late?")
    assert not a.abstained and a.citations[0].clause_id == f"{GZ}/article-34"


def test_a_topic_after_a_validity_turn_searches_that_document_by_its_own_words(real_assistant):
    a = real_assistant.ask("What does it say about late payment?", history=["Is the Guangdong regulation still in force?"])
    assert not a.abstained and a.citations[0].clause_id == f"{GD}/article-61"
    # The note names the document the earlier turn was about, not the article its dates came from.
    assert any("Guangdong" in n for n in a.notes if n.startswith("Following up"))


def test_who_enforces_a_sanction_names_the_body_in_the_article(real_assistant):
    history = ["What are the penalties for a government agency that pays late?"]
    a = real_assistant.ask("Who enforces that?", history=history)
    assert a.citations[0].clause_id == f"{PAY}/article-31"
    assert [d.name for d in a.departments] == ["上级机关"] and "superior body" in a.answer
    a = real_assistant.ask("那边个负责执法？", history=["民营经济促进法对拖欠账款有什么罚则？"])
    assert a.intent == "contact" and "有权机关" in [d.name for d in a.departments]
    a = real_assistant.ask("边个部门负责？", history=["个体户想转公司有咩规定？"])
    assert [d.name for d in a.departments] == ["市场主体登记机关"]


def test_the_work_a_title_names_is_answered_by_the_body_in_charge_of_it(real_assistant):
    a = real_assistant.ask("边个部门主管保障中小企业款项支付？")
    assert a.citations[0].clause_id == f"{PAY}/article-5"
    assert a.departments[0].name == "国务院负责中小企业促进工作综合管理的部门"


def test_topic_comparisons_and_new_articles_after_the_overview(real_assistant):
    overview = "2020年同2025年嘅付款条例有咩唔同？"
    a = real_assistant.ask("关于付款期限呢方面改咗咩？", history=[overview])
    assert a.intent == "compare_versions" and [c.clause_id for c in a.citations[:2]] == [f"{PAY}/article-9", f"{OLD}/article-8"]
    a = real_assistant.ask("新版新增了哪些条文？", history=[overview, "关于付款期限呢方面改咗咩？"])
    assert a.intent == "compare_versions" and "新增或无对应的条款5条" in a.answer
    a = real_assistant.ask("2020版同2025版关于利息有冇改？")
    assert a.intent == "compare_versions" and "相同" in a.answer.split("：")[0]


def test_a_long_article_number_is_out_of_range_even_after_a_list(fake_assistant):
    for history in ([], ["第12条"]):
        a = fake_assistant.ask("第9999条", history=history)
        assert a.status == "out_of_range" and a.answer.startswith("没有“第9999条”") and not a.quote_zh


def test_validity_asked_of_a_clause_comes_first(fake_assistant):
    a = fake_assistant.ask("民营经济促进法第七十七条仲有冇效？")
    assert a.answer.startswith("有效：《中华人民共和国民营经济促进法》第七十七条是现行规定")
    a = fake_assistant.ask("2020年支付条例第12条还有效吗")
    assert a.answer.startswith("已失效") and a.citations[1].clause_id.startswith(PAY)
    a = fake_assistant.ask("Is measure 4 still valid?")
    assert a.answer.startswith("Not necessarily: Measure 4") and "2010" in a.answer.split("\n")[0]


def test_a_complaint_after_a_clause_lookup_is_a_question_of_its_own(fake_assistant):
    a = fake_assistant.ask("系咪要俾钱先可以投诉？", history=["Is measure 4 still valid?"])
    assert not a.context_from and a.citations[0].clause_id.startswith(PAY)


def test_a_scope_that_leaves_the_question_out_says_where_the_library_answers(fake_assistant):
    a = fake_assistant.ask("What is the late payment interest rate for government agencies?",
                           selection=Selection(documents=(PLAN,)))
    assert a.abstained and any("whole library" in n and "Article 17" in n for n in a.notes)


def test_a_proposed_term_after_a_big_customers_question_is_held_to_the_large_enterprise_rule(real_assistant):
    history = ["A big customer hasn't paid my small company for 4 months. How long do they legally have to pay?"]
    a = real_assistant.ask("Can the contract say 120 days?", history=history)
    assert a.answer.startswith("Yes, if agreed and reasonable") and a.context_from == (f"{PAY}/article-9",)


def test_interest_owed_is_a_yes_with_the_default_rate(real_assistant):
    for question, lead in (("系咪要俾利息？", "要："), ("有冇讲利息？", "有："), ("Is there interest on late payment? What rate?", "Yes: ")):
        a = real_assistant.ask(question)
        assert a.citations[0].clause_id == f"{PAY}/article-17", question
        assert a.answer.startswith(lead) and ("万分之五" in a.answer or "0.05%" in a.answer), question
    # Two parts answered from one clause quote it once.
    a = real_assistant.ask("有冇利息补偿？利息点计？")
    assert a.quote_zh.count("万分之五") == 1


def test_a_large_enterprise_is_defined_by_its_own_half_sentence(real_assistant):
    a = real_assistant.ask("What is the definition of a large enterprise?")
    assert a.citations[0].clause_id == f"{PAY}/article-3"
    assert a.answer.startswith('"large enterprises" means enterprises other than SMEs') and not a.departments


def test_one_question_asked_twice_in_one_message_is_answered_once(real_assistant):
    a = real_assistant.ask("中小企业嘅定意系咩？点样先算中小企？")
    assert not a.answer.startswith("1.") and "所称中小企业，是指" in a.answer


def test_where_to_complain_and_how_long_are_both_answered(real_assistant):
    for question in ("我可以去边度投诉？几耐有结果？", "Where do I complain? How long does it take?"):
        a = real_assistant.ask(question)
        assert [c.clause_id for c in a.citations[:2]] == [f"{PAY}/article-24", f"{PAY}/article-25"], question
        assert "30" in a.answer.split("\n\n")[1], question


def test_a_procedures_time_limit_the_chosen_documents_do_not_set_points_to_the_library(fake_assistant):
    a = fake_assistant.ask("投诉处理时限？", selection=Selection(documents=(GZ,)))
    assert a.abstained and any("第二十五条" in n for n in a.notes)


def test_questions_about_the_assistant_itself_are_answered_without_a_clause(fake_assistant):
    for question in ("你是谁？用的什么模型？", "what model are you?"):
        a = fake_assistant.ask(question)
        assert a.intent == "about_assistant" and a.abstained and not a.citations, question


def test_a_company_in_hong_kong_is_outside_the_library_but_residents_registering_here_are_not(fake_assistant):
    a = fake_assistant.ask("How do I register a company in Hong Kong?")
    assert a.status == "out_of_scope" and not any("national texts apply" in n for n in a.notes)
    a = fake_assistant.ask("香港居民可以在广州登记个体户吗？")
    assert not a.abstained and a.citations[0].clause_id == "individual-business-regulation-2022/article-37"


def test_a_superior_shared_by_two_state_organs_is_no_one_to_contact(real_assistant):
    a = real_assistant.ask("对执法机关的强制措施有异议，可以找谁、走什么程序？")
    assert a.citations[0].clause_id == f"{PEL}/article-65" and "上级机关" not in [d.name for d in a.departments]


def test_whether_a_law_exists_is_no_yes_about_a_duty(real_assistant):
    a = real_assistant.ask("Is there a law that stops big companies paying small suppliers late?")
    assert not a.answer.startswith("Yes: ")
    a = real_assistant.ask("Is there any price discount for small businesses in bid evaluation in Guangdong?")
    assert a.citations[0].clause_id == f"{GD}/article-44" and "6%" in a.answer


def test_what_happens_to_those_who_break_a_rule_is_a_liability_question(real_assistant):
    cases = (("What happens if a government body issues policies without a fair competition review?", f"{PEL}/article-71"),
             ("In Guangdong, what happens if a government department forces an SME to use an intermediary it designates?",
              f"{GD}/article-66"),
             ("Under the individual business regulation, what if an official harms an individual business by not doing "
              "their job properly?", "individual-business-regulation-2022/article-36"))
    for question, clause in cases:
        assert real_assistant.ask(question).citations[0].clause_id == clause, question
    # A deadline in the condition is no figure asked.
    q = real_assistant.understand("What happens to a government agency that doesn't pay an SME within the deadline?")
    assert "liability" in q.asks and q.intent != "figure"


def test_which_are_not_led_among_a_group_just_listed_or_named(fake_assistant):
    plan = Selection(documents=(PLAN,))
    a = fake_assistant.ask("其中哪几条不是市科技局牵头的？", history=["加快技术进步那一类一共有哪些措施？"], selection=plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-{n}" for n in (15, 16, 17)]
    a = fake_assistant.ask("用好调控手段那三条里，哪条不是市经贸委牵头的？", selection=plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-30", f"{PLAN}/measure-32"]


def test_counting_the_plans_measures_and_groups_with_chinese_terms_in_english(fake_assistant):
    plan = Selection(documents=(PLAN,))
    first = "How many 措施 are there in the plan in total?"
    assert "34 measures" in fake_assistant.ask(first, selection=plan).answer
    assert "9 groups" in fake_assistant.ask("and how many groups are they split into?", history=[first], selection=plan).answer


# Session-35 fresh user (evaluation/fresh-user/session-35.md)

def test_a_year_with_a_clause_names_the_version_that_has_it_after_another_document(fake_assistant):
    a = fake_assistant.ask("2020版第八条还能用吗", history=["民营经济促进法第3条"])
    assert a.citations[0].clause_id == f"{OLD}/article-8" and a.answer.startswith("已失效")
    # Alone, a year after another document still asks for that document's version.
    a = fake_assistant.ask("2020年版呢？", history=["广州条例第34条"])
    assert not a.citations or not a.citations[0].clause_id.startswith(OLD)


def test_two_clauses_of_two_documents_named_by_short_names(fake_assistant):
    a = fake_assistant.ask("比较中小企业促进法第53条和广东省条例第61条")
    assert [c.clause_id for c in a.citations[:2]] == ["sme-promotion-law-2017/article-53", f"{GD}/article-61"]


def test_the_whole_regulation_compared_by_its_full_name_is_the_overview(fake_assistant):
    a = fake_assistant.ask("保障中小企业款项支付条例2020版和2025版有什么区别？")
    assert a.intent == "compare_versions" and "新增或无对应的条款" in a.answer


def test_the_other_party_after_a_proposed_term_is_tried_against_its_cap(real_assistant):
    a = real_assistant.ask("如果对方是政府机关呢？", history=["合同里能不能约定90天付款？"])
    assert a.citations[0].clause_id == f"{PAY}/article-9" and a.answer.startswith("不可以")


def test_interest_owed_asked_as_a_follow_up_or_a_permission(real_assistant):
    a = real_assistant.ask("那他们逾期了要赔利息吗", history=["政府机关欠我工程款"])
    assert a.answer.startswith("要：") and "万分之五" in a.answer
    a = real_assistant.ask("可唔可以收利息㗎？", history=["大企业拖欠货款"])
    assert a.answer.startswith("可以：") and "万分之五" in a.answer


def test_who_punishes_them_names_the_body_of_the_liability_article(real_assistant):
    history = ["政府机关欠我工程款，合同写了90天付款，这合法吗？", "那他们逾期了要赔利息吗"]
    a = real_assistant.ask("这种情况谁负责追责？", history=history)
    assert a.citations[0].clause_id == f"{PAY}/article-31" and [d.name for d in a.departments] == ["上级机关"]


def test_who_cooperates_on_a_measure_that_names_none(fake_assistant):
    a = fake_assistant.ask("措施12谁配合")
    assert "没有写明配合部门" in a.answer and "市科技局牵头" in a.answer
    a = fake_assistant.ask("Who cooperates on measure 12?")
    assert "names no cooperating department" in a.answer


def test_the_plans_own_year_is_its_version(fake_assistant):
    a = fake_assistant.ask("2007年那个工作方案还有效吗？")
    assert a.intent == "validity" and "没有" not in a.answer.split("：")[0] and "2010" in a.answer


def test_which_department_handles_complaints_in_guangdong_is_its_complaint_platform(real_assistant):
    for question in ("which department handles 投诉 in Guangdong?", "广东省投诉找哪个部门"):
        assert real_assistant.ask(question).citations[0].clause_id == f"{GD}/article-58", question


def test_a_department_outside_the_chosen_documents_is_no_contact_box(fake_assistant):
    a = fake_assistant.ask("市科技局牵头哪些措施？", selection=Selection(statuses=("in_force",)))
    assert a.answer.startswith("没有") and not a.departments


def test_who_to_contact_now_about_the_plan_names_todays_body_first(fake_assistant):
    plan = Selection(documents=(PLAN,))
    a = fake_assistant.ask("那现在该找哪个部门？", history=["第二十条还有效吗"], selection=plan)
    assert a.answer.startswith("现在请向市工业和信息化主管部门")
    a = fake_assistant.ask("措施4 who do I contact now?", selection=plan)
    assert a.answer.startswith("Today, ask the municipal department in charge of industry and information technology")
    assert not fake_assistant.ask("措施4谁牵头", selection=plan).answer.startswith("现在")
