"""Items of the session-35 fresh user's report (evaluation/fresh-user/session-35.md) fixed in session 36: what
became of an article across the payment regulation's versions (new, merged, changed, and what changed), two
articles compared, follow-ups that name a new term (保证金, 个体工商户 after a definition), an overrun time limit,
no payment term agreed, same-sounding typos, a penalty for paying late."""

from __future__ import annotations

from tests.doc_ids import IND, OLD, PAY


def test_an_article_split_from_an_older_one_is_not_called_new(real_assistant):
    # 2025 Art. 25 keeps 2020 Art. 17's transfer of complaints, with new time limits.
    a = real_assistant.ask("这条在2020版里一样吗？", history=["投诉多久处理完"])
    assert [c.clause_id for c in a.citations] == [f"{PAY}/article-25", f"{OLD}/article-17"]
    assert "新增的规定" not in a.answer and "不同" in a.answer


def test_the_versions_overview_says_what_was_deleted(real_assistant):
    a = real_assistant.ask("保障中小企业款项支付条例2020版和2025版有什么区别？")
    assert "没有整条删去" in a.answer
    assert "第二十五条（原第十七条）" in a.answer and "第十五条（原第二条）" not in a.answer
    assert "第三十五条（原第十八条）" in a.answer  # liability added to the ban on retaliation


def test_whether_an_article_is_new_or_what_it_corresponds_to(real_assistant):
    a = real_assistant.ask("第十五条是新增的吗", history=["保障中小企业款项支付条例2020版和2025版有什么区别？"])
    assert a.citations[0].clause_id == f"{PAY}/article-15" and a.answer.startswith(
        "《保障中小企业款项支付条例》（2025年修订）第十五条是新增的")
    a = real_assistant.ask("2025版第二十四条对应2020版哪条？")
    assert "对应《保障中小企业款项支付条例》（2020年版）第十七条" in a.answer
    a = real_assistant.ask("Is article 15 of the 2025 payment regulation new?")
    assert "is new" in a.answer.splitlines()[0]


def test_two_versions_of_an_article_compared_say_what_changed(real_assistant):
    a = real_assistant.ask("2020版第八条和2025版第九条有什么不同")
    assert "改动" in a.answer.splitlines()[0] and "60日内支付款项" in a.answer.splitlines()[0]
    # The article named next is compared with the earlier one; unrelated articles say what each became.
    a = real_assistant.ask("和2025版第二十五条比有什么不同？", history=["2020版第十九条"])
    ids = [c.clause_id for c in a.citations]
    assert f"{OLD}/article-19" in ids and f"{PAY}/article-25" in ids
    assert "第十九条对应《保障中小企业款项支付条例》（2025年修订）第二十六条" in a.answer


def test_a_clause_number_after_two_versions_means_the_one_in_force(real_assistant):
    a = real_assistant.ask("那第十条呢", history=["2020版第八条和2025版第九条有什么不同"])
    assert a.status == "lookup" and [c.clause_id for c in a.citations] == [f"{PAY}/article-10"]


def test_this_article_still_valid_is_the_articles_validity(real_assistant):
    a = real_assistant.ask("这条现在还有效吗", history=["保障条例第十二条", "2020版第12条呢"])
    assert a.answer.startswith("已失效：《保障中小企业款项支付条例》（2020年版）第十二条")
    # The text asked for comes before the version in force.
    a = real_assistant.ask("2020版第12条呢", history=["保障条例第十二条"])
    assert "现行版本的对应条文" not in a.answer and any(n.startswith("现行版本的对应条文") for n in a.notes)


def test_a_follow_up_naming_a_new_term_leaves_the_earlier_clause(real_assistant):
    a = real_assistant.ask("那保证金呢", history=["大企业用商业汇票付款可以吗？", "2020版怎么规定的"])
    assert a.citations[0].clause_id in (f"{OLD}/article-12", f"{PAY}/article-13")
    a = real_assistant.ask("个体工商户呢", history=["民营经济组织的定义"])
    assert a.citations[0].clause_id == f"{IND}/article-2"


