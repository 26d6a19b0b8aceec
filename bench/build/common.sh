# Shared by run.sh, incremental.sh and ab.sh (sourced, not run).

# The corpus for a page count: sets `trails` and `pets`. pages = trails × (stops + 1) + pets + 3;
# 39 pages a trail (index + 38 stops), 2.5% of pages are pets.
corpus_shape() { trails=$(( $1 * 975 / 1000 / 39 )); pets=$(( $1 - trails * 39 - 3 )); }

# One measurement of a command: prints "wall_s cpu_s peak_kb" (cpu = user + system).
measure() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}'; }

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# The stop in the middle of a generated corpus (of its stops, whatever its size), relative to
# the corpus folder $1: the file the rebuild benchmarks edit.
middle_stop() { (cd "$1" && find content -path '*/trails/*' -name '[0-9]*.md' | sort | awk '{ s[NR] = $0 } END { if (NR) print s[int(NR / 2) + 1] }'); }
