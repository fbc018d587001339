"""Questions the session-33 review (a fresh user and the open list of session 32) found wrong: who leads
private-economy work at national level, the same asked again of Guangzhou."""

from __future__ import annotations

PEL = "private-economy-promotion-law-2025"
GZ = "guangzhou-private-economy-regulation-2024"


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
