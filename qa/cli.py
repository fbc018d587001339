"""The ``qa`` command line. Each sub-command is a thin layer over a package function."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from qa.errors import QAError
from qa.evaluation.gold import FAMILIES


def _print_json(data: object) -> None:
    # UTF-8 with real characters, never \u escapes, whatever the terminal's locale.
    sys.stdout.buffer.write((json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    sys.stdout.flush()


def _print_line(data: object) -> None:
    sys.stdout.buffer.write((json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"))
    sys.stdout.flush()


def _print(text: str) -> None:
    sys.stdout.buffer.write((text + "\n").encode("utf-8"))
    sys.stdout.flush()


def _library(args: argparse.Namespace):
    from qa.ingest.library import load_library

    return load_library(getattr(args, "corpus_dir", None))


def document_summary(library, doc) -> dict:
    info = doc.info
    from qa.answer.citation import status_line

    return {"id": info.id, "title": info.title, "title_en": info.title_en, "short_names": list(info.short_names),
            "kind": info.kind, "level": info.level, "issuer": info.issuer, "issuer_en": info.issuer_en,
            "doc_number": info.doc_number, "dates": info.dates, "status": info.status,
            "status_text": status_line(info, "zh"), "status_text_en": status_line(info, "en"),
            "superseded_by": info.superseded_by, "superseded_from": info.superseded_from, "supersedes": info.supersedes,
            "horizon_year": info.horizon_year, "chapters": len(info.chapters), "clauses": len(doc.clauses),
            "english": all(s.en for c in doc.clauses for s in c.sentences), "warnings": list(info.warnings)}


def clause_summary(clause) -> dict:
    return {"id": clause.id, "doc_id": clause.doc_id, "local_id": clause.local_id, "kind": clause.kind,
            "number": clause.number, "group": " › ".join(clause.group_path), "group_en": " › ".join(clause.group_path_en),
            "title": clause.title, "title_en": clause.title_en, "leads": list(clause.leads),
            "cooperates": list(clause.cooperates), "text_zh": clause.text_zh, "text_en": clause.text_en}


def clause_detail(library, clause) -> dict:
    from qa.answer.citation import citation_text
    from qa.answer.models import UNOFFICIAL_EN

    data = asdict(clause)
    data["id"] = clause.id
    data["citation"] = citation_text(library, clause)
    data["document"] = document_summary(library, library.document(clause.doc_id))
    data["lead_departments"] = [{"name": d, "english": library.department_english(d)} for d in clause.leads]
    data["cooperating_departments"] = [{"name": d, "english": library.department_english(d)} for d in clause.cooperates]
    data["repairs"] = [asdict(r) for r in library.document(clause.doc_id).repairs if r.id in clause.repairs]
    data["translation_note"] = UNOFFICIAL_EN
    return data


def cmd_documents(args: argparse.Namespace) -> int:
    library = _library(args)
    rows = [document_summary(library, d) for d in library.documents]
    if args.report:
        from qa.ingest.add import document_report

        reports = {d.id: document_report(d.folder).to_dict() for d in library.documents}
        for row in rows:
            row["ingest_report"] = reports[row["id"]]
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        _print(f"{row['id']:<42} {row['status']:<11} {row['level']:<10} {row['clauses']:>3} clauses  《{row['title']}》")
        _print(f"{'':<42} {row['status_text']}")
        if args.report:
            rep = row["ingest_report"]
            _print(f"{'':<42} chapters {rep['chapters']}, clauses {rep['clauses']}, paragraphs {rep['paragraphs']}, "
                   f"items {rep['items']}, warnings {len(rep['warnings'])}")
    return 0


def cmd_clauses(args: argparse.Namespace) -> int:
    library = _library(args)
    if args.doc and not library.has_document(args.doc):
        raise QAError(f"no document {args.doc!r}; list them with `qa documents`")
    rows = [clause_summary(c) for c in library.clauses if not args.doc or c.doc_id == args.doc]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            _print(f"{row['id']:<50} {row['title'][:30]:<32} {'、'.join(row['leads'])}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from qa.understand.lookup import resolve_clause_id

    library = _library(args)
    clause = library.clause(resolve_clause_id(args.id, library, doc=args.doc))
    data = clause_detail(library, clause)
    if args.json:
        _print_json(data)
        return 0
    _print(f"{data['citation']}\n")
    _print(" › ".join(clause.group_path))
    _print(clause.text_zh + "\n")
    _print("[Unofficial English translation]\n" + (clause.text_en or "(no English rendering yet)") + "\n")
    if clause.leads:
        _print("牵头/负责 Lead: " + "、".join(clause.leads))
    if clause.cooperates:
        _print("配合 Cooperating: " + "、".join(clause.cooperates))
    if clause.bodies:
        _print("涉及机构 Bodies named: " + "、".join(clause.bodies))
    for part in clause.parts:
        _print(f"  {part.label} ({part.label_en}): {part.text_zh[:60]}…")
    for t in clause.targets:
        when = t.deadline or (str(t.year) if t.year else "")
        _print(f"  figure {t.value} — {t.measures} {when}".rstrip())
    for r in data["repairs"]:
        _print(f"  repair {r['id']}: {r['original']} → {r['corrected']} ({r['reason']})")
    return 0


def cmd_departments(args: argparse.Namespace) -> int:
    library = _library(args)
    rows = []
    for name, dept in library.departments.items():
        rows.append({"name": name, "english": dept.english,
                     "leads": [c.id for c in library.clauses if name in c.leads],
                     "cooperates": [c.id for c in library.clauses if name in c.cooperates]})
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            _print(f"{row['name']} ({row['english']})\n  lead: {', '.join(row['leads']) or '-'}\n"
                   f"  cooperate: {', '.join(row['cooperates']) or '-'}")
    return 0


def _assistant(args: argparse.Namespace):
    from qa.assistant import Assistant, AssistantConfig

    models = tuple(args.model) if getattr(args, "model", None) else None
    return Assistant(AssistantConfig.from_env(encoders=models, corpus_dir=getattr(args, "corpus_dir", None),
                                              auto_build=not getattr(args, "no_build", False)))


def _selection(args: argparse.Namespace):
    from qa.assistant import Selection

    docs = tuple(args.doc) if getattr(args, "doc", None) else None
    levels = tuple(args.level) if getattr(args, "level", None) else None
    statuses = tuple(args.status) if getattr(args, "status", None) else None
    return Selection(documents=docs, levels=levels, statuses=statuses)


def cmd_search(args: argparse.Namespace) -> int:
    bot = _assistant(args)
    result = bot.search(args.query, k=args.k, selection=_selection(args))
    rows = []
    for h in result.hits:
        clause = bot.library.clause(h.clause_id)
        sentence = clause.sentences[h.sentence] if clause.sentences else None
        rows.append({"id": h.clause_id, "score": round(h.score, 4), "confidence": round(h.confidence, 4),
                     "part": sentence.part if sentence else None, "sentence": h.sentence,
                     "text_zh": sentence.zh if sentence else "", "text_en": sentence.en if sentence else ""})
    if args.json:
        _print_json({"query": args.query, "confidence": round(result.confidence, 4), "hits": rows})
    else:
        if not rows:
            _print("no matching clause / 没有匹配的条款")
        for row in rows:
            _print(f"{row['id']:<50} {row['score']:.3f}  {row['text_zh'][:50]}")
    return 0


ASK_FIELDS = ("lang", "intent", "status", "abstained", "answer", "citations", "departments", "items", "notes",
              "related", "suggestions", "confidence", "quote_zh", "quote_en", "citation_details", "context_from", "note")


def _show_answer(answer, as_json: bool, *, line: bool = False) -> None:
    if as_json:
        data = answer.to_dict()
        (_print_line if line else _print_json)({k: data[k] for k in ASK_FIELDS})
        return
    _print(answer.to_markdown())


def cmd_ask(args: argparse.Namespace) -> int:
    bot = _assistant(args)
    answer = bot.ask(args.question, lang=args.lang, history=args.history or [], selection=_selection(args))
    _show_answer(answer, args.json)
    return 0


QUIT_WORDS = frozenset({"exit", "quit", "q", "bye", "退出", "再见"})


def cmd_chat(args: argparse.Namespace) -> int:
    """A conversation on stdin: one question a line; the earlier questions are its history."""
    bot = _assistant(args)
    history: list[str] = []
    interactive = sys.stdin.isatty() and not args.json
    if interactive:
        _print("政策问答 — 输入问题，空行、“退出”或 Ctrl-D 退出 / type a question; an empty line, exit or Ctrl-D quits")
    while True:
        if interactive:
            sys.stdout.write("> ")
            sys.stdout.flush()
        raw = sys.stdin.buffer.readline()
        if not raw:
            break
        question = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not question.strip() or (interactive and question.strip().lower() in QUIT_WORDS):
            if interactive:
                break
            continue
        answer = bot.ask(question, lang=args.lang, history=list(history), selection=_selection(args))
        _show_answer(answer, args.json, line=True)
        if not interactive and not args.json:
            _print("")
        history.append(question)
    return 0


def cmd_build_index(args: argparse.Namespace) -> int:
    from qa import paths
    from qa.assistant import AssistantConfig
    from qa.index.embed import load_encoder
    from qa.index.store import build_index

    config = AssistantConfig.from_env(encoders=tuple(args.model) if args.model else None,
                                      corpus_dir=getattr(args, "corpus_dir", None))
    library = _library(args)
    encoders = [load_encoder(spec) for spec in config.encoders]
    folder = build_index(library, encoders, paths.index_dir(config.index_dir, corpus=library.root),
                         progress=lambda msg: sys.stderr.write(f"[qa] {msg}\n"))
    _print(str(folder))
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from qa.ingest.add import ingest

    report = ingest(Path(args.path), doc_id=args.doc_id, corpus=args.corpus_dir, title=args.title, kind=args.kind,
                    level=args.level, issuer=args.issuer, doc_number=args.doc_number, effective=args.effective,
                    title_en=args.title_en, short_names=args.short_name)
    if args.json:
        _print_json(report.to_dict())
    else:
        _print(report.text())
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluation.report import evaluate

    results = evaluate(names=args.retriever or ["default"], split=args.split, families=args.family,
                       gold=[Path(p) for p in args.gold] if args.gold else None, index_root=Path(args.index_root),
                       progress=lambda m: sys.stderr.write(f"[qa] {m}\n"))
    if args.json:
        _print_json(results if len(results) > 1 else next(iter(results.values())))
    else:
        from qa.evaluation.metrics import format_report

        for name, report in results.items():
            _print(format_report(name, report))
            _print("")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from qa.evaluation.report import write_evaluation_report

    write_evaluation_report(index_root=Path(args.index_root), progress=lambda m: sys.stderr.write(f"[qa] {m}\n"))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from qa.evaluation.bench import run_bench

    data = run_bench(index_root=Path(args.index_root), write=not args.no_write, repeats=args.repeats,
                     synthetic=args.synthetic, progress=lambda m: sys.stderr.write(f"[qa] {m}\n"))
    if args.json:
        _print_json(data)
    else:
        _print(data["table"])
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from qa.serve.feedback import FeedbackStore

    store = FeedbackStore(Path(args.db) if args.db else None)
    if args.json:
        rows = [asdict(r) for r in store.rows()]
        text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    else:
        text = store.export_csv()
    if args.csv:
        Path(args.csv).write_text(text, encoding="utf-8")
        sys.stderr.write(f"[qa] wrote {len(store.rows())} rows to {args.csv}\n")
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "documents": cmd_documents, "clauses": cmd_clauses, "show": cmd_show, "departments": cmd_departments,
    "search": cmd_search, "ask": cmd_ask, "chat": cmd_chat, "build-index": cmd_build_index, "ingest": cmd_ingest,
    "eval": cmd_eval, "report": cmd_report, "bench": cmd_bench, "feedback": cmd_feedback,
}


def _add_selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", action="append", help="limit to a document id (repeatable; see `qa documents`)")
    p.add_argument("--level", action="append", choices=["national", "provincial", "municipal", "district"])
    p.add_argument("--status", action="append", choices=["in_force", "superseded", "historical", "repealed"])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Question answering over Chinese policy documents.")
    parser.add_argument("--corpus-dir", help="library folder (default: $QA_CORPUS_DIR or the bundled library)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("documents", help="the documents of the library: id, title, kind, level, dates, status")
    p.add_argument("--json", action="store_true")
    p.add_argument("--report", action="store_true", help="add each document's ingest report (structure, warnings)")
    p = sub.add_parser("clauses", help="list clauses (all, or one document's)")
    p.add_argument("--doc", help="document id")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("show", help="one clause: doc/article-12, measure-12, 第12条 --doc ID, measure 12, 措施十二")
    p.add_argument("id")
    p.add_argument("--doc", help="the document a bare number or local id is in")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("departments", help="departments with the clauses they lead and cooperate on")
    p.add_argument("--json", action="store_true")
    model_help = "encoder: minilm, use, hashing-<dim>, or a sentence-transformers name/path (repeat for several)"
    p = sub.add_parser("search", help="ranked clauses for a query")
    p.add_argument("query")
    p.add_argument("--k", type=int, default=5)
    _add_selection(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--model", action="append", help=model_help)
    p = sub.add_parser("ask", help="a grounded, cited answer")
    p.add_argument("question")
    p.add_argument("--lang", choices=["zh", "en"])
    p.add_argument("--history", action="append", help="an earlier question of the conversation (repeatable, oldest first)")
    _add_selection(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--model", action="append", help=model_help)
    p = sub.add_parser("chat", help="a conversation: one question per line on stdin (--json: JSON lines out)")
    p.add_argument("--lang", choices=["zh", "en"])
    _add_selection(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--model", action="append", help=model_help)
    p = sub.add_parser("build-index", help="build the index for the library and the configured encoders")
    p.add_argument("--model", action="append", help=model_help)
    p = sub.add_parser("ingest", help="add a document (a .txt of a law, regulation or work plan) to the library")
    p.add_argument("path")
    p.add_argument("--doc-id", required=True, help="new id: lower-case letters, digits, hyphens")
    p.add_argument("--title")
    p.add_argument("--title-en")
    p.add_argument("--short-name", action="append", help="a short name users type (repeatable)")
    p.add_argument("--kind", default="normative_document",
                   choices=["law", "state_council_regulation", "local_regulation", "departmental_rule",
                            "municipal_work_plan", "normative_document"])
    p.add_argument("--level", default="municipal", choices=["national", "provincial", "municipal", "district"])
    p.add_argument("--issuer")
    p.add_argument("--doc-number")
    p.add_argument("--effective", help="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("eval", help="score systems on gold questions (Hit@k, MRR, nDCG, key facts, abstention)")
    p.add_argument("--gold", action="append", help="JSONL gold file (repeatable); default: the --split files")
    p.add_argument("--split", choices=["dev", "test"], default="test")
    p.add_argument("--family", action="append", choices=list(FAMILIES),
                   help="gold families (repeatable; default: all)")
    p.add_argument("--retriever", action="append",
                   help="bm25-zh, bm25, minilm, use, default-no-expansions, default, peer-baseline (repeatable)")
    p.add_argument("--index-root", default="index/eval", help="where each system keeps its own index")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("report", help="every system on dev and test; rewrite evaluation/README.md and plots")
    p.add_argument("--index-root", default="index/eval")
    p = sub.add_parser("feedback", help="feedback stored by the app")
    fsub = p.add_subparsers(dest="feedback_command", required=True)
    e = fsub.add_parser("export", help="export all feedback (CSV safe for Excel/WPS, or exact JSON)")
    e.add_argument("--csv", help="write to this file (default: stdout)")
    e.add_argument("--json", action="store_true", help="exact JSON instead of CSV")
    e.add_argument("--db", help="SQLite file (default: $QA_FEEDBACK_DB or data/feedback.sqlite3)")
    p = sub.add_parser("bench", help="latency, first question, build time, size and memory; writes evaluation/reports/")
    p.add_argument("--index-root", default="index/bench")
    p.add_argument("--repeats", type=int, default=1, help="passes over the gold questions")
    p.add_argument("--synthetic", type=int, default=100, help="documents in the synthetic library (0 = skip)")
    p.add_argument("--no-write", action="store_true", help="print only; do not write the report files")
    p.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below, not at exit
        return code
    except QAError as e:
        sys.stderr.write(f"qa: error: {e}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `qa clauses | head`: the reader left; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
