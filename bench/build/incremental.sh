#!/usr/bin/env bash
# Incremental rebuild speed on one generated corpus, in the same run: the full build (no cache,
# no previous output), the rebuild with nothing changed, and the rebuild after editing one stop's
# body (the issue's goal: under 10% of the full build). Median of RUNS each, and the ratios.
# Usage: bench/build/incremental.sh [pages]     default 20000 pages; RUNS=5.
#   WAYMARK=<binary>  use this binary instead of building one (run.sh passes its own)
#   CORPUS=<folder>   use this generated corpus instead of generating one (run.sh passes its own)
#   SCRATCH=<folder>  swift build scratch path (default <repo>/.build)
#   FULL=<seconds>    the full-build median run.sh measured on this corpus, in fresh folders: the
#                     reference for the ratios (a full build here follows run.sh's rm -rf of its
#                     outputs, when ext4 creates inodes slowly, and would flatter the ratio)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${RUNS:-5}"
size="${1:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$here/common.sh"

if [ -z "${WAYMARK:-}" ]; then
    scratch="${SCRATCH:-$repo/.build}"
    swift build -c release --static-swift-stdlib --package-path "$repo" --scratch-path "$scratch" --product waymark >&2
    WAYMARK="$scratch/release/waymark"
fi
corpus="${CORPUS:-}"
if [ -z "$corpus" ]; then
    corpus_shape "$size"
    corpus="$work/corpus"
    python3 "$repo/bench/corpus/generate.py" "$corpus" --trails "$trails" --stops 38 --pets "$pets" >&2
fi

wall() { measure "$@" | cut -d' ' -f1; }

: > "$work/full.txt"; : > "$work/same.txt"; : > "$work/edit.txt"
# Full builds into fresh folders (never right after an rm -rf of the last output: ext4 is then
# slow to create inodes, which would flatter the ratio); the rebuilds use the last one.
full_runs=$runs
[ -n "${FULL:-}" ] && full_runs=1  # only to make the output the rebuilds start from
for ((i = 1; i <= full_runs; i++)); do
    rm -rf "$corpus/.waymark-cache"
    wall "$WAYMARK" build --root "$corpus" --output "$work/full-$i" --quiet >> "$work/full.txt"
done
output="$work/full-$full_runs"
# One stop in the middle of a trail (and of the corpus, whatever its size): its page is rendered
# again, nothing else.
stop="$(middle_stop "$corpus")"
[ -n "$stop" ] || { echo "error: no stop files in $corpus/content" >&2; exit 1; }
stop="$corpus/$stop"
# Before each rebuild the last build's output is left 2.5 s, as a person looking at it before the
# next edit would leave it: a build trusts what it finds by stamp only once that stamp is 2 s old
# (FileStamp.changed(before:)), and re-checks anything newer. The edit itself is made right before
# its rebuild, so the edited file is never trusted by its stamp.
for ((i = 1; i <= runs; i++)); do
    sleep 2.5
    wall "$WAYMARK" build --root "$corpus" --output "$output" --quiet >> "$work/same.txt"
    sleep 2.5
    printf '\nEdited for the incremental benchmark, run %s.\n' "$i" >> "$stop"
    wall "$WAYMARK" build --root "$corpus" --output "$output" --quiet >> "$work/edit.txt"
done

full=${FULL:-$(median < "$work/full.txt")}; same=$(median < "$work/same.txt"); edit=$(median < "$work/edit.txt")
label="full build (no cache)"; [ -n "${FULL:-}" ] && label="full build (no cache, run.sh)"
printf '%-34s %8s s\n' "$label" "$full" "rebuild, nothing changed" "$same" "rebuild after a one-stop edit" "$edit"
awk -v f="$full" -v s="$same" -v e="$edit" \
    'BEGIN { printf "ratio to the full build: nothing changed %.1f%%, one-stop edit %.1f%% (goal: under 10%%)\n", 100 * s / f, 100 * e / f }'