def test_an_overrun_time_limit_is_a_follow_up(real_assistant):
    a = real_assistant.ask("超过了怎么办", history=["检验验收要多长时间？"])
    assert a.context_from == (f"{PAY}/article-10",) and "拖延检验或者验收的" in a.answer


def test_no_payment_term_agreed_gives_each_partys_default(real_assistant):
    a = real_assistant.ask("要是合同里没写付款期限呢？", history=["合同里能不能约定90天付款？"])
    assert a.answer.startswith("合同没有约定付款期限的") and "30日" in a.answer and "60日" in a.answer
    assert "不可以" not in a.answer.splitlines()[0]


def test_same_sounding_typos_are_read_as_the_librarys_words(real_assistant):
    a = real_assistant.ask("大企页拖前中小企页贷款最长多少天必需付")
    assert "条文没有规定最长期限" in a.answer.splitlines()[0]


def test_a_penalty_for_paying_late_is_not_the_retaliation_article(real_assistant):
    a = real_assistant.ask("大企业不按时付款会受什么处罚")
    assert a.citations[0].clause_id != f"{PAY}/article-35"


def test_another_place_asked_as_a_follow_up_is_out_of_scope_too(real_assistant):
    a = real_assistant.ask("上海呢", history=["香港的中小企业有什么资助？"])
    assert a.status == "out_of_scope" and "资料库没有上海本地的文件" in a.visible_text()


def test_a_hotline_number_the_texts_do_not_give_is_not_stated(real_assistant):
    a = real_assistant.ask("广州的营商环境投诉热线是多少")
    assert a.status == "not_stated" and "没有写明联系电话" in a.answer


def test_two_documents_articles_compared_show_what_only_one_has(real_assistant):
    a = real_assistant.ask("比较中小企业促进法第53条和广东省条例第61条")
    ids = [c.clause_id for c in a.citations]
    assert ids == ["sme-promotion-law-2017/article-53", "guangdong-sme-promotion-regulation-2019/article-61"]
    assert a.answer.startswith("《中华人民共和国中小企业促进法》第五十三条与《广东省促进中小企业发展条例》第六十一条的不同")
    assert "督促拖欠方" in a.answer.splitlines()[0]


def test_a_consequence_question_puts_the_sanction_before_the_interest(real_assistant):
    a = real_assistant.ask("If a government agency misses the payment deadline, what's the consequence?")
    assert a.citations[0].clause_id == f"{PAY}/article-31"
    a = real_assistant.ask("大企业拖欠货款有什么后果")
    assert a.citations[0].clause_id == f"{PAY}/article-26"  # credit records and restrictions
    a = real_assistant.ask("那他们逾期了要赔利息吗")
    assert a.citations[0].clause_id == f"{PAY}/article-17" and a.answer.startswith("要")


def test_the_target_number_after_a_measure_is_that_measures_target(real_assistant):
    from qa.assistant import Selection

    plan = Selection(documents=("suifuban-2007-42",))
    a = real_assistant.ask("Does the plan help with brand building?", selection=plan)
    assert not a.abstained and a.citations[0].clause_id == "suifuban-2007-42/measure-16"
    a = real_assistant.ask("What's the target number?", history=["Does the plan help with brand building?"], selection=plan)
    assert a.citations[0].clause_id == "suifuban-2007-42/measure-16" and a.answer.startswith("500")


def test_what_an_english_term_is_finds_the_article_that_says_whom_the_text_applies_to(real_assistant):
    a = real_assistant.ask("What is an individual business?")
    assert a.citations[0].clause_id == f"{IND}/article-2"
    a = real_assistant.ask("what about an individual business?", history=["What is the definition of a private economic organization?"])
    assert a.citations[0].clause_id == f"{IND}/article-2"


# Session-36 fresh user (evaluation/fresh-user/session-36.md), fixed in the same session.


