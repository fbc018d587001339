from __future__ import annotations

from qa.evaluation.baseline import CHUNK_OVERLAP, CHUNK_SIZE, PeerBaseline, split_text
from qa.index.embed import HashingEncoder
from qa.index.store import user_words
from qa.index.tokenize import ChineseTokenizer


def test_chunks_are_bounded_overlapping_and_cover_the_text(library):
    text = "\n".join(c.text_zh for c in library.document("suifuban-2007-42").clauses)
    spans = split_text(text)
    assert all(e - s <= CHUNK_SIZE for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] >= len(text.rstrip()) - 1
    for (_s1, e1), (s2, _e2) in zip(spans, spans[1:], strict=False):
        assert s2 <= e1 and e1 - s2 <= CHUNK_OVERLAP + CHUNK_SIZE // 2


def test_peer_baseline_maps_chunks_back_to_clauses_within_documents(library):
    baseline = PeerBaseline(library, HashingEncoder(dim=64), ChineseTokenizer(user_words(library)))
    ranking, _sim = baseline.search("融资担保机构风险准备金", k=5, documents=("suifuban-2007-42",))
    assert ranking and all(c.startswith("suifuban-2007-42/") for c in ranking)
    assert "suifuban-2007-42/measure-1" in ranking[:3]
