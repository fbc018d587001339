"""Questions of kinds the session-24 dev review (the session-23 holdout, now dev) and a fresh user found answered
wrongly: what a short-named body is, the document number asked as "document no.", the plan's goals by name, a
product catalogue (目录) that is no table of contents, a version asked of the "see also" document, a cap asked for,
and what happens to officials who break a rule."""

from __future__ import annotations

from qa.assistant import Selection
from qa.understand.query import Context
from tests.doc_ids import PAY, PLAN

PEL = "private-economy-promotion-law-2025"
in_plan = Selection(documents=(PLAN,))


def test_what_a_short_named_body_is(fake_assistant):
    # The plan introduces the name: "市民营经济工作领导小组(简称市民营办)" in measure 20.
    for q in ("文件里老说“市民营办”，这是什么机构？", "市民营办是什么意思"):
        a = fake_assistant.ask(q, selection=in_plan)
        assert a.intent == "department" and "市民营经济工作领导小组" in a.answer
        assert a.citations[0].clause_id == f"{PLAN}/measure-20"
    a = fake_assistant.ask("What does 市民营办 stand for?", selection=in_plan)
    assert "short for 市民营经济工作领导小组" in a.answer
    # Otherwise the glossary's full official name.
    assert "广州市科学技术局" in fake_assistant.ask("市科技局全称是什么？", selection=in_plan).answer
    # "What is it responsible for?" is its clauses, with no definition in front.
    a = fake_assistant.ask("What is the Municipal Science and Technology Bureau responsible for?", selection=in_plan)
    assert a.answer.startswith("The Municipal Science and Technology Bureau (市科技局) leads")


def test_document_number_and_the_plans_units_by_name(fake_assistant):
    a = fake_assistant.ask("what's the document no. of this plan?", selection=in_plan)
    assert a.intent == "document" and "穗府办〔2007〕42号" in a.answer
    a = fake_assistant.ask("方案提出了哪几个方面的主要目标？", selection=in_plan)
    assert "主要目标共4个：发展规模目标、企业发展目标、技术创新和品牌目标、公共服务平台建设目标" in a.answer
    assert "（一）拓宽资金渠道" not in a.answer  # the goals, not the groups of measures
    assert "基本原则共3项：政府扶持与市场运作相结合" in fake_assistant.ask("基本原则有几条？", selection=in_plan).answer
    # 目录 after a product name is that catalogue, not the plan's table of contents.
    a = fake_assistant.ask("政府采购自主创新产品目录是怎么回事？", selection=in_plan)
    assert a.intent != "document"
    assert fake_assistant.understand("这个方案的目录是什么？", selection=in_plan).intent == "document"


def test_a_version_asked_of_the_see_also_document(fake_assistant):
    # The earlier answer quoted the SME promotion law first and the payment regulation as "see also".
    context = Context(question="how fast must a big customer confirm my receivables", intent="topical",
                      clause_ids=("sme-promotion-law-2017/article-20",), also=(PAY,))
    q = fake_assistant.understander.understand("what did the 2020 text say?", selected=None, context=context)
    assert q.details.get("switched") == ("sme-payment-regulation-2020",) and "missing_version" not in q.details
    # Without it, the SME promotion law has no 2020 version: say so.
    context = Context(question=context.question, intent="topical", clause_ids=context.clause_ids)
    q = fake_assistant.understander.understand("what did the 2020 text say?", selected=None, context=context)
    assert q.details.get("missing_version") == "2020"


def test_the_cap_when_the_question_asks_for_it(fake_assistant):
    a = fake_assistant.ask("投诉处理最长可以拖几耐？")
    assert a.citations[0].clause_id == f"{PAY}/article-25" and a.answer.startswith("90日")
    # "how fast" asks a time limit; "how fast it grows" does not.
    assert fake_assistant.understand("How fast must a government agency pay an SME?").intent == "figure"


def test_officials_who_break_a_rule_get_the_liability_chapter(fake_assistant):
    a = fake_assistant.ask("what happens to officials who break that?", history=["民营经济促进法第六十四条"])
    assert a.citations[0].clause_id == f"{PEL}/article-72"


def test_social_insurance_of_a_getihu_is_no_personal_matter(fake_assistant):
    a = fake_assistant.ask("I run a small noodle shop as a getihu. Anything in these rules for me on social insurance?")
    assert a.status != "out_of_scope"


def test_a_loan_guarantee_is_not_loan_guarantee_insurance(fake_assistant):
    q = fake_assistant.understand("Can I get a loan guarantee?")
    assert ("loan guarantee", "loan guarantee insurance") in q.details["not_meant"]
    # Asked by its own name, the insurance is meant.
    assert "not_meant" not in fake_assistant.understand("Is there loan guarantee insurance for SMEs?").details


