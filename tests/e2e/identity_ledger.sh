#!/usr/bin/env bash
# One patent, one payee, one payment (issue 12 points 2-5) through the real binary over
# two batches: a CN patent is its application number, a payee is its credit code (two
# registered firms whose names differ only by legal form each get their own grants; near
# names are held), bank accounts are checked and their changes shown and audited, and
# implausible dates are refused. Then an insider's edits that verify must catch.
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$work/ledger.sqlite" "$1"; }
db=$work/ledger.sqlite out=$work/out inbox=$work/inbox
mkdir -p "$inbox"/{grants,payees,abnormal,disputes,enterprises}
run() { "$patsub" run --db "$db" --inbox "$inbox" --out "$out" --as-of "$1"; }
"$patsub" init --db "$db" > /dev/null

youxian=91530102MA6PDC012R gufen=91530111MA6PGY027L
registry() {  # file youxian-account gufen-account
    printf 'uscc,name,aliases,district,bank_name,bank_account\r\n%s,昆明甲乙科技有限公司,,530102,样例银行五华支行,%s\r\n%s,昆明甲乙科技股份有限公司,,530111,样例银行官渡支行,%s\r\n' \
        "$youxian" "$2" "$gufen" "$3" > "$inbox/payees/$1"
}
template=$src/samples/inbox/grants/CN215634829U.xml
grant() {  # file number kind yyyymmdd application patentee
    local type=实用新型
    [ "$3" = B ] && type=发明
    sed -e "s|<doc-number>215634829</doc-number>|<doc-number>$2</doc-number>|" -e "s|<kind>U</kind>|<kind>$3</kind>|" \
        -e "s|20220114|$4|g" -e "s|202120873416.X|$5|" -e "s|昆明春城新材料有限公司|$6|" \
        -e "s|appl-type=\"实用新型\"|appl-type=\"$type\"|" "$template" > "$inbox/grants/$1"
}
line() { q "select status||' '||reason||' '||payee_uscc from ledger_lines where grant_id='$1' order by line_id desc limit 1"; }

# Batch 1: the registered names, a near name, and one application under two numbers.
registry r1.csv 6222000000000000000101 6222000000000000000202
grant a.xml 217000101 U 20230310 202120000101.4 昆明甲乙科技有限公司
grant b.xml 217000102 U 20230317 202120000101.4 昆明甲乙科技有限公司
grant c.xml 217000501 U 20230310 202120000501.5 昆明甲乙科技股份有限公司
grant d.xml 217000601 U 20230310 202120000102.9 昆明甲乙科技
run 2023-04-03 > "$work/run1.txt" || fail "run 1 exited $?: $(cat "$work/run1.txt")"
[ "$(line CN217000101U)" = "payable  $youxian" ] || fail "exact name: $(line CN217000101U)"
[ "$(line CN217000102U)" = "rejected already_paid $youxian" ] || fail "same application: $(line CN217000102U)"
[ "$(line CN217000501U)" = "payable  $gufen" ] || fail "the 股份 firm's own grant: $(line CN217000501U)"
[ "$(line CN217000601U)" = "held payee_name_mismatch " ] || fail "near name: $(line CN217000601U)"
q "select reasoning from ledger_lines where grant_id='CN217000601U'" | grep -q "$gufen" \
    || fail "the held line's reasoning does not name the candidates"

# Batch 2: a third publication number and a B on the same application, implausible dates.
grant e.xml 217000103 U 20230324 202120000101.4 昆明甲乙科技有限公司
grant f.xml 117000101 B 20230331 202120000101.4 昆明甲乙科技有限公司
grant late.xml 217000701 U 99991231 202120000103.3 昆明甲乙科技有限公司
grant early.xml 217000702 U 19840101 202120000103.3 昆明甲乙科技有限公司
set +e; run 2023-04-10 > "$work/run2.txt" 2> "$work/run2.err"; rc=$?; set -e
[ $rc = 1 ] || fail "run 2 with implausible dates exited $rc (expected 1: quarantined)"
[ "$(line CN217000103U)" = "rejected already_paid $youxian" ] || fail "third number: $(line CN217000103U)"
[ "$(line CN117000101B)" = "held identity_conflict $youxian" ] || fail "B on a U's application: $(line CN117000101B)"
"$patsub" acknowledge --db "$db" --file grants/late.xml --why "export error, asked CNIPA for a corrected file" > /dev/null \
    || fail "acknowledge late.xml"
"$patsub" acknowledge --db "$db" --file grants/early.xml --why "export error, asked CNIPA for a corrected file" > /dev/null \
    || fail "acknowledge early.xml"
[ "$(q "select count(*) from ledger_lines where grant_id in ('CN217000701U','CN217000702U')")" = 0 ] \
    || fail "a grant with an implausible date reached the ledger"
