#!/usr/bin/env bash
# The nightly on a grown ledger (issue 17 point 6, docs/performance.md): what a night costs
# once the ledger holds years of lines. For each size in LINES it builds a ledger of about
# that many lines from bench/generate.py's CNIPA deliveries (kept under OUT/grown-<lines>
# between invocations), copies it, and times on the copy, in order:
#   (a) nightly     a run with no new file
#   (b) new-grants  a run with one new delivery of 10,000 grants (2% Kunming's, as nationally)
#   (c) disputes    a run with a dispute list naming 1,000 paid grants (1,000 recoveries)
#   (d) approve (of (b)'s batch), review (of (b)'s batch), summary (the year), verify, backup
#       (the operator's full copy: VACUUM INTO and its check)
#   (e) the nightly's backups (`backup --chain`): the weekly full page copy (taken after
#       (a)), the night's increment after (b)'s 10,000 grants, and `restore` of the chain;
#       the bytes each wrote go to OUT/grown-backup-bytes.tsv and a second table
# Prints one table row per command: lines, step, CPU s (user + system), wall s, peak RSS MB,
# the 1-minute load average when the step started, and how many times the CPU of the first
# (smallest) size that step took. CPU, not wall time, is the figure to read: the machine
# is shared.
#
#   bench/grown_ledger.sh PATSUB [OUT]
#   LINES="10000 100000"   ledger sizes (default), ascending; 1000000 takes minutes to build
#   AS_OF=2026-01-05       the warm-up run's as-of day; the nights (a) to (c) take the next
#                          three days (a ledger placed in OUT/grown-N by hand, with a file
#                          `built` beside it, may be further on)
set -euo pipefail

patsub=$(realpath "$1")
out=${2:-bench/out}
sizes=${LINES:-10000 100000}
day0=${AS_OF:-2026-01-05}
day() { date -u -d "$day0 +$1 day" +%F; }
here=$(cd "$(dirname "$0")" && pwd)
registry=$(realpath "$here/../samples/inbox/payees/registry-2023-01.csv")
mkdir -p "$out"
out=$(realpath "$out")
results=$out/grown-results.tsv
bytes=$out/grown-backup-bytes.tsv
: > "$results"
: > "$bytes"
command -v /usr/bin/time > /dev/null || { echo "bench: /usr/bin/time is missing (apt-get install time)"; exit 2; }

