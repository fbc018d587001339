"""The feedback store: one row per answer, safe CSV, exact JSON, bounded writers, migrations, failures."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import threading

import pytest

from qa.errors import FeedbackError
from qa.serve.feedback import FORMULA_START, MIGRATIONS, SCHEMA_VERSION, FeedbackStore, RateLimiter, csv_safe


@pytest.fixture()
def store(tmp_path):
    s = FeedbackStore(tmp_path / "fb.sqlite3")
    yield s
    s.close()


def test_one_row_per_answer(store):
    args = {"question": "第12条", "lang": "zh", "clause_ids": ["suifuban-2007-42/measure-12"], "answer_key": "c1:0"}
    assert not store.has_answer("c1:0")
    first = store.record(rating=1, **args)
    assert store.has_answer("c1:0") and not store.has_answer("c1:1")
    again = store.record(rating=-1, **args)
    assert first == again and len(store.rows()) == 1 and store.rows()[0].rating == -1
    assert store.comment(answer_key="c1:0", comment="说得清楚")
    assert store.rows()[0].comment == "说得清楚"
    assert not store.comment(answer_key="nope", comment="x")
    store.record(rating=1, question="另一个", lang="en", clause_ids=[], answer_key="c1:1", conversation_id="c1",
                 ui_lang="en")
    assert [(r.answer_key, r.conversation_id) for r in store.rows()] == [("c1:0", ""), ("c1:1", "c1")]


@pytest.mark.parametrize("start", list(FORMULA_START))
def test_csv_export_neutralises_every_formula_start(store, start):
    payload = f'{start}HYPERLINK("http://evil.example","click")'
    store.record(question=payload, lang="zh", clause_ids=[], rating=1, comment=f"{start}cmd|' /C calc'!A0")
    row = list(csv.reader(io.StringIO(store.export_csv())))[1]
    question, comment = row[2], row[6]
    assert question == "'" + payload and comment.startswith("'" + start)
    assert store.rows()[0].question == payload  # the stored (and JSON-exported) value is exact


def test_csv_safe_leaves_ordinary_text_alone():
    assert csv_safe("研发投入能税前抵扣吗？") == "研发投入能税前抵扣吗？" and csv_safe(None) == "" and csv_safe(5) == "5"


def test_rate_limiter():
    limiter = RateLimiter(per_minute=3)
    assert [limiter.allow("a", now=0.0) for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b", now=0.0)  # per client
    assert limiter.allow("a", now=61.0)  # the window moves


def test_store_full_is_refused_with_a_log(store, monkeypatch, caplog):
    import qa.serve.feedback as fb

    monkeypatch.setattr(fb, "MAX_ROWS", 2)
    store.record(question="a", lang="zh", clause_ids=[], rating=1)
    store.record(question="b", lang="zh", clause_ids=[], rating=1)
    with pytest.raises(FeedbackError, match="full"):
        store.record(question="c", lang="zh", clause_ids=[], rating=1)
    assert "refusing new rows" in caplog.text
    assert len(store.rows()) == 2


def test_migrates_a_version_one_file(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(MIGRATIONS[0])
    conn.execute("INSERT INTO feedback (created_at, question, lang, clause_ids, rating) VALUES ('t', 'q', 'zh', '[]', 1)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = FeedbackStore(path)
    assert store.rows()[0].question == "q"
    store.record(question="n", lang="zh", clause_ids=[], rating=1, answer_key="k")
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_bad_rating_and_unwritable_file(tmp_path, store):
    with pytest.raises(FeedbackError, match="rating"):
        store.record(question="q", lang="zh", clause_ids=[], rating=5)
    (tmp_path / "a-file").write_text("not a folder")
    bad = FeedbackStore(tmp_path / "a-file" / "fb.sqlite3")
    with pytest.raises(FeedbackError):
        bad.record(question="q", lang="zh", clause_ids=[], rating=1)


def test_concurrent_writers_lose_nothing(store):
    errors = []

    def write(n):
        try:
            for i in range(20):
                store.record(question=f"{n}-{i}", lang="zh", clause_ids=[], rating=1, answer_key=f"{n}:{i}")
        except Exception as e:  # noqa: BLE001 - the test reports any thread error
            errors.append(e)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(10)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == [] and len(store.rows()) == 200
    assert os.path.exists(store.path)
