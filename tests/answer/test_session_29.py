"""Questions of kinds the session-29 review (fresh-user session 52 and the session-28 holdout, now dev) found
answered wrongly: "the tax bureau" / 税务局 (the plan's two tax bureaus), a department labelled as leading what it
only cooperates on, English level listings ("Guangzhou-level documents"), a breach of a numbered article (违反…第三十六条
会怎样), 第-5条, a list of clause numbers joined by 同, "2024年条例" naming the one regulation of that year, how many
versions a document has, and questions no policy text answers (the capital of France, whether a target was met)."""

from __future__ import annotations

from qa.assistant import Selection
from qa.understand import cues
from qa.understand.references import find_references
from qa.understand.spans import blank
from tests.doc_ids import GZ, PAY20, PLAN

PAY25 = "sme-payment-regulation-2025"
PEL = "private-economy-promotion-law-2025"


def test_the_tax_bureau_means_both_of_the_plans_tax_bureaus(fake_assistant):
    for q in ("Which measures is the tax bureau responsible for in the 2007 plan?", "税务局负责哪些措施？"):
        query = fake_assistant.understand(q, selection=Selection(documents=(PLAN,)))
        assert {d.name for d in query.departments} == {"市国税局", "市地税局"}, q
        assert not query.unknown_departments


def test_a_department_that_leads_nothing_is_labelled_as_cooperating(fake_assistant):
    a = fake_assistant.ask("市国税局负责哪些措施", selection=Selection(documents=(PLAN,)))
    assert a.status == "listing"
    assert [(c.name, c.role) for c in a.departments] == [("市国税局", "cooperate")]
    assert {i.clause_id for i in a.items} == {f"{PLAN}/measure-6", f"{PLAN}/measure-13"}


def test_is_a_department_involved_lists_its_measures(fake_assistant):
    a = fake_assistant.ask("is the 国税局 involved too?", selection=Selection(documents=(PLAN,)))
    assert a.intent == "department"
    assert {i.clause_id for i in a.items} == {f"{PLAN}/measure-6", f"{PLAN}/measure-13"}


def test_english_level_listing_and_its_follow_up(fake_assistant):
    a = fake_assistant.ask("Which Guangzhou-level documents are there?")
    assert a.intent == "document"
    assert "2 such documents" in a.answer
    b = fake_assistant.ask("what about provincial ones?", history=["Which Guangzhou-level documents are there?"])
    assert "1 such document" in b.answer and "Guangdong" in b.answer


def test_breaking_a_numbered_article_asks_its_sanction(fake_assistant):
    assert cues.LIABILITY.search("违反广州条例第三十六条会怎样")
    a = fake_assistant.ask("违反广州条例第三十六条会怎样")
    assert a.citations[0].clause_id == f"{GZ}/article-39"


def test_a_negative_clause_number_is_no_clause():
    refs = find_references("第-5条讲什么")
    assert [r.number for r in refs] == [0] and refs[0].text == "第-5条"
    assert [r.number for r in find_references("article -5 of the law")] == [0]


def test_a_negative_clause_number_is_reported_not_answered(fake_assistant):
    a = fake_assistant.ask("第-5条", selection=Selection(documents=(PLAN,)))
    assert a.status == "out_of_range" and "第-5条" in a.answer and not a.citations


def test_clause_numbers_joined_by_cantonese_and():
    assert [r.number for r in find_references("第18同第19项讲乜？")] == [18, 19]
    assert [r.number for r in find_references("第二十二同二十三条讲乜？")] == [22, 23]


def test_an_ambiguous_list_of_numbers_asks_once(fake_assistant):
    a = fake_assistant.ask("第5-7条")
    assert a.status == "ambiguous"
    assert a.answer.count("请选定文件") == 1 and "第5条、第6条、第7条" in a.answer


def test_a_year_and_a_kind_name_the_one_document_of_that_year(fake_assistant):
    query = fake_assistant.understand("2007年方案同2024年条例都有提“绿色通道”吗？", selection=Selection(documents=(PLAN,)))
    assert set(query.scope) == {PLAN, GZ}
    assert fake_assistant.understand("And under the 2024 regulation, who takes complaints?", selection=Selection(documents=(PLAN,))).scope == (GZ,)
    assert fake_assistant.understand("2020年条例第八条").scope == (PAY20,)  # the id's year, not Guangdong's in force 2020
    assert fake_assistant.understand("what does the 2025 law say about payment").scope == (PEL,)


def test_blank_merges_overlapping_spans():
    assert blank("what does the 2025 law say", [(14, 22), (14, 18)]) == "what does the   say"


def test_how_many_versions_lists_the_versions(fake_assistant):
    a = fake_assistant.ask("款项支付条例有几个版本？")
    assert a.intent == "validity"
    assert "2020年版" in a.answer and "2025年修订" in a.answer


def test_how_many_numbered_main_measures_is_a_count(fake_assistant):
    a = fake_assistant.ask("How many numbered main measures does the plan contain?", selection=Selection(documents=(PLAN,)))
    assert a.intent == "document" and "34" in a.answer


def test_catalogue_of_laws_passed_by_the_npc(fake_assistant):
    a = fake_assistant.ask("Which of the documents are national laws passed by the NPC Standing Committee?")
    assert a.intent == "document" and "2 such documents" in a.answer


