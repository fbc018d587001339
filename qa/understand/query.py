"""Understand stage: a question is normalised once into a ``Query`` that says what it asks.

``Understander(library).understand(question, scope=…, context=…) -> Query``. Nothing later
re-normalises the question or re-detects its language; handlers read the ``Query``.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field, replace

from qa.ingest.numerals import to_chinese
from qa.models import Library
from qa.normalize import CJK_RE, normalize
from qa.understand import cues
from qa.understand.departments import COOP_RE, LEAD_RE, NEG_RE, DepartmentMention, DepartmentNames, _role
from qa.understand.documents import DocumentNames, without_document_names
from qa.understand.figures import AnswerType, asked_types, level_qualifiers, wants_figure
from qa.understand.language import answer_language, channel_language, question_language
from qa.understand.references import Reference, find_references, local_id, number_value
from qa.understand.scope import ScopeCue, ScopeGuard
from qa.understand.spans import blank
from qa.understand.spelling import HomophoneCorrector, SpellCorrector


@dataclass(frozen=True)
class Context:
    """What an earlier turn of the conversation was about: its clauses, question and intent."""

    question: str  # normalised
    clause_ids: tuple[str, ...]
    intent: str
    departments: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # every clause a listing answer listed, in order
    role: str = "any"  # the role a department listing asked about (lead / cooperate), for "how many is that?"
    negated: bool = False  # that listing asked for the clauses the department does not lead ("how many?" counts those)
    scope: tuple[str, ...] | None = None  # the documents the turn named (or was limited to by its words), not chosen
    also: tuple[str, ...] = ()  # the documents of the turn's other citations ("see also"), for "the 2020 text?"


@dataclass(frozen=True)
class Query:
    """A question as understood: everything the handlers need, computed once.

    ``scope`` is the set of documents the question is limited to (selected by the user, or named in
    the question); None means the whole library. ``context`` is set only for a follow-up turn.
    """

    raw: str
    text: str  # normalised (NFKC, simplified, case-folded)
    content: str  # ``text`` without a leading greeting
    lang: str  # answer language: zh or en
    channels: str  # zh, en or mixed: which BM25 families read it
    refs: tuple[Reference, ...] = ()
    documents: tuple[str, ...] = ()  # named in the question
    scope: tuple[str, ...] | None = None
    selected: tuple[str, ...] | None = None  # chosen by the user (UI / CLI filter)
    departments: tuple[DepartmentMention, ...] = ()
    unknown_departments: tuple[str, ...] = ()
    figure_types: tuple[AnswerType, ...] = ()
    wants_figure: bool = False
    levels: tuple[str, ...] = ()
    asks: frozenset[str] = frozenset()  # listing, count, contact, validity, issuer, when, number, structure, …
    places: tuple[str, ...] = ()  # documents of the places named (广州, Guangdong), ranked up when none is named
    discussed: tuple[str, ...] = ()  # documents an earlier turn named: ranked as if in force when none is named now
    conversation: tuple[str, ...] = ()  # documents the earlier turns were about, ranked up for a question read alone
    unknown_document: str | None = None  # a document named that the library does not hold (优化营商环境条例)
    scope_cues: tuple[ScopeCue, ...] = ()
    greeting: bool = False  # the question opens with (or is only) a greeting
    greeting_only: bool = False
    has_content: bool = True
    context: Context | None = None
    followup: bool = False
    earlier_turns: bool = False  # the conversation has an earlier turn (``context`` is set only for a follow-up)
    intent: str = "topical"
    retrieval_text: str = ""  # what retrieval ranks by: the topic, plus the earlier question for a follow-up
    # What the evidence (confidence) is read from, when it differs from ``retrieval_text``: the whole content.
    # Thresholds were calibrated on it, and a document's name is evidence that the question is about it.
    evidence_text: str = ""
    topic: str = ""  # the content without the names of the documents it is limited to (what to search for)
    own_text: str = ""  # the question's own words with the texts' terms added (a follow-up's, without the earlier question)
    mention_term: str = ""  # the words every listed clause must contain (哪些条款提到审计机关 -> 审计机关)
    bare: str = ""  # the content with document and department names blanked (what is left is the topic)
    details: dict = field(default_factory=dict)
    # The question's own language, which the evidence thresholds were calibrated by: a Chinese question answered
    # in English (UI language, "请用英文回答") keeps the Chinese threshold.
    question_lang: str = ""
    # Chinese words of the question no text of the library uses nor any synonym maps (歇业 in 个体户歇业多久):
    # a clause near the rest of the question does not "touch on" them.
    unheard: tuple[str, ...] = ()

    @property
    def evidence_lang(self) -> str:
        """The language whose evidence threshold applies: the question's, or "mixed" for an English question
        that carries Chinese terms."""
        if self.channels == "mixed" and (self.question_lang or self.lang) == "en":
            return "mixed"
        return self.question_lang or self.lang


_CUE_FAMILIES = {"listing": cues.LISTING, "count": cues.COUNT, "contact": cues.CONTACT, "validity": cues.VALIDITY,
                 "issuer": cues.ISSUER, "when": cues.WHEN, "event": cues.DOC_EVENT, "number": cues.DOC_NUMBER,
                 "units": cues.STRUCTURE_UNITS, "structure": cues.STRUCTURE, "report": cues.REPORT_PROBLEMS,
                 "which_documents": cues.WHICH_DOCUMENTS, "this_document": cues.DOCUMENT_WORDS,
                 "anaphora": cues.ANAPHORA, "ellipsis": cues.ELLIPSIS, "kind": cues.KIND, "library": cues.LIBRARY_LIST,
                 "liability": cues.LIABILITY, "in_charge": cues.IN_CHARGE, "basis": cues.BASIS,
                 "most": cues.DEPARTMENT_MOST, "no_role": cues.NO_ROLE_NAMED, "remedy": cues.REMEDY,
                 "citation": cues.CITATION_REQUEST, "title": cues.TITLE, "source_site": cues.SOURCE_SITE}


def has_content(text: str) -> bool:
    """Letters, digits or CJK characters: anything else (punctuation, emoji, spaces) is no question."""
    return bool(re.search(r"[0-9a-z]", text) or CJK_RE.search(text))


def strip_greeting(text: str) -> tuple[str, bool]:
    """(``text`` without greeting words at its start, whether there were any). ``你好，第12条讲什么？`` -> ``第12条讲什么？``.
    A desk label before a colon ("Hotline: measure (19)", 热线：…) goes too, and is no greeting."""
    rest = _DESK_LABEL.sub("", text.strip(), count=1)
    found = False
    while True:
        stripped = rest.lstrip(" ,，.。!！~～、-—:：;；?？")
        for phrase in cues.GREETING_PHRASES:
            if phrase in _CONNECTORS and not found:
                continue  # "and a large company?" is an ellipsis; only "Thanks! And …" drops the "and"
            if stripped.startswith(phrase) and (not phrase.isascii() or not stripped[len(phrase):len(phrase) + 1].isalpha()):
                rest = stripped[len(phrase):]
                found = True
                break
        else:
            return stripped, found


# Short forms users type for the words the detectors read: "the 2025 payment reg", "doc number?", "lead dept?".
EN_ABBREVIATIONS = {"reg": "regulation", "regs": "regulations", "doc": "document", "docs": "documents", "dept": "department",
                    "depts": "departments", "govt": "government", "gov't": "government", "gd": "guangdong", "gz": "guangzhou"}
_EN_ABBREVIATION = re.compile(rf"\b({'|'.join(re.escape(k) for k in EN_ABBREVIATIONS)})\b\.?(?!['’]?[a-z])")

_CONNECTORS = frozenset({"and", "also", "so"})
# Hotline staff type where a question comes from; asking for a hotline number has no colon after the word.
_DESK_LABEL = re.compile(r"^(?:hotline|hotline (?:staff|query|question|lookup)|热线|客服|热线咨询|热线查询)\s*[:：]\s*")
_GREETING_PATTERNS = tuple(re.compile(rf"(?<![a-z]){re.escape(p)}(?![a-z])") for p in cues.GREETING_PHRASES)


_DEPARTMENT_WORD = re.compile(r"部门|单位|机构|\b(?:departments|bureaus|agencies|units|bodies|offices|commissions)\b")


def _asked_part(content: str) -> str:
    """What a consequence question asks, after its condition: "if an agency misses the payment deadline, what's the
    consequence?" asks no figure (the deadline is the condition), "…, how much is the fine?" does."""
    if m := re.match(r"^(?:so |and |but )?what (?:happens|happened|will happen|if)\b", content):
        return m.group(0)  # "what happens to an agency that misses the deadline?": the condition follows the question
    head, sep, tail = max(content.rpartition(","), content.rpartition("，"), key=lambda p: len(p[0]))
    return tail if sep and cues.LIABILITY.search(tail) else content


def is_greeting_only(text: str) -> bool:
    """True for 你好, hello, thanks, 谢谢 … and nothing else: the whole text must be greeting words."""
    rest = re.sub(r"[\W_]+", " ", text).strip()
    if not rest:
        return False
    for pattern in _GREETING_PATTERNS:
        rest = pattern.sub(" ", rest)
    return not rest.strip()


def own_content(text: str) -> str:
    """What is left of a question once generic and follow-up words are removed: its own topic, if any."""
    rest = cues.GENERIC_WORDS.sub(" ", text)
    rest = re.sub(r"[\W_\d]+", " ", rest)
    # A single character left over (效 of 有效 after 有 matched) is no topic of its own.
    return " ".join(w for w in rest.split() if len(w) >= 2)


def catalogue_filter(text: str) -> dict[str, object]:
    """What a catalogue question limits the library to: ``levels`` and ``kinds`` (tuples of the metadata's words,
    see ``DocumentInfo``) and ``in_force`` (True / False); a key only when the question says it.
    "Which documents are national laws?" -> {"levels": ("national",), "kinds": ("law",)}."""
    out: dict[str, object] = {}
    levels = tuple(level for level, pattern in cues.LEVEL_OF if pattern.search(text))
    kinds = tuple(kind for kind, pattern in cues.KIND_OF if pattern.search(text)
                  and not re.search(r"\blaws? and regulations\b|法律法规", text))  # every kind
    if "state_council_regulation" in kinds:
        levels = tuple(x for x in levels if x != "national")  # 国务院 names the kind; its level goes with it
    if levels:
        out["levels"] = levels
    if kinds:
        out["kinds"] = kinds
    if cues.NOT_IN_FORCE_WORDS.search(text):
        out["in_force"] = False
    elif cues.IN_FORCE_WORDS.search(text):
        out["in_force"] = True
    return out


