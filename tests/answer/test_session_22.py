"""Questions of kinds the session-22 dev review (the session-21 holdout, now dev) found unanswered: plan
questions asked with no document chosen, and conversations that named the plan."""

from __future__ import annotations

from qa.assistant import Selection
from tests.doc_ids import PLAN

IN_PLAN = Selection(documents=(PLAN,))


def test_structure_only_the_plan_has_means_the_plan_with_no_document_chosen(fake_assistant):
    a = fake_assistant.ask("人才方面的措施有几条，分别是什么")
    assert a.status == "listing" and [i.clause_id for i in a.items] == [f"{PLAN}/measure-{n}" for n in (19, 20, 21)]
    a = fake_assistant.ask("goals section – how many private firms + self-employed households targeted by 2010?")
    assert a.citations and a.citations[0].doc_id == PLAN
    # A law's own measures are no plan structure: 强制措施 stays in the library.
    a = fake_assistant.ask("对执法机关的强制措施有异议，可以找谁？")
    assert all(not c.clause_id.startswith(PLAN) for c in a.citations)


def test_a_conversation_that_named_the_plan_stays_with_it(fake_assistant, real_assistant):
    first = "Can private firms take part in state-owned enterprise reform under the plan?"
    a = fake_assistant.ask("Which industries?", history=[first])
    assert a.citations and a.citations[0].clause_id.startswith(PLAN)
    # A new question of the same conversation: the plan is ranked as if in force, not behind the laws.
    q = real_assistant.understand("is there also support for the guarantee companies themselves?",
                                  history=["Does the 2007 Guangzhou plan help SMEs get a loan guarantee?"])
    assert q.discussed == (PLAN,) and not q.followup
    a = real_assistant.ask("is there also support for the guarantee companies themselves, like risk reserves?",
                           history=["Does the 2007 Guangzhou plan help SMEs get a loan guarantee?"])
    assert a.citations[0].clause_id == f"{PLAN}/measure-1"
    # Without the earlier turn the laws in force come first.
    a = real_assistant.ask("is there also support for the guarantee companies themselves, like risk reserves?")
    assert not a.citations[0].clause_id.startswith(PLAN)


def test_which_one_of_a_listing_picks_among_the_listed_clauses(fake_assistant):
    a = fake_assistant.ask("Which one is about startup bases for small companies?",
                           history=["What land-related measures are in the plan?"])
    assert a.citations[0].clause_id == f"{PLAN}/measure-11"
    a = fake_assistant.ask("发债那条是第几条？", history=["方案里融资方面有哪些措施？"])
    assert a.citations[0].clause_id == f"{PLAN}/measure-5" and a.status != "listing"


def test_a_section_named_alone_after_another_lists_that_section(fake_assistant):
    a = fake_assistant.ask("and the basic principles?", history=["What is the guiding ideology (指导思想) of the plan?"])
    assert a.status == "listing" and [i.clause_id for i in a.items] == [f"{PLAN}/principle-{n}" for n in (1, 2, 3)]


def test_document_facts_of_every_version_and_by_whom(fake_assistant):
    a = fake_assistant.ask("保障中小企业款项支付条例是国务院第几号令？")
    assert "第802号" in a.answer and "第728号" in a.answer
    a = fake_assistant.ask("2025年版保障中小企业款项支付条例的文号是什么？")
    assert "第802号" in a.answer and "第728号" not in a.answer  # a year names one version
    a = fake_assistant.ask("How many articles did the 2020 payment regulation have compared with the 2025 one?")
    assert a.intent == "document" and "37 articles" in a.answer and "29 articles" in a.answer
    a = fake_assistant.ask("When was the Private Economy Promotion Law adopted, and by whom?")
    assert "Standing Committee of the National People's Congress" in a.answer and "30 April 2025" in a.answer
    a = fake_assistant.ask("中小企业促进法第六章有哪几条")
    assert a.status == "listing" and len(a.items) == 5


