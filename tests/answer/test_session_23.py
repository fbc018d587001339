"""Questions of kinds the session-23 dev review (the session-22 holdout, now dev) found unanswered: chapters named
by heading, bracketed measure numbers in running text, an article's paragraph after a bare number, counts asked
of "this regulation", both versions named by year, and 年报 for 年度报告."""

from __future__ import annotations

from qa.assistant import Selection
from qa.understand.references import find_references
from tests.doc_ids import GD, GZ, PAY, PLAN


def test_a_chapter_named_by_its_heading_lists_its_articles(fake_assistant):
    a = fake_assistant.ask("要素保障那章都讲了什么")
    assert a.status == "listing" and a.items[0].clause_id == f"{GZ}/article-6" and len(a.items) == 10
    a = fake_assistant.ask("Which articles make up the rights protection chapter (权益保护) of the Guangdong SME regulation?")
    assert a.status == "listing" and [i.clause_id for i in a.items] == [f"{GD}/article-{n}" for n in range(57, 64)]
    # Several laws have a chapter of that name: the first is listed, the others are named.
    a = fake_assistant.ask("权益保护那章讲什么")
    assert a.status == "listing" and "另有同名章" in a.answer and "《广州市支持民营经济发展条例》第五章 权益保护" in a.answer
    # Without 章 / chapter a heading's words are a topic.
    assert fake_assistant.ask("侵犯企业权益怎么办").status != "listing"


