"""Understanding: language, documents, departments, figures, scope, and one test per intent detector."""

from __future__ import annotations

import pytest

from qa.understand.language import answer_language, channel_language
from tests.conftest import PLAN


@pytest.fixture(scope="module")
def understand(fake_assistant):
    from qa.assistant import Selection

    def run(question: str, selected: tuple[str, ...] | None = None):
        return fake_assistant.understand(question, selection=Selection(documents=selected) if selected else None)
    return run


@pytest.mark.parametrize(("text", "lang"), [("第12条讲什么？", "zh"), ("any 政策 for 专业镇 development?", "en"),
                                            ("研发投入能税前抵扣吗 R&D", "zh"), ("Is the 2020 款项支付条例 still valid?", "en"),
                                            ("", "zh"), ("!!!", "zh"), ("<script>alert(1)</script>第九条", "zh")])
def test_one_language_rule(text, lang):
    assert answer_language(text) == lang


def test_a_quoted_chinese_title_does_not_make_an_english_question_chinese(understand):
    assert understand("Does 广州市支持民营经济发展条例 offer talent subsidies?").lang == "en"
    assert understand("民营经济促进法第七十七条").lang == "zh"


def test_channels():
    assert channel_language("贷款担保") == "zh" and channel_language("loan guarantee") == "en"
    assert channel_language("what does 民营经济促进法 say about 拖欠 payments") == "mixed"


@pytest.mark.parametrize(("text", "doc"), [
    ("民营经济促进法什么时候施行？", "private-economy-promotion-law-2025"),
    ("保障中小企业款项支付条例现在哪个版本有效？", "sme-payment-regulation-2025"),
    ("2020年版的款项支付条例第十二条", "sme-payment-regulation-2020"),
    ("旧版款项支付条例怎么规定", "sme-payment-regulation-2020"),
    ("What does the Guangdong SME regulation say about land?", "guangdong-sme-promotion-regulation-2019"),
    ("这个方案现在还有效吗？", PLAN), ("个体工商户条例32条说了什么", "individual-business-regulation-2022"),
])
def test_documents_named(understand, text, doc):
    assert understand(text).documents[:1] == (doc,)


def test_the_legal_term_is_not_the_name_of_the_regulation_that_uses_it(understand):
    # "individual industrial and commercial households" is what the Guangzhou regulation's green channel is for.
    q = understand("Which Guangzhou department must set up a green channel for individual industrial and commercial "
                   "households upgrading to enterprises?")
    assert q.documents == () and q.scope is None


def test_a_loose_name_does_not_override_the_selection(understand):
    q = understand("这个方案现在还有效吗？", selected=("sme-promotion-law-2017",))
    assert q.scope == ("sme-promotion-law-2017",)


@pytest.mark.parametrize(("text", "name", "role", "negated"), [
    ("广州市科学技术局牵头哪些措施？", "市科技局", "lead", False),
    ("市科技局配合的措施有哪些？", "市科技局", "cooperate", False),
    ("哪些措施不是市科技局牵头的？", "市科技局", "lead", True),
    ("Which measures does the Municipal Foreign Trade and Economic Cooperation Bureau lead?", "市外经贸局", "lead", False),
    ("Which measures does the Science and Technology Bureau lead?", "市科技局", "lead", False),
    ("科技局负责什么", "市科技局", "any", False), ("科技局负责哪些措施", "市科技局", "lead", False),
    ("市经贸委既不牵头也不配合的措施有哪些？", "市经贸委", "any", True),
    # 有没有 / 是不是 ask; they do not negate.
    ("农业局有没有牵头的措施？", "市农业局", "lead", False),
    ("第十二条是不是市科技局牵头的？", "市科技局", "lead", False),
    # A shortened English name held by one department only.
    ("Which measures involve the Planning Bureau?", "市规划局", "any", False),
    ("how many measures does the Land and Housing bureau cooperate on without leading them?", "市国土房管局", "cooperate", False),
])
def test_departments_every_form_role_and_polarity(understand, text, name, role, negated):
    [dept] = understand(text).departments
    assert (dept.name, dept.role, dept.negated) == (name, role, negated)


