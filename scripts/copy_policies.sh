#!/usr/bin/env bash
# Copy the policy library's source texts from the shared folder into corpus/<doc-id>/source.txt, byte for byte.
# Run once by a developer; the copies are committed and never edited (corrections go in repairs.json).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${1:-../shared/policies}
for f in "$SRC"/*.txt; do
    id=$(basename "$f" .txt)
    mkdir -p "corpus/$id"
    if [ -e "corpus/$id/source.txt" ] && ! cmp -s "$f" "corpus/$id/source.txt"; then
        echo "corpus/$id/source.txt differs from $f; refusing to overwrite" >&2
        exit 1
    fi
    cp "$f" "corpus/$id/source.txt"
    echo "corpus/$id/source.txt"
done
