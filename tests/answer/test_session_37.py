"""Items left from the session-36 fresh users' reports (evaluation/fresh-user/session-36*.md) fixed in session 37:
a large enterprise's penalty for not paying (not the asker's own), Cantonese 罚唔罚 / 有咩罚, two documents'
unrelated articles compared, the plan's departments ranked by their measures, measures with no cooperating
department, keyboard mash, what an unpaid supplier may do, a fragment leading an English answer."""

from __future__ import annotations

from tests.doc_ids import PAY, PLAN


def test_a_large_enterprises_penalty_is_not_the_askers_own(real_assistant):
    # 会被罚吗 with a party named is that party's penalty: a sanction, not the article on partial disputes.
    for question in ("大企业不付款会被罚吗", "大企业唔俾钱罚唔罚"):
        a = real_assistant.ask(question)
        assert a.citations[0].clause_id in (f"{PAY}/article-26", f"{PAY}/article-31", f"{PAY}/article-33",
                                            "private-economy-promotion-law-2025/article-73"), question
    # After an article on excuses, retaliation against complainants (Art. 35) is another act than not paying.
    a = real_assistant.ask("大企业不付款会被罚吗", history=["我老板换了"])
    assert a.citations[0].clause_id != f"{PAY}/article-35"


def test_a_cantonese_what_penalty_follow_up_asks_the_sanction(real_assistant):
    a = real_assistant.ask("迟俾钱有咩罚？", history=["我老板换了，客户说要重新走流程才付款"])
    assert a.citations[0].clause_id in (f"{PAY}/article-31", f"{PAY}/article-26")


def test_two_documents_unrelated_articles_compared_say_so(real_assistant):
    a = real_assistant.ask("Compare Article 34 of the Guangzhou regulation with Article 24 of the 2025 payment regulation")
    assert [c.clause_id for c in a.citations] == ["guangzhou-private-economy-regulation-2024/article-34", f"{PAY}/article-24"]
    assert a.answer.startswith("The two articles deal with different matters")
    a = real_assistant.ask("比较广州市条例第三十四条和保障条例2025版第二十四条")
    assert a.answer.startswith("两条规定的是不同事项")


def test_the_department_leading_most_measures(real_assistant):
    a = real_assistant.ask("哪个部门牵头最多", selection=None)
    assert a.intent == "department_tally"
    assert a.answer.startswith("牵头或负责措施最多的是市经贸委（17条") and "市财政局5条" in a.answer
    a = real_assistant.ask("Which department leads the most measures?")
    assert "Economic and Trade Commission (市经贸委), 17 measures" in a.answer


def test_measures_with_no_cooperating_department(real_assistant):
    a = real_assistant.ask("哪些措施没有写配合部门")
    assert [i.clause_id for i in a.items] == [f"{PLAN}/measure-2", f"{PLAN}/measure-12"]
    a = real_assistant.ask("哪些措施没有牵头部门")
    assert a.answer.startswith("34条措施都写明了牵头或负责部门") and not a.items


def test_a_ranking_asked_of_a_law_says_it_assigns_no_departments(real_assistant):
    from qa import Selection

    a = real_assistant.ask("哪个部门牵头最多", selection=Selection(documents=(PAY,)))
    assert "不按“牵头/配合”给部门分派任务" in a.answer and not a.citations


def test_keyboard_mash_and_pinyin_ask_for_a_question(real_assistant):
    for question in ("asdfghjkl", "daikuan danbao"):
        a = real_assistant.ask(question)
        assert a.status == "invalid" and a.intent == "unreadable" and not a.citations, question
    # An acronym, or one English word among unknown ones, is read.
    assert real_assistant.ask("MSME").intent != "unreadable"
    assert real_assistant.ask("qwerty loan").intent != "unreadable"


