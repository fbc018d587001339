"""Questions of kinds the session-27 dev review (the session-26 holdout, now dev) found answered wrongly: whom to
contact about one part of the clause just quoted, a target's deadline in a follow-up ("by 2010", 三年内), weather,
metro and travel-permit questions, another province's own regulation asked in English, Cantonese 边年 / 边个通过,
and "the old 2020 payment rule" as a document name."""

from __future__ import annotations

from qa.answer.compose import answer as compose_answer
from qa.assistant import Selection
from qa.understand.figures import asked_types
from qa.understand.query import Context, time_marks
from tests.doc_ids import GD, PAY20, PLAN

PEL = "private-economy-promotion-law-2025"
in_plan = Selection(documents=(PLAN,))


def test_whom_to_contact_about_a_part_of_the_clause_just_quoted(fake_assistant):
    history = ["第22条好长, 讲咩 in short?"]
    query = fake_assistant.understand("who leads the 政府采购 part?", history=history, selection=in_plan)
    assert query.followup
    a = fake_assistant.ask("who leads the 政府采购 part?", history=history, selection=in_plan)
    # The part's own lead first, then the measure as a whole (its parts are led by five bodies).
    assert a.answer.startswith("Contact the Municipal Finance Bureau")
    assert a.answer.index("Measure 22 as a whole") < a.answer.index("Basis, Measure 22")
    # "bureau" is no topic of its own: "which bureau is in charge?" asks about the clause under discussion.
    query = fake_assistant.understand("which bureau is in charge?", history=["What does measure 22 say?"],
                                      selection=in_plan)
    assert query.followup


def test_time_marks():
    assert time_marks("and how many firms are supposed to be covered by 2010?") == ["2010"]
    assert time_marks("三年内目标几多企业参加？") == ["3年内"]
    assert time_marks("how many within three years?") == ["3年内"]
    assert time_marks("第三十条讲什么") == []


def test_a_targets_deadline_in_a_follow_up(fake_assistant):
    history = ["What does measure 1 say?"]
    q = "and how many firms are supposed to be covered by 2010?"
    assert fake_assistant.understand(q, history=history, selection=in_plan).followup
    a = fake_assistant.ask(q, history=history, selection=in_plan)
    assert a.answer.startswith("5,000")
    # A whole question of its own that names the plan's horizon is not tied to the clause before it.
    query = fake_assistant.understand("到2010年民营企业要达到多少户？", history=history, selection=in_plan)
    assert not query.followup


def test_city_life_questions_are_out_of_scope(fake_assistant):
    for q in ("广州 metro line 18 首班车几点？", "港澳通行证续签点样办？", "what's the weather 明天 广州?"):
        a = fake_assistant.ask(q)
        assert a.abstained and not a.citations, q
    # A hospital that does not pay its supplier is a payer, not a personal matter; a typhoon is a disaster the
    # individual-business regulation speaks of.
    guard, library = fake_assistant.understander.scope_guard, fake_assistant.library
    for q in ("A state-owned hospital bought equipment from my small company and still hasn't paid after 2 months.",
              "受台风影响的个体户有帮扶吗？"):
        assert not guard.cues(q.lower(), scope=None, library=library), q


def test_another_provinces_own_regulation_in_english_is_out_of_scope(fake_assistant):
    a = fake_assistant.ask("江苏 SME regulation 关于融资嘅条款?")
    assert a.abstained and not a.citations


def test_cantonese_which_year_and_who_adopted(fake_assistant):
    a = fake_assistant.ask("呢份条例系边年修订嘅？", selection=Selection(documents=(GD,)))
    assert a.intent == "document" and "2019年9月25日" in a.answer
    a = fake_assistant.ask("民营经济促进法系边个通过嘅？几时？")
    assert "全国人民代表大会常务委员会" in a.answer and "2025年4月30日" in a.answer


def test_the_old_payment_rule_names_the_2020_regulation(fake_assistant):
    query = fake_assistant.understand("Under the old 2020 payment rule, could a contract make audit results the "
                                      "settlement basis?")
    assert query.scope == (PAY20,)


def test_what_happens_to_an_agency_that_retaliates_is_a_liability_question(fake_assistant):
    q = "What happens to a government agency that retaliates against an SME that complained about late payment?"
    assert "liability" in fake_assistant.understand(q).asks


def test_which_documents_define_a_term_lists_the_defining_articles(fake_assistant):
    a = fake_assistant.ask("Which documents define what an SME is?")
    assert a.intent == "which_documents" and a.items
    for item in a.items:
        assert "所称" in fake_assistant.library.clause(item.clause_id).text_zh, item.clause_id


def test_a_similar_provision_elsewhere_is_found_by_the_articles_own_words(fake_assistant):
    history = ["中小企业促进法第五十三条讲乜？"]
    query = fake_assistant.understand("咁广东条例有冇类似规定？", history=history)
    assert query.details.get("switched") == (GD,) and "拖欠" in query.retrieval_text
    a = fake_assistant.ask("咁广东条例有冇类似规定？", history=history)
    assert a.citations[0].clause_id == f"{GD}/article-61"


