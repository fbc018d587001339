"""Chunk stage: turn a document folder into clauses (Chinese, English, departments, targets).

A document folder under ``corpus/`` holds:

- ``source.txt``: the scraped text, byte for byte, never edited;
- ``repairs.json``: every correction of the scrape (original, corrected, line, clause, reason);
- ``translation_en.json``: the unofficial English rendering, sentence by sentence;
- ``plain_language.json`` (optional): colloquial phrasings per clause, used only to help retrieval;
- the shared department glossary is ``corpus/departments.json``.

Entry point: ``load_corpus(folder) -> Corpus``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from qa.departments import Glossary, find_parentheticals, load_glossary, parse_assignment
from qa.errors import CorpusError
from qa.models import Assignment, Clause, Corpus, DocumentInfo, Part, Repair, Sentence
from qa.parse import ParsedItem, parse
from qa.repairs import apply_repairs, load_repairs
from qa.targets import extract_clause_targets

CORPUS_ROOT = Path(__file__).resolve().parent.parent / "corpus"
DEFAULT_DOC = "suifuban-2007-42"
PART_RE = re.compile(r"^([一二三四五六七八九十]是)")
UNOFFICIAL = "Unofficial English translation; the Chinese text is authoritative."


def split_sentences(text: str) -> list[str]:
    """Split after 。！？ outside brackets; the pieces join back to ``text`` exactly."""
    pieces: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "(（《〈":
            depth += 1
        elif ch in ")）》〉" and depth:
            depth -= 1
        elif ch in "。！？" and depth == 0:
            pieces.append(text[start:i + 1])
            start = i + 1
    if text[start:].strip():
        pieces.append(text[start:])
    elif pieces:
        pieces[-1] += text[start:]
    return pieces


def _short_title(item: ParsedItem, sentences: list[str]) -> str:
    if item.title:
        return item.title.rstrip("。")
    first = sentences[0].rstrip("。")
    first = re.sub(r"[(（][^()（）]*(?:牵头|负责|配合)[^()（）]*[)）]$", "", first)
    if len(first) > 40:  # a long first sentence: its first phrase names the measure
        first = re.split(r"[,，;；]", first, maxsplit=1)[0]
    return first


def _assignments_by_sentence(text: str, sentences: list[str], glossary: Glossary,
                             clause_id: str) -> list[Assignment | None]:
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
        coops = tuple(dict.fromkeys(d for a in inside for d in a.cooperates if d not in leads))
        result.append(Assignment(leads=leads, cooperates=coops, raw="；".join(a.raw for a in inside)))
    return result


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise CorpusError(f"missing {path}; restore it from git") from e
    except json.JSONDecodeError as e:
        raise CorpusError(f"{path} is not valid JSON ({e}); fix it or restore it from git") from e


def build_clauses(items: list[ParsedItem], *, doc_id: str, translation: dict, glossary: Glossary,
                  original_lines: list[str], repairs: list[dict]) -> tuple[list[Clause], list[Repair]]:
    """Combine parsed items with translation, departments, targets and repairs."""
    headings_en: dict[str, str] = translation.get("headings", {})
    titles_en: dict[str, str] = translation.get("titles", {})
    sentences_en: dict[str, list[dict]] = translation.get("sentences", {})
    clauses: list[Clause] = []
    repair_records: list[Repair] = []
    for item in items:
        zh_sentences = split_sentences(item.text)
        pairs = sentences_en.get(item.id)
        if not pairs:
            raise CorpusError(f"{item.id} has no English translation in translation_en.json; add it")
        if [p["zh"] for p in pairs] != zh_sentences:
            raise CorpusError(f"{item.id}: the Chinese sentences in translation_en.json do not match the "
                              "corpus text; regenerate the skeleton (scripts/translation_skeleton.py)")
        if any(not p.get("en", "").strip() for p in pairs):
            raise CorpusError(f"{item.id}: a sentence has no English text in translation_en.json")
        for heading in item.group_path:
            if heading not in headings_en:
                raise CorpusError(f"heading {heading!r} has no English rendering in translation_en.json")
        if item.id not in titles_en:
            raise CorpusError(f"{item.id} has no English title in translation_en.json")
        assignments = _assignments_by_sentence(item.text, zh_sentences, glossary, item.id)
        part_ids: list[str | None] = []
        current_part: str | None = None
        for s in zh_sentences:
            m = PART_RE.match(s)
            if m:
                current_part = f"{item.id}.{len([p for p in dict.fromkeys(part_ids) if p]) + 1}"
            part_ids.append(current_part)
        sentences = tuple(Sentence(index=i, zh=zh, en=pairs[i]["en"].strip(), part=part_ids[i],
                                   assignment=assignments[i]) for i, zh in enumerate(zh_sentences))
        parts = []
        for pid in dict.fromkeys(p for p in part_ids if p):
            members = [s for s in sentences if s.part == pid]
            parts.append(Part(id=pid, label=PART_RE.match(members[0].zh).group(1),
                              text_zh="".join(s.zh for s in members),
                              text_en=" ".join(s.en for s in members)))
        leads = tuple(dict.fromkeys(d for a in assignments if a for d in a.leads))
        coops = tuple(dict.fromkeys(d for a in assignments if a for d in a.cooperates if d not in leads))
        targets = tuple(extract_clause_targets(zh_sentences))
        touched = []
        for r in repairs:
            if item.first_line <= r["line"] <= item.last_line and r["corrected"] in item.text:
                if r["clause"] != item.id:
                    raise CorpusError(f"repair {r['id']} says clause {r['clause']} but it touches {item.id}")
                touched.append(r["id"])
                repair_records.append(Repair(id=r["id"], original=r["original"], corrected=r["corrected"],
                                             line=r["line"], clause=item.id, reason=r["reason"]))
        original = "".join(line.strip(" \t\u3000\u00a0\r") for line in
                           original_lines[item.first_line - 1:item.last_line])
        clauses.append(Clause(
            doc_id=doc_id, id=item.id, kind=item.kind, number=item.number,
            group_path=item.group_path, group_path_en=tuple(headings_en[h] for h in item.group_path),
            title=_short_title(item, zh_sentences), title_en=titles_en[item.id],
            text_zh=item.text, text_en=" ".join(s.en for s in sentences), original_zh=original,
            leads=leads, cooperates=coops, sentences=sentences, parts=tuple(parts),
            targets=targets, repairs=tuple(touched)))
    first_line = min(item.first_line for item in items)
    for r in repairs:
        if r["clause"] == "header" and r["line"] < first_line:
            repair_records.append(Repair(id=r["id"], original=r["original"], corrected=r["corrected"],
                                         line=r["line"], clause="header", reason=r["reason"]))
    unused = {r["id"] for r in repairs} - {r.id for r in repair_records}
    if unused:
        raise CorpusError(f"repairs {sorted(unused)} touch no clause; check their line and clause fields")
    return clauses, repair_records


def _with_expansions(clauses: list[Clause], data: dict, path: Path) -> list[Clause]:
    entries = data.get("clauses", {})
    unknown = set(entries) - {c.id for c in clauses}
    if unknown:
        raise CorpusError(f"{path} names unknown clauses {sorted(unknown)}")
    return [replace(c, expansions_zh=tuple(entries.get(c.id, {}).get("zh", ())),
                    expansions_en=tuple(entries.get(c.id, {}).get("en", ()))) for c in clauses]


def load_corpus(folder: Path | str | None = None, *, glossary_path: Path | None = None) -> Corpus:
    """Load one document folder (default: the bundled Guangzhou plan) as a ``Corpus``.

    Example:
        >>> corpus = load_corpus()
        >>> corpus.clause("measure-12").leads
        ('市经贸委', '市科技局')
    """
    folder = Path(folder) if folder else CORPUS_ROOT / DEFAULT_DOC
    return _load_corpus_cached(folder.resolve(), (glossary_path or folder.parent / "departments.json").resolve())


@lru_cache(maxsize=8)
def _load_corpus_cached(folder: Path, glossary_path: Path) -> Corpus:
    source_path = folder / "source.txt"
    try:
        raw_bytes = source_path.read_bytes()
        raw = raw_bytes.decode("utf-8")
    except FileNotFoundError as e:
        raise CorpusError(f"missing {source_path}; run scripts/copy_seed.sh or restore it from git") from e
    except UnicodeDecodeError as e:
        raise CorpusError(f"{source_path} is not UTF-8 text ({e})") from e
    repairs = load_repairs(folder / "repairs.json")
    translation = _read_json(folder / "translation_en.json")
    glossary = load_glossary(glossary_path)
    plan = parse(apply_repairs(raw, repairs), doc_id=folder.name)
    clauses, repair_records = build_clauses(plan.items, doc_id=folder.name, translation=translation,
                                            glossary=glossary, original_lines=raw.split("\n"),
                                            repairs=repairs)
    hashed = [source_path, folder / "repairs.json", folder / "translation_en.json", glossary_path]
    plain_path = folder / "plain_language.json"
    if plain_path.exists():
        clauses = _with_expansions(clauses, _read_json(plain_path), plain_path)
        hashed.append(plain_path)
    digest = hashlib.sha256()
    for path in hashed:
        digest.update(path.read_bytes())
    doc = translation.get("document", {})
    info = DocumentInfo(id=folder.name, title=plan.title, title_en=doc.get("title", ""),
                        doc_number=plan.doc_number, issuer=plan.issuer, signed=plan.signed,
                        published=plan.published, source=plan.source)
    used = {d for c in clauses for d in (*c.leads, *c.cooperates)}
    return Corpus(document=info, clauses=tuple(clauses),
                  departments={n: glossary.departments[n] for n in glossary.departments if n in used},
                  department_aliases=dict(glossary.aliases),
                  repairs=tuple(sorted(repair_records, key=lambda r: r.id)), corpus_hash=digest.hexdigest())
