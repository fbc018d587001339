"""Evaluate systems on gold sets and regenerate the evaluation report.

    qa eval [--split test] [--family plan|intent|library …] [--retriever NAME …]
    qa report        # every system on dev and test -> evaluation/reports/eval.json, hit_at_k.png,
                     # the tables in evaluation/README.md and the headline table in README.md

Thresholds: the default system answers with its configured thresholds (what users get); every other
system is calibrated on the dev split by the same rule, so each is compared at its best.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from qa.evaluation.gold import FAMILIES, gold_files, load_gold
from qa.evaluation.metrics import calibrate_by_language, format_thresholds, score
from qa.evaluation.run import collect
from qa.evaluation.systems import SYSTEMS, configured_thresholds, make_system
from qa.paths import checkout_root


def _families(names: list[str] | None) -> tuple[str, ...] | None:
    if not names:
        return None
    return tuple(f for n in names for f in FAMILIES[n])


def evaluate(*, names: list[str], split: str, families: list[str] | None, gold: list[Path] | None,
             index_root: Path, progress: Callable[[str], None] = print) -> dict[str, dict]:
    """Score each named system on ``split`` (or the given gold files); returns a report per system."""
    fams = _families(families)
    results = {}
    for name in names:
        bot = make_system(name, index_root=index_root)
        questions = load_gold(gold or gold_files(split, families=fams), library=bot.library)
        progress(f"{name}: {len(questions)} questions")
        thresholds = configured_thresholds(name)
        if thresholds is None:
            dev = load_gold(gold_files("dev", families=fams), library=bot.library)
            thresholds = calibrate_by_language(collect(dev, bot))
        report = score(collect(questions, bot), thresholds=thresholds)
        report.update(threshold=thresholds, system=name, description=SYSTEMS[name].description,
                      gold=[p.name for p in (gold or gold_files(split, families=fams))])
        results[name] = report
    return results


def replace_section(path: Path, name: str, body: str) -> None:
    """Replace the text between ``<!-- name:start -->`` and ``<!-- name:end -->`` markers."""
    text = path.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in text or end not in text:
        raise ValueError(f"{path} lacks the markers {start} … {end}")
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    path.write_text(pattern.sub(lambda _m: f"{start}\n{body.strip()}\n{end}", text), encoding="utf-8")


def _f(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def ranking_table(results: dict) -> str:
    """Retrieval of the 2007 plan's gold set (asked with the plan selected) and of the library gold sets."""
    head = ("| system | split | gold | zh Hit@1 | zh Hit@3 | en Hit@1 | en Hit@3 | MRR@10 | Hit@1 zh / en, no history "
            "| OOS abstained | in-scope abstained |")
    lines = [head, "|" + "---|" * 11]
    for name, splits in results.items():
        for split in ("dev", "test"):
            for gold, r in splits[split].items():
                zh, en, a = r["by_lang"].get("zh", {}), r["by_lang"].get("en", {}), r["abstention"]
                alone = r.get("by_lang_alone", {})
                lines.append(f"| {name} | {split} | {gold} | {_f(zh.get('hit@1'))} | {_f(zh.get('hit@3'))} | "
                             f"{_f(en.get('hit@1'))} | {_f(en.get('hit@3'))} | {_f(r['overall'].get('mrr@10'))} | "
                             f"{_f(alone.get('zh', {}).get('hit@1'))} / {_f(alone.get('en', {}).get('hit@1'))} | "
                             f"{_f(a['recall'])} | {_f(a['in_scope_wrongly_abstained'])} |")
    return "\n".join(lines)


def answer_table(report: dict) -> str:
    """Answers of one system per intent: key fact shown, right clause first, listing exact, right abstention."""
    lines = ["| intent | n | key fact shown | right clause first | listing exact | right abstention |", "|---|---|---|---|---|---|"]
    a = report["answers"]
    for intent, m in {**a["by_intent"], "follow-up turns": a["follow_up_turns"], "all": a["overall"]}.items():
        lines.append(f"| {intent} | {m['n']} | {_f(m['key_fact'])} | {_f(m['first'])} | {_f(m['listing_exact'])} | "
                     f"{_f(m['right_abstention'])} |")
    return "\n".join(lines)


