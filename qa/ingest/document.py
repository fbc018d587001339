"""Chunk stage: turn one document folder into a ``Document`` of clauses (Chinese, English, parts, departments).

A document folder under ``corpus/`` holds:

- ``source.txt``: the source text, byte for byte, never edited;
- ``document.json``: what the document is (title, short names, kind, level, issuer, number, dates, status);
- ``repairs.json``: every correction of the source (original, corrected, line, clause, reason);
- ``translation_en.json`` (optional): the unofficial English rendering, sentence by sentence;
- ``plain_language.json`` (optional): colloquial phrasings per clause, used only to help retrieval.

Entry point: ``load_document(folder, glossary) -> Document``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from qa.errors import CorpusError, ParseError
from qa.ingest.departments import ASSIGNMENT_PAREN, Glossary, find_parentheticals, parse_assignment
from qa.ingest.numerals import ISO_DATE_RE, to_chinese
from qa.ingest.parse import parse
from qa.ingest.repairs import apply_repairs, load_repairs
from qa.ingest.sentences import item_sentences
from qa.ingest.structure import ParsedDocument, ParsedItem, clean_line
from qa.ingest.targets import extract_clause_targets
from qa.models import DATE_FIELDS, KINDS, LEVELS, STATUSES, Assignment, Clause, Document, DocumentInfo, Part, Repair, Sentence

PLAN_PART_RE = re.compile(r"^([一二三四五六七八九十]是)")
MAX_SOURCE_BYTES = 20 * 1024 * 1024  # a policy text is a few hundred KB; anything bigger is not one


def _read_json(path: Path) -> dict | list:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise CorpusError(f"missing {path}; restore it from git or re-run `qa ingest`") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CorpusError(f"{path} is not valid UTF-8 JSON ({e}); fix it or restore it from git") from e


def read_source(path: Path) -> str:
    """The UTF-8 text of a committed source copy (``CorpusError`` if missing, too big or not UTF-8)."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise CorpusError(f"{path} has {size:,} bytes, more than a policy text ({MAX_SOURCE_BYTES:,}); remove it")
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError as e:
        raise CorpusError(f"missing {path}; restore it from git or re-run `qa ingest`") from e
    except UnicodeDecodeError as e:
        raise CorpusError(f"{path} is not UTF-8 text ({e}); re-ingest it with `qa ingest` to convert it") from e


def _short_title(text: str, *, limit: int = 40) -> str:
    first = text.split("\n")[0]
    first = re.split(r"(?<=[。；;])", first)[0].rstrip("。；;")
    first = re.sub(ASSIGNMENT_PAREN + "$", "", first)
    if len(first) > limit:  # a long first sentence: its first phrase names the clause
        first = re.split(r"[,，;；]", first, maxsplit=1)[0]
    return first[:limit * 2]


def _short_title_en(text: str, *, limit: int = 90) -> str:
    first = re.split(r"(?<=[.;])\s", text.strip(), maxsplit=1)[0].rstrip(".;")
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0] + " …"
    return first


def _assignments_by_sentence(text: str, sentences: list[str], glossary: Glossary,
                             clause_id: str) -> list[Assignment | None]:
    """Work plans: the department parenthetical that governs each sentence."""
    spans = [(start, end, parse_assignment(inner, glossary, where=clause_id))
             for start, end, inner in find_parentheticals(text)]
    result: list[Assignment | None] = []
    offset = 0
    for sentence in sentences:
        s_start, s_end = offset, offset + len(sentence)
        offset = s_end
        inside = [a for start, end, a in spans if s_start <= start < s_end]
        if not inside:
            later = [a for start, end, a in spans if start >= s_end]
            # A title sentence is governed by the parenthetical of the text that follows it.
            inside = later[:1] if s_start == 0 else []
        if not inside:
            result.append(None)
            continue
        leads = tuple(dict.fromkeys(d for a in inside for d in a.leads))
        # One department may lead one item of a sentence and cooperate on another (国资委 in measure 24): both kept.
        coops = tuple(dict.fromkeys(d for a in inside for d in a.cooperates))
        result.append(Assignment(leads=leads, cooperates=coops, raw="；".join(a.raw for a in inside)))
    return result


