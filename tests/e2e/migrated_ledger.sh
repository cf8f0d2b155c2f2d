#!/usr/bin/env bash
# A ledger written before migration 012 (issue 17) is migrated on its next run: the
# indexes are built from the lines it holds, the next nightly reads its known files once
# more and remembers them, its hash chain and anchors still prove (`verify`), and later
# batches chain on. The old ledger is made by taking 012 out of a current one: 012 only
# adds tables and indexes, so that is exactly what an older patsub left.
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db=$work/ledger.sqlite

cp -r "$src/samples/inbox" "$work/inbox"
"$patsub" init --db "$db" > /dev/null
run() { "$patsub" run --db "$db" --inbox "$work/inbox" --out "$work/out" --as-of "$1" || [ $? -eq 1 ]; }
run 2026-01-05 > "$work/run1.txt"
sqlite3 "$db" "DROP TABLE inbox_fingerprints; DROP TABLE hold_inputs; DROP INDEX ledger_lines_held;
  DROP INDEX ledger_lines_recovered; DROP INDEX grants_first_batch; DROP INDEX source_files_quarantined;
  DROP INDEX payees_batch; DROP INDEX enterprise_recognitions_batch; DROP INDEX objections_batch;
  DELETE FROM schema_migrations WHERE name LIKE '012%';"
[ "$(sqlite3 "$db" "select count(*) from sqlite_master where name = 'inbox_fingerprints'")" = 0 ] || fail "012 not taken out"
"$patsub" verify --db "$db" > "$work/verify0.txt" || fail "the old ledger does not verify: $(cat "$work/verify0.txt")"

# A file changed less than 2 s before it is read is not remembered (InboxHashes: a
# rewrite in the same clock tick would look the same), and the inbox was just copied.
sleep 2.1
run 2026-01-06 > "$work/run2.txt"
grep -q "no batch: nothing new" "$work/run2.txt" || fail "the migrating run: $(cat "$work/run2.txt")"
[ "$(sqlite3 "$db" "select count(*) from schema_migrations where name like '012%'")" = 1 ] || fail "012 not applied"
files=$(sqlite3 "$db" "select count(*) from source_files")
[ "$(sqlite3 "$db" "select count(*) from inbox_fingerprints")" = "$files" ] ||
    fail "the known files were not remembered: $(sqlite3 "$db" "select count(*) from inbox_fingerprints") of $files"
"$patsub" verify --db "$db" > "$work/verify1.txt" || fail "verify after the migration: $(cat "$work/verify1.txt")"

mkdir -p "$work/inbox/disputes"
paid=$(sqlite3 "$db" "select grant_id from ledger_lines where status = 'payable' and clause = '8.1'")
printf 'patent,status,date,note\n%s,open,2026-01-06,contested\n' "$paid" > "$work/inbox/disputes/d1.csv"
run 2026-01-07 > "$work/run3.txt"
grep -q "1 recovery" "$work/run3.txt" || fail "the batch after the migration: $(cat "$work/run3.txt")"
"$patsub" verify --db "$db" > "$work/verify2.txt" || fail "verify after a new batch: $(cat "$work/verify2.txt")"
echo "ok: migrated, $files known files remembered, verify passes before, after and with a new batch"
