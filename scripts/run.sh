#!/usr/bin/env bash
# Install everything, then serve the app on the bundled default corpus and models.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
export HF_HUB_OFFLINE=1
exec .venv/bin/python app.py "$@"
