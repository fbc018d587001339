"""Okapi BM25 as a precomputed (documents x vocabulary) weight matrix: score = sum of columns.

Saved as ``<name>.vocab.json`` + ``<name>.weights.npy`` + ``<name>.idf.npy`` (no pickle).
A query with no known term scores all zeros, and ``top`` returns nothing for it.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass
class BM25:
    """BM25 over tokenised documents.

    Example:
        >>> bm = BM25.fit([["融资", "担保"], ["土地", "用地"]])
        >>> bm.top(["担保"], k=5)
        [(0, 0.6931...)]  # doctest: +SKIP
    """

    vocab: dict[str, int]
    weights: np.ndarray  # float32, shape (n_docs, n_terms)
    idf: np.ndarray  # float32, shape (n_terms,)
    k1: float = 1.2
    b: float = 0.75

    @classmethod
    def fit(cls, docs: list[list[str]], *, k1: float = 1.2, b: float = 0.75) -> BM25:
        vocab: dict[str, int] = {}
        for doc in docs:
            for token in doc:
                vocab.setdefault(token, len(vocab))
        n = len(docs)
        weights = np.zeros((n, len(vocab)), dtype=np.float32)
        df = np.zeros(len(vocab), dtype=np.float32)
        lengths = np.array([len(d) for d in docs], dtype=np.float32)
        avgdl = float(lengths.mean()) if n and lengths.mean() > 0 else 1.0
        counts = [Counter(doc) for doc in docs]
        for c in counts:
            for token in c:
                df[vocab[token]] += 1
        idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        for i, c in enumerate(counts):
            norm = k1 * (1 - b + b * lengths[i] / avgdl)
            for token, tf in c.items():
                j = vocab[token]
                weights[i, j] = idf[j] * tf * (k1 + 1) / (tf + norm)
        return cls(vocab=vocab, weights=weights, idf=idf, k1=k1, b=b)

    @property
    def n_docs(self) -> int:
        return int(self.weights.shape[0])

    def _columns(self, tokens: list[str]) -> tuple[list[int], list[int]]:
        counts = Counter(t for t in tokens if t in self.vocab)
        return [self.vocab[t] for t in counts], list(counts.values())

    def scores(self, tokens: list[str]) -> np.ndarray:
        cols, mult = self._columns(tokens)
        if not cols:
            return np.zeros(self.n_docs, dtype=np.float32)
        return self.weights[:, cols] @ np.asarray(mult, dtype=np.float32)

    def coverage(self, tokens: list[str]) -> np.ndarray:
        """Share of the query's idf mass present in each document, in [0, 1].

        Unknown query words count with the highest idf, so a question about things the corpus
        never mentions covers little of any document.
        """
        unique = list(dict.fromkeys(tokens))
        if not unique:
            return np.zeros(self.n_docs, dtype=np.float32)
        unseen_idf = math.log1p((self.n_docs + 0.5) / 0.5)
        total = sum(float(self.idf[self.vocab[t]]) if t in self.vocab else unseen_idf for t in unique)
        cols = [self.vocab[t] for t in unique if t in self.vocab]
        if not cols:
            return np.zeros(self.n_docs, dtype=np.float32)
        present = (self.weights[:, cols] > 0).astype(np.float32)
        return (present @ self.idf[cols]) / np.float32(total)

    def top(self, tokens: list[str], *, k: int) -> list[tuple[int, float]]:
        """Best ``k`` documents with a score above zero (never a zero-score document)."""
        s = self.scores(tokens)
        order = np.argsort(-s, kind="stable")[:k]
        return [(int(i), float(s[i])) for i in order if s[i] > 0]

    def save(self, folder: Path, name: str) -> list[Path]:
        paths = [folder / f"{name}.vocab.json", folder / f"{name}.weights.npy", folder / f"{name}.idf.npy"]
        paths[0].write_text(json.dumps({"tokens": list(self.vocab), "k1": self.k1, "b": self.b}, ensure_ascii=False),
                            encoding="utf-8")
        np.save(paths[1], self.weights, allow_pickle=False)
        np.save(paths[2], self.idf, allow_pickle=False)
        return paths

    @classmethod
    def load(cls, folder: Path, name: str) -> BM25:
        meta = json.loads((folder / f"{name}.vocab.json").read_text(encoding="utf-8"))
        weights = np.load(folder / f"{name}.weights.npy", allow_pickle=False)
        idf = np.load(folder / f"{name}.idf.npy", allow_pickle=False)
        vocab = {t: i for i, t in enumerate(meta["tokens"])}
        if weights.ndim != 2 or weights.shape[1] != len(vocab) or idf.shape != (len(vocab),):
            raise ValueError(f"BM25 '{name}' arrays do not match its vocabulary ({weights.shape}, {len(vocab)} terms)")
        return cls(vocab=vocab, weights=weights, idf=idf, k1=meta["k1"], b=meta["b"])
