"""Read a whole string as one clause id, for ``qa show`` and the clause browser.

Accepted: a qualified id (``sme-payment-regulation-2025/article-9``), a local id with a document
(``article-9`` + ``--doc``) or unique in the library (``measure-12``), or any reference form that
``find_references`` reads (第12条, measure 12, 目标二) inside the chosen document or the one document
that has it, or the clause browser's own link (``…?clause=<id>&lang=zh``). Anything else raises ``UnknownClauseError`` listing the accepted forms.
"""

from __future__ import annotations

import re

from qa.errors import UnknownClauseError
from qa.models import Library
from qa.normalize import normalize
from qa.understand.references import find_references, local_id

FORMS = ("sme-payment-regulation-2025/article-9", "article-9 --doc ID", "measure-12", "第12条", "第十二条",
         "measure 12", "措施十二", "目标二", "原则一", "article 77")


_NAMES: dict[str, object] = {}  # library hash -> its DocumentNames, built once (the app resolves ids per request)


def _names(library: Library):
    from qa.understand.documents import DocumentNames

    if library.corpus_hash not in _NAMES:
        _NAMES.clear()  # one library at a time
        _NAMES[library.corpus_hash] = DocumentNames(library)
    return _NAMES[library.corpus_hash]


def resolve_clause_id(text: str, library: Library, *, doc: str | None = None) -> str:
    """The qualified clause id ``text`` names; ``UnknownClauseError`` says why not and what is accepted."""
    raw = (text or "").strip()
    if "clause=" in raw:
        # The clause browser's own link pasted back (…?clause=sme-payment-regulation-2025/article-17&lang=zh).
        from urllib.parse import parse_qs, urlsplit

        raw = (parse_qs(urlsplit(raw).query).get("clause") or [raw])[0].strip()
    key = raw.lower().replace("_", "-").replace(" ", "") if raw.isascii() else raw
    if doc is not None and not library.has_document(doc):
        raise UnknownClauseError(f"no document {doc!r}; list them with `qa documents`")
    if library.has_clause(key):
        return key
    if "/" in key and not library.has_document(key.split("/", 1)[0]):
        raise UnknownClauseError(f"no document {key.split('/', 1)[0]!r} in {raw!r}; list them with `qa documents`")
    docs = [doc] if doc else library.doc_ids
    local = [f"{d}/{key}" for d in docs if library.has_clause(f"{d}/{key}")]
    if len(local) == 1:
        return local[0]
    if len(local) > 1:
        raise UnknownClauseError(f"{raw!r} is in {len(local)} documents ({', '.join(c.split('/')[0] for c in local)}); "
                                 "add --doc ID or write the qualified id")
    if key.isdigit():
        found = [f"{d}/{kind}-{int(key)}" for d in docs for kind in ("article", "measure")
                 if library.has_clause(f"{d}/{kind}-{int(key)}")]
        if len(found) == 1:
            return found[0]
        if found:
            raise UnknownClauseError(f"{raw!r} is in {len(found)} documents ({', '.join(c.split('/')[0] for c in found)}); "
                                     "add --doc ID")
    if doc is None:
        # 民营经济促进法第六十五条: the document the text names, as the assistant reads it.
        named = list(dict.fromkeys(m.doc_id for m in _names(library).find(normalize(raw)) if not m.structural))
        docs = named or docs
    refs = find_references(normalize(raw))
    if len(refs) == 1:
        ref = refs[0]
        found = []
        for d in docs:
            structure = library.info(d).structure
            kinds = [ref.kind] if ref.kind and ref.kind != "article" else (["article"] if structure == "articles" else ["measure"])
            if ref.kind == "article" and structure == "workplan":
                kinds = ["measure"]
            for kind in kinds:
                cid = f"{d}/{local_id(kind, ref.number)}"
                if library.has_clause(cid):
                    found.append(cid)
        if len(found) > 1 and (year := re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", normalize(raw)[:ref.start] + " "
                                                 + normalize(raw)[ref.end:])):
            # "Article 17 2025": the document of that year (its id's year, else one of its dates).
            found = [c for c in found if c.split("/")[0].endswith(year.group(1))] or [
                c for c in found if any(v.startswith(year.group(1)) for v in library.info(c.split("/")[0]).dates.values())]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise UnknownClauseError(f"{raw!r} is in {len(found)} documents ({', '.join(c.split('/')[0] for c in found)}); "
                                     "add --doc ID")
    where = f" in {doc}" if doc else ""
    raise UnknownClauseError(f"no clause {raw!r}{where}. Accepted forms: {', '.join(FORMS)}; "
                             "list the clauses with `qa clauses [--doc ID]`")
