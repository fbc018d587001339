"""Browser-side latency: time from pressing Enter to the answer appearing, in headless Debian chromium.

    .venv/bin/python evaluation/browser_latency.py [--url http://127.0.0.1:7860] [--questions 20]

Without ``--url`` it starts the app itself (default models, index under index/). Questions are the
first N dev gold questions of each family, asked in one conversation after a page load. Writes
evaluation/reports/browser_latency.json and the table in evaluation/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from qa.evaluation.gold import gold_files, load_gold  # noqa: E402
from qa.evaluation.report import replace_section  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
BOTS = "#chat [data-testid='bot']"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url")
    parser.add_argument("--questions", type=int, default=20)
    args = parser.parse_args()
    demo = None
    url = args.url
    if not url:
        from qa.assistant import Assistant
        from qa.serve.app import launch
        from qa.serve.feedback import FeedbackStore

        demo, url = launch(Assistant(), FeedbackStore(Path(tempfile.mkdtemp()) / "fb.sqlite3"), port=7877, block=False)
    questions = [q.question for q in load_gold(gold_files("dev")) if not q.history and len(q.question) < 80]
    picked = questions[:: max(1, len(questions) // args.questions)][: args.questions]
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_selector("#question textarea", timeout=60_000)
        for q in picked:
            n = page.locator(BOTS).count()
            page.locator("#question textarea").fill(q)
            start = time.perf_counter()
            page.locator("#question textarea").press("Enter")
            page.wait_for_function(f"document.querySelectorAll(\"{BOTS}\").length > {n}", timeout=60_000)
            timings.append((time.perf_counter() - start) * 1000)
        browser.close()
    if demo is not None:
        demo.close()
    data = {"n": len(timings), "p50_ms": float(np.percentile(timings, 50)), "p95_ms": float(np.percentile(timings, 95)),
            "max_ms": float(max(timings)), "timings_ms": timings, "questions": picked}
    reports = ROOT / "evaluation" / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "browser_latency.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    table = ("| questions | Enter → answer p50 | p95 | max |\n|---|---|---|---|\n"
             f"| {data['n']} | {data['p50_ms']:.0f} ms | {data['p95_ms']:.0f} ms | {data['max_ms']:.0f} ms |")
    replace_section(ROOT / "evaluation" / "README.md", "browser", table)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