def test_unknown_departments(understand):
    assert understand("市工信局牵头哪些措施？", selected=(PLAN,)).unknown_departments == ("市工信局",)
    # The 2024 Guangzhou regulation names it 市工业和信息化主管部门: the clauses that name that body.
    q = understand("市工信局负责什么？")
    assert q.unknown_departments == () and q.mention_term == "市工业和信息化主管部门" and q.intent == "mentions"
    assert understand("Is a Guangzhou Commerce Bureau named in the plan?").unknown_departments
    # A word of its own in front: not shortened to the Science and Technology Bureau.
    q = understand("Which measures does the Industry and Information Technology Bureau lead?", selected=(PLAN,))
    assert q.departments == () and q.unknown_departments


@pytest.mark.parametrize(("text", "types"), [
    ("国家级技术中心认定下来能拿多少钱", ["amount"]), ("风险准备金补助比例是多少？", ["rate"]),
    ("投诉以后多久能处理完？", ["duration"]), ("How many employees can an SME have?", ["headcount"]),
    ("租金有优惠吗", []), ("重点培育多少家上市后备企业", []),
    ("大企业付款期限是多少？", ["duration"]), ("贷款利率是多少", ["rate"]),  # a time limit or a rate, not money
    # How often, not how long: 每2年认定一批 / every half year.
    ("重点民营企业多久认定一批？", ["frequency"]), ("市政府多久向市人大常委会报告一次？", ["frequency"]),
    ("how often must the city report?", ["frequency"]),
    ("材料不齐，部门应该多长时间内一次性告诉我们？", ["duration"]),  # 一次性 is "all at once"
])
def test_figure_kinds(understand, text, types):
    assert [t.name for t in understand(text).figure_types] == types


def test_scope_cues(understand):
    assert {c.effect for c in understand("深圳的人才补贴是多少？").scope_cues} == {"abstain"}
    assert {c.effect for c in understand("我在深圳开公司，大企业拖欠货款怎么办？").scope_cues} == {"national_only"}
    assert understand("2015年的目标是多少？", selected=(PLAN,)).scope_cues  # after the plan's 2010 horizon
    assert not understand("2025年的法律怎么规定？").scope_cues
    assert {c.effect for c in understand("房产税怎么交？").scope_cues} == {"abstain"}  # a tax the library never sets
    assert not understand("小微企业有什么税收优惠？").scope_cues
    # A cue word whose owner the question names is the library's matter (data: corpus/scope_cues.json "unless").
    assert understand("How much social insurance do I have to pay for each employee?").scope_cues
    assert not understand("Is there anything for self-employed individual businesses on social insurance?").scope_cues
    assert not understand("公司能不能让员工去注册成个体户，不签劳动合同？").scope_cues
    assert understand("劳动合同试用期最长多久？").scope_cues
    assert not understand("Does the Guangdong regulation support Greater Bay Area cooperation with Hong Kong?").scope_cues
    # "address" the verb is no request for an office's address.
    assert not understand("Does the plan address hukou for staff?", selected=(PLAN,)).scope_cues
    assert understand("What's the address of the office?", selected=(PLAN,)).scope_cues


def test_a_named_document_is_left_out_of_the_ranking_text_but_not_the_evidence(understand):
    q = understand("广州条例对民企引进人才有什么支持")
    assert q.scope == ("guangzhou-private-economy-regulation-2024",)
    assert "广州" not in q.retrieval_text and "人才" in q.retrieval_text
    assert "广州条例" in q.evidence_text
    assert understand("民企引进人才有什么支持").evidence_text == ""  # nothing named: one text for both


