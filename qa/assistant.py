"""The one object an application holds: library + encoders + verified index + understanding + answering.

    >>> from qa import Assistant
    >>> bot = Assistant()                      # builds the index on first use (auto_build=True)
    >>> bot.ask("大企业拖欠中小企业货款，最长多少天要付？").citations[0].clause_id   # doctest: +SKIP
    'sme-payment-regulation-2025/article-9'

``search`` and ``ask`` only read shared state, so one instance serves many threads.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from qa import paths
from qa.answer.compose import EMPTY, merge_answers
from qa.answer.compose import answer as compose_answer
from qa.answer.handlers.common import Deps, simple_answer
from qa.answer.models import Answer
from qa.errors import IndexStateError, QAError, QueryError
from qa.index.embed import load_encoder
from qa.index.store import Progress, build_index, load_index
from qa.ingest.library import load_library
from qa.normalize import MAX_QUESTION_CHARS, check_length, normalize
from qa.retrieve.retriever import DEFAULT_WEIGHTS, STATUS_PRIOR, Filters, Hit, RetrievalConfig, Retriever, SearchResult
from qa.understand.compound import needs_previous, respectively, sub_questions
from qa.understand.conversation import MAX_HISTORY_CHARS, MAX_HISTORY_TURNS, clean_history, context_of
from qa.understand.language import answer_language, only_language_request
from qa.understand.query import Query, Understander
from qa.understand.scope import ScopeGuard

log = logging.getLogger(__name__)

# Chosen on the dev half of the gold set; the table behind each number is in README.md.
DEFAULT_ENCODERS: tuple[str, ...] = ("minilm", "use")
# Per answer language, from ``calibrate_by_language`` on the dev split (``qa report`` prints it).
DEFAULT_THRESHOLDS: dict[str, float] = {"zh": 0.268, "en": 0.386, "zh/workplan": 0.340, "en/workplan": 0.446,
                                         "zh/articles": 0.221, "en/articles": 0.298}
# A question that found nothing alone is answered as a follow-up when its own words give the clause found at
# least this share of the evidence threshold.
FOLLOW_UP_EVIDENCE = 0.5  # dev: 0.3 fixed 4 follow-ups, 0.5 three, 0.8 one; a fresh user found 0.3 let an earlier topic answer a new one
WARM_UP = ("研发投入能税前抵扣吗？", "Can I get a loan guarantee?", "市科技局牵头哪些措施？")


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
    """Everything that decides what the assistant answers. Environment variables are fallbacks only.

    Args:
        corpus_dir: the library folder (default: ``QA_CORPUS_DIR`` or the bundled library).
        index_dir: the index folder (default: ``QA_INDEX_DIR`` or one per library, see ``qa.paths``).
        encoders: dense encoders: ``minilm``, ``use``, ``hashing-<dim>`` or a sentence-transformers name/path.
        weights, fusion, normalization, status_prior: retrieval settings (``RetrievalConfig``).
        abstain_thresholds: evidence below which a question in zh / en is "not covered" (0–1).
        abstain_threshold: one threshold for every language; overrides the above.
        auto_build: build a missing or stale index instead of raising ``IndexStateError``.
        expansions: index the colloquial phrasings of ``plain_language.json``.
        warm_up: ask a few questions at load so the first real one is as fast as the rest.
    """

    corpus_dir: Path | None = None
    index_dir: Path | None = None
    encoders: tuple[str, ...] = DEFAULT_ENCODERS
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    fusion: str = "weighted"
    normalization: str = "minmax"
    status_prior: dict[str, float] = field(default_factory=lambda: dict(STATUS_PRIOR))
    abstain_thresholds: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    abstain_threshold: float | None = None
    auto_build: bool = True
    expansions: bool = True
    warm_up: bool = True

    @classmethod
    def from_env(cls, **overrides) -> AssistantConfig:
        """Config from ``QA_MODELS`` / ``QA_INDEX_DIR`` / ``QA_CORPUS_DIR``, then ``overrides`` (None = not given)."""
        env: dict = {}
        if os.environ.get("QA_MODELS"):
            env["encoders"] = tuple(m.strip() for m in os.environ["QA_MODELS"].split(",") if m.strip())
        if os.environ.get("QA_INDEX_DIR"):
            env["index_dir"] = Path(os.environ["QA_INDEX_DIR"])
        if os.environ.get("QA_CORPUS_DIR"):
            env["corpus_dir"] = Path(os.environ["QA_CORPUS_DIR"])
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)

    def __post_init__(self) -> None:
        if self.abstain_threshold is not None and not 0.0 <= self.abstain_threshold <= 1.0:
            raise ValueError(f"abstain_threshold must be within [0, 1], not {self.abstain_threshold}")
        allowed = {"zh", "en"} | {f"{lang}/{s}" for lang in ("zh", "en") for s in ("articles", "workplan")}
        if not {"zh", "en"} <= set(self.abstain_thresholds) <= allowed or not all(
                0.0 <= t <= 1.0 for t in self.abstain_thresholds.values()):
            raise ValueError("abstain_thresholds needs a zh and an en threshold (and optionally zh/articles, "
                             f"en/articles …) within [0, 1], not {self.abstain_thresholds}")
        RetrievalConfig(weights=self.weights, fusion=self.fusion, normalization=self.normalization,
                        status_prior=self.status_prior)

    def thresholds(self) -> dict[str, float]:
        """The threshold per answer language (one shared value when ``abstain_threshold`` is set)."""
        if self.abstain_threshold is not None:
            return {"zh": self.abstain_threshold, "en": self.abstain_threshold}
        return dict(self.abstain_thresholds)


@dataclass(frozen=True)
class Selection:
    """Which documents a question is limited to: ids, levels, statuses (None = no limit)."""

    documents: tuple[str, ...] | None = None
    levels: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None


def direct_hits(query: Query, library) -> list[str]:
    """Clauses a question names outright: by number (resolved within its documents), or as the ones a
    department it names leads. Used to put them first in a search ranking."""
    from qa.answer.handlers.clauses import candidate_documents, resolve

    out: list[str] = []
    for ref in query.refs:
        for doc_id in candidate_documents(ref, query, library)[:1]:
            clause = resolve(ref, doc_id, library)
            if clause and clause.id not in out:
                out.append(clause.id)
    if query.intent == "department":
        for mention in query.departments:
            out += [c.id for c in library.clauses if mention.name in c.leads and c.id not in out
                    and (not query.scope or c.doc_id in query.scope)]
    return out


class Assistant:
    """Load once, then ``search`` and ``ask`` from any number of threads."""

    def __init__(self, config: AssistantConfig | None = None, *, progress: Progress | None = None) -> None:
        self.config = config or AssistantConfig.from_env()
        _limit_threads()
        self.library = load_library(self.config.corpus_dir)
        self.encoders = [load_encoder(spec) for spec in self.config.encoders]
        index_dir = paths.index_dir(self.config.index_dir, corpus=self.library.root)
        say = progress or (lambda msg: print(f"[qa] {msg}", file=sys.stderr))
        try:
            index = load_index(self.library, self.encoders, index_dir, expansions=self.config.expansions)
        except IndexStateError as e:
            if not self.config.auto_build:
                raise
            say(f"{e} — building the index now")
            build_index(self.library, self.encoders, index_dir, progress=say, expansions=self.config.expansions)
            index = load_index(self.library, self.encoders, index_dir, expansions=self.config.expansions)
        self.index = index
        self.retriever = Retriever(self.library, index, RetrievalConfig(
            weights=self.config.weights, fusion=self.config.fusion, normalization=self.config.normalization,
            status_prior=self.config.status_prior))
        synonyms_path = self.library.root / "synonyms.json"
        synonyms = json.loads(synonyms_path.read_text(encoding="utf-8")) if synonyms_path.exists() else {}
        self.understander = Understander(self.library, ScopeGuard(self.library.root / "scope_cues.json"), synonyms=synonyms)
        self.deps = Deps(library=self.library, retriever=self.retriever, documents=self.understander.documents,
                         thresholds=self.config.thresholds())
        # The configured thresholds, also when evaluation runs with them at 0 and applies them afterwards: the
        # second reading of a question that found nothing must decide as the app would.
        self._configured = replace(self.deps, thresholds=dict(self.config.abstain_thresholds))
        if self.config.warm_up:
            for q in WARM_UP:  # jieba's dictionary, both encoders, numpy/FAISS code paths
                self.ask(q)

    # -- selection -------------------------------------------------------------------------
    def selected_documents(self, selection: Selection | None) -> tuple[str, ...] | None:
        """The document ids a selection allows (None = the whole library); ``QAError`` for an unknown id or a
        selection no document matches."""
        if selection is None or (selection.documents, selection.levels, selection.statuses) == (None, None, None):
            return None
        docs = []
        for d in self.library.documents:
            if selection.documents is not None and d.id not in selection.documents:
                continue
            if selection.levels is not None and d.info.level not in selection.levels:
                continue
            if selection.statuses is not None and d.info.status not in selection.statuses:
                continue
            docs.append(d.id)
        unknown = [d for d in selection.documents or () if not self.library.has_document(d)]
        if unknown:
            raise QAError(f"unknown document {unknown[0]!r}; list them with `qa documents` ({', '.join(self.library.doc_ids)})")
        if not docs:  # an empty selection must not fall back to the whole library (`qa ask --status repealed`)
            present = sorted({f"{d.info.level}/{d.info.status}" for d in self.library.documents})
            asked = "; ".join(f"{name}: {', '.join(values)}" for name, values in (
                ("documents", selection.documents), ("levels", selection.levels), ("statuses", selection.statuses)) if values)
            raise QAError(f"no document of the library matches the selection ({asked}); its documents are "
                          f"{', '.join(present)} (level/status) — see `qa documents`")
        return tuple(docs)

    # -- entry points ----------------------------------------------------------------------
    def search(self, question: str, *, k: int = 5, selection: Selection | None = None,
               history: list | tuple = ()) -> SearchResult:
        """Ranked clauses for ``question`` (at most ``k``): clauses it names by number first, then the clauses a
        department it names leads, then retrieval. ``history`` (earlier questions, oldest first) is read as
        ``ask`` reads it: a follow-up ranks within the earlier turn's documents, its clauses first.
        ``QueryError`` for text that cannot be searched (far too long)."""
        if not isinstance(question, str):
            raise QueryError(f"the question must be text, not {type(question).__name__}")
        check_length(question)
        query = self.understand(question, history=history, selection=selection)
        if query.followup and query.context and query.context.clause_ids:
            from qa.answer.handlers.retrieval import retrieve

            return retrieve(query, self._configured, k=k)[0]
        docs = query.scope
        filters = Filters(documents=tuple(docs)) if docs else None
        # The same text the answer's retrieval reads (the topic, with the texts' terms after everyday words).
        result = self.retriever.search(query.retrieval_text or query.content or query.text, lang=query.channels, k=k,
                                       filters=filters, prefer=() if docs else query.places,
                                       discussed=() if docs else query.discussed,
                                       conversation=() if docs else query.conversation)
        first = direct_hits(query, self.library)
        if not first:
            return result
        hits = [Hit(cid, 1.0, 0, 1.0, {}, ()) for cid in first]
        hits += [h for h in result.hits if h.clause_id not in set(first)]
        return SearchResult(query=result.query, hits=tuple(hits[:max(k, len(first))]), confidence=1.0)

    def understand(self, question: str, *, history: list | tuple = (), selection: Selection | None = None) -> Query:
        """The ``Query`` for ``question`` in its conversation (see ``qa.understand``)."""
        selected = self.selected_documents(selection)
        return self.understander.understand(question, selected=selected, context=self._context(history, selected))

    def _context(self, history, selected: tuple[str, ...] | None):
        """The conversation's context after its earlier questions (None without history)."""
        context = None
        for earlier in clean_history(history):
            q = self.understander.understand(earlier, selected=selected, context=context)
            context = context_of(q, compose_answer(q, self.deps), previous=context)
        return context

    def ask(self, question: str, *, history: list | tuple = (), lang: str | None = None,
            selection: Selection | None = None) -> Answer:
        """A grounded answer, an abstention, a greeting or a clear message; never an exception for bad text.

        Args:
            question: the question, in Chinese or English (at most 1,000 characters).
            history: the earlier questions of the conversation, oldest first (only the last
                ``MAX_HISTORY_TURNS`` turns and ``MAX_HISTORY_CHARS`` characters are read).
            lang: ``zh`` or ``en`` to force the reply language; None answers in the question's language.
            selection: limit to documents / levels / statuses.

        Raises:
            QAError: only for a bad ``lang``, an unknown document in ``selection`` or a selection no document
                matches (programming errors).
        """
        if lang not in (None, "", "zh", "en"):
            raise QAError(f"lang must be 'zh' or 'en', not {lang!r}")
        if not isinstance(question, str):
            return simple_answer(str(question)[:100], lang or "zh", "invalid", zh="问题必须是文字。",
                                 en="The question must be text.")
        if len(question) > MAX_QUESTION_CHARS:
            answer_lang = lang or answer_language(normalize(question[:MAX_QUESTION_CHARS]))
            return simple_answer(question[:200], answer_lang, "invalid",
                                 zh=f"问题过长（{len(question):,}字），请缩短到{MAX_QUESTION_CHARS:,}字以内。",
                                 en=f"The question is too long ({len(question):,} characters); "
                                    f"please shorten it to {MAX_QUESTION_CHARS:,} or fewer.")
        if asked := only_language_request(normalize(question)):
            earlier = clean_history(history)
            if not earlier:  # nothing to answer again: ask for a question, in the language asked for
                return simple_answer(question, asked, "empty", zh=EMPTY["zh"], en=EMPTY["en"])
            # "请用英文回答" / "answer in Chinese please": the earlier question again, in that language
            return self._answer(earlier[-1], history=earlier[:-1], lang=asked, selection=selection)
        parts = sub_questions(question)
        if parts:  # "国家级奖励多少？到2010年比重目标是多少？": each question answered on its own
            answers = []
            alone = bool(respectively(question))  # 创业基地和专业镇分别…: 专业镇要搞多少个 is no follow-up
            for n, part in enumerate(parts):
                earlier = list(history) + (list(parts[:n]) if n and not alone and needs_previous(part) else [])
                answers.append(self._answer(part, history=earlier, lang=lang, selection=selection))
            return merge_answers(question, answers)
        return self._answer(question, history=history, lang=lang, selection=selection)

    def _answer(self, question: str, *, history, lang: str | None, selection: Selection | None,
                widened: bool = False) -> Answer:
        selected = self.selected_documents(selection)
        context = self._context(history, selected)
        query = self.understander.understand(question, selected=selected, context=context)
        if lang:
            query = replace(query, lang=lang)
        answer = compose_answer(query, self.deps)
        if context is not None and context.clause_ids and not query.followup and self._weak(answer, query):
            # Read alone it found nothing ("能用银行保函代替吗？" after a question on deposits): read it as leaning on
            # the earlier turn, and keep that reading when the question's own words support the clause it finds.
            second = self.understander.understand(question, selected=selected, context=context, as_followup=True)
            if second.followup:
                if lang:
                    second = replace(second, lang=lang)
                found = compose_answer(second, self.deps)
                if not found.abstained and found.citations and self._own_evidence(second, found.citations[0].clause_id):
                    return found
        if widened:
            return answer  # asked again over a wider scope by one of the branches below: no further widening
        if answer.status in ("abstained", "out_of_scope", "not_stated") and selected is not None and answer.intent != "document":
            # (A fact the chosen document's own text lacks, its adoption date, is no topic another document covers.)
            answer = self._elsewhere(answer, question, history=history, lang=lang)
        elif selected is not None and not query.refs and (places := self.understander.documents.of_places(query.content)) \
                and not set(places) & set(selected):
            # "广州市对民营企业用地有什么支持？" with only the national laws chosen: answered from them, and said
            # where the place's own documents (outside the choice) speak of it.
            answer = self._place_outside(answer, question, history=history, lang=lang, places=places)
        elif answer.status in ("abstained", "not_stated") and query.documents and query.retrieval_text.strip():
            # "广州条例规定逾期利息万分之五对吗？": the document the question names is silent; asked without its name,
            # the whole library may answer (the payment regulation).
            answer = self._elsewhere(answer, query.retrieval_text.strip(), history=history, lang=lang or query.lang,
                                     named=query.documents, by_place=set(query.documents) <= set(query.places))
        return answer

    def _elsewhere(self, answer: Answer, question: str, *, history, lang: str | None, named: tuple[str, ...] = (),
                   by_place: bool = False) -> Answer:
        """A question the chosen documents do not cover, that the whole library answers: say where, so the user
        can widen the choice ("大企业拖欠货款几多日要还？" with only the 2007 plan chosen: the payment regulation).
        ``named``: the documents the question named (asked again without their names), none chosen; ``by_place``:
        named by a place only ("…in Guangzhou?"), so the place is what to leave out."""
        wider = self._answer(question, history=history, lang=lang, selection=None, widened=True)
        if (wider.abstained and (wider.status != "not_stated" or answer.status == "not_stated")) or not wider.citations:
            return answer  # (a clause that touches the topic without the figure asked is still worth a look)
        if answer.status == "not_stated" and wider.citations[0].clause_id == answer.citations[0].clause_id:
            return answer
        cite = wider.citations[0]
        if named and self.library.clause(cite.clause_id).doc_id in named:
            return answer
        stated = answer.status == "not_stated"  # the chosen documents touch the topic without the fact asked
        if named:
            # (The answer above already says the named document is silent.)
            what_zh, what_en = ("地方", "the place") if by_place else ("文件", "a document")
            note = (f"在全部文件中，{cite.cite_zh.lstrip('— ')}有相关规定（不指明{what_zh}再问即可查看）。" if answer.lang == "zh" else
                    f"In the whole library, {cite.cite_en.lstrip('— ')} does (ask again without naming {what_en} to see it).")
        else:
            note = (f"所选文件{'没有写明这一点' if stated else '没有涉及这个问题'}；在全部文件中，{cite.cite_zh.lstrip('— ')}有相关规定"
                    "（文件范围选“全部文件”可查看）。"
                    if answer.lang == "zh" else
                    f"The chosen documents {'do not state this' if stated else 'do not cover this'}; in the whole library, "
                    f"{cite.cite_en.lstrip('— ')} does (choose “All documents” to see it).")
        return replace(answer, notes=answer.notes + (note,))

    def _place_outside(self, answer: Answer, question: str, *, history, lang: str | None,
                       places: tuple[str, ...]) -> Answer:
        """``answer`` with a note naming the clause of the place's own documents that answers ``question``, when
        the chosen documents leave them out; ``answer`` unchanged when those documents do not answer it."""
        wider = self._answer(question, history=history, lang=lang, selection=Selection(documents=places), widened=True)
        if wider.abstained or not wider.citations:
            return answer
        cite = wider.citations[0]
        note = (f"所问地方的文件不在所选范围内：{cite.cite_zh.lstrip('— ')}有相关规定（文件范围选“全部文件”可查看）。"
                if answer.lang == "zh" else
                f"The documents of the place asked about are outside the choice: {cite.cite_en.lstrip('— ')} speaks to "
                "this (choose “All documents” to see it).")
        return replace(answer, notes=answer.notes + (note,))

    def _weak(self, answer: Answer, query: Query) -> bool:
        """Not covered, or (when thresholds are applied later, as evaluation does) evidence below the configured
        threshold of the clause's kind of document."""
        if answer.status == "abstained":
            return True
        if answer.abstained or answer.intent not in ("topical", "figure", "contact") or not answer.citations:
            return False
        # The question's language: a mixed question's lower bar decides abstaining, not whether to read it again
        # as a follow-up (an answer above it may still be weaker than the earlier turn's topic).
        return answer.confidence < self._configured.threshold_for_clause(query.question_lang or query.lang,
                                                                         answer.citations[0].clause_id)

    def _own_evidence(self, query: Query, clause_id: str) -> bool:
        """Do the question's own words (without the earlier turn's) support ``clause_id`` well enough?"""
        doc_id = self.library.clause(clause_id).doc_id
        own = self.retriever.search(self.understander.with_synonyms(query.content), lang=query.channels, k=100,
                                    filters=Filters(documents=(doc_id,)))
        evidence = next((h.confidence for h in own.hits if h.clause_id == clause_id), 0.0)
        return evidence >= FOLLOW_UP_EVIDENCE * self._configured.threshold_for_clause(query.evidence_lang, clause_id)


__all__ = ["Assistant", "AssistantConfig", "Selection", "DEFAULT_ENCODERS", "DEFAULT_THRESHOLDS", "DEFAULT_WEIGHTS",
           "MAX_HISTORY_TURNS", "MAX_HISTORY_CHARS"]