def test_general_knowledge_and_outcomes_are_out_of_scope(fake_assistant):
    for q in ("What is the capital of France?", "2+2等于几", "Did Guangzhou actually reach that target by 2010?"):
        assert fake_assistant.ask(q).abstained, q
    # Capital as money stays in scope.
    assert not fake_assistant.understand("What is the registered capital of a company required?").scope_cues


def test_a_contract_that_says_otherwise_compares_no_versions(fake_assistant):
    history = ["Under the current SME payment regulation, how many days does a government agency have to pay a small supplier?"]
    query = fake_assistant.understand("And if the contract says something different?", history=history)
    assert "compare_versions" not in query.details
    # The versions still compare when the question asks it.
    assert "compare_versions" in fake_assistant.understand("What's different in the 2020 version?", history=history).details


def test_the_order_number_of_that_revision_then_of_the_original(fake_assistant):
    history = ["Which version of the SME payment regulation is currently in force?"]
    a = fake_assistant.ask("What was the State Council order number for that revision?", history=history)
    assert a.intent == "document" and a.answer.startswith("The Regulations on Ensuring Payments") and "第802号" in a.answer
    history.append("What was the State Council order number for that revision?")
    b = fake_assistant.ask("And the original 2020 one?", history=history)
    assert b.intent == "document" and "第728号" in b.answer


def test_a_named_commerce_bureau_the_plan_lacks_is_reported_unknown(fake_assistant):
    query = fake_assistant.understand("Is a Guangzhou Commerce Bureau named in the plan?")
    assert query.intent == "department" and query.unknown_departments


def test_small_talk_before_the_question_is_no_topic(fake_assistant):
    a = fake_assistant.ask("今天天气不错。请问方案对融资担保有什么支持？", selection=Selection(documents=(PLAN,)))
    assert not a.abstained and a.citations[0].clause_id.startswith(f"{PLAN}/")
    b = fake_assistant.ask("Nice weather today! By the way, can I get a loan guarantee under the plan?")
    assert not b.abstained
    assert fake_assistant.ask("what's the weather like tomorrow?").abstained


def test_a_year_and_a_place_name_the_same_document_together(fake_assistant):
    history = ["Who leads private economy work in Guangzhou according to the 2024 regulation?"]
    query = fake_assistant.understand("And at national level under the 2025 law?", history=history)
    assert query.scope == (PEL,)
    assert "guangzhou" not in query.retrieval_text  # the earlier question's place named its document
    sel = Selection(documents=(PLAN,))
    assert fake_assistant.understand("What does Guangzhou's 2024 regulation say about complaints?", selection=sel).scope == (GZ,)


def test_how_much_of_that_follows_up(fake_assistant):
    history = ["What's the government procurement quota reserved for SMEs?"]
    query = fake_assistant.understand("and how much of that goes to small and micro businesses?", history=history)
    assert query.followup
    # "that" as a conjunction or naming a document is no pronoun.
    assert not cues.ANAPHORA.search("is the rule so strict that small firms get more?")
    assert not cues.ANAPHORA.search("what is said about that plan")


def test_cantonese_so_who_leads_follows_up(fake_assistant):
    sel = Selection(documents=(PLAN,))
    query = fake_assistant.understand("咁由边个牵头？", history=["方案有冇讲民企人才培训？"], selection=sel)
    assert query.followup


def test_cantonese_lead_or_cooperate_asks_the_role(fake_assistant):
    a = fake_assistant.ask("工商联喺方案入面系牵头定配合？", selection=Selection(documents=(PLAN,)))
    assert a.intent == "department" and not a.abstained


def test_a_named_documents_year_and_kind_leave_the_topic(fake_assistant):
    query = fake_assistant.understand("What does the 工商联 do under Guangzhou's 2024 regulation?")
    assert query.scope == (GZ,)
    assert "regulation" not in query.retrieval_text and "2024" not in query.retrieval_text


def test_what_is_an_individual_business_quotes_whom_the_regulation_applies_to(fake_assistant):
    a = fake_assistant.ask("什么是个体工商户？")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-2"


def test_a_bare_item_number_is_a_plan_measure(fake_assistant):
    a = fake_assistant.ask("第五项由谁牵头？")
    assert a.citations[0].clause_id == f"{PLAN}/measure-5"
    assert [c.name for c in a.departments if c.role == "lead"] == ["市金融办"]


def test_a_four_digit_english_article_number_is_out_of_range(fake_assistant):
    a = fake_assistant.ask("Article 9999 of the SME Promotion Law")
    assert a.status == "out_of_range" and "9999" in a.answer


def test_still_being_carried_out_asks_validity(fake_assistant):
    assert fake_assistant.ask("广州方案还在执行吗？").intent == "validity"


def test_an_unknown_department_is_named_with_one_the(fake_assistant):
    a = fake_assistant.ask("the industry and commerce bureau cooperates on which measures?")
    assert "the “the" not in a.answer


def test_a_year_before_target_is_no_goal_number():
    assert not find_references("What's the 2010 target for total annual loan guarantees?")
    assert [r.number for r in find_references("Article 9999 of the SME Promotion Law")] == [9999]
