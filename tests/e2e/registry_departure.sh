#!/usr/bin/env bash
# A payee that leaves the registry (policy.md reading 18, issue 14 point 5), with the real
# binary and the treasury: what batch 1's approval exported stays as it was; a payable
# line staff kept out of that file (a hold) is answered by a held line
# payee_left_registry, is not paid when staff release it, and is paid (a new round, once)
# after a snapshot lists the payee again. The same holds for an 8.10 award held out of
# batch 1's file, while the exported 8.9 award stays as it was. Expected lines come from
# the ledger itself.
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db=$work/ledger.sqlite out=$work/out inbox=$work/inbox
q() { sqlite3 "$db" "$1"; }
run() { "$patsub" run --db "$db" --inbox "$inbox" --out "$out" --as-of "$1"; }
# The notice (公示) precedes approval (policy.md reading 19): published on the batch's as-of
# day (PATSUB_NOW), its period is long over on the real clock that approve then reads.
publish() {  # publish BATCH UTC-INSTANT
    PATSUB_NOW=$2 "$patsub" notice publish "$1" --db "$db" --out "$out" --holidays "$src/samples/config/holidays-cn.txt" \
        --objection-channel "信函 letter" > /dev/null || fail "publish $1 exited $?"
}
gaoyuan=91530111MA6PGY027L
sample_registry=$src/samples/inbox/payees/registry-2023-01.csv

cp -r "$src/samples/inbox" "$inbox"
# gaoyuan is recognised at both levels (8.9 and 8.10).
printf 'uscc,name,recognition,year\n%s,云南高原光电科技有限公司,demonstration,2025\n%s,云南高原光电科技有限公司,pilot,2025\n' \
    "$gaoyuan" "$gaoyuan" > "$inbox/enterprises/recognitions-2025.csv"
"$patsub" init --db "$db" > /dev/null
run 2026-01-05 > /dev/null || fail "run 1 exited $?"
# One of gaoyuan's payments and its 8.10 award are held by staff and so not exported with batch 1.
kept=$(q "select min(line_id) from ledger_lines where status='payable' and payee_uscc='$gaoyuan' and grant_id<>''")
[ -n "$kept" ] || fail "the samples pay gaoyuan nothing: the test needs a payable line of a second payee"
kept_grant=$(q "select grant_id from ledger_lines where line_id=$kept")
award=$(q "select line_id from ledger_lines where status='payable' and payee_uscc='$gaoyuan' and clause='8.10'")
[ -n "$award" ] || fail "gaoyuan's 8.10 award is not payable: $(q "select * from ledger_lines where grant_id=''")"
"$patsub" hold --db "$db" --line "$kept" --by 张三 --why "待核实" > /dev/null || fail "hold exited $?"
"$patsub" hold --db "$db" --line "$award" --by 张三 --why "待核实" > /dev/null || fail "hold of the award exited $?"
publish 1 2026-01-05T02:00:00Z
"$patsub" approve --db "$db" --batch 1 --by 李四 --out "$out" > /dev/null || fail "approve 1 exited $?"
cp "$out/treasury-1.csv" "$work/treasury-1.csv"
exported=$(q "select count(*) from exported_lines")
[ "$exported" -gt 0 ] || fail "batch 1 exported nothing"
[ "$(q "select count(*) from exported_lines where line_id=$kept")" = 0 ] || fail "the held line was exported"
[ "$(q "select count(*) from exported_lines e join ledger_lines l using (line_id) where l.clause='8.9'")" = 1 ] \
    || fail "the 8.9 award was not exported with batch 1"

# Run 2: the latest snapshot lists dianchi only; gaoyuan has left.
grep -v "^$gaoyuan," "$sample_registry" > "$inbox/payees/registry-2026-02.csv"
run 2026-02-02 > "$work/run2.txt" || fail "run 2 exited $?: $(cat "$work/run2.txt")"
[ "$(q "select count(*) from ledger_lines where reason='payee_left_registry'")" = 2 ] \
    || fail "expected two payee_left_registry lines (the unexported grant and award): $(q "select line_id, grant_id, reason from ledger_lines where batch_id=2")"
[ "$(q "select grant_id||' '||status||' '||amount_fen||' '||payee_uscc||' '||batch_id from ledger_lines where reason='payee_left_registry' and grant_id<>''")" = \
  "$kept_grant held 0 $gaoyuan 2" ] || fail "the departure line: $(q "select * from ledger_lines where reason='payee_left_registry'")"
[ "$(q "select clause||' '||event_key from ledger_lines where reason='payee_left_registry' and grant_id=''")" = \
  "8.10 left|award|$gaoyuan|8.10" ] || fail "the award's departure line: $(q "select * from ledger_lines where reason='payee_left_registry'")"
