"""Questions of kinds the session-25 dev review (the session-24 holdout, now dev) found answered wrongly: 廿 in a
measure number, Cantonese words for "which" and "this", a year that names a document, a loose English naming of the
Guangzhou regulation, a body a regulation names in its text, approval of a regulation, and "numbered measures"."""

from __future__ import annotations

from qa.assistant import Selection
from qa.ingest.numerals import to_int
from qa.understand.references import find_references
from tests.doc_ids import GZ, PLAN

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
    assert "没有提到市科技局" in a.answer


def test_numbered_measures_counted(fake_assistant):
    a = fake_assistant.ask("How many numbered measures does the plan contain?", selection=in_plan)
    assert a.intent == "document" and "34 measures" in a.answer


def test_which_bureau_is_no_bureau_name(fake_assistant):
    # 边啲局 is read 哪些局: a question word, not a department the plan lacks.
    query = fake_assistant.understand("哪些局配合？", selection=in_plan)
    assert not query.unknown_departments


def test_the_texts_a_document_is_based_on(fake_assistant):
    # The plan's notice: 为贯彻落实《国务院关于鼓励支持和引导个体私营等非公有制经济发展的若干意见》…特制定本方案.
    for q in ("这个方案是依据哪些文件制定的", "What documents was this plan drawn up to implement?"):
        a = fake_assistant.ask(q, selection=in_plan)
        assert a.intent == "document" and a.citations[0].clause_id == f"{PLAN}/preamble"
    a = fake_assistant.ask("这个方案是依据哪些文件制定的", selection=in_plan)
    assert "依据《国务院关于鼓励支持和引导个体私营等非公有制经济发展的若干意见》" in a.answer
    assert "依据《广州市进一步加快民营经济发展工作方案》" not in a.answer  # not its own title
    assert len({c.clause_id for c in a.citations}) == len(a.citations)
    a = fake_assistant.ask("Which law is the 款项支付条例 based on?")
    assert "Law of the People's Republic of China on the Promotion of Small and Medium-sized Enterprises" in a.answer
    # 根据宪法，制定本法: a basis without 《》.
    assert "依据宪法制定（第一条）" in fake_assistant.ask("民营经济促进法的立法依据是什么").answer
    # "根据什么条件" asks a condition, not the document's basis.
    a = fake_assistant.ask("贷款要根据什么条件", selection=Selection(documents=("sme-promotion-law-2017",)))
    assert a.intent != "document"
    # "fines without a legal basis" is a topic, not the law's basis.
    a = fake_assistant.ask("What does the 民营经济促进法 say about fines without a legal basis?")
    assert a.intent != "document"
    # The English answer names the Chinese titles too.
    a = fake_assistant.ask("Which national law is the Guangdong SME regulation based on?")
    assert "《中华人民共和国中小企业促进法》" in a.answer


def test_fresh_user_45_cantonese(fake_assistant):
    # 边个发的 → 哪个发的: the issuer, not the notice's first sentence.
    a = fake_assistant.ask("广州市进一步加快民营经济发展工作方案是边个发的？")
    assert a.intent == "document" and "广州市政府办公厅" in a.answer
    # 转做公司: converting to a company (Art. 13), not joining the workers' association (Art. 15).
    a = fake_assistant.ask("我系个体户，想转做公司，点样办？")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-13"


def test_the_audit_authority_is_nobody_to_contact(fake_assistant):
    # Art. 31 names 审计机关 only as the source of audit results; a business does not complain to it.
    from qa.answer.handlers.common import contacts_for

    library = fake_assistant.library
    clause = library.clause("sme-payment-regulation-2025/article-31")
    assert "审计机关" in clause.text_zh
    assert "审计机关" not in {c.name for c in contacts_for(library, clause, clause.sentences)}


def test_a_heading_sharing_one_word_of_the_topic(fake_assistant):
    # 知识产权保护 shares only 保护 with the chapter 权益保护: the articles on IP answer, not that chapter's list.
    a = fake_assistant.ask("这部法律里关于知识产权保护的条款有哪些？", selection=Selection(documents=(PEL,)))
    assert "第七章 权益保护" not in a.answer
