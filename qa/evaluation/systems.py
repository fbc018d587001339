"""Named systems for evaluation and ablation, all behind the assistant's ``search`` / ``ask`` interface.

Each system gets its own index folder, so they never overwrite each other. They are built with the
abstention threshold at 0, so ``qa eval`` can apply calibrated thresholds afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qa.assistant import DEFAULT_ENCODERS, DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, Assistant, AssistantConfig
from qa.errors import QAError


@dataclass(frozen=True)
class SystemSpec:
    name: str
    description: str
    encoders: tuple[str, ...] = ()
    weights: dict[str, float] = field(default_factory=dict)
    expansions: bool = True
    peer_baseline: bool = False


SYSTEMS: dict[str, SystemSpec] = {s.name: s for s in (
    SystemSpec("bm25-zh", "jieba BM25 over Chinese clauses only", (), {"bm25-zh": 1.0}),
    SystemSpec("bm25", "jieba BM25 (Chinese) + BM25 over the English rendering", (), {"bm25-zh": 1.0, "bm25-en": 1.0}),
    SystemSpec("minilm", "all-MiniLM-L6-v2 alone (English rendering)", ("minilm",), {"dense-0": 1.0}),
    SystemSpec("use", "multilingual USE v3 alone (Chinese + English)", ("use",), {"dense-0": 1.0}),
    SystemSpec("default-no-expansions", "the default without the work plan's colloquial phrasings",
               DEFAULT_ENCODERS, dict(DEFAULT_WEIGHTS), expansions=False),
    SystemSpec("default", "BM25 zh+en + MiniLM + USE, min-max weighted sum, status prior, intents",
               DEFAULT_ENCODERS, dict(DEFAULT_WEIGHTS)),
    SystemSpec("peer-baseline", "Langchain-Chatchat style: 250-char chunks/50 overlap, jieba BM25 + USE, RRF 0.5/0.5",
               ("use",), peer_baseline=True),
)}


def make_system(name: str, *, index_root: Path):
    """Build (or load) the named system with its abstention threshold at 0."""
    if name not in SYSTEMS:
        raise QAError(f"unknown system {name!r}; choose one of: {', '.join(SYSTEMS)}")
    spec = SYSTEMS[name]
    if spec.peer_baseline:
        return PeerSystem(spec)
    config = AssistantConfig(index_dir=index_root / name, encoders=spec.encoders, weights=spec.weights,
                             expansions=spec.expansions, abstain_threshold=0.0, warm_up=False)
    return Assistant(config, progress=lambda _m: None)


def configured_thresholds(name: str) -> dict[str, float] | None:
    """The default keeps its configured thresholds (the numbers are what users get); others are calibrated on dev."""
    return dict(DEFAULT_THRESHOLDS) if name == "default" else None


class PeerSystem:
    """The peer baseline wrapped in the assistant's interface: search ranks clauses, ask quotes the top chunk."""

    def __init__(self, spec: SystemSpec) -> None:
        from qa.evaluation.baseline import PeerBaseline
        from qa.index.embed import load_encoder
        from qa.index.store import user_words
        from qa.index.tokenize import ChineseTokenizer
        from qa.ingest.library import load_library

        self.library = load_library()
        self.baseline = PeerBaseline(self.library, load_encoder(spec.encoders[0]),
                                     ChineseTokenizer(user_words(self.library)))

    def search(self, question: str, *, k: int = 10, selection=None, history=()):
        """The baseline's ranking; it has no conversation, so ``history`` is not read."""
        from qa.retrieve.retriever import Hit, SearchResult

        docs = selection.documents if selection else None
        ranking, similarity = self.baseline.search(question, k=k, documents=docs)
        return SearchResult(question, tuple(Hit(c, 1.0, 0, similarity) for c in ranking), similarity)

    def ask(self, question: str, *, history=(), selection=None, lang=None):
        from qa.answer.citation import make_citation
        from qa.answer.models import Answer
        from qa.understand.language import answer_language

        try:
            result = self.search(question, k=1, selection=selection)
        except QAError:
            return Answer(question=question, lang="zh", status="invalid", abstained=True, answer="")
        if not result.hits:
            return Answer(question=question, lang="zh", status="abstained", abstained=True, answer="")
        clause = self.library.clause(result.hits[0].clause_id)
        lang = answer_language(question)
        return Answer(question=question, lang=lang, status="answered", abstained=False, intent="topical",
                      answer=clause.text_zh, citations=(make_citation(self.library, clause),),
                      confidence=result.confidence)