def _english(item: ParsedItem, zh: list[str], translation: dict, warnings: list[str]) -> list[str]:
    pairs = translation.get("sentences", {}).get(item.id)
    if pairs is None:
        return [""] * len(zh)
    if [p.get("zh") for p in pairs] != zh:
        raise CorpusError(f"{item.id}: the Chinese sentences in translation_en.json do not match the source; "
                          "regenerate the skeleton (scripts/translation_skeleton.py) and translate what changed")
    english = [str(p.get("en", "")).strip() for p in pairs]
    missing = sum(1 for e in english if not e)
    if missing:
        warnings.append(f"{item.id}: {missing} of {len(zh)} sentences have no English yet")
    return english


def _parts(item: ParsedItem, sentences: list[Sentence]) -> list[Part]:
    def text(members: list[Sentence], lang: str) -> str:
        return ("" if lang == "zh" else " ").join(s.zh if lang == "zh" else s.en for s in members)

    if item.kind != "article":
        out = []
        for pid in dict.fromkeys(s.part for s in sentences if s.part):
            members = [s for s in sentences if s.part == pid]
            label = PLAN_PART_RE.match(members[0].zh).group(1)
            out.append(Part(id=pid, label=label, label_en=f"part {pid.rsplit('.', 1)[1]}",
                            text_zh=text(members, "zh"), text_en=text(members, "en")))
        return out
    out = []
    paragraphs = sorted({s.paragraph for s in sentences if s.paragraph})
    for p in paragraphs:
        members = [s for s in sentences if s.paragraph == p]
        if len(paragraphs) > 1:
            out.append(Part(id=f"{item.id}.p{p}", label=f"第{to_chinese(p)}款", label_en=f"paragraph {p}",
                            text_zh=text(members, "zh"), text_en=text(members, "en")))
        for i in sorted({s.item for s in members if s.item}):
            item_members = [s for s in members if s.item == i]
            out.append(Part(id=f"{item.id}.p{p}.i{i}", label=f"第（{to_chinese(i)}）项", label_en=f"item ({i})",
                            text_zh=text(item_members, "zh"), text_en=text(item_members, "en")))
    return out


def build_clauses(parsed: ParsedDocument, *, doc_id: str, translation: dict, glossary: Glossary,
                  original_lines: list[str], repairs: list[dict], warnings: list[str]) -> tuple[list[Clause], list[Repair]]:
    """Combine parsed items with their English, parts, departments, bodies, targets and repairs."""
    headings_en: dict[str, str] = translation.get("headings", {})
    titles_en: dict[str, str] = translation.get("titles", {})
    clauses: list[Clause] = []
    repair_records: list[Repair] = []
    for item in parsed.items:
        rows = item_sentences(item)
        zh = [s for s, _p, _i in rows]
        en = _english(item, zh, translation, warnings)
        assignments = (_assignments_by_sentence(item.text, zh, glossary, item.id) if parsed.structure == "workplan"
                       else [None] * len(zh))
        part_ids: list[str | None] = []
        if parsed.structure == "workplan":
            current: str | None = None
            for s in zh:
                if PLAN_PART_RE.match(s):
                    current = f"{item.id}.{len([p for p in dict.fromkeys(part_ids) if p]) + 1}"
                part_ids.append(current)
        else:
            n_paragraphs = len({p for _s, p, _i in rows})
            for _s, p, i in rows:
                part_ids.append(f"{item.id}.p{p}.i{i}" if i else (f"{item.id}.p{p}" if n_paragraphs > 1 else None))
        sentences = [Sentence(index=k, zh=z, en=en[k], part=part_ids[k], assignment=assignments[k],
                              paragraph=rows[k][1], item=rows[k][2]) for k, z in enumerate(zh)]
        leads = tuple(dict.fromkeys(d for a in assignments if a for d in a.leads))
        coops = tuple(dict.fromkeys(d for a in assignments if a for d in a.cooperates if d not in leads))
        touched = []
        for r in repairs:
            if item.first_line <= r["line"] <= item.last_line and r["corrected"] in item.text:
                if r["clause"] != item.id:
                    raise CorpusError(f"{doc_id}: repair {r['id']} says clause {r['clause']} but it touches {item.id}")
                touched.append(r["id"])
                repair_records.append(Repair(id=r["id"], original=r["original"], corrected=r["corrected"],
                                             line=r["line"], clause=item.id, reason=r["reason"]))
        original = "\n".join(clean for line in original_lines[item.first_line - 1:item.last_line] if (clean := clean_line(line)))
        for heading in item.group_path:
            if heading not in headings_en and translation:
                warnings.append(f"heading {heading!r} has no English in translation_en.json")
        text_en = " ".join(e for e in en if e)
        if parsed.structure == "workplan":
            title, title_en = (item.title.rstrip("。") if item.title else _short_title(item.text)), titles_en.get(item.id, "")
        else:
            title, title_en = _short_title(item.text), _short_title_en(text_en) if text_en else ""
        clauses.append(Clause(
            doc_id=doc_id, local_id=item.id, kind=item.kind, number=item.number,
            group_path=item.group_path, group_path_en=tuple(headings_en.get(h, "") for h in item.group_path),
            title=title, title_en=title_en, text_zh=item.text, text_en=text_en, original_zh=original,
            leads=leads, cooperates=coops, sentences=tuple(sentences), parts=tuple(_parts(item, sentences)),
            targets=tuple(extract_clause_targets(zh)), repairs=tuple(touched), bodies=glossary.bodies_in(item.text)))
    first_line = min(item.first_line for item in parsed.items)
    for r in repairs:
        if r["clause"] == "header" and r["line"] < first_line:
            repair_records.append(Repair(id=r["id"], original=r["original"], corrected=r["corrected"],
                                         line=r["line"], clause="header", reason=r["reason"]))
    unused = {r["id"] for r in repairs} - {r.id for r in repair_records}
    if unused:
        raise CorpusError(f"{doc_id}: repairs {sorted(unused)} touch no clause; check their line and clause fields")
    return clauses, repair_records


