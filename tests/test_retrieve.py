from __future__ import annotations

import numpy as np
import pytest

from qa.errors import QueryError
from qa.retrieve import RetrievalConfig, Retriever


def test_lookup_by_number_in_every_form(fake_assistant):
    for text, expected in [("第十二条", "measure-12"), ("第12条讲什么", "measure-12"), ("measure 12", "measure-12"),
                           ("第23项措施", "measure-23"), ("item 31", "measure-31"), ("goal 2", "goal-2"),
                           ("基本原则第一条", "principle-1"), ("工作要求第三条", "requirement-3")]:
        result = fake_assistant.search(text, k=5)
        assert result.mode == "lookup" and result.hits[0].clause_id == expected, text


def test_department_listing(fake_assistant, corpus):
    for text in ("市科技局负责哪些措施？", "Which measures does the Science and Technology Bureau lead?"):
        result = fake_assistant.search(text, k=5)
        assert result.mode == "department"
        led = [h.clause_id for h in result.hits if h.matched_by == "department"]
        assert led == [c.id for c in corpus.clauses if "市科技局" in c.leads]


@pytest.mark.parametrize("query", ["", "   ", "？？！！", "的了吗", "🙂🙂", "\u200b\u200b"])
def test_contentless_queries_retrieve_nothing(fake_assistant, query):
    result = fake_assistant.retriever.search(query, k=5)
    assert result.hits == () and result.mode == "empty"
    answer = fake_assistant.ask(query)
    assert not answer.citations and answer.status in ("empty", "abstained")


def test_all_zero_bm25_never_returns_clause_zero(fake_assistant):
    bm25_only = Retriever(fake_assistant.corpus, fake_assistant.index,
                          RetrievalConfig(weights={"bm25-zh": 1.0, "bm25-en": 1.0}))
    for query in ("的了吗", "xyzzy plugh", "？？", "the of and"):
        result = bm25_only.search(query, k=5)
        assert result.hits == (), query
        assert result.mode == "empty"


def test_lexical_retrieval_in_both_languages(fake_assistant):
    assert fake_assistant.search("融资担保机构风险准备金补助", k=3).hits[0].clause_id == "measure-1"
    assert fake_assistant.search("guarantee institutions risk reserve subsidy", k=3).hits[0].clause_id == "measure-1"
    assert fake_assistant.search("研發投入所得稅前抵扣", k=3).hits[0].clause_id == "measure-13"  # traditional


def test_hit_carries_best_sentence(fake_assistant, corpus):
    hit = fake_assistant.search("企业自主创新投入的所得税前抵扣操作办法", k=1).hits[0]
    assert "所得税前抵扣" in corpus.clause(hit.clause_id).sentences[hit.sentence].zh


def test_faiss_padding_labels_are_dropped(fake_assistant, monkeypatch):
    encoder, faiss_index, rows = fake_assistant.index.dense[0]
    real_search = faiss_index.search

    def padded(vectors, k):
        sims, ids = real_search(vectors, 3)
        pad = k - 3
        return (np.hstack([sims, np.full((1, pad), -1e9, dtype=np.float32)]),
                np.hstack([ids, np.full((1, pad), -1, dtype=np.int64)]))

    monkeypatch.setattr(faiss_index, "search", padded)
    result = fake_assistant.retriever.search("融资担保", k=5)
    assert result.hits


def test_bad_arguments_are_clear_errors(fake_assistant):
    with pytest.raises(QueryError, match="limit is 1,000"):
        fake_assistant.search("担保" * 600)
    with pytest.raises(QueryError, match="k must be"):
        fake_assistant.search("担保", k=0)
    with pytest.raises(ValueError, match="unknown channels"):
        RetrievalConfig(weights={"bm25-jp": 1.0})