def test_an_article_of_a_version_named_after_another_document_binds_to_that_version(real_assistant):
    a = real_assistant.ask("广州市条例第三十四条和保障条例2025版第二十四条有什么不同？")
    assert [c.clause_id for c in a.citations[:2]] == ["guangzhou-private-economy-regulation-2024/article-34", f"{PAY}/article-24"]
    a = real_assistant.ask("民营经济促进法第六十七条和保障条例2025版第九条比较一下")
    assert [c.clause_id for c in a.citations[:2]] == ["private-economy-promotion-law-2025/article-67", f"{PAY}/article-9"]


def test_what_was_deleted_comes_first_and_a_merged_article_is_no_new_one(real_assistant):
    a = real_assistant.ask("删除了哪些条款？", history=["保障中小企业款项支付条例2020版和2025版有什么区别？"])
    assert a.answer.startswith("没有整条删去的条款")
    a = real_assistant.ask("2025版第二十六条是新增的吗？")
    assert "对应《保障中小企业款项支付条例》（2020年版）第十九条" in a.answer.splitlines()[0]


def test_an_overrun_payment_term_asks_what_follows(real_assistant):
    a = real_assistant.ask("超过了怎么办？", history=["我系做装修嘅，甲方要我交5%质量保证金，合理吗？"])
    assert a.citations[0].clause_id == f"{PAY}/article-31"  # 违法收取保证金: the superior body orders correction


def test_a_party_asked_after_a_penalty_gets_its_own_sanction(real_assistant):
    a = real_assistant.ask("机关事业单位呢？", history=["大企业不按时付款会受什么处罚"])
    assert a.citations[0].clause_id == f"{PAY}/article-31"


def test_a_change_of_boss_is_no_reason_not_to_pay(real_assistant):
    for q in ("甲方说换了老板所以不付钱，行吗？", "甲方话换咗老板所以唔俾钱，得唔得？"):
        assert real_assistant.ask(q).citations[0].clause_id == f"{PAY}/article-14"


def test_who_is_asking_is_no_topic(real_assistant):
    a = real_assistant.ask("I run a factory in Guangzhou. A big customer hasn't paid me for six months. What can I do?")
    assert not a.abstained and a.citations[0].clause_id.startswith(f"{PAY}/")


def test_taking_part_but_not_leading_is_cooperating(real_assistant):
    from qa.assistant import Selection

    plan = Selection(documents=("suifuban-2007-42",))
    for q in ("市科技局参与但不牵头的措施有哪些？", "Which measures does 市科技局 take part in but not lead?"):
        a = real_assistant.ask(q, selection=plan)
        assert len(a.items) == 12 and a.items[0].clause_id == "suifuban-2007-42/measure-4"


def test_markup_around_a_question_is_read_past(real_assistant):
    a = real_assistant.ask("<img src=x onerror=alert(1)> 保证金")
    assert a.citations and a.citations[0].clause_id == f"{PAY}/article-13"
    a = real_assistant.ask("**第九条** [点我](javascript:alert(1))")
    assert a.status == "ambiguous"  # as the bare 第九条: which document?


# The session-36 retest (evaluation/fresh-user/session-36-retest.md).


def test_a_rare_word_typed_for_a_library_word_is_read_as_it(real_assistant):
    a = real_assistant.ask("逾期利西怎么算")
    assert a.citations[0].clause_id == f"{PAY}/article-17" and "万分之五" in a.answer.splitlines()[0]


def test_cantonese_taking_part_but_not_leading(real_assistant):
    from qa.assistant import Selection

    a = real_assistant.ask("地税局有份参与但唔系牵头嘅措施有边啲？", selection=Selection(documents=("suifuban-2007-42",)))
    assert [i.clause_id.split("/")[1] for i in a.items] == ["measure-6", "measure-13", "measure-24"]


def test_a_sanction_for_not_disclosing_answers_no_question_on_not_paying(real_assistant):
    a = real_assistant.ask("大型企业违反条例不支付款项会怎么处罚？")
    assert a.citations[0].clause_id == f"{PAY}/article-26"


def test_what_was_deleted_in_english_is_the_versions_overview(real_assistant):
    a = real_assistant.ask("What was deleted from the payment regulation in the 2025 revision?")
    assert a.intent == "compare_versions" and a.answer.startswith("No article was deleted outright")
