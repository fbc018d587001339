"""Questions of kinds the session-28 dev review (the session-27 holdout, now dev) found answered wrongly: a
liability question in other words ("what happens if someone retaliates", 会有咩责任, "if they do it illegally"),
a definition asked as 点样界定 or as whom a regulation applies to, "个体户算唔算？" after a definition, the
library's documents of one level ("Guangzhou-specific", 省级的文件), the superseded version that said the same,
and more city-life questions."""

from __future__ import annotations

from qa.assistant import Selection
from qa.understand import cues
from tests.doc_ids import GZ, IND, PAY20, SME

PAY25 = "sme-payment-regulation-2025"
PEL = "private-economy-promotion-law-2025"


def test_liability_in_other_words():
    for q in ("what happens if someone 打击报复 an sme for complaining?", "会有什么责任?", "and if they do it illegally?"):
        assert cues.LIABILITY.search(q), q
    # Someone's eligibility is no violation.
    assert not cues.LIABILITY.search("what happens if someone is eligible for both grants?")


def test_what_happens_if_someone_retaliates_quotes_the_sanction(fake_assistant):
    a = fake_assistant.ask("What happens if someone 打击报复 an SME for complaining about unpaid bills?")
    assert not a.abstained
    assert a.citations[0].clause_id == f"{PAY25}/article-35"


def test_what_liability_after_a_topic_names_the_liability_article(fake_assistant):
    history = ["有人喺网上造谣抹黑我公司，再叫我买广告先删帖，广州条例点讲？"]
    query = fake_assistant.understand("会有咩责任？", history=history)
    assert query.followup and "liability" in query.asks
    a = fake_assistant.ask("会有咩责任？", history=history)
    assert a.citations[0].clause_id == f"{GZ}/article-39"  # 违反本条例第三十六条规定…由有关部门责令改正


def test_a_party_asked_after_a_liability_question_asks_its_liability(fake_assistant):
    query = fake_assistant.understand("大企业拖欠呢？", history=["国企拖欠民企账款有咩后果？"])
    assert query.followup and "liability" in query.asks


def test_the_one_on_fraud_after_a_chapter_listing(fake_assistant):
    sel = Selection(documents=(PEL,))
    history = ["what's chapter 8 about?"]
    a = fake_assistant.ask("what happens if a company cheats to get subsidies?", history=history, selection=sel)
    # Ranked by the question's words alone (the hashing encoder ranks by its English words less well than MiniLM):
    # not the chapter's first article, as when ranked by likeness to it.
    cited = [c.clause_id for c in a.citations]
    assert cited[0] != f"{PEL}/article-71"


def test_a_definition_asked_as_how_it_is_delimited(fake_assistant):
    a = fake_assistant.ask("中小企业促进法讲嘅中小企业点样界定？")
    assert a.citations[0].clause_id == f"{SME}/article-2"
    assert "本法所称中小企业" in a.answer


def test_whom_a_regulation_applies_to(fake_assistant):
    assert cues.APPLIES_TO.search("who does the guangzhou regulation apply to?")
    a = fake_assistant.ask("边啲人适用促进个体工商户发展条例？")
    assert not a.abstained
    assert a.citations[0].clause_id == f"{IND}/article-2"
    assert "适用本条例" in a.answer


def test_does_it_count_after_a_definition_is_that_definition(fake_assistant):
    history = ["民营经济促进法入面'民营经济组织'点定义？"]
    query = fake_assistant.understand("个体户算唔算？", history=history)
    assert query.followup
    a = fake_assistant.ask("个体户算唔算？", history=history)
    assert a.citations[0].clause_id == f"{PEL}/article-77"
    # A question of its own with a membership word is no follow-up: 专精特新 is not in article 77.
    assert not fake_assistant.understand("专精特新企业在广州有什么奖励，算不算高新企业？", history=history).followup


def test_cantonese_what_about_is_an_ellipsis():
    assert cues.ELLIPSIS.search("有外资成分又点?")
    assert cues.ELLIPSIS.search("那大企业又怎样?")


