"""Questions of kinds the session-26 dev review (the session-25 holdout, now dev) found answered wrongly: a level
word in a follow-up leaving the chosen document, "which department takes the lead?" after a topic, "the second one"
after a count, "the last measure", 谁担责 as a liability question, "how much for …" as money, and the catalogue
filtered by level, kind and status."""

from __future__ import annotations

from qa.assistant import Selection
from qa.understand.figures import asked_types
from qa.understand.query import catalogue_filter
from qa.understand.references import find_references
from tests.doc_ids import GZ, PLAN

PAY25 = "sme-payment-regulation-2025"
in_plan = Selection(documents=(PLAN,))


def test_a_level_word_does_not_leave_the_chosen_document(fake_assistant):
    # "and city level?" after the plan's provincial figure: a qualifier; with nothing chosen it may switch documents.
    history = ["How much for a provincial-level tech center?"]
    query = fake_assistant.understand("and city level?", history=history, selection=in_plan)
    assert query.scope == (PLAN,)
    assert "switched" not in query.details


def test_who_takes_the_lead_follows_the_topic(fake_assistant):
    history = ["Tell me about 专业镇 development."]
    first = fake_assistant.ask(history[0], selection=in_plan)
    assert first.citations and first.citations[0].clause_id == f"{PLAN}/measure-9"
    query = fake_assistant.understand("Which department takes the lead?", history=history, selection=in_plan)
    assert query.followup
    a = fake_assistant.ask("Which department takes the lead?", history=history, selection=in_plan)
    assert "市发改委" in a.answer


def test_the_second_one_after_a_count(fake_assistant):
    a = fake_assistant.ask("What's the second one?", history=["How many basic principles does the plan have?"],
                           selection=in_plan)
    assert a.citations[0].clause_id == f"{PLAN}/principle-2"


def test_the_last_clause_of_a_document():
    refs = find_references("ok, then what's the last measure about?")
    assert [(r.kind, r.last) for r in refs] == [("measure", True)]
    assert [(r.kind, r.last) for r in find_references("最后一条是什么")] == [(None, True)]  # not 第一条


def test_the_last_clause_resolves_in_the_document_meant(fake_assistant):
    a = fake_assistant.ask("what's the last measure about?", selection=in_plan)
    assert a.citations[0].clause_id == f"{PLAN}/measure-34"
    a = fake_assistant.ask("最后一条是什么", selection=Selection(documents=(PAY25,)))
    assert a.citations[0].clause_id == f"{PAY25}/article-37"
    # With no document meant, no clause is guessed.
    query = fake_assistant.understand("最后一条是什么？")
    assert not query.refs


def test_who_bears_liability_is_a_liability_follow_up(fake_assistant):
    history = ["广州市对拖欠民营企业账款有什么规定？"]
    query = fake_assistant.understand("违反的话谁担责？", history=history)
    assert "liability" in query.asks and query.followup
    a = fake_assistant.ask("违反的话谁担责？", history=history)
    assert a.citations[0].clause_id == f"{GZ}/article-38"


def test_how_much_for_asks_money():
    assert [t.name for t in asked_types("how much for a provincial-level tech center?")] == ["amount"]
    assert [t.name for t in asked_types("how much of the market share?")] == []


def test_catalogue_filters():
    assert catalogue_filter("which documents are national laws?") == {"levels": ("national",), "kinds": ("law",)}
    assert catalogue_filter("哪些是国务院的行政法规？") == {"kinds": ("state_council_regulation",)}
    assert catalogue_filter("哪些文件已经失效了？") == {"in_force": False}
    assert catalogue_filter("which documents in the library come from guangzhou?") == {"levels": ("municipal",)}