def test_the_narrower_term_loses_a_near_tie_only(fake_assistant):
    from qa.answer.handlers.retrieval import NARROWER_DEMOTION, _demote_narrower
    from qa.retrieve.retriever import Hit, SearchResult

    insurance, system = "guangdong-sme-promotion-regulation-2019/article-25", "guangdong-sme-promotion-regulation-2019/article-23"
    near = SearchResult(query="", hits=(Hit(insurance, 1.0, 0, 1.0, {}, ()), Hit(system, 0.95, 0, 1.0, {}, ())), confidence=1.0)
    pairs = (("loan guarantee", "loan guarantee insurance"),)
    assert [h.clause_id for h in _demote_narrower(near, fake_assistant.deps, pairs).hits] == [system, insurance]
    far = _with_second_score(near, NARROWER_DEMOTION - 0.05)  # no near tie: the order stays
    assert [h.clause_id for h in _demote_narrower(far, fake_assistant.deps, pairs).hits] == [insurance, system]


def _with_second_score(result, score):
    """``result`` with its second hit scored ``score``."""
    from dataclasses import replace
    return replace(result, hits=(result.hits[0], replace(result.hits[1], score=score)))


def test_an_english_follow_up_naming_a_new_thing_starts_fresh(fake_assistant):
    history = ["My client says they'll only pay me once their own customer pays them. Is that allowed?"]
    # "interest" is in neither the question nor the third-party-payment article (which has "interests" of rights).
    assert not fake_assistant.understand("and what interest can I charge for the late days?", history=history).followup
    # A party or a level is no new thing: the earlier rule, for it.
    assert fake_assistant.understand("and what about a big state-owned company?", history=history).followup


def test_a_term_proposed_with_no_party_gets_the_verdict_for_each(real_assistant):
    a = real_assistant.ask("合同写明120日先付款，咁得唔得？")
    assert a.citations[0].clause_id == f"{PAY}/article-9"
    assert a.answer.startswith("不可以：机关、事业单位的付款期限即使合同另有约定，最长也不得超过60日（你问的是120天）。可以约定，但须合理")


def test_a_term_after_a_clause_with_no_payment_term_is_tried_against_the_one_that_has_it(real_assistant):
    # The earlier answer quoted 不得违约拖欠 (no term): the term is tried against Art. 9, not that clause again.
    history = ["我哋系广州一间小公司，大客户拖咗我哋三个月货款，点算？"]
    a = real_assistant.ask("合同写明120日先付款，咁得唔得？", history=history)
    assert a.citations[0].clause_id == f"{PAY}/article-9" and "120天" in a.answer


def test_will_they_be_fined_asks_the_violators_liability(fake_assistant):
    q = fake_assistant.understand("佢哋会唔会有罚？", history=["大企业拖欠中小企业货款怎么办？"])
    assert "liability" in q.asks and q.details.get("liability")


def test_a_ban_on_excluding_them_answers_may_they_take_part_with_a_yes(real_assistant):
    a = real_assistant.ask("民企可唔可以参加政府招投标？有冇名额留俾中小企？")
    assert a.citations[0].clause_id == f"{PEL}/article-14" and a.answer.startswith("1. 可以，条文禁止对此限制或排斥")
    assert "百分之三十" in a.answer  # the second question: the share reserved for SMEs (SME law Art. 40)
    a = real_assistant.ask("Can private firms take part in government tenders?")
    assert a.answer.startswith("Yes — the text forbids restricting or excluding them")
    # Asked whether the exclusion itself is allowed, or told it happened: no.
    assert real_assistant.ask("政府可以限制民企参加招投标吗").answer.startswith("不可以，条文明确禁止")
    assert real_assistant.ask("A local tender shut out private companies. Is that allowed?").answer.startswith("No")


def test_the_version_in_force_of_a_superseded_article(fake_assistant):
    # The answer on 2020 Art. 15 also cited its 2025 counterpart; "现行版" still switches to the 2025 version.
    q = fake_assistant.understand("现行版对应的是哪条？", history=["《保障中小企业款项支付条例》2020年版第十五条是什么？"])
    assert q.details.get("switched") == (PAY,)


def test_a_new_thing_asked_of_them_starts_fresh_but_of_it_follows_up(fake_assistant):
    history = ["A big company I supply has not paid me for 90 days. How long are they allowed to take?"]
    assert not fake_assistant.understand("Can I charge them interest for the late payment?", history=history).followup
    # "it" is the clause: a follow-up, whatever its words.
    assert fake_assistant.understand("Is the audit office involved in it at all?", history=history).followup


def test_a_departments_part_in_the_clause_under_discussion(fake_assistant):
    a = fake_assistant.ask("市民营办在这条里负责什么？", history=["第二十条讲什么？"], selection=in_plan)
    assert a.answer.startswith("限于第二十条：") and [i.clause_id for i in a.items] == [f"{PLAN}/measure-20"]
    assert "再就业扶持政策" in a.items[0].detail_zh  # what it does there
    # Without "this measure": everything it does.
    assert len(fake_assistant.ask("市民营办还负责什么？", history=["第二十条讲什么？"], selection=in_plan).items) > 5
