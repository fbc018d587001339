"""Speed and memory, measured (never asserted in tests): ``qa bench``.

- warm latency p50/p95/p99 of ``search`` and ``ask`` over every gold question, and per channel;
- cold start: a fresh process from start to its first answer (index already built);
- index build time; peak resident memory of a process holding a loaded assistant.
Writes ``evaluation/reports/bench.json`` and ``latency.png``, and the table in evaluation/README.md.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from qa.evaluate import gold_files, load_gold

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "evaluation" / "reports"

_COLD_SCRIPT = """
import json, resource, sys, time
t0 = float(sys.argv[1])
from qa.assistant import Assistant, AssistantConfig
from pathlib import Path
bot = Assistant(AssistantConfig(index_dir=Path(sys.argv[2]), auto_build=False))
loaded = time.time()
answer = bot.ask("研发投入能税前抵扣吗？")
first = time.time()
for q in ["can I get a loan guarantee?", "市科技局负责哪些措施？", "第十二条"] * 10:
    bot.ask(q)
print(json.dumps({"load_s": loaded - t0, "first_answer_s": first - t0, "status": answer.status,
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


def run_bench(*, index_root: Path, write: bool = True, repeats: int = 1,
              progress: Callable[[str], None] = print) -> dict:
    from qa.assistant import Assistant, AssistantConfig
    from qa.corpus import load_corpus
    from qa.index import build_index
    from qa.normalize import normalize
    from qa.tokenize import english_tokenize

    corpus = load_corpus()
    questions = [q.question for q in load_gold(gold_files("dev") + gold_files("test"), valid_ids=corpus.ids)]
    index_dir = index_root / "default"
    progress("building the default index (timed)")
    bot_config = AssistantConfig(index_dir=index_dir)
    bot = Assistant(bot_config, progress=lambda _m: None)  # loads the models once
    build_times = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            build_index(corpus, bot.encoders, Path(tmp))
            build_times.append(time.perf_counter() - start)
    progress(f"warm latency over {len(questions)} questions x {repeats}")
    for q in questions[:20]:  # warm-up
        bot.ask(q)
    search_ms, ask_ms = [], []
    for _ in range(repeats):
        for q in questions:
            search_ms.append(_timed(lambda q=q: bot.search(q, k=5)))
            ask_ms.append(_timed(lambda q=q: bot.ask(q)))
    channels: dict[str, list[float]] = {"bm25-zh (jieba + scoring)": [], "bm25-en": []}
    for enc in bot.encoders:
        channels[f"dense {enc.name} (encode + FAISS)"] = []
    index = bot.index
    for q in questions:
        text = normalize(q)
        channels["bm25-zh (jieba + scoring)"].append(
            _timed(lambda t=text: index.bm25["bm25-zh-clause"].scores(index.zh_tokenizer(t))))
        channels["bm25-en"].append(_timed(lambda t=text: index.bm25["bm25-en-clause"].scores(english_tokenize(t))))
        for enc, faiss_index, _rows in index.dense:
            channels[f"dense {enc.name} (encode + FAISS)"].append(
                _timed(lambda t=text, e=enc, f=faiss_index: f.search(e.encode([t]), f.ntotal)))
    progress("cold start in a fresh process (3 runs)")
    cold = []
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", _COLD_SCRIPT, str(time.time()), str(index_dir)],
                             capture_output=True, text=True, env=env, cwd=ROOT, check=True)
        cold.append(json.loads(out.stdout.strip().splitlines()[-1]))
    data = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "encoders": [e.name for e in bot.encoders],
        "clauses": len(corpus.clauses),
        "questions": len(questions),
        "search": _percentiles(search_ms),
        "ask": _percentiles(ask_ms),
        "channels": {name: _percentiles(v) for name, v in channels.items()},
        "index_build_s": {"runs": build_times, "median": float(np.median(build_times))},
        "cold_start": {"runs": cold, "median_first_answer_s": float(np.median([c["first_answer_s"] for c in cold])),
                       "median_peak_rss_mb": float(np.median([c["peak_rss_mb"] for c in cold]))},
    }
    data["table"] = bench_table(data)
    if write:
        REPORTS.mkdir(parents=True, exist_ok=True)
        (REPORTS / "bench.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        plot_latency({"search": search_ms, "ask": ask_ms, **channels}, REPORTS / "latency.png")
        from qa.report import replace_section

        replace_section(ROOT / "evaluation" / "README.md", "bench", data["table"])
    return data


def bench_table(data: dict) -> str:
    lines = ["| measure | n | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|"]
    for name in ("search", "ask"):
        m = data[name]
        lines.append(f"| `{name}` (warm) | {m['n']} | {m['p50_ms']:.1f} | {m['p95_ms']:.1f} | {m['p99_ms']:.1f} |")
    for name, m in data["channels"].items():
        lines.append(f"| channel: {name} | {m['n']} | {m['p50_ms']:.1f} | {m['p95_ms']:.1f} | {m['p99_ms']:.1f} |")
    cold = data["cold_start"]
    lines += ["", f"- index build ({data['clauses']} clauses, encoders {', '.join(data['encoders'])}): "
                  f"median {data['index_build_s']['median']:.1f} s over 3 builds",
              f"- cold start, process start → first answer (index on disk): median {cold['median_first_answer_s']:.1f} s",
              f"- peak resident memory of a process with a loaded assistant: median {cold['median_peak_rss_mb']:.0f} MB",
              f"- machine: {data['machine']['cpus']} CPUs, Python {data['machine']['python']}"]
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
    ax.set_title("Warm latency per call and per channel (2-core machine)")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