class Understander:
    """Builds ``Query`` s for one library. Read-only after construction, so thread-safe.

    Example:
        >>> u = Understander(load_library(), scope_cues_path)  # doctest: +SKIP
        >>> u.understand("市科技局配合的措施有哪些？").intent  # doctest: +SKIP
        'department'
    """

    def __init__(self, library: Library, scope_guard: ScopeGuard, *, synonyms: dict | None = None) -> None:
        self.library = library
        self.documents = DocumentNames(library)
        self.departments = DepartmentNames(library)
        self.scope_guard = scope_guard
        self._has_measures = any(c.kind == "measure" for c in library.clauses)
        synonyms = synonyms or {}
        zh = synonyms.get("zh", {})
        en = synonyms.get("en", {})
        self._zh_synonyms = sorted(((normalize(k), v) for k, v in zh.items() if not k.startswith("_")), key=lambda kv: -len(kv[0]))
        self._en_synonyms = [(re.compile(rf"(?<![a-z]){re.escape(normalize(k))}(?![a-z])"), v) for k, v in
                             sorted(en.items(), key=lambda kv: -len(kv[0])) if not k.startswith("_")]
        # Phrasings too varied to list ("最晚几天要付", "how long … to pay"): regular expressions.
        self._pattern_synonyms = [(re.compile(k), v) for k, v in synonyms.get("patterns", {}).items() if not k.startswith("_")]
        # A longer term that means something else ("loan guarantee insurance" is no loan guarantee): (shorter, longer).
        self._narrower = [(normalize(short), normalize(long)) for long, short in synonyms.get("narrower", {}).items()
                          if not long.startswith("_")]
        # Every clause's text and its words, read when a follow-up's words are first checked against them.
        self._library_text = ""
        self._library_words: frozenset[str] | None = None
        # Cantonese words typed for Mandarin ones (有冇 -> 有没有), longest first.
        replace = {normalize(k): normalize(v) for k, v in synonyms.get("replace", {}).items() if not k.startswith("_")}
        self._replace = re.compile("|".join(re.escape(k) for k in sorted(replace, key=len, reverse=True))) if replace else None
        self._replacements = replace
        # The English the library and its word lists use: what a misspelt question word is corrected towards.
        self.spelling = SpellCorrector([
            *(c.text_en or "" for c in library.clauses), *(d.info.title_en for d in library.documents),
            *(n for d in library.documents for n in d.info.short_names_en), *(k for k in en if not k.startswith("_")),
            *en.values(), *(dept.english for dept in library.departments.values()), *scope_guard.english_terms(),
            cues.GENERIC_WORDS.pattern])
        # The library's Chinese and its names (政数局 is an alias, no typo): what a same-sounding typo is read as.
        self.homophones = HomophoneCorrector([
            *(c.text_zh for c in library.clauses), *(d.info.title for d in library.documents),
            *(n for d in library.documents for n in d.info.short_names), *library.department_aliases,
            *(n for b in library.bodies.values() for n in (b.name, *b.aliases))])

    def _unreadable(self, text: str, question: str) -> bool:
        """Latin letters (no Chinese, no capitalised acronym like MSME in ``question``; digits may stand beside them:
        "asdfjkl;qwerty zxcv 123"), and not one of the words of ``text`` is English or the library's; or, with no word
        of the library's, most letters are in words of neither (asdfghjkl;qwerty: "qwerty" is English, but nobody
        asks with it)."""
        if CJK_RE.search(text) or re.search(r"\b[A-Z]{2,6}s?\b", question):
            return False
        words = re.findall(r"[a-z]+", text)
        known = [w for w in words if self.spelling.knows(w) or w in EN_ABBREVIATIONS]
        if not known:
            return bool(words)
        unknown = sum(len(w) for w in words if w not in known)
        return not any(self.spelling.uses(w) for w in words) and unknown > sum(len(w) for w in known)

    def _read(self, question: str) -> str:
        """The question's text as every later step reads it: normalised, misspelt English corrected, Cantonese
        words in their Mandarin form, same-sounding Chinese typos (企页 -> 企业) corrected."""
        text = self.spelling.correct(normalize(_MARKUP.sub(_unmarked, question)))
        if self._replace is not None:
            text = self._replace.sub(lambda m: self._replacements[m.group(0)], text)
        text = _CANTONESE_IS.sub("是", text)
        text = self.homophones.correct(text)  # after the Cantonese words, which are no typos
        # A clause id pasted from the clause browser (sme-payment-regulation-2025/article-24): its document and
        # number as words, or "-24" reads as a negative number.
        text = _PASTED_ID.sub(lambda m: f"{self.library.info(m.group(1)).title_en} ({m.group(1)}), {m.group(2)} {m.group(3)}"
                              if self.library.has_document(m.group(1)) else m.group(0), text)
        return _EN_ABBREVIATION.sub(lambda m: EN_ABBREVIATIONS[m.group(1)], text)

    def _conversation_documents(self, context: Context | None) -> tuple[str, ...]:
        """The documents a conversation has been about (named, else answered from), ranked up a little for a
        question that reads alone: "who takes reports about violations?" after a turn on the 2025 law means that
        law's reporting article, when it has one."""
        if context is None:
            return ()
        return tuple(context.scope or ()) or self.library.documents_of(context.clause_ids)

    def _in_force(self, docs: tuple[str, ...], content: str, context: Context | None) -> tuple[str, ...]:
        """``docs`` with a superseded version replaced by the version in force, unless ``content`` names a version
        or the conversation compares versions: "利息怎么算？" after "and in the 2020 version?" asks the rule in
        force, not the old one just shown."""
        return docs if keeps_version(content, context) else in_force_versions(self.library, docs)

    def _context_document(self, context: Context) -> str | None:
        """The one document the earlier turn's clauses come from; after two versions of one document compared
        (2020版第八条和2025版第九条 → 那第十条呢), the version in force. None when they span documents."""
        docs = self.library.documents_of(context.clause_ids)
        if len(docs) == 1:
            return docs[0]
        chain = self.documents.versions(docs[0])
        if set(docs) <= set(chain):
            return next((d for d in reversed(chain) if self.library.info(d).in_force), chain[-1])
        return None

    def _number_ref(self, m: re.Match) -> tuple[Reference, ...]:
        """The reference a number typed on its own makes (``m.group(1)``: 12, 十二), when some document has a
        clause of that number; () otherwise."""
        with contextlib.suppress(ValueError):
            if 1 <= (n := number_value(m.group(1))) <= max(len(d.clauses) for d in self.library.documents):
                return (Reference(None, n, m.start(1), m.end(1), m.group(1), out_of_range_ok=False),)
        return ()

    def _into_context_document(self, refs: tuple[Reference, ...], doc_id: str, *, insist: bool = False) -> tuple[Reference, ...]:
        """"第14条呢？" after article 13 of a regulation: the article of the document under discussion (``doc_id``),
        when it has one (a number that document lacks is left to the usual resolution); with ``insist`` (the
        question is the number alone: 第三十五条呢？ after measure 34) that document's, had or not, so the answer
        says where its numbering ends."""
        doc = self.library.document(doc_id)
        local = {c.local_id for c in doc.clauses}
        out = []
        for ref in refs:
            kind = ref.kind or ("article" if doc.info.structure == "articles" else "measure")
            if ref.kind in (None, "article", "measure") and not ref.documents_hint and not ref.part_only \
                    and (insist or local_id(kind, ref.number) in local):
                ref = replace(ref, documents_hint=doc.info.id)
            out.append(ref)
        return tuple(out)

    def _unknown_document(self, content: str, refs, named_docs, mentions) -> str | None:
        """A document named with a clause number that the library does not hold: 优化营商环境条例第十条, or
        上海市中小企业条例第十条 (another place's regulation, though 中小企业条例 alone would name Guangdong's)."""
        if not refs:
            return None
        if not named_docs:
            return self.documents.unknown_named(content)
        return self.documents.other_place_named(content) if all(m.loose for m in mentions) else None

    def _bind_versions(self, refs: tuple[Reference, ...], content: str, doc_id: str) -> tuple[Reference, ...]:
        """"Article 8 of the 2020 regulation with Article 9 of the 2025 one" / "2020年版第八条和2025年版第九条": each
        reference into the version whose year goes with it (after an English reference, before a Chinese one)."""
        chain = self.documents.versions(doc_id)
        if len(chain) < 2:
            return refs
        out = []
        for i, ref in enumerate(refs):
            if CJK_RE.search(ref.text):
                segment = content[refs[i - 1].end if i else 0:ref.start]
            else:
                segment = content[ref.end:refs[i + 1].start if i + 1 < len(refs) else len(content)]
            if re.search(r"(?:19|20)\d\d", segment) and not ref.documents_hint:
                ref = replace(ref, documents_hint=self.documents.version_of(chain, segment))
            out.append(ref)
        return tuple(out)

    def _echoes_clause(self, own: str, context: Context) -> bool:
        """"…officials who refuse to accept my application?" after Guangdong Art. 14: at least half the question's
        own words (English, 3+ letters, or Chinese character pairs) are in the earlier turn's first clause."""
        if not self.library.has_clause(context.clause_ids[0]):
            return False
        clause = self.library.clause(context.clause_ids[0])
        text = f"{clause.text_zh} {clause.text_en.lower()}"
        units = _topic_units(own)[2]
        return bool(units) and sum(u in text for u in units) * 2 >= len(units)

    def _version_named(self, doc_id: str, words: str) -> str | None:
        """The version of ``doc_id`` whose year ``words`` name (2025版 → the 2025 revision), else None."""
        chain = self.documents.versions(doc_id)
        return self.documents.version_of(chain, words) if len(chain) > 1 else None

    def _year_names(self, content: str, doc_ids: tuple[str, ...]) -> list[tuple[int, int]]:
        """Spans of a named document's year used as its name ("the 2024 regulation", 2019年的广东条例): a year
        its version goes by, before a document word. Left in, it ranks the article giving the date (本条例自2024年…)."""
        years = {y for d in doc_ids for y in self._version_years(d)}
        return [(m.start(), m.end()) for m in _VERSION_YEAR.finditer(content) if m.group(1) in years]

    def _compared_versions(self, docs: tuple[str, ...]) -> tuple[str, ...]:
        """The one chain of versions (oldest first) among ``docs``, else ()."""
        chains = {tuple(self.documents.versions(d)) for d in docs}
        chains = {c for c in chains if len(c) > 1}
        return next(iter(chains)) if len(chains) == 1 else ()

    def with_synonyms(self, text: str) -> str:
        """``text`` with the texts' terms added after everyday words (大企业 -> 大型企业, sole trader -> …)."""
        extra = [v for k, v in self._zh_synonyms if k in text and v not in text]
        extra += [v for pattern, v in self._en_synonyms if pattern.search(text) and v not in text]
        extra += [v for pattern, v in self._pattern_synonyms if pattern.search(text) and v not in text]
        return f"{text} {' '.join(dict.fromkeys(extra))}" if extra else text

    def understand(self, question: str, *, selected: tuple[str, ...] | list[str] | None = None,
                   context: Context | None = None, as_followup: bool = False) -> Query:
        """Read ``question`` once. ``selected`` limits it to those documents; ``context`` is the earlier turn;
        ``as_followup`` reads a question with words of its own as leaning on that turn all the same (the
        assistant's second reading of a question that, read alone, found nothing)."""
        text = self._read(question)
        content, greeted = strip_greeting(text)
        if context and context.intent == "group_listing" and (group := _ANOTHER_GROUP.fullmatch(content.strip())):
            # "（二）呢？" / 土地那一部分呢 after a group's measures: another group, asked the same way.
            content = (f"第（{group.group('n')}）部分有哪些措施？" if group.group("n")
                       else f"{group.group('topic')}方面有哪些措施？")
        lang = answer_language(text)
        if not has_content(text):
            # Arabic, Cyrillic, Hangul …: words, but not in a language the library can be asked in.
            other_script = any(ch.isalpha() for ch in text)
        elif re.search(r"[\u3040-\u30fa\u30fc-\u30ff]", text):  # kana: Japanese, which shares the Chinese characters
            other_script = True
        else:
            other_script = None
        if other_script is not None:
            return Query(raw=question, text=text, content=content, lang=lang, channels="zh", has_content=False,
                         intent="other_language" if other_script else "empty")
        if is_greeting_only(text):
            return Query(raw=question, text=text, content="", lang=lang, channels=channel_language(text),
                         greeting=True, greeting_only=True, intent="greeting")
        if self._unreadable(text, question) or _MARKUP_ONLY.fullmatch(text):  # (or an empty pasted Markdown table)
            # "asdfghjkl", "daikuan danbao": letters, but no word of English (or of the library) to read.
            return Query(raw=question, text=text, content=content, lang=lang, channels="en", has_content=False,
                         intent="unreadable")
        if _ABOUT_ASSISTANT.search(content) and not own_content(_ABOUT_ASSISTANT.sub(" ", content)):
            # "你是谁？用的什么模型？": about the assistant itself, which no text of the library answers.
            return Query(raw=question, text=text, content=content, lang=lang, channels=channel_language(text),
                         intent="about_assistant")
        asks = frozenset(name for name, pattern in _CUE_FAMILIES.items() if pattern.search(content))
        if "liability" in asks and _DUTY_TOWARDS.search(content) and not _SANCTION_WORDS.search(content):
            asks = asks - {"liability"}  # 大型企业对子公司拖欠款项有什么责任: its duty towards them, not a sanction
        if "validity" in asks and cues.PROMISE.search(content):
            asks = asks - {"validity"}  # 之前答应我们的政策还算数吗: a promise kept, not a text in force
        selected = tuple(selected) if selected else None
        doc_mentions = self.documents.find(content)
        if selected:  # a loose naming (广东 + 条例, "the plan") never overrides the user's choice
            # (A version named by its year, 2020年版第八条, names one document however loosely: it is answered and
            # said to be outside the choice.)
            doc_mentions = [m for m in doc_mentions if not m.loose or (m.version_only and re.search(r"(?:19|20)\d\d", m.text))]
        catalogue = "library" in asks or bool(
            cues.CATALOGUE_FRAME.search(content) and not own_content(cues.CATALOGUE_WORDS.sub(" ", content))
            # (哪些还有效？ after a list of measures: which of those)
            and (not context or re.search(r"文件|法规|法律|条例|\b(?:documents|laws|regulations)\b", content)))
        if not catalogue and context and context.intent == "document" and not context.clause_ids and "ellipsis" in asks \
                and _CATALOGUE_ASKED.search(context.question) and catalogue_filter(content) \
                and not own_content(cues.CATALOGUE_WORDS.sub(" ", cues.ELLIPSIS.sub(" ", content))):
            catalogue = True  # "省级的呢？" after "哪些是广州市级的文件？": the catalogue, filtered the new way
        if catalogue and "library" not in asks:
            # "Which documents come from Guangzhou?" / 哪些文件是广东省的: the catalogue, filtered, not a topic search.
            asks, doc_mentions = asks | {"library"}, []
        if context and context.clause_ids and doc_mentions and all(m.version_only for m in doc_mentions) \
                and not set(self.library.documents_of(context.clause_ids)) & set(self.documents.versions(doc_mentions[0].doc_id)) \
                and not (find_references(content) and self._year_of_no_earlier_document(doc_mentions, context)):
            doc_mentions = []  # "旧版呢？" after the Guangzhou regulation: its own old version, not the payment regulation's
        if doc_mentions and all(m.loose and self.documents.names_other_place(m.text) for m in doc_mentions):
            doc_mentions = []  # 北京市民营经济促进条例: another place's regulation, though its words name Guangzhou's
        # Structure only the plan has (几条措施, the main goals) limits the search to it, as choosing it would.
        structural = tuple(m.doc_id for m in doc_mentions if m.structural)
        doc_mentions = [m for m in doc_mentions if not m.structural]
        named_docs = tuple(dict.fromkeys(m.doc_id for m in doc_mentions))
        if context and context.intent == "clause_ref" and len(context.clause_ids) > 1 and len(named_docs) == 1 \
                and not find_references(content) \
                and not own_content(cues.GENERIC_WORDS.sub(" ", blank(content, [(m.start, m.end) for m in doc_mentions]))):
            # "第十二条" -> "8 documents have one; which?" -> "民营经济促进法": that document's article, the answer
            # to the question asked back ("民促法第77条" names its own article: that one alone).
            earlier = self.library.clause(context.clause_ids[0])  # each candidate has the number asked
            if earlier.number:
                unit = "项" if self.library.has_clause(f"{named_docs[0]}/measure-{earlier.number}") else "条"
                return self.understand(f"{content.strip(' ?？。.!！')}第{earlier.number}{unit}", selected=selected)
        if doc_mentions:
            # "Does 广州市支持民营经济发展条例 offer talent subsidies?" is English: a quoted title is no grammar.
            rest = without_document_names(blank(content, [(m.start, m.end) for m in doc_mentions]), named_docs,
                                          self.library)
            if CJK_RE.search(rest) or re.search(r"[a-z]{2,}", rest):  # words left, not only "§17"
                lang = answer_language(rest)
        if "which_documents" in asks and _DOCUMENT_SAYS.search(content):
            # "方案要求贯彻落实哪些法律法规？" / "Which laws does the plan say should be implemented?": laws a document
            # names in its text, not the library's documents on a topic.
            asks = asks - {"which_documents"}
        excluded: tuple[str, ...] = ()
        if named_docs and "which_documents" in asks and all(_EXCEPT_BEFORE.search(content[:m.start]) for m in doc_mentions):
            # "除了促进个体工商户发展条例，还有哪些文件…": every other document, not the one named.
            excluded = named_docs
            named_docs = ()
            doc_mentions = []
        scope = named_docs or selected or structural or None
        if excluded:
            scope = tuple(d.id for d in self.library.documents if d.id not in excluded and (not selected or d.id in selected))
        depts, unknown = self.departments.find(content) if not catalogue else ([], [])  # 国务院的行政法规: a kind
        body_alias = self._body_named(content, selected) if unknown else None
        if body_alias:
            # 市工信局 is not a department of the plan, but the 2024 regulation names it 市工业和信息化主管部门:
            # list the clauses that name the body instead of "not named".
            unknown = []
        elif unknown and all(u in self._library_index()[0] for u in unknown):
            unknown = []  # 市中小企业局 is no department the plan assigns tasks, but measure 33 names it: a topic
        bare = bare_of(content, doc_mentions, depts)
        figure_part = _asked_part(content) if "liability" in asks else content
        figure_types = tuple(asked_types(figure_part))
        refs = tuple(find_references(content))
        if refs and cues.PLAN_SECTIONS.search(content):
            # "What's in section two, the main goals?": the plan's section named, not measure 2.
            refs = tuple(r for r in refs if not re.match(r"(?:sections?|sec\.?|parts?)\b", r.text, re.IGNORECASE))
        if not refs and not context and (m := _NUMBER_ALONE.fullmatch(content)):
            # "12" / 十二 typed alone at a hotline desk, opening a conversation: the clause of that number (after an
            # earlier turn, a number alone answers it: how many, which one).
            refs = self._number_ref(m)
        if not refs and context and context.intent == "clause_ref" and context.clause_ids \
                and (m := _AND_NUMBER.fullmatch(content)):
            # "And 54?" / 54呢？ after "What does Article 53 say?": the clause of that number, in the same document.
            refs = self._number_ref(m)
        if refs and (step := NEIGHBOUR.search(content)) \
                and all(step.start() <= r.start and r.end <= step.end() for r in refs):
            # The 一条 of 下一条 is no article one: the neighbour of the clause under discussion (below); in a new
            # conversation, nothing to be next to (``intents.is_needs_context``).
            refs = ()
        purpose_of = named_docs or selected or ()
        if not refs and len(purpose_of) == 1 and cues.PURPOSE.search(content) and not own_content(cues.without(
                without_document_names(content, purpose_of, self.library), cues.PURPOSE, cues.DOCUMENT_WORDS)) \
                and self.library.has_clause(f"{purpose_of[0]}/article-1"):
            # "What's the Guangzhou regulation mainly for?": its first article (为了…，制定本条例).
            refs = (Reference("article", 1, 0, 0, "第一条", documents_hint=purpose_of[0]),)
        if any(r.last for r in refs):
            refs = self._fill_last(refs, scope or (self.library.documents_of(context.clause_ids) if context else ()))
        early_scope, early_cues = scope, None
        if refs and all("第" not in r.text for r in refs):
            early_cues = tuple(self.scope_guard.cues(content, scope=scope, library=self.library))
            if any(c.effect == "abstain" for c in early_cues):
                refs = ()  # "2023年新出的民营经济20条": a later policy's nickname, not measure 20 of this plan
        if refs and (to := _translation_asked(blank(content, [(r.start, r.end) for r in refs]
                                                    + [(m.start, m.end) for m in doc_mentions]))):
            lang = to  # "措施12英文是什么？": that clause, in English
        if context and not refs and (to := _translation_asked(content)):
            # "英文是什么？": the clause under discussion again, in the language asked for.
            refs = _context_refs(context)
            lang = to if refs else lang
        elif context and not refs and not named_docs and "validity" in asks and context.intent == "clause_ref" \
                and _THIS_CLAUSE.search(content) and not own_content(cues.VALIDITY.sub(" ", _THIS_CLAUSE.sub(" ", content))):
            # "这条现在还有效吗？" after 2020版第12条: that article's validity, not its document's dates.
            refs = _context_refs(context)
        elif context and not refs and not named_docs and (step := NEIGHBOUR.search(content)) \
                and (near := _context_refs(context)) and near[0].number is not None:
            # "And the next article?" / 下一条呢 after 第五十三条: the clause before or after it, same document.
            offset = -1 if step.group("back") or step.group("back_en") else 1
            number = near[0].number + offset
            # Its text as a reader writes it: "没有“第七十九条”" / "There is no Article 79", not an id.
            label = f"第{to_chinese(number)}条" if lang == "zh" else f"{(near[0].kind or 'article').capitalize()} {number}"
            refs = (replace(near[0], number=number, text=label),)
        elif context and not refs and not named_docs and _WHICH_CLAUSE.search(content) \
                and not own_content(_WHICH_CLAUSE.sub(" ", content)):
            # "这是哪一条？" / "which article is that?": the clause the earlier answer quoted, by its number.
            refs = _context_refs(context)
        if len(refs) > 1 and len(named_docs) == 1:
            refs = self._bind_versions(refs, content, named_docs[0])
        elif refs and len(named_docs) > 1:
            refs = _bind_documents(refs, doc_mentions, content, version_of=self._version_named)
        if refs and not named_docs and not selected and context and context.clause_ids \
                and (into := self._context_document(context)) \
                and into in (self.documents.of_places(content) or (into,)):  # 第12条 广州 after 第12条 广东: Guangzhou's
            # (After "第12条" listed eight documents' articles, "十二条" is as open as before: no document to go into.)
            alone = "ellipsis" in asks and not own_content(blank(content, [(r.start, r.end) for r in refs]))
            refs = self._into_context_document(refs, into, insist=alone)
        if len(refs) == 1 and not refs[0].part_only and context and context.clause_ids \
                and cues.VERSION_CHANGE.search(content) and _COMPARED_WITH.search(content) \
                and (earlier := _context_refs(context)) and earlier[0].text != f"{refs[0].kind}-{refs[0].number}":
            # "和2025版第二十五条比有什么不同？" after 2020版第十九条: the earlier article and the one named, compared.
            refs = earlier + refs
        part_only = bool(refs) and all(r.part_only for r in refs)
        # (An earlier turn nothing answered is followed only by a switch of place: "广州的呢？".)
        followup = bool(context and context.clause_ids) and not named_docs and (part_only or (not refs and (
            as_followup or self._is_followup(content, asks, depts, context, raw=question))))
        # "那违反了怎么处理？" / "what's the penalty for them?": the liability articles of the earlier turn's document.
        rest = own_content(cues.LIABILITY.sub(" ", content))
        liability = bool(context and context.clause_ids and "liability" in asks and not refs and not named_docs
                         and (len(rest.split()) <= 1 or (len(rest.split()) <= 3 and _echoes(rest, context))
                              or (len(rest.split()) <= 5 and self._echoes_clause(rest, context))))
        if context and context.clause_ids and not refs and not named_docs and _ESCALATION.search(content):
            liability, asks = True, asks | {"liability"}  # "and if it's serious enough to be a crime?": its sanctions
        if followup and not refs and "ellipsis" in asks and _IF_ANOTHER.search(content) \
                and cues.LIABILITY.search(context.question):
            liability, asks = True, asks | {"liability"}  # 如果係机关事业单位拖欠呢？ after 大企业罚则: its sanctions
        followup = followup or liability
        if followup and not refs and not liability and context and _only_overrun(content) and not any(
                _OVERRUN_RULE.search(self.library.clause(c).text_zh) for c in context.clause_ids[:1] if self.library.has_clause(c)):
            # "超过了怎么办？" after the payment term: what follows a missed limit (interest, sanctions), which
            # that article does not say (after 检验验收, its own 拖延检验或者验收的，… does).
            liability, asks = True, asks | {"liability", "overrun"}
        if context and not followup and not refs and not named_docs and "ellipsis" in asks \
                and (term := _defined_next(content, context)):
            # "个体工商户呢？" / "what about sole proprietors?" after a definition: the same question of the new term.
            content = f"{term}的定义" if CJK_RE.search(term) else f"definition of {term}"
        missing_version = self._missing_version(content, self.library.documents_of(context.clause_ids) + context.also) \
            if context and not named_docs and not refs else None
        if len(named_docs) == 1 and not refs and not context:
            # 广东省促进中小企业发展条例还是2007年那个版本吗: a version the library does not hold.
            missing_version = self._missing_version(blank(content, [(m.start, m.end) for m in doc_mentions]), named_docs)
        # (A department's name says no level: "the Municipal Science and Technology Bureau" is no switch to the
        # municipal regulation.)
        switched = self._switch_documents(blank(content, [(d.start, d.end) for d in depts]), context, selected) \
            if context and not named_docs and not refs and not missing_version and not catalogue else None
        if context and named_docs and not refs and self._leans_on_context(content, asks, named_docs, doc_mentions):
            # "那民营经济促进法里有没有类似规定？": the earlier question, asked of the document named now.
            switched = named_docs
        counts_listing = counts_listing_above(context, asks)
        if context and context.intent == "document" and "ellipsis" in asks and asks & {"event", "when"} \
                and not named_docs and not refs:
            # "And the revision?" / 修订呢？ after "when was it adopted?": that date; "and on what date?" after
            # "who issued it?": the date it was issued.
            asks = asks | {"when", "event"}
        if context and not named_docs and not refs and ({"issuer", "number", "structure", "kind"} & asks or (
                {"when", "event"} <= asks) or {"count", "units"} <= asks or counts_listing) \
                and not own_content(_without_document_talk(bare)):
            named_docs = self.library.documents_of(context.clause_ids)
            scope, followup = named_docs, True
        if context and context.intent == "validity" and not named_docs and not refs and cues.date_of_event(content):
            # "2019年签的合同呢？" after "2025年签的合同适用哪个版本？": the same documents, at another date.
            named_docs = self.library.documents_of(context.clause_ids)
            scope, followup = named_docs, True
        details: dict = {"liability": True} if liability else {}
        if "count" in asks and len(refs) == 1 and _DEPARTMENT_WORD.search(content):
            # "How many departments lead measure 2?": the number, by the role asked (lead / cooperate / any).
            details["count_departments"] = _role(content)
        if catalogue and (wanted := catalogue_filter(content)):
            details["catalogue"] = wanted
        if not_meant := tuple((short, long) for short, long in self._narrower if short in content and long not in content):
            details["not_meant"] = not_meant  # "loan guarantee" asked, "loan guarantee insurance" not
        if missing_version:
            # No such version: say which versions the library holds (a validity answer about the document).
            details["missing_version"], doc_id = missing_version
            named_docs = scope = (doc_id,)
            asks = asks | {"validity"}
        if switched and _COUNTERPART_ASKED.search(content):
            asks = asks - {"validity", "count", "units"}  # "新版对应哪条？" / 在2020版是第几条: the matching article
        elif switched and context.intent in ("document", "validity") and not asks & _DOCUMENT_FACTS:
            # "and what about the SME promotion law?" after "when did the PEL take effect?": the same facts of it.
            asks = asks | (frozenset(n for n, p in _CUE_FAMILIES.items() if p.search(context.question))
                           & (_DOCUMENT_FACTS | {"count", "units"}))  # 有多少条？… 2020版呢: its count too
        if switched:
            # "那2020年版呢？" / "what about the provincial one?": the earlier question, in other documents.
            details["switched"] = switched
            followup, scope = True, switched
            if not selected:
                named_docs = switched
        elif followup and "validity" in asks:
            named_docs = self.library.documents_of(context.clause_ids)
            scope = named_docs
        elif followup and not scope and context.scope:
            # "Which industries?" after "… under the plan?": still within the document the conversation named.
            scope = context.scope
        if part_only:
            refs = self._resolve_part_refs(refs, context if followup else None)
        one_clause = len(context.clause_ids) == 1 and _THIS_CLAUSE.search(content) if context else False
        if followup and not depts and context.departments and context.intent == "department" and not one_clause and (
                {"listing", "count"} & asks or LEAD_RE.search(content) or COOP_RE.search(content)):
            role = _role(content)
            negated = bool(NEG_RE.search(content))
            if role == "any" and not (LEAD_RE.search(content) or COOP_RE.search(content)):
                role = context.role  # "how many is that?" after the cooperating ones: still the cooperating ones
                negated = negated or context.negated  # …after the ones it does not lead: still those
            depts = [DepartmentMention(name, role, negated, 0, 0) for name in context.departments]
        if followup and not liability and "ellipsis" in asks and "liability" not in asks and not refs and not switched \
                and context.intent in ("topical", "greeting_plus") and cues.LIABILITY.search(context.question) \
                and not cues.CONTACT.search(content):
            asks = asks | {"liability"}  # "大企业拖欠呢？" after "国企拖欠有咩后果？": the consequences, for that party
            details["liability"] = True  # the liability articles of that document, for the party now named
        what_to_do = bool(_WHAT_TO_DO.search(content)) or liability
        # A follow-up to a figure question asks a figure too, unless it asks what to do or a yes/no question.
        figure_follow_up = followup and context.intent == "figure" and not what_to_do and not _YES_NO.search(content)
        if figure_follow_up and not figure_types and not wants_figure(content):
            # "那大企业呢？" after "最晚多少天内要付？": the same kind of figure, for another party.
            figure_types = tuple(asked_types(context.question))
        # A switched follow-up asks the earlier question again; another follow-up adds to it.
        # A document named limits the search to it, so its name ranks none of its clauses above another
        # (广州条例 matched 本条例适用于本市…): ranking reads the topic without it.
        years = self._year_names(content, named_docs) if named_docs else []
        topic = blank(content, [(m.start, m.end) for m in doc_mentions] + years) if named_docs else content
        if not own_content(topic):
            topic = content
        ranked = self.with_synonyms(topic)
        # The evidence reads a document's name but not a bare "the plan" / 这个方案, which says nothing of the topic
        # ("Does the plan help with brand building?" fell under the bar on its asking words).
        generic = [(m.start, m.end) for m in doc_mentions if _GENERIC_NAME.fullmatch(content[m.start:m.end].strip())]
        whole = self.with_synonyms(blank(content, years + generic)) if topic != content else ranked
        if switched and context.intent == "clause_ref" and len(context.clause_ids) == 1 \
                and self.library.has_clause(context.clause_ids[0]):
            # "咁广东条例有冇类似规定？" after "中小企业促进法第五十三条讲乜？": the article's own words, in the other document.
            earlier_text = normalize(self.library.clause(context.clause_ids[0]).text_zh)
        else:
            earlier_text = context.question if context else ""
        # After a turn about a document as a whole (is it in force?), a follow-up with a topic of its own searches
        # that document by its own words: "still in force" would only dilute "what does it say about late payment?".
        about_document = followup and not switched and context.intent in ("document", "validity") \
            and not asks & (_DOCUMENT_FACTS | {"validity", "count", "units"}) and own_content(topic)
        retrieval_text = (self.with_synonyms(earlier_text) if switched else
                          self.with_synonyms(f"{context.question} {content}") if followup and not about_document else ranked)
        if about_document:
            # The document's terms the question gets only read with the earlier turn (late payment, asked of the
            # Guangdong regulation named before: its "default"): added, though the earlier words are not.
            joined = f"{context.question} {content}"
            earlier_terms = self.with_synonyms(context.question)[len(context.question):].split()
            added = [w for w in self.with_synonyms(joined)[len(joined):].split() if w not in earlier_terms and w not in ranked]
            retrieval_text = f"{ranked} {' '.join(added)}".strip()
        evidence_text = whole if retrieval_text == ranked and whole != ranked else ""
        if body_alias:
            details["body_alias"] = body_alias
        if not refs and ((cues.VERSION_CHANGE.search(content) and not _TERMS_DIFFER.search(content)) or (
                context and context.intent == "compare_versions" and not named_docs and (followup or "ellipsis" in asks)
                and not asks & {"validity", "number", "contact", "liability", "in_charge", "report"})):
            # Only a follow-up ("and the rule on audits?") goes on comparing: 个体户可以转做公司吗 or "who do I
            # contact?" after "what changed?" do not.
            chain = self._compared_versions(named_docs or selected or (
                self.library.documents_of(context.clause_ids) if context else ()))
            if not chain and not named_docs and not selected and cues.BOTH_VERSIONS.search(content):
                # "新旧两版有咩唔同？" after talk of another document: the library's one document with versions.
                chain = self._compared_versions(tuple(self.library.doc_ids))
            if chain:
                # The topic compared, else the earlier question's ("what changed?" after "how long must they pay?").
                # (Without the document's own name: 保障中小企业款项支付条例2020版和2025版有什么区别 compares no topic.)
                own = cues.VERSION_WORDS.sub(" ", cues.VERSION_CHANGE.sub(" ", without_document_names(topic, chain, self.library)))
                own = _WHOLE_TEXT_WORDS.sub(" ", own)  # 删除了哪些内容 / "deleted in the revision": no topic, the whole text
                earlier = cues.VERSION_WORDS.sub(" ", cues.VERSION_CHANGE.sub(" ", without_document_names(
                    normalize(context.question if context else ""), chain, self.library)))
                if context and (context.intent in ("validity", "document") or _NEW_ARTICLES.search(content)
                                or not set(self.library.documents_of(context.clause_ids)) & set(chain)):
                    # "what changed?" after "is it still in force?", or after talk of another document: the
                    # versions as a whole.
                    earlier = ""
                details["compare_versions"] = chain
                # Searched as typed (期限 is no topic of its own, but it is what is compared).
                details["compare_text"] = self.with_synonyms(own if own_content(own) else earlier if own_content(earlier)
                                                             else "")
                if not own_content(_PARTY_OR_LIMIT.sub(" ", own)) and context and context.clause_ids and \
                        not _NEW_ARTICLES.search(content) and \
                        context.intent not in ("validity", "document") and \
                        self.library.clause(context.clause_ids[0]).doc_id in chain:
                    # (A validity or date answer cites the article on entry into force for the document as a whole:
                    # "what changed?" after it asks for the overview, not for that article.)
                    # "Was that in the 2020 version too?": the article the earlier turn answered from, compared.
                    details["compare_clause"] = context.clause_ids[0]
            elif len(named_docs) >= 2 and not refs:
                # 广东条例和广州条例关于融资担保有什么不同: two documents (not versions of one), each on the topic.
                own = cues.VERSION_CHANGE.sub(" ", without_document_names(topic, tuple(named_docs), self.library))
                if own_content(own):
                    details["compare_versions"] = tuple(reversed(named_docs))  # the handler reads newest-first
                    details["compare_text"] = self.with_synonyms(own)
                    details["across_documents"] = True
        if (intro := _SELF_INTRO.match(content)) and own_content(content[intro.end():]):
            # "I run a factory in Guangzhou. A big customer hasn't paid me…": who is asking is no topic ("run a
            # factory" held the evidence under the bar); where they are is kept, as a place preferred.
            said = intro.group(0).strip()
            retrieval_text = retrieval_text.replace(said, " ", 1)
            evidence_text = evidence_text.replace(said, " ", 1)
        within = [] if scope else self.scope_guard.places_within(content)
        places = () if scope else self.documents.of_places(" ".join([content, *(p for _w, p in within)]))
        if within:
            # 我喺番禺開舖: a district of a place the library covers is no evidence against it (its name is in
            # no text), so the confidence reads the question without it.
            evidence_text = blank(evidence_text or retrieval_text,
                                  [(m.start(), m.end()) for w, _p in within for m in re.finditer(re.escape(w), evidence_text or retrieval_text)])
        found_cues = early_cues if early_cues is not None and scope == early_scope \
            else tuple(self.scope_guard.cues(content, scope=scope, library=self.library))
        if context and not followup and "ellipsis" in asks and found_cues:
            found_cues = self._place_switched(content, found_cues, context, scope)
        query = Query(
            raw=question, text=text, content=content, lang=lang, channels=channel_language(content), refs=refs,
            question_lang=question_language(text),
            documents=named_docs, scope=scope, selected=selected, departments=tuple(depts),
            unknown_departments=tuple(unknown), figure_types=figure_types,
            wants_figure=wants_figure(figure_part) or bool(figure_types) or bool(figure_follow_up and not refs and not depts),
            levels=level_qualifiers(content), asks=asks,
            scope_cues=found_cues, greeting=greeted,
            context=context if followup else None, followup=followup, earlier_turns=context is not None, retrieval_text=retrieval_text, bare=bare,
            evidence_text=evidence_text, topic=topic, own_text=whole, mention_term=body_alias[1] if body_alias else _mention_term(content),
            places=places,
            conversation=() if scope or followup or places else self._in_force(self._conversation_documents(context), content, context),
            discussed=self._in_force(tuple(context.scope or ()), content, context) if context and not scope else (),
            unknown_document=self._unknown_document(content, refs, named_docs, doc_mentions),
            unheard=self._unheard_terms(content) if lang == "zh" else (),
            details=details)
        from qa.understand.intents import detect_intent

        return replace(query, intent=detect_intent(query, self.library))

    _VERSION_RE = re.compile(r"((?:19|20)\d\d)\s*(?:年版|版|年的|年那版|年那个| version| text)|(旧版|老版|旧的|老的|原来的版本"
                             r"|以前的版本|原版|最初的版本|第一版|\bold version\b|\bold one\b|\bprevious one\b"
                             r"|\boriginal (?:one|version|text)\b|\bfirst version\b"
                             r"|\bprevious version\b|\bearlier version\b)|(新版|现行版|最新版|现行的|现在的(?:规定|版本|条例)|目前的(?:规定|版本|条例)"
                             r"|\bnew version\b"
                             r"|\bcurrent version\b|\blatest version\b|\bcurrent (?:rules?|regulations?|one)\b|\bnow\?$)")
    _LEVEL_WORDS = (("provincial", ("省级", "省里", "广东", "省的", "provincial", "province", "guangdong")),
                    ("municipal", ("市级", "市里", "广州", "guangzhou", "municipal", "city's", "city level")),
                    ("national", ("国家层面", "全国", "国家的", "national", "nationwide")))

    def _body_named(self, content: str, selected: tuple[str, ...] | None) -> tuple[str, str] | None:
        """(the everyday name used, the body's name in the texts) when ``content`` names a body the laws name
        by one of its everyday names (市工信局 -> 市工业和信息化主管部门) and a selected document names it;
        else None (the 2007 plan alone does not name 市工信局: "not named")."""
        low = content.lower()
        for body in self.library.bodies.values():
            for alias in sorted(body.aliases, key=len, reverse=True):
                if alias.lower() in low and any(body.name in c.text_zh for c in self.library.clauses
                                                if not selected or c.doc_id in selected):
                    return alias, body.name
        return None

    def _missing_version(self, content: str, docs: tuple[str, ...]) -> tuple[str, str] | None:
        """(year, document) when a question asks only for a version ``docs[0]`` (the earlier turn's document, or
        the one named) does not have ("2020年版呢？" of the 2024 Guangzhou regulation); else None."""
        m = self._VERSION_RE.search(content)
        if not docs or not m or not (m.group(1) or m.group(2)) or own_content(self._VERSION_RE.sub(" ", content)):
            return None
        versions = self.documents.versions(docs[0])
        if m.group(2):  # 旧版呢 of a document the library holds in one version only (the 2024 Guangzhou regulation)
            return ("", docs[0]) if len(versions) <= 1 else None
        # The earlier answer quoted the SME law first and the payment regulation second: "the 2020 text" is the latter's.
        if any(v.endswith(m.group(1)) or m.group(1) in self._version_years(v)
               for d in docs for v in self.documents.versions(d)):
            return None
        return m.group(1), docs[0]

    def _version_years(self, doc_id: str) -> set[str]:
        """The years a version goes by: revised, published, in force, signed (the 2007 plan; adopted only if never revised: the 2019
        revision of a regulation adopted in 2007 is no "2007 version")."""
        dates = self.library.info(doc_id).dates
        keys = ("revised", "published", "effective", "approved", "signed") + (() if "revised" in dates else ("adopted",))
        return {dates[k][:4] for k in keys if k in dates}

    def _switch_documents(self, content: str, context: Context, selected: tuple[str, ...] | None) -> tuple[str, ...] | None:
        """Other documents a follow-up turns to: another version (2020年版, the old version) or another level
        (省级的呢, what about Guangzhou). A level word the earlier clause itself contains (国家级/省级 amounts)
        is a qualifier, not a switch; so is one that no chosen document has ("and city level?" with the plan chosen)."""
        docs = self.library.documents_of(context.clause_ids)
        if not docs and context.clause_ids:
            return None
        if m := self._VERSION_RE.search(content):
            # The first of the earlier turn's documents held in several versions, the quoted one before "see also".
            versions = next((vs for d in docs + context.also if len(vs := self.documents.versions(d)) > 1), ())
            if len(versions) > 1:
                if m.group(1):
                    chosen = [v for v in versions if v.endswith(m.group(1))]
                elif m.group(2):
                    chosen = [v for v in versions if not self.library.info(v).in_force]
                else:
                    chosen = [v for v in versions if self.library.info(v).in_force]
                if chosen and chosen[0] != docs[0]:  # (the 2025 article an answer on 2020 Art. 15 cited as in force)
                    return (chosen[0],)
        earlier = " ".join(self.library.clause(c).text_zh + " " + self.library.clause(c).text_en.lower()
                           for c in context.clause_ids)
        for level, words in self._LEVEL_WORDS:
            hit = next((w for w in words if w in content), None)
            # "广州的呢？" switches level; "广州引进人才有补贴吗？" is a new question that names a place.
            if hit and not _echoes(own_content(content.replace(hit, " ")), context) \
                    and len(own_content(content.replace(hit, " ")).replace(" ", "")) > 4:
                continue
            if hit and hit not in earlier:
                chosen = tuple(d.id for d in self.library.documents if d.info.level == level and d.info.in_force
                               and (not selected or d.id in selected))
                if chosen and set(chosen) != set(docs):
                    return chosen
        return None

    def _fill_last(self, refs: tuple[Reference, ...], docs: tuple[str, ...]) -> tuple[Reference, ...]:
        """"The last measure" / 最后一条: the highest number of that kind in the one document meant (the chosen,
        named or discussed one; a plan kind means the work plan); dropped when no single document is meant."""
        out = []
        for ref in refs:
            if not ref.last:
                out.append(ref)
                continue
            plan_kind = ref.kind in ("measure", "goal", "principle", "requirement")
            candidates = [d for d in (docs or [d.id for d in self.library.documents if plan_kind])
                          if not plan_kind or self.library.document(d).info.structure == "workplan"]
            if len(candidates) != 1:
                continue
            doc = self.library.document(candidates[0])
            kind = ref.kind if plan_kind else "article" if doc.info.structure == "articles" else "measure"
            numbers = [c.number for c in doc.clauses if c.kind == kind and c.number]
            if numbers:
                out.append(replace(ref, kind=kind, number=max(numbers), documents_hint=doc.id, last=False))
        return tuple(out)

    def _resolve_part_refs(self, refs: tuple[Reference, ...], context: Context | None) -> tuple[Reference, ...]:
        """第三点 / 第一项 alone: a position in the list the earlier turn gave, or a part of the clause it was
        about; with no earlier turn, a clause number (第十二项 = measure 12)."""
        out = []
        listed = context.items if context else ()
        if context and len(listed) < 2 and len(context.clause_ids) > 1 and len(
                {(self.library.clause(c).doc_id, self.library.clause(c).kind) for c in context.clause_ids}) == 1:
            listed = context.clause_ids  # "What's the second one?" after "how many principles?": the ones counted
        for ref in refs:
            if listed and len(listed) > 1 and ref.number and ref.number <= len(listed):
                clause = self.library.clause(listed[ref.number - 1])
                out.append(replace(ref, kind=clause.kind, number=clause.number, part_only=False,
                                   documents_hint=clause.doc_id))
            elif context and context.clause_ids and (not ref.number or "款" in ref.text or ref.number <= len(
                    self.library.clause(context.clause_ids[0]).parts) or _OF_THAT.search(ref.text)):
                # 第二十二项 after measure 12 (no parts) is measure 22; 第二款 and "item 4 of that" are always parts.
                clause = self.library.clause(context.clause_ids[0])
                part_kind = "point" if clause.kind != "article" else (
                    "item" if "项" in ref.text or "item" in ref.text else "paragraph")
                out.append(replace(ref, kind=clause.kind, number=clause.number, part=ref.number, part_kind=part_kind,
                                   part_only=False, documents_hint=clause.doc_id))
            elif "项" in ref.text and not ref.documents_hint and self._has_measures:
                out.append(replace(ref, kind="measure", part_only=False))  # 第五项由谁牵头: a work plan's measure
            else:
                out.append(replace(ref, part_only=False))
        return tuple(out)

    def _year_of_no_earlier_document(self, mentions, context: Context) -> bool:
        """"2020版第八条" after an article of the 2025 private-economy law: with a clause named, a year none of the earlier
        turn's documents was adopted, revised or took effect in names the version that has it ("2020年版呢？" alone still
        asks for that document's 2020 version, which the library may not hold)."""
        years = {y for m in mentions for y in re.findall(r"(?:19|20)\d\d", m.text)}
        if not years:
            return False
        earlier = {d[:4] for doc in self.library.documents_of(context.clause_ids)
                   for d in self.library.info(doc).dates.values() if d}
        return not years & earlier

    def _leans_on_context(self, content: str, asks: frozenset[str], named: tuple[str, ...], mentions) -> bool:
        """A question that names a document but brings no topic of its own (类似规定 / anything on this). One about
        the document's own dates or validity (民营经济促进法是2020年施行的吗) is its own question."""
        if asks & {"event", "when", "validity", "issuer", "number"}:
            return False
        own = own_content(bare_of(content, mentions, []))
        own = re.sub(r"规定|条例|法律|法规|说法|规矩|专门|regulations?|laws?|provisions?|rules?|say|says|anything|national|local",
                     " ", own).split()
        if cues.DEFINITION.search(content) and own_content(cues.DEFINITION.sub(" ", " ".join(own))):
            return False  # 那广州条例里“民营经济”是怎么定义的: a term of its own to define, in the document named
        # "广州市嘅条例有冇讲拖欠账款？": a Chinese topic of its own (拖欠账款; 3 characters or more, as 补贴 after a
        # guarantee question may still mean its subsidies) is searched in the document named, not
        # the earlier question; 类似 / 相关 / 这方面 lean on it.
        if any(CJK_RE.search(w) and len(w) >= 3 for w in _LEANING.sub(" ", " ".join(own)).split()) \
                and "anaphora" not in asks:
            return False
        # "…wants money to delete it, what does the Guangzhou regulation say?": a pronoun inside a question with a
        # topic of its own does not make it the earlier question asked again.
        return len(own) <= 1 or (("anaphora" in asks or "ellipsis" in asks) and len(own) <= 4)

    def _unheard_topic(self, content: str, context: Context, *, raw: str = "") -> bool:
        """Does an English question name a thing ("interest") that neither the earlier question nor its clauses
        mention but the library does? Parties, levels, versions, figures and acts of asking are no such thing."""
        rest = cues.without(content, cues.FIGURE_NOUNS, cues.CONTACT, cues.LIABILITY, cues.VERSION_WORDS, _PARTY_OR_LIMIT,
                            _ACTION_WORDS, _LEVEL_ANY, cues.ANAPHORA)
        earlier = self._context_text(context).lower()
        acronyms = set(re.findall(r"\b[A-Z]{3,5}\b", raw))
        for word in own_content(rest).split():
            if word.isascii():
                # Whole words ("interest" is not "interests" of rights and interests), a plural also as singular.
                singular = word[:-1] if word.endswith("s") else word
                forms = rf"\b(?:{re.escape(word)}|{re.escape(singular)})\b"
                # Short words count when typed in capitals (GDP, VAT): an acronym names a thing.
                long_enough = len(word) >= 5 or (len(word) >= 3 and word.upper() in acronyms)
                if long_enough and word not in _EN_FILLER and not re.search(forms, earlier) \
                        and self._in_library(word, singular, forms):
                    return True
        return False  # (Chinese words: 条件, 目标, 结果 are as often the earlier topic's aspects; dev broke on them)

    def _place_switched(self, content: str, found: tuple, context: Context, scope) -> tuple:
        """"上海呢？" after "香港的中小企业有什么资助？": the earlier question asked of the place named now, so its
        cues decide (that place's own policies: out of scope), not the bare place name's."""
        if own_content(cues.ELLIPSIS.sub(" ", blank(content, [(m.start(), m.end()) for c in found
                                                             for m in re.finditer(re.escape(c.text), content)]))):
            return found  # the follow-up has a topic of its own
        earlier = self.scope_guard.cues(context.question, scope=scope, library=self.library)
        old = next((c for c in earlier if c.category == found[0].category or c.effect == "abstain"), None)
        if old is None or old.text not in context.question:
            return found
        asked = context.question.replace(old.text, found[0].text, 1)
        return tuple(self.scope_guard.cues(asked, scope=scope, library=self.library)) or found

    def _new_term(self, topic: str, context: Context) -> bool:
        """Is ``topic`` one Chinese term of 3-6 characters that some clause contains but that shares no character
        pair with the earlier turn's question and clauses (保证金 after 商业汇票)? (Two-character words such as
        条件, 目标 are as often the earlier topic's aspects.)"""
        term = topic.replace(" ", "")
        if not (3 <= len(term) <= 6 and all(CJK_RE.match(ch) for ch in term)):
            return False
        earlier = self._context_text(context)
        if any(term[i:i + 2] in earlier for i in range(len(term) - 1)):
            return False
        return term in self._library_index()[0]

    def _unheard_terms(self, content: str) -> tuple[str, ...]:
        """jieba's words of ``content`` (two or more Chinese characters, known to jieba's dictionary, no words of
        asking) of which no character pair occurs in the library's text, that no synonym maps to the texts' terms
        (社保 -> 社会保险 is heard). () for most questions."""
        import jieba

        text = self._library_index()[0]
        keys = [k for k, _v in self._zh_synonyms]
        out = []
        for word in jieba.lcut(cues.GENERIC_WORDS.sub(" ", cues.FIGURE_NOUNS.sub(" ", content))):
            if len(word) >= 2 and CJK_ONLY.fullmatch(word) and word not in _NO_TOPIC_WORDS and (jieba.get_FREQ(word) or 0) > 0 \
                    and not any(word[i:i + 2] in text for i in range(len(word) - 1)) \
                    and not any(word in k or k in word for k in keys):
                out.append(word)
        return tuple(out)

    def _in_library(self, word: str, singular: str, forms: str) -> bool:
        """Is ``word`` (or its singular) a whole word of some clause? A set lookup for a plain word (scanning every
        clause took ~1 ms a word); the pattern ``forms`` over the clauses' text for a word with punctuation."""
        text, words = self._library_index()
        if _PLAIN_WORD.fullmatch(word):
            return word in words or singular in words
        return bool(re.search(forms, text))

    def _library_index(self) -> tuple[str, frozenset[str]]:
        """Every clause's text (Chinese, and English lower-cased) and its plain words, built on first use."""
        if self._library_words is None:
            self._library_text = "\n".join(f"{c.text_zh}\n{c.text_en.lower()}" for c in self.library.clauses)
            self._library_words = frozenset(_PLAIN_WORD.findall(self._library_text))
        return self._library_text, self._library_words

    def _context_text(self, context: Context | None) -> str:
        """The earlier turn's question and its clauses' text (Chinese and English, lower-cased)."""
        if context is None:
            return ""
        texts = [context.question]
        for clause_id in context.clause_ids[:5]:
            if self.library.has_clause(clause_id):
                clause = self.library.clause(clause_id)
                texts += [clause.text_zh, clause.text_en.lower()]
        return "\n".join(texts)

    def _target_of_context(self, content: str, asks: frozenset[str], context: Context) -> bool:
        """Does a figure question name the deadline of a target the earlier turn's clause sets (三年内, "within 3
        years"; a year only after "and …" or a pronoun: the plan's targets all run to 2010), all found in its text,
        with topic words of that clause (a third of them at least; any after "and …")?"""
        marks = time_marks(content)
        text = self._context_text(context)
        leaning = bool({"ellipsis", "anaphora"} & asks)
        if not marks or not all(m in text for m in marks) or not (leaning or all("年内" in m for m in marks)):
            return False
        if leaning:
            return True
        topic = own_content(cues.FIGURE_NOUNS.sub(" ", _TIME_MARK.sub(" ", content)))
        words = [w for w in topic.split() if w.isascii() and len(w) > 2 and w not in _EN_FILLER]
        cjk = "".join(w for w in topic.split() if not w.isascii())
        units = [w.rstrip("s") for w in words] + [cjk[i:i + 2] for i in range(len(cjk) - 1)]
        return not units or sum(u in text.lower() for u in units) * 3 >= len(units)

    def _is_followup(self, content: str, asks: frozenset[str], depts: list[DepartmentMention], context: Context, *,
                     raw: str = "") -> bool:
        """A follow-up leans on the earlier turn: a pronoun, an ellipsis, a short figure question, or no topic
        words of its own. A question with its own content words (a new topic) starts fresh: a bare "they" or
        a short figure question (政府欠款多少天要付？) follows up only when its topic words echo the earlier turn.
        """
        own = own_content(content)
        if not own:
            return True
        if context.intent in ("document", "validity") and {"issuer", "when", "event"} & asks and not depts \
                and not own_content(cues.without(content, cues.ISSUER, cues.ENACTING_BODY, cues.WHEN, cues.DOC_EVENT)):
            return True  # 哪个机关通过的？ after 民营经济促进法是什么时候通过的: the same document's facts
        if not depts and _BARE_TERM.fullmatch(content.strip(" ?？。.!！")) and not _ASKING_WORD.search(content):
            # 付款期限 / 上市 typed alone after a turn on complaints: a topic of its own, unless the earlier question
            # or its clauses share a character pair with it (担保 after the financing measures).
            term = own.replace(" ", "")
            earlier = self._context_text(context)
            return any(term[i:i + 2] in earlier for i in range(len(term) - 1))
        if len(context.items) > 1 and (cues.AMONG_LISTED.search(content) or (
                context.intent == "group_listing" and cues.THE_ONE_ON.search(content))):
            # "Which one is about startup bases?" / 发债那条是第几条 / "the one on listing" after a group: one of
            # the clauses just listed (after a department's list "the one on IP" may be another department's).
            return True
        if cues.PLAN_SECTIONS.search(content) and "anaphora" not in asks:
            return False  # "and the basic principles?" after the guiding ideology: that section, asked afresh
        if (cues.GROUP_COUNT.search(content) or cues.CLAUSE_LISTING.search(content)) and "anaphora" not in asks \
                and not any(w in context.question for w in own.split()):
            return False  # "用地方面有几项措施？" after the financing measures: a group of its own
        if "contact" in asks and not own_content(_ACTION_WORDS.sub(" ", content)):
            return True  # 找哪个部门申请 / where do I apply: whom to turn to about the earlier turn's matter
        if "contact" in asks and _all_in(own_content(_ACTION_WORDS.sub(" ", content)), self._context_text(context)):
            return True  # "who leads the 政府采购 part?" after measure 22: a part of the clause just quoted
        if "ellipsis" in asks and (term := _defined_next(content, context)):
            return _all_in(term, context.question)  # "个体工商户呢？" after 民营经济组织的定义: that term's definition
        if "ellipsis" in asks:
            # 那如果是…呢 / "if … instead?": supposing
            rest = re.sub(r"如果|假如|要是|若是|万一|换成|\b(?:if|instead)\b", " ", _PARTY_OR_LIMIT.sub(" ", content))
            if _PAYMENT_TERM.search(self._context_text(context)):
                rest = _PAYMENT_TALK.sub(" ", rest)  # 那如果是政府部门拖欠款项呢 after a payment term: the party is new
            if not own_content(rest):
                return True  # "what about a big private company? is there a maximum?": the earlier rule, for that party
            if re.search(r"\d|[一二两三四五六七八九十百千万亿]", content) \
                    and not own_content(re.sub(r"[零一二两三四五六七八九十百千万亿]+个?", " ", _OVERDUE_SUM.sub(" ", rest))) \
                    and cues.INTEREST_WORD.search(self._context_text(context)):
                return True  # 如果欠12万，逾期3个月呢 after the late-payment interest: that interest, worked out
            if self._new_term(own_content(rest), context):
                return False  # "那保证金呢？" after commercial bills: deposits, a provision of their own
        if _TARGET_WORDS.search(content) and not depts and not own_content(cues.without(content, _TARGET_WORDS, cues.FIGURE_NOUNS)) \
                and any(self.library.has_clause(c) and self.library.clause(c).targets for c in context.clause_ids[:1]):
            return True  # "What's the target number?" after the famous-brand measure: the target that measure sets
        if wants_figure(content) and not depts and self._target_of_context(content, asks, context):
            return True  # "三年内目标几多企业参加？" after the training measure: the target that measure sets
        if cues.MEMBERSHIP.search(content) and (len(own.replace(" ", "")) <= 10 if CJK_RE.search(own) else len(own.split()) <= 5) \
                and any(_DEFINES.search(s.zh) for c in context.clause_ids[:1] for s in self.library.clause(c).sentences):
            return True  # "个体户算不算？" after the definition of 民营经济组织: whether it falls under that definition
        if _ESCALATION.search(content):
            return True  # "and if it's serious enough to be a crime?": the same matter, at its worst
        if _only_overrun(content):
            return True  # "超过了怎么办？" after 检验验收要多长时间: what happens when that time limit is overrun
        if "anaphora" not in asks and not cues.WHICH_ONES.search(content) and self._unheard_topic(content, context, raw=raw):
            return False  # "and what interest can I charge?" after third-party payment terms: interest is a new topic
        if _TERM_PROPOSED.search(content) and (_MAY_IT.search(content) or _YES_NO.search(content)) \
                and len(own.replace(" ", "")) <= 14:
            # "如果合同写90天呢？行不行？" / "and if the contract says 90 days?": the earlier rule, tested; an earlier
            # clause with no payment term (不得违约拖欠) leaves the term to be tried against the one that has it.
            return bool(_PAYMENT_TERM.search(self._context_text(context)))
        if _ASPECT_WORDS.search(content) and not own_content(_ASPECT_WORDS.sub(" ", _ACTION_WORDS.sub(" ", content))) \
                and all(m.group(0) in self._context_text(context).lower() for m in _COMPLAINT_ACT.finditer(content)):
            # 需要满足什么条件 / what are the requirements?: of the earlier turn's matter; a complaint the earlier turn
            # never spoke of (系咪要俾钱先可以投诉 after measure 4) is a matter of its own.
            return True
        if "validity" in asks and len(own_content(cues.VALIDITY.sub(" ", _ACTION_WORDS.sub(" ", content))).replace(" ", "")) <= 4:
            return True  # 现在还能申请吗 / is it still available?: whether the earlier turn's text still applies
        topic = own_content(bare_of(content, (), depts))  # a department named is not a new topic
        if (m := _THE_ONE_ON.search(content)) and not _all_in(m.group(1), self._context_text(context)):
            return False  # "发债那条是第几条？": the clause on 发债, which the earlier turn's clause is not
        if "anaphora" in asks:
            if _INCLUDES_IT.search(content):
                return True  # "Does it include 个体工商户?": the term the earlier turn defined
            strong = cues.ANAPHORA.search(cues.WEAK_ANAPHORA_WORDS.sub(" ", content))
            if not strong and not _IT.search(content) and self._unheard_topic(content, context, raw=raw):
                return False  # "Can I charge them interest?": "them" is the payer; interest is a new topic
            return bool(strong) or _echoes(topic, context)
        words = own.split()
        short = len(own.replace(" ", "")) <= 6 if CJK_RE.search(own) else len(words) <= 3
        # "What about those electronic receivables vouchers? Same rule?" is as much a follow-up as 那大企业呢？
        longer = not CJK_RE.search(own) and len(words) <= 6
        if "ellipsis" in asks and not depts and _IF_ANOTHER.search(content):
            return True  # 如果係机关事业单位拖欠呢？ after 大企业罚则: the earlier question, asked of another party
        if "ellipsis" in asks and not depts and (short or longer or _echoes(topic, context)):
            # 那拖欠款项找谁投诉呢 after the measures 市科技局 leads: "那" opens a topic the earlier turn never touched.
            return _echoes(topic, context) or not _new_topic(topic, self._context_text(context))
        if cues.WHICH_ONES.search(content) and not depts:
            return True  # "Which industries?" / 哪些行业？: which of the earlier turn's things
        return short and len(content) <= 14 and wants_figure(content) and not depts and _echoes(topic, context)


