"""Questions of kinds the session-20 dev review found unanswered, each with its right value."""

from __future__ import annotations

from tests.conftest import plan_only
from tests.doc_ids import GZ

PEL = "private-economy-promotion-law-2025"


def test_what_happens_to_whoever_breaks_the_rule_is_the_documents_liability_article(fake_assistant):
    history = ["行业协会强制我们参加评比，合法吗？"]
    assert fake_assistant.ask(history[0]).citations[0].clause_id == f"{GZ}/article-37"
    # Article 40 names article 37: "违反本条例第三十七条规定…由有关行业主管部门责令改正".
    a = fake_assistant.ask("那违反了怎么处理？", history=history)
    assert a.citations[0].clause_id == f"{GZ}/article-40" and "责令改正" in a.answer
    # "What to do" is not a question about sanctions.
    a = fake_assistant.ask("他们不付怎么办？", history=["大企业拖欠货款60天了怎么办？"])
    chapters = fake_assistant.library.clause(a.citations[0].clause_id).group_path
    assert not any("法律责任" in c for c in chapters)


def test_the_sanction_is_quoted_not_the_item_that_matched_the_earlier_topic(real_assistant):
    history = ["A local tender shut out private companies. Is that allowed?"]
    a = real_assistant.ask("what happens to the officials responsible?", history=history)
    assert a.citations[0].clause_id == f"{PEL}/article-71" and "sanctions" in a.answer


def test_a_follow_up_asking_a_figure_its_clause_does_not_state_gets_not_stated(fake_assistant):
    a = fake_assistant.ask("修复要多久？", history=["企业被列入失信了，能修复吗？"])
    assert a.status == "not_stated" and a.citations[0].clause_id == f"{PEL}/article-54" and "期限" in a.answer
    # A time stated in years, and a count of trainees in 人次, are figures the clause states.
    plan = ("suifuban-2007-42",)
    from qa.assistant import Selection

    a = fake_assistant.ask("计划多久改造完？", history=["方案里对批发市场有什么支持？"], selection=Selection(documents=plan))
    assert a.status == "answered" and a.answer.startswith("5年")
    a = fake_assistant.ask("how many people are they aiming to train?", history=["Measure 19 - what's that about?"],
                           selection=Selection(documents=plan))
    assert a.citations[0].clause_id == "suifuban-2007-42/measure-19" and "250,000" in a.answer


def test_an_english_permission_question_answered_by_a_prohibition_says_no_in_plain_words(real_assistant):
    a = real_assistant.ask("Can a company make workers register as 个体工商户 instead of hiring them?")
    assert a.answer.startswith("No — it is not allowed: No entity or individual shall induce or force workers")
    # The subject of the prohibition counts: bidding and tendering … shall not … exclude private organisations.
    a = real_assistant.ask("A local tender shut out private companies. Is that allowed?")
    assert a.answer.startswith("No — it is not allowed:") and a.citations[0].clause_id == f"{PEL}/article-14"


def test_what_counts_as_a_term_quotes_its_defining_sentence(fake_assistant):
    a = fake_assistant.ask("民营经济组织包括哪些？")
    assert a.citations[0].clause_id == f"{PEL}/article-77" and a.answer.startswith("本法所称民营经济组织")
    a = fake_assistant.ask("what counts as an SME under Chinese law?")
    assert "For the purposes of" in a.answer and a.citations[0].clause_id.endswith(("/article-2", "/article-3"))


def test_a_narrow_topic_asked_as_a_listing_is_answered_by_its_clause_not_a_chapter(fake_assistant):
    a = fake_assistant.ask("广州对首台套产品有啥政策")
    assert not a.items and a.citations[0].clause_id == f"{GZ}/article-21" and "首台" in a.answer
    a = fake_assistant.ask("融资方面有哪些措施？", selection=plan_only())
    assert a.intent == "group_listing" and len(a.items) == 6


def test_a_document_named_half_in_english_and_which_docs(fake_assistant):
    a = fake_assistant.ask("What does Article 25 of the 个体工商户 regulation say?")
    assert [c.clause_id for c in a.citations] == ["individual-business-regulation-2022/article-25"]
    assert fake_assistant.understand("which docs mention 首台（套） products?").intent in ("which_documents", "mentions")


def test_matters_other_laws_govern_and_drafting_requests_are_out_of_scope(fake_assistant):
    for q in ("can you draft a sales contract for me?", "Is trading cryptocurrency legal in China?",
              "How do I register a trademark in the United States?", "怎么给外国员工办工作许可？", "出口管制清单包括哪些物项"):
        assert fake_assistant.ask(q).status == "out_of_scope", q
    # The plan's own 绿卡 (green channel card) stays in scope.
    assert fake_assistant.ask("绿卡是什么？", selection=plan_only()).citations[0].clause_id.endswith("/measure-34")


def test_a_group_listing_shows_what_each_measure_does_before_its_lead(fake_assistant):
    a = fake_assistant.ask("融资方面有哪些措施？", selection=plan_only())
    fifth = next(i for i in a.items if i.clause_id.endswith("/measure-5"))
    assert "企业债券" in fifth.detail_zh and fifth.detail_zh.endswith("牵头：市金融办") and "（市金融办牵头" not in fifth.detail_zh
    assert "bonds" in fifth.detail_en
    # A law's articles are listed by their opening words, with nothing added.
    a = fake_assistant.ask("中小企业促进法第三章讲什么")
    assert a.items and all(i.detail_zh == "" for i in a.items)