def test_catalogue_questions_list_documents(fake_assistant):
    a = fake_assistant.ask("Which documents in the library come from Guangzhou?")
    assert a.intent == "document" and "Regulations of Guangzhou Municipality" in a.answer
    assert "Guangdong" not in a.answer
    a = fake_assistant.ask("哪些文件已经失效了？")
    assert "2020年版" in a.answer and "民营经济促进法" not in a.answer
    a = fake_assistant.ask("Which documents are national laws?")
    assert "Private Economy Promotion Law" in a.answer and "Regulations" not in a.answer
    # A topic after the frame is a which-documents question, not the catalogue.
    assert fake_assistant.understand("Which documents cover late payment?").intent == "which_documents"
    # In a conversation, "哪些还有效？" asks about what was just listed, not the library.
    query = fake_assistant.understand("哪些还有效？", history=["市科技局牵头哪些措施？"])
    assert "library" not in query.asks


def test_laws_and_regulations_are_every_kind():
    assert catalogue_filter("what laws and regulations does this library contain?") == {}
    assert catalogue_filter("库里有哪些法律法规？") == {}


def test_other_countries_agencies_immigration_and_restaurants_are_out_of_scope(fake_assistant):
    for q in ("How do I apply for a US SBA loan?", "怎么申请香港优才计划？", "推荐几家广州好吃的早茶",
              "Can you recommend a restaurant near the city hall?"):
        a = fake_assistant.ask(q)
        assert a.abstained and not a.citations, q
    # The words are matched as words of the question, not inside a topic the library covers.
    assert not fake_assistant.ask("个体工商户可以申请哪些补贴？").abstained
    # 推荐 is also what a district does with its firms (measure 17): no service request.
    a = fake_assistant.ask("每个区推荐几家知识产权试点企业？", selection=in_plan)
    assert not a.abstained or a.status == "not_stated"


def test_more_catalogue_forms(fake_assistant):
    for q in ("已失效的文件有哪些？", "哪些文件不再有效"):
        a = fake_assistant.ask(q)
        assert a.intent == "document" and "2020年版" in a.answer and "民营经济促进法" not in a.answer, q


def test_cantonese_days_asks_the_payment_term(fake_assistant):
    query = fake_assistant.understand("大企业拖欠货款几多日要还？")
    assert "付款期限" in query.retrieval_text


def test_a_question_the_chosen_document_does_not_cover_says_where_the_library_does(fake_assistant):
    q = "大型企业从中小企业采购货物、工程、服务，应当自交付之日起多少日内支付款项？"
    a = fake_assistant.ask(q, selection=in_plan)
    assert a.abstained and any("所选文件没有涉及" in n and "保障中小企业款项支付条例" in n for n in a.notes)
    # Outside the whole library: no such note.
    a = fake_assistant.ask("怎么申请香港优才计划？", selection=in_plan)
    assert a.abstained and not any("所选文件" in n for n in a.notes)


def test_another_city_points_to_the_national_texts(fake_assistant):
    a = fake_assistant.ask("深圳市对民营企业有什么扶持政策？")
    assert a.abstained and any("资料库没有深圳本地的文件" in n and "民营经济促进法" in n for n in a.notes)
    a = fake_assistant.ask("What subsidies does Shanghai give private firms?")
    assert any("no local documents of Shanghai" in n for n in a.notes)


def test_a_mixed_question_on_days_to_pay_asks_the_payment_term(fake_assistant):
    query = fake_assistant.understand("big company 拖欠 payment 几多 days 要付？")
    assert "付款期限" in query.retrieval_text


def test_one_clause_looked_up_is_quoted_once(fake_assistant):
    a = fake_assistant.ask("What does Article 9 of the 2025 payment regulation say?")
    assert a.citations[0].clause_id == f"{PAY25}/article-9"
    assert a.quote_en and a.quote_en not in a.answer and "Article 9" in a.answer
    # Several clauses: each one's text stays in the answer (no single quote under it).
    a = fake_assistant.ask("第十二条和第十三条讲什么？", selection=in_plan)
    assert not a.quote_zh and "鼓励民营企业建立自主研发机构" in a.answer