def test_what_an_unpaid_supplier_can_do_leads_with_a_right_or_a_complaint_route(real_assistant):
    # Since session 38 the steps the texts give (term, interest, right, complaint) answer it; the right to claim
    # and the complaint route are among them, each cited.
    a = real_assistant.ask("I run a factory in Guangzhou. A big customer hasn't paid me for five months. What can I do?")
    assert f"{PAY}/article-24" in {c.clause_id for c in a.citations}
    assert "channels to accept complaints" in a.answer
    a = real_assistant.ask("大客户欠我货款五个月了，我该怎么办？")
    assert "中小企业有权要求拖欠方支付拖欠款" in a.answer
    # Not about an unpaid bill: the remedy of the best clause's document leads, as before.
    a = real_assistant.ask("投诉对方欠款以后，被对方打击报复怎么办")
    assert a.citations[0].clause_id == f"{PAY}/article-20"


def test_an_english_fragment_leading_an_answer_starts_with_a_capital(real_assistant):
    a = real_assistant.ask("What is the late payment interest rate if there is no agreement?")
    assert "Where there is no such agreement" in a.answer


def test_how_many_asks_a_count_not_a_share(real_assistant):
    # Goal 3 states a 60% share of famous brands; measure 16 the count (超过500).
    from qa import Selection

    plan = Selection(documents=(PLAN,))
    for question in ("how many brands and famous trademarks should private companies have by 2010", "名牌和驰著名商标到2010年要培育多少个？"):
        a = real_assistant.ask(question, selection=plan)
        assert a.citations[0].clause_id == f"{PLAN}/measure-16" and "500" in a.answer.splitlines()[0], question


def test_another_provinces_own_offer_is_out_of_scope(real_assistant):
    for question in ("Does Jiangsu province offer loan guarantees to SMEs?",
                     "What does the 深圳经济特区 private economy regulation say about loans?"):
        assert real_assistant.ask(question).status == "out_of_scope", question
    # Doing business there is no question about that place's rules.
    assert real_assistant.ask("I run a shop in Shenzhen, can I get a loan guarantee?").status == "answered"


def test_an_officials_refusal_after_an_obligation_asks_its_sanction(real_assistant):
    # After the article on incomplete applications (Guangdong Art. 14): refusing the materials -> Art. 66.
    for history, question in ((["交的行政许可材料不齐，机关要多久告诉我？"], "要是他们无故拒收材料呢？"),
                              (["What does Article 14 require when an agency gets an incomplete licence application?"],
                               "And if it unlawfully refuses to accept the materials, what happens?")):
        a = real_assistant.ask(question, history=history)
        assert a.citations[0].clause_id == "guangdong-sme-promotion-regulation-2019/article-66", question


def test_a_sanction_for_not_paying_is_the_article_on_that_party_and_that_act(real_assistant):
    from qa import Selection

    # 机关单位: 2025 Art. 31 (government bodies alone, 未在规定的期限内支付), not Art. 32 (budgets) or Art. 26.
    a = real_assistant.ask("机关单位拖欠中小企业货款，要承担什么后果？", selection=Selection(documents=(PAY,)))
    assert a.citations[0].clause_id == f"{PAY}/article-31"
    # The best clause (SME Promotion Law Art. 53) has no sanction of its own: not its Art. 54 on illegal fees.
    a = real_assistant.ask("大公司一直拖着不付钱，有什么处罚？")
    assert a.citations[0].clause_id != "sme-promotion-law-2017/article-54"


def test_a_superseded_versions_validity_cites_the_version_in_force_first(real_assistant):
    a = real_assistant.ask("Is the 2020 SME payment regulation still in force?")
    assert [c.clause_id for c in a.citations][:2] == [f"{PAY}/article-37", "sme-payment-regulation-2020/article-29"]


def test_lying_about_a_disclosure_asks_the_disclosure_sanction(real_assistant):
    a = real_assistant.ask("What if they lie about it?", history=["Do big companies have to disclose overdue SME payments?"])
    assert a.citations[0].clause_id == f"{PAY}/article-34"
    a = real_assistant.ask("And what happens to officials who refuse to accept my application?",
                           history=["What does article 14 of the Guangdong SME regulation say?"])
    assert a.citations[0].clause_id == "guangdong-sme-promotion-regulation-2019/article-66"
