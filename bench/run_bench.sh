#!/usr/bin/env bash
# patsub's benchmark (docs/performance.md): generates inputs with bench/generate.py under
# OUT (reused while their manifest matches), then times, for each input, `patsub check`
# (stdout to /dev/null) and `patsub run` (fresh ledger) beside `xmllint --stream --noout`
# on the same documents in one root (twin.xml) and the lxml reader (bench/lxml_reader.py).
# Prints one table: input, tool, size MB, documents, seconds, MB/s, documents/s, CPU seconds
# (user + system) and peak RSS MB, all from /usr/bin/time; CPU seconds tell the work apart
# from the waiting on a machine that other jobs share.
#
#   bench/run_bench.sh PATSUB [OUT]
#   BENCH_SCALE=3.6   every document count times 3.6 (a national year of CNIPA grants)
#   BENCH_SEED=1      the generator's seed
#   BENCH_ONLY=cn     only the inputs whose name starts with this
set -euo pipefail

patsub=$(realpath "$1")
out=${2:-bench/out}
scale=${BENCH_SCALE:-1}
seed=${BENCH_SEED:-1}
only=${BENCH_ONLY:-}
here=$(cd "$(dirname "$0")" && pwd)
python=python3
lxml_python=/usr/bin/python3  # Debian's python3-lxml lives there, whatever python3 is first on PATH
mkdir -p "$out"
out=$(realpath "$out")
results=$out/results.tsv
: > "$results"

for tool in xmllint /usr/bin/time "$lxml_python"; do
    command -v "$tool" > /dev/null || { echo "bench: $tool is missing (make -f Makefile.batch bench installs it)"; exit 2; }
done
"$lxml_python" -c 'import lxml' 2> /dev/null || { echo "bench: python3-lxml is missing"; exit 2; }

scaled() { "$python" -c "import sys; print(max(1, round($1 * float(sys.argv[1]))))" "$scale"; }

# generate NAME FORMAT COUNT [generator options]: reuses OUT/NAME when its manifest matches.
generate() {
    local name=$1 format=$2 count=$3
    shift 3
    local dir=$out/$name
    if [ -f "$dir/manifest.json" ] && "$python" - "$dir/manifest.json" "$format" "$count" "$seed" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(0 if (m["format"], m["documents"], m["seed"]) == (sys.argv[2], int(sys.argv[3]), int(sys.argv[4])) else 1)
PY
    then
        return
    fi
    echo "generating $name ($count $format documents)..." >&2
    "$python" "$here/generate.py" "$format" --count "$count" --seed "$seed" --out "$dir" "$@" > /dev/null
}

