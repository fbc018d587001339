"""The real app on a free port, driven through gradio_client and raw HTTP."""

from __future__ import annotations

import sqlite3
import urllib.error
import urllib.request

import pytest
from gradio_client import Client

pytestmark = pytest.mark.real_model


@pytest.fixture(scope="module")
def client(live_app):
    return Client(live_app["url"], verbose=False)


def test_chinese_and_english_questions_cite_the_right_clauses(client):
    zh = client.predict("研发投入能税前抵扣吗？", "自动 Auto", api_name="/ask")
    assert zh["citations"][0] == "measure-13" and zh["lang"] == "zh" and not zh["abstained"]
    en = client.predict("Can I get a loan guarantee?", "自动 Auto", api_name="/ask")
    assert en["citations"][0] == "measure-1" and en["lang"] == "en"
    assert "Unofficial English translation" in en["html"]


def test_interface_language_switch_overrides(client):
    answer = client.predict("Can I get a loan guarantee?", "中文", api_name="/ask")
    assert answer["lang"] == "zh" and answer["answer"].startswith(answer["quote_zh"])


def test_clause_lookup_endpoint(client):
    clause_id, html, citation = client.predict("第十二条", api_name="/lookup")
    assert clause_id == "measure-12"
    assert "300万元" in html and "市科技局" in html and "穗府办〔2007〕42号" in citation
    assert client.predict("measure 31", api_name="/lookup")[0] == "measure-31"



def test_clause_lookup_by_keyword_and_department(client, corpus):
    for query in ("融资担保", "融資擔保"):  # traditional characters are normalised like the clauses
        clause_id, _html, _cite = client.predict(query, api_name="/lookup")
        assert "融资担保" in corpus.clause(clause_id).text_zh
    clause_id, _html, _cite = client.predict("市科技局", api_name="/lookup")
    clause = corpus.clause(clause_id)
    assert "市科技局" in (*clause.leads, *clause.cooperates)
    assert client.predict("火星殖民计划", api_name="/lookup")[0] == ""


def test_feedback_lands_in_the_sqlite_file(client, live_app):
    status = client.predict("研发投入能税前抵扣吗？", "zh", "measure-13", "up", "很清楚", api_name="/feedback")
    assert "已保存" in status
    rows = sqlite3.connect(live_app["store"].path).execute(
        "SELECT question, lang, clause_ids, rating, comment FROM feedback").fetchall()
    assert ("研发投入能税前抵扣吗？", "zh", '["measure-13"]', 1, "很清楚") in rows


def test_chat_escapes_the_question(client):
    history, last, citation, *_ = client.predict("<img src=x onerror=alert(1)> 融资担保 [x](javascript:alert(1)) $$x$$",
                                                 [], "自动 Auto", api_name="/chat")
    shown = history[0]["content"][0]["text"] if isinstance(history[0]["content"], list) else history[0]["content"]
    assert "<img" not in shown and "&lt;img" in shown and "](" not in shown and "$$" not in shown
    assert len(history) == 2 and last["question"].startswith("<img")


def test_huge_question_through_the_api_gets_a_message(client):
    answer = client.predict("担保" * 50_000, "自动 Auto", api_name="/ask")
    assert answer["status"] == "invalid" and "1,000" in answer["answer"]


@pytest.mark.parametrize("target", ["../pyproject.toml", "pyproject.toml", "{db}", "{manifest}", "/etc/passwd",
                                    "{index_dir}/manifest.json"])
def test_file_routes_outside_the_app_are_refused(live_app, target):
    assistant = live_app["assistant"]
    path = target.format(db=live_app["store"].path, manifest=assistant.index.folder / "manifest.json",
                         index_dir=assistant.index.folder)
    base = live_app["url"].rstrip("/")
    for prefix in ("/file=", "/gradio_api/file="):
        try:
            with urllib.request.urlopen(f"{base}{prefix}{path}", timeout=10) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as e:
            status, body = e.code, b""
        assert status in (403, 404) or b"[project]" not in body and b"root:" not in body and b"corpus_hash" not in body
        assert status != 200, (prefix, path, status)
