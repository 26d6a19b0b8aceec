#!/usr/bin/env bash
# `make bench`: runs every benchmark under bench/<name>/run.sh, or only those named:
#   bench/run.sh            all
#   bench/run.sh qr ingest  some
# Each prints medians of several runs and ratios against a reference measured in the same run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for script in "$here"/*/run.sh; do names+=("$(basename "$(dirname "$script")")"); done
fi
for name in "${names[@]}"; do
    echo "== bench/$name"
    bash "$here/$name/run.sh"
done