def _with_expansions(clauses: list[Clause], data: dict, path: Path) -> list[Clause]:
    from dataclasses import replace

    entries = data.get("clauses", {})
    unknown = set(entries) - {c.local_id for c in clauses}
    if unknown:
        raise CorpusError(f"{path} names unknown clauses {sorted(unknown)}")
    return [replace(c, expansions_zh=tuple(entries.get(c.local_id, {}).get("zh", ())),
                    expansions_en=tuple(entries.get(c.local_id, {}).get("en", ()))) for c in clauses]


REQUIRED_META = ("id", "title", "title_en", "kind", "level", "issuer", "issuer_en", "status", "structure")


def document_info(meta: dict, parsed: ParsedDocument, *, folder: Path, headings_en: dict[str, str],
                  warnings: list[str], doc_id: str | None = None) -> DocumentInfo:
    """Check ``document.json`` against the enums and against the dates the text itself states."""
    where = folder / "document.json"
    missing = [k for k in REQUIRED_META if not meta.get(k)]
    if missing:
        raise CorpusError(f"{where} lacks {missing}")
    if meta["id"] != (doc_id or folder.name):
        raise CorpusError(f"{where}: id {meta['id']!r} differs from its folder name {folder.name!r}")
    for key, table in (("kind", KINDS), ("level", LEVELS), ("status", STATUSES)):
        if meta[key] not in table:
            raise CorpusError(f"{where}: {key} {meta[key]!r} is not one of {', '.join(table)}")
    if meta["structure"] != parsed.structure:
        raise CorpusError(f"{where}: structure {meta['structure']!r} but the text parses as {parsed.structure!r}")
    dates = dict(meta.get("dates") or {})
    for key, value in dates.items():
        if key not in DATE_FIELDS or not ISO_DATE_RE.match(str(value)):
            raise CorpusError(f"{where}: date {key}={value!r}; use one of {', '.join(DATE_FIELDS)} with YYYY-MM-DD")
    # The text is the authority on its own dates: a clash is an error, a gap is filled from the text.
    stated = parsed.stated_dates()
    if parsed.structure == "workplan" and parsed.published:
        stated["posted"] = parsed.published  # the web page's date, not an official publication date
    for action, date in stated.items():
        if action in dates and dates[action] != date and not (action == "published" and meta.get("supersedes")):
            raise CorpusError(f"{where}: {action} {dates[action]} but the text says {date} "
                              f"(line {next((e.line for e in parsed.events if e.action == action), '?')})")
        dates.setdefault(action, date)
    if meta["status"] == "superseded" and not (meta.get("superseded_by") and meta.get("superseded_from")):
        raise CorpusError(f"{where}: a superseded document needs superseded_by and superseded_from")
    return DocumentInfo(
        id=meta["id"], title=meta["title"], title_en=meta["title_en"], kind=meta["kind"], level=meta["level"],
        issuer=meta["issuer"], issuer_en=meta["issuer_en"], status=meta["status"], structure=meta["structure"],
        short_names=tuple(meta.get("short_names", ())), short_names_en=tuple(meta.get("short_names_en", ())),
        doc_number=meta.get("doc_number") or parsed.doc_number or None, doc_number_note=meta.get("doc_number_note"),
        dates=dict(sorted(dates.items())), status_note=meta.get("status_note"), status_note_zh=meta.get("status_note_zh"),
        name_keywords=tuple(tuple(g) for g in meta.get("name_keywords", ())), superseded_by=meta.get("superseded_by"),
        superseded_from=meta.get("superseded_from"), supersedes=meta.get("supersedes"),
        horizon_year=meta.get("horizon_year"),
        current_contact=(meta["current_contact"]["clause"], meta["current_contact"]["zh"], meta["current_contact"]["en"])
        if meta.get("current_contact") else None,
        in_charge=(meta["in_charge"]["clause"], meta["in_charge"]["zh"], meta["in_charge"]["en"])
        if meta.get("in_charge") else None, edition=meta.get("edition"), source=meta.get("source") or parsed.source, source_site=parsed.source,
        chapters=tuple(h for h, _line in parsed.chapters),
        chapters_en=tuple(headings_en.get(h, "") for h, _line in parsed.chapters),
        warnings=tuple([str(w) for w in parsed.warnings] + warnings),
        sittings={e.action: m.group(1) for e in parsed.events if (m := SITTING_RE.search(e.text))})


