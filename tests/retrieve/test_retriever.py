"""The retriever's document support: a clause gains a share of the mean of its document's best scores."""

import numpy as np
import pytest

from qa.retrieve.retriever import DOCUMENT_TOP, RetrievalConfig, Retriever


def test_document_support_adds_the_mean_of_the_documents_best_scores(fake_assistant):
    base = fake_assistant.retriever
    plain = Retriever(base.library, base.index, RetrievalConfig(weights=base.config.weights, document_weight=0.0))
    supported = Retriever(base.library, base.index, RetrievalConfig(weights=base.config.weights, document_weight=0.5))
    question = "大企业拖欠中小企业货款怎么办"
    before = {h.clause_id: h.score for h in plain.search(question, lang="zh", k=100).hits}
    after = supported.search(question, lang="zh", k=10).hits
    by_doc: dict[str, list[float]] = {}
    for clause_id, score in before.items():
        by_doc.setdefault(clause_id.split("/")[0], []).append(score)
    for hit in after:
        doc = hit.clause_id.split("/")[0]
        support = np.mean(sorted(by_doc[doc])[-DOCUMENT_TOP:])
        assert hit.score == pytest.approx(before[hit.clause_id] + 0.5 * support)
    assert [h.score for h in after] == sorted((h.score for h in after), reverse=True)


def test_document_weight_must_not_be_negative():
    with pytest.raises(ValueError, match="document_weight"):
        RetrievalConfig(document_weight=-0.1)


def test_a_mixed_question_is_covered_by_both_languages_words(fake_assistant):
    retriever = fake_assistant.retriever
    # The Chinese term read in the Chinese text, the English words in the rendering: evidence found.
    hits = retriever.search("what does the gz regulation say about 应急转贷?", lang="mixed", k=100).hits
    by_id = {h.clause_id: h for h in hits}
    assert by_id["guangzhou-private-economy-regulation-2024/article-26"].confidence > 0.3
    # A word of the rendering alone is no evidence while the Chinese term is unread: the English-only share
    # (whole wherever "involve" is) gives way to the share of both languages' words.
    _scores, _sentences, features = retriever._channel_scores("is the 飞碟局 involved too?", "mixed", retriever._mask(None)[1])
    assert "coverage-en" not in features and "coverage-zh" not in features
    assert 0 < features["coverage-mixed"].max() < 0.5
