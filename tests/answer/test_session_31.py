"""Questions the session-31 review (the session-30 holdout, now dev) found wrong: follow-ups that read alone left
the conversation's document, counts of a measure's departments, consequences after a condition, short names."""

from __future__ import annotations

from qa.assistant import Selection
from tests.doc_ids import PLAN

PAY25 = "sme-payment-regulation-2025"
PEL = "private-economy-promotion-law-2025"


def test_gd_and_gz_are_guangdong_and_guangzhou(fake_assistant):
    a = fake_assistant.ask("GD regulation 第五十九条 is about what?")
    assert [c.clause_id for c in a.citations][:1] == ["guangdong-sme-promotion-regulation-2019/article-59"]


def test_cantonese_taken_effect_yet_asks_validity(fake_assistant):
    assert fake_assistant.ask("广州市支持民营经济发展条例生效未？").intent == "validity"


def test_how_many_departments_a_measure_names_is_counted_by_role(fake_assistant):
    sel = Selection(documents=(PLAN,))
    lead = fake_assistant.ask("How many departments are named as jointly responsible in measure 2?", selection=sel).answer
    assert "names at least 6 responsible departments" in lead  # (…金融办等负责): 负责, and an open list
    coop = fake_assistant.ask("how many departments cooperate on measure 6?", selection=sel).answer
    assert "at least 7 cooperating departments" in coop and "lead department" not in coop
    both = fake_assistant.ask("第六项涉及几个部门？", selection=sel).answer
    assert "共涉及至少8个部门" in both and "牵头部门共1个：市信息办" in both


def test_a_deadline_in_the_condition_is_not_the_figure_asked(fake_assistant):
    assert not fake_assistant.understand("If a government agency misses the payment deadline, what's the consequence?").wants_figure
    assert fake_assistant.understand("If they pay late, how much is the fine?").wants_figure


def test_a_crime_after_a_sanction_question_is_the_article_on_criminal_liability(fake_assistant):
    a = fake_assistant.ask("and if it's serious enough to be a crime?",
                           history=["What happens if a government agency retaliates against an SME that complained about non-payment?"])
    assert a.citations[0].clause_id == f"{PAY25}/article-35"


def test_groups_counted_and_a_period_counted_from(fake_assistant):
    sel = Selection(documents=(PLAN,))
    assert "措施分为9组" in fake_assistant.ask("分几组？", history=["方案总共有几多条措施？"], selection=sel).answer
    a = fake_assistant.ask("分期结算嘅合同，付款期限由几时开始计？", selection=Selection(documents=(PAY25,)))
    assert a.intent != "document" and "确认结算金额" in a.visible_text()


def test_the_body_a_term_stands_for_is_the_article_that_names_it(fake_assistant):
    a = fake_assistant.ask("受理投诉部门指边个？", selection=Selection(documents=(PAY25,)))
    assert a.citations[0].clause_id == f"{PAY25}/article-24" and "省级以上" in a.answer


def test_a_question_read_alone_in_a_conversation_stays_in_its_document(fake_assistant):
    q = fake_assistant.understand("who takes reports about violations?", history=["民营经济促进法 requires 公平竞争审查 for what?"])
    assert q.conversation == (PEL,) and not q.followup
    # A place named now wins over the conversation's document.
    q = fake_assistant.understand("And how does Guangzhou define 民营经济?",
                                  history=["What counts as a private economic organization under the national law?"])
    assert q.conversation == ()


def test_no_measure_outside_a_departments_lead_says_none_in_words(fake_assistant):
    a = fake_assistant.ask("In the SOE-reform section, is any measure not led by 市经贸委?", selection=Selection(documents=(PLAN,)))
    assert "None: every measure is led by" in a.answer and "0 measures" not in a.answer


def test_personal_lookups_and_unrelated_subsidies_are_out_of_scope(fake_assistant):
    for q in ("帮我查下我公司嘅信用评级", "How do I file my individual income tax return?",
              "Is there a Guangzhou subsidy for buying new energy vehicles for my company?", "香港公司喺内地开银行户口要咩文件？"):
        assert fake_assistant.ask(q).status == "out_of_scope", q
    assert fake_assistant.ask("帮我查下第十二条").status != "out_of_scope"


def test_an_older_version_and_now_names_both_versions(fake_assistant):
    a = fake_assistant.ask("How many articles did the payment regulation have in 2020 and how many now?")
    assert "29 articles" in a.answer and "37 articles" in a.answer


def test_a_guangzhou_district_is_no_other_place_but_its_own_rules_are_outside(fake_assistant):
    q = fake_assistant.understand("I run a small garment factory in Panyu. Does the plan support going abroad?")
    assert not q.scope_cues
    for q in ("天河区对高新技术企业有什么补贴？", "What subsidies does Tianhe district offer startups?"):
        assert fake_assistant.ask(q).status == "out_of_scope", q


def test_a_deadline_is_answered_by_a_time_limit_but_a_date_asked_is_not(fake_assistant):
    a = fake_assistant.ask("What's the deadline for leading-group member units to publish their support measures?",
                           selection=Selection(documents=(PLAN,)))
    assert a.answer.startswith("3 months")
    assert fake_assistant.ask("市级中小企业培训示范基地的申报截止日期是哪天？").status != "answered"
