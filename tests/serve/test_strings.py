from __future__ import annotations

import re

from qa.serve.strings import EXAMPLES, LANGS, STRINGS, t


def test_every_key_has_both_languages():
    missing = [(key, lang) for key, entry in STRINGS.items() for lang in LANGS if not entry.get(lang, "").strip()]
    assert missing == []


def test_english_strings_hold_no_chinese_except_named_documents():
    cjk = re.compile(r"[\u4e00-\u9fff]")
    allowed = {"search_clauses"}  # shows the Chinese forms a hotline types (第12条)
    assert [k for k, e in STRINGS.items() if cjk.search(e["en"]) and k not in allowed] == []


def test_placeholders_agree_between_languages():
    for key, entry in STRINGS.items():
        assert set(re.findall(r"{(\w+)}", entry["zh"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_lookup_and_examples():
    assert t("send", "en") == "Ask" and t("send", "zh") == "提问" and t("send", "fr") == "提问"
    assert t("library_note", "en", n=8).startswith("The library holds 8 documents")
    assert len(EXAMPLES["zh"]) == len(EXAMPLES["en"])
