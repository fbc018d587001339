"""Retrieve stage: rank a library's clauses for a question, within a scope of documents.

Channels (each scores every clause):
- ``bm25-zh`` / ``bm25-en``: BM25 over whole clauses (jieba for Chinese, the English rendering for English);
- ``bm25-zh-sent`` / ``bm25-en-sent``: the best single sentence of each clause under BM25;
- ``dense-<n>``: the best cosine between the question and any sentence or heading of the clause.

A channel runs only for the languages it understands (an English-only model never sees a Chinese
question). Scores are fused by a weighted sum of min-max-normalised scores (or reciprocal rank);
documents not in force are ranked down by a small prior, so an in-force text wins a near tie with
the version it replaced. A clause also gains a share of its document's support (the mean of that
document's best fused scores). Which fusion, the weights and the priors were chosen on dev (see README).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import faiss
import numpy as np

from qa.errors import QueryError
from qa.index.store import LoadedIndex
from qa.index.tokenize import english_tokenize
from qa.models import Library
from qa.normalize import CJK_RE

# The default channels (two dense encoders: MiniLM, then USE), chosen on dev; the table is in README.md.
DEFAULT_WEIGHTS: dict[str, float] = {"bm25-zh": 1.0, "bm25-en": 1.0, "dense-0": 1.0, "dense-1": 1.0}
# Fused-score multiplier by document status: a superseded text or a historical plan loses a near tie.
STATUS_PRIOR: dict[str, float] = {"in_force": 1.0, "superseded": 0.8, "historical": 0.65, "repealed": 0.6}
PLACE_BOOST = 1.25  # dev (session 34, 6,562 questions): 1.25 fixed 10 and broke 2 against 1.1; earlier 1.2 and 1.35 broke one
CONVERSATION_BOOST = 1.3  # for the documents a conversation was about; dev (session 31): 1.2 and 1.5 did worse
COSINE_FLOOR = 0.2  # cosine at or below this is no evidence at all (calibrated on dev, see README)
# A clause of a document with several clauses on the question (the payment regulation, for a question on
# late payment) gains over a lone clause elsewhere. Dev (session 17): weight 0.5 and the best 3 clauses gave
# Hit@1 0.829 -> 0.832 and key fact 0.873 -> 0.879; 0.15-1.2 and the best 2 or 5 were within two questions.
DOCUMENT_WEIGHT = 0.5
DOCUMENT_TOP = 3
DENSE_CANDIDATES = 512  # rows read from each FAISS index per query
_LATIN_WORD = re.compile(r"[a-z]+")  # a token of Latin letters only (no digits): an English word


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
    status_prior: dict[str, float] = field(default_factory=lambda: dict(STATUS_PRIOR))
    place_boost: float = PLACE_BOOST  # factor for the documents of a place the question names (广州, Guangdong)
    conversation_boost: float = CONVERSATION_BOOST  # factor for the documents the conversation was about
    document_weight: float = DOCUMENT_WEIGHT  # weight of the document's support (mean of its best clauses' scores)

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
        if any(not 0 < p <= 1 for p in self.status_prior.values()):
            raise ValueError("status priors must be within (0, 1]")
        if not 1 <= self.place_boost <= 3 or not 1 <= self.conversation_boost <= 3:
            raise ValueError("place_boost and conversation_boost must be within [1, 3]")
        if self.document_weight < 0:
            raise ValueError("document_weight must be >= 0")


@dataclass(frozen=True)
class Filters:
    """Which documents a search may return: ids, levels (national …), statuses (in_force …); None = any."""

    documents: tuple[str, ...] | None = None
    levels: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None

    @property
    def key(self) -> tuple:
        return (self.documents, self.levels, self.statuses)


@dataclass(frozen=True)
class Hit:
    """One retrieved clause with the sentence that matched it best."""

    clause_id: str
    score: float
    sentence: int
    confidence: float = 0.0
    channels: dict[str, float] = field(default_factory=dict)
    sentence_order: tuple[int, ...] = ()  # the clause's sentences, best match first


@dataclass(frozen=True)
class SearchResult:
    """Ranked clauses for one question; ``confidence`` is the best clause's evidence in [0, 1]."""

    query: str
    hits: tuple[Hit, ...]
    confidence: float


