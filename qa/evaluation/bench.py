"""Speed, size and memory, measured (never asserted in tests): ``qa bench``.

- warm latency p50/p95/p99 of ``search`` and ``ask`` over every gold question (the bundled library),
  and per channel;
- a fresh process: load time, the first question after load, peak resident memory;
- index build time and index size on disk;
- the same for a synthetic library of ``synthetic`` documents (articles of the real laws, shuffled
  and renumbered), to see how it scales.
Writes ``evaluation/reports/bench.json`` and ``latency.png``, and the table in evaluation/README.md.
"""

from __future__ import annotations

import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from qa.evaluation.gold import gold_files, load_gold
from qa.paths import checkout_root

_COLD_SCRIPT = """
import json, resource, sys, time
t0 = float(sys.argv[1])
from pathlib import Path
from qa.assistant import Assistant, AssistantConfig
config = AssistantConfig(index_dir=Path(sys.argv[2]), corpus_dir=Path(sys.argv[3]) if sys.argv[3] else None,
                         auto_build=False)
bot = Assistant(config)
loaded = time.time()
t1 = time.perf_counter()
answer = bot.ask(sys.argv[4])
first_ms = (time.perf_counter() - t1) * 1000
print(json.dumps({"load_s": loaded - t0, "first_ask_ms": first_ms, "status": answer.status,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _percentiles(values_ms: list[float]) -> dict[str, float]:
    a = np.asarray(values_ms)
    return {"n": len(values_ms), "p50_ms": float(np.percentile(a, 50)), "p95_ms": float(np.percentile(a, 95)),
            "p99_ms": float(np.percentile(a, 99)), "mean_ms": float(a.mean()), "max_ms": float(a.max())}


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def synthetic_library(source: Path, target: Path, *, documents: int, seed: int = 7) -> Path:
    """Write a library of ``documents`` synthetic laws built from the real articles (shuffled, renumbered)."""
    from qa.ingest.library import load_library

    library = load_library(source)
    articles = [c for c in library.clauses if c.kind == "article"]
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "departments.json", target / "departments.json")
    shutil.copy(source / "scope_cues.json", target / "scope_cues.json")
    if (source / "terms.txt").exists():
        shutil.copy(source / "terms.txt", target / "terms.txt")
    from qa.ingest.numerals import to_chinese

    for n in range(documents):
        doc_id = f"synthetic-{n:03d}"
        picked = rng.sample(articles, 50)
        lines = [f"# 合成测试条例第{n + 1}号", "", "<!-- INFO END -->", "", "## 第一章 总则", ""]
        for i, clause in enumerate(picked, 1):
            body = clause.text_zh.split("\n")
            lines.append(f"第{to_chinese(i)}条 {body[0]}")
            lines += [x for b in body[1:] for x in ("", b)]
            lines.append("")
        folder = target / doc_id
        folder.mkdir()
        (folder / "source.txt").write_text("\n".join(lines), encoding="utf-8")
        # The articles keep their English, so both language channels are measured at scale.
        sentences = {f"article-{i}": [{"zh": s.zh, "en": s.en} for s in clause.sentences] for i, clause in enumerate(picked, 1)}
        (folder / "translation_en.json").write_text(json.dumps(
            {"document": {"title": f"Synthetic regulation {n + 1}"}, "headings": {"第一章 总则": "Chapter 1 General Provisions"},
             "sentences": sentences}, ensure_ascii=False), encoding="utf-8")
        (folder / "repairs.json").write_text("[]", encoding="utf-8")
        (folder / "document.json").write_text(json.dumps({
            "id": doc_id, "title": f"合成测试条例第{n + 1}号", "title_en": f"Synthetic regulation {n + 1}",
            "kind": "local_regulation", "level": "municipal", "issuer": "测试", "issuer_en": "test",
            "status": "in_force", "structure": "articles"}, ensure_ascii=False), encoding="utf-8")
    return target


def _cold(index_dir: Path, corpus: Path | None, question: str, runs: int) -> list[dict]:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    out = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", _COLD_SCRIPT, str(time.time()), str(index_dir),
                               str(corpus or ""), question], capture_output=True, text=True, env=env,
                              cwd=checkout_root(), check=True)
        out.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return out


def _measure_library(name: str, *, corpus: Path | None, index_dir: Path, questions: list[str], repeats: int,
                     progress: Callable[[str], None], channels: bool = False) -> dict:
    from qa.assistant import Assistant, AssistantConfig
    from qa.index.store import build_index

    config = AssistantConfig(index_dir=index_dir, corpus_dir=corpus)
    progress(f"{name}: loading (building the index if needed)")
    bot = Assistant(config, progress=lambda _m: None)
    builds = []
    for _ in range(1 if corpus else 3):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            build_index(bot.library, bot.encoders, Path(tmp))
            builds.append(time.perf_counter() - start)
            size = _size_mb(Path(tmp))
    progress(f"{name}: warm latency over {len(questions)} questions x {repeats}")
    search_ms, ask_ms = [], []
    for _ in range(repeats):
        for q in questions:
            search_ms.append(_timed(lambda q=q: bot.search(q, k=5)))
            ask_ms.append(_timed(lambda q=q: bot.ask(q)))
    data = {"documents": len(bot.library.documents), "clauses": len(bot.library.clauses),
            "sentences": sum(len(c.sentences) for c in bot.library.clauses), "questions": len(questions),
            "search": _percentiles(search_ms), "ask": _percentiles(ask_ms),
            "index_build_s": {"runs": builds, "median": float(np.median(builds))}, "index_size_mb": size}
    if channels:
        from qa.index.tokenize import english_tokenize
        from qa.normalize import normalize

        index = bot.index
        per: dict[str, list[float]] = {"bm25-zh (jieba + scoring)": [], "bm25-en": []}
        for enc in bot.encoders:
            per[f"dense {enc.name} (encode + FAISS)"] = []
        for q in questions:
            text = normalize(q)
            per["bm25-zh (jieba + scoring)"].append(
                _timed(lambda t=text: index.bm25["bm25-zh-clause"].scores(index.zh_tokenizer(t))))
            per["bm25-en"].append(_timed(lambda t=text: index.bm25["bm25-en-clause"].scores(english_tokenize(t))))
            for enc, faiss_index, _rows in index.dense:
                per[f"dense {enc.name} (encode + FAISS)"].append(
                    _timed(lambda t=text, e=enc, f=faiss_index: f.search(e.encode([t]), min(512, f.ntotal))))
        data["channels"] = {k: _percentiles(v) for k, v in per.items()}
        data["_series"] = {"search": search_ms, "ask": ask_ms, **per}
    progress(f"{name}: a fresh process (3 runs)")
    cold = _cold(index_dir, corpus, "保障中小企业款项支付条例规定大企业多少天内付款？", 3)
    data["cold"] = {"runs": cold, "median_load_s": float(np.median([c["load_s"] for c in cold])),
                    "median_first_ask_ms": float(np.median([c["first_ask_ms"] for c in cold])),
                    "median_peak_rss_mb": float(np.median([c["peak_rss_mb"] for c in cold]))}
    return data


def run_bench(*, index_root: Path, write: bool = True, repeats: int = 1, synthetic: int = 100,
              progress: Callable[[str], None] = print) -> dict:
    """Measure the bundled library (and a synthetic one of ``synthetic`` documents); see the module docstring."""
    from qa.ingest.library import load_library

    library = load_library()
    questions = [q.question for q in load_gold(gold_files("dev") + gold_files("test"), library=library)]
    data: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                              "platform": platform.platform()}}
    data["library"] = _measure_library("bundled library", corpus=None, index_dir=index_root / "default",
                                       questions=questions, repeats=repeats, progress=progress, channels=True)
    series = data["library"].pop("_series")
    if synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = synthetic_library(library.root, Path(tmp) / "corpus", documents=synthetic)
            data["synthetic"] = _measure_library(f"synthetic library ({synthetic} documents)", corpus=corpus,
                                                 index_dir=Path(tmp) / "index", questions=questions[:300],
                                                 repeats=1, progress=progress)
    data["table"] = bench_table(data)
    if write:
        reports = checkout_root() / "evaluation" / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        (reports / "bench.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        plot_latency(series, reports / "latency.png")
        from qa.evaluation.report import replace_section

        replace_section(checkout_root() / "evaluation" / "README.md", "bench", data["table"])
    return data


def bench_table(data: dict) -> str:
    lines = ["| library | documents | clauses | measure | n | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|---|---|"]
    for key in ("library", "synthetic"):
        if key not in data:
            continue
        d = data[key]
        for name in ("search", "ask"):
            m = d[name]
            lines.append(f"| {key} | {d['documents']} | {d['clauses']} | `{name}` (warm) | {m['n']} | {m['p50_ms']:.1f} | "
                         f"{m['p95_ms']:.1f} | {m['p99_ms']:.1f} |")
    for name, m in data["library"].get("channels", {}).items():
        lines.append(f"| library | | | channel: {name} | {m['n']} | {m['p50_ms']:.1f} | {m['p95_ms']:.1f} | {m['p99_ms']:.1f} |")
    lines.append("")
    for key in ("library", "synthetic"):
        if key not in data:
            continue
        d, cold = data[key], data[key]["cold"]
        lines += [f"- {key} ({d['documents']} documents, {d['clauses']} clauses, {d['sentences']} sentences): index build "
                  f"median {d['index_build_s']['median']:.1f} s, index size {d['index_size_mb']:.1f} MB; fresh process: "
                  f"load {cold['median_load_s']:.1f} s, first question after load {cold['median_first_ask_ms']:.1f} ms, "
                  f"peak resident memory {cold['median_peak_rss_mb']:.0f} MB"]
    lines.append(f"- machine: {data['machine']['cpus']} CPUs, Python {data['machine']['python']}")
    return "\n".join(lines)


def plot_latency(series: dict[str, list[float]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4.5))
    names = list(series)
    ax.boxplot([series[n] for n in names], vert=False, showfliers=True)
    ax.set_yticks(range(1, len(names) + 1), names, fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("milliseconds (log scale)")
    ax.set_title("Warm latency per call and per channel, bundled library (2-core machine)")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