@pytest.mark.parametrize(("text", "intent", "selected"), [
    ("你好", "greeting", None), ("谢谢！", "greeting", None), ("", "empty", None), ("？？？", "empty", None),
    ("这个方案一共有多少条措施？", "document", None), ("How many measures are there?", "document", (PLAN,)),
    ("How many measures are in the 2007 Guangzhou plan?", "document", None),  # its place and year are no topic
    ("How many chapters does the Private Economy Promotion Law have?", "document", None),
    ("What are the nine groups of measures in the plan?", "document", (PLAN,)),
    ("How many companies does the plan want to support?", "figure", (PLAN,)),
    ("这个文件是哪个部门发的？什么时候发的？", "document", (PLAN,)), ("民营经济促进法什么时候施行？", "document", None),
    ("这个方案现在还有效吗？", "validity", None), ("Is the 2020 payment regulation still in force?", "validity", None),
    ("2026年还能按这个方案申请补贴吗？", "validity", (PLAN,)), ("这方案管到哪年为止？", "validity", (PLAN,)),
    ("What's the expiry date of this plan?", "validity", (PLAN,)), ("Can I still rely on this 2007 plan?", "validity", (PLAN,)),
    ("Has the plan been replaced by something newer?", "validity", (PLAN,)),
    ("How long does this plan run for?", "validity", (PLAN,)), ("方案的目标是到哪一年？", "validity", (PLAN,)),
    ("Within what time frame?", "figure", (PLAN,)),  # a deadline, not the plan's horizon
    ("还能申请贷款贴息吗？", "topical", (PLAN,)),  # 还 = "also": not about validity
    ("第12条讲什么？", "clause_ref", (PLAN,)), ("你好，第12条讲什么？", "clause_ref", (PLAN,)),
    ("市科技局牵头哪些措施？", "department", None), ("市工信局牵头哪些措施？", "department", (PLAN,)),
    ("融资方面有哪些扶持措施？", "group_listing", (PLAN,)), ("国企改革那部分一共有几条？", "group_listing", (PLAN,)),
    ("方案的基本原则有哪些？", "group_listing", (PLAN,)),
    ("哪些法规讲到了拖欠中小企业款项？", "which_documents", None), ("哪些条款提到审计机关？", "mentions", None),
    ("上市融资找哪个部门？", "contact", None),
    # "when" inside the question asks for no date
    ("Who should mediate when there's a major disagreement over overdue payments?", "contact", None),
    ("When does a large company have to pay?", "figure", None),
    ("大企业什么时候要付款？", "figure", None), ("国家级技术中心认定下来能拿多少钱", "figure", None),
    ("能帮我们找贷款担保吗？", "topical", None), ("Is that a valid excuse for not paying?", "topical", None),
])
def test_one_detector_per_intent(understand, text, intent, selected):
    assert understand(text, selected=selected).intent == intent


def test_greeting_in_front_of_a_question_is_stripped(understand):
    q = understand("Thanks! And who leads measure 12?", selected=(PLAN,))
    assert q.greeting and q.intent == "clause_ref" and q.content.startswith("who leads")


def test_a_document_name_with_a_wrong_character_is_still_found(understand):
    assert understand("保障中小企业款项支附条例第九条").scope == ("sme-payment-regulation-2025",)
    assert understand("民营经济足进法什么时候施行？").scope == ("private-economy-promotion-law-2025",)
    assert understand("优化营商环境条例第十条").scope in ((), None)  # a different law stays unknown


def test_pattern_synonyms_add_the_texts_terms_to_varied_phrasings(understand):
    assert "付款期限" in understand("大型企业最晚多少天付款？").retrieval_text
    assert "换届" in understand("新来的领导说之前的承诺不算了").retrieval_text
    assert "change of government terms" in understand("Can they back out because a new government took office?").retrieval_text
    assert "listing" in understand("Any support for going public?").retrieval_text
    assert "付款期限" not in understand("大型企业有哪些义务？").retrieval_text
    assert "澳门特别行政区" in understand("港澳台的人能登记个体户吗").retrieval_text
    assert "transform into an enterprise" in understand("I want to turn my noodle shop into a company").retrieval_text
    assert "打击报复" in understand("我催款后客户说不再跟我们合作了").retrieval_text
    assert "retaliate" not in understand("Can their managers be punished?").retrieval_text  # sanctions, not retaliation


def test_money_asked_by_what_a_body_gets_is_not_answered_by_a_share():
    from qa.understand.figures import asked_types

    assert [t.name for t in asked_types("How much does a municipal-level enterprise technology centre get?")] == ["amount"]
