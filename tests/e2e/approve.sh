#!/usr/bin/env bash
# Staff review and the treasury handoff with the real binary: run the samples, hold a
# line, approve (treasury file per payee, control row, BOM, CRLF, sha256), approve again
# (byte-identical, no second approval), release (paid with the next approved batch,
# never twice), verify (re-hashes the file), summary and review. Expected figures come
# from the ledger itself (sqlite3): other samples may be added to samples/ at any time.
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$work/ledger.sqlite" "$1"; }
db=$work/ledger.sqlite out=$work/out
# The notice (公示) precedes approval (policy.md reading 19): published on the batch's as-of
# day (PATSUB_NOW), its period is long over on the real clock that approve then reads.
publish() {  # publish BATCH UTC-INSTANT
    PATSUB_NOW=$2 "$patsub" notice publish "$1" --db "$db" --out "$out" --holidays "$src/samples/config/holidays-cn.txt"         --objection-channel "信函 letter" > /dev/null || fail "publish $1 exited $?"
}
"$patsub" init --db "$db" > /dev/null || fail "init exited $?"

cp -r "$src/samples/inbox" "$work/inbox"
"$patsub" run --db "$db" --inbox "$work/inbox" --out "$out" --as-of 2026-01-05 > /dev/null || fail "run 1 exited $?"
[ -s "$out/batch-1/review.html" ] || fail "run wrote no review page"
[ "$(q "select count(*) from payees")" -ge 2 ] || fail "the run did not keep the payee registry"

# A staff hold before approval; only payable lines can be held.
held=$(q "select line_id from ledger_lines where batch_id=1 and status='payable' order by amount_fen, line_id limit 1")
rejected=$(q "select line_id from ledger_lines where batch_id=1 and status='rejected' limit 1")
"$patsub" hold --db "$db" --line "$rejected" --by 张三 --why "check" > /dev/null 2>&1 && fail "held a rejected line"
"$patsub" hold --db "$db" --line "$held" --by 张三 --why "账号待核实 account to be checked" > "$work/hold.txt" \
    || fail "hold exited $?"
grep -q "line $held held by 张三" "$work/hold.txt" || fail "hold said: $(cat "$work/hold.txt")"

publish 1 2026-01-05T02:00:00Z
"$patsub" approve --db "$db" --batch 1 --by 李四 --out "$out" > "$work/approve1.txt" || fail "approve exited $?"
grep -q "batch 1 approved by 李四" "$work/approve1.txt" || fail "approve said: $(cat "$work/approve1.txt")"
csv=$out/treasury-1.csv
[ -f "$csv" ] && [ -f "$csv.sha256" ] && [ -f "$out/notice-1.csv" ] && [ -f "$out/notice-1.html" ] || fail "files missing"
(cd "$out" && sha256sum -c --quiet treasury-1.csv.sha256) || fail "sha256sum -c"
grep -q "^[0-9a-f]\{64\}  treasury-1.csv$" "$csv.sha256" || fail "sha256 file format: $(cat "$csv.sha256")"
[ "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' \n')" = efbbbf ] || fail "no UTF-8 BOM"
[ "$(grep -c $'\r$' "$csv")" = "$(wc -l < "$csv")" ] || fail "not every record ends with CRLF"

# One row per payee, amounts summed from the ledger's payable lines of batch 1 less the held one.
q "select payee_uscc, printf('%d.%02d', sum(amount_fen)/100, sum(amount_fen)%100), count(*) from ledger_lines
   where batch_id=1 and status='payable' and line_id<>$held group by payee_uscc order by payee_uscc" > "$work/expected.txt"
q "select printf('%d.%02d', sum(amount_fen)/100, sum(amount_fen)%100), count(*) from ledger_lines
   where batch_id=1 and status='payable' and line_id<>$held" > "$work/expected-total.txt"
