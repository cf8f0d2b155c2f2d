#!/usr/bin/env bash
# Every command at size (issue 17 point 4: each < 100 MB peak RSS whatever the batch):
# a ledger whose batch 2 holds LINES lines (default 1,000,000; bench/ledger_at_size.py,
# lines chained with real hashes, a reasoning of the size `run` writes), then each
# command that writes from a whole batch, timed with /usr/bin/time -v. Prints one row per
# command: CPU s (user + system), wall s, peak RSS MB, the 1-minute load average when it
# started, and the exit code. CPU, not wall, is the figure to compare: the machine is
# shared.
#
#   bench/command_memory.sh build/patsub [LINES]
#
# The ledger is built once under bench/out/memory-<LINES>/ (BENCH_WORK to put it
# elsewhere) and kept; approve runs on a copy, so every invocation approves afresh.
# `verify` exits 1: batch 2 has no seal event (one breach, named), which costs nothing.
set -euo pipefail
patsub=$(realpath "$1") lines=${2:-1000000}
src=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_WORK:-$src/bench/out/memory-$lines}
mkdir -p "$work"
work=$(realpath "$work")
base=$work/base.sqlite
export PATSUB_TEST_FAST_HASH=1
command -v /usr/bin/time > /dev/null || { echo "bench: /usr/bin/time is missing (apt-get install time)"; exit 2; }
if [ ! -f "$work/built" ]; then
    rm -f "$base" "$base-wal" "$base-shm" "$work/anchors.log"
    echo "building a ledger with a batch of $lines lines..." >&2
    "$patsub" init --db "$base" > /dev/null
    "$patsub" run --db "$base" --inbox "$src/samples/inbox" --out "$work/sample-out" --as-of 2026-01-05 > /dev/null || true
    python3 "$src/bench/ledger_at_size.py" "$base" "$lines" > /dev/null
    echo "pass-bench-123" | "$patsub" user add bench --role reviewer --db "$base" > /dev/null
    cp "$work/anchors.log" "$work/base-anchors.log"  # the sample run anchored there
    touch "$work/built"
fi
out=$work/out
rm -rf "$out" "$work/approve.sqlite"*
cp "$work/base-anchors.log" "$work/anchors.log"  # as the ledger left it: publish and approve append
mkdir -p "$out"
cp "$base" "$work/approve.sqlite"
holidays=$src/samples/config/holidays-cn.txt
printf '%-28s %8s %8s %8s %6s %4s\n' command "CPU s" "wall s" "RSS MB" load exit

measure() {  # measure LABEL COMMAND...: one row
    local label=$1 load rc=0
    shift
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/stdout.txt" 2> "$work/stderr.txt" || rc=$?
    awk -v label="$label" -v load="$load" -v rc="$rc" -F': ' '
        /User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {m = $2}
        /Elapsed \(wall clock\)/ {n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i]}
        END {printf "%-28s %8.1f %8.1f %8.0f %6s %4s\n", label, u + s, w, m / 1024, load, rc}' "$work/time.txt"
}

measure "review (page + lines xlsx)" "$patsub" review --db "$base" --batch 2 --out "$out"
measure "summary (the year)" "$patsub" summary --db "$base" --from 2026-01-01 --to 2026-12-31 --format html --out "$out/summary.html"
measure "ledger --batch 2 (csv)" "$patsub" ledger --db "$base" --batch 2
measure "ledger --batch 2 (table)" "$patsub" ledger --db "$base" --batch 2 --format table
measure "verify" "$patsub" verify --db "$base"
measure "explain (a company)" "$patsub" explain --db "$base" 91530111MA6PGY027L
measure "explain (a grant)" "$patsub" explain --db "$base" CN$((300000000 + 20000000 + lines))U
PATSUB_NOW=2026-02-02T02:00:00Z measure "notice publish" "$patsub" notice publish 2 --db "$work/approve.sqlite" \
    --out "$out" --holidays "$holidays" --objection-channel "信函 letter"
PATSUB_NOW=2026-04-01T02:00:00Z measure "approve" "$patsub" approve --db "$work/approve.sqlite" --batch 2 --by bench --out "$out"
PATSUB_NOW=2026-04-01T03:00:00Z measure "approve again (restores)" "$patsub" approve --db "$work/approve.sqlite" --batch 2 --by bench --out "$out"
measure "review (approved batch)" "$patsub" review --db "$work/approve.sqlite" --batch 2 --out "$out"

# The workbench's lines workbook, written per request: the server's peak RSS after it.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$patsub" serve --db "$base" --listen "127.0.0.1:$port" --out "$out" --threads 4 > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
for _ in $(seq 600); do curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.1; done
load=$(cut -d' ' -f1 /proc/loadavg)
cpu0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
start=$(date +%s.%N)
curl -s -c "$work/cookies" -o /dev/null --data "name=bench&password=pass-bench-123" "http://127.0.0.1:$port/login"
code=$(curl -s -b "$work/cookies" -o "$work/lines.xlsx" -w '%{http_code}' "http://127.0.0.1:$port/download/2/lines-2.xlsx")
end=$(date +%s.%N)
cpu1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
awk -v c0="$cpu0" -v c1="$cpu1" -v s="$start" -v e="$end" -v m="$hwm" -v load="$load" -v code="$code" -v tck="$(getconf CLK_TCK)" \
    'BEGIN {printf "%-28s %8.1f %8.1f %8.0f %6s %4s\n", "serve: lines-2.xlsx", (c1 - c0) / tck, e - s, m / 1024, load, code}'
echo "$lines lines in batch 2"
