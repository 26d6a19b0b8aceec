#!/usr/bin/env bash
# waymark-ingest (release build) against nginx on loopback, side by side in one run, under wrk:
# requests/s and p50/p99 latency for POST /b and GET /t/<TOKEN>, with each --fsync mode.
# The reference is nginx returning 204 with a buffered JSON access log (64 KiB buffer, 1 s flush).
#
# Usage: bench/ingest/run.sh [seconds-per-run] [connections] [rounds]   (defaults 10, 64, 3)
# Needs: swift, wrk, nginx (apt-get install wrk nginx-light). Loopback only; stops what it starts.
# WAYMARK_PACKAGE=/path builds the Swift side from another package root (e.g. a sandbox).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
package="${WAYMARK_PACKAGE:-$(cd "$here/../.." && pwd)}"
seconds="${1:-10}"
connections="${2:-64}"
rounds="${3:-3}"
threads=2
scratch="$package/.build-ingest"

for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { echo "error: $tool is not installed: apt-get install wrk nginx-light" >&2; exit 1; }
done
echo "building waymark-ingest (release, --scratch-path $scratch)…" >&2
swift build -c release --package-path "$package" --scratch-path "$scratch" --product waymark-ingest >&2
binary="$scratch/release/waymark-ingest"

work="$(mktemp -d /tmp/waymark-bench-ingest.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
cp "$here/manifest.json" "$work/manifest.json"
head -c 32 /dev/urandom | base64 > "$work/salt"
mkdir -p "$work/tmp"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() { for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "error: nothing listens on $1" >&2; exit 1; }

# Prints "requests_per_second p50_ms p99_ms errors" for one wrk run.
measure() {
    local port="$1" path="$2" script="$3" out
    out="$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port$path")"
    awk -v out="$out" 'BEGIN {
        n = split(out, lines, "\n")
        for (i = 1; i <= n; i++) {
            split(lines[i], f, " ")
            if (lines[i] ~ /Requests\/sec:/) rps = f[2]
            if (lines[i] ~ /^ +50%/) p50 = f[2]
            if (lines[i] ~ /^ +99%/) p99 = f[2]
            if (lines[i] ~ /Non-2xx or 3xx/) errors = f[5]
            if (lines[i] ~ /Socket errors/) socket = lines[i]
        }
        printf "%s %s %s %s\n", rps, ms(p50), ms(p99), (errors == "" ? 0 : errors)
    }
    function ms(v) {
        if (v ~ /us$/) return sprintf("%.3f", substr(v, 1, length(v) - 2) / 1000)
        if (v ~ /ms$/) return sprintf("%.3f", substr(v, 1, length(v) - 2))
        if (v ~ /s$/) return sprintf("%.3f", substr(v, 1, length(v) - 1) * 1000)
        return v
    }'
}

start_nginx() {
    local port="$1"
    sed -e "s|DIR|$work|g" -e "s|PORT|$port|g" -e "s|WORKERS|$(nproc)|g" "$here/nginx.conf.template" > "$work/nginx.conf"
    nginx -p "$work" -c "$work/nginx.conf" &
    pids+=($!)
    wait_port "$port"
}

start_ingest() {
    local port="$1" mode="$2"
    "$binary" --manifest "$work/manifest.json" --logs "$work/logs-$mode" --listen "127.0.0.1:$port" --node bench \
        --fsync "$mode" --salt-file "$work/salt" --rate 100000000/s 2>>"$work/ingest-$mode.log" &
    pids+=($!)
    wait_port "$port"
}

declare -A rps p50 p99 errs
record() {  # side route values…
    read -r r a b e <<<"$3"
    rps[$1,$2]+="$r "; p50[$1,$2]+="$a "; p99[$1,$2]+="$b "; errs[$1,$2]=$(( ${errs[$1,$2]:-0} + e ))
    echo "  $1 $2: $r req/s, p50 $a ms, p99 $b ms, non-2xx/3xx $e" >&2
}

nginx_port="$(free_port)"
start_nginx "$nginx_port"
declare -A ratios
# Each waymark-ingest run follows an nginx run of the same route, and the ratio is taken per pair:
# on a shared machine the load drifts within seconds, and a ratio of neighbours cancels most of it.
for ((round = 1; round <= rounds; round++)); do
    echo "round $round/$rounds (${seconds}s per run, $connections connections, $threads wrk threads, $(nproc) cores)" >&2
    for mode in interval always never; do
        port="$(free_port)"
        start_ingest "$port" "$mode"
        for route in /b /t; do
            if [ "$route" = /b ]; then target=/b script="$here/beacon.lua"; else target=/t/88X0WK script="$here/scan.lua"; fi
            record nginx "$route" "$(measure "$nginx_port" "$target" "$script")"
            reference="$(tr ' ' '\n' <<<"${rps[nginx,$route]}" | grep -v '^$' | tail -1)"
            record "$mode" "$route" "$(measure "$port" "$target" "$script")"
            value="$(tr ' ' '\n' <<<"${rps[$mode,$route]}" | grep -v '^$' | tail -1)"
            ratios[$mode,$route]+="$(awk -v a="$value" -v b="$reference" 'BEGIN { print 100 * a / b }') "
        done
        kill -TERM "${pids[-1]}"; wait "${pids[-1]}" || true
        unset 'pids[-1]'
    done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
printf '\n%-24s %-4s %12s %9s %9s %18s %10s\n' "server" "route" "requests/s" "p50 ms" "p99 ms" "vs nginx (pairs)" "non-2xx"
for route in /b /t; do
    for side in nginx interval always never; do
        label="$side"; [[ $side != nginx ]] && label="waymark-ingest $side"
        ratio="100"; [[ $side != nginx ]] && ratio="$(median "${ratios[$side,$route]}")"
        printf '%-24s %-4s %12.0f %9s %9s %17.0f%% %10s\n' "$label" "$route" "$(median "${rps[$side,$route]}")" "$(median "${p50[$side,$route]}")" \
            "$(median "${p99[$side,$route]}")" "$ratio" "${errs[$side,$route]}"
    done
done
echo "(vs nginx: median over rounds of each run's requests/s divided by the nginx run just before it)"
lines=$(cat "$work"/logs-interval/site=*/date=*/*.ndjson 2>/dev/null | wc -l)
echo "(waymark-ingest interval wrote $lines log lines; binary $(du -h "$binary" | cut -f1), stripped $(strip -o "$work/stripped" "$binary" && du -h "$work/stripped" | cut -f1))"
