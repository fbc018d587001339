from __future__ import annotations

from qa.baseline import CHUNK_OVERLAP, CHUNK_SIZE, PeerBaseline, split_text
from qa.embed import HashingEncoder
from qa.index import user_words
from qa.tokenize import ChineseTokenizer


def test_chunks_are_bounded_overlapping_and_cover_the_text(corpus):
    text = "\n".join(c.text_zh for c in corpus.clauses)
    spans = split_text(text)
    assert all(e - s <= CHUNK_SIZE for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] >= len(text.rstrip()) - 1
    for (s1, e1), (s2, _e2) in zip(spans, spans[1:], strict=False):
        assert s2 <= e1  # no gap
        assert e1 - s2 <= CHUNK_OVERLAP + CHUNK_SIZE // 2


def test_peer_baseline_maps_chunks_back_to_clauses(corpus):
    baseline = PeerBaseline(corpus, HashingEncoder(dim=64), ChineseTokenizer(user_words(corpus)))
    ranking, _sim = baseline.search("融资担保机构风险准备金", k=5)
    assert ranking and set(ranking) <= set(corpus.ids)
    assert "measure-1" in ranking[:3]
