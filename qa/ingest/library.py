"""Load a library: every document folder of a corpus root, plus the shared glossary.

    corpus/
      departments.json          glossary: city departments, bodies, legal terms (English)
      scope_cues.json           words that put a question outside the library
      terms.txt                 jieba user dictionary of policy terms
      <doc-id>/document.json …  one folder per document (see ``qa.ingest.document``)

Entry point: ``load_library(root=None) -> Library`` (``root`` defaults to ``qa.paths.corpus_dir()``).
Documents are ordered national → provincial → municipal, in force first, newest first.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from qa.errors import CorpusError
from qa.ingest.departments import load_glossary
from qa.ingest.document import load_document
from qa.models import LEVELS, STATUSES, Document, Library
from qa.paths import corpus_dir

_CACHE: dict[tuple[str, tuple], Library] = {}
_LOCK = threading.Lock()


def document_folders(root: Path) -> list[Path]:
    """Sub-folders that hold a ``document.json`` (others, such as a half-written ingest, are ignored)."""
    if not root.is_dir():
        raise CorpusError(f"the library folder {root} does not exist; set QA_CORPUS_DIR or pass --corpus-dir")
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / "document.json").exists())


def _signature(root: Path) -> tuple:
    """File sizes and modification times: a changed or added document reloads the library."""
    files = [root / "departments.json"] + [f for d in document_folders(root) for f in sorted(d.iterdir()) if f.is_file()]
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())


def _order(doc: Document) -> tuple:
    info = doc.info
    newest = max(info.dates.values(), default="0000")
    return (list(LEVELS).index(info.level), list(STATUSES).index(info.status), _negate(newest), info.id)


def _negate(date: str) -> str:
    return "".join(chr(ord("9") - int(ch) + ord("0")) if ch.isdigit() else ch for ch in date)


def load_library(root: Path | str | None = None) -> Library:
    """Parse and check every document under ``root``; cached until a file changes.

    Raises:
        CorpusError / ParseError naming the file and line of the first problem.
    """
    root = corpus_dir(root).resolve()
    key = (str(root), _signature(root))
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        library = _load(root)
        _CACHE.clear()
        _CACHE[key] = library
        return library


def _load(root: Path) -> Library:
    glossary_path = root / "departments.json"
    glossary = load_glossary(glossary_path)
    documents = [load_document(folder, glossary) for folder in document_folders(root)]
    if not documents:
        raise CorpusError(f"no documents in {root}: add one with `qa ingest PATH --doc-id ID`")
    ids = {d.id for d in documents}
    for d in documents:
        for link in (d.info.superseded_by, d.info.supersedes):
            if link and link not in ids:
                raise CorpusError(f"{d.id}: links to unknown document {link!r} (superseded_by / supersedes)")
        if d.info.superseded_by and documents[[x.id for x in documents].index(d.info.superseded_by)].info.supersedes != d.id:
            raise CorpusError(f"{d.id} is superseded by {d.info.superseded_by}, which does not name it in 'supersedes'")
        if d.info.current_contact:
            clause_id, body, _en = d.info.current_contact
            doc_id, _, local = clause_id.partition("/")
            holder = next((x for x in documents if x.id == doc_id), None)
            clause = next((c for c in holder.clauses if c.local_id == local), None) if holder else None
            if clause is None or body not in clause.text_zh:
                raise CorpusError(f"{d.id}: current_contact {clause_id!r} must be a clause of the library that names "
                                  f"{body!r}; fix its document.json")
        if d.info.in_charge:
            local, body, _en = d.info.in_charge
            clause = next((c for c in d.clauses if c.local_id == local), None)
            if clause is None or body not in clause.text_zh:
                raise CorpusError(f"{d.id}: in_charge {local!r} must be a clause of this document that names {body!r}; "
                                  f"fix its document.json")
    documents.sort(key=_order)
    used = {name for d in documents for c in d.clauses for name in (*c.leads, *c.cooperates)}
    digest = hashlib.sha256(glossary_path.read_bytes())
    for d in documents:
        digest.update(f"{d.id}:{d.content_hash}".encode())
    return Library(documents=tuple(documents),
                   departments={n: glossary.departments[n] for n in glossary.departments if n in used},
                   department_aliases=dict(glossary.aliases), bodies=dict(glossary.bodies),
                   corpus_hash=digest.hexdigest(), root=root)