_DUTY_TOWARDS = re.compile(r"对(?:自己|其|本)?的?[^，,。？?]{1,14}?(?:有|负|担)什么(?:样的?)?责任")
_SANCTION_WORDS = re.compile(r"法律责任|处罚|罚|处分|追究|失信|黑名单")
# Words of time and manner that are never what a question is about (投诉以后多久有结果: 以后 is no topic).
_NO_TOPIC_WORDS = frozenset({"以后", "之后", "以前", "之前", "后来", "然后", "现在", "目前", "已经", "一般", "大概", "通常", "到底",
                             "究竟", "多久", "结果", "时候", "怎么样", "为什么", "真的", "听说",
                             "改成", "改为", "变成", "改了", "哪里", "哪儿", "设在", "在哪"})  # a claimed change (改成了45天) is no topic
def in_force_versions(library: Library, docs: tuple[str, ...]) -> tuple[str, ...]:
    """``docs`` (document ids) with each superseded version replaced by the version that superseded it, when the
    library holds that one; order kept, duplicates dropped."""
    return tuple(dict.fromkeys(
        info.superseded_by if info.status == "superseded" and library.has_document(info.superseded_by or "") else d
        for d in docs for info in (library.info(d),)))


def keeps_version(content: str, context: Context | None) -> bool:
    """Does a question keep to the versions its conversation was about: it names a version (2020年版, 旧版), or the
    last turn compared versions ("What changed between the 2020 and 2025 versions?")? Otherwise an old version
    shown earlier gives way to the one in force (``in_force_versions``)."""
    return bool(cues.VERSION_WORDS.search(content)) or (context is not None and (
        context.intent in ("compare_versions", "version") or bool(cues.BOTH_VERSIONS.search(context.question))))