def test_a_version_the_library_does_not_hold_or_goes_by_another_year(fake_assistant):
    a = fake_assistant.ask("广东省促进中小企业发展条例还是2007年那个版本吗？")
    assert a.intent == "validity" and "没有" in a.answer and "2019年9月25日修订" in a.answer
    # In force from 2018: the 2018 version is the one held.
    a = fake_assistant.ask("Is the 2018 version of the SME promotion law in force?")
    assert "no 2018 version" not in a.answer and "in force" in a.answer
    a = fake_assistant.ask("and the original one?", history=["When did the 2025 revised SME payment regulation take effect?"])
    assert "1 September 2020" in a.answer


def test_a_follow_up_is_ranked_with_its_conversation(fake_assistant):
    first = "What land-related measures are in the plan?"
    hits = fake_assistant.search("Which one is about startup bases for small companies?", k=5, history=[first]).hits
    assert hits[0].clause_id == f"{PLAN}/measure-11"
    # The same question ranked alone searches the whole library.
    alone = fake_assistant.search("Which one is about startup bases for small companies?", k=5).hits
    assert any(not h.clause_id.startswith(PLAN) for h in alone)


def test_one_figure_asked_of_two_things_answers_each(fake_assistant):
    a = fake_assistant.ask("大型企业和机关分别多少天内要付款？")
    assert "60日" in a.answer and "30日" in a.answer
    a = fake_assistant.ask("创业基地和专业镇分别要搞多少个", selection=IN_PLAN)
    assert "15—20个" in a.answer and "10—20个" in a.answer


def test_a_range_of_articles_and_mixed_kinds_of_reference(fake_assistant):
    a = fake_assistant.ask("广州条例第三十八条到第四十条讲什么")
    assert [c.clause_id.rsplit("/", 1)[1] for c in a.citations] == ["article-38", "article-39", "article-40"]
    # 目标三和第16条: goal 3 and measure 16, not a goal 16 the plan lacks.
    a = fake_assistant.ask("目标三和第16条里关于名牌的数字分别是多少？", selection=IN_PLAN)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/goal-3", f"{PLAN}/measure-16"]


def test_two_versions_compared_say_what_changed_or_that_it_is_new(fake_assistant):
    a = fake_assistant.ask("竣工验收那个借口，两版的表述一样吗？")
    assert a.intent == "compare_versions" and "两个版本的规定不同" in a.answer
    assert "竣工验收批复" in a.answer and "竣工验收备案" in a.answer  # the changed phrase, both ways
    a = fake_assistant.ask("Was the rule on partially disputed deals already in the 2020 version?")
    assert "This provision is new" in a.answer
    assert [c.clause_id for c in a.citations] == ["sme-payment-regulation-2025/article-15"]
    a = fake_assistant.ask("Was that in the 2020 version too?", history=[
        "Which article of the 2025 payment regulation covers disputes where only part of the deal is contested?"])
    assert "This provision is new" in a.answer
    a = fake_assistant.ask("Did the 2025 revision change the daily overdue interest rate?")
    assert a.answer.startswith("Both versions say the same")


def test_a_clause_looked_up_keeps_its_document_under_discussion(fake_assistant):
    # （二十二） is a form only the plan uses; "that part" is then the plan's measure 22.
    a = fake_assistant.ask("政府采购那部分谁牵头", history=["（二十二）是什么内容"])
    assert a.citations and a.citations[0].clause_id == f"{PLAN}/measure-22"
    assert "市财政局" in a.answer


def test_what_a_fresh_user_typed_in_session_22(fake_assistant):
    # A misspelt English word is read as the library's word.
    a = fake_assistant.ask("when did the private economy promotion law take efect")
    assert "20 May 2025" in a.answer
    # Pay-when-paid terms are the third-party payment condition Art. 9 forbids.
    a = fake_assistant.ask("my supplier contract says we get paid only after the client pays them. is that allowed?")
    assert not a.abstained and a.citations[0].clause_id == "sme-payment-regulation-2025/article-9"
    # Pinyin names of the library's subjects.
    a = fake_assistant.ask("which document is about individual businesses (getihu)?")
    assert not a.abstained and any(c.doc_id == "individual-business-regulation-2022" for c in a.citations)
    a = fake_assistant.ask("个体工商户可以享受哪些税费优惠")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-20"


