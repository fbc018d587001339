"""Data passed between the stages: small frozen dataclasses with stable ids.

A ``Library`` holds ``Document`` s; a document holds ``Clause`` s (a law's articles, a work plan's
measures, goals …). A clause id is qualified by its document: ``sme-payment-regulation-2025/article-9``,
``suifuban-2007-42/measure-12``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

KINDS = {"law": ("法律", "law"), "state_council_regulation": ("行政法规", "State Council regulation"),
         "local_regulation": ("地方性法规", "local regulation"), "departmental_rule": ("部门规章", "departmental rule"),
         "municipal_work_plan": ("市政府工作方案", "municipal work plan"), "normative_document": ("规范性文件", "normative document")}
LEVELS = {"national": ("国家", "national"), "provincial": ("省级", "provincial"), "municipal": ("市级", "municipal"),
          "district": ("区级", "district")}
STATUSES = {"in_force": ("现行有效", "in force"), "superseded": ("已被修订取代", "superseded"),
            "historical": ("历史文件", "historical plan"), "repealed": ("已废止", "repealed")}
DATE_FIELDS = ("adopted", "revised", "amended", "approved", "signed", "published", "effective", "posted")


@dataclass(frozen=True)
class Department:
    """A city department in its canonical form, with its English glossary name."""

    name: str
    english: str


@dataclass(frozen=True)
class Body:
    """A body the laws name (国务院, 县级以上地方人民政府 …) with the English every rendering uses."""

    name: str
    english: str
    contact: bool = True  # a body one can turn to (not 事业单位, 金融机构 … that the text regulates)
    aliases: tuple[str, ...] = ()  # everyday names for it (市工信局 for 市工业和信息化主管部门), Chinese or English


@dataclass(frozen=True)
class Assignment:
    """Who leads and who cooperates on one stretch of a clause (one parenthetical)."""

    leads: tuple[str, ...]
    cooperates: tuple[str, ...]
    raw: str


@dataclass(frozen=True)
class Sentence:
    """One sentence of a clause in Chinese with its aligned English rendering.

    ``part`` is the innermost part it sits in (``article-12.p2``, ``article-12.p1.i3``, ``measure-1.2``);
    ``assignment`` is the department parenthetical that governs it (work plans only).
    """

    index: int
    zh: str
    en: str
    part: str | None = None
    assignment: Assignment | None = None
    paragraph: int | None = None
    item: int | None = None


@dataclass(frozen=True)
class Part:
    """A part of a clause: a 款 paragraph, a （一） item, or a work plan's 一是/二是 part."""

    id: str  # local: measure-1.2, article-12.p2, article-12.p1.i3
    label: str  # 二是, 第二款, 第（三）项
    label_en: str  # part 2, paragraph 2, item (3)
    text_zh: str
    text_en: str


@dataclass(frozen=True)
class Target:
    """A quantitative figure stated in a clause, e.g. 300万元 for a national-level centre."""

    value: str
    low: float
    high: float
    unit: str
    measures: str
    year: int | None = None
    deadline: str | None = None
    sentence: int | None = None


@dataclass(frozen=True)
class Repair:
    """One correction of a scraped source, kept as data next to the untouched copy."""

    id: str
    original: str
    corrected: str
    line: int
    clause: str
    reason: str


@dataclass(frozen=True)
class Clause:
    """One retrievable unit: an article, or a work plan's measure, goal, principle, requirement or notice."""

    doc_id: str
    local_id: str  # article-12, measure-12, goal-2, preamble
    kind: str  # article, measure, goal, principle, requirement, guiding, preamble
    number: int | None
    group_path: tuple[str, ...]
    group_path_en: tuple[str, ...]
    title: str
    title_en: str
    text_zh: str  # paragraphs separated by "\n"
    text_en: str
    original_zh: str
    leads: tuple[str, ...]
    cooperates: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    parts: tuple[Part, ...] = ()
    targets: tuple[Target, ...] = ()
    repairs: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()  # glossary bodies the text names
    # Colloquial phrasings of what the clause covers (doc2query-style), used only for retrieval.
    expansions_zh: tuple[str, ...] = ()
    expansions_en: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """Library-wide id: ``<doc-id>/<local-id>``."""
        return f"{self.doc_id}/{self.local_id}"

    def mentions(self, term: str) -> bool:
        """Does the clause contain ``term`` word for word: Chinese in the text, English (case ignored) in the
        rendering?"""
        return term in self.text_zh or (term.isascii() and term.lower() in self.text_en.lower())

    def part(self, part_id: str) -> Part:
        for p in self.parts:
            if p.id == part_id:
                return p
        raise KeyError(part_id)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["id"] = self.id
        return data