class Retriever:
    """Hybrid retrieval over one loaded index. Read-only after construction (caches are locked), so thread-safe."""

    def __init__(self, library: Library, index: LoadedIndex, config: RetrievalConfig | None = None) -> None:
        self.library = library
        self.index = index
        self.config = config or RetrievalConfig()
        self.n = len(library.clauses)
        self.ids = library.ids
        self._doc_pos = {d.id: i for i, d in enumerate(library.documents)}
        self._clause_doc = np.array([self._doc_pos[c.doc_id] for c in library.clauses], dtype=np.int64)
        self._doc_rows = [np.flatnonzero(self._clause_doc == d) for d in range(len(library.documents))]
        self._prior = np.array([self.config.status_prior.get(library.info(c.doc_id).status, 1.0)
                                for c in library.clauses], dtype=np.float64)
        sentences = index.bm25["bm25-zh-sentence"].n_docs
        self._sentence_clause = np.zeros(sentences, dtype=np.int64)
        self._sentence_index = np.zeros(sentences, dtype=np.int64)
        k = 0
        for ci, clause in enumerate(library.clauses):
            for s in clause.sentences:
                self._sentence_clause[k], self._sentence_index[k] = ci, s.index
                k += 1
        self._sentence_start = np.searchsorted(self._sentence_clause, np.arange(self.n + 1))
        sentence_pos = {(int(c), int(s)): i for i, (c, s) in
                        enumerate(zip(self._sentence_clause, self._sentence_index, strict=True))}
        # Per dense index: row -> position in the sentence arrays, or -1 for heading/expansion rows.
        self._row_sentence = [np.array([sentence_pos[(int(c), int(s))] if s >= 0 else -1 for c, s in rows],
                                       dtype=np.int64) for _enc, _index, rows in index.dense]
        self._masks: dict[tuple, tuple[np.ndarray, list]] = {}
        self._lock = threading.Lock()

    def weight(self, channel: str, lang: str) -> float:
        """The channel's weight for a query language: ``dense-0@zh`` overrides ``dense-0``."""
        weights = self.config.weights
        return weights.get(f"{channel}@{lang}", weights.get(channel, 0.0))

    # -- filters -----------------------------------------------------------------------------
    def _mask(self, filters: Filters | None) -> tuple[np.ndarray | None, list]:
        """Clause mask and one FAISS search-parameter object per dense index (None = no filter)."""
        if filters is None or filters.key == (None, None, None):
            return None, [None] * len(self.index.dense)
        with self._lock:
            if filters.key in self._masks:
                return self._masks[filters.key]
            allowed_docs = np.array([
                (filters.documents is None or d.id in filters.documents)
                and (filters.levels is None or d.info.level in filters.levels)
                and (filters.statuses is None or d.info.status in filters.statuses)
                for d in self.library.documents], dtype=bool)
            mask = allowed_docs[self._clause_doc]
            params = []
            for _enc, _faiss, rows in self.index.dense:
                selector = faiss.IDSelectorBatch(np.flatnonzero(mask[rows[:, 0]]).astype(np.int64))
                params.append((faiss.SearchParameters(sel=selector), selector))  # keep the selector alive
            self._masks[filters.key] = (mask, params)
            return mask, params

    # -- channels ----------------------------------------------------------------------------
    def _coverage(self, zh_tokens: list[str], en_tokens: list[str]) -> dict[str, np.ndarray]:
        """Lexical evidence features: per language, the share of the question's idf mass each clause holds. A
        question mixing the languages ("what does the GZ regulation say about 应急转贷?") has one share instead: its
        Chinese words read in the Chinese text, its English words in the English rendering, their masses added.
        Read in one language alone, the other language's words count as unknown and sink the coverage, or are not
        read at all (the English share of "is the 国税局 involved too?" is whole wherever "involve" is)."""
        if zh_tokens and en_tokens:
            zh_bm, en_bm = self.index.bm25["bm25-zh-clause"], self.index.bm25["bm25-en-clause"]
            zh_mass, zh_total = zh_bm.coverage_mass([t for t in zh_tokens if not _LATIN_WORD.fullmatch(t) or t in zh_bm.vocab])
            en_mass, en_total = en_bm.coverage_mass(en_tokens)
            if zh_total and en_total:
                return {"coverage-mixed": (zh_mass + en_mass) / np.float32(zh_total + en_total)}
        return {f"coverage-{key}": self.index.bm25[f"bm25-{key}-clause"].coverage(tokens)
                for key, tokens in (("zh", zh_tokens), ("en", en_tokens)) if tokens}

    def _channel_scores(self, text: str, lang: str, params: list) -> tuple[dict, dict, dict]:
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
            if self.weight(f"bm25-{lang_key}", lang) > 0:
                clause_scores[f"bm25-{lang_key}"] = clause_bm.scores(tokens)
            if self.weight(f"bm25-{lang_key}-sent", lang) > 0:
                best = np.zeros(self.n, dtype=np.float32)
                np.maximum.at(best, self._sentence_clause, s_scores)
                clause_scores[f"bm25-{lang_key}-sent"] = best
        features.update(self._coverage(zh_tokens, en_tokens))
        for n, (encoder, faiss_index, rows) in enumerate(self.index.dense):
            name = f"dense-{n}"
            if self.weight(name, lang) <= 0 or (lang not in encoder.views and lang != "mixed"):
                continue
            k = min(int(faiss_index.ntotal), DENSE_CANDIDATES)
            if k == 0:  # an encoder with nothing indexed (no text in its language)
                continue
            vector = encoder.encode([text])
            param = params[n][0] if params[n] else None
            sims, ids = faiss_index.search(vector, k, params=param) if param else faiss_index.search(vector, k)
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

    def _fuse(self, clause_scores: dict[str, np.ndarray], lang: str, mask: np.ndarray | None) -> np.ndarray:
        fused = np.zeros(self.n, dtype=np.float64)
        for name, scores in clause_scores.items():
            w = self.weight(name, lang)
            if w <= 0:
                continue
            scores = scores.astype(np.float64)
            if mask is not None:  # normalise over the documents in scope only
                scores = np.where(mask, scores, scores[mask].min() if mask.any() else 0.0)
            if self.config.fusion == "rrf":
                order = np.argsort(-scores, kind="stable")
                ranks = np.empty(self.n, dtype=np.float64)
                ranks[order] = np.arange(1, self.n + 1)
                contrib = w / (self.config.rrf_k + ranks)
                if name.startswith("bm25"):
                    contrib[scores <= 0] = 0.0
                fused += contrib
            elif self.config.normalization == "minmax" and scores.max() > scores.min():
                fused += w * (scores - scores.min()) / (scores.max() - scores.min())
            else:
                top = float(scores.max())
                if top > 0:
                    fused += w * np.clip(scores, 0, None) / top
        fused *= self._prior
        if mask is not None:
            fused[~mask] = 0.0
        if self.config.document_weight > 0:
            fused = fused + self.config.document_weight * self._document_support(fused)
        return fused

    def _document_support(self, fused: np.ndarray) -> np.ndarray:
        """Per clause, the mean of its document's best ``DOCUMENT_TOP`` fused scores."""
        support = np.zeros(len(self._doc_rows), dtype=np.float64)
        for d, rows in enumerate(self._doc_rows):
            if rows.size:
                support[d] = np.sort(fused[rows])[-DOCUMENT_TOP:].mean()
        return support[self._clause_doc]

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

    # -- entry point -------------------------------------------------------------------------
    def search(self, text: str, *, lang: str, k: int = 5, filters: Filters | None = None,
               prefer: tuple[str, ...] = (), evidence_text: str = "", discussed: tuple[str, ...] = (),
               conversation: tuple[str, ...] = ()) -> SearchResult:
        """Rank clauses for ``text`` (already normalised) read as ``lang`` (zh, en or mixed).

        Args:
            text: the normalised question (``qa.understand`` produces it).
            lang: which channel families read it.
            k: how many hits (1–100).
            filters: limit to documents, levels or statuses.
            prefer: document ids whose clauses' scores are multiplied by ``config.place_boost`` (the documents
                of a place the question names).
            evidence_text: when not empty, the confidence is read from this text instead of ``text`` (the
                question with the name of the document it is limited to, which ranking leaves out).
            discussed: document ids the conversation named earlier: their clauses lose the status prior (a
                user who asked about the 2007 plan still means it, though it is historical).
            conversation: document ids the earlier turns were about: their clauses' scores are multiplied by
                ``config.conversation_boost`` (a question that reads alone in a conversation most often stays
                in its document).

        Returns:
            ``SearchResult`` with at most ``k`` hits, never a clause whose fused score is zero.

        Raises:
            QueryError: ``k`` out of range.
        """
        if not 1 <= k <= 100:
            raise QueryError(f"k must be between 1 and 100, not {k}")
        mask, params = self._mask(filters)
        clause_scores, sentence_scores, features = self._channel_scores(text, lang, params)
        if not clause_scores:
            return SearchResult(query=text, hits=(), confidence=0.0)
        fused = self._fuse(clause_scores, lang, mask)
        if discussed:
            named = np.isin(self._clause_doc, [self._doc_pos[d] for d in discussed if d in self._doc_pos])
            fused = np.where(named, fused / self._prior, fused)
        for docs, boost in ((prefer, self.config.place_boost), (conversation, self.config.conversation_boost)):
            if docs and boost != 1.0:
                preferred = np.isin(self._clause_doc, [self._doc_pos[d] for d in docs if d in self._doc_pos])
                fused = np.where(preferred, fused * boost, fused)
        if evidence_text and evidence_text != text:
            features = self._channel_scores(evidence_text, lang, params)[2] or features
        confidence = self._confidence(features)
        if mask is not None:
            confidence = np.where(mask, confidence, 0.0)
        sentence_total = np.zeros(len(self._sentence_clause), dtype=np.float64)
        for scores in sentence_scores.values():
            top = float(scores.max())
            if top > 0:
                sentence_total += np.clip(scores, 0, None) / top
        hits: list[Hit] = []
        for ci in np.argsort(-fused, kind="stable")[:k]:
            if fused[ci] <= 0:
                break
            lo, hi = self._sentence_start[ci], self._sentence_start[ci + 1]
            order = tuple(int(i) for i in self._sentence_index[lo:hi][np.argsort(-sentence_total[lo:hi], kind="stable")])
            hits.append(Hit(self.ids[ci], float(fused[ci]), order[0] if order else 0, float(confidence[ci]),
                            {name: float(s[ci]) for name, s in clause_scores.items()}, order))
        return SearchResult(query=text, hits=tuple(hits), confidence=hits[0].confidence if hits else 0.0)

    def sentence_order(self, clause_id: str, text: str, lang: str) -> tuple[int, ...]:
        """A clause's sentences ordered by how well each matches ``text`` (BM25 over sentences)."""
        ci = self.library.positions[clause_id]
        lo, hi = self._sentence_start[ci], self._sentence_start[ci + 1]
        total = np.zeros(hi - lo, dtype=np.float64)
        tokens = {"zh": self.index.zh_tokenizer(text) if CJK_RE.search(text) else [],
                  "en": english_tokenize(text) if lang in ("en", "mixed") else []}
        for key, toks in tokens.items():
            if toks:
                total += self.index.bm25[f"bm25-{key}-sentence"].scores(toks)[lo:hi]
        return tuple(int(i) for i in self._sentence_index[lo:hi][np.argsort(-total, kind="stable")])