_PASTED_ID = re.compile(r"\b([a-z0-9]+(?:-[a-z0-9]+)+)/(article|measure|goal|principle|requirement)-(\d+)\b", re.IGNORECASE)
_NUMBER_ALONE = re.compile(r"\s*(\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*[?？。.!！]?\s*")
# A number after "and" / 那 … 呢 once a clause was looked up: "And 54?", 54呢？, 那五十五条呢 is caught as a reference.
_AND_NUMBER = re.compile(r"\s*(?:and|what about|how about|then|那|还有|再看)?\s*(\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*(?:呢|嘞|咧)?"
                         r"\s*[?？。.!！]*\s*", re.IGNORECASE)
# "如果是机关事业单位呢？" / "what if it's a government agency?": the earlier question with its party swapped.
_IF_ANOTHER = re.compile(r"^(?:那|那么)?(?:如果|若|要是|假如|假设)(?:是|係|系|换成|换了)[^，,。？?]{2,14}呢[?？]?$"
                         r"|^(?:and )?what if (?:it'?s|it is|they'?re|they are|the (?:buyer|customer|debtor|payer) is) (?:a |an |the )?"
                         r"[a-z -]{3,40}\??$")


CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# Another group of a work plan, after one was listed: "（二）呢？", "土地那一部分呢？", "用地方面呢".
_ANOTHER_GROUP = re.compile(r"(?:那|那么)?(?:[（(]\s*(?P<n>[一二三四五六七八九十]+)\s*[）)]"
                            r"|(?P<topic>[\u4e00-\u9fff]{2,6}?)(?:那一?部分|那一?块|这一?部分|方面(?:的)?))\s*(?:呢|的呢)?\s*[?？]?")
