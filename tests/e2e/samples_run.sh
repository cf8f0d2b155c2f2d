#!/usr/bin/env bash
# The default run over samples/: the ledger it writes must equal the golden file
# (tests/golden/ledger/ledger.csv, written by make -f Makefile.batch golden), a
# second run over the same inbox must change nothing, and a payee registered later
# releases the grant held for it.
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cp -r "$src/samples/inbox" "$work/inbox"
"$patsub" init --db "$work/ledger.sqlite" > /dev/null || fail "init exited $?"
run() { "$patsub" run --db "$work/ledger.sqlite" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-05; }

run > "$work/run1.txt" || fail "first run exited $?"
"$patsub" ledger --db "$work/ledger.sqlite" --format csv > "$work/ledger1.csv"
diff -u "$src/tests/golden/ledger/ledger.csv" "$work/ledger1.csv" || fail "ledger differs from the golden file"
[ -f "$work/out/batch-1/ledger.csv" ] || fail "no batch extract"

# Independent of the golden file: one payable line per CNIPA clause and per foreign
# clause 8.1-8.4, at the policy's amounts, and the totals add up.
q() { sqlite3 "$work/ledger.sqlite" "$1"; }
[ "$(q "select amount_fen from ledger_lines where status='payable' and clause='8.1'")" = 3000000 ] || fail "8.1"
[ "$(q "select amount_fen from ledger_lines where status='payable' and clause='8.2'")" = 500000 ] || fail "8.2"
[ "$(q "select amount_fen from ledger_lines where status='payable' and clause='8.3'")" = 2000000 ] || fail "8.3"
[ "$(q "select amount_fen from ledger_lines where status='payable' and clause='8.4'")" = 300000 ] || fail "8.4"
[ "$(q "select grant_id||' '||jurisdiction from ledger_lines where clause='8.2'")" = "DE202023101234U1 A" ] || fail "8.2 grant"
[ "$(q "select grant_id||' '||jurisdiction from ledger_lines where clause='8.3'")" = "RU2801234C2 B" ] || fail "8.3 grant"
[ "$(q "select grant_id||' '||jurisdiction from ledger_lines where clause='8.4'")" = "TWM641234U B" ] || fail "8.4 grant"
[ "$(q "select amount_fen from ledger_lines where status='payable' and clause='8.6'")" = 300000 ] || fail "8.6"
[ "$(q "select amount_fen from ledger_lines where status='payable' and clause='8.7'")" = 60000 ] || fail "8.7"
[ "$(q "select amount_fen from ledger_lines where status='payable' and clause='8.8'")" = 20000 ] || fail "8.8"
[ "$(q "select sum(amount_fen) from ledger_lines")" = 6180000 ] || fail "total"
[ "$(q "select reason from ledger_lines where grant_id='USD976543S1'")" = foreign_design ] || fail "foreign design"
[ "$(q "select reason from ledger_lines where grant_id='CN115061872A'")" = not_a_grant ] || fail "application"
[ "$(q "select reason from ledger_lines where grant_id='CN207412345U'")" = before_effective_date ] || fail "early grant"
[ "$(q "select reason from ledger_lines where grant_id='CN215634829U'")" = payee_not_registered ] || fail "held"
[ "$(q "select count(*) from ledger_lines where grant_id in ('CN111398765B','US11553187B1')")" = 0 ] || fail "out of scope"
grep -q "^batch 1: 10 new files" "$work/run1.txt" || fail "summary: $(cat "$work/run1.txt")"

# Same inbox again: nothing new.
run > "$work/run2.txt" || fail "second run exited $?"
"$patsub" ledger --db "$work/ledger.sqlite" --format csv > "$work/ledger2.csv"
diff -u "$work/ledger1.csv" "$work/ledger2.csv" || fail "second run changed the ledger"
grep -qx "no batch: nothing new (10 files known, no line to decide)" "$work/run2.txt" \
    || fail "second run summary: $(cat "$work/run2.txt")"
[ "$(sqlite3 "$work/ledger.sqlite" "select count(*) from batches")" = 1 ] || fail "a run with nothing new made a batch"
set +e
"$patsub" approve --db "$work/ledger.sqlite" --batch 2 --by 张三 --out "$work/out" > /dev/null 2> "$work/approve2.err"
[ $? = 2 ] || fail "approving a batch that does not exist did not exit 2"
set -e

# The held patentee registers: its grant is paid in the next run, once.
# The next snapshot is the whole registry (reading 18): the payees registered so far and one more.
{ cat "$src/samples/inbox/payees/registry-2023-01.csv"
  echo '91530114MA6PCX014F,昆明春城新材料有限公司,,530114,滇池样例银行昆明呈贡支行（虚构）,530100990000000303'
} > "$work/inbox/payees/registry-2026-01.csv"
run > "$work/run3.txt" || fail "third run exited $?"
[ "$(q "select status||' '||clause||' '||amount_fen from ledger_lines where grant_id='CN215634829U' order by line_id desc limit 1")" = "payable 8.7 60000" ] \
    || fail "held grant not released"
run > /dev/null || fail "fourth run"
[ "$(q "select count(*) from ledger_lines where grant_id='CN215634829U' and status='payable'")" = 1 ] || fail "paid twice"

# verify: the ledger as patsub wrote it holds; an edit behind its back does not.
"$patsub" verify --db "$work/ledger.sqlite" > "$work/verify1.txt" || fail "verify on a clean ledger: $(cat "$work/verify1.txt")"
q "DROP TRIGGER ledger_lines_append_only_update; UPDATE ledger_lines SET amount_fen = 9000000 WHERE clause = '8.1'"
"$patsub" verify --db "$work/ledger.sqlite" > "$work/verify2.txt" && fail "verify accepted an edited line"
grep -q "BREACH line .*edited outside patsub" "$work/verify2.txt" || fail "verify: $(cat "$work/verify2.txt")"
echo "e2e samples run: ok"
