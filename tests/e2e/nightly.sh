#!/usr/bin/env bash
# What cron calls: `make -f Makefile.batch nightly` backs up the ledger first (VACUUM
# INTO, newest KEEP kept), runs one batch, logs one line per night and passes the exit
# code through.
set -uo pipefail
build=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
nightly() {
    make --no-print-directory -C "$src" -f Makefile.batch nightly BUILD="$build" INBOX="$work/inbox" \
        DB="$work/db/ledger.sqlite" OUT="$work/out" LOG="$work/nightly.log" BACKUPS="$work/backups" KEEP=2 \
        > "$work/make.out" 2>&1
}
cp -r "$src/samples/inbox" "$work/inbox"

nightly || fail "first night exited $?: $(tail -5 "$work/make.out")"
[ ! -d "$work/backups" ] || [ -z "$(ls "$work/backups")" ] || fail "a backup of a ledger that did not exist yet"
lines1=$(sqlite3 "$work/db/ledger.sqlite" "select count(*) from ledger_lines")
[ "$lines1" -gt 0 ] || fail "first night wrote no line"

for night in 2 3 4; do nightly || fail "night $night exited $?"; done
[ "$(wc -l < "$work/nightly.log")" = 4 ] || fail "expected 4 log lines: $(cat "$work/nightly.log")"
grep -q "exit=0 batch 4: 0 new files" "$work/nightly.log" || fail "log line: $(tail -1 "$work/nightly.log")"
[ "$(ls "$work/backups" | wc -l)" = 2 ] || fail "KEEP=2 but $(ls "$work/backups" | wc -l) copies kept"
newest=$(ls "$work/backups" | sort | tail -1)
[ "$(sqlite3 "$work/backups/$newest" "select count(*) from ledger_lines")" = "$lines1" ] \
    || fail "the backup does not hold the ledger's lines"
[ "$(sqlite3 "$work/backups/$newest" "pragma integrity_check")" = ok ] || fail "the backup is not a sound database"

# A bad reference list: exit 2 passed through, the log says why.
mkdir -p "$work/inbox/disputes"
printf 'patent,status,date,note\nUS 1,maybe,2023-01-01,x\n' > "$work/inbox/disputes/bad.csv"
nightly; rc=$?
[ $rc = 2 ] || fail "bad list: nightly exited $rc, expected 2"
tail -1 "$work/nightly.log" | grep -q "exit=2 patsub:" || fail "log line for the failed night: $(tail -1 "$work/nightly.log")"
echo "nightly: ok"
