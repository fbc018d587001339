"""Regenerate the evaluation report: every retriever on dev and test, tables, plots, README sections.

    qa report        # writes evaluation/reports/eval.json, evaluation/reports/hit_at_k.png,
                     # and the tables in evaluation/README.md and README.md
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from qa.corpus import load_corpus
from qa.evaluate import (
    apply_threshold,
    calibrate_by_language,
    collect,
    format_thresholds,
    gold_files,
    load_gold,
    score,
)
from qa.systems import SYSTEMS, make_system, system_thresholds

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "evaluation" / "reports"


def replace_section(path: Path, name: str, body: str) -> None:
    """Replace the text between ``<!-- name:start -->`` and ``<!-- name:end -->`` markers."""
    text = path.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in text or end not in text:
        raise ValueError(f"{path} lacks the markers {start} … {end}")
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    path.write_text(pattern.sub(lambda _m: f"{start}\n{body.strip()}\n{end}", text), encoding="utf-8")


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def ablation_table(results: dict) -> str:
    head = ("| retriever | split | zh Hit@1 | zh Hit@3 | en Hit@1 | en Hit@3 | MRR@10 | nDCG@10 | "
            "OOS abstained | in-scope wrongly abstained | threshold zh / en |")
    lines = [head, "|" + "---|" * 11]
    for name, splits in results.items():
        for split in ("dev", "test"):
            r = splits[split]
            zh, en, a = r["by_lang"].get("zh", {}), r["by_lang"].get("en", {}), r["abstention"]
            lines.append(f"| {name} | {split} | {_pct(zh.get('hit@1'))} | {_pct(zh.get('hit@3'))} | "
                         f"{_pct(en.get('hit@1'))} | {_pct(en.get('hit@3'))} | {_pct(r['overall']['mrr@10'])} | "
                         f"{_pct(r['overall']['ndcg@10'])} | {_pct(a['recall'])} | "
                         f"{_pct(a['in_scope_wrongly_abstained'])} | {format_thresholds(r['threshold'])} |")
    return "\n".join(lines)


def kind_table(report: dict) -> str:
    lines = ["| kind | n | Hit@1 | Hit@3 | MRR@10 |", "|---|---|---|---|---|"]
    for kind, m in report["by_kind"].items():
        lines.append(f"| {kind} | {m['n']} | {m['hit@1']:.3f} | {m['hit@3']:.3f} | {m['mrr@10']:.3f} |")
    return "\n".join(lines)


def plot_hits(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results)
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5), sharey=True)
    for ax, lang in zip(axes, ("zh", "en"), strict=True):
        width = 0.8 / 3
        for i, k in enumerate(("hit@1", "hit@3", "hit@5")):
            values = [results[n]["test"]["by_lang"].get(lang, {}).get(k, 0) for n in names]
            ax.bar([x + i * width for x in range(len(names))], values, width, label=k.replace("hit", "Hit"))
        ax.set_xticks([x + width for x in range(len(names))], names, rotation=30, ha="right", fontsize=8)
        ax.set_title(f"test split, {'Chinese' if lang == 'zh' else 'English'} questions")
        ax.set_ylim(0, 1.05)
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_evaluation_report(*, index_root: Path, progress: Callable[[str], None] = print) -> dict:
    corpus = load_corpus()
    dev = load_gold(gold_files("dev"), valid_ids=corpus.ids)
    test = load_gold(gold_files("test"), valid_ids=corpus.ids)
    results: dict = {}
    for name in SYSTEMS:
        progress(f"evaluating {name}")
        answerer = make_system(name, index_root=index_root, threshold=0.0)
        raw_dev = collect(dev, answerer)
        calibrated = calibrate_by_language(raw_dev)
        threshold = system_thresholds(name, raw_dev)
        results[name] = {}
        for split, raw in (("dev", raw_dev), ("test", collect(test, answerer))):
            report = score(apply_threshold(raw, threshold))
            report.update(threshold=threshold, dev_calibrated_threshold=calibrated,
                          description=SYSTEMS[name].description)
            results[name][split] = report
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "eval.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    plot_hits(results, REPORTS / "hit_at_k.png")
    replace_section(ROOT / "evaluation" / "README.md", "ablation", ablation_table(results))
    replace_section(ROOT / "evaluation" / "README.md", "kinds",
                    "Default retriever, test split, by kind of question:\n\n" + kind_table(results["default"]["test"]))
    headline = {k: v for k, v in results.items() if k in ("default", "peer-baseline")}
    replace_section(ROOT / "README.md", "headline", ablation_table(headline))
    progress("wrote evaluation/reports/eval.json, hit_at_k.png and the README tables")
    return results