def test_a_historical_plan_says_who_is_in_charge_today(fake_assistant):
    a = fake_assistant.ask("这个方案现在还有效吗？", selection=IN_PLAN)
    assert "市工业和信息化主管部门（《广州市支持民营经济发展条例》第三条）" in a.answer
    assert "向市经贸委" not in a.answer  # the plan's own 2007 contact is no one to check with today


def test_after_a_list_of_documents_a_bare_number_is_still_open(fake_assistant):
    a = fake_assistant.ask("十二条", history=["第12条"])
    assert a.status == "ambiguous" and not a.citations


def test_the_other_versions_count_after_a_count(fake_assistant):
    a = fake_assistant.ask("2020版呢", history=["保障中小企业款项支付条例有多少条？"])
    assert a.intent == "document" and "共29条" in a.answer


def test_an_answer_from_the_historical_plan_names_the_rule_in_force_too(fake_assistant):
    a = fake_assistant.ask("企业技术中心国家级给多少钱")
    assert a.citations[0].doc_id == PLAN
    assert any(n.startswith("现行规定见《广州市支持民营经济发展条例》") for n in a.notes)
    assert any(c.doc_id == "guangzhou-private-economy-regulation-2024" for c in a.citations)
    # With the plan chosen, the user asked about the plan: no note.
    a = fake_assistant.ask("企业技术中心国家级给多少钱", selection=IN_PLAN)
    assert not any(n.startswith("现行规定见") for n in a.notes)


def test_how_often_is_answered_by_the_frequency_not_called_unstated(fake_assistant):
    a = fake_assistant.ask("广州市政府多久向市人大常委会报告一次民营经济发展情况？")
    assert a.status == "answered" and "每年" in a.answer
    a = fake_assistant.ask("how often must the Guangzhou government analyse the private economy?")
    assert "every half year" in a.answer


def test_a_generic_office_in_an_english_question_is_no_unknown_department(fake_assistant):
    a = fake_assistant.ask("how many working days does the complaint office have to pass a complaint on?",
                           selection=Selection(documents=("sme-payment-regulation-2025",)))
    assert a.intent != "department" and a.citations[0].clause_id == "sme-payment-regulation-2025/article-25"
    a = fake_assistant.ask("Which measures does the Municipal Administration for Market Regulation lead?")
    # Read as a name (the texts say 市场监督管理部门), not cut to "measures administration".
    assert "administration for market regulation" in a.answer


def test_english_questions_carrying_chinese_terms_and_cantonese_words(fake_assistant, real_assistant):
    # The Chinese terms carry the topic; an English question with them is held to the lower of the two bars.
    q = real_assistant.understand("gov project要我交现金保证金 can they do that??")
    assert q.evidence_lang == "mixed"
    a = real_assistant.ask("gov project要我交现金保证金 can they do that??")
    assert not a.abstained and a.citations[0].clause_id == "sme-payment-regulation-2025/article-13"
    # Cantonese 有冇 / 几多 / 俾 read as 有没有 / 多少 / 给.
    assert fake_assistant.understand("大企业最长几多日要俾钱？").text == fake_assistant.understand("大企业最长多少日要给钱？").text


def test_what_changed_between_the_versions_lists_new_and_changed_articles(fake_assistant):
    a = fake_assistant.ask("保障中小企业款项支付条例新旧两版有什么区别？")
    assert "新增或无对应的条款" in a.answer and "第十五条" in a.answer  # partly disputed deals: new in 2025
    assert "第九条（原第八条）" in a.answer  # payment terms: changed
