from __future__ import annotations

import json

import pytest

from qa.cli import main


@pytest.fixture()
def fake_env(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("QA_INDEX_DIR", str(tmp_path_factory.mktemp("cli-index")))
    monkeypatch.setenv("QA_MODELS", "hashing-64")


def _json(capsys, argv):
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "\\u" not in out
    return json.loads(out)


def test_build_index_search_and_ask(fake_env, capsys):
    assert main(["build-index"]) == 0
    capsys.readouterr()
    data = _json(capsys, ["search", "融资担保机构风险准备金", "--k", "3", "--json"])
    assert len(data["hits"]) == 3
    assert {"id", "score", "part", "text_zh", "text_en"} <= set(data["hits"][0])
    assert data["hits"][0]["id"] == "measure-1"
    answer = _json(capsys, ["ask", "第十二条", "--json"])
    assert answer["citations"] == ["measure-12"] and answer["abstained"] is False
    assert {"lang", "answer", "departments", "related"} <= set(answer)
    assert _json(capsys, ["ask", "guarantee institutions", "--lang", "zh", "--json"])["lang"] == "zh"


def test_search_too_long_is_an_error_not_a_crash(fake_env, capsys):
    assert main(["search", "x" * 5000]) == 2
    assert "limit is 1,000" in capsys.readouterr().err
