"""Questions of kinds the session-25 dev review (the session-24 holdout, now dev) found answered wrongly: 廿 in a
measure number, Cantonese words for "which" and "this", a year that names a document, a loose English naming of the
Guangzhou regulation, a body a regulation names in its text, approval of a regulation, and "numbered measures"."""

from __future__ import annotations

from qa.assistant import Selection
from qa.ingest.numerals import to_int
from qa.understand.references import find_references

PLAN = "suifuban-2007-42"
GZ = "guangzhou-private-economy-regulation-2024"
PEL = "private-economy-promotion-law-2025"
in_plan = Selection(documents=(PLAN,))


def test_old_tens_in_a_measure_number(fake_assistant):
    assert (to_int("廿四"), to_int("廿"), to_int("卅一")) == (24, 20, 31)
    assert find_references("第廿二项讲乜")[0].number == 22
    a = fake_assistant.ask("第廿二项讲乜", selection=in_plan)
    assert a.citations[0].clause_id == f"{PLAN}/measure-22"


def test_cantonese_which_and_this(fake_assistant):
    a = fake_assistant.ask("第七章包括边几条", selection=Selection(documents=(PEL,)))
    assert [i.clause_id for i in a.items][:2] == [f"{PEL}/article-58", f"{PEL}/article-59"]
    a = fake_assistant.ask("呢个条例由边个批准", selection=Selection(documents=(GZ,)))
    assert a.intent == "document" and "广东省人民代表大会常务委员会批准" in a.answer


def test_a_year_that_names_the_document_is_no_topic(fake_assistant):
    # "2024" left in ranked 本条例自2024年5月1日起施行 (article 41) first.
    for q in ("Who leads private economy work in Guangzhou according to the 2024 regulation?",
              "2024年的广州条例由哪个部门负责组织实施？"):
        query = fake_assistant.understand(q)
        assert query.documents == (GZ,) and "2024" not in query.retrieval_text
    # The loose naming blanks the place, not the topic words of the name ("private economy").
    query = fake_assistant.understand("Who leads private economy work in Guangzhou according to the 2024 regulation?")
    assert "private economy" in query.retrieval_text and "guangzhou" not in query.retrieval_text
    # A year that is not the named document's stays: it may be what is asked.
    assert "2019" in fake_assistant.understand("广州条例对2019年以前的企业有什么规定").retrieval_text


def test_a_body_named_in_a_regulations_text(fake_assistant):
    # 工商联 is a department of the 2007 plan; the 2024 regulation names it 工商业联合会 in articles 5 and 30.
    a = fake_assistant.ask("工商联做什么", selection=Selection(documents=(GZ,)))
    assert "所选文件没有提到" not in a.answer
    assert {c.clause_id for c in a.citations} & {f"{GZ}/article-5", f"{GZ}/article-30"}
    # With only the national laws chosen, a plan department they never name is still "not named".
    a = fake_assistant.ask("市科技局牵头哪些措施？", selection=Selection(documents=(PEL,)))
    assert "所选文件没有提到市科技局" in a.answer


def test_numbered_measures_counted(fake_assistant):
    a = fake_assistant.ask("How many numbered measures does the plan contain?", selection=in_plan)
    assert a.intent == "document" and "34 measures" in a.answer


def test_which_bureau_is_no_bureau_name(fake_assistant):
    # 边啲局 is read 哪些局: a question word, not a department the plan lacks.
    query = fake_assistant.understand("哪些局配合？", selection=in_plan)
    assert not query.unknown_departments
