from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from qa.index.bm25 import BM25


def test_scores_coverage_and_roundtrip(tmp_path):
    bm = BM25.fit([["融资", "担保", "担保"], ["土地", "用地"], []])
    assert sp.issparse(bm.weights) and bm.weights.nnz == 4
    scores = bm.scores(["担保"])
    assert scores[0] > 0 and scores[1] == 0 and scores[2] == 0
    assert [i for i, _s in bm.top(["担保", "用地"], k=5)] == [0, 1]
    assert bm.top(["没有的词"], k=5) == []
    cov = bm.coverage(["融资", "陌生"])
    assert 0 < cov[0] < 1 and cov[1] == 0
    bm.save(tmp_path, "t")
    again = BM25.load(tmp_path, "t")
    assert np.allclose(again.scores(["担保", "土地"]), bm.scores(["担保", "土地"]))


def test_sparse_storage_scales_with_the_text_not_the_vocabulary():
    docs = [[f"w{i}", f"w{i + 1}"] for i in range(5000)]
    bm = BM25.fit(docs)
    assert bm.weights.shape == (5000, 5001)
    assert bm.weights.nnz == 10000  # a dense matrix would hold 25 million cells


def test_english_tokens_split_hyphenated_compounds():
    from qa.index.tokenize import english_tokenize

    # "land-related" and "land related" are the same words; so are "medium-sized" and "medium sized".
    assert english_tokenize("List the land-related measures") == english_tokenize("List the land related measures")
    assert "land" in english_tokenize("land-related") and "medium" in english_tokenize("medium-sized enterprises")


def test_coverage_mass_adds_across_vocabularies():
    zh = BM25.fit([["应急", "转贷"], ["土地"]])
    en = BM25.fit([["emerg", "loan"], ["land"]])
    zh_mass, zh_total = zh.coverage_mass(["应急", "转贷"])
    en_mass, en_total = en.coverage_mass(["blood", "donat"])  # words neither text has
    assert np.allclose(zh_mass / zh_total, zh.coverage(["应急", "转贷"]))
    assert zh_mass[0] == zh_total and en_mass.max() == 0 and en_total > 0
    mixed = (zh_mass + en_mass) / (zh_total + en_total)
    assert 0 < mixed[0] < 1 and mixed[1] == 0  # the English half unknown: half the evidence, not all of it
    assert zh.coverage_mass([]) [1] == 0.0
