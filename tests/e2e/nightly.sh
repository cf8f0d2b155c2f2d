#!/usr/bin/env bash
# What the README's first command and cron call: `make -f Makefile.batch nightly` runs
# tools/patsub-nightly: a backup of the ledger first (a full copy every FULL_EVERY nights,
# the changed pages the others; whole chains kept while KEEP restore points remain), one
# batch, one log line per night. The log line carries patsub's own exit code; make itself
# can only exit 0 or 2 (GNU make exits 2 whenever a recipe fails), which this test pins
# down so nobody relies on more. Only the Makefile's own default ledger is created by
# `init`; a DB given to make must exist already.
set -uo pipefail
build=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
nightly() {
    make --no-print-directory -C "$src" -f Makefile.batch nightly BUILD="$build" INBOX="$work/inbox" \
        DB="$work/db/ledger.sqlite" OUT="$work/out" LOG="$work/nightly.log" BACKUPS="$work/backups" KEEP=2 FULL_EVERY=2 \
        > "$work/make.out" 2>&1
}
cp -r "$src/samples/inbox" "$work/inbox"

# A DB given to make that does not exist: refused, not created; make says 2, the log 2.
nightly; rc=$?
[ $rc = 2 ] || fail "missing configured ledger: make exited $rc, expected 2: $(tail -5 "$work/make.out")"
[ ! -e "$work/db/ledger.sqlite" ] || fail "make created the configured ledger"
grep -q "patsub init --db $work/db/ledger.sqlite" "$work/make.out" || fail "no hint at init: $(tail -5 "$work/make.out")"
tail -1 "$work/nightly.log" | grep -q "exit=2 patsub: ledger:" || fail "log line: $(tail -1 "$work/nightly.log")"

"$build/patsub" init --db "$work/db/ledger.sqlite" > /dev/null || fail "init exited $?"
nightly || fail "first night exited $?: $(tail -5 "$work/make.out")"
lines1=$(sqlite3 "$work/db/ledger.sqlite" "select count(*) from ledger_lines")
[ "$lines1" -gt 0 ] || fail "first night wrote no line"

for night in 3 4 5; do nightly || fail "night $night exited $?"; done
# On a built tree a night prints its summary line and nothing else: no cmake, no ninja,
# no backup line (issue 16 point 3); and it builds the binary only, not the tests.
[ "$(wc -l < "$work/make.out")" = 1 ] && grep -q "^no batch: nothing new" "$work/make.out" \
    || fail "a quiet night printed more than its summary: $(cat "$work/make.out")"
make --no-print-directory -n -C "$src" -f Makefile.batch nightly BUILD="$build" DB="$work/db/ledger.sqlite" \
    > "$work/make-n.out"
grep -q "cmake --build $build -j [0-9]* --target patsub " "$work/make-n.out" \
    || fail "make nightly does not build the patsub target only: $(cat "$work/make-n.out")"
[ "$(wc -l < "$work/nightly.log")" = 5 ] || fail "expected 5 log lines: $(cat "$work/nightly.log")"
# Nights with nothing new make no batch (issue 16 point 4).
grep -q "exit=0 no batch: nothing new" "$work/nightly.log" || fail "log line: $(tail -1 "$work/nightly.log")"
[ "$(sqlite3 "$work/db/ledger.sqlite" "select count(*) from batches")" = 1 ] || fail "empty nights made batches"
# Four nights, FULL_EVERY=2: two chains of a full copy and one increment; KEEP=2 restore
# points: the newer chain alone holds them, so the older one is gone, whole.
[ "$(ls "$work/backups")" = "$(ls "$work/backups" | grep -E '^chain-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?$')" ] \
    && [ "$(ls "$work/backups" | wc -l)" = 1 ] || fail "KEEP=2 FULL_EVERY=2, four nights: $(ls "$work/backups")"
chain=$work/backups/$(ls "$work/backups")
[ "$(ls "$chain" | tr '\n' ' ')" = "full.digest full.sqlite inc-0001.pages state " ] \
    || fail "the chain holds $(ls "$chain" | tr '\n' ' ')"
"$build/patsub" restore --from "$chain" --db "$work/restored.sqlite" > /dev/null || fail "restore exited $?"
[ "$(sqlite3 "$work/restored.sqlite" "select count(*) from ledger_lines")" = "$lines1" ] \
    || fail "the restored backup does not hold the ledger's lines"

# A quarantine: patsub says 1 (in the log), make can only say 2.
head -c 1500 "$src/samples/inbox/grants/CN115061872A.xml" > "$work/inbox/grants/truncated.xml"
nightly; rc=$?
[ $rc = 2 ] || fail "quarantine: make exited $rc; GNU make exits 2 for any failing recipe"
tail -1 "$work/nightly.log" | grep -q "exit=1 batch" || fail "log line for the quarantine: $(tail -1 "$work/nightly.log")"
rm "$work/inbox/grants/truncated.xml"
"$build/patsub" acknowledge --db "$work/db/ledger.sqlite" --file grants/truncated.xml --why "test" > /dev/null \
    || fail "acknowledge exited $?"

# A bad reference list: exit 2, the log says why.
mkdir -p "$work/inbox/disputes"
printf 'patent,status,date,note\nUS 1,maybe,2023-01-01,x\n' > "$work/inbox/disputes/bad.csv"
nightly; rc=$?
[ $rc = 2 ] || fail "bad list: nightly exited $rc, expected 2"
tail -1 "$work/nightly.log" | grep -q "exit=2 patsub:" || fail "log line for the failed night: $(tail -1 "$work/nightly.log")"

# The Makefile's own default ledger (no DB given): created by init on a fresh checkout.
fresh="$work/checkout"
mkdir -p "$fresh"
cp -r "$src/Makefile.batch" "$src/tools" "$src/samples" "$fresh/"
make --no-print-directory -C "$fresh" -f Makefile.batch nightly BUILD="$build" > "$work/fresh.out" 2>&1 \
    || fail "the README's first command on a fresh checkout exited $?: $(tail -5 "$work/fresh.out")"
[ "$(sqlite3 "$fresh/var/ledger.sqlite" "select count(*) from ledger_origin")" = 1 ] || fail "the default ledger was not made by init"
[ "$(sqlite3 "$fresh/var/ledger.sqlite" "select count(*) from ledger_lines")" = "$lines1" ] || fail "the default run differs"
echo "nightly: ok"