# The sitting named in a dated header line: "2019年9月25日 广东省第十三届人民代表大会常务委员会第十四次会议修订".
SITTING_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日\s*"
                        r"([\u4e00-\u9fff]{0,12}?第[一二三四五六七八九十百]+届[\u4e00-\u9fff]{2,20}?第[一二三四五六七八九十百]+次会议)")


def load_document(folder: Path, glossary: Glossary, *, doc_id: str | None = None) -> Document:
    """Parse, repair, translate and check one document folder; ``CorpusError``/``ParseError`` name the problem.

    ``doc_id`` defaults to the folder name (``qa ingest`` checks a document in a temporary folder first).
    """
    folder = Path(folder)
    doc_id = doc_id or folder.name
    meta = _read_json(folder / "document.json")
    if not isinstance(meta, dict):
        raise CorpusError(f"{folder / 'document.json'} must hold one JSON object")
    raw = read_source(folder / "source.txt")
    repairs = load_repairs(folder / "repairs.json")
    translation_path = folder / "translation_en.json"
    translation = _read_json(translation_path) if translation_path.exists() else {}
    try:
        parsed = parse(apply_repairs(raw, repairs), structure=meta.get("structure"), title=meta.get("title"))
    except ParseError as e:
        raise ParseError(f"{folder / 'source.txt'}: {e}", line=None) from e
    warnings: list[str] = []
    if not translation:
        warnings.append("no English rendering (translation_en.json); English questions rely on the multilingual encoder")
    clauses, repair_records = build_clauses(parsed, doc_id=doc_id, translation=translation, glossary=glossary,
                                            original_lines=raw.split("\n"), repairs=repairs, warnings=warnings)
    hashed = [folder / "source.txt", folder / "repairs.json", folder / "document.json"]
    if translation:
        hashed.append(translation_path)
    plain_path = folder / "plain_language.json"
    if plain_path.exists():
        clauses = _with_expansions(clauses, _read_json(plain_path), plain_path)
        hashed.append(plain_path)
    digest = hashlib.sha256()
    for path in hashed:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    info = document_info(meta, parsed, folder=folder, headings_en=translation.get("headings", {}), warnings=warnings,
                         doc_id=doc_id)
    return Document(info=info, clauses=tuple(clauses), repairs=tuple(sorted(repair_records, key=lambda r: r.id)),
                    content_hash=digest.hexdigest(), folder=folder)
