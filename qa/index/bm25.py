"""Okapi BM25 stored sparse: a ``scipy.sparse`` CSC matrix (documents x vocabulary) of term weights.

Scoring a query is a sum of the columns of its terms. Saved as ``<name>.vocab.json`` +
``<name>.weights.npz`` (``scipy.sparse.save_npz``, no pickle) + ``<name>.idf.npy``.
A query with no known term scores all zeros, and ``top`` returns nothing for it.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp


@dataclass
class BM25:
    """BM25 over tokenised documents.

    Example:
        >>> bm = BM25.fit([["融资", "担保"], ["土地", "用地"]])
        >>> [i for i, _ in bm.top(["担保"], k=5)]
        [0]
    """

    vocab: dict[str, int]
    weights: sp.csc_matrix  # float32, shape (n_docs, n_terms)
    idf: np.ndarray  # float32, shape (n_terms,)
    k1: float = 1.2
    b: float = 0.75

    @classmethod
    def fit(cls, docs: list[list[str]], *, k1: float = 1.2, b: float = 0.75) -> BM25:
        """Fit on ``docs`` (lists of tokens); empty documents are allowed and never score."""
        vocab: dict[str, int] = {}
        for doc in docs:
            for token in doc:
                vocab.setdefault(token, len(vocab))
        n = len(docs)
        lengths = np.array([len(d) for d in docs], dtype=np.float32)
        avgdl = float(lengths.mean()) if n and lengths.mean() > 0 else 1.0
        counts = [Counter(doc) for doc in docs]
        df = np.zeros(len(vocab), dtype=np.float32)
        for c in counts:
            for token in c:
                df[vocab[token]] += 1
        idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        rows, cols, vals = [], [], []
        for i, c in enumerate(counts):
            norm = k1 * (1 - b + b * lengths[i] / avgdl)
            for token, tf in c.items():
                j = vocab[token]
                rows.append(i)
                cols.append(j)
                vals.append(idf[j] * tf * (k1 + 1) / (tf + norm))
        weights = sp.csc_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)), shape=(n, len(vocab)),
                                dtype=np.float32)
        return cls(vocab=vocab, weights=weights, idf=idf, k1=k1, b=b)

    @property
    def n_docs(self) -> int:
        return int(self.weights.shape[0])

    def _columns(self, tokens: list[str]) -> tuple[list[int], np.ndarray]:
        counts = Counter(t for t in tokens if t in self.vocab)
        return [self.vocab[t] for t in counts], np.asarray(list(counts.values()), dtype=np.float32)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every document for the query ``tokens`` (a repeated token counts again)."""
        cols, mult = self._columns(tokens)
        if not cols:
            return np.zeros(self.n_docs, dtype=np.float32)
        return np.asarray(self.weights[:, cols] @ mult, dtype=np.float32).ravel()

    def coverage(self, tokens: list[str]) -> np.ndarray:
        """Share of the query's idf mass present in each document, in [0, 1].

        Unknown query words count with the highest idf, so a question about things the corpus
        never mentions covers little of any document.
        """
        mass, total = self.coverage_mass(tokens)
        return mass / np.float32(total) if total > 0 else mass

    def coverage_mass(self, tokens: list[str]) -> tuple[np.ndarray, float]:
        """(idf mass of the query's words present in each document, the query's whole idf mass): the parts of
        ``coverage``, so that two vocabularies' shares can be added (a question mixing Chinese and English)."""
        unique = list(dict.fromkeys(tokens))
        if not unique:
            return np.zeros(self.n_docs, dtype=np.float32), 0.0
        unseen_idf = math.log1p((self.n_docs + 0.5) / 0.5)
        total = sum(float(self.idf[self.vocab[t]]) if t in self.vocab else unseen_idf for t in unique)
        cols = [self.vocab[t] for t in unique if t in self.vocab]
        if not cols:
            return np.zeros(self.n_docs, dtype=np.float32), total
        present = (self.weights[:, cols] > 0).astype(np.float32)
        return np.asarray(present @ self.idf[cols], dtype=np.float32).ravel(), total

    def top(self, tokens: list[str], *, k: int) -> list[tuple[int, float]]:
        """Best ``k`` documents with a score above zero (never a zero-score document)."""
        s = self.scores(tokens)
        order = np.argsort(-s, kind="stable")[:k]
        return [(int(i), float(s[i])) for i in order if s[i] > 0]

    def save(self, folder: Path, name: str) -> list[Path]:
        paths = [folder / f"{name}.vocab.json", folder / f"{name}.weights.npz", folder / f"{name}.idf.npy"]
        paths[0].write_text(json.dumps({"tokens": list(self.vocab), "k1": self.k1, "b": self.b,
                                        "format": "scipy.sparse.csc"}, ensure_ascii=False), encoding="utf-8")
        sp.save_npz(paths[1], self.weights.tocsc(), compressed=False)
        np.save(paths[2], self.idf, allow_pickle=False)
        return paths

    @classmethod
    def load(cls, folder: Path, name: str) -> BM25:
        """Read what ``save`` wrote; ``ValueError`` when the arrays disagree with the vocabulary."""
        meta = json.loads((folder / f"{name}.vocab.json").read_text(encoding="utf-8"))
        weights = sp.load_npz(folder / f"{name}.weights.npz").tocsc().astype(np.float32)
        idf = np.load(folder / f"{name}.idf.npy", allow_pickle=False)
        vocab = {t: i for i, t in enumerate(meta["tokens"])}
        if weights.ndim != 2 or weights.shape[1] != len(vocab) or idf.shape != (len(vocab),):
            raise ValueError(f"BM25 '{name}' arrays do not match its vocabulary ({weights.shape}, {len(vocab)} terms)")
        return cls(vocab=vocab, weights=weights, idf=idf, k1=meta["k1"], b=meta["b"])