grep -q "9999-12-31 is more than a year after" "$out"/quarantine/*late.xml*.reason.txt 2> /dev/null \
    || grep -rq "9999-12-31 is more than a year after" "$out/quarantine" || fail "no reason for 9999-12-31"
grep -rq "1984-01-01 is before 1985-04-01" "$out/quarantine" || fail "no reason for 1984-01-01"
[ "$(q "select count(*) from ledger_lines l join grants g using (grant_id) where g.application_number='202120000101.4' and l.status='payable'")" = 1 ] \
    || fail "application 202120000101.4 paid more than once"
"$patsub" verify --db "$db" > "$work/verify.txt" || fail "verify: $(cat "$work/verify.txt")"

# The run's day: never earlier than the last batch's, never after tomorrow.
set +e
run 2023-04-09 > /dev/null 2> "$work/asof.err"; rc=$?
[ $rc = 2 ] || fail "--as-of before the last batch exited $rc"
grep -q "earlier than the last batch" "$work/asof.err" || fail "as-of message: $(cat "$work/asof.err")"
run 2999-01-01 > /dev/null 2> "$work/asof.err"; rc=$?
[ $rc = 2 ] || fail "--as-of in 2999 exited $rc"
set -e
[ "$(q "select count(*) from batches")" = 2 ] || fail "a refused run made a batch"

# Bank details: a snapshot with a bad account is refused whole, every bad row named.
printf 'uscc,name,aliases,district,bank_name,bank_account\n%s,昆明甲乙科技有限公司,,530102,,6222\n%s,昆明甲乙科技股份有限公司,,530111,样例银行,6222０００００００００\n' \
    "$youxian" "$gufen" > "$inbox/payees/r2.csv"
set +e; run 2023-04-17 > /dev/null 2> "$work/bank.err"; rc=$?; set -e
[ $rc = 2 ] || fail "a registry with bad bank details exited $rc"
grep -q "r2.csv:2: empty bank name" "$work/bank.err" || fail "empty bank name not named: $(cat "$work/bank.err")"
grep -q "r2.csv:2: bank account '6222' has 4 digits" "$work/bank.err" || fail "short account not named"
grep -q "r2.csv:3: bank account .*U+FF10 is not an ASCII digit" "$work/bank.err" || fail "full-width digit not named"
rm "$inbox/payees/r2.csv"

# A snapshot that changes an account: recorded, shown in the review, paid into the new one.
registry r3.csv 6222000000000000009999 6222000000000000000202
run 2023-04-17 > /dev/null || fail "run 3 exited $?"
[ "$(q "select old_bank_account||'>'||new_bank_account||' '||registry_path from payee_bank_changes")" = \
  "6222000000000000000101>6222000000000000009999 payees/r3.csv" ] || fail "bank change: $(q "select * from payee_bank_changes")"
"$patsub" review --db "$db" --batch 1 --out "$out" > /dev/null || fail "review exited $?"
grep -q "银行账户变更" "$out/batch-1/review.html" || fail "the review page does not show the bank change"
grep -q "6222000000000000009999" "$out/batch-1/review.html" || fail "the review page does not show the new account"
# The notice precedes approval (reading 19): published in January 2026, its period is over
# on the real clock approve reads.
PATSUB_NOW=2026-01-05T02:00:00Z "$patsub" notice publish 1 --db "$db" --out "$out" --objection-channel 信函 \
    --holidays "$src/samples/config/holidays-cn.txt" > /dev/null || fail "publish exited $?"
"$patsub" approve --db "$db" --batch 1 --by 李四 --out "$out" > /dev/null || fail "approve exited $?"
[ "$(q "select bank_account from treasury_rows where payee_uscc='$youxian'")" = 6222000000000000009999 ] \
    || fail "the treasury row does not pay the account in force"
"$patsub" verify --db "$db" > "$work/verify.txt" || fail "verify after approval: $(cat "$work/verify.txt")"
grep -q "NOTE payee $youxian: bank account .* 6222000000000000000101 -> .* 6222000000000000009999 (registry payees/r3.csv, batch 3, " \
    "$work/verify.txt" || fail "verify does not show the bank change: $(cat "$work/verify.txt")"

# An insider: an exported account edited, a second payment of one application, a
# grant id that is not ASCII. Each is named by verify.
cp "$db" "$work/tampered.sqlite"
t() { sqlite3 "$work/tampered.sqlite" "$1"; }
t "drop trigger treasury_rows_append_only_update; update treasury_rows set bank_account='6222000000000000006666' where payee_uscc='$youxian'"
t "insert into ledger_lines (batch_id, grant_id, office, kind, patent_type, jurisdiction, payee_uscc, clause, status, amount_fen, reasoning, created_at, prev_hash, hash)
   values (3, 'CN217000102U', 'CN', 'U', 'utility_model', 'CN', '$youxian', '8.7', 'payable', 60000, '{}', 'x', 'x', 'forged1')"
t "insert into ledger_lines (batch_id, grant_id, office, kind, patent_type, jurisdiction, payee_uscc, clause, status, amount_fen, reasoning, created_at, prev_hash, hash)
   values (3, 'CN２１７０００１０１U', 'CN', 'U', 'utility_model', 'CN', '$youxian', '8.7', 'payable', 60000, '{}', 'x', 'x', 'forged2')"
set +e; "$patsub" verify --db "$work/tampered.sqlite" > "$work/verify.txt"; rc=$?; set -e
[ $rc = 1 ] || fail "verify of the tampered ledger exited $rc"
grep -q "account in force at approval was 6222000000000000009999" "$work/verify.txt" || fail "edited account not caught"
grep -q "CN application 202120000101.4 is paid more than once" "$work/verify.txt" || fail "second payment not caught"
grep -q "is not an ASCII grant id" "$work/verify.txt" || fail "non-ASCII grant id not caught"
echo "identity_ledger: all checks passed"
