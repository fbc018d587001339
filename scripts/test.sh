#!/usr/bin/env bash
# Install everything (Python packages, and Debian chromium + a CJK font for the browser tests), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" \
        || ! fc-list 2>/dev/null | grep -qi "emoji"; then
    if [ "$(id -u)" = "0" ]; then
        apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei fonts-noto-color-emoji >/dev/null
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq chromium fonts-wqy-microhei fonts-noto-color-emoji >/dev/null
    fi
fi
export HF_HUB_OFFLINE=1
.venv/bin/python -m ruff check .
exec .venv/bin/python -m pytest "$@"
