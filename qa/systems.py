"""Named retrieval systems for evaluation and ablation, all behind one call signature.

``make_system(name, ...)`` returns a function ``question -> Outcome parts`` (ranking, abstained,
confidence). Each system gets its own index folder, so they never overwrite each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qa.assistant import DEFAULT_ENCODERS, DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, Assistant, AssistantConfig
from qa.errors import QAError
from qa.evaluate import RawOutcome, Thresholds, calibrate_by_language

Answerer = Callable[[str], tuple[list[str], bool, float]]


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
    SystemSpec("bm25", "jieba BM25 (Chinese) + BM25 over the English rendering", (),
               {"bm25-zh": 1.0, "bm25-en": 1.0}),
    SystemSpec("minilm", "all-MiniLM-L6-v2 alone (English rendering)", ("minilm",), {"dense-0": 1.0}),
    SystemSpec("use", "multilingual USE v3 alone (Chinese + English)", ("use",), {"dense-0": 1.0}),
    SystemSpec("default-no-expansions", "the default without the colloquial phrasings",
               DEFAULT_ENCODERS, dict(DEFAULT_WEIGHTS), expansions=False),
    SystemSpec("default", "BM25 zh+en + MiniLM + USE, min-max weighted sum, with colloquial phrasings",
               DEFAULT_ENCODERS, dict(DEFAULT_WEIGHTS)),
    SystemSpec("peer-baseline", "Langchain-Chatchat style: 250-char chunks/50 overlap, jieba BM25 + USE, RRF 0.5/0.5",
               ("use",), peer_baseline=True),
)}


def system_thresholds(name: str, raw_dev: list[RawOutcome]) -> Thresholds:
    """The default keeps its configured thresholds (so the numbers are what users get); every other
    system is calibrated on dev by the same rule, so each is compared at its best."""
    return dict(DEFAULT_THRESHOLDS) if name == "default" else calibrate_by_language(raw_dev)


def make_system(name: str, *, index_root: Path, threshold: float | None = None) -> Answerer:
    """Build (or load) the named system; ``threshold`` overrides its abstention threshold."""
    if name not in SYSTEMS:
        raise QAError(f"unknown retriever {name!r}; choose one of: {', '.join(SYSTEMS)}")
    spec = SYSTEMS[name]
    if spec.peer_baseline:
        return _peer(spec, index_root, threshold)
    config = AssistantConfig(index_dir=index_root / name, encoders=spec.encoders, weights=spec.weights,
                             expansions=spec.expansions,
                             **({"abstain_threshold": threshold} if threshold is not None else {}))
    bot = Assistant(config, progress=lambda _m: None)

    def answer(question: str) -> tuple[list[str], bool, float]:
        try:
            ranking = [h.clause_id for h in bot.search(question, k=10).hits]
        except QAError:
            ranking = []
        ans = bot.ask(question)
        return ranking, ans.abstained or ans.status == "greeting", ans.confidence

    answer.assistant = bot  # type: ignore[attr-defined]
    return answer


def _peer(spec: SystemSpec, index_root: Path, threshold: float | None) -> Answerer:
    from qa.baseline import PeerBaseline
    from qa.corpus import load_corpus
    from qa.embed import load_encoder
    from qa.index import user_words
    from qa.tokenize import ChineseTokenizer

    corpus = load_corpus()
    baseline = PeerBaseline(corpus, load_encoder(spec.encoders[0]), ChineseTokenizer(user_words(corpus)))

    def answer(question: str) -> tuple[list[str], bool, float]:
        try:
            ranking, similarity = baseline.search(question, k=10)
        except QAError:
            return [], True, 0.0
        return ranking, threshold is not None and similarity < threshold, similarity

    return answer
