#!/usr/bin/env bash
# The readers against xmllint (issue 17 point 5, docs/performance.md "Readers against
# xmllint"): on the USPTO week (10,000 grants, 939 MB) and on one DOCDB bulk document
# (100,000 records, 250 MB), times `xmllint --stream --noout` on the same documents
# (twin.xml) and `patsub check` (stdout to /dev/null) with PATSUB_PARSE_THREADS=1 and
# with the default threads, REPEATS times in turn, and prints the median wall and CPU
# (user + system) seconds of each, the ratios the issue asks for, and the load average
# before and after. The machine is shared: the CPU ratio is what the load does not move.
#
#   bench/readers_bench.sh PATSUB [OUT] [REPEATS]
#   BEFORE=path/to/older/patsub   also times that binary, in the same rounds
set -euo pipefail

patsub=$(realpath "$1")
out=${2:-bench/out}
repeats=${3:-3}
before=${BEFORE:+$(realpath "$BEFORE")}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
out=$(realpath "$out")
command -v xmllint > /dev/null || { echo "readers_bench: xmllint is missing (libxml2-utils)"; exit 2; }

# The inputs bench/run_bench.sh makes, under the same names (reused when present).
for spec in "us-10000 uspto 10000" "docdb-100000 docdb 100000"; do
    read -r name format count <<< "$spec"
    if [ ! -f "$out/$name/manifest.json" ]; then
        echo "generating $name..." >&2
        python3 "$here/generate.py" "$format" --count "$count" --seed 1 --out "$out/$name" > /dev/null
    fi
done

results=$out/readers.tsv
: > "$results"
# time_one INPUT TOOL COMMAND...: one row: input, tool, wall s, CPU s.
time_one() {
    local input=$1 tool=$2
    shift 2
    local t
    t=$(mktemp)
    local rc=0
    /usr/bin/time -f '%e %U %S' -o "$t" "$@" > /dev/null 2> "$t.err" || rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        echo "readers_bench: $tool on $input failed (exit $rc)" >&2
        tail -3 "$t.err" >&2
        exit 1
    fi
    read -r wall user sys < <(tail -1 "$t")
    printf '%s\t%s\t%s\t%s\n' "$input" "$tool" "$wall" "$(python3 -c "print(round($user + $sys, 2))")" >> "$results"
    rm -f "$t" "$t.err"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors" | tee "$out/readers-load.txt"
for round in $(seq "$repeats"); do
    echo "round $round of $repeats..." >&2
    for input in us-10000 docdb-100000; do
        file=$(find "$out/$input/inbox/grants" -type f | head -1)
        time_one "$input" "xmllint --stream" xmllint --stream --noout --nonet "$out/$input/twin.xml"
        time_one "$input" "check, 1 thread" env PATSUB_PARSE_THREADS=1 "$patsub" check "$file"
        time_one "$input" "check" "$patsub" check "$file"
        if [ -n "$before" ]; then
            time_one "$input" "before: check, 1 thread" env PATSUB_PARSE_THREADS=1 "$before" check "$file"
            time_one "$input" "before: check" "$before" check "$file"
        fi
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/readers-load.txt"

python3 - "$results" "$repeats" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
runs = {}
for name, tool, wall, cpu in rows:
    runs.setdefault((name, tool), []).append((float(wall), float(cpu)))
print(f"\nmedian of {sys.argv[2]} runs")
print("| input | tool | wall s | CPU s | xmllint wall / wall | CPU / xmllint CPU |")
print("|---|---|---:|---:|---:|---:|")
for (name, tool), values in runs.items():
    wall = statistics.median(v[0] for v in values)
    cpu = statistics.median(v[1] for v in values)
    x = runs[(name, "xmllint --stream")]
    xw = statistics.median(v[0] for v in x)
    xc = statistics.median(v[1] for v in x)
    print(f"| {name} | {tool} | {wall:.2f} | {cpu:.2f} | {xw / max(wall, 0.005):.2f}x | {cpu / max(xc, 0.005):.2f}x |")
PY
