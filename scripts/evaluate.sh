#!/usr/bin/env bash
# Regenerate every number in evaluation/README.md (ablation, per-kind table, plots, bench, load).
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1
.venv/bin/qa report
.venv/bin/qa bench
.venv/bin/python evaluation/browser_latency.py
.venv/bin/python evaluation/load_test.py
