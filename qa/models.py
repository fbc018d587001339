"""Data passed between the stages: small frozen dataclasses with stable ids."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Department:
    """A city department in its canonical form, with its English glossary name."""

    name: str
    english: str


@dataclass(frozen=True)
class Assignment:
    """Who leads and who cooperates on one stretch of a clause (one parenthetical)."""

    leads: tuple[str, ...]
    cooperates: tuple[str, ...]
    raw: str


@dataclass(frozen=True)
class Sentence:
    """One sentence of a clause in Chinese with its aligned English rendering.

    ``assignment`` is the department parenthetical that governs this sentence
    (the next one at or after it inside the clause), or None.
    """

    index: int
    zh: str
    en: str
    part: str | None = None
    assignment: Assignment | None = None


@dataclass(frozen=True)
class Part:
    """A ``一是…二是…`` part inside a measure, e.g. ``measure-1.2``."""

    id: str
    label: str
    text_zh: str
    text_en: str


@dataclass(frozen=True)
class Target:
    """A quantitative target stated in a clause, e.g. 300万元 for a national-level centre."""

    value: str
    low: float
    high: float
    unit: str
    measures: str
    year: int | None = None
    deadline: str | None = None


@dataclass(frozen=True)
class Repair:
    """One correction of the scraped source, kept as data next to the untouched copy."""

    id: str
    original: str
    corrected: str
    line: int
    clause: str
    reason: str


@dataclass(frozen=True)
class Clause:
    """One retrievable unit: a measure, goal, principle, requirement or the preamble."""

    doc_id: str
    id: str
    kind: str
    number: int | None
    group_path: tuple[str, ...]
    group_path_en: tuple[str, ...]
    title: str
    title_en: str
    text_zh: str
    text_en: str
    original_zh: str
    leads: tuple[str, ...]
    cooperates: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    parts: tuple[Part, ...] = ()
    targets: tuple[Target, ...] = ()
    repairs: tuple[str, ...] = ()
    # Colloquial phrasings of what the clause covers (doc2query-style), used only for retrieval.
    expansions_zh: tuple[str, ...] = ()
    expansions_en: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class DocumentInfo:
    """Header facts of a document."""

    id: str
    title: str
    title_en: str
    doc_number: str
    issuer: str
    signed: str
    published: str | None
    source: str | None


@dataclass(frozen=True)
class Corpus:
    """A parsed, repaired, translated document: what every later stage reads."""

    document: DocumentInfo
    clauses: tuple[Clause, ...]
    departments: dict[str, Department] = field(default_factory=dict)
    department_aliases: dict[str, str] = field(default_factory=dict)  # every glossary alias -> canonical name
    repairs: tuple[Repair, ...] = ()
    corpus_hash: str = ""

    def clause(self, clause_id: str) -> Clause:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.clauses]