python3 - "$csv" "$work/expected.txt" "$work/expected-total.txt" <<'PY' || fail "treasury file content"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows[0] == ["batch_id", "payee_uscc", "payee_name", "bank_name", "bank_account", "amount_yuan", "lines"], rows[0]
body, control = rows[1:-1], rows[-1]
expected = [l.split("|") for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if l]
got = [[r[1], r[5], r[6]] for r in body]
assert got == expected, (got, expected)
assert all(r[0] == "1" and r[3] and r[4] for r in body), body
total, lines = open(sys.argv[3]).read().strip().split("|")
assert control == ["1", "TOTAL", str(len(body)), "", "", total, lines], control
PY
# The grants samples/README.md names as payable are all in it, at the amounts it states.
[ "$(q "select sum(l.amount_fen) from exported_lines e join ledger_lines l using (line_id)
       where l.grant_id in ('CN113061234B','CN217345678U','CN307812345S','US11553104B2') and l.line_id<>$held")" \
  = "$(q "select sum(amount_fen) from ledger_lines where status='payable'
          and grant_id in ('CN113061234B','CN217345678U','CN307812345S','US11553104B2') and line_id<>$held")" ] \
    || fail "a README payable grant is missing from the treasury file"
[ "$(q "select count(*) from exported_lines where line_id=$held")" = 0 ] || fail "the held line was exported"
grep -q "$(q "select grant_id from ledger_lines where line_id=$held")" "$out/notice-1.csv" && fail "held line on the notice list"
[ "$(q "select count(*) from exported_lines")" = "$(($(wc -l < "$out/notice-1.csv") - 1))" ] || fail "notice list rows"

# Holding after approval is refused; approving again changes nothing.
"$patsub" hold --db "$db" --line "$(q "select min(line_id) from exported_lines")" --by 张三 --why late \
    > /dev/null 2> "$work/late.txt" && fail "held a line of an approved batch"
grep -q "approved" "$work/late.txt" || fail "late hold: $(cat "$work/late.txt")"
cp "$csv" "$work/first.csv"
cp "$out/notice-1.html" "$work/first-notice.html"
exported_before=$(q "select count(*) from exported_lines")
"$patsub" approve --db "$db" --batch 1 --by 王五 --out "$out" > "$work/approve2.txt" || fail "second approve exited $?"
grep -q "already approved by 李四" "$work/approve2.txt" || fail "second approve said: $(cat "$work/approve2.txt")"
grep -q "nothing changed" "$work/approve2.txt" || fail "second approve does not say nothing changed"
cmp -s "$csv" "$work/first.csv" || fail "treasury file changed on the second approval"
cmp -s "$out/notice-1.html" "$work/first-notice.html" || fail "notice page changed on the second approval"
[ "$(q "select count(*) from approvals")" = 1 ] || fail "a second approval row"
[ "$(q "select count(*) from exported_lines")" = "$exported_before" ] || fail "the second approval exported lines"

