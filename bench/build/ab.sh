#!/usr/bin/env bash
# Two waymark binaries against each other on one generated corpus, interleaved (A, B, A, B, …),
# since this machine's speed drifts by a fifth between minutes: full builds, then rebuilds after
# a one-stop edit. Prints each run and the medians. Each binary has its own copy of the corpus
# (a cache belongs to the binary that wrote it) and its own output folder.
# Usage: bench/build/ab.sh <binary A> <binary B> [pages]     default 20000 pages; RUNS=5.
#   WORK=<folder>  where the corpora and outputs go (default the temporary folder). Each full
#                  build writes a fresh folder and none is deleted before the end: on ext4, inode
#                  creation is slow for minutes after a mass deletion (see run.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 <binary A> <binary B> [pages]" >&2; exit 2; }
binaries=("$1" "$2")
size="${3:-20000}"
runs="${RUNS:-5}"
work="$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/waymark-ab.XXXXXX")"
trap 'rm -rf "$work"' EXIT
. "$here/common.sh"

corpus_shape "$size"
python3 "$repo/bench/corpus/generate.py" "$work/corpus" --trails "$trails" --stops 38 --pets "$pets" >&2
for side in 0 1; do cp -r "$work/corpus" "$work/corpus-$side"; done

: > "$work/results.txt"
for ((i = 1; i <= runs; i++)); do
    for side in 0 1; do
        rm -rf "$work/corpus-$side/.waymark-cache" "$work/corpus-$side/content/bench/tokens.yml"
        echo "full $side $(measure "${binaries[$side]}" build --root "$work/corpus-$side" --output "$work/out-$side-$i" --quiet)" >> "$work/results.txt"
    done
done
# Rebuilds from the last full build: one rebuild with nothing changed, once the full build's
# files are 2.5 s old, settles the cache (a stamp younger than 2 s is not trusted); then each
# round leaves the output 2.5 s, edits the middle stop and rebuilds, as incremental.sh does.
sleep 2.5
for side in 0 1; do "${binaries[$side]}" build --root "$work/corpus-$side" --output "$work/out-$side-$runs" --quiet; done
stop="$(middle_stop "$work/corpus-0")"
for ((i = 1; i <= runs; i++)); do
    for side in 0 1; do
        sleep 2.5
        printf '\nEdited by ab.sh, round %d.\n' "$i" >> "$work/corpus-$side/$stop"
        echo "rebuild $side $(measure "${binaries[$side]}" build --root "$work/corpus-$side" --output "$work/out-$side-$runs" --quiet)" >> "$work/results.txt"
    done
done

printf '%-8s %-4s %9s %9s %9s\n' kind side wall_s cpu_s peak_MB
awk '{printf "%-8s %-4s %9s %9s %9d\n", $1, ($2 == 0 ? "A" : "B"), $3, $4, $5 / 1024}' "$work/results.txt"
echo
for kind in full rebuild; do
    for side in 0 1; do
        wall=$(awk -v k=$kind -v s=$side '$1 == k && $2 == s {print $3}' "$work/results.txt" | median)
        cpu=$(awk -v k=$kind -v s=$side '$1 == k && $2 == s {print $4}' "$work/results.txt" | median)
        printf '%-8s %-4s median wall %6.2f s  cpu %6.2f s\n' "$kind" "$([ $side = 0 ] && echo A || echo B)" "$wall" "$cpu"
    done
done
