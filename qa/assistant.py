"""The one object an application holds: corpus + encoders + verified index + retriever.

    >>> from qa import Assistant
    >>> bot = Assistant()                      # builds index/ on first use (auto_build=True)
    >>> bot.ask("研发投入能税前抵扣吗？").citations[0].clause_id   # doctest: +SKIP
    'measure-13'

``search`` and ``ask`` only read shared state, so one instance serves many threads.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from qa.answer import (
    EMPTY_EN,
    EMPTY_ZH,
    GREETING_EN,
    GREETING_ZH,
    Answer,
    answer_language,
    compose,
    has_content,
    is_greeting,
    simple_answer,
)
from qa.corpus import load_corpus
from qa.embed import load_encoder
from qa.errors import IndexStateError, QAError, QueryError
from qa.index import Progress, build_index, index_dir_from_env, load_index
from qa.normalize import MAX_QUESTION_CHARS
from qa.retrieve import DEFAULT_WEIGHTS, RetrievalConfig, Retriever, SearchResult
from qa.scope import ScopeGuard

log = logging.getLogger(__name__)

# Chosen on the dev half of the gold set; the table behind each number is in README.md.
DEFAULT_ENCODERS: tuple[str, ...] = ("minilm", "use")
# Per answer language, from ``calibrate_by_language`` on the dev split (``qa report`` prints it).
DEFAULT_THRESHOLDS: dict[str, float] = {"zh": 0.273, "en": 0.404}


def _limit_threads() -> None:
    """Two cores: keep torch/BLAS/FAISS from each starting a pool per request."""
    threads = int(os.environ.get("QA_TORCH_THREADS", "1"))
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:  # torch is only needed for sentence-transformers models
        pass
    import faiss

    faiss.omp_set_num_threads(1)


@dataclass(frozen=True)
class AssistantConfig:
    """Everything that decides what the assistant answers. Environment variables are fallbacks only."""

    corpus_dir: Path | None = None
    index_dir: Path | None = None
    encoders: tuple[str, ...] = DEFAULT_ENCODERS
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    fusion: str = "weighted"
    normalization: str = "minmax"
    abstain_thresholds: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    abstain_threshold: float | None = None  # one threshold for every language; overrides the above
    auto_build: bool = True
    expansions: bool = True  # index the colloquial phrasings of corpus/*/plain_language.json

    @classmethod
    def from_env(cls, **overrides) -> AssistantConfig:
        env = {}
        if os.environ.get("QA_MODELS"):
            env["encoders"] = tuple(m.strip() for m in os.environ["QA_MODELS"].split(",") if m.strip())
        if os.environ.get("QA_INDEX_DIR"):
            env["index_dir"] = Path(os.environ["QA_INDEX_DIR"])
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)

    def __post_init__(self) -> None:
        if self.abstain_threshold is not None and not 0.0 <= self.abstain_threshold <= 1.0:
            raise ValueError(f"abstain_threshold must be within [0, 1], not {self.abstain_threshold}")
        if set(self.abstain_thresholds) != {"zh", "en"} or not all(
                0.0 <= t <= 1.0 for t in self.abstain_thresholds.values()):
            raise ValueError("abstain_thresholds needs a zh and an en threshold within [0, 1], "
                             f"not {self.abstain_thresholds}")
        RetrievalConfig(weights=self.weights, fusion=self.fusion, normalization=self.normalization)

    def threshold_for(self, question_lang: str) -> float:
        """The confidence below which a question in ``question_lang`` (zh or en) is not answered."""
        if self.abstain_threshold is not None:
            return self.abstain_threshold
        return self.abstain_thresholds[question_lang]


class Assistant:
    """Load once, then ``search`` and ``ask`` from any number of threads."""

    def __init__(self, config: AssistantConfig | None = None, *, progress: Progress | None = None) -> None:
        self.config = config or AssistantConfig.from_env()
        _limit_threads()
        self.corpus = load_corpus(self.config.corpus_dir)
        self.encoders = [load_encoder(spec) for spec in self.config.encoders]
        index_dir = self.config.index_dir or index_dir_from_env()
        say = progress or (lambda msg: print(f"[qa] {msg}", file=sys.stderr))
        try:
            index = load_index(self.corpus, self.encoders, index_dir, expansions=self.config.expansions)
        except IndexStateError as e:
            if not self.config.auto_build:
                raise
            say(f"{e} — building the index now")
            build_index(self.corpus, self.encoders, index_dir, progress=say, expansions=self.config.expansions)
            index = load_index(self.corpus, self.encoders, index_dir, expansions=self.config.expansions)
        self.index = index
        self.scope = ScopeGuard()
        self.retriever = Retriever(self.corpus, index, RetrievalConfig(
            weights=self.config.weights, fusion=self.config.fusion, normalization=self.config.normalization))

    def search(self, query: str, *, k: int = 5) -> SearchResult:
        """Ranked clauses for ``query``; ``QueryError`` for text that is not a question we can process."""
        return self.retriever.search(query, k=k)

    def ask(self, question: str, *, lang: str | None = None) -> Answer:
        """A grounded answer, an abstention, a greeting or a clear message; never an exception for bad text."""
        if lang not in (None, "zh", "en"):
            raise QAError(f"lang must be 'zh' or 'en', not {lang!r}")
        if not isinstance(question, str):
            return simple_answer(str(question)[:100], lang or "zh", "invalid", zh="问题必须是文字。",
                                 en="The question must be text.")
        if len(question) > MAX_QUESTION_CHARS:
            answer_lang = lang or answer_language(question[:MAX_QUESTION_CHARS])
            return simple_answer(question[:200], answer_lang, "invalid",
                                 zh=f"问题过长（{len(question):,}字），请缩短到{MAX_QUESTION_CHARS:,}字以内。",
                                 en=f"The question is too long ({len(question):,} characters); "
                                    f"please shorten it to {MAX_QUESTION_CHARS:,} or fewer.")
        question_lang = answer_language(question)  # picks the threshold; ``lang`` only sets the reply language
        answer_lang = lang or question_lang
        if not has_content(question):
            return simple_answer(question, answer_lang, "empty", zh=EMPTY_ZH, en=EMPTY_EN)
        if is_greeting(question):
            return Answer(question=question, lang=answer_lang, status="greeting", abstained=False,
                          answer=GREETING_ZH if answer_lang == "zh" else GREETING_EN)
        try:
            result = self.retriever.search(question, k=4)
        except QueryError as e:
            return simple_answer(question, answer_lang, "invalid", zh=str(e), en=str(e))
        return compose(self.corpus, result, lang=answer_lang, threshold=self.config.threshold_for(question_lang),
                       scope_cues=self.scope.cues(question))
