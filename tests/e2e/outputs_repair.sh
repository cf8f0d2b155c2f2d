#!/usr/bin/env bash
# Issue 18 point 5: every output of a committed batch is written whole or not at all,
# an output that cannot be written after the commit exits 74 saying the batch is
# committed, and the next run (or `patsub review`) writes again whatever is missing or
# changed, checked against the batch's outputs.sha256.
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db=$work/ledger.sqlite out=$work/out
cp -r "$src/samples/inbox" "$work/inbox"
"$patsub" init --db "$db" > /dev/null
run() { "$patsub" run --db "$db" --inbox "$work/inbox" --out "$out" --as-of "$1"; }
# A run with nothing new makes no batch (issue 16 point 4): a new file for the next one.
something_new() { { cat "$src/samples/inbox/grants/CN115061872A.xml"; echo "<!-- copy $1 -->"; } > "$work/inbox/grants/copy-$1.xml"; }

run 2026-01-05 > /dev/null || fail "run 1 exited $?"
b1=$out/batch-1
for f in ledger.csv summary.txt review.html outputs.sha256; do [ -s "$b1/$f" ] || fail "batch 1 lacks $f"; done
(cd "$b1" && sha256sum -c --quiet outputs.sha256) || fail "outputs.sha256 does not match the files"
ls "$b1" | grep -q partial && fail "a temporary file was left behind"
grep -q "^batch 1: 10 new files" "$b1/summary.txt" || fail "summary.txt: $(cat "$b1/summary.txt")"

# Missing and changed outputs of a committed batch are written again by the next run.
cp "$b1/ledger.csv" "$work/ledger1.csv"
cp "$b1/summary.txt" "$work/summary1.txt"
rm "$b1/review.html"
echo "edited by hand" >> "$b1/ledger.csv"
something_new 2
run 2026-01-06 > /dev/null 2> "$work/run2.err" || fail "run 2 exited $?"
grep -q "outputs of batch 1 were missing or changed: written again" "$work/run2.err" || fail "no repair said: $(cat "$work/run2.err")"
[ -s "$b1/review.html" ] || fail "review.html of batch 1 not written again"
cmp -s "$b1/ledger.csv" "$work/ledger1.csv" || fail "ledger.csv of batch 1 not restored"
cmp -s "$b1/summary.txt" "$work/summary1.txt" || fail "summary.txt of batch 1 differs after repair"
(cd "$b1" && sha256sum -c --quiet outputs.sha256) || fail "manifest after repair"

# `patsub review` repairs too.
rm "$b1/summary.txt"
"$patsub" review --db "$db" --batch 2 --out "$out" > /dev/null 2> "$work/review.err" || fail "review exited $?"
[ -s "$b1/summary.txt" ] || fail "review did not write batch 1's summary again"

# An output that cannot be written after the commit: exit 74, the batch stands.
mkdir -p "$out"
touch "$out/batch-3"   # a file where the batch folder must go
something_new 3
set +e; run 2026-01-07 > "$work/run3.out" 2> "$work/run3.err"; rc=$?; set -e
[ $rc = 74 ] || fail "run with an unwritable output exited $rc: $(cat "$work/run3.err")"
grep -q "batch 3 is committed" "$work/run3.err" || fail "the message does not say the batch is committed: $(cat "$work/run3.err")"
[ "$(sqlite3 "$db" "select count(*) from batches")" = 3 ] || fail "batch 3 is not in the ledger"
rm "$out/batch-3"
run 2026-01-08 > /dev/null 2> "$work/run4.err" || fail "run 4 exited $?"
grep -q "outputs of batch 3 were missing" "$work/run4.err" || fail "batch 3's outputs not written by the next run"
for f in ledger.csv summary.txt review.html outputs.sha256; do [ -s "$out/batch-3/$f" ] || fail "batch 3 lacks $f"; done
"$patsub" verify --db "$db" > /dev/null || fail "verify after the repairs"
echo "outputs_repair: all checks passed"
