"""Findings of the session-20 fresh user (helper 30), each with its right value."""

from __future__ import annotations

from tests.conftest import plan_only
from tests.doc_ids import IND, PAY


def test_no_no_when_the_clause_grants_what_is_asked(fake_assistant):
    for q in ("个体工商户可以家庭经营吗？", "Can an individual business be run by a family?", "可以用银行保函代替保证金吗？"):
        a = fake_assistant.ask(q)
        assert not a.answer.startswith(("不可以", "不合法", "No —")), q
    a = fake_assistant.ask("个体工商户可以家庭经营吗？")
    assert a.citations[0].clause_id == f"{IND}/article-6"


def test_how_long_to_pay_asked_with_duo_jiu_is_the_payment_deadline(real_assistant):
    a = real_assistant.ask("政府欠款多久要付？")
    assert a.answer.startswith("机关、事业单位应当自交付之日起30日内支付") and a.citations[0].clause_id == f"{PAY}/article-9"
    a = real_assistant.ask("大企业欠款多久要付？")
    assert a.answer.startswith("大型企业应当自交付之日起60日内支付") and a.citations[0].clause_id == f"{PAY}/article-9"


def test_a_numbered_groups_count_is_that_groups_not_the_documents(fake_assistant):
    a = fake_assistant.ask("第（六）部分有几条措施？", selection=plan_only())
    assert a.status == "listing" and "共4条" in a.answer and len(a.items) == 4


def test_the_old_version_of_a_document_held_in_one_version(fake_assistant):
    history = ["广州条例对政商交往有什么规定？"]
    a = fake_assistant.ask("那旧版呢？", history=history)
    assert a.answer.startswith("资料库只收录了《广州市支持民营经济发展条例》的这一个版本")
    a = fake_assistant.ask("2020年版呢？", history=history)
    assert a.answer.startswith("资料库中没有《广州市支持民营经济发展条例》的2020年版本")
    # The payment regulation has one: its 2020 version answers.
    a = fake_assistant.ask("那旧版呢？", history=["逾期利息怎么算？"])
    assert a.citations[0].clause_id == "sme-payment-regulation-2020/article-15"


def test_a_figure_the_asked_article_does_not_state_is_denied_first(fake_assistant):
    a = fake_assistant.ask("民营经济促进法第七十七条规定30天付款？")
    assert a.answer.startswith("不是：《中华人民共和国民营经济促进法》第七十七条没有规定“30天”。")
    assert a.citations[0].clause_id == "private-economy-promotion-law-2025/article-77"
    a = fake_assistant.ask("Does Article 77 of the Private Economy Promotion Law say payment within 30 days?")
    assert a.answer.startswith("No — Article 77") and "30 days" in a.answer.splitlines()[0]
    # A figure the article does state: no denial.
    a = fake_assistant.ask("第十二条国家级奖励300万吗？", selection=plan_only())
    assert not a.answer.startswith("不是")


def test_what_a_violator_faces_is_the_liability_article_even_without_an_earlier_turn(real_assistant):
    a = real_assistant.ask("违反公平竞争审查有什么处罚？")
    assert a.citations[0].clause_id == "private-economy-promotion-law-2025/article-71" and "给予处分" in a.answer
    a = real_assistant.ask("what's the penalty if they don't pay?",
                           history=["A big company has owed me money for 3 months. How long do they have to pay me?"])
    # (Session 37: a large enterprise's credit-record sanction, Art. 26; no longer Art. 35 on retaliation.)
    assert a.citations[0].clause_id.startswith(PAY) and "credit records" in a.answer
    # One's own fine (a first minor offence) is not a question about sanctions on others.
    a = real_assistant.ask("在广州，企业第一次违法而且危害后果轻微，会被罚款吗？")
    assert a.citations[0].clause_id == "guangzhou-private-economy-regulation-2024/article-29"


def test_english_out_of_scope_questions_the_fresh_user_asked(fake_assistant):
    for q in ("Which bank gives the cheapest SME loan?", "What is the capital gains tax on selling my shares?",
              "增值税小规模纳税人起征点是多少？", "Tell me about Shenzhen's regulation on the private economy",
              "Can I pay my suppliers in Bitcoin?", "How do I register a trademark in the US?"):
        assert fake_assistant.ask(q).status == "out_of_scope", q


def test_an_english_figure_is_quoted_from_the_fragment_that_states_it(real_assistant):
    a = real_assistant.ask("How long does a government agency have to pay an SME?")
    assert a.answer.startswith("Government bodies and public institutions: within 30 days of delivery")
    assert "Where government bodies and public institutions procure" in a.answer  # the fragment that states it
    a = real_assistant.ask("How much is the late payment interest rate?")
    assert a.answer.startswith("0.05%") and "daily rate of 0.05%" in a.answer.split("(Article")[0]


def test_the_figure_of_the_subject_named_right_before_it(fake_assistant):
    # 其中私营企业超18万户 … 年营业收入10亿元以上民营工商业企业达到50—60户
    a = fake_assistant.ask("私营企业要达到多少户？", selection=plan_only())
    assert a.answer.startswith("18万户")
    a = fake_assistant.ask("年营业收入10亿元以上的民营企业要达到多少户？", selection=plan_only())
    assert a.answer.startswith("50—60户")


def test_an_unknown_bureau_of_x_is_named_as_asked_and_a_half_english_guangzhou_regulation(fake_assistant):
    a = fake_assistant.ask("Which measures does the Municipal Bureau of Commerce lead?", selection=plan_only())
    assert "“bureau of commerce”" in a.answer.lower() and "which measures" not in a.answer.lower()
    a = fake_assistant.ask("Guangzhou 条例 第十二条 in English")
    assert [c.clause_id for c in a.citations] == ["guangzhou-private-economy-regulation-2024/article-12"]


def test_a_figure_on_a_topic_the_chosen_document_lacks_is_not_covered_not_unstated(fake_assistant):
    a = fake_assistant.ask("逾期利息怎么算？", selection=plan_only())
    assert a.status == "abstained" and "没有涉及" in a.answer
    a = fake_assistant.ask("国家中小企业发展基金规模有多大？")
    assert a.status == "not_stated" and "具体金额" in a.answer


def test_what_a_prohibition_excepts_gets_no_no(real_assistant):
    # Helper 31: "除依法设立的投标保证金、履约保证金、工程质量保证金、农民工工资保证金外，工程建设中不得…收取其他保证金".
    for q in ("工程建设中可以收取农民工工资保证金吗？", "可以收取投标保证金吗？",
              "Can a construction project collect a migrant workers' wage deposit?"):
        assert not real_assistant.ask(q).answer.startswith(("不可以", "No —")), q
    assert real_assistant.ask("工程建设中甲方能收其他保证金吗？").answer.startswith("不可以")


def test_a_question_on_a_named_documents_dates_is_its_own_not_the_earlier_ones(fake_assistant):
    a = fake_assistant.ask("民营经济促进法是2020年施行的吗？", history=["个体工商户可以转型为企业吗？"])
    assert "2025年5月20日" in a.answer and a.citations[0].clause_id == "private-economy-promotion-law-2025/article-78"
