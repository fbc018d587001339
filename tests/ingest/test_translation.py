"""Issue 13's checks as tests: every sentence rendered, figures kept, obligation words, glossary terms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.ingest.translation import check_pair, check_translation, en_numbers, glossary_terms, zh_figures

CORPUS = Path("corpus")
GLOSSARY = json.loads((CORPUS / "departments.json").read_text(encoding="utf-8"))
DOCS = sorted(p.parent.name for p in CORPUS.glob("*/translation_en.json"))


@pytest.mark.parametrize("doc_id", DOCS)
def test_every_document_passes_the_translation_checks(doc_id):
    data = json.loads((CORPUS / doc_id / "translation_en.json").read_text(encoding="utf-8"))
    problems = check_translation(data["sentences"], terms=glossary_terms(GLOSSARY))
    assert [str(p) for p in problems] == []
    assert all(en.strip() for en in data.get("headings", {}).values())


def test_all_eight_documents_have_a_rendering():
    assert len(DOCS) == 8


def test_figure_extractor_reads_chinese_and_english():
    assert [w for w, _v in zh_figures("自收到之日起30日内支付，最长不得超过六十日，百分之五")] == ["30", "六十", "百分之五"]
    assert {30.0, 60.0, 5.0} <= en_numbers("within 30 days, at most sixty days, 5%")
    assert zh_figures("进一步统一标准") == []  # 一 inside words is no figure
    assert 10000.0 in en_numbers("RMB 10,000")


@pytest.mark.parametrize(("zh", "en", "kind"), [
    ("应当在30日内支付。", "Payment shall be made within 60 days.", "figure"),
    ("应当及时支付。", "Payment is to be made promptly.", "obligation"),
    ("不得拖欠。", "Arrears shall be avoided.", "obligation"),
    ("县级以上人民政府应当支持。", "Governments shall support it.", "glossary"),
    ("这是一句话。", "", "empty"),
])
def test_each_check_catches_its_defect(zh, en, kind):
    kinds = [k for k, _d in check_pair(zh, en, terms=glossary_terms(GLOSSARY))]
    assert kind in kinds


def test_a_faithful_sentence_passes():
    zh = "县级以上人民政府应当自收到之日起30日内处理，不得拖延。"
    en = ("People's governments at or above the county level shall handle it within 30 days of receipt and "
          "shall not delay.")
    assert check_pair(zh, en, terms=glossary_terms(GLOSSARY)) == []


def test_review_found_no_material_errors_left():
    reviews = list(Path("evaluation/translation-review").glob("*.json"))
    assert len(reviews) == 7
    data = [json.loads(p.read_text(encoding="utf-8")) for p in reviews]
    assert all(d["material_remaining"] == 0 for d in data)
    assert sum(d["sentences_reviewed"] for d in data) == 680
