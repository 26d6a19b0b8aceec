#!/usr/bin/env bash
# QR encode + SVG + PNG per second for 10,000 token URLs: Waymark (Swift, release build) against
# libqrencode + libpng called from C (the libraries' limit) and Python segno, in the same run.
# Usage: bench/qr/run.sh [count] [runs]     (defaults 10000 and 5; prints medians and ratios)
# Needs: swift, gcc, pkg-config, libqrencode-dev, libpng-dev, python3 with segno (pip install segno).
# WAYMARK_PACKAGE=/path builds the Swift side from another package root (e.g. a sandbox).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
package="${WAYMARK_PACKAGE:-$(cd "$here/../.." && pwd)}"
count="${1:-10000}"
runs="${2:-5}"
scratch="$package/.build-bench"
mkdir -p "$scratch"

echo "building (release, --scratch-path $scratch)…" >&2
swift build -c release --package-path "$package" --scratch-path "$scratch" --product waymark-bench-qr >&2
gcc -O2 -o "$scratch/bench-qr-c" "$here/bench.c" $(pkg-config --cflags --libs libqrencode libpng)
python3 -c "import segno" 2>/dev/null || { echo "error: python3 cannot import segno: pip install segno" >&2; exit 1; }

declare -A results
for ((i = 1; i <= runs; i++)); do
    for side in waymark c segno; do
        case $side in
            waymark) line="$("$scratch/release/waymark-bench-qr" "$count")" ;;
            c) line="$("$scratch/bench-qr-c" "$count")" ;;
            segno) line="$(python3 "$here/bench_segno.py" "$count")" ;;
        esac
        echo "run $i: $line" >&2
        results[$side]+="$(sed -E 's/.*per_second=([0-9.]+).*/\1/' <<<"$line") "
    done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
w="$(median "${results[waymark]}")"; c="$(median "${results[c]}")"; s="$(median "${results[segno]}")"
echo "QR encode + SVG + PNG, $count token URLs, median of $runs runs (codes per second):"
printf '  waymark (Swift)        %10.0f\n  C libqrencode+libpng   %10.0f\n  Python segno           %10.0f\n' "$w" "$c" "$s"
awk -v w="$w" -v c="$c" -v s="$s" 'BEGIN { printf "  ratio Waymark/C        %10.2f\n  ratio Waymark/segno    %10.2f\n", w / c, w / s }'
