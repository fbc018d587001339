"""Documents named in a question: short names (民营经济促进法, payment regulations), version years, generic words.

``DocumentNames(library).find(text)`` returns the document ids a question names, most specific first.
A name shared by several versions (保障中小企业款项支付条例 2020 / 2025) means the version in force,
unless the question gives the year of another (2020年版, the 2020 version). "这个方案" / "the plan"
means the library's only work plan, if there is exactly one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from qa.models import Library
from qa.normalize import normalize
from qa.understand import cues
from qa.understand.spans import find_all, overlaps

_PLAN_WORDS = re.compile(r"(这个|本|该|此|那个)?(工作)?方案|\b(the|this|that) (work )?plan\b|\bwork plan\b")
# Words for a work plan's own structure (its numbered measures and their groups, its goals, principles and work
# requirements): laws have articles and chapters, so with no document named these mean the plan.
_PLAN_STRUCTURE = re.compile(r"(?:几|多少)(?:条|项)(?:主要)?措施|措施(?:一共|总共|共)?(?:有)?(?:几|多少)(?:条|项)|方面的措施"
                             r"|几大(?:类|组|方面)"
                             r"|\bhow many (?:main )?measures\b|\blist (?:all )?(?:the )?measures\b|\bgroups? of measures\b"
                             r"|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|\d(?:st|nd|rd|th)) group\b"
                             r"|\bmeasures (?:on|about|under|in the)\b|\bthe measures\b|\bgoals section\b|"
                             + cues.PLAN_SECTIONS.pattern, re.IGNORECASE)
_VERSION_ONLY = re.compile(r"(?<!\d)(?:19|20)\d\d\s*(?:年版|版|年修订版?|年(?:的|那个)?(?:条例|版本|文本|老条例|旧条例))"
                           r"|旧条例|老条例|旧版本?|老版本?|新版本?|修订前|修订后|两版|两个版本|新旧|现在的版本|现在(?:的|嘅)?(?:版|条例)"
                           r"|\b(?:the )?(?:old |new |original |revised )?(?:19|20)\d\d (?:version|text|edition|regulations?|rules?"
                           r"|revision|one)\b|\bboth versions\b"
                           r"|\bthe (?:old|older|earlier|previous|former|new|newer|revised|current) (?:version|text|regulations?|edition)\b")
# A title-like name right before a clause number: 《X条例》第十条 / X法第3条.
_DOC_NAME_RE = re.compile(r"《?([\u4e00-\u9fff]{2,30}?(?:条例|法|办法|规定|意见|决定|方案|通知|细则))》?\s*(?:的)?\s*第")
_PLACE_OPENING = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:市|省|自治区|经济特区)")
_TYPED_NAME_RE = re.compile(r"([\u4e00-\u9fff]{5,30}?(?:条例|法))")
_GENERIC_NAME_RE = re.compile(r"(?:这个|本|该|此|那个|这部|那部|这份|新|旧|老)?(?:工作)?(?:条例|法|办法|规定|意见|决定|方案|通知|细则)")
# "Article 10 of the Regulations on Optimizing the Business Environment"
_DOC_NAME_EN_RE = re.compile(r"\barticle\s+\w+\s+of\s+(?:the\s+)?((?:[a-z'-]+\s+){0,8}?(?:law|regulations?|measures|provisions|rules|plan)"
                             r"(?:\s+(?:on|of|for)\s+(?:the\s+)?(?:[a-z'-]+\s*){1,8})?)\s*[?.!]*$")
_GENERIC_NAME_EN_RE = re.compile(r"(?:this|that|the)?\s*(?:law|regulations?|plan|document|rules)")
_PLACES = {"广州": re.compile(r"广州|\bguangzhou\b|\bcanton\b"), "广东": re.compile(r"广东|\bguangdong\b")}
# A year and a kind of text, with no name: 2024年条例, 2007年的方案, "the 2024 regulation", "the 2025 law".
_YEAR_KIND_RE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*(?:年的?|年版的?|年修订的?)?\s*(?P<kind>条例|法(?![规律院])|方案|工作方案"
                           r"|regulations?\b|laws?\b|plan\b|work plan\b)")
_KIND_WORDS = {"条例": ("local_regulation", "state_council_regulation"), "regulation": ("local_regulation", "state_council_regulation"),
               "法": ("law",), "law": ("law",), "方案": ("municipal_work_plan",), "工作方案": ("municipal_work_plan",),
               "plan": ("municipal_work_plan",), "work plan": ("municipal_work_plan",)}
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:年版|版|年的|年那个|年修订|年修订版|年)?")


# A keyword of a Chinese name that a mixed question says in English ("the 个体工商户 regulation", "民营经济 law").
_IN_ENGLISH = {"条例": "regulation", "促进法": "law", "方案": "plan", "广州": "guangzhou", "广东": "guangdong"}


@dataclass(frozen=True)
class DocumentMention:
    """A document a question names, and where."""

    doc_id: str
    start: int
    end: int
    text: str
    loose: bool = False  # named by keywords (广东 + 中小企业), not by a name
    version_only: bool = False  # named only by a version (2020年版呢？), which may belong to the earlier turn's document
    structural: bool = False  # not named: only the plan has what is asked for (几条措施, the main goals)


# A second question about the version in force, after one about an older version: 现在的呢？ / "and how many now?"
_AND_NOW = re.compile(r"(?:现在|现行版?|目前|如今)(?:的|嘅)?(?:呢|有几|有多少)|\band (?:how many|what|how much|which) (?:\w+ )?now\b"
                      r"|\band now\b|\bwhat about now\b|\bhow about now\b")
VERSION_YEAR_WINDOW = 12  # characters either side of a document's name where its version's year is looked for


class DocumentNames:
    """Finds document names in normalised question text; built once per library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        by_name: dict[str, list[str]] = defaultdict(list)
        keywords: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for d in library.documents:
            info = d.info
            for name in (info.title, *info.short_names, info.title_en, *info.short_names_en):
                key = normalize(name)
                # English names also match in the singular and without a leading "the".
                for variant in {key, key.replace("regulations", "regulation"), key.removeprefix("the ")}:
                    if len(variant) >= 3 and d.id not in by_name[variant]:
                        by_name[variant].append(d.id)
            for group in info.name_keywords:
                keywords[tuple(normalize(w) for w in group)].append(d.id)
        self._keywords = sorted(keywords.items(), key=lambda kv: -sum(len(w) for w in kv[0]))
        self._names = sorted(by_name.items(), key=lambda kv: -len(kv[0]))
        # Documents with several versions, by name: "2020年版" alone can only mean one of these.
        self._families = list({tuple(ids) for ids in by_name.values() if len(ids) > 1})
        plans = [d.id for d in library.documents if d.info.kind == "municipal_work_plan"]
        self._plan = plans[0] if len(plans) == 1 else None

    def find(self, text: str) -> list[DocumentMention]:
        """Documents named in ``text`` (normalised), in order of appearance, one per name."""
        found: list[DocumentMention] = []
        taken: list[tuple[int, int]] = []
        for name, ids in self._names:
            for start, end in find_all(text, name):
                if overlaps(start, end, taken):
                    continue
                taken.append((start, end))
                found.append(DocumentMention(self.version_of(ids, text, (start, end)), start, end, name))
        named = len(found)
        for m in _YEAR_KIND_RE.finditer(text):
            if not overlaps(m.start(), m.end(), taken) and (doc_id := self._of_year(m)):
                # 2007年方案同2024年条例: a year and a kind of text name the one document of that year.
                taken.append((m.start(), m.end()))
                found.append(DocumentMention(doc_id, m.start(), m.end(), m.group(0)))
        if not named:
            # Also when a year named one ("Guangzhou … the 2024 regulation": the place is part of the name too).
            # Loose naming (广东的中小企业条例, the Guangdong SME regulation): every word of a keyword group.
            for words, ids in self._keywords:
                if all(w in text or _IN_ENGLISH.get(w, "\0") in text for w in words):
                    # The span of the group's first word (the place: 广州 or "guangzhou"), in the form typed; the
                    # group's topic words ("private economy") stay in the question's topic.
                    first = next(f for f in (words[0], _IN_ENGLISH.get(words[0])) if f and f in text)
                    start = text.find(first)
                    doc_id = self.version_of(ids, text)
                    found.append(DocumentMention(doc_id, start, start + len(first), first,
                                                 loose=doc_id not in {f.doc_id for f in found}))
                    break
        if not found:
            found += self._misspelt(text)
        if not found:
            found += self._version_only(text)
        if self._plan and not any(f.doc_id == self._plan for f in found):
            if m := _PLAN_WORDS.search(text):
                found.append(DocumentMention(self._plan, m.start(), m.end(), m.group(0), loose=True))
            elif not found and (m := _PLAN_STRUCTURE.search(text)):
                # An empty span: the structure words stay in the topic (主要目标 is what is asked for).
                found.append(DocumentMention(self._plan, m.start(), m.start(), "", loose=True, structural=True))
        if (now := _AND_NOW.search(text)) and len(found) == 1:
            # "How many articles did it have in 2020 and how many now?": the version in force as well.
            family = next((ids for ids in self._families if found[0].doc_id in ids), ())
            current = [i for i in family if self.library.info(i).in_force and i != found[0].doc_id]
            if current:
                found.append(DocumentMention(current[0], now.start(), now.end(), now.group(0), loose=True))
        found.sort(key=lambda f: f.start)
        out: list[DocumentMention] = []
        for f in found:
            if f.doc_id not in {o.doc_id for o in out}:
                out.append(f)
        return out

    def _of_year(self, m: re.Match) -> str | None:
        """The one document of the year and kind in ``m`` (a ``_YEAR_KIND_RE`` match): its id's year first
        (2020年条例 -> the 2020 payment regulation, not the Guangdong one in force from 2020), then any of its
        dates; None when none or several are."""
        year, word = m.group("year"), m.group("kind").lower()
        kinds = next(k for w, k in _KIND_WORDS.items() if word.startswith(w))
        docs = [d.info for d in self.library.documents if d.info.kind in kinds]
        for years_of in (lambda i: {i.id[-4:]}, lambda i: {d[:4] for d in i.dates.values()}):
            ids = [i.id for i in docs if year in years_of(i)]
            if ids:
                return ids[0] if len(ids) == 1 else None
        return None

    def _misspelt(self, text: str) -> list[DocumentMention]:
        """A Chinese document name typed with one wrong character (two in names of 9+), in a name of 5+
        characters (保障中小企业款项支附条例, 民营经济足进法); a word added or left out is no misspelling."""
        for m in _TYPED_NAME_RE.finditer(text):
            typed = m.group(1)
            for name, ids in self._names:
                if len(name) < 5 or name.isascii() or len(name) > len(typed):
                    continue
                tail = typed[-len(name):]  # the name may follow other words (广州的民营经济足进法)
                wrong = sum(a != b for a, b in zip(tail, name))
                if 0 < wrong <= (2 if len(name) >= 9 else 1) and tail[-2:] == name[-2:]:
                    begin = m.end(1) - len(name)
                    return [DocumentMention(self.version_of(ids, text), begin, m.end(1), tail, loose=True)]
        return []

    def unknown_named(self, text: str) -> str | None:
        """A document name the question gives that is not in the library (优化营商环境条例第十条), else None."""
        for m in _DOC_NAME_RE.finditer(text):
            name = m.group(1)
            if not self.find(name) and not _GENERIC_NAME_RE.fullmatch(name):
                return name
        for m in _DOC_NAME_EN_RE.finditer(text):
            name = m.group(1).strip()
            if not self.find(name) and not _GENERIC_NAME_EN_RE.fullmatch(name):
                return name
        return None

    def other_place_named(self, text: str) -> str | None:
        """A document name with a clause number that opens with a place the library has no document of
        (上海市中小企业条例第十条: its keywords alone would name Guangdong's), else None."""
        for m in _DOC_NAME_RE.finditer(text):
            name = m.group(1)
            if _PLACE_OPENING.match(name) and not self.of_places(name):
                return name
        return None

    def names_other_place(self, name: str) -> bool:
        """Does a document name open with a place the library has no document of (北京市民营经济促进条例)?"""
        return bool(_PLACE_OPENING.match(name)) and not self.of_places(name)

    def of_places(self, text: str) -> tuple[str, ...]:
        """The documents of the places a question names (广州 → the Guangzhou texts; 广东 alone → the Guangdong
        ones): a Guangzhou entrepreneur asking about 广州 wants the Guangzhou regulation first."""
        named = [place for place, pattern in _PLACES.items() if pattern.search(text)]
        if "广州" in named:
            named = ["广州"]
        return tuple(d.id for d in self.library.documents for place in named if place in d.info.title)

    def _version_only(self, text: str) -> list[DocumentMention]:
        """A version named without its document (2020年版呢？, the old regulation): when exactly one document of
        the library has versions, that document's version."""
        if len(self._families) != 1 or not (m := _VERSION_ONLY.search(text)):
            return []
        return [DocumentMention(self.version_of(list(self._families[0]), text), m.start(), m.end(), m.group(0), loose=True,
                                version_only=True)]

    def version_of(self, ids: list[str], text: str, span: tuple[int, int] | None = None) -> str:
        """Of several versions sharing a name: the one whose year the question gives (next to the name at
        ``span`` when a year is there: "article 8 of the 2020 regulation with article 9 of the 2025 one"),
        else the one in force."""
        if len(ids) == 1:
            return ids[0]
        near = text[max(0, span[0] - VERSION_YEAR_WINDOW):span[1] + VERSION_YEAR_WINDOW] if span else ""
        years = {m.group(1) for m in _YEAR_RE.finditer(near)} or {m.group(1) for m in _YEAR_RE.finditer(text)}
        for doc_id in ids:  # the version named by its own year first (2020年版, the 2020 text) …
            info = self.library.info(doc_id)
            if years & {doc_id[-4:], (info.edition or "")[:4], info.dates.get("effective", "")[:4],
                        info.dates.get("revised", "")[:4]} - {""}:
                return doc_id
        if re.search(r"旧版|老版|原来的|原版|之前的|以前的|\bold\b|\boriginal\b|\bprevious\b|\bearlier\b|\bformer\b", text):
            old = [i for i in ids if not self.library.info(i).in_force]
            if old:
                return old[0]
        for doc_id in ids:  # … then any date of it
            info = self.library.info(doc_id)
            if years & {d[:4] for d in info.dates.values()}:
                return doc_id
        in_force = [i for i in ids if self.library.info(i).in_force]
        return in_force[0] if in_force else ids[0]

    def versions(self, doc_id: str) -> list[str]:
        """Every version linked to ``doc_id`` (supersedes / superseded_by), oldest first."""
        chain = [doc_id]
        info = self.library.info(doc_id)
        while info.supersedes and self.library.has_document(info.supersedes):
            chain.insert(0, info.supersedes)
            info = self.library.info(info.supersedes)
        info = self.library.info(doc_id)
        while info.superseded_by and self.library.has_document(info.superseded_by):
            chain.append(info.superseded_by)
            info = self.library.info(info.superseded_by)
        return chain