# A document as the speaker of what is asked: 方案要求… / 这个条例规定… / "does the plan say" / "the plan requires".
_DOCUMENT_SAYS = re.compile(r"(?<!哪)(?<!哪些)(?<!哪份)(?<!哪个)(?<!哪部)(?:方案|本文件|这份文件|这个文件|这个条例|本条例|该条例|本法|这部法)"
                            r"(?:里|中)?(?:要求|提出|规定|说|写)"
                            r"|\b(?:does|did) (?:the|this) (?:plan|document|regulation|law) (?:say|require|ask|mention)\b"
                            r"|\b(?:the|this) (?:plan|document) (?:says|requires|asks|mentions)\b", re.IGNORECASE)
# A Chinese term typed alone (no asking word): 付款期限, 上市, 逾期利息.
_BARE_TERM = re.compile(r"[\u4e00-\u9fff]{2,8}")
_ASKING_WORD = re.compile(r"什么|吗|呢|多|几|怎|哪|谁|如何|能|可以|要|是|有|算|唔|咩|点|嘅|系|会|吧|啊|么|呀|嘛|呗|那|这|它|又|还|也")
_CATALOGUE_ASKED = re.compile(cues.CATALOGUE_FRAME.pattern + "|" + cues.LIBRARY_LIST.pattern, cues.CATALOGUE_FRAME.flags)
_DEFINES = re.compile(r"所称|是指")  # a sentence that defines a term (本法所称民营经济组织，是指…)


