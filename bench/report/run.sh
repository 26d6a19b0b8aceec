#!/bin/sh
# `waymark report` throughput against DuckDB (sql/rollup.sql) and GoAccess on the same events.
#
#   sh bench/report/run.sh [EVENTS]        default 5000000 (3 sites, 30 days, 2 nodes)
#
# Needs: python3 with duckdb (pip install duckdb), goaccess (apt), GNU time (/usr/bin/time).
# Data is generated once into $BENCH_DIR (default /tmp/waymark-bench-report-EVENTS, ~1.2 GB of
# NDJSON and as much combined log for 5M events) and reused. Each tool runs RUNS times (default 2)
# from a cold start of its own (waymark: a fresh rollup database) and the best run counts.
# Not a test: it prints events/s, the ratios and peak memory.
set -eu
events=${1:-5000000}
runs=${RUNS:-2}
repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=${BENCH_DIR:-/tmp/waymark-bench-report-$events}
mkdir -p "$dir"

if [ -z "${WAYMARK:-}" ]; then
    (cd "$repo" && swift build -c release --static-swift-stdlib --scratch-path .build-report --product waymark >"$dir/build.log" 2>&1) || { cat "$dir/build.log"; exit 1; }
    WAYMARK=$repo/.build-report/release/waymark
fi
if [ ! -f "$dir/done" ]; then
    echo "generating $events events in $dir …"
    rm -rf "$dir/logs"
    python3 "$repo/bench/report/generate.py" --out "$dir/logs" --events "$events" --days 30 --sites 3 --nodes 2 \
        --combined "$dir/access.log" --manifest "$dir/manifest.json"
    touch "$dir/done"
fi
lines=$(cat "$dir"/logs/*/*/*.ndjson | wc -l)
bytes=$(du -sb "$dir/logs" | cut -f1)
echo "$events events ($lines lines with cross-node copies, $bytes bytes) on $(nproc) cores"

# best_of NAME COMMAND…: runs the command $runs times under GNU time; prints "seconds maxrss_kb".
best_of() {
    name=$1; shift
    best=""
    for run in $(seq "$runs"); do
        [ "$name" = waymark ] && rm -rf "$dir/out"
        /usr/bin/time -f "%e %M" -o "$dir/$name.time" "$@" >"$dir/$name.stdout" 2>"$dir/$name.stderr" || { cat "$dir/$name.stderr"; exit 1; }
        result=$(cat "$dir/$name.time")
        if [ -z "$best" ] || [ "$(echo "$result $best" | awk '{print ($1 < $3)}')" = 1 ]; then best=$result; fi
    done
    echo "$best"
}

waymark=$(cd "$dir" && best_of waymark "$WAYMARK" report --logs logs --manifest manifest.json --out out)
duckdb=$(cd "$dir" && best_of duckdb python3 -c "
import duckdb, sys
rows = duckdb.connect().execute(open('$repo/sql/rollup.sql').read()).fetchall()
print(len(rows))")
goaccess=$(cd "$dir" && best_of goaccess goaccess access.log --log-format=COMBINED --no-global-config -o "$dir/goaccess.html")

# The same numbers: DuckDB's rows against the rollup database.
python3 - "$dir" "$repo/sql/rollup.sql" <<'PY'
import duckdb, os, sqlite3, sys
os.chdir(sys.argv[1])
duck = duckdb.connect().execute(open(sys.argv[2]).read()).fetchall()
mine = sqlite3.connect("out/rollup.sqlite").execute("SELECT site, day, dimension, key, count FROM rollup ORDER BY 1, 2, 3, 4").fetchall()
print(f"rollup rows: waymark {len(mine)}, duckdb {len(duck)}, identical: {mine == duck}")
PY

echo "$waymark $duckdb $goaccess" | awk -v n="$events" '{
    printf "%-9s %8s s %12s events/s %8.0f MB peak\n", "waymark", $1, sprintf("%.0f", n / $1), $2 / 1024
    printf "%-9s %8s s %12s events/s %8.0f MB peak\n", "duckdb", $3, sprintf("%.0f", n / $3), $4 / 1024
    printf "%-9s %8s s %12s events/s %8.0f MB peak\n", "goaccess", $5, sprintf("%.0f", n / $5), $6 / 1024
    printf "waymark vs duckdb: %.2fx faster; vs goaccess: %.1fx faster\n", $3 / $1, $5 / $1
}'
cat "$dir/waymark.stdout"