"$patsub" explain --db "$db" "$gaoyuan" > "$work/explain-award.txt" || fail "explain $gaoyuan exited $?"
grep -q "payee_left_registry" "$work/explain-award.txt" || fail "explain of the enterprise does not name the reason: $(cat "$work/explain-award.txt")"
[ "$(q "select count(*) from exported_lines")" = "$exported" ] || fail "exported lines changed"
"$patsub" explain --db "$db" "$kept_grant" > "$work/explain.txt" || fail "explain exited $?"
grep -q "payee_left_registry" "$work/explain.txt" || fail "explain does not name the reason: $(cat "$work/explain.txt")"
grep -q "payees/registry-2026-02.csv" "$work/explain.txt" || fail "explain does not name the snapshot"
"$patsub" review --db "$db" --batch 2 --out "$out" > /dev/null || fail "review 2 exited $?"
grep -q "专利权人已不在最新的资助对象名录中" "$out/batch-2/review.html" || fail "the review page does not explain the reason in Chinese"
# Staff release their hold: the departure still keeps the line out of every file.
"$patsub" release --db "$db" --line "$kept" --by 张三 > /dev/null || fail "release exited $?"
"$patsub" release --db "$db" --line "$award" --by 张三 > /dev/null || fail "release of the award exited $?"
set +e
PATSUB_NOW=2026-02-02T02:00:00Z "$patsub" notice publish 2 --db "$db" --out "$out" \
    --holidays "$src/samples/config/holidays-cn.txt" --objection-channel "信函 letter" > /dev/null 2> "$work/publish2.err"
rc=$?
set -e
[ $rc = 2 ] || fail "publishing batch 2 (nothing payable: the released line's payee left) exited $rc"
grep -q "proposes no payment" "$work/publish2.err" || fail "publish 2 said: $(cat "$work/publish2.err")"
set +e; "$patsub" approve --db "$db" --batch 2 --by 李四 --out "$out" > /dev/null 2> "$work/approve2.err"; rc=$?; set -e
[ $rc = 2 ] || fail "approving batch 2 (nothing payable: the released line's payee left) exited $rc"
"$patsub" approve --db "$db" --batch 1 --by 李四 --out "$out" > /dev/null || fail "approve 1 again exited $?"
cmp -s "$out/treasury-1.csv" "$work/treasury-1.csv" || fail "batch 1's treasury file changed"
"$patsub" verify --db "$db" > "$work/verify2.txt" || fail "verify after the departure: $(cat "$work/verify2.txt")"

# Run 3: gaoyuan is listed again (its row first, so that the file is new): paid once.
{ head -n 1 "$sample_registry"; grep "^$gaoyuan," "$sample_registry"; grep -v "^$gaoyuan,\|^uscc," "$sample_registry"; } \
    > "$inbox/payees/registry-2026-03.csv"
run 2026-03-02 > "$work/run3.txt" || fail "run 3 exited $?: $(cat "$work/run3.txt")"
[ "$(q "select status||' '||payee_uscc||' '||batch_id from ledger_lines where grant_id='$kept_grant' order by line_id desc limit 1")" = \
  "payable $gaoyuan 3" ] || fail "the returning payee's payment: $(q "select * from ledger_lines where grant_id='$kept_grant'")"
publish 3 2026-03-02T02:00:00Z
"$patsub" approve --db "$db" --batch 3 --by 李四 --out "$out" > /dev/null || fail "approve 3 exited $?"
[ "$(q "select status||' '||event_key||' '||batch_id from ledger_lines where grant_id='' and clause='8.10' order by line_id desc limit 1")" = \
  "payable award|$gaoyuan|8.10|2 3" ] || fail "the returning enterprise's award: $(q "select * from ledger_lines where grant_id=''")"
amount=$(q "select (select amount_fen from ledger_lines where line_id=$kept) + (select amount_fen from ledger_lines where line_id=$award)")
[ "$(q "select amount_fen||' '||lines from treasury_rows where batch_id=3 and payee_uscc='$gaoyuan'")" = "$amount 2" ] \
    || fail "batch 3 pays gaoyuan: $(q "select * from treasury_rows where batch_id=3")"
[ "$(q "select count(*) from exported_lines where line_id in ($kept, $award)")" = 0 ] || fail "a departed payment was exported too"
run 2026-03-09 > /dev/null || fail "run 4 exited $?"
[ "$(q "select count(*) from ledger_lines where grant_id='$kept_grant' and status='payable'")" = 2 ] \
    || fail "payable lines of $kept_grant: $(q "select * from ledger_lines where grant_id='$kept_grant'")"
[ "$(q "select count(*) from ledger_lines where grant_id='' and clause='8.10' and status='payable'")" = 2 ] \
    || fail "payable 8.10 lines: $(q "select * from ledger_lines where grant_id=''")"
"$patsub" verify --db "$db" > "$work/verify3.txt" || fail "verify after the return: $(cat "$work/verify3.txt")"
echo "e2e registry departure: ok"
