from __future__ import annotations

import json

import pytest

from qa.errors import QAError
from qa.evaluate import (
    GoldQuestion,
    Outcome,
    RawOutcome,
    apply_threshold,
    calibrate,
    calibrate_by_language,
    format_report,
    load_gold,
    ranking_metrics,
    score,
)


def test_metric_arithmetic_by_hand():
    rows = [(["a", "x", "y"], ("a",)), (["x", "y", "b"], ("b",)), (["x", "y", "z"], ("c",))]
    m = ranking_metrics(rows)
    assert m["hit@1"] == pytest.approx(1 / 3)
    assert m["hit@3"] == pytest.approx(2 / 3)
    assert m["mrr@10"] == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert m["ndcg@10"] == pytest.approx((1 + 1 / 2 + 0) / 3)  # 1/log2(4) = 1/2


def _q(i, relevant, lang="zh"):
    return GoldQuestion(id=str(i), question=f"q{i}", lang=lang, relevant=tuple(relevant), kind="direct")


def test_abstention_metrics():
    outcomes = [Outcome(_q(1, ["a"]), ["a"], False), Outcome(_q(2, ["a"]), ["a"], True),
                Outcome(_q(3, []), ["a"], True), Outcome(_q(4, []), ["a"], False)]
    a = score(outcomes)["abstention"]
    assert a["precision"] == pytest.approx(0.5)
    assert a["recall"] == pytest.approx(0.5)
    assert a["in_scope_wrongly_abstained"] == pytest.approx(0.5)


def test_calibrate_keeps_false_abstention_within_bound():
    raw = [RawOutcome(_q(i, ["a"]), ["a"], False, c) for i, c in enumerate([0.9, 0.8, 0.7, 0.6] * 5)]
    raw += [RawOutcome(_q(100 + i, []), ["a"], False, c) for i, c in enumerate([0.1, 0.2, 0.65])]
    t = calibrate(raw, max_false_abstain=0.05)
    assert 0.2 < t <= 0.6  # abstains on 0.1 and 0.2, never on an in-scope 0.6


def test_bad_gold_lines_are_clear_errors(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "1", "question": "q"}) + "\n", encoding="utf-8")
    with pytest.raises(QAError, match="g.jsonl:1"):
        load_gold([path])
    path.write_text(json.dumps({"id": "1", "question": "q", "lang": "zh", "relevant": ["nope"], "kind": "x"}) + "\n")
    with pytest.raises(QAError, match="unknown clause"):
        load_gold([path], valid_ids=["measure-1"])


def test_gold_set_shape(corpus):
    from qa.evaluate import gold_files

    questions = load_gold(gold_files("dev") + gold_files("test"), valid_ids=corpus.ids)
    zh_in = [q for q in questions if q.lang == "zh" and q.in_scope]
    en_in = [q for q in questions if q.lang == "en" and q.in_scope]
    oos = [q for q in questions if not q.in_scope]
    assert len(questions) >= 220 and len(zh_in) >= 110 and len(en_in) >= 80 and len(oos) >= 30
    for cid in corpus.ids[1:]:
        assert sum(cid in q.relevant for q in questions) >= 3, cid
    kinds = {q.kind for q in questions}
    assert {"paraphrase", "numeric", "department", "lookup", "traditional", "mixed", "typo"} <= kinds


def test_thresholds_are_calibrated_and_applied_per_language():
    def raw(i, lang_text, relevant, conf):
        return RawOutcome(GoldQuestion(str(i), lang_text, "zh", tuple(relevant), "k"), ["a"], False, conf)

    # Chinese in-scope confidence runs low, English high: one shared threshold cannot serve both.
    rows = [raw(i, "政府支持创业吗", ["a"], c) for i, c in enumerate([0.3, 0.4, 0.5, 0.6] * 10)]
    rows += [raw(100 + i, "政府支持什么", [], c) for i, c in enumerate([0.1, 0.2, 0.25])]
    rows += [raw(200 + i, "does the city help startups", ["a"], c) for i, c in enumerate([0.6, 0.7, 0.8] * 10)]
    rows += [raw(300 + i, "what is the weather", [], c) for i, c in enumerate([0.4, 0.5, 0.55])]
    t = calibrate_by_language(rows, max_false_abstain=0.03)
    assert 0.25 < t["zh"] <= 0.3 and 0.55 < t["en"] <= 0.6
    out = apply_threshold(rows, t)
    assert not any(o.abstained for o in out if o.question.in_scope)
    assert all(o.abstained for o in out if not o.question.in_scope)
    shared = apply_threshold(rows, 0.3)  # one value for both: the English out-of-scope ones get answered
    assert not any(o.abstained for o in shared if o.question.question == "what is the weather")


def test_assistant_config_thresholds():
    from qa.assistant import AssistantConfig

    config = AssistantConfig(abstain_thresholds={"zh": 0.2, "en": 0.4})
    assert config.threshold_for("zh") == 0.2 and config.threshold_for("en") == 0.4
    assert AssistantConfig(abstain_threshold=0.0).threshold_for("en") == 0.0
    with pytest.raises(ValueError, match="zh and an en"):
        AssistantConfig(abstain_thresholds={"zh": 0.2})
    with pytest.raises(ValueError, match="within"):
        AssistantConfig(abstain_thresholds={"zh": 0.2, "en": 1.5})
    with pytest.raises(ValueError):
        AssistantConfig(weights={"bm25-zh": -1.0})  # the retrieval settings are still checked up front


def test_text_report_shows_per_language_thresholds():
    report = score([Outcome(_q(1, ["a"]), ["a"], False), Outcome(_q(2, []), ["a"], True)])
    assert "thresholds zh / en 0.273 / 0.404" in format_report("default", {**report, "threshold": {"zh": 0.273,
                                                                                                     "en": 0.404}})
    assert "threshold 0.350" in format_report("other", {**report, "threshold": 0.35})