def test_a_bracketed_measure_number_in_running_text(fake_assistant):
    in_plan = Selection(documents=(PLAN,))
    a = fake_assistant.ask("措施（二十六）主要讲啥", selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-26"]
    a = fake_assistant.ask("（二十一）和（三十四）都提到工商联，分别让它干什么？", selection=in_plan)
    assert [c.clause_id for c in a.citations] == [f"{PLAN}/measure-21", f"{PLAN}/measure-34"]
    # 措施（三） names measure 3, though a bare （三） is a group.
    assert [c.clause_id for c in fake_assistant.ask("措施（三）讲什么", selection=in_plan).citations] == [f"{PLAN}/measure-3"]


def test_a_paragraph_after_a_bare_article_number():
    (ref,) = find_references("25条第二款里的期限是多少")
    assert (ref.number, ref.part, ref.part_kind) == (25, 2, "paragraph")
    (ref,) = find_references("第二款是什么")
    assert ref.part_only and ref.number == 2


def test_counts_asked_of_this_regulation_and_of_an_unknown_law(fake_assistant):
    a = fake_assistant.ask("How many articles does this regulation have, and how many chapters?",
                           selection=Selection(documents=(PAY,)))
    assert a.status == "document" and "5 chapters, 37 articles" in a.answer
    # A law the library does not hold is no count of every document.
    assert fake_assistant.ask("how many articles in the tax law?").status != "document"


def test_both_versions_named_by_year(fake_assistant):
    a = fake_assistant.ask("2020版和2025版各自从什么时候施行")
    assert "2020年9月1日起施行" in a.answer and "2025年6月1日起施行" in a.answer


def test_nianbao_reads_as_the_annual_report(fake_assistant):
    a = fake_assistant.ask("个体工商户年报有什么规定")
    assert a.citations[0].clause_id == "individual-business-regulation-2022/article-12"


def test_what_happens_if_they_do_not_asks_the_liability_articles(fake_assistant):
    first = "大型企业要在年报里披露拖欠中小企业款项的情况吗"
    a = fake_assistant.ask("不披露会怎样", history=[first])
    assert a.citations[0].clause_id == f"{PAY}/article-34"
    a = fake_assistant.ask("要是无故拒收材料会怎样？", history=["行政许可材料不全，多少天内要一次性告知？"])
    assert a.citations[0].clause_id == f"{GD}/article-66"


def test_where_is_a_topic_covered_asks_which_documents(fake_assistant):
    a = fake_assistant.ask("Where is the SME development fund covered?")
    assert a.intent == "which_documents"
    assert {"sme-promotion-law-2017/article-10"} <= {c.clause_id for c in a.citations}


def test_a_proposed_payment_term_gets_a_yes_or_no_by_party(fake_assistant):
    # Large enterprises: no maximum, the contract decides but must be reasonable.
    a = fake_assistant.ask("can a big company pay me after 90 days if the contract says so?")
    assert a.answer.startswith("Yes, if agreed and reasonable") and "large enterprises" in a.answer
    assert a.citations[0].clause_id == f"{PAY}/article-9"
    # Government bodies: at most 60 days, even by contract.
    a = fake_assistant.ask("政府部门合同约定90天付款可以吗")
    assert a.answer.startswith("不可以：机关、事业单位的付款期限即使合同另有约定，最长也不得超过60日（你问的是90天）")
    a = fake_assistant.ask("事业单位跟我约定45天付款行不行")
    assert a.answer.startswith("可以：合同可以约定，但机关、事业单位的付款期限最长不得超过60日")
    a = fake_assistant.ask("Can a government body agree a 90-day payment term with me?",
                           selection=Selection(documents=("sme-payment-regulation-2020",)))
    assert a.answer.startswith("No — even by contract, government bodies and public institutions")
    # No term proposed: no verdict of this kind.
    assert not fake_assistant.ask("大企业付款期限是多久").answer.startswith(("可以", "不可以"))


def test_i_want_to_complain_asks_where_and_quotes_the_body_that_receives_complaints(fake_assistant):
    a = fake_assistant.ask("我想投诉大企业拖欠货款")
    assert a.intent == "contact" and a.citations[0].clause_id == f"{PAY}/article-24"
    assert a.answer.startswith("相关部门：省级以上人民政府负责中小企业促进工作综合管理的部门")
    a = fake_assistant.ask("要几耐先有结果", history=["我想投诉大企业拖欠货款"])
    assert a.citations[0].clause_id == f"{PAY}/article-25" and "30日" in a.answer
    a = fake_assistant.ask("I want to complain that a big company has not paid me")
    assert "at or above the provincial level" in a.answer and "accept complaints" in a.answer


def test_who_is_in_charge_of_a_document_comes_from_its_own_text(fake_assistant):
    a = fake_assistant.ask("这个条例由哪个部门组织实施？", selection=Selection(documents=(GZ,)))
    assert a.status == "document" and "由市工业和信息化主管部门负责组织实施" in a.answer
    assert [c.clause_id for c in a.citations] == [f"{GZ}/article-3"] and "通过" not in a.answer  # who, not when
    a = fake_assistant.ask("who is in charge of the private economy promotion law?")
    assert "development and reform department under the State Council" in a.answer
    assert a.citations[0].clause_id == "private-economy-promotion-law-2025/article-4"
    a = fake_assistant.ask("这个方案由谁负责组织实施", selection=Selection(documents=(PLAN,)))
    assert "市民营经济工作领导小组" in a.answer and "市经贸委" in a.answer
    # A topic of its own is a contact question, not the document's.
    assert fake_assistant.ask("广州条例里融资担保由哪个部门负责？").status != "document"


def test_a_level_the_paired_figures_do_not_have_is_not_stated(fake_assistant):
    in_plan = Selection(documents=(PLAN,))
    a = fake_assistant.ask("市级技术中心补50万，那区级认定的补多少？", selection=in_plan)
    assert a.status == "not_stated" and a.abstained
    assert a.answer.startswith("没有写明区级的数额；写明的是：市级 50万元") and "国家级 300万元" in a.answer
    a = fake_assistant.ask("那区级的呢？", history=["国家级的资助多少钱"], selection=in_plan)
    assert a.status == "not_stated" and a.citations[0].clause_id == f"{PLAN}/measure-12"
    # A level the clause has is answered.
    a = fake_assistant.ask("国家级技术中心认定补多少钱", selection=in_plan)
    assert a.status != "not_stated" and a.answer.startswith("国家级 300万元")


def test_how_long_to_pay_gives_the_rule_and_its_limit_for_the_party_asked(fake_assistant):
    a = fake_assistant.ask("政府部门拖欠货款最长多少天？")
    assert a.answer.startswith("机关、事业单位应当自交付之日起30日内支付；合同另有约定的，最长不得超过60日。")
    a = fake_assistant.ask("大企业最长多少天必须付？")
    assert a.answer.startswith("大型企业应当自交付之日起60日内支付；合同可以另行约定") and "没有规定最长期限" in a.answer
    a = fake_assistant.ask("How soon must a large company pay an SME?")
    assert a.answer.startswith("Large enterprises: within 60 days of delivery")
    assert a.citations[0].clause_id == f"{PAY}/article-9"
    # The 2020 version sets no number for large enterprises: said so, not a number of another party.
    a = fake_assistant.ask("大企业付款期限多少天", selection=Selection(documents=("sme-payment-regulation-2020",)))
    assert a.answer.startswith("没有为大型企业写明")


def test_cantonese_questions_read_as_mandarin(fake_assistant):
    a = fake_assistant.ask("佢哋可以话90日之后先俾钱咩？")
    assert not a.abstained and a.citations[0].clause_id == f"{PAY}/article-9"
    a = fake_assistant.ask("我可以去边度投诉？")  # 边度 = 哪里: a where-to-complain question
    assert a.intent == "contact" and a.citations[0].clause_id in (f"{PAY}/article-24", f"{GD}/article-58")
    a = fake_assistant.ask("政府答应俾我哋嘅补贴后来唔认数，点算？")
    assert a.citations[0].clause_id == "private-economy-promotion-law-2025/article-70"
    assert fake_assistant.ask("招人才方面有乜政策？").citations[0].clause_id == f"{GZ}/article-15"


def test_which_version_was_in_force_when_a_contract_was_signed(fake_assistant):
    a = fake_assistant.ask("我2024年签的合同，拖款适用哪个版本的付款条例？")
    assert a.answer.startswith("2024年施行的是《保障中小企业款项支付条例》（2020年版")
    assert a.citations[0].clause_id == "sme-payment-regulation-2020/article-29"
    a = fake_assistant.ask("2025年签的合同适用哪个版本的款项支付条例")
    assert a.answer.startswith("2025年内先后施行：") and "2025年6月1日起施行，现行有效" in a.answer
    a = fake_assistant.ask("My contract was signed in 2024. Which version of the payment regulation applies?")
    assert a.answer.startswith("In 2024 the version in force was the Regulations on Ensuring Payments")
    # A version named by its year is no date of signing.
    assert not fake_assistant.ask("2020年版的保障中小企业款项支付条例现在还有效吗？").answer.startswith("2020年施行")


def test_the_finance_office_in_english_and_tuo_kuan(fake_assistant):
    a = fake_assistant.ask("Which measures does the Municipal Finance Office lead in the 2007 plan?")
    assert a.status == "listing" and "Municipal Financial Affairs Office (市金融办)" in a.answer
    a = fake_assistant.ask("🤔💰❓大企业拖款😡😡")
    assert not a.abstained and "拖欠" in a.answer


def test_everyday_words_for_terms_of_the_texts(fake_assistant):
    cases = {"民营企业能参与PPP项目吗？": "private-economy-promotion-law-2025/article-18",
             "外地公安跑来广州查我们公司，这合规吗？": "private-economy-promotion-law-2025/article-64",
             "民营经济促进法对公司钱和老板个人钱混在一起有什么要求": "private-economy-promotion-law-2025/article-40",
             "银行要求我们先存一笔款才放贷，合法吗？": f"{GD}/article-19"}
    for question, clause_id in cases.items():
        assert fake_assistant.ask(question).citations[0].clause_id == clause_id, question


def test_follow_ups_on_payment_terms_keep_the_rule_and_change_the_party_or_the_term(fake_assistant):
    first = "你好，我系做装修嘅小公司，政府单位欠我钱，最多可以拖几耐？"
    a = fake_assistant.ask(first)
    assert a.answer.startswith("机关、事业单位应当自交付之日起30日内支付；合同另有约定的，最长不得超过60日。")
    a = fake_assistant.ask("咁如果合同写咗90日呢？得唔得？", history=[first])
    assert a.answer.startswith("不可以：机关、事业单位的付款期限即使合同另有约定，最长也不得超过60日（你问的是90天）")
    a = fake_assistant.ask("what about a big private company? is there a maximum?",
                           history=["can a government agency pay me after 90 days?"])
    assert a.answer.startswith("Large enterprises: within 60 days of delivery")


def test_a_complaints_handling_time_is_no_payment_term(real_assistant):
    a = real_assistant.ask("欠款投诉处理最长能拖多久")
    assert a.citations[0].clause_id == f"{PAY}/article-25"


def test_a_date_asked_after_a_version_question_is_that_question_again(fake_assistant):
    first = "2025年7月签的合同，适用款项支付条例哪个版本？"
    a = fake_assistant.ask("2019年签的合同呢？", history=[first])
    assert a.intent == "validity" and a.answer.startswith("2019年时《保障中小企业款项支付条例》尚未施行（最早的版本")


def test_cantonese_dim_is_read_only_where_it_asks_how(real_assistant):
    # 第三点 is a part, not Cantonese 点 (= 怎么).
    a = real_assistant.ask("第三点讲的是什么", history=["担保体系那条一共说了几点"], selection=Selection(documents=(PLAN,)))
    assert a.citations[0].clause_id == f"{PLAN}/measure-1" and "互助性担保机构" in a.quote_zh