# Release after approval: paid with the next approved batch, once.
"$patsub" release --db "$db" --line "$held" --by 张三 > /dev/null || fail "release exited $?"
"$patsub" release --db "$db" --line "$held" --by 张三 > /dev/null 2>&1 && fail "released a line that is not held"
"$patsub" approve --db "$db" --batch 1 --by 王五 --out "$out" > /dev/null || fail "third approve of batch 1"
cmp -s "$csv" "$work/first.csv" || fail "the release changed batch 1's treasury file"
cat > "$work/inbox/payees/registry-2026-01.csv" <<'CSV'
uscc,name,aliases,district,bank_name,bank_account
91530114MA6PCX014F,昆明春城新材料有限公司,,530114,滇池样例银行昆明呈贡支行（虚构）,530100990000000303
CSV
"$patsub" run --db "$db" --inbox "$work/inbox" --out "$out" --as-of 2026-02-03 > /dev/null || fail "run 2 exited $?"
publish 2 2026-02-03T02:00:00Z
"$patsub" approve --db "$db" --batch 2 --by 李四 --out "$out" > "$work/approve3.txt" || fail "approve 2 exited $?"
[ "$(q "select batch_id from exported_lines where line_id=$held")" = 2 ] || fail "released line not in batch 2's file"
[ "$(q "select count(*) from exported_lines group by line_id having count(*)>1")" = "" ] || fail "a line exported twice"
expected2=$(q "select printf('%d.%02d', sum(amount_fen)/100, sum(amount_fen)%100) || ',' || count(*) from ledger_lines
               where status='payable' and (batch_id=2 or line_id=$held)")
tail -n 1 "$out/treasury-2.csv" | tr -d '\r' | grep -q "^2,TOTAL,[0-9]*,,,$expected2\$" \
    || fail "batch 2 control row: $(tail -n 1 "$out/treasury-2.csv"), expected total,lines $expected2"
(cd "$out" && sha256sum -c --quiet treasury-2.csv.sha256) || fail "sha256sum -c batch 2"

# verify: the files as approve wrote them hold; an edited file does not, and approve restores it.
"$patsub" verify --db "$db" > "$work/verify1.txt" || fail "verify: $(cat "$work/verify1.txt")"
printf '1,91530102MA6PDC012R,x,x,x,1.00,1\r\n' >> "$csv"
"$patsub" verify --db "$db" > "$work/verify2.txt" && fail "verify accepted an edited treasury file"
grep -q "BREACH treasury file .*treasury-1.csv" "$work/verify2.txt" || fail "verify: $(cat "$work/verify2.txt")"
"$patsub" approve --db "$db" --batch 1 --by 王五 --out "$out" > "$work/approve4.txt" || fail "restoring approve"
grep -q "restored .*treasury-1.csv" "$work/approve4.txt" || fail "approve did not restore: $(cat "$work/approve4.txt")"
cmp -s "$csv" "$work/first.csv" || fail "restored file differs"
"$patsub" verify --db "$db" > /dev/null || fail "verify after restoring"

# summary: the same totals as the ledger, by as-of day.
"$patsub" summary --db "$db" --from 2026-01-01 --to 2026-02-28 --format csv > "$work/summary.csv" || fail "summary csv"
net=$(q "select printf('%d.%02d', sum(amount_fen)/100, sum(amount_fen)%100) from ledger_lines")
tr -d '\r' < "$work/summary.csv" | grep -q "^total,,,$(q "select count(*) from ledger_lines"),.*,$net\$" \
    || fail "summary total: $(tail -n 1 "$work/summary.csv"), ledger net $net"
grep -q '^month,2026年02月,' "$work/summary.csv" || fail "summary has no February row"  # month as text: a spreadsheet read 2026-02 as a day
"$patsub" summary --db "$db" --from 2026-01-01 --to 2026-01-31 --format table > "$work/summary.txt" || fail "summary table"
grep -q "1 batches" "$work/summary.txt" || fail "summary range: $(head -n 1 "$work/summary.txt")"
"$patsub" summary --db "$db" --from 2026-01-01 --to 2026-02-28 --format html --out "$work/summary.html" \
    || fail "summary html"
grep -q "<svg" "$work/summary.html" || fail "summary page has no chart"
"$patsub" summary --db "$db" --from 2026-02-01 --to 2026-01-01 > /dev/null 2>&1 && fail "summary accepted --to before --from"

# review re-creates the page with the approval on it.
rm "$out/batch-1/review.html"
"$patsub" review --db "$db" --batch 1 --out "$out" > /dev/null || fail "review exited $?"
grep -q "Approved by <b>李四</b>" "$out/batch-1/review.html" || fail "review page does not show the approval"
"$patsub" review --db "$db" --batch 99 --out "$out" > /dev/null 2>&1 && fail "review of a batch that does not exist"
echo "e2e approve: ok"
