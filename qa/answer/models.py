"""What the assistant says: an ``Answer`` with its citations, contacts, listed clauses and notes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from qa.models import STATUSES as DOC_STATUSES

UNOFFICIAL_EN = "Unofficial English translation; the Chinese text is authoritative."
# Statuses that mean "no answer from the library" (the evaluation counts them as abstentions).
ABSTAINING = frozenset({"abstained", "out_of_scope", "not_stated", "not_named", "not_in_library", "empty", "invalid"})
# Every status an answer can have (``Answer.status``); anything else is a bug.
STATUSES = ABSTAINING | frozenset({"answered", "lookup", "listing", "document", "validity", "out_of_range", "ambiguous",
                                   "greeting", "clarify"})


@dataclass(frozen=True)
class Contact:
    """A department or body to turn to: canonical name, English name, role (lead, cooperate, named)."""

    name: str
    english: str
    role: str
    clause_id: str | None = None

    def shown(self, lang: str) -> str:
        """``市科技局`` in Chinese; ``Municipal Science and Technology Bureau (市科技局)`` in English."""
        return self.name if lang == "zh" or self.english == self.name else f"{self.english} ({self.name})"


@dataclass(frozen=True)
class Citation:
    """A cited clause: where it is (document, number, group), its text in both languages, what was quoted."""

    clause_id: str
    doc_id: str
    doc_title: str
    doc_title_en: str
    doc_number: str | None
    doc_status: str
    cite_zh: str  # 《广州市支持民营经济发展条例》第十二条
    cite_en: str  # Article 12, Regulations of Guangzhou Municipality on …
    label_zh: str
    label_en: str
    group_zh: str
    group_en: str
    title_zh: str
    title_en: str
    text_zh: str
    text_en: str
    quoted: tuple[int, ...] = ()
    part: str | None = None
    part_label_zh: str | None = None
    part_label_en: str | None = None


@dataclass(frozen=True)
class ListItem:
    """One clause in a listed answer (the measures a department leads, a group's measures …)."""

    clause_id: str
    label_zh: str
    label_en: str
    title_zh: str
    title_en: str
    detail_zh: str = ""  # e.g. the lead departments of a clause
    detail_en: str = ""

    def shown(self, lang: str) -> str:
        if lang == "zh":
            return f"{self.label_zh}　{self.title_zh}" + (f"（{self.detail_zh}）" if self.detail_zh else "")
        return f"{self.label_en}: {self.title_en}" + (f" ({self.detail_en})" if self.detail_en else "")


@dataclass(frozen=True)
class Answer:
    """What the assistant says to one question.

    ``answer`` is the direct answer (the figure, the department, yes/no with its condition) in ``lang``;
    ``notes`` are short facts a reader must see beside it (the document's date, whether it is in force,
    which turn a follow-up took its context from). ``status`` says what kind of answer it is.
    """

    question: str
    lang: str
    status: str  # one of STATUSES: answered, lookup, listing, document, validity, not_stated, not_named,
    # out_of_range, ambiguous, abstained, out_of_scope, not_in_library, greeting, clarify, empty, invalid
    abstained: bool
    answer: str
    intent: str = "topical"
    quote_zh: str = ""
    quote_en: str = ""
    citations: tuple[Citation, ...] = ()
    departments: tuple[Contact, ...] = ()
    items: tuple[ListItem, ...] = ()
    related: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    context_from: tuple[str, ...] = ()
    confidence: float = 0.0
    note: str = field(default=UNOFFICIAL_EN)

    def visible_text(self) -> str:
        """Everything a reader sees without opening a citation card: answer, contacts, list, quote, notes."""
        lines = [self.answer]
        if self.departments:
            lines.append(" ".join(c.shown(self.lang) for c in self.departments))
        lines += [i.shown(self.lang) for i in self.items]
        # The source quote stays Chinese in every view (app, Markdown export); an English answer adds its rendering.
        lines += [self.quote_zh, self.quote_en if self.lang == "en" else ""]
        lines += list(self.notes)
        lines += [c.cite_zh if self.lang == "zh" else c.cite_en for c in self.citations]
        return "\n".join(x for x in lines if x)

    def to_dict(self) -> dict:
        """JSON-ready: citation ids as ``citations``, full records as ``citation_details``."""
        data = asdict(self)
        data["citations"] = [c.clause_id for c in self.citations]
        data["citation_details"] = [asdict(c) for c in self.citations]
        data["departments"] = [asdict(d) for d in self.departments]
        data["items"] = [asdict(i) for i in self.items]
        return data

    def to_markdown(self) -> str:
        """Clean Markdown for copying or exporting: the answer, the contact, the list, the quote, the citations."""
        zh = self.lang == "zh"
        out = [self.answer]
        if self.departments:
            leads = [c.shown(self.lang) for c in self.departments if c.role == "lead"]
            coops = [c.shown(self.lang) for c in self.departments if c.role == "cooperate"]
            named = [c.shown(self.lang) for c in self.departments if c.role == "named"]
            if leads:
                out.append(("**牵头：** " if zh else "**Lead:** ") + ("、" if zh else "; ").join(leads))
            if coops:
                out.append(("**配合：** " if zh else "**Cooperating:** ") + ("、" if zh else "; ").join(coops))
            if named:
                out.append(("**相关部门：** " if zh else "**Bodies named:** ") + ("、" if zh else "; ").join(named))
        out += [f"- {i.shown(self.lang)}" for i in self.items]
        quote = self.quote_zh if zh else self.quote_en
        if quote:
            out.append(f"> {quote}")
            if not zh and self.quote_zh:
                out.append(f"> {self.quote_zh}")
        out += [f"*{n}*" for n in self.notes]
        for c in self.citations:  # each says whether its text is in force, as the app's citations do
            status = DOC_STATUSES.get(c.doc_status)
            tag = (f"（{status[0]}）" if zh else f" ({status[1]})") if status else ""
            out.append(f"— {c.cite_zh}" + (tag if zh else f" / {c.cite_en}{tag}"))
        if not zh and (quote or self.citations):
            out.append(f"*{UNOFFICIAL_EN}*")
        return "\n\n".join(x for x in out if x)
