#!/usr/bin/env bash
# Two waymark binaries against each other on one generated corpus, interleaved (A, B, A, B, …),
# since this machine's speed drifts by a fifth between minutes: full builds, then rebuilds after
# a one-stop edit. Prints each run and the medians. Each binary has its own copy of the corpus
# (a cache belongs to the binary that wrote it) and its own output folder.
# Usage: bench/build/ab.sh <binary A> <binary B> [pages]     default 20000 pages; RUNS=5.
#   WORK=<folder>  where the corpora and outputs go (a tmpfs measures the tools' own work)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 <binary A> <binary B> [pages]" >&2; exit 2; }
binaries=("$1" "$2")
size="${3:-20000}"
runs="${RUNS:-5}"
work="$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/waymark-ab.XXXXXX")"
trap 'rm -rf "$work"' EXIT

trails=$(( size * 975 / 1000 / 39 )); pets=$(( size - trails * 39 - 3 ))
python3 "$repo/bench/corpus/generate.py" "$work/corpus" --trails "$trails" --stops 38 --pets "$pets" >&2
for side in 0 1; do cp -r "$work/corpus" "$work/corpus-$side"; done
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
# One measurement: "wall cpu peak_MB".
measure() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%s %.2f %d\n", $1, $2 + $3, $4 / 1024}'; }

: > "$work/results.txt"
for ((i = 1; i <= runs; i++)); do
    for side in 0 1; do
        rm -rf "$work/corpus-$side/.waymark-cache" "$work/corpus-$side/content/bench/tokens.yml" "$work/out-$side"
        echo "full $side $(measure "${binaries[$side]}" build --root "$work/corpus-$side" --output "$work/out-$side" --quiet)" >> "$work/results.txt"
    done
done
# Rebuilds from the last full build: one rebuild with nothing changed settles the cache, then
# each round edits the middle stop of each corpus and waits 2.5 s (a stamp younger than 2 s is
# not trusted), as incremental.sh does.
for side in 0 1; do "${binaries[$side]}" build --root "$work/corpus-$side" --output "$work/out-$side" --quiet; done
stop="$(cd "$work/corpus-0" && find content -path '*/trails/*' -name '[0-9]*.md' | sort | awk '{ s[NR] = $0 } END { if (NR) print s[int(NR / 2) + 1] }')"
for ((i = 1; i <= runs; i++)); do
    for side in 0 1; do
        printf '\nEdited by ab.sh, round %d.\n' "$i" >> "$work/corpus-$side/$stop"
        sleep 2.5
        echo "rebuild $side $(measure "${binaries[$side]}" build --root "$work/corpus-$side" --output "$work/out-$side" --quiet)" >> "$work/results.txt"
    done
done

printf '%-8s %-4s %9s %9s %9s\n' kind side wall_s cpu_s peak_MB
cat "$work/results.txt" | awk '{printf "%-8s %-4s %9s %9s %9s\n", $1, ($2 == 0 ? "A" : "B"), $3, $4, $5}'
echo
for kind in full rebuild; do
    for side in 0 1; do
        wall=$(awk -v k=$kind -v s=$side '$1 == k && $2 == s {print $3}' "$work/results.txt" | median)
        cpu=$(awk -v k=$kind -v s=$side '$1 == k && $2 == s {print $4}' "$work/results.txt" | median)
        printf '%-8s %-4s median wall %6.2f s  cpu %6.2f s\n' "$kind" "$([ $side = 0 ] && echo A || echo B)" "$wall" "$cpu"
    done
done
