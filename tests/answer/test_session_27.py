"""Questions of kinds the session-27 dev review (the session-26 holdout, now dev) found answered wrongly: whom to
contact about one part of the clause just quoted, a target's deadline in a follow-up ("by 2010", 三年内), weather,
metro and travel-permit questions, another province's own regulation asked in English, Cantonese 边年 / 边个通过,
and "the old 2020 payment rule" as a document name."""

from __future__ import annotations

from qa.assistant import Selection
from qa.understand.query import time_marks

PLAN = "suifuban-2007-42"
PAY20 = "sme-payment-regulation-2020"
GD = "guangdong-sme-promotion-regulation-2019"
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