manifest() { "$python" -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$out/$1/manifest.json" "$2"; }

# measure NAME TOOL COMMAND...: one row of results.tsv (the command's output is kept in OUT/logs).
measure() {
    local name=$1 tool=$2
    shift 2
    local log=$out/logs/$name.${tool// /-}
    mkdir -p "$out/logs"
    echo "  $tool on $name..." >&2
    local rc=0
    /usr/bin/time -f '%e %M %U %S' -o "$log.time" "$@" > "$log.out" 2> "$log.err" || rc=$?
    # patsub exits 1 when it quarantined or refused something: still a complete run.
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        echo "bench: $tool on $name failed (exit $rc), see $log.err" >&2
        tail -3 "$log.err" >&2
        exit 1
    fi
    read -r seconds rss_kb user_s sys_s < <(tail -1 "$log.time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tool" "$(manifest "$name" bytes)" "$(manifest "$name" documents)" \
        "$seconds" "$rss_kb" "$("$python" -c "print(round($user_s + $sys_s, 2))")" >> "$results"
}

# bench_input NAME: xmllint, lxml, patsub check, patsub run on OUT/NAME.
bench_input() {
    local name=$1 dir=$out/$1
    measure "$name" "xmllint --stream" xmllint --stream --noout --nonet "$dir/twin.xml"
    measure "$name" "lxml reader" sh -c '"$1" "$2" "$3" > /dev/null' sh "$lxml_python" "$here/lxml_reader.py" \
        "$dir/inbox/grants"
    # Many small files may not fit on one command line: xargs splits them (the time and
    # the peak RSS cover every patsub process it starts).
    measure "$name" "patsub check" sh -c 'find "$1" -type f -print0 | sort -z | xargs -0 "$2" check > /dev/null' sh \
        "$dir/inbox/grants" "$patsub"
    rm -rf "$dir/run"
    "$patsub" init --db "$dir/run/ledger.sqlite" > /dev/null || { echo "patsub init failed" >&2; exit 1; }
    measure "$name" "patsub run" "$patsub" run --db "$dir/run/ledger.sqlite" --inbox "$dir/inbox" --out "$dir/run/out" \
        --as-of 2026-01-05
}

wanted() { [ -z "$only" ] || [[ $1 == "$only"* ]]; }

inputs=()
for n in 100 1000 10000; do
    count=$(scaled $n)
    name=us-$count
    wanted "$name" || continue
    generate "$name" uspto "$count"
    inputs+=("$name")
done
for n in 10000 100000 1000000; do
    count=$(scaled $n)
    name=cn-$count
    wanted "$name" || continue
    generate "$name" cnipa "$count" --layout concat
    inputs+=("$name")
done
count=$(scaled 10000)
if wanted "cnfiles-$count"; then
    generate "cnfiles-$count" cnipa "$count" --layout files
    inputs+=("cnfiles-$count")
fi
# EPO formats: in the table because `patsub check` reads them (parsers/xml/readers/ep_publication,
# docdb); a build without those readers would refuse every document.
count=$(scaled 1000)
if wanted "ep-$count"; then
    generate "ep-$count" ep "$count"
    inputs+=("ep-$count")
fi
# DOCDB bulk files are one XML document each: two sizes show that memory does not
# follow the document's size (the lxml reader builds the whole tree: 2.7 GB at 100,000).
for n in 10000 100000; do
    count=$(scaled $n)
    name=docdb-$count
    wanted "$name" || continue
    generate "$name" docdb "$count"
    inputs+=("$name")
done

# Other work on the machine slows every row: the load average is printed before and after.
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors" | tee "$out/load.txt"
for name in "${inputs[@]}"; do bench_input "$name"; done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"

"$python" - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
print()
print("| input | tool | size MB | documents | seconds | MB/s | documents/s | CPU s | peak RSS MB |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for name, tool, size, docs, seconds, rss, cpu in rows:
    size, docs, seconds, rss = int(size), int(docs), float(seconds), int(rss)
    s = max(seconds, 0.005)
    print(f"| {name} | {tool} | {size / 1e6:.1f} | {docs} | {seconds:.2f} | {size / 1e6 / s:.1f} | {docs / s:.0f} "
          f"| {float(cpu):.2f} | {rss / 1024:.1f} |")
# The targets of docs/performance.md, for the largest USPTO input and the largest CNIPA one.
by = {(r[0], r[1]): float(r[4]) for r in rows}
us = [r[0] for r in rows if r[0].startswith("us-")]
if us:
    big = max(us, key=lambda n: int(n.split("-")[1]))
    c, x, l = by.get((big, "patsub check")), by.get((big, "xmllint --stream")), by.get((big, "lxml reader"))
    if c and x and l:
        print(f"\n{big}: patsub check runs at {x / c:.2f}x the MB/s of xmllint --stream (target >= 0.8) "
              f"and {l / c:.2f}x the lxml reader (target >= 1.5)")
cn = [r[0] for r in rows if r[0].startswith("cn-")]
if cn:
    big = max(cn, key=lambda n: int(n.split("-")[1]))
    print(f"{big}: patsub run took {by[(big, 'patsub run')]:.1f} s (target for 1,000,000 grants: < 60 s)")
PY
