"""Retrieve stage: route a question to its channels, fuse them, or look a clause up directly.

Channels (each scores every clause):
- ``bm25-zh`` / ``bm25-en``: BM25 over whole clauses (jieba for Chinese, the English rendering for English);
- ``bm25-zh-sent`` / ``bm25-en-sent``: the best single sentence of each clause under BM25;
- ``dense-<n>``: the best cosine between the question and any sentence or heading of the clause.

A channel runs only for the languages it understands (an English-only model never sees a Chinese
question). Channel scores are fused by a weighted sum of max-normalised scores or by reciprocal
rank; which, and the weights, were chosen on the dev half of the gold set (see README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from qa.errors import QueryError
from qa.index import LoadedIndex
from qa.lookup import find_clause_references
from qa.models import Corpus
from qa.normalize import CJK_RE, check_length, detect_language, normalize
from qa.tokenize import english_tokenize

LISTING_RE = re.compile(
    r"负责哪些|牵头哪些|哪些措施|哪些条|哪几条|管哪些|管什么|负责什么|牵头什么|职责|配合哪些|参与哪些|哪些工作|做哪些|干什么|有哪些任务"
    r"|which (measures|clauses|items)|what (measures|does|do)\b.*\b(lead|handle|do|responsible|in charge)|responsible for what"
    r"|\blist\b.*\bmeasures\b|\bmeasures\b.*\b(led|lead|handled)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RetrievalConfig:
    """Which channels run and how they are fused. Validated on construction.

    Example:
        >>> RetrievalConfig(weights={"bm25-zh": 1.0, "bm25-en": 1.0})  # doctest: +ELLIPSIS
        RetrievalConfig(...)
    """

    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    fusion: str = "weighted"
    normalization: str = "minmax"
    rrf_k: int = 60

    def __post_init__(self) -> None:
        if self.fusion not in ("weighted", "rrf"):
            raise ValueError(f"fusion must be 'weighted' or 'rrf', not {self.fusion!r}")
        if self.normalization not in ("max", "minmax"):
            raise ValueError(f"normalization must be 'max' or 'minmax', not {self.normalization!r}")
        valid = re.compile(r"^(bm25-(zh|en)(-sent)?|dense-\d+)(@(zh|en|mixed))?$")
        bad = [k for k in self.weights if not valid.match(k)]
        if bad:
            raise ValueError(f"unknown channels {bad}; valid: bm25-zh, bm25-en, bm25-zh-sent, bm25-en-sent, dense-<n>, "
                             "each optionally with @zh, @en or @mixed for a weight used only for that query language")
        if any(w < 0 for w in self.weights.values()):
            raise ValueError("channel weights must be >= 0")


# The default channels (two dense encoders: MiniLM, then USE), chosen on dev; the table is in README.md.
DEFAULT_WEIGHTS: dict[str, float] = {"bm25-zh": 1.0, "bm25-en": 1.0, "dense-0": 1.0, "dense-1": 1.0}


@dataclass(frozen=True)
class Hit:
    """One retrieved clause with the sentence that matched it best."""

    clause_id: str
    score: float
    sentence: int
    matched_by: str  # "retrieval", "lookup" or "department"
    channels: dict[str, float] = field(default_factory=dict)
    sentence_order: tuple[int, ...] = ()  # the clause's sentences, best match first


@dataclass(frozen=True)
class SearchResult:
    query: str
    lang: str
    hits: tuple[Hit, ...]
    confidence: float
    mode: str  # "retrieval", "lookup", "department", "empty"
    departments: tuple[str, ...] = ()


class Retriever:
    """Hybrid retrieval over one loaded index. Read-only after construction, so thread-safe."""

    def __init__(self, corpus: Corpus, index: LoadedIndex, config: RetrievalConfig | None = None) -> None:
        self.corpus = corpus
        self.index = index
        self.config = config or RetrievalConfig()
        self.n = len(corpus.clauses)
        self._valid_ids = frozenset(corpus.ids)
        sentences = index.bm25["bm25-zh-sentence"].n_docs
        self._sentence_clause = np.zeros(sentences, dtype=np.int64)
        self._sentence_index = np.zeros(sentences, dtype=np.int64)
        k = 0
        for ci, clause in enumerate(corpus.clauses):
            for s in clause.sentences:
                self._sentence_clause[k], self._sentence_index[k] = ci, s.index
                k += 1
        sentence_pos = {(int(c), int(s)): i for i, (c, s) in
                        enumerate(zip(self._sentence_clause, self._sentence_index, strict=True))}
        # Per dense index: row -> position in the sentence arrays, or -1 for heading/expansion rows.
        self._row_sentence = [np.array([sentence_pos[(int(c), int(s))] if s >= 0 else -1 for c, s in rows],
                                       dtype=np.int64) for _enc, _index, rows in index.dense]
        self._dept_aliases = self._department_aliases()

    # -- departments -------------------------------------------------------------------------
    def _department_aliases(self) -> list[tuple[str, str]]:
        pairs = [(alias, name) for alias, name in self.corpus.department_aliases.items()
                 if name in self.corpus.departments]
        for name, dept in self.corpus.departments.items():
            english = dept.english.split(" (")[0].lower()
            pairs.append((english, name))
            pairs.append((english.removeprefix("municipal ").removeprefix("guangzhou "), name))
        return sorted(set(pairs), key=lambda p: -len(p[0]))

    def departments_in(self, text: str) -> list[str]:
        found: list[str] = []
        rest = text
        for alias, name in self._dept_aliases:
            if len(alias) >= 2 and alias in rest:
                if name not in found:
                    found.append(name)
                rest = rest.replace(alias, " ")
        return found

    # -- channels ----------------------------------------------------------------------------
    def _channel_scores(self, text: str, lang: str) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], dict]:
        """Per-channel clause scores, per-channel sentence scores, and coverage features."""
        clause_scores: dict[str, np.ndarray] = {}
        sentence_scores: dict[str, np.ndarray] = {}
        features: dict[str, np.ndarray] = {}
        zh_tokens = self.index.zh_tokenizer(text) if CJK_RE.search(text) else []
        en_tokens = english_tokenize(text) if lang in ("en", "mixed") else []
        if not zh_tokens and not en_tokens:
            # Only punctuation, emoji or stop words: nothing to look for, in any channel.
            return {}, {}, {}
        for lang_key, tokens in (("zh", zh_tokens), ("en", en_tokens)):
            if not tokens:
                continue
            clause_bm = self.index.bm25[f"bm25-{lang_key}-clause"]
            sent_bm = self.index.bm25[f"bm25-{lang_key}-sentence"]
            s_scores = sent_bm.scores(tokens)
            sentence_scores[f"bm25-{lang_key}"] = s_scores
            features[f"coverage-{lang_key}"] = clause_bm.coverage(tokens)
            if self.weight(f"bm25-{lang_key}", lang) > 0:
                clause_scores[f"bm25-{lang_key}"] = clause_bm.scores(tokens)
            if self.weight(f"bm25-{lang_key}-sent", lang) > 0:
                best = np.zeros(self.n, dtype=np.float32)
                np.maximum.at(best, self._sentence_clause, s_scores)
                clause_scores[f"bm25-{lang_key}-sent"] = best
        for n, (encoder, faiss_index, rows) in enumerate(self.index.dense):
            name = f"dense-{n}"
            if self.weight(name, lang) <= 0 or (lang not in encoder.views and lang != "mixed"):
                continue
            vector = encoder.encode([text])
            k = int(faiss_index.ntotal)
            sims, ids = faiss_index.search(vector, k)
            best = np.full(self.n, -1.0, dtype=np.float32)
            per_sentence = np.full(len(self._sentence_clause), -1.0, dtype=np.float32)
            found = ids[0] >= 0  # FAISS pads missing results with -1
            hit_rows, hit_sims = ids[0][found], sims[0][found]
            np.maximum.at(best, rows[hit_rows, 0], hit_sims)
            positions = self._row_sentence[n][hit_rows]
            is_sentence = positions >= 0
            np.maximum.at(per_sentence, positions[is_sentence], hit_sims[is_sentence])
            clause_scores[name] = best
            sentence_scores[name] = per_sentence
            features[f"cosine-{n}"] = best
        return clause_scores, sentence_scores, features

    def weight(self, channel: str, lang: str) -> float:
        """The channel's weight for a query language: ``dense-0@zh`` overrides ``dense-0``."""
        weights = self.config.weights
        return weights.get(f"{channel}@{lang}", weights.get(channel, 0.0))

    def _fuse(self, clause_scores: dict[str, np.ndarray], lang: str) -> np.ndarray:
        fused = np.zeros(self.n, dtype=np.float64)
        for name, scores in clause_scores.items():
            w = self.weight(name, lang)
            if w <= 0:
                continue
            if self.config.fusion == "rrf":
                order = np.argsort(-scores, kind="stable")
                ranks = np.empty(self.n, dtype=np.float64)
                ranks[order] = np.arange(1, self.n + 1)
                contrib = w / (self.config.rrf_k + ranks)
                contrib[scores <= 0] = 0.0 if name.startswith("bm25") else contrib[scores <= 0]
                fused += contrib
            elif self.config.normalization == "minmax" and scores.max() > scores.min():
                fused += w * (scores - scores.min()) / (scores.max() - scores.min())
            else:
                top = float(scores.max())
                if top > 0:
                    fused += w * np.clip(scores, 0, None) / top
        return fused

    def _best_sentences(self, sentence_scores: dict[str, np.ndarray]) -> np.ndarray:
        """Combined per-sentence score (max-normalised per channel, summed)."""
        total = np.zeros(len(self._sentence_clause), dtype=np.float64)
        for scores in sentence_scores.values():
            top = float(scores.max())
            if top > 0:
                total += np.clip(scores, 0, None) / top
        return total

    # -- entry point -------------------------------------------------------------------------
    def search(self, query: str, *, k: int = 5) -> SearchResult:
        """Rank clauses for ``query``. Raises ``QueryError`` for an over-long query."""
        if not isinstance(query, str):
            raise QueryError(f"the question must be text, not {type(query).__name__}")
        if k < 1 or k > 100:
            raise QueryError(f"k must be between 1 and 100, not {k}")
        check_length(query)
        text = normalize(query)
        lang = detect_language(text)
        refs = find_clause_references(text, self._valid_ids)
        depts = self.departments_in(text)
        clause_scores, sentence_scores, features = self._channel_scores(text, lang)
        fused = self._fuse(clause_scores, lang)
        sentence_total = self._best_sentences(sentence_scores)
        confidence_per_clause = self._confidence(features)

        def sentence_order(ci: int) -> tuple[int, ...]:
            mask = self._sentence_clause == ci
            order = np.argsort(-sentence_total[mask], kind="stable")
            return tuple(int(i) for i in self._sentence_index[mask][order])

        def hit(ci: int, score: float, matched_by: str, channels: dict | None = None) -> Hit:
            order = sentence_order(ci)
            return Hit(self.corpus.ids[ci], score, order[0] if order else 0, matched_by, channels or {}, order)

        hits: list[Hit] = []
        seen: set[int] = set()
        mode = "retrieval"
        if refs:
            mode = "lookup"
            for cid in refs:
                ci = self.corpus.ids.index(cid)
                hits.append(hit(ci, 1.0, "lookup"))
                seen.add(ci)
        elif depts and LISTING_RE.search(text):
            mode = "department"
            for dept in depts:
                for ci, clause in enumerate(self.corpus.clauses):
                    if ci not in seen and (dept in clause.leads):
                        hits.append(hit(ci, 1.0, "department"))
                        seen.add(ci)
        limit = max(k, len(hits))  # retrieval fills up to k; a lookup keeps every clause it named
        for ci in np.argsort(-fused, kind="stable"):
            if len(hits) >= limit:
                break
            if fused[ci] <= 0 or ci in seen:
                continue
            hits.append(hit(int(ci), float(fused[ci]), "retrieval",
                            {name: float(s[ci]) for name, s in clause_scores.items()}))
            seen.add(int(ci))
        if mode == "retrieval":
            confidence = float(confidence_per_clause[self.corpus.ids.index(hits[0].clause_id)]) if hits else 0.0
        else:
            confidence = 1.0
        if not hits:
            mode = "empty"
        return SearchResult(query=query, lang=lang, hits=tuple(hits), confidence=confidence, mode=mode,
                            departments=tuple(depts))

    def _confidence(self, features: dict[str, np.ndarray]) -> np.ndarray:
        """Evidence that a clause is really about the question, in [0, 1]: the best of
        idf-weighted query coverage (lexical) and a rescaled cosine (dense)."""
        conf = np.zeros(self.n, dtype=np.float64)
        for name, values in features.items():
            if name.startswith("coverage-"):
                conf = np.maximum(conf, values)
            elif name.startswith("cosine-"):
                conf = np.maximum(conf, np.clip((values - COSINE_FLOOR) / (1 - COSINE_FLOOR), 0, 1))
        return conf


COSINE_FLOOR = 0.2  # cosine at or below this is no evidence at all (calibrated on dev, see README)