def without_document_names(text: str, doc_ids, library: Library) -> str:
    """``text`` with the titles and short names of ``doc_ids`` blanked, longest first (an English question may
    quote a Chinese title: "Does 广州市支持民营经济发展条例 offer talent subsidies?")."""
    for doc_id in doc_ids:
        info = library.info(doc_id)
        for name in sorted((info.title, *info.short_names), key=len, reverse=True):
            text = text.replace(name, " ")
    return text


_CHAPTER_WORD = re.compile(r"章|\bchapters?\b", re.IGNORECASE)
_HEADING_STOP = frozenset({"chapter", "of", "and", "the", "for", "on", "provisions"})


def named_chapters(text: str, doc_ids, library: Library) -> list[tuple[str, str]]:
    """The chapters a question names by heading rather than number ("权益保护那章", "the rights protection
    chapter"), as (document id, heading) in the order of ``doc_ids``; [] unless the question says 章 / chapter.
    A Chinese heading matches as written; an English one when all but one of its words (at least two) occur."""
    from qa.index.tokenize import english_tokenize

    if not _CHAPTER_WORD.search(text):
        return []
    words = set(english_tokenize(text))
    found = []
    for doc_id in doc_ids:
        info = library.info(doc_id)
        for heading, english in zip(info.chapters, info.chapters_en or (None,) * len(info.chapters)):
            name = re.sub(r"^第\S+章\s*", "", heading)
            if len(name) >= 2 and name in text:
                found.append((doc_id, heading))
                continue
            if english:
                terms = {w for w in english_tokenize(re.sub(r"^Chapter \d+\s*", "", english))
                         if w not in _HEADING_STOP}
                if len(terms) >= 2 and len(terms & words) >= len(terms) - 1 and len(terms & words) >= 2:
                    found.append((doc_id, heading))
    return found