# Deliveries of 10,000 documents each, almost all Kunming's, so that the ledger grows by
# about 9,500 lines per delivery (9,000 payable, 500 held for an unregistered payee).
build_ledger() {
    local lines=$1 dir=$out/grown-$1
    if [ -f "$dir/ledger.sqlite" ] && [ -f "$dir/built" ]; then return; fi
    rm -rf "$dir"
    mkdir -p "$dir/inbox/grants" "$dir/inbox/payees"
    cp "$registry" "$dir/inbox/payees/"
    local deliveries=$(( (lines + 4750) / 9500 )) i
    echo "building a ledger of about $lines lines ($deliveries deliveries)..." >&2
    for ((i = 1; i <= deliveries; i++)); do
        python3 "$here/generate.py" cnipa --count 10000 --layout concat --kunming-share 0.9 --held-share 0.05 \
            --seed $((1000 + i)) --registry "$registry" --out "$dir/gen" > /dev/null
        mkdir -p "$dir/inbox/grants/delivery-$i"
        mv "$dir"/gen/inbox/grants/* "$dir/inbox/grants/delivery-$i/"
    done
    rm -rf "$dir/gen"
    "$patsub" init --db "$dir/ledger.sqlite" > /dev/null
    "$patsub" run --db "$dir/ledger.sqlite" --inbox "$dir/inbox" --out "$dir/out" --anchors "$dir/anchors.log" \
        --as-of 2026-01-05 > "$dir/build.log" || [ $? -eq 1 ]
    touch "$dir/built"
}

# measure LINES STEP COMMAND...: one row of the results (output kept in the work folder).
measure() {
    local lines=$1 step=$2
    shift 2
    local log=$work/$step rc=0 load
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f '%e %M %U %S' -o "$log.time" "$@" > "$log.out" 2> "$log.err" || rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] && [ -n "${may_refuse:-}" ]; then
        echo "  $lines lines, $step: refused (exit $rc, no row): $(head -c 200 "$log.err")" >&2
        return 0
    fi
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        echo "bench: $step on $lines lines failed (exit $rc), see $log.err" >&2
        tail -3 "$log.err" >&2
        exit 1
    fi
    read -r wall rss_kb user_s sys_s < <(tail -1 "$log.time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$lines" "$step" "$(python3 -c "print(round($user_s + $sys_s, 2))")" "$wall" \
        "$((rss_kb / 1024))" "$load" >> "$results"
    echo "  $lines lines, $step: $(tail -1 "$results" | cut -f3) CPU s, load $load" >&2
}

for lines in $sizes; do
    build_ledger "$lines"
    dir=$out/grown-$lines
    work=$dir/work
    rm -rf "$work" "$dir/inbox/grants/zz-new" "$dir/inbox/disputes"
    mkdir -p "$work"
    # The kept inbox is used in place: a copy (even by hard links, which change every
    # file's ctime) would be new files to the ledger. Only this run's additions are
    # removed afterwards. A ledger keeps one anchor log for life, so the kept log is
    # restored afterwards too.
    trap 'rm -rf "$dir/inbox/grants/zz-new" "$dir/inbox/disputes"; cp "$work/anchors.kept" "$dir/anchors.log" 2> /dev/null || true' EXIT
    anchors=(--anchors "$dir/anchors.log")
    # The state after any earlier nightly of this patsub: migrated, fingerprints kept.
    "$patsub" run --db "$dir/ledger.sqlite" --inbox "$dir/inbox" --out "$dir/out" "${anchors[@]}" --as-of "$day0" \
        > "$work/warm-up.out" || [ $? -eq 1 ]
    cp "$dir/anchors.log" "$work/anchors.kept"
    cp "$dir/ledger.sqlite" "$work/ledger.sqlite"
    cp -a "$dir/out" "$work/out"
    db=$work/ledger.sqlite
    run=("$patsub" run --db "$db" --inbox "$dir/inbox" --out "$work/out" "${anchors[@]}" --as-of)

    measure "$lines" a-nightly-nothing-new "${run[@]}" "$(day 1)"
    chain=("$patsub" backup --chain --db "$db" --to "$work/chains" --keep 7 --full-every 7)
    measure "$lines" e-chain-weekly-full "${chain[@]}"

    python3 "$here/generate.py" cnipa --count 10000 --layout concat --seed 77 --registry "$registry" \
        --out "$work/new" > /dev/null
    mkdir -p "$dir/inbox/grants/zz-new"
    mv "$work"/new/inbox/grants/* "$dir/inbox/grants/zz-new/"
    measure "$lines" b-nightly-10000-new-grants "${run[@]}" "$(day 2)"
    new_batch=$(grep -o '^batch [0-9]*' "$work/b-nightly-10000-new-grants.out" | cut -d' ' -f2)
    measure "$lines" e-chain-night-after-10000-grants "${chain[@]}"
    for step in e-chain-weekly-full e-chain-night-after-10000-grants; do
        printf '%s\t%s\t%s\t%s\n' "$lines" "$step" "$(grep -o '[0-9]* bytes written' "$work/$step.out" | cut -d' ' -f1)" \
            "$(stat -c %s "$db")" >> "$bytes"
    done

    mkdir -p "$dir/inbox/disputes"
    python3 - "$db" "$dir/inbox/disputes/disputes-2026-01.csv" "$(day 2)" <<'PY'
import sqlite3, sys
# 1,000 paid grants, spread over the ledger (bench only: patsub itself reads SQLite
# through src/ledger alone).
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
ids = [r[0] for r in con.execute("SELECT grant_id FROM ledger_lines WHERE status = 'payable' AND grant_id <> '' "
                                 "ORDER BY line_id")]
step = max(1, len(ids) // 1000)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("patent,status,date,note\n")
    for g in ids[::step][:1000]:
        f.write(f"{g},open,{sys.argv[3]},bench: ownership contested\n")
PY
    measure "$lines" c-nightly-disputes-on-1000-paid "${run[@]}" "$(day 3)"

    # Approval now waits for the batch's published notice (公示) and its period: without
    # them approve refuses, and the row is left out.
    may_refuse=1 measure "$lines" d-approve "$patsub" approve --db "$db" --batch "$new_batch" --by bench --out "$work/out" "${anchors[@]}"
    measure "$lines" d-review "$patsub" review --db "$db" --batch "$new_batch" --out "$work/out"
    measure "$lines" d-summary "$patsub" summary --db "$db" --from 2026-01-01 --to 2026-12-31
    measure "$lines" d-verify "$patsub" verify --db "$db" "${anchors[@]}"
    measure "$lines" d-backup "$patsub" backup --db "$db" --to "$work/backups" --keep 2
    measure "$lines" e-restore-full-and-night "$patsub" restore --from "$(ls -d "$work"/chains/chain-*)" \
        --db "$work/restored.sqlite"
    rm -rf "$dir/inbox/grants/zz-new" "$dir/inbox/disputes"
    cp "$work/anchors.kept" "$dir/anchors.log"
    echo "  ledger: $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM ledger_lines').fetchone()[0])" "$db") lines after (c)" >&2
done

python3 - "$results" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
first = {}
for lines, step, cpu, *_ in rows:
    first.setdefault(step, (lines, float(cpu)))
print("| ledger lines | step | CPU s | wall s | peak RSS MB | load avg | CPU vs smallest |")
print("|---:|---|---:|---:|---:|---:|---:|")
for lines, step, cpu, wall, rss, load in rows:
    base_lines, base = first[step]
    ratio = "1" if base_lines == lines else (f"{float(cpu) / base:.1f}x" if base > 0 else "-")
    print(f"| {int(lines):,} | {step} | {cpu} | {wall} | {rss} | {load} | {ratio} |")
PY
python3 - "$bytes" <<'PY'
import sys
print()
print("| ledger lines | nightly backup | bytes written | ledger file bytes | written / ledger |")
print("|---:|---|---:|---:|---:|")
for line in open(sys.argv[1], encoding="utf-8"):
    lines, step, written, size = line.rstrip("\n").split("\t")
    print(f"| {int(lines):,} | {step} | {int(written):,} | {int(size):,} | {int(written) / int(size):.1%} |")
PY
