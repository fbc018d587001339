"""A peer-style baseline built the way common RAG kits do it (Langchain-Chatchat defaults).

- No structure: the document body is one text, cut into 250-character chunks with 50 characters
  of overlap, splitting at sentence ends first (like a recursive character splitter).
- Chinese only: there is no English rendering, so English questions reach it only through the
  (multilingual) dense encoder.
- jieba BM25 + the same dense encoder, fused 0.5 / 0.5 by weighted reciprocal rank (LangChain's
  EnsembleRetriever). Chunk hits are mapped back to the clause that holds most of the chunk, so
  it can be scored against the same gold set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import faiss
import numpy as np

from qa.index.bm25 import BM25
from qa.index.embed import Encoder
from qa.index.tokenize import ChineseTokenizer
from qa.models import Library
from qa.normalize import check_length, normalize

CHUNK_SIZE = 250
CHUNK_OVERLAP = 50


@dataclass(frozen=True)
class Chunk:
    text: str
    start: int
    end: int
    clause: int


def split_text(text: str, *, size: int = CHUNK_SIZE, overlap: int = CHUNK_OVERLAP) -> list[tuple[int, int]]:
    """(start, end) spans of chunks of at most ``size`` characters with about ``overlap`` shared."""
    pieces: list[tuple[int, int]] = []
    for m in re.finditer(r"[^。！？；;\n]*[。！？；;\n]?", text):
        s, e = m.span()
        while e - s > size:  # an over-long sentence: cut at commas, else hard
            cut = max((c.end() for c in re.finditer(r"[，,]", text[s:s + size])), default=size)
            pieces.append((s, s + cut))
            s += cut
        if e > s:
            pieces.append((s, e))
    chunks: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        start, end, j = pieces[i][0], pieces[i][1], i + 1
        while j < len(pieces) and pieces[j][1] - start <= size:
            end = pieces[j][1]
            j += 1
        chunks.append((start, end))
        if j >= len(pieces):
            break
        # Step back over trailing pieces that fit in the overlap.
        k = j
        while k - 1 > i and end - pieces[k - 1][0] <= overlap:
            k -= 1
        i = k if k > i else j
    return chunks


class PeerBaseline:
    """Chunked, structure-blind hybrid retrieval, mapped back to clause ids."""

    def __init__(self, library: Library, encoder: Encoder, tokenizer: ChineseTokenizer) -> None:
        self.library = library
        self.encoder = encoder
        self.tokenizer = tokenizer
        self.chunks = []
        offset = 0
        for doc in library.documents:  # each document is its own text; chunks never cross documents
            body, owners = "", []
            for clause in doc.clauses:
                body += clause.text_zh + "\n"
                owners += [offset + doc.clauses.index(clause)] * (len(clause.text_zh) + 1)
            owner = np.asarray(owners)
            for s, e in split_text(body):
                self.chunks.append(Chunk(body[s:e], s, e, int(np.bincount(owner[s:e]).argmax())))
            offset += len(doc.clauses)
        self.bm25 = BM25.fit([tokenizer(c.text) for c in self.chunks])
        vectors = encoder.encode([c.text for c in self.chunks])
        self.index = faiss.IndexFlatIP(encoder.dim)
        self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def search(self, query: str, *, k: int = 10, documents: tuple[str, ...] | None = None) -> tuple[list[str], float]:
        """Ranked clause ids (within ``documents`` if given) and the top dense similarity (its confidence)."""
        check_length(query)
        text = normalize(query)
        n = len(self.chunks)
        bm = self.bm25.scores(self.tokenizer(text))
        sims, ids = self.index.search(self.encoder.encode([text]), n)
        fused = np.zeros(n)
        bm_order = [i for i in np.argsort(-bm, kind="stable") if bm[i] > 0]
        for rank, i in enumerate(bm_order, 1):
            fused[i] += 0.5 / (60 + rank)
        dense_order = [int(i) for i in ids[0] if i >= 0]
        for rank, i in enumerate(dense_order, 1):
            fused[i] += 0.5 / (60 + rank)
        ranking: list[str] = []
        for i in np.argsort(-fused, kind="stable"):
            if fused[i] <= 0:
                break
            clause = self.library.clauses[self.chunks[i].clause]
            if documents and clause.doc_id not in documents:
                continue
            cid = clause.id
            if cid not in ranking:
                ranking.append(cid)
            if len(ranking) >= k:
                break
        top_sim = float(sims[0][0]) if dense_order else 0.0
        return ranking, top_sim