def counts_listing_above(context: Context | None, asks: frozenset[str]) -> bool:
    """"How many are there?" / 一共几项？ after a turn that listed clauses (a group, a department's, those
    mentioning a term): the count of that list."""
    return bool(context and context.items and context.intent in ("group_listing", "department", "mentions")
                and "count" in asks)


# A time limit or duty overrun, with nothing else named: 超过了 / 逾期了 / 拖延 / "what if they take longer?".
_OVERRUN = re.compile(r"超过|超出|超期|逾期|过了期限|过期|拖延|拖着|做不到|没做到|没有做到|不遵守|不执行"
                      r"|\b(?:take|takes|took) longer\b|\bexceed\w*|\boverrun\w*|\b(?:miss|missed|misses) (?:it|the deadline)\b"
                      r"|\b(?:they|it) (?:are|is) late\b", re.IGNORECASE)
# Markup pasted into a question: a script with its body, an HTML tag, a Markdown link (its text kept), bold marks.
_MARKUP = re.compile(r"<script\b[^>]*>.*?</script\s*>|<[a-zA-Z/!][^<>]{0,300}>|\[([^\[\]]{1,200})\]\([^()\s]{1,500}\)|\*\*|__",
                     re.IGNORECASE | re.DOTALL)


def _unmarked(m: re.Match) -> str:
    """What a piece of markup leaves of a question: a link's text, else a space."""
    return m.group(1) or " "


