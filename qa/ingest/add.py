"""``qa ingest``: add a document to a library folder, all or nothing.

The file is checked before it is read whole (size, binary content), decoded (UTF-8, with or without
BOM; GB18030/GBK, the common encoding of Chinese government files, is converted and the original
kept beside it), parsed (``ParseError`` names the line), and written into a hidden temporary folder
that is then checked like any library document and only then renamed into place. A run killed at
any moment leaves the library as it was: the temporary folder starts with a dot and is never loaded.
The index notices the new library hash and rebuilds on next use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from qa.errors import IngestError, ParseError, QAError
from qa.ingest.departments import load_glossary
from qa.ingest.document import load_document
from qa.ingest.numerals import ISO_DATE_RE
from qa.ingest.parse import parse
from qa.models import KINDS, LEVELS, STATUSES
from qa.paths import corpus_dir

MAX_INGEST_BYTES = 5 * 1024 * 1024  # the largest law in the library is 30 KB; 5 MB is far beyond any policy text
DOC_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")


@dataclass
class IngestReport:
    """What an ingest did: the document, its structure counts, warnings, the encoding it was read in."""

    doc_id: str
    title: str
    structure: str
    folder: str
    encoding: str
    bytes: int
    chapters: int
    clauses: int
    paragraphs: int
    items: int
    warnings: list[str] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    def text(self) -> str:
        lines = [f"ingested {self.doc_id}: 《{self.title}》 ({self.structure}, read as {self.encoding}, {self.bytes:,} bytes)",
                 f"  chapters {self.chapters}, {'articles' if self.structure == 'articles' else 'clauses'} {self.clauses}, "
                 f"paragraphs {self.paragraphs}, items {self.items}",
                 f"  dates: {', '.join(f'{k} {v}' for k, v in self.dates.items()) or 'none found'}",
                 f"  folder: {self.folder}"]
        lines += [f"  warning: {w}" for w in self.warnings]
        lines.append("  the index rebuilds on next use (qa ask / qa build-index)")
        return "\n".join(lines)


def check_doc_id(doc_id: str, root: Path) -> None:
    """A document id is a folder name: lower-case letters, digits and hyphens; it must be new."""
    if not isinstance(doc_id, str) or not DOC_ID_RE.match(doc_id) or "--" in doc_id:
        raise IngestError(f"document id {doc_id!r} is not valid: use 3–64 lower-case letters, digits and single "
                          "hyphens, e.g. shenzhen-sme-regulation-2021 (no '/', '..', spaces or capitals)")
    if (root / doc_id).exists():
        raise IngestError(f"document id {doc_id!r} is already in the library at {root / doc_id}; choose another id "
                          "or remove the old folder first")


def read_text(path: Path) -> tuple[str, bytes, str]:
    """(text, original bytes, encoding) of a source file; ``IngestError`` for anything that is not a text."""
    try:
        if not path.is_file():
            raise IngestError(f"{path} is not a file; give the path of a .txt file")
        size = path.stat().st_size
    except OSError as e:
        raise IngestError(f"cannot read {path}: {e}") from e
    if size == 0:
        raise IngestError(f"{path} is empty; give the text of a law, regulation or work plan")
    if size > MAX_INGEST_BYTES:
        raise IngestError(f"{path} has {size:,} bytes; the limit is {MAX_INGEST_BYTES:,} (a policy text is a few "
                          "hundred KB at most). Split it into one file per document.")
    data = path.read_bytes()
    if b"\x00" in data[:65536] or sum(b < 9 or 13 < b < 32 for b in data[:65536]) > 0.01 * min(len(data), 65536):
        raise IngestError(f"{path} looks like a binary file (NUL or control bytes), not text; export it as plain text first")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not re.search(r"[\u4e00-\u9fff]{4}", text):
            break  # decodes, but is not Chinese text: a wrong guess
        return text, data, "utf-8" if encoding == "utf-8-sig" else "gb18030"
    raise IngestError(f"{path} is neither UTF-8 nor GB18030/GBK text; convert it first, e.g. "
                      f"`iconv -f BIG5 -t UTF-8 {path.name} > converted.txt` (use the file's real encoding)")


def ingest(path: Path | str, *, doc_id: str, corpus: Path | str | None = None, title: str | None = None,
           kind: str = "normative_document", level: str = "municipal", issuer: str | None = None,
           issuer_en: str | None = None, title_en: str | None = None, doc_number: str | None = None,
           effective: str | None = None, status: str = "in_force", short_names: list[str] | None = None) -> IngestReport:
    """Add the document at ``path`` to the library folder ``corpus`` (default: ``QA_CORPUS_DIR`` / bundled).

    Raises:
        IngestError: bad id, clash, unreadable or binary file, too big, wrong encoding, bad metadata,
            a read-only library folder.
        ParseError: the text cannot be parsed; the message names the line.
    """
    root = corpus_dir(corpus)
    path = Path(path)
    check_doc_id(doc_id, root)
    if kind not in KINDS or level not in LEVELS or status not in STATUSES:
        raise IngestError(f"kind must be one of {', '.join(KINDS)}; level one of {', '.join(LEVELS)}; "
                          f"status one of {', '.join(STATUSES)}")
    if effective is not None and not effective.strip():
        raise IngestError("--effective is empty: give the date as YYYY-MM-DD or leave the option out")
    if effective and not ISO_DATE_RE.match(effective):
        raise IngestError(f"--effective {effective!r}: write the date as YYYY-MM-DD")
    if effective:
        try:
            dt.date.fromisoformat(effective)
        except ValueError:
            raise IngestError(f"--effective {effective}: no such date; write a real date as YYYY-MM-DD") from None
    text, original, encoding = read_text(path)
    parsed = parse(text, title=title)  # ParseError names the line
    if status == "superseded":
        raise IngestError("ingest a document as in_force, historical or repealed; mark versions as superseded by "
                          "editing both document.json files (superseded_by / supersedes)")
    header_dates = parsed.stated_dates()
    if effective:
        if header_dates.get("effective", effective) != effective:
            raise IngestError(f"--effective {effective} but the text says it takes effect on {header_dates['effective']}")
        header_dates["effective"] = effective
    meta = {
        "id": doc_id, "title": title or parsed.title, "title_en": title_en or title or parsed.title,
        "short_names": short_names or [], "short_names_en": [], "kind": kind, "level": level,
        "issuer": issuer or parsed.issuer or "（未载明）", "issuer_en": issuer_en or issuer or parsed.issuer or "(not stated)",
        "doc_number": doc_number or parsed.doc_number, "dates": header_dates, "status": status,
        "structure": parsed.structure,
        "source": f"ingested {dt.date.today().isoformat()} from {path.name} ({encoding}, sha256 "
                  f"{hashlib.sha256(original).hexdigest()[:16]})",
    }
    _cleanup_stale(root)
    tmp = root / f".ingest-{doc_id}-{uuid.uuid4().hex[:8]}"
    try:
        tmp.mkdir(parents=False)
    except OSError as e:
        raise IngestError(f"cannot write into the library folder {root} ({e}); check that it exists and is writable") from e
    try:
        if encoding == "utf-8":
            (tmp / "source.txt").write_bytes(original)  # byte for byte
        else:
            (tmp / "source.txt").write_text(text, encoding="utf-8")
            (tmp / f"source.{encoding}.txt").write_bytes(original)  # the original, byte for byte
        (tmp / "repairs.json").write_text("[]\n", encoding="utf-8")
        (tmp / "document.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        document = load_document(tmp, load_glossary(root / "departments.json"), doc_id=doc_id)  # the library's checks
        for p in tmp.iterdir():
            with open(p, "rb") as f:
                os.fsync(f.fileno())
        os.rename(tmp, root / doc_id)  # atomic: the document appears whole or not at all
    except (QAError, OSError) as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(e, ParseError | IngestError):
            raise
        if isinstance(e, OSError):
            raise IngestError(f"could not write the document into {root} ({e}); nothing was added") from e
        raise IngestError(f"{e}; nothing was added") from e
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    counts = parsed.counts()
    return IngestReport(doc_id=doc_id, title=meta["title"], structure=parsed.structure, folder=str(root / doc_id),
                        encoding=encoding, bytes=len(original), chapters=counts["chapters"], clauses=counts["clauses"],
                        paragraphs=counts["paragraphs"], items=counts["items"],
                        warnings=list(document.info.warnings), dates=dict(document.info.dates))


def _cleanup_stale(root: Path) -> None:
    """Remove temporary folders of ingests killed long ago (an hour or more)."""
    try:
        for p in root.iterdir():
            if p.name.startswith(".ingest-") and p.is_dir():
                if dt.datetime.now().timestamp() - p.stat().st_mtime > 3600:
                    shutil.rmtree(p, ignore_errors=True)
    except OSError:
        pass


def document_report(folder: Path | str, glossary_path: Path | None = None) -> IngestReport:
    """The ingest report of a document already in a library (for ``qa documents --report``)."""
    folder = Path(folder)
    glossary = load_glossary(glossary_path or folder.parent / "departments.json")
    doc = load_document(folder, glossary)
    raw = (folder / "source.txt").read_bytes()
    from qa.ingest.repairs import apply_repairs, load_repairs

    parsed = parse(apply_repairs(raw.decode("utf-8"), load_repairs(folder / "repairs.json")),
                   structure=doc.info.structure, title=doc.info.title)
    counts = parsed.counts()
    return IngestReport(doc_id=doc.id, title=doc.info.title, structure=parsed.structure, folder=str(folder),
                        encoding="utf-8", bytes=len(raw), chapters=counts["chapters"], clauses=counts["clauses"],
                        paragraphs=counts["paragraphs"], items=counts["items"], warnings=list(doc.info.warnings),
                        dates=dict(doc.info.dates))