def test_another_place_after_a_question_nothing_answered(fake_assistant):
    # 深圳 has no documents here, so the first turn abstains; "广州的呢？" asks it of Guangzhou's.
    history = ["深圳嘅民营经济条例有冇讲拖欠账款？"]
    assert fake_assistant.ask(history[0]).abstained
    query = fake_assistant.understand("咁广州嘅呢？", history=history)
    assert query.details.get("switched") and all(fake_assistant.library.info(d).level == "municipal"
                                                 for d in query.details["switched"])
    # A new question after an abstained turn is no follow-up of it.
    query = fake_assistant.understand("那个体户有什么补贴？", history=["怎么申请香港优才计划？"])
    assert not query.followup and "优才" not in query.retrieval_text


def test_a_departments_phone_number_is_not_in_the_plan(fake_assistant):
    a = fake_assistant.ask("What's the phone number of the Economic and Trade Commission for questions on this plan?",
                           selection=in_plan)
    assert a.abstained and not a.items


def test_cantonese_which_one_is_responsible_asks_for_the_body(fake_assistant):
    history = ["工作要求第二条讲乜？"]
    a = fake_assistant.ask("边个负责向领导小组报告进度？", history=history, selection=in_plan)
    assert a.answer.startswith("相关部门：市民营办")


def test_an_acronym_names_a_new_topic_in_a_follow_up(fake_assistant):
    # After goal 2 (enterprise numbers, no GDP): "GDP" typed as an acronym is a topic of its own.
    context = Context(question="and how many firms with revenue over 10 billion yuan?",
                      clause_ids=(f"{PLAN}/goal-2",), intent="figure")
    understand = fake_assistant.understander.understand
    assert not understand("and the GDP share target?", selected=(PLAN,), context=context).followup
    # The same word in lower case is no acronym: a three-letter word alone does not start a new topic.
    assert understand("and the gdp share target?", selected=(PLAN,), context=context).followup


def test_how_many_groups_the_measures_split_into(fake_assistant):
    for q in ("主要措施 split into how many groups? 列一下", "主要措施分为几类？"):
        a = fake_assistant.ask(q, selection=in_plan)
        assert a.intent == "document" and ("9 groups" in a.answer or "9组" in a.answer), q


def test_amount_questions_in_more_words():
    for q in ("what's the exact amount of the one-off start-up grant?", "个体户参加社保有多少补贴?",
              "what's the cap on guarantee fees for government financing guarantee agencies?",
              "what's the fine in yuan for a large company hiding overdue payments?"):
        assert [t.name for t in asked_types(q)] == ["amount"], q


def test_an_amount_the_text_does_not_give_is_not_stated(fake_assistant):
    a = fake_assistant.ask("个体户参加社保有几多补贴？", selection=Selection(documents=("individual-business-regulation-2022",)))
    assert a.status == "not_stated" and "没有写明具体金额" in a.answer


def test_what_changed_for_a_party_compares_the_article_under_discussion(fake_assistant):
    # After article 8 of the 2020 version (payment terms), "large companies" is a party of that article, not a
    # topic to search for (it found article 3, which defines large enterprises).
    context = Context(question="and in the 2020 version?", clause_ids=(f"{PAY20}/article-8",), intent="topical")
    query = fake_assistant.understander.understand("What changed for large companies between the two?", context=context)
    assert query.details.get("compare_versions") and query.details.get("compare_clause") == f"{PAY20}/article-8"


def test_which_documents_in_cantonese_and_docs(fake_assistant):
    for q in ("边几份文件讲到个体工商户转型为企业？", "边啲 docs mention 知识产权质押?"):
        assert fake_assistant.understand(q).intent == "which_documents", q


def test_a_follow_up_asking_a_date_or_rate_the_clause_lacks_is_not_stated(fake_assistant):
    assert [t.name for t in asked_types("did it say 什么时候成立?")] == ["date"]
    assert [t.name for t in asked_types("deduction rate 是多少?")] == ["rate"]
    context = Context(question="中小企业局 what is it supposed to do?", clause_ids=(f"{PLAN}/measure-33",), intent="topical")
    query = fake_assistant.understander.understand("Did it say 几时成立?", selected=(PLAN,), context=context)
    a = compose_answer(query, fake_assistant.deps)
    assert a.status == "not_stated" and "没有写明具体日期" in a.answer


def test_the_one_on_a_topic_is_not_the_clause_before(fake_assistant):
    context = Context(question="方案怎样帮企业解决融资难?", clause_ids=(f"{PLAN}/principle-2",), intent="topical")
    query = fake_assistant.understander.understand("发债嗰条系第几条？", selected=(PLAN,), context=context)
    assert not query.followup


def test_and_on_what_date_after_who_issued_it(fake_assistant):
    a = fake_assistant.ask("and on what date?", history=["Who issued this document?"], selection=in_plan)
    assert a.intent == "document" and "11 October 2007" in a.answer