# A first sentence saying who asks, a business and maybe its place only: "I run a factory in Guangzhou." / 我系广州开厂嘅，
_SELF_INTRO = re.compile(r"^\s*(?:(?:hi|hello)[,!]?\s*)?(?:i|we) (?:run|own|operate|manage|have) (?:a |an |my |our )?"
                         r"(?:small |little |private |family )?(?:factory|shop|store|company|business|firm|restaurant|workshop|plant)"
                         r"(?: in [a-z ]{2,30})?[.!]\s+"
                         r"|^\s*我(?:们)?(?:系|是)?(?:在|喺)?[\u4e00-\u9fff]{0,4}(?:开厂|开店|开公司|开铺)(?:的|嘅)?\s*[，。,]", re.IGNORECASE)
_OVERRUN_RULE = re.compile(r"(?:拖延|逾期|超过|迟延|超出)[^，。；]{0,12}的，")  # what an article says follows an overrun
_OVERRUN_FILLER = re.compile(r"如果|要是|假如|了|呢|\bwhat if\b|\bif\b|\bthey\b|\bit\b|\bdon't\b|\bdo not\b", re.IGNORECASE)


def _only_overrun(content: str) -> bool:
    """Does the question speak only of a limit overrun (超过了怎么办 / "what if they take longer?"), nothing else?"""
    return bool(_OVERRUN.search(content)) and not own_content(
        cues.without(content, _OVERRUN, _WHAT_TO_DO, _PARTY_OR_LIMIT, _OVERRUN_FILLER))


# "Does it include 个体工商户?" / 它包括…吗: the term the earlier turn defined.
_INCLUDES_IT = re.compile(r"\b(?:does|do|would) (?:it|that|this|they|the term) (?:also )?(?:include|cover)\b"
                          r"|^(?:那)?(?:它|这个|这|那个)(?:也)?(?:包括|包含|包不包括)", re.IGNORECASE)
# "can they pay with commercial bills?" / 可以用商业汇票支付吗: a yes/no question, whatever figure the earlier turn asked.
_YES_NO = re.compile(r"^(?:and |so |but )?(?:can|may|could|must|is it|are they|is that|do they|does it|are we)\b"
                     r"|(?:可以|能|能否|是否|可不可以|能不能|允许|合法)[^？?]{0,20}(?:吗|么)[?？]?$", re.IGNORECASE)
# "他们不付怎么办？" after a figure: what to do, not the figure again.
_WHAT_TO_DO = re.compile(r"怎么办|咋办|怎么处理|如何处理|如何应对|怎么应对|\bwhat (?:can|should|do) (?:i|we) do\b|\bwhat now\b"
                         r"|\bwhat are my options\b", re.IGNORECASE)
_ACTION_WORDS = re.compile(r"申请|申报|投诉|举报|反映|登记|认定|维权|办理|咨询|报送|上报|报给|交给|送给"
                           r"|\b(?:apply|complain|report|register|file)\w*", re.IGNORECASE)
# A term the question proposes (90天, three months) and a yes/no on it: tried against the earlier turn's rule.
# The earlier turn's matter made worse: "and if it's serious enough to be a crime?", 情节严重的呢？
_ESCALATION = re.compile(r"\bif (?:it|that|this|they)(?:'s| is| are|'re| gets?| becomes?) (?:(?:really|very|serious|bad|severe) ){0,2}"
                         r"(?:enough|serious|severe|bad|a crime|criminal)|\bserious enough\b|\bamounts? to a crime\b"
                         r"|情节严重(?:的)?(?:呢|的话|怎么办|会怎样)|构成犯罪(?:的)?(?:呢|的话|怎么办|会怎样)|严重(?:的)?话(?:呢)?")
_TERM_PROPOSED = re.compile(r"\d+\s*-?\s*(?:天|日|个月|days?\b|months?\b)", re.IGNORECASE)
_MAY_IT = re.compile(r"行不行|可以吗|可不可以|能不能|能否|合法吗|有效吗|算不算|\b(?:ok|okay|allowed|legal|valid|possible)\b"
                     r"|^(?:and |so |but )?(?:what )?if\b|如果|假如|要是", re.IGNORECASE)
_IT = re.compile(r"\b(?:it|its|those|above)\b|\bthe same\b|它", re.IGNORECASE)  # a clause referred to, not a party
# Words that point back to the earlier question's topic rather than name one (有没有类似规定 / 相关内容 / 怎么处理).
_LEANING = re.compile(r"对应|相应|哪一?条|第几条|哪个条款|类似|相似|相关|有关|同样|一样|这方面|那方面|这个|那个|这些|那些"
                      r"|内容|怎么处理|如何处理|处理|怎么说|说法|情况|呢|里|中|里面|当中")
# Cantonese 係 ("is", simplified to 系: 呢份方案系几时发嘅), but not 系 of 系统 / 关系 / 体系 / 联系 / 一系列.
_CANTONESE_IS = re.compile(r"(?<![关体联派直院维母父干谱水星世])系(?![统列数])")
_PAYMENT_TERM = re.compile(r"\d+日内支付|付款期限")
# Words of owing and paying: after a payment term, "what if the buyer is a government agency and owes me?" names
# only another party.
_PAYMENT_TALK = re.compile(r"拖欠款项|拖欠|拖数|欠款|欠钱|欠我|付款|付钱|给钱|俾钱|货款|工程款|款项"
                           r"|\b(?:owes?|owing|owed|pay|pays|paid|paying|payment|late|invoices?|money)\b", re.IGNORECASE)
# Markup with no words: table rules, pipes, fences, single letters or digits ("| a | b |\n|---|---|").
_MARKUP_ONLY = re.compile(r"(?=[\s\S]*(?:\|[\s\S]*\||---|```))[\s|:\-+*#=_~`>\[\]().,a-zA-Z0-9]*")
# An amount owed and how long overdue, supposed after the interest rule was quoted.
_OVERDUE_SUM = re.compile(r"逾期|拖欠|欠|拖了|拖|个月|月|天|日|年|万元|万|元|亿|块钱?|利息|多少|几多|呢"
                          r"|\b(?:days?|months?|overdue|late|owed?|owes|yuan|rmb|interest|for|what|if|it's|is|and)\b",
                          re.IGNORECASE)
_LEVEL_ANY = re.compile(r"国家级|省级|市级|区级|县级|省里|市里|广东|广州|全国|\b(?:national|provincial|province|municipal|city|"
                        r"district|county|guangdong|guangzhou)\b", re.IGNORECASE)
_PLAIN_WORD = re.compile(r"\w+")
# A party and a limit, with nothing else: "那大企业呢？有没有上限？" asks the earlier rule of another party.
_PARTY_OR_LIMIT = re.compile(r"大型企业|大企业|大公司|国有企业|国企|民企|私企|机关|事业单位|政府部门|政府|个体工商户|个体户"
                             r"|最长|最多|上限|期限|有没有"
                             r"|\b(?:big|large|private|privately-owned|state-owned|government|public)\b|\b(?:company|companies"
                             r"|firms?|enterprises?|agenc(?:y|ies)|bodies|body|institutions?|buyers?|clients?|customers?|purchasers?)\b"
                             r"|买方|买家|客户|甲方|对方|采购方|采购单位|欠款方|债务人|公立|医院|学校"
                             r"|\b(?:maximum|max|minimum|limit|cap|deadline|longest)\b"
                             r"|\b(?:debtors?|payers?|hospitals?|schools?|universit(?:y|ies))\b", re.IGNORECASE)
_ABOUT_ASSISTANT = re.compile(r"你是谁|您是谁|你是什么|你叫什么|你系边个|你是(?:人|机器人|ai|chatgpt)|(?:用|基于)的?(?:是)?(?:什么|哪个|哪种)(?:模型|大模型|ai)"
                              r"|什么模型|谁(?:开发|做|训练)的你|\bwho are you\b|\bwhat are you\b|\bare you (?:a |an )?(?:human|bot|robot|ai|chatgpt)\b"
                              r"|\bwhat (?:ai |language )?model\b|\bwho (?:made|built|trained|created) you\b", re.IGNORECASE)
_COMPLAINT_ACT = re.compile(r"投诉|举报|\bcomplain|\breport", re.IGNORECASE)
# Words that ask about an aspect of a matter (its conditions, procedure, materials), not a topic of their own.
_ASPECT_WORDS = re.compile(r"条件|要求|门槛|资格|标准|流程|程序|手续|步骤|材料|满足|符合|需要|必须|得|先|实现|完成|达到|达成|做到"
                           r"|\b(?:conditions?|requirements?|required|eligib\w*|criteria|qualif\w*|procedures?|steps?"
                           r"|paperwork|need|needs|must|meet|satisf\w*|first|achieved?|reached?|completed?|done)\b", re.IGNORECASE)
_WHICH_CLAUSE = re.compile(r"哪一条|哪条|第几条|哪个条款|哪一款|出自哪|哪里规定"
                           r"|(?:是|系)?(?:哪部|哪个|哪份|边部|边份)(?:法规|法律|条例|文件|规定)(?:里|中)?(?:规定|写|讲|说)的?|"
                           r"\b(?:which|what) (?:article|clause|provision|section)\b"
                           r"|\barticle number\b|\bwhere (?:is|does) (?:that|this|it) (?:say|written|come from)\b", re.IGNORECASE)
