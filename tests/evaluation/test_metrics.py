from __future__ import annotations

import json

import pytest

from qa.errors import QAError
from qa.evaluation.gold import GoldQuestion, gold_files, load_gold
from qa.evaluation.metrics import Outcome, calibrate, key_facts_shown, ranking_metrics, score


def q(id_, relevant=("d/a-1",), expect="answer", must=(), kind="topical", lang="zh", family="library-zh", history=()):
    return GoldQuestion(id=id_, question="?", lang=lang, relevant=tuple(relevant), kind=kind, expect=expect,
                        family=family, must_contain=tuple(tuple(g) for g in must), history=tuple(history))


def o(question, *, ranking=("d/a-1",), answered=("d/a-1",), abstained=False, shown="", conf=0.5, applies=True):
    return Outcome(question=question, ranking=list(ranking), answered=list(answered), abstained=abstained, shown=shown,
                   intent=question.kind, confidence=conf, threshold_applies=applies, structure="articles")


def test_key_facts_fold_width_spaces_dashes_and_case():
    assert key_facts_shown("应在 ３０ 日内支付；50—60户", (("30日",), ("50-60户", "五十")))
    assert key_facts_shown("RMB 3,000,000", (("3000000",),))
    assert not key_facts_shown("60日", (("30日", "三十日"),))


def test_ranking_metrics():
    m = ranking_metrics([(["x", "a"], ("a",)), (["a"], ("a",)), (["x"], ("a",))])
    assert m["hit@1"] == 1 / 3 and m["hit@3"] == 2 / 3 and abs(m["mrr@10"] - 0.5) < 1e-9


def test_questions_with_no_history_are_also_ranked_apart():
    alone = q("a", lang="en")
    follow = q("f", lang="en", history=("earlier",))
    report = score([o(alone), o(follow, ranking=("d/x",))])
    assert report["by_lang"]["en"]["hit@1"] == 0.5
    assert report["by_lang_alone"]["en"]["hit@1"] == 1.0 and report["by_lang_alone"]["en"]["n"] == 1


def test_answers_listing_and_abstention():
    listing = q("l", relevant=("d/a-1", "d/a-2"), kind="department", family="intent")
    oos = q("o", relevant=(), expect="out_of_scope")
    follow = q("f", must=(("关键",),), history=("earlier",))
    report = score([o(listing, answered=("d/a-2", "d/a-1")), o(oos, abstained=True), o(follow, shown="没有")])
    a = report["answers"]
    assert a["by_intent"]["department"]["listing_exact"] == 1.0
    assert a["by_intent"]["topical"]["key_fact"] == 0.0 and a["follow_up_turns"]["n"] == 1
    assert report["abstention"]["recall"] == 1.0 and report["abstention"]["in_scope_wrongly_abstained"] == 0.0


def test_calibration_counts_only_what_the_threshold_turns_away():
    ins = [o(q(f"i{n}"), conf=0.3 + n / 100) for n in range(50)]
    forced = [o(q(f"f{n}"), abstained=True, conf=0.0) for n in range(5)]  # not the threshold's doing
    oos = [o(q(f"o{n}", relevant=(), expect="out_of_scope"), conf=0.1 + n / 100) for n in range(20)]
    t = calibrate(ins + forced + oos, max_false_abstain=0.03)
    assert 0.29 <= t <= 0.32


def test_gold_files_load_with_valid_ids(library):
    questions = load_gold(gold_files("dev") + gold_files("test"), library=library)
    families = {x.family for x in questions}
    assert {"intent", "library-zh", "library-en", "zh", "en"} <= families
    assert len([x for x in questions if x.family == "intent"]) >= 250
    assert len([x for x in questions if x.family == "library-zh"]) >= 200
    assert len([x for x in questions if x.family == "library-en"]) >= 150
    assert len({x.conversation for x in questions if x.conversation}) >= 40
    # Every earlier turn reaches the assistant as a question string (a dropped turn scores a follow-up alone).
    assert all(isinstance(t, str) and t for x in questions for t in x.history)


def test_history_turns_load_as_strings_or_fail_loudly(tmp_path):
    row = {"id": "x-1", "question": "那2020版呢？", "lang": "zh", "relevant": ["d/a-1"], "kind": "compare_versions"}
    good = tmp_path / "g-dev.jsonl"
    good.write_text(json.dumps({**row, "history": ["第九条讲什么？", {"question": "付款期限多长？"}]}, ensure_ascii=False),
                    encoding="utf-8")
    assert load_gold([good])[0].history == ("第九条讲什么？", "付款期限多长？")
    bad = tmp_path / "b-dev.jsonl"
    bad.write_text(json.dumps({**row, "history": [{"text": "第九条讲什么？"}]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QAError, match="b-dev.jsonl:1"):
        load_gold([bad])
