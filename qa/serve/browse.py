"""The clause browser's rows: every clause of the library, filtered by what hotline staff type (a number in any
form, words, a department and its role, a document), with the lead and cooperating departments of each."""

from __future__ import annotations

import functools
import re

from qa.answer.citation import clause_label, document_name
from qa.answer.handlers.listings import roles_in
from qa.errors import QAError
from qa.ingest.numerals import to_int
from qa.models import Clause, Library
from qa.normalize import normalize
from qa.serve.render import status_suffix
from qa.understand.lookup import resolve_clause_id
from qa.understand.references import find_references
from qa.understand.spans import blank

MAX_SEARCH_CHARS = 200  # of the search box: longer text is cut


class ClauseBrowser:
    """Row source of the clause browser over one library (read-only, built once per app)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.dept_aliases: dict[str, set[str]] = {}
        for alias, name in library.department_aliases.items():
            if name in library.departments:
                self.dept_aliases.setdefault(name, set()).add(normalize(alias))
        for name, dept in library.departments.items():
            self.dept_aliases.setdefault(name, set()).add(normalize(dept.english))
        # The canonical department names too: measure 12's text says "科技局", its lead is 市科技局.
        self.searchable = {c.id: tuple(normalize(f) for f in (c.text_zh, c.text_en, c.title, c.title_en, c.id, *c.leads,
                                                              *c.cooperates, *(library.department_english(d) for d in
                                                                               (*c.leads, *c.cooperates))))
                           for c in library.clauses}
        self.doc_names = {d.id: tuple(normalize(n) for n in (d.info.title, d.info.title_en, *d.info.short_names,
                                                              *d.info.short_names_en)) for d in library.documents}

    def rows(self, query: str, doc: str, dept: str, role: str, lang: str) -> list[list]:
        """[label, title, document (with status), lead departments, cooperating departments, clause id] per clause.

        Args:
            query: what was typed: a clause reference (第12条, 十二条, （十二）, measure 12), a bare number (十二, 12:
                every document's article or measure of that number), words (all must occur: 逾期利息 万分之五),
                or a reference with words that narrow it (第十二条 广州). At most ``MAX_SEARCH_CHARS`` are read.
            doc: a document id, or "all". dept: a department's name or alias (Chinese or English), or "all".
            role: "lead", "cooperate" or "any". lang: "zh" or "en", the language of the row texts.
        """
        library = self.library
        wanted = self._wanted(query, doc)
        dept_name = None
        if dept and dept != "all":
            key = normalize(dept)
            dept_name = dept if dept in library.departments else next(
                (n for n, aliases in self.dept_aliases.items() if any(key in a or a in key for a in aliases if a)), "")
        rows = []
        for c in library.clauses:
            if wanted is not None and c.id not in wanted:
                continue
            if doc and doc != "all" and c.doc_id != doc:
                continue
            if dept_name is not None:
                # As the chat lists them: a department leading one part of a measure and cooperating on another
                # is under both (市财政局 in measures 1 and 22).
                leads, coops = roles_in(c)
                in_lead, in_coop = dept_name in leads, dept_name in coops
                if not (in_lead if role == "lead" else in_coop if role == "cooperate" else in_lead or in_coop):
                    continue
            elif role in ("lead", "cooperate") and not (c.leads if role == "lead" else c.cooperates):
                continue
            zh_label, en_label = clause_label(c)
            info = library.info(c.doc_id)
            leads, coops = roles_ordered(c)
            rows.append([zh_label if lang == "zh" else en_label, c.title if lang == "zh" else (c.title_en or c.title),
                         document_name(info, lang, number=False) + status_suffix(info, lang),
                         "、".join(leads) if lang == "zh" else "; ".join(library.department_english(d) for d in leads),
                         "、".join(coops) if lang == "zh" else "; ".join(library.department_english(d) for d in coops),
                         c.id])
        return rows

    def _wanted(self, query: str, doc: str) -> set[str] | None:
        """The clause ids the search text selects; None when nothing was typed."""
        library = self.library
        text = normalize(query or "")[:MAX_SEARCH_CHARS]
        if not text.strip():
            return None
        wanted: set[str] = set()
        try:
            wanted.add(resolve_clause_id(query[:MAX_SEARCH_CHARS], library, doc=doc if doc and doc != "all" else None))
        except QAError:
            pass
        refs = find_references(text)
        words = text.split()
        numbers = [n for n in (numeral(w) for w in words) if n is not None]
        if not wanted and (refs or numbers):
            # 第12条 (or a bare 十二 / 12) with every document: each document's article 12 and the plan's measure
            # 12; another word typed beside it (第十二条 广州) narrows them.
            # (The words of a reference are no narrowing words: "Art. 9" is one reference, not "art." and 9.)
            outside = blank(text, [(r.start, r.end) for r in refs])
            rest = [w for w in outside.split() if numeral(w) is None and not find_references(w)]
            for kind, number in [(r.kind, r.number) for r in refs] + [(None, n) for n in numbers]:
                for d in library.documents:
                    for k in ([kind] if kind and kind != "article" else ["article", "measure"]):
                        cid = f"{d.id}/{k}-{number}"
                        if library.has_clause(cid) and all(self._matches(cid, w) for w in rest):
                            wanted.add(cid)
        if not wanted and not refs:
            # Every word typed, in the clause, its title, departments or document's names (逾期利息 万分之五; a
            # number no clause has, 2010, as text).
            wanted = {cid for cid in self.searchable if all(self._matches(cid, w) for w in words)}
        return wanted

    def _matches(self, cid: str, word: str) -> bool:
        """Does ``word`` occur in the clause's text, title, id, departments or its document's names? An English
        word as a whole word, or with a plural ending ("late" is not in "regulate"; "guarantee" is in "guarantees")."""
        found = _english_word(word).search if word.isascii() and word.isalpha() else (lambda field: word in field)
        return any(found(f) for f in self.searchable[cid]) or any(found(n) for n in self.doc_names[cid.split("/")[0]])


@functools.lru_cache(maxsize=256)
def _english_word(word: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z]){re.escape(word)}(?:s|es)?(?![a-z])")


def numeral(word: str) -> int | None:
    """A search word that is only a number (12, 十二, １２) as an int, else None."""
    try:
        return to_int(word)
    except ValueError:
        return None


def roles_ordered(clause: Clause) -> tuple[list[str], list[str]]:
    """The clause's lead and cooperating departments in the text's order, with each part's own: 市民营办 leads part
    1 of measure 34 and cooperates on parts 2 and 3, so it is in both columns."""
    leads, coops = list(clause.leads), list(clause.cooperates)
    for s in clause.sentences:
        if s.assignment:
            leads += [d for d in s.assignment.leads if d not in leads]
            coops += [d for d in s.assignment.cooperates if d not in coops]
    return leads, coops