GROUPS = {group: FAMILIES[group] for group in ("plan", "intent", "library", "holdout-intent", "holdout-library")}


def write_evaluation_report(*, index_root: Path, progress: Callable[[str], None] = print) -> dict:
    """Run every system on dev and test for each gold group; write eval.json, a plot and the README tables."""
    root = checkout_root()
    reports = root / "evaluation" / "reports"
    results: dict = {}
    for name in SYSTEMS:
        progress(f"evaluating {name}")
        bot = make_system(name, index_root=index_root)
        dev_all = load_gold(gold_files("dev"), library=bot.library)
        dev_out = collect(dev_all, bot)
        calibrated = calibrate_by_language(dev_out)
        thresholds = configured_thresholds(name) or calibrated
        results[name] = {"dev": {}, "test": {}, "threshold": thresholds, "dev_calibrated": calibrated,
                         "description": SYSTEMS[name].description}
        test_out = collect(load_gold(gold_files("test"), library=bot.library), bot)
        for split, outs in (("dev", dev_out), ("test", test_out)):
            for group, fams in GROUPS.items():
                subset = [o for o in outs if o.question.family in fams]
                if subset:
                    results[name][split][group] = score(subset, thresholds=thresholds)
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "eval.json").write_text(json.dumps(_without_other_failures(results), ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    plot_hits(results, reports / "hit_at_k.png")
    readme = root / "evaluation" / "README.md"
    replace_section(readme, "ablation", ranking_table({n: {s: r[s] for s in ("dev", "test")} for n, r in results.items()}))
    replace_section(readme, "answers", "Default system, test split:\n\n" + "\n\n".join(
        f"**{group}**\n\n" + answer_table(results["default"]["test"][group])
        for group in ("intent", "library", "holdout-intent", "holdout-library") if group in results["default"]["test"]))
    replace_section(readme, "thresholds", "Thresholds (default, configured from dev): "
                    + format_thresholds(results["default"]["threshold"]))
    headline = {n: {s: r[s] for s in ("dev", "test")} for n, r in results.items() if n in ("default", "peer-baseline")}
    replace_section(root / "README.md", "headline", ranking_table(headline) + "\n\n" + answer_summary(results["default"]))
    progress("wrote evaluation/reports/eval.json, hit_at_k.png and the README tables")
    return results


def answer_summary(result: dict) -> str:
    lines = ["| answers (default, test) | n | key fact shown | right clause first | right abstention | in-scope abstained |",
             "|---|---|---|---|---|---|"]
    for group in ("intent", "library", "plan", "holdout-intent", "holdout-library"):
        r = result["test"].get(group)
        if r:
            m = r["answers"]["overall"]
            lines.append(f"| {group} | {m['n']} | {_f(m['key_fact'])} | {_f(m['first'])} | {_f(m['right_abstention'])} | "
                         f"{_f(r['abstention']['in_scope_wrongly_abstained'])} |")
    return "\n".join(lines)


def plot_hits(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results)
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5), sharey=True)
    for ax, group in zip(axes, ("plan", "library"), strict=True):
        width = 0.8 / 2
        for i, lang in enumerate(("zh", "en")):
            values = [results[n]["test"].get(group, {}).get("by_lang", {}).get(lang, {}).get("hit@1", 0) for n in names]
            ax.bar([x + i * width for x in range(len(names))], values, width, label=f"{lang} Hit@1")
        ax.set_xticks([x + width / 2 for x in range(len(names))], names, rotation=30, ha="right", fontsize=8)
        ax.set_title(f"test split, {group} gold set")
        ax.set_ylim(0, 1.05)
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _without_other_failures(results: dict) -> dict:
    """The results with the failure lists of the default system only: the others' lists (every question of the
    peer baseline and each single channel) made the tracked file 5 MB; ``qa eval --retriever NAME --json``
    lists any system's failures."""
    return {name: r if name == "default" else
            {**r, **{split: {group: {k: v for k, v in rep.items() if k != "failures"} for group, rep in r[split].items()}
                     for split in ("dev", "test")}}
            for name, r in results.items()}
