#!/bin/sh
# Times `waymark cards` (release build) on the example content and on a generated corpus of
# 1,000 stop cards, for each sheet; prints wall seconds and peak memory (GNU time).
#   sh bench/print/run.sh [path/to/waymark]
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
waymark=${1:-$repo/.build/release/waymark}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795000000

measure() { # label, then the command
    label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1
    read -r seconds kb < "$work/time"
    printf '%-44s %6.2f s  %6d MB peak\n' "$label" "$seconds" $((kb / 1024))
}

mkdir -p "$work/example" && cp -R "$repo/content" "$repo/templates" "$work/example/"
"$waymark" build --root "$work/example" > /dev/null 2>&1
python3 "$repo/bench/print/make-corpus.py" "$work/corpus" 1000 0
"$waymark" build --root "$work/corpus" > /dev/null 2>&1
for sheet in single a4 avery-c32011; do
    measure "example (13 stops, 5 tags, 5 passports) $sheet" "$waymark" cards --root "$work/example" --sheet "$sheet"
    measure "corpus: 1,000 stop cards, $sheet" "$waymark" cards --root "$work/corpus" --sheet "$sheet"
done
ls -l "$work/corpus/site/_print/bench" | awk '/pdf$/ { bytes += $5; n++ } END { printf "corpus PDFs (last sheet): %d files, %.1f MB\n", n, bytes / 1048576 }'
