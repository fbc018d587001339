"""The ``qa`` command line. Each sub-command is a thin layer over a package function."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict

from qa.citation import citation_text
from qa.corpus import load_corpus
from qa.errors import QAError
from qa.lookup import resolve_clause_id
from qa.models import Clause, Corpus


def _print_json(data: object) -> None:
    # UTF-8 with real characters, never \u escapes, whatever the terminal's locale.
    sys.stdout.buffer.write((json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    sys.stdout.flush()


def _print(text: str) -> None:
    sys.stdout.buffer.write((text + "\n").encode("utf-8"))
    sys.stdout.flush()


def clause_summary(clause: Clause) -> dict:
    return {"id": clause.id, "number": clause.number, "group": " › ".join(clause.group_path),
            "group_en": " › ".join(clause.group_path_en), "title": clause.title, "title_en": clause.title_en,
            "leads": list(clause.leads), "text_zh": clause.text_zh, "text_en": clause.text_en}


def clause_detail(corpus: Corpus, clause: Clause) -> dict:
    data = asdict(clause)
    data["citation"] = citation_text(corpus, clause)
    data["lead_departments"] = [{"name": d, "english": corpus.departments[d].english} for d in clause.leads]
    data["cooperating_departments"] = [{"name": d, "english": corpus.departments[d].english}
                                       for d in clause.cooperates]
    data["repairs"] = [asdict(r) for r in corpus.repairs if r.id in clause.repairs]
    data["translation_note"] = "Unofficial English translation; the Chinese text is authoritative."
    return data


def cmd_clauses(args: argparse.Namespace) -> int:
    corpus = load_corpus()
    rows = [clause_summary(c) for c in corpus.clauses]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            _print(f"{row['id']:<14} {row['title'][:30]:<32} {'、'.join(row['leads'])}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    corpus = load_corpus()
    clause = corpus.clause(resolve_clause_id(args.id, corpus.ids))
    data = clause_detail(corpus, clause)
    if args.json:
        _print_json(data)
        return 0
    _print(f"{data['citation']}\n")
    _print(" › ".join(clause.group_path))
    _print(clause.text_zh + "\n")
    _print("[Unofficial English translation]\n" + clause.text_en + "\n")
    if clause.leads:
        _print("牵头/负责 Lead: " + "、".join(clause.leads))
    if clause.cooperates:
        _print("配合 Cooperating: " + "、".join(clause.cooperates))
    for part in clause.parts:
        _print(f"  {part.id}: {part.text_zh[:60]}…")
    for t in clause.targets:
        when = t.deadline or (str(t.year) if t.year else "")
        _print(f"  target {t.value} — {t.measures} {when}".rstrip())
    for r in data["repairs"]:
        _print(f"  repair {r['id']}: {r['original']} → {r['corrected']} ({r['reason']})")
    return 0


def cmd_departments(args: argparse.Namespace) -> int:
    corpus = load_corpus()
    rows = []
    for name, dept in corpus.departments.items():
        rows.append({"name": name, "english": dept.english,
                     "leads": [c.id for c in corpus.clauses if name in c.leads],
                     "cooperates": [c.id for c in corpus.clauses if name in c.cooperates]})
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
    return Assistant(AssistantConfig.from_env(encoders=models, auto_build=not getattr(args, "no_build", False)))


def cmd_search(args: argparse.Namespace) -> int:
    bot = _assistant(args)
    result = bot.search(args.query, k=args.k)
    rows = []
    for h in result.hits:
        clause = bot.corpus.clause(h.clause_id)
        sentence = clause.sentences[h.sentence]
        rows.append({"id": h.clause_id, "score": round(h.score, 4), "matched_by": h.matched_by,
                     "part": sentence.part, "sentence": h.sentence, "text_zh": sentence.zh, "text_en": sentence.en})
    if args.json:
        _print_json({"query": args.query, "lang": result.lang, "mode": result.mode,
                     "confidence": round(result.confidence, 4), "hits": rows})
    else:
        if not rows:
            _print("no matching clause / 没有匹配的条款")
        for row in rows:
            _print(f"{row['id']:<14} {row['score']:.3f}  {row['text_zh'][:60]}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    bot = _assistant(args)
    answer = bot.ask(args.question, lang=args.lang)
    if args.json:
        data = answer.to_dict()
        _print_json({k: data[k] for k in ("lang", "status", "abstained", "answer", "citations", "departments",
                                          "related", "suggestions", "confidence", "quote_zh", "quote_en",
                                          "citation_details", "note")})
        return 0
    _print(answer.answer)
    if answer.departments:
        who = "；".join(f"{d.name}（{'牵头' if d.role == 'lead' else '配合'}）" for d in answer.departments) \
            if answer.lang == "zh" else "; ".join(f"{d.english} ({d.role})" for d in answer.departments)
        _print(("联系部门：" if answer.lang == "zh" else "Contact: ") + who)
    for c in answer.citations:
        _print(f"[{c.doc_number} {c.label_zh} / {c.label_en}] {c.title_zh}")
    if answer.related:
        _print(("相关条款：" if answer.lang == "zh" else "Related: ") + ", ".join(answer.related))
    if answer.suggestions:
        _print(("最接近的条款：" if answer.lang == "zh" else "Nearest clauses: ") + ", ".join(answer.suggestions))
    return 0


def cmd_build_index(args: argparse.Namespace) -> int:
    from qa.assistant import AssistantConfig
    from qa.corpus import load_corpus
    from qa.embed import load_encoder
    from qa.index import build_index, index_dir_from_env

    config = AssistantConfig.from_env(encoders=tuple(args.model) if args.model else None)
    corpus = load_corpus(config.corpus_dir)
    encoders = [load_encoder(spec) for spec in config.encoders]
    folder = build_index(corpus, encoders, config.index_dir or index_dir_from_env(),
                         progress=lambda msg: sys.stderr.write(f"[qa] {msg}\n"))
    _print(str(folder))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qa.evaluate import apply_threshold, collect, format_report, gold_files, load_gold, score
    from qa.systems import SYSTEMS, make_system, system_thresholds

    corpus = load_corpus()
    paths = [Path(p) for p in args.gold] if args.gold else gold_files(args.split)
    questions = load_gold(paths, valid_ids=corpus.ids)
    dev = load_gold(gold_files("dev"), valid_ids=corpus.ids)
    names = args.retriever or ["default"]
    results = {}
    for name in names:
        answerer = make_system(name, index_root=Path(args.index_root), threshold=0.0)
        threshold = system_thresholds(name, collect(dev, answerer) if name != "default" else [])
        report = score(apply_threshold(collect(questions, answerer), threshold))
        report["threshold"] = threshold
        report["retriever"] = name
        report["description"] = SYSTEMS[name].description
        report["gold"] = [p.name for p in paths]
        results[name] = report
        if not args.json:
            _print(format_report(name, report))
            _print("")
    if args.json:
        _print_json(results if len(results) > 1 else results[names[0]])
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qa.report import write_evaluation_report

    write_evaluation_report(index_root=Path(args.index_root), progress=lambda m: sys.stderr.write(f"[qa] {m}\n"))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qa.bench import run_bench

    data = run_bench(index_root=Path(args.index_root), write=not args.no_write, repeats=args.repeats,
                     progress=lambda m: sys.stderr.write(f"[qa] {m}\n"))
    if args.json:
        _print_json(data)
    else:
        _print(data["table"])
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qa.feedback import FeedbackStore

    store = FeedbackStore(Path(args.db) if args.db else None)
    text = store.export_csv()
    if args.csv:
        Path(args.csv).write_text(text, encoding="utf-8")
        sys.stderr.write(f"[qa] wrote {len(store.rows())} rows to {args.csv}\n")
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "clauses": cmd_clauses, "show": cmd_show, "departments": cmd_departments,
    "search": cmd_search, "ask": cmd_ask, "build-index": cmd_build_index,
    "eval": cmd_eval, "report": cmd_report, "bench": cmd_bench, "feedback": cmd_feedback,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Question answering over Chinese policy documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("clauses", help="list all clauses")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("show", help="show one clause: measure-12, 12, 第12条, 第十二条, measure 12, 措施十二")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("departments", help="departments with the clauses they lead and cooperate on")
    p.add_argument("--json", action="store_true")
    model_help = "encoder: minilm, use, hashing-<dim>, or a sentence-transformers name/path (repeat for several)"
    p = sub.add_parser("search", help="ranked clauses for a query")
    p.add_argument("query")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.add_argument("--model", action="append", help=model_help)
    p = sub.add_parser("ask", help="a grounded, cited answer")
    p.add_argument("question")
    p.add_argument("--lang", choices=["zh", "en"])
    p.add_argument("--json", action="store_true")
    p.add_argument("--model", action="append", help=model_help)
    p = sub.add_parser("build-index", help="build index/ for the corpus and the configured encoders")
    p.add_argument("--model", action="append", help=model_help)
    p = sub.add_parser("eval", help="score retrievers on gold questions (Hit@k, MRR, nDCG, abstention)")
    p.add_argument("--gold", action="append", help="JSONL gold file (repeatable); default: the --split files")
    p.add_argument("--split", choices=["dev", "test"], default="test")
    p.add_argument("--retriever", action="append",
                   help="bm25-zh, bm25, minilm, use, default-no-expansions, default, peer-baseline (repeatable)")
    p.add_argument("--index-root", default="index/eval", help="where each retriever keeps its own index")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("report", help="run every retriever on dev and test; rewrite evaluation/README.md and plots")
    p.add_argument("--index-root", default="index/eval")
    p = sub.add_parser("feedback", help="feedback stored by the app")
    fsub = p.add_subparsers(dest="feedback_command", required=True)
    e = fsub.add_parser("export", help="export all feedback as CSV")
    e.add_argument("--csv", help="write to this file (default: stdout)")
    e.add_argument("--db", help="SQLite file (default: $QA_FEEDBACK_DB or data/feedback.sqlite3)")
    p = sub.add_parser("bench", help="latency, cold start, build time and memory; writes evaluation/reports/")
    p.add_argument("--index-root", default="index/bench")
    p.add_argument("--repeats", type=int, default=1, help="passes over the gold questions")
    p.add_argument("--no-write", action="store_true", help="print only; do not write the report files")
    p.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except QAError as e:
        sys.stderr.write(f"qa: error: {e}\n")
        return 2
    except KeyboardInterrupt:
        return 130
