from __future__ import annotations

import math

import numpy as np
import pytest

from qa.bm25 import BM25


def test_scores_match_hand_computed_bm25():
    docs = [["a", "b", "b"], ["b", "c"], ["c"]]
    bm = BM25.fit(docs, k1=1.2, b=0.75)
    avgdl = 2.0
    idf_b = math.log1p((3 - 2 + 0.5) / (2 + 0.5))
    tf, dl = 2, 3
    expected = idf_b * tf * 2.2 / (tf + 1.2 * (1 - 0.75 + 0.75 * dl / avgdl))
    assert bm.scores(["b"])[0] == pytest.approx(expected, rel=1e-5)
    assert bm.scores(["b"])[2] == 0


def test_unknown_or_empty_query_never_returns_a_document():
    bm = BM25.fit([["融资", "担保"], ["土地"]])
    assert bm.top([], k=5) == []
    assert bm.top(["火星"], k=5) == []
    assert np.all(bm.scores(["火星"]) == 0)


def test_coverage_counts_unknown_words_against_the_query():
    bm = BM25.fit([["融资", "担保"], ["土地"], ["人才"]])
    assert bm.coverage(["融资", "担保"])[0] == pytest.approx(1.0)
    assert 0 < bm.coverage(["融资", "火星"])[0] < 0.6


def test_save_load_round_trip(tmp_path):
    bm = BM25.fit([["融资", "担保"], ["土地"]])
    bm.save(tmp_path, "x")
    again = BM25.load(tmp_path, "x")
    assert again.vocab == bm.vocab
    assert np.array_equal(again.scores(["担保"]), bm.scores(["担保"]))
