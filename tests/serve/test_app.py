"""The app's API through gradio_client: conversations, bad input, feedback limits."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.real_model


@pytest.fixture(scope="module")
def client(live_app):
    from gradio_client import Client

    return Client(live_app["url"], verbose=False)


def test_api_holds_a_conversation(client):
    # With no document chosen the regulation in force answers; the 2007 plan when the question names it.
    assert client.predict("民营企业上市有什么支持？", [], "", api_name="/ask")["citations"][0] == \
        "guangzhou-private-economy-regulation-2024/article-13"
    first = client.predict("方案里民营企业上市有什么支持？", [], "", api_name="/ask")
    assert first["citations"][0] == "suifuban-2007-42/measure-4"
    follow = client.predict("找哪个部门？", ["方案里民营企业上市有什么支持？"], "", api_name="/ask")
    assert follow["departments"][0]["name"] == "市金融办" and follow["context_from"] == ["suifuban-2007-42/measure-4"]
    english = client.predict("Who do I contact?", ["Does the plan support private companies going public?"], "en",
                             api_name="/ask")
    assert english["lang"] == "en" and english["departments"][0]["name"] == "市金融办"
    assert "<" not in english["markdown"].replace("\\<", "")


@pytest.mark.parametrize("history", [None, "not a list", [1, 2, None], [{"role": "user", "content": 5}], ["x" * 50_000] * 3])
def test_api_bad_history_is_ignored_not_fatal(client, history):
    answer = client.predict("研发投入能税前抵扣吗？", history, "", api_name="/ask")
    assert answer["status"] in ("answered", "not_stated") and answer["citations"]


def test_api_huge_and_odd_questions(client):
    assert client.predict("问" * 100_000, [], "", api_name="/ask")["status"] == "invalid"
    assert client.predict("\u202e\u200b第12条\ufeff", [], "zh", api_name="/ask")["status"] in ("lookup", "ambiguous")
    assert client.predict("", [], "xx", api_name="/ask")["status"] == "empty"


def test_feedback_api_is_rate_limited_per_client(client, live_app):
    results = [client.predict("q", "zh", "suifuban-2007-42/measure-1", "up", "", api_name="/feedback") for _ in range(35)]
    assert sum("已记录" in r for r in results) == 30
    assert "too much feedback" in results[-1].lower()
    assert client.predict("q", "zh", "", "sideways", "", api_name="/feedback").startswith("评分必须")


def test_lookup_api(client):
    clause_id, html, cite = client.predict("民营经济促进法第七十七条", api_name="/lookup")
    assert clause_id == "private-economy-promotion-law-2025/article-77" and "民营经济组织" in html and "第七十七条" in cite


def test_a_clause_card_separates_bodies_to_contact_from_parties_it_binds(library):
    from qa.serve.render import clause_detail_html

    html = clause_detail_html(library.clause("sme-payment-regulation-2025/article-24"), library, ui_lang="zh")
    assert "相关部门:</b> " in html and "受理投诉部门" in html.split("相关部门:</b> ", 1)[1].split("</div>", 1)[0]
    card = clause_detail_html(library.clause("sme-payment-regulation-2025/article-17"), library, ui_lang="zh")
    assert "相关部门" not in card and "涉及的主体:</b> " in card and "事业单位" in card


def test_the_scored_visible_text_is_what_the_app_shows_of_an_english_answer(fake_assistant, library):
    # Evaluation scores visible_text(); the app shows the Chinese source quote above its English rendering.
    from qa.serve.render import answer_markdown

    answer = fake_assistant.ask("What does Article 25 of the 个体工商户 regulation say?")
    shown = answer_markdown(answer, library, ui_lang="en")
    assert answer.lang == "en" and answer.quote_zh and answer.quote_en
    assert answer.quote_zh[:20] in shown and answer.quote_en[:20] in shown
    assert answer.quote_zh in answer.visible_text() and answer.quote_en in answer.visible_text()


def test_a_listings_contact_line_names_each_department_once_and_a_refused_question_has_no_link(fake_assistant, library):
    from qa.serve.render import answer_markdown
    from tests.conftest import plan_only

    answer = fake_assistant.ask("这些措施分别由谁牵头？", history=["技术进步方面有哪些措施"], selection=plan_only())
    assert [c.name for c in answer.departments].count("市科技局") > 1  # one per listed measure it leads
    shown = answer_markdown(answer, library, ui_lang="zh")
    contact_line = next(line for line in shown.splitlines() if line.startswith("**联系部门**"))
    leads = contact_line.split("；")[0]  # once among the leads (and once among the cooperating, where it also is)
    assert leads.count("市科技局") == 1
    refused = fake_assistant.ask("问" * 5000)
    assert refused.status == "invalid" and "?q=" not in answer_markdown(refused, library, ui_lang="zh")


def test_links_open_the_clause_browser_in_the_users_interface_language(fake_assistant, library):
    from qa.serve.render import answer_markdown

    answer = fake_assistant.ask("中小企业促进法第五十三条")  # a Chinese answer, read in the English interface
    shown = answer_markdown(answer, library, ui_lang="en")
    assert "?clause=sme-promotion-law-2017/article-53&lang=en" in shown and "&lang=zh" not in shown


def test_each_source_is_linked_once(fake_assistant, library):
    from qa.serve.render import answer_markdown

    answer = fake_assistant.ask("民营经济促进法有多少条？什么时候施行？")
    shown = answer_markdown(answer, library, ui_lang="zh")
    sources = next(line for line in shown.splitlines() if line.startswith("出处"))
    assert sources.count("第七十八条") == 1


def test_a_question_submitted_again_at_once_is_dropped():
    from qa.serve.app import RepeatGuard

    guard = RepeatGuard(max_conversations=2)
    assert not guard.seen("c1", "第12条") and guard.seen("c1", " 第12条 ")  # Enter pressed twice
    assert not guard.seen("c1", "第13条") and not guard.seen("c2", "第13条")  # another question, another conversation
    assert not guard.seen(None, "x") and not guard.seen(None, "x")  # no conversation: nothing to compare
    guard.seen("c3", "a")  # the oldest conversation (c1) is forgotten beyond the bound
    assert not guard.seen("c1", "第13条")
    # Asked again after choosing another document (or answer language): a new question, not a repeat.
    assert not guard.seen("c4", "第12条", context=("all", "")) and guard.seen("c4", "第12条", context=("all", ""))
    assert not guard.seen("c4", "第12条", context=("suifuban-2007-42", ""))


def test_sources_keep_the_order_they_are_cited_in(fake_assistant, library):
    from dataclasses import replace

    from qa.serve.render import answer_markdown

    answer = fake_assistant.ask("民营经济促进法有多少条？什么时候施行？")
    first = answer.citations[0]
    other = fake_assistant.ask("民营经济促进法第十条").citations[0]
    # A clause cited again after another stays first, where it was first cited.
    answer = replace(answer, citations=(first, other, first))
    sources = next(line for line in answer_markdown(answer, library, ui_lang="zh").splitlines() if line.startswith("出处"))
    assert sources.index(first.cite_zh) < sources.index(other.cite_zh)



def test_a_related_clause_of_a_superseded_version_says_so(fake_assistant, library):
    from dataclasses import replace

    from qa.serve.render import answer_markdown

    answer = fake_assistant.ask("中小企业促进法第五十三条")
    answer = replace(answer, related=("sme-payment-regulation-2020/article-8", "sme-payment-regulation-2025/article-9"))
    related = next(line for line in answer_markdown(answer, library, ui_lang="zh").split("\n\n") if line.startswith("相关"))
    assert "（2020年版）（已失效）" in related and "（2025年修订）（已失效）" not in related


def test_a_follow_ups_link_carries_its_earlier_question_and_scope_and_a_standalone_link_does_not(fake_assistant, library):
    from urllib.parse import parse_qs, urlparse

    from qa.serve.render import question_url

    first = "大企业拖欠中小企业款项怎么办？"
    follow = fake_assistant.ask("那省级的呢？", history=[first])
    assert follow.context_from
    params = parse_qs(urlparse(question_url(follow, "", "zh", history=(first,), scope="level:provincial")).query)
    assert params["q"] == ["那省级的呢？"] and params["h"] == [first] and params["doc"] == ["level:provincial"]
    alone = fake_assistant.ask("民营经济促进法什么时候施行？", history=[first])
    params = parse_qs(urlparse(question_url(alone, "", "zh", history=(first,), scope="all")).query)
    assert "h" not in params and "doc" not in params


def test_an_english_answer_in_the_chinese_interface_has_english_labels_and_chinese_interface_links(fake_assistant, library):
    # A session-40 fresh user read "出处:" and "打开条款" under English answers in the Chinese interface.
    from qa.serve.render import answer_markdown

    answer = fake_assistant.ask("What does Article 17 of the 2025 payment regulation say?")
    shown = answer_markdown(answer, library, ui_lang="zh")
    assert answer.lang == "en" and "Source:" in shown and "出处" not in shown and "打开条款" not in shown
    assert "&lang=zh" in shown  # the clause browser still opens in the user's interface language