# "发债那条" / 讲担保的那项: the clause on a topic, named by its words (not "that clause" of the earlier turn).
_THE_ONE_ON = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:的)?那(?:一)?(?:条|项)(?:措施)?(?:是|系)?(?:第几|哪)")
# "这条的配合单位" after a listing of one clause: that clause, not the department's listing again.
_THIS_CLAUSE = re.compile(r"这条|那条|该条|此条|这一条|这项|那项|该项|这个措施|该措施|这项措施|\b(?:this|that) (?:measure|article|clause|one)\b",
                          re.IGNORECASE)
_DOCUMENT_FACTS = frozenset({"when", "event", "issuer", "number", "validity", "kind", "structure"})


def _without_document_talk(text: str) -> str:
    """A question's words without those about a document itself (这个条例哪天开始施行的 -> nothing left)."""
    return cues.without(text, cues.DOCUMENT_WORDS, cues.DOC_NUMBER, cues.DOC_EVENT, cues.VERSION_ONE, cues.WHEN)


# Words for a text as a whole, compared across versions: no topic of their own.
_WHOLE_TEXT_WORDS = re.compile(r"内容|条款|条文|修订|\brevision\b|\brevised\b|\bcontents?\b|\barticles\b|\bprovisions\b"
                               r"|\b(?:from|in|of|to|between)\b", re.IGNORECASE)
# A target asked with no topic of its own: "what's the target number (by 2010)?", 目标是多少.
_TARGET_WORDS = re.compile(r"\btargets?\b|\bgoals?\b|\bnumbers?\b|\baim(?:ing)? for\b|\bby 20\d\d\b|目标|指标|数字|数量|多少个?|几个|到20\d\d年",
                           re.IGNORECASE)
# A document named by its kind alone: "the plan", 这个方案, "this regulation".
_GENERIC_NAME = re.compile(r"(?:the|this|that) (?:work )?(?:plan|law|regulations?)|(?:这个|这份|该|本|那个)?(?:工作)?(?:方案|法|条例)",
                          re.IGNORECASE)
# "和2025版第二十五条比" / "compared with Article 25": the clause named is set against the earlier turn's.
_COMPARED_WITH = re.compile(r"^(?:那|那么)?(?:和|与|跟|同)|(?:和|与|跟|同)[^，。？?]{0,16}(?:比|相比|比较|对比)"
                            r"|\b(?:compared? (?:it |this |that )?(?:with|to)|differ\w* from|versus|vs)\b", re.IGNORECASE)
_COUNTERPART_ASKED = re.compile(r"哪条|哪一条|哪个条|第几条|对应|相应的?(?:条|规定)|\b(?:which|what) article\b|\bcounterpart\b"
                                r"|\bequivalent\b|\bcorresponding\b", re.IGNORECASE)
_EXCEPT_BEFORE = re.compile(r"(?:除了|除去|除|不算|\bbesides|\bother than|\bapart from|\bexcept(?: for)?|\bbeyond|\bnot counting)\s*(?:the\s+)?$")


def _mention_term(content: str) -> str:
    """The quoted words of a "which clauses mention X" question, or ""."""
    m = cues.MENTIONS.search(content)
    return ((m.group("term") or m.group("term_en") or "").strip(" 　的") if m else "")


def _translation_asked(content: str) -> str | None:
    """"en" or "zh" when a question only asks for the other language's text (英文是什么？ / in Chinese?)."""
    to = "en" if cues.TRANSLATE_TO_EN.search(content) else "zh" if cues.TRANSLATE_TO_ZH.search(content) else None
    # 个体工商户条例第十三条英文: 条例 is left of a document's name, no topic.
    if to and not re.sub(r"[\W_\d]+", "", cues.without(content, cues.TRANSLATE_WORDS, cues.DOCUMENT_TALK)):
        return to
    return None


# The clause after or before the one under discussion: 下一条 / 上一条 / "the next article" / "the previous one".
NEIGHBOUR = re.compile(r"下一条|后一条|下条|接下来(?:那|的)?一?条|(?P<back>上一条|前一条|上条)"
                        r"|\b(?:the )?(?:next|following) (?:article|measure|clause|one)\b"
                        r"|\b(?:the )?(?P<back_en>previous|preceding|prior) (?:article|measure|clause|one)\b", re.IGNORECASE)


def _context_refs(context: Context) -> tuple[Reference, ...]:
    """References to the earlier turn's first clause (measure-12 → measure 12 in its document)."""
    if not context.clause_ids:
        return ()
    doc_id, local = context.clause_ids[0].split("/", 1)
    kind, _, number = local.partition("-")
    return (Reference(kind=kind, number=int(number) if number.isdigit() else None, start=0, end=0, text=local,
                      documents_hint=doc_id),)


def _topic_units(text: str) -> tuple[list[str], str, list[str]]:
    """(English words of 3+ letters, the Chinese run together, the units compared): English words whole, Chinese by
    character pairs (政府欠款 shares nothing with 我想贷款)."""
    words = [w for w in text.split() if w.isascii() and len(w) > 2]
    cjk = "".join(w for w in text.split() if not w.isascii())
    return words, cjk, words + [cjk[i:i + 2] for i in range(len(cjk) - 1)]


def _echoes(own: str, context: Context) -> bool:
    """Do a question's own topic words (figure nouns aside) echo the earlier turn's question? True when it has
    at most two such words, or a third of them (Chinese: of its character pairs) appear there."""
    words, cjk, units = _topic_units(own_content(cues.FIGURE_NOUNS.sub(" ", own)))
    if (not cjk and len(words) <= 2) or (not words and len(cjk) <= 3):  # what about sole traders / 计划建几个
        return True
    earlier = context.question
    return sum(u in earlier for u in units) * 3 >= len(units)


_OF_THAT = re.compile(r"\b(?:of|in) (?:that|it|this|the same|the above)\b")


def _bind_documents(refs: tuple[Reference, ...], mentions, content: str, version_of=None) -> tuple[Reference, ...]:
    """"中小企业促进法第五十三条和支付条例第十七条": each reference into the document named next to it: the
    mention right before a Chinese reference (nothing but spaces or a version's year between: 保障条例2025版第九条,
    that version, by ``version_of(doc_id, words)``), right after an English one ("Article 53 of the SME Promotion Law")."""
    out = []
    for ref in refs:
        hint = ref.documents_hint
        if not hint and CJK_RE.search(ref.text):
            found = [m for m in mentions if m.end <= ref.start
                     and not _VERSION_GAP.sub("", content[m.end:ref.start]).strip(" 的里中")]
            hint = found[-1].doc_id if found else None
            if hint and version_of and _VERSION_GAP.search(gap := content[found[-1].end:ref.start]):
                hint = version_of(hint, gap) or hint
        elif not hint:
            after = next((m for m in mentions if m.start >= ref.end and _ENGLISH_GAP.fullmatch(content[ref.end:m.start])), None)
            hint = after.doc_id if after else None
            if hint and version_of and (year := re.search(r"(?:19|20)\d\d", content[ref.end:after.end])):
                # "Article 24 of the 2025 payment regulation": that version.
                hint = version_of(hint, year.group()) or hint
        out.append(replace(ref, documents_hint=hint) if hint else ref)
    return tuple(out)


_VERSION_GAP = re.compile(r"(?:19|20)\d\d\s*年?\s*(?:修订|修正)?(?:版|版本)?")
_ENGLISH_GAP = re.compile(r"\s*(?:of|in|from)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+(?:(?:revised\s+)?(?:version|revision)\s+of\s+(?:the\s+)?)?)?",
                          re.IGNORECASE)
_TIME_MARK = re.compile(r"(?:by|in|until|before)\s+((?:19|20)\d\d)\b|((?:19|20)\d\d)\s*年|([0-9一二三四五两]{1,2})\s*年内"
                        r"|\bwithin\s+(\d|one|two|three|four|five)\s+years?\b", re.IGNORECASE)
_SMALL = {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "one": "1", "two": "2", "three": "3", "four": "4",
          "five": "5"}


def time_marks(text: str) -> list[str]:
    """The deadlines a question names, as the Chinese texts write them: "by 2010" -> "2010", 三年内 / "within
    three years" -> "3年内"."""
    out = []
    for m in _TIME_MARK.finditer(text):
        if year := m.group(1) or m.group(2):
            out.append(year)
        elif n := m.group(3) or m.group(4):
            out.append(_SMALL.get(n.lower(), n) + "年内")
    return out


def _all_in(topic: str, earlier: str) -> bool:
    """Is the topic ``earlier``'s own: every English word in it (whole, lower-cased) and three fifths of the Chinese
    character pairs (向领导小组报告进度 against 进度情况向…领导小组报告)?"""
    words = [w for w in topic.split() if w.isascii()]
    cjk = "".join(w for w in topic.split() if not w.isascii())
    pairs = [cjk[i:i + 2] for i in range(len(cjk) - 1)] or ([cjk] if cjk else [])
    if not words and not pairs:
        return False
    return all(re.search(rf"\b{re.escape(w.lower())}\b", earlier) for w in words) and (
        not pairs or sum(p in earlier for p in pairs) * 5 >= 3 * len(pairs))


# A question of what a term means (not whether something falls under it).
_WHAT_IS = re.compile(r"定义|是指|指什么|指的是什么|什么是|是什么意思|怎么界定|如何界定|\bdefin\w*|\bmean(?:s|ing)?\b|\bwhat (?:is|are) (?:a |an |the )?"
                      r"[\w\s'-]{2,40}\?", re.IGNORECASE)


def _defined_next(content: str, context: Context) -> str:
    """The term an ellipsis names after a definition question ("个体工商户呢？" after 民营经济组织的定义 →
    个体工商户), or "" when the earlier question asked no definition or this one asks something of its own."""
    if not _WHAT_IS.search(context.question) or cues.DEFINITION.search(content) or cues.MEMBERSHIP.search(context.question):
        return ""  # (after 民营经济组织包括个体工商户吗, "那外资企业呢？" asks whether that one is included)
    term = own_content(cues.ELLIPSIS.sub(" ", content)).strip()
    if not term or (CJK_RE.search(term) and len(term.replace(" ", "")) > 10) or len(term.split()) > 4:
        return ""
    return term


def _new_topic(own: str, earlier: str) -> bool:
    """Topic words (figure and asking words aside) that neither the earlier question nor its clauses contain:
    at least four Chinese characters sharing no character pair with them, or at least three English words
    none of which they contain."""
    if not earlier:
        return False
    # "2020年版的有啥不一样", "那违反了怎么处理": about the earlier topic.
    topic = own_content(cues.without(own, cues.CONTACT, cues.FIGURE_NOUNS, cues.VERSION_CHANGE, cues.VERSION_WORDS,
                                     cues.VERSION_ONE, cues.LIABILITY))
    cjk = "".join(w for w in topic.split() if not w.isascii())
    words = [w for w in topic.split() if w.isascii() and len(w) > 2 and w not in _EN_FILLER]
    if len(cjk) >= 4:
        return not any(cjk[i:i + 2] in earlier for i in range(len(cjk) - 1))
    if not cjk and len(words) >= 3:
        return not any(w in earlier or w.rstrip("s") in earlier for w in words)
    return False


# English words of asking that name no topic ("what about in English - who handles …").
_EN_FILLER = frozenset({"what", "about", "who", "whom", "how", "does", "did", "can", "could", "would", "should", "the",
                        "and", "english", "chinese", "please", "tell", "there", "any", "handles", "handle", "deals", "with"})


# A year used as a document's name: 2024年版, 2019年的广东条例, "the 2024 regulation", "the 2020 version".
# A contract's terms that differ from the rule ("if the contract says something different", 合同另有约定) compare no
# versions of a text.
# "新版新增了哪些条文？" / "which articles are new?": the versions as a whole, not the topic compared before.
_NEW_ARTICLES = re.compile(r"新增(?:了)?(?:哪些|什么|几)|\b(?:which|what) (?:articles|provisions|clauses) (?:are|were) (?:new|added)\b"
                           r"|\bwhat(?:'s| is| was| has been)? (?:new|added)\b")
_TERMS_DIFFER = re.compile(r"\b(?:contract|agreement|deal|terms)\b[^?？]{0,30}\b(?:different|differ|differently|otherwise)\b"
                           r"|(?:合同|协议|约定)[^?？]{0,12}(?:不同|不一样|另有|唔同)")
_VERSION_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)(?:年版|版|年的?(?:条例|法(?![规律院])|方案)|\s(?:version|regulations?|law|plan|text|edition)\b"
                           r"|年的?(?=[\u4e00-\u9fff]{0,8}?(?:条例|法|方案))"
                           r"|(?=\s(?:[a-z]+\s){0,3}?(?:version|regulations?|law|plan|text|edition)\b))")


def bare_of(content: str, doc_mentions, depts) -> str:
    """``content`` with the document and department names blanked out (inherited departments have no span)."""
    return blank(content, [(m.start, m.end) for m in doc_mentions] + [(d.start, d.end) for d in depts if d.end])
