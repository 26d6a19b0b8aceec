#!/usr/bin/env bash
# Full-build speed against Hugo on the same generated content (bench/corpus/generate.py), in the
# same run: wall time, CPU time and peak memory of each, median of RUNS, and the ratio.
# Usage: bench/build/run.sh [sizes…]    sizes in pages, default "1000 10000 20000"; RUNS=3.
#   OUT=<folder>  write the builds' output below this folder (e.g. a tmpfs, to measure the tools'
#                 own work apart from the file system's inode creation), default the work folder.
# Then, on the largest corpus, incremental.sh: full build against rebuild after a one-file edit.
# Waymark's numbers include its QR codes (SVG + PNG per token), which Hugo does not make.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${RUNS:-3}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 20000)
work="$(mktemp -d)"
out="$(mktemp -d "${OUT:-$work}/out.XXXXXX")"
# For up to 6 minutes after a mass deletion (ext4: RECENTCY_MIN 60 s + RECENTCY_DIRTY 300 s),
# ext4 skips the freed inodes when it creates new ones, and both tools slow down, Waymark more
# (118k inodes to Hugo's 79k). A run's own clean-up is the mass deletion: the next run waits it out.
# Only a run of 10,000 pages or more deletes enough to matter (about 60k inodes a build).
settled="${XDG_CACHE_HOME:-$HOME/.cache}/waymark-bench/last-cleanup"
if [ -f "$settled" ]; then
    read -r cleaned largest < "$settled" || true
    wait_s=$(( ${cleaned:-0} + 360 - $(date +%s) ))
    if [ "${largest:-0}" -ge 10000 ] && [ "$wait_s" -gt 0 ]; then
        echo "waiting ${wait_s} s: the last run deleted its outputs, and ext4 creates inodes slowly for a while after" >&2
        sleep "$wait_s"
    fi
fi
largest=$(printf '%s\n' "${sizes[@]}" | sort -n | tail -1)
trap 'rm -rf "$work" "$out"; mkdir -p "$(dirname "$settled")"; echo "$(date +%s) $largest" > "$settled"' EXIT

swift build -c release --static-swift-stdlib --package-path "$repo" --product waymark >&2
waymark="$repo/.build/release/waymark"
command -v hugo >/dev/null || { echo "error: hugo is not installed (apt-get install hugo)" >&2; exit 1; }

. "$here/common.sh"

printf '%-7s %-8s %9s %9s %9s\n' pages tool wall_s cpu_s peak_MB
for size in "${sizes[@]}"; do
    corpus_shape "$size"
    python3 "$repo/bench/corpus/generate.py" "$work/w$size" --trails "$trails" --stops 38 --pets "$pets" --hugo "$work/h$size" >&2
    # Every run writes into a fresh folder, and no output is deleted before the end: for minutes
    # after an rm -rf, ext4 skips the just-freed inodes while their table blocks are dirty, which
    # made inode creation (and so both tools, Waymark more: it creates 118k inodes to Hugo's 79k)
    # several times slower and the ratio noise (see the wait at the top).
    : > "$work/waymark.txt"; : > "$work/hugo.txt"
    for ((i = 1; i <= runs; i++)); do
        rm -rf "$work/w$size/.waymark-cache" "$work/w$size/content/bench/tokens.yml"
        measure "$waymark" build --root "$work/w$size" --output "$out/w$size-$i" --quiet >> "$work/waymark.txt"
        measure hugo -s "$work/h$size" -d "$out/h$size-$i" --quiet >> "$work/hugo.txt"
    done
    # Each run's pair too: the machine's speed drifts between minutes, and the spread of the
    # ratios says how far one median can be trusted.
    paste -d' ' "$work/waymark.txt" "$work/hugo.txt" | awk -v s="$size" \
        '{ printf "%-7s run %-4d waymark %6.2f s  hugo %6.2f s  ratio %.2f×\n", s, NR, $1, $4, $1 / $4 }'
    for tool in waymark hugo; do
        wall=$(cut -d' ' -f1 "$work/$tool.txt" | median); cpu=$(cut -d' ' -f2 "$work/$tool.txt" | median)
        peak=$(cut -d' ' -f3 "$work/$tool.txt" | median)
        printf '%-7s %-8s %9.2f %9.2f %9.0f\n' "$size" "$tool" "$wall" "$cpu" "$((${peak%.*} / 1024))"
        eval "${tool}_wall=$wall; ${tool}_peak=$peak"
    done
    awk -v w="$waymark_wall" -v h="$hugo_wall" -v wm="$waymark_peak" -v hm="$hugo_peak" -v s="$size" \
        'BEGIN { printf "%-7s ratio    wall %.2f×  peak memory %.2f× (Waymark/Hugo)\n", s, w / h, wm / hm }'
done

# Incremental rebuilds on the largest corpus of this run, with the same binary.
echo
WAYMARK="$waymark" CORPUS="$work/w${sizes[${#sizes[@]}-1]}" RUNS="$runs" FULL="$waymark_wall" "$here/incremental.sh"