def test_documents_of_one_level(fake_assistant):
    a = fake_assistant.ask("Which of these documents are Guangzhou-specific?")
    assert "Regulations of Guangzhou Municipality" in a.answer and "Guangzhou Work Plan" in a.answer
    assert "Private Economy Promotion Law" not in a.answer
    a = fake_assistant.ask("有哪些省级的文件？")
    assert "《广东省促进中小企业发展条例》" in a.answer and "《广州市支持民营经济发展条例》" not in a.answer
    # A topic after the frame is still a which-documents question.
    query = fake_assistant.understand("Which of these documents are about late payment?")
    assert "catalogue" not in query.details


def test_which_regulations_list_the_superseded_version_that_said_the_same(fake_assistant):
    a = fake_assistant.ask("Which regulations set the 30-day payment deadline for government buyers?")
    cited = [c.clause_id for c in a.citations]
    assert cited[:2] == [f"{PAY25}/article-9", f"{PAY20}/article-8"]  # in force first, the old version marked
    assert not a.items[0].detail_en and "superseded" in a.items[1].detail_en
    # A law's article has no title: the fragment that answers the question stands beside it, with its figure.
    assert "30 days" in a.items[0].title_en and "30 days" in a.answer
    # "现行" asks for the rules in force only.
    a = fake_assistant.ask("哪些现行法规规定了机关事业单位30日内付款？")
    assert f"{PAY20}/article-8" not in [c.clause_id for c in a.citations]


def test_more_city_life_questions_are_out_of_scope(fake_assistant):
    for q in ("How do I apply for 公租房 in Guangzhou?", "btw how do I pay my electricity bill online in Guangzhou?",
              "身份证唔见咗点补办", "员工社保断缴了怎么补缴？", "How do I sign up as an organ donor?"):
        a = fake_assistant.ask(q)
        assert a.abstained and not a.citations, q
    # 个体工商户's pension insurance is the individual-business regulation's matter.
    guard, library = fake_assistant.understander.scope_guard, fake_assistant.library
    assert not guard.cues("个体工商户参加养老保险有支持吗", scope=None, library=library)


def test_the_sanction_for_breaking_an_article_is_the_article_that_names_it(fake_assistant):
    a = fake_assistant.ask("广州条例违反第三十七条有什么罚则？")
    assert a.citations[0].clause_id == f"{GZ}/article-40"  # 违反本条例第三十七条规定…
    # Asked what the article says, the article itself.
    assert fake_assistant.ask("广州条例第三十七条讲乜？").citations[0].clause_id == f"{GZ}/article-37"
    # An article no other names keeps its own answer (the SME law's article 2 has no sanction of its own).
    assert fake_assistant.ask("中小企业促进法第二条违反了怎么罚？").citations[0].clause_id.startswith(SME)


def test_documents_of_a_level_in_more_words(fake_assistant):
    for q in ("广州市层面有哪些文件？", "What Guangzhou documents do you have?"):
        a = fake_assistant.ask(q)
        assert not a.citations and ("《广州市支持民营经济发展条例》" in a.answer or "Regulations of Guangzhou Municipality" in a.answer), q
    a = fake_assistant.ask("国家层面有哪些法律法规？")
    assert "《中华人民共和国民营经济促进法》" in a.answer and "《广东省促进中小企业发展条例》" not in a.answer
    a = fake_assistant.ask("Which national laws are in the library?")
    assert "Private Economy Promotion Law" in a.answer and "Guangdong" not in a.answer
    # "省级的呢？" after a catalogue question: the catalogue again, for that level.
    a = fake_assistant.ask("省级的呢？", history=["哪些是广州市级的文件？"])
    assert "《广东省促进中小企业发展条例》" in a.answer and "《广州市支持民营经济发展条例》" not in a.answer
    assert fake_assistant.ask("Which documents are provincial?").answer.startswith("The library holds 1 such document:")
    # A topic after the frame is a search for it, not the catalogue.
    assert "library" not in fake_assistant.understand("融资担保有哪些法规？").asks
