from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from qa.corpus import CORPUS_ROOT, DEFAULT_DOC, load_corpus, split_sentences
from qa.errors import CorpusError

FOLDER = CORPUS_ROOT / DEFAULT_DOC
EXPECTED_IDS = (["preamble", "guiding"] + [f"principle-{i}" for i in range(1, 4)]
                + [f"goal-{i}" for i in range(1, 5)] + [f"measure-{i}" for i in range(1, 35)]
                + [f"requirement-{i}" for i in range(1, 4)])


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_source_copy_is_byte_for_byte_the_seed():
    digest = hashlib.sha256((FOLDER / "source.txt").read_bytes()).hexdigest()
    assert digest == "cedd6ae1ed9fc3dd4b39d3db6f5bb449a3cc034086ec102eeb34d6f8bbe29e34"


def test_clause_ids_are_exactly_the_plan(corpus):
    assert corpus.ids == EXPECTED_IDS


def test_header(corpus):
    doc = corpus.document
    assert doc.title == "广州市进一步加快民营经济发展工作方案"
    assert doc.doc_number == "穗府办〔2007〕42号"
    assert doc.issuer == "广州市政府办公厅"
    assert doc.signed == "2007-10-11"
    assert doc.published == "2010-11-12"
    assert doc.source == "中国广州政府网"
    assert doc.title_en


def test_every_clause_has_both_languages_and_group_english(corpus):
    for clause in corpus.clauses:
        assert clause.text_zh.strip() and clause.text_en.strip(), clause.id
        assert clause.title and clause.title_en, clause.id
        assert len(clause.group_path) == len(clause.group_path_en)
        assert all(s.en.strip() for s in clause.sentences), clause.id
        assert "".join(s.zh for s in clause.sentences) == clause.text_zh


def test_every_department_has_a_glossary_entry_used_in_the_english(corpus):
    for clause in corpus.clauses:
        for name in (*clause.leads, *clause.cooperates):
            english = corpus.departments[name].english
            assert english.lower() in clause.text_en.lower(), (clause.id, name, english)


def test_repairs_applied_and_originals_kept(corpus):
    goal = corpus.clause("goal-1")
    assert "34.6%" in goal.text_zh and "24.4%" in goal.text_zh
    assert "346%" in goal.original_zh and "346%" not in goal.text_zh
    assert set(goal.repairs) == {"r02", "r03"}
    all_text = "".join(c.text_zh for c in corpus.clauses)
    for bad in ("l0亿元", "改变上地用途", "园区建没", "节工商联", "进步加快", "进步提高", "进步发挥",
                "机,构", "驰()名", "腾出的批", "参与批产权", "因公出国()", "穗府[2003]44)"):
        assert bad not in all_text, bad
    assert corpus.repairs[0].corrected == "穗府办〔2007〕42号"
    # Nothing changed that is not listed: the repaired original lines hold every sentence verbatim.
    for clause in corpus.clauses:
        repaired = clause.original_zh
        for r in corpus.repairs:
            if r.id in clause.repairs:
                repaired = repaired.replace(r.original, r.corrected, 1)
        flat = re.sub(r"\s", "", repaired)
        for sentence in clause.sentences:
            assert re.sub(r"\s", "", sentence.zh) in flat, (clause.id, sentence.zh)


def test_departments_and_parts(corpus):
    m1 = corpus.clause("measure-1")
    assert [p.id for p in m1.parts] == ["measure-1.1", "measure-1.2", "measure-1.3", "measure-1.4"]
    assert m1.parts[1].text_zh.startswith("二是")
    assert {"市财政局", "区、县级市财政部门"} <= set(m1.leads)
    assert "区、县级市经贸部门" in m1.leads + m1.cooperates
    assert corpus.clause("measure-12").leads == ("市经贸委", "市科技局")
    m20 = corpus.clause("measure-20")
    assert "市民营办" in m20.cooperates and "市劳动保障局" in m20.leads
    m34 = corpus.clause("measure-34")
    assert "市工商联" in m34.leads and len(m34.parts) == 5
    assert "各区、县级市政府" in corpus.clause("measure-9").cooperates


def test_targets(corpus):
    values = {t.value for t in corpus.clause("measure-12").targets}
    assert {"300万元", "100万元", "50万元"} <= values
    national = next(t for t in corpus.clause("measure-12").targets if t.value == "300万元")
    assert national.measures.startswith("国家级")
    goal = {t.value: t for t in corpus.clause("goal-1").targets}
    assert goal["40%"].deadline == "到2010年"
    listed = next(t for t in corpus.clause("measure-4").targets if t.value == "15—20家")
    assert (listed.low, listed.high, listed.deadline) == (15, 20, "3年内")


def test_split_sentences_round_trip():
    text = "一是建立平台(市经贸委牵头,市财政局配合)。二是《关于(某)意见》。尾巴"
    assert split_sentences(text) == ["一是建立平台(市经贸委牵头,市财政局配合)。", "二是《关于(某)意见》。", "尾巴"]


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / DEFAULT_DOC
    shutil.copytree(FOLDER, target)
    shutil.copy(CORPUS_ROOT / "departments.json", tmp_path / "departments.json")
    return target


def test_missing_translation_is_refused(tmp_path):
    folder = _copy(tmp_path)
    data = json.loads((folder / "translation_en.json").read_text(encoding="utf-8"))
    data["sentences"]["measure-7"][0]["en"] = ""
    (folder / "translation_en.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CorpusError, match="measure-7"):
        load_corpus(folder)


def test_unknown_department_is_refused(tmp_path):
    folder = _copy(tmp_path)
    glossary = json.loads((tmp_path / "departments.json").read_text(encoding="utf-8"))
    glossary["departments"] = [d for d in glossary["departments"] if d["name"] != "市外事办"]
    (tmp_path / "departments.json").write_text(json.dumps(glossary, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CorpusError, match="外事办"):
        load_corpus(folder)


def test_repair_that_no_longer_matches_is_refused(tmp_path):
    folder = _copy(tmp_path)
    repairs = json.loads((folder / "repairs.json").read_text(encoding="utf-8"))
    repairs[1]["line"] += 1
    (folder / "repairs.json").write_text(json.dumps(repairs, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CorpusError, match="r02"):
        load_corpus(folder)


def test_corrupt_json_is_a_clear_error(tmp_path):
    folder = _copy(tmp_path)
    (folder / "translation_en.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError, match="not valid JSON"):
        load_corpus(folder)