@dataclass(frozen=True)
class DocumentInfo:
    """What a document is and whether it is in force: ``corpus/<id>/document.json`` checked against the header."""

    id: str
    title: str
    title_en: str
    kind: str
    level: str
    issuer: str
    issuer_en: str
    status: str
    structure: str
    short_names: tuple[str, ...] = ()
    short_names_en: tuple[str, ...] = ()
    doc_number: str | None = None  # None = unknown; never guessed
    doc_number_note: str | None = None
    dates: dict[str, str] = field(default_factory=dict)  # DATE_FIELDS -> ISO date
    status_note: str | None = None
    status_note_zh: str | None = None
    name_keywords: tuple[tuple[str, ...], ...] = ()  # word groups that name it loosely (广东 + 中小企业)
    superseded_by: str | None = None
    superseded_from: str | None = None
    supersedes: str | None = None
    horizon_year: int | None = None
    # (clause id, body zh, body en): who is in charge today, as a text in force names it (a historical plan's
    # own contact may be a body of its time)
    current_contact: tuple[str, str, str] | None = None
    # (local clause id, body zh, body en): the body its own text puts in charge of it (组织实施本条例; 国务院…部门
    # 对…工作进行综合协调), for "who is in charge of this regulation?"
    in_charge: tuple[str, str, str] | None = None
    edition: str | None = None
    source: str | None = None
    source_site: str | None = None  # the site the text itself names (信息来源: 中国广州政府网), else None
    chapters: tuple[str, ...] = ()
    chapters_en: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # DATE_FIELDS action -> the sitting that took it, as the header says (revised: 广东省第十三届人民代表大会常务委员会第十四次会议)
    sittings: dict[str, str] = field(default_factory=dict)

    @property
    def in_force(self) -> bool:
        return self.status == "in_force"

    @property
    def short_title(self) -> str:
        """The name a citation uses: the title, with the edition for one of several versions."""
        return self.title + (f"（{self.edition}）" if self.edition else "")

    def kind_label(self, lang: str) -> str:
        return KINDS[self.kind][0 if lang == "zh" else 1]

    def level_label(self, lang: str) -> str:
        return LEVELS[self.level][0 if lang == "zh" else 1]

    def status_label(self, lang: str) -> str:
        return STATUSES[self.status][0 if lang == "zh" else 1]


@dataclass(frozen=True)
class Document:
    """A parsed, repaired, translated document: its facts, its clauses, its repairs."""

    info: DocumentInfo
    clauses: tuple[Clause, ...]
    repairs: tuple[Repair, ...] = ()
    content_hash: str = ""
    folder: Path | None = None

    @property
    def id(self) -> str:
        return self.info.id


@dataclass(frozen=True)
class Library:
    """Every document of a corpus folder plus the shared glossary: what every later stage reads.

    Example:
        >>> lib = load_library()  # doctest: +SKIP
        >>> lib.clause("suifuban-2007-42/measure-12").leads
        ('市经贸委', '市科技局')
    """

    documents: tuple[Document, ...]
    departments: dict[str, Department] = field(default_factory=dict)
    department_aliases: dict[str, str] = field(default_factory=dict)  # every glossary alias -> canonical name
    bodies: dict[str, Body] = field(default_factory=dict)
    corpus_hash: str = ""
    root: Path | None = None

    @cached_property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(c for d in self.documents for c in d.clauses)

    @cached_property
    def _by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}

    @cached_property
    def _docs(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    @cached_property
    def positions(self) -> dict[str, int]:
        """Clause id -> row in ``clauses`` (the order every index array follows)."""
        return {c.id: i for i, c in enumerate(self.clauses)}

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.clauses]

    @property
    def doc_ids(self) -> list[str]:
        return [d.id for d in self.documents]

    @property
    def repairs(self) -> tuple[Repair, ...]:
        return tuple(r for d in self.documents for r in d.repairs)

    def clause(self, clause_id: str) -> Clause:
        """A clause by its qualified id; ``KeyError`` for an unknown one."""
        return self._by_id[clause_id]

    def has_clause(self, clause_id: str) -> bool:
        return clause_id in self._by_id

    def documents_of(self, clause_ids) -> tuple[str, ...]:
        """The documents ``clause_ids`` come from, in order of first appearance, each once."""
        return tuple(dict.fromkeys(self._by_id[c].doc_id for c in clause_ids))

    def document(self, doc_id: str) -> Document:
        return self._docs[doc_id]

    def has_document(self, doc_id: str) -> bool:
        return doc_id in self._docs

    def info(self, doc_id: str) -> DocumentInfo:
        return self._docs[doc_id].info

    def in_charge_clause(self, doc_id: str) -> Clause | None:
        """The article that puts a body in charge of ``doc_id`` (``DocumentInfo.in_charge``, from its
        document.json), or None when the metadata names none or that clause is missing."""
        charge = self.info(doc_id).in_charge
        clause_id = f"{doc_id}/{charge[0]}" if charge else None
        return self._by_id[clause_id] if clause_id in self._by_id else None

    def department_english(self, name: str) -> str:
        dept = self.departments.get(name)
        return dept.english if dept else name
