"""Questions the session-33 review (a fresh user and the open list of session 32) found wrong: who leads
private-economy work at national level, the same asked again of Guangzhou."""

from __future__ import annotations

from tests.doc_ids import GZ

PEL = "private-economy-promotion-law-2025"


def test_the_lead_department_at_national_level_is_the_one_put_in_charge(fake_assistant):
    a = fake_assistant.ask("Who is the lead department at national level for private economy work?")
    assert a.citations[0].clause_id == f"{PEL}/article-4"
    # The sentence that puts a body in charge, not the one sharing the words "national" and "level".
    assert "development and reform" in a.answer
    assert any(c.name == "国务院发展改革部门" for c in a.departments)


def test_and_in_guangzhou_takes_the_municipal_body_of_the_guangzhou_regulation(fake_assistant):
    first = "Who is the lead department at national level for private economy work?"
    a = fake_assistant.ask("and in Guangzhou?", history=[first])
    assert a.citations[0].clause_id == f"{GZ}/article-3"
    assert "municipal department in charge of industry and information technology" in a.answer.split("Basis")[-1]


def test_tiao_typed_as_jump_after_a_number_is_a_clause_reference(fake_assistant):
    from qa.assistant import Selection

    a = fake_assistant.ask("第二十三跳讲的啥", selection=Selection(documents=("suifuban-2007-42",)))
    assert a.citations[0].clause_id == "suifuban-2007-42/measure-23"
    # 跳 elsewhere is no clause number.
    assert not fake_assistant.understand("员工跳槽要赔钱吗？").refs


def test_another_citys_similar_policy_asked_in_a_follow_up_is_outside_the_library(fake_assistant):
    history = ["政府换届以后，以前承诺给我们的补贴不认账了，这合法吗？", "那我们的损失能得到补偿吗？"]
    a = fake_assistant.ask("顺便问一下，深圳那边有没有类似的补贴政策？", history=history)
    assert a.abstained and not a.citations
    # A business over there is still answered from national law.
    assert fake_assistant.understand("我在深圳那边开了公司，拖欠货款怎么办？").scope_cues[0].effect == "national_only"


def test_a_share_price_is_general_knowledge_outside_the_library(fake_assistant):
    a = fake_assistant.ask("What's Tencent's share price today?")
    assert a.abstained and a.status == "out_of_scope"
    assert fake_assistant.ask("腾讯今天股价多少？").status == "out_of_scope"
