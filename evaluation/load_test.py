"""Load test: start the real app and drive it with concurrent gradio_client users.

    .venv/bin/python evaluation/load_test.py [--users 20] [--questions 50]

Reports throughput, p50/p95 latency, errors and the server's resident memory before and after;
writes evaluation/reports/load.json and the load table in evaluation/README.md. Loopback only,
bounded in count and time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.evaluation.gold import gold_files, load_gold  # noqa: E402
from qa.evaluation.report import replace_section  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, timeout_s: float = 300) -> None:
    import urllib.request

    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the app exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the app did not come up in time")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--questions", type=int, default=50, help="questions per user")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from gradio_client import Client

    from qa.answer.models import STATUSES

    questions = [q.question for q in load_gold(gold_files("dev") + gold_files("test"))]
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, HF_HUB_OFFLINE="1", QA_FEEDBACK_DB=str(ROOT / "data" / "load-test.sqlite3"))
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(url, proc)
        server = psutil.Process(proc.pid)
        warm = Client(url, verbose=False)
        for q in questions[:10]:
            warm.predict(q, [], "", api_name="/ask")
        rss_before = server.memory_info().rss / 2**20

        def user(n: int) -> tuple[list[float], int]:
            rng = random.Random(n)
            client = Client(url, verbose=False)
            latencies, errors = [], 0
            for _ in range(args.questions):
                q = rng.choice(questions)
                start = time.perf_counter()
                try:
                    out = client.predict(q, [], "", api_name="/ask")
                    if out.get("status") not in STATUSES:  # an answer of some kind, even "not covered"
                        errors += 1
                except Exception:  # any failure a user would see counts
                    errors += 1
                latencies.append((time.perf_counter() - start) * 1000)
            return latencies, errors

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.users) as pool:
            results = list(pool.map(user, range(args.users)))
        wall = time.perf_counter() - start
        rss_after = server.memory_info().rss / 2**20
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    latencies = [x for lat, _ in results for x in lat]
    errors = sum(e for _, e in results)
    data = {"users": args.users, "questions_per_user": args.questions, "requests": len(latencies),
            "errors": errors, "wall_s": wall, "throughput_rps": len(latencies) / wall,
            "p50_ms": float(np.percentile(latencies, 50)), "p95_ms": float(np.percentile(latencies, 95)),
            "max_ms": float(max(latencies)), "rss_before_mb": rss_before, "rss_after_mb": rss_after,
            "rss_growth_pct": 100 * (rss_after - rss_before) / rss_before, "cpus": os.cpu_count()}
    table = "\n".join([
        "| users × questions | requests | errors | throughput | p50 | p95 | max | server RSS before → after |",
        "|---|---|---|---|---|---|---|---|",
        f"| {args.users} × {args.questions} | {data['requests']} | {errors} | {data['throughput_rps']:.1f} req/s | "
        f"{data['p50_ms']:.0f} ms | {data['p95_ms']:.0f} ms | {data['max_ms']:.0f} ms | "
        f"{rss_before:.0f} → {rss_after:.0f} MB ({data['rss_growth_pct']:+.1f} %) |",
    ])
    print(table)
    if not args.no_write:
        (ROOT / "evaluation" / "reports").mkdir(parents=True, exist_ok=True)
        (ROOT / "evaluation" / "reports" / "load.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
        replace_section(ROOT / "evaluation" / "README.md", "load", table)
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
