#!/usr/bin/env bash
# The public notice before payment (公示, policy.md reading 19; issue 13 point 4) with the
# real binary and a fixed clock (PATSUB_NOW): publish batch 1 on Monday 5 January 2026
# (Kunming) -> notice-1.html/.csv with the period 6-12 January (5 working days, the
# weekend excluded), the objection channel and contacts, titles and clause meanings; an
# objection holds its line; approve is refused inside the period naming its last day and
# succeeds the day after, paying what the notice proposed less the objected line. (The
# notice and the approval sheet are golden outputs: tests/golden/outputs.txt.)
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$db" "$1"; }
db=$work/ledger.sqlite out=$work/out
unset PATSUB_TIME_ZONE
holidays=$src/samples/config/holidays-cn.txt
notice_flags=(--db "$db" --out "$out" --objection-channel "书面异议寄昆明市市场监督管理局知识产权处（昆明市呈贡区锦绣大街1号）" --contacts $'知识产权处 0871-00000000\nip@example.org')
PATSUB_NOW=2026-01-04T16:00:00Z "$patsub" init --db "$db" > /dev/null || fail "init exited $?"
cp -r "$src/samples/inbox" "$work/inbox"
PATSUB_NOW=2026-01-04T18:00:00Z "$patsub" run --db "$db" --inbox "$work/inbox" --out "$out" --as-of 2026-01-05 > /dev/null \
    || fail "run exited $?"

# Before publication approval is refused, and says what to do.
PATSUB_NOW=2026-01-05T02:00:00Z "$patsub" approve --db "$db" --batch 1 --by 李四 --out "$out" > /dev/null 2> "$work/early.err" \
    && fail "approved a batch with no notice"
grep -q "no published notice" "$work/early.err" || fail "unpublished approve said: $(cat "$work/early.err")"
# A holiday list that does not cover the period refuses the publication, naming the year.
printf 'year 2025\n' > "$work/old.txt"
PATSUB_NOW=2026-01-05T02:00:00Z "$patsub" notice publish 1 "${notice_flags[@]}" --holidays "$work/old.txt" \
    > /dev/null 2> "$work/old.err" && fail "published on a holiday list without 2026"
grep -q "does not cover 2026-01-06" "$work/old.err" || fail "old list: $(cat "$work/old.err")"
[ "$(q "select count(*) from notice_publications")" = 0 ] || fail "a refused publication was recorded"

# 10:00 on Monday 5 January in Kunming.
PATSUB_NOW=2026-01-05T02:00:00Z "$patsub" notice publish 1 "${notice_flags[@]}" --holidays "$holidays" > "$work/publish.txt" \
    || fail "publish exited $?: $(cat "$work/publish.txt")"
grep -q "notice period 2026-01-06 to 2026-01-12 (5 working days); approval opens 2026-01-13" "$work/publish.txt" \
    || fail "publish said: $(cat "$work/publish.txt")"
[ -s "$out/notice-1.html" ] && [ -s "$out/notice-1.csv" ] || fail "notice files missing"
[ "$(q "select count(*) from notice_lines where batch_id=1")" = \
  "$(q "select count(*) from ledger_lines where batch_id=1 and status='payable'")" ] || fail "notice lines != payable lines"
grep -q "2026年1月6日至2026年1月12日（5个工作日" "$out/notice-1.html" || fail "the notice does not print its period"
grep -q "ip@example.org" "$out/notice-1.html" || fail "the notice does not print the contacts"
python3 - "$out/notice-1.csv" <<'PY' || fail "notice CSV content"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
head = [h.split(" / ")[-1] for h in rows[0]]
assert head == ["batch_id", "payee_name", "patent", "clause", "amount_yuan", "title", "clause_meaning",
                "period_first_day", "period_last_day", "objection_channel", "contacts"], head
body = rows[1:]
assert body and all(r[7] == "2026-01-06" and r[8] == "2026-01-12" for r in body), body
assert all(r[6] for r in body), "a clause without its meaning"
assert any(r[5] for r in body), "no patent title"
assert all(r[10] == "知识产权处 0871-00000000; ip@example.org" for r in body), body[0]
PY
# Publishing again records nothing and leaves the same files.
cp "$out/notice-1.html" "$work/notice-first.html"
PATSUB_NOW=2026-01-06T02:00:00Z "$patsub" notice publish 1 "${notice_flags[@]}" --holidays "$holidays" > "$work/again.txt" || fail "publish again"
grep -q "was already published" "$work/again.txt" || fail "second publish said: $(cat "$work/again.txt")"
cmp -s "$out/notice-1.html" "$work/notice-first.html" || fail "publishing again changed the notice"
[ "$(q "select count(*) from chain_events where kind='notice'")" = 1 ] || fail "a second notice event"

# An objection on Thursday holds its line; it is entered by the OS user.
objected=$(q "select line_id from ledger_lines where batch_id=1 and status='payable' order by line_id limit 1")
PATSUB_NOW=2026-01-08T03:00:00Z "$patsub" objection add "$objected" --db "$db" --source 信函 \
    --text "该专利权属存在争议 ownership disputed" > "$work/objection.txt" || fail "objection exited $?"
grep -q "line $objected is held" "$work/objection.txt" || fail "objection said: $(cat "$work/objection.txt")"
[ "$(q "select entered_by||'|'||within_period||'|'||source from objections")" = "$(id -un)|1|信函" ] \
    || fail "objection row: $(q "select * from objections")"
[ "$(q "select action from staff_holds where line_id=$objected order by event_id desc limit 1")" = hold ] \
    || fail "the objection did not hold the line"
PATSUB_NOW=2026-01-08T03:00:00Z "$patsub" objection add 999999 --db "$db" --source x --text y > /dev/null 2> "$work/o.err" \
    && fail "an objection to no line was recorded"
grep -q "no ledger line 999999" "$work/o.err" || fail "objection to no line: $(cat "$work/o.err")"

# Inside the period (Monday 12 January, 23:00 in Kunming) approval is refused, naming the last day.
rc=0
PATSUB_NOW=2026-01-12T15:00:00Z "$patsub" approve --db "$db" --batch 1 --by 李四 --out "$out" > /dev/null 2> "$work/in.err" || rc=$?
[ "$rc" = 2 ] || fail "approve in the period exited $rc"
grep -q "until 2026-01-12 inclusive" "$work/in.err" && grep -q "opens on 2026-01-13" "$work/in.err" \
    || fail "approve in the period said: $(cat "$work/in.err")"
[ -e "$out/treasury-1.csv" ] && fail "a treasury file was written inside the period"
[ "$(q "select count(*) from approvals")" = 0 ] || fail "an approval was recorded inside the period"

# 16:01Z on the 12th is 00:01 on the 13th in Kunming: open.
PATSUB_NOW=2026-01-12T16:01:00Z "$patsub" approve --db "$db" --batch 1 --by 李四 --out "$out" > "$work/approve.txt" \
    || fail "approve after the period exited $?: $(cat "$work/approve.txt")"
[ "$(q "select count(*) from exported_lines where batch_id=1")" = "$(( $(q "select count(*) from notice_lines") - 1 ))" ] \
    || fail "the approval did not pay the noticed lines less the objected one"
[ "$(q "select count(*) from exported_lines where line_id=$objected")" = 0 ] || fail "the objected line was paid"
"$patsub" verify --db "$db" > "$work/verify.txt" || fail "verify after notice and objection: $(cat "$work/verify.txt")"

# The approval sheet (审批表) beside the treasury files: totals, chain head, signature lines.
sheet=$out/approval-sheet-1.html
[ -s "$sheet" ] || fail "approve wrote no approval sheet"
for word in 经办人 审核人 负责人 "$(sqlite3 "$db" "select hash from chain_events where kind='approval' order by seq limit 1")" \
            "$(q "select printf('%d.%02d', sum(l.amount_fen)/100, sum(l.amount_fen)%100) from exported_lines e
                  join ledger_lines l using (line_id) where e.batch_id=1") 元"; do
    grep -q "$word" "$sheet" || fail "the approval sheet lacks '$word'"
done

# The batch's lines as a workbook: one row per line, clauses as text cells.
"$patsub" review --db "$db" --batch 1 --out "$out" > /dev/null || fail "review exited $?"
python3 - "$out/batch-1/lines-1.xlsx" "$(q "select count(*) from ledger_lines where batch_id=1")" <<'PY' || fail "lines workbook"
import re, sys, zipfile
sheet = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
rows = re.findall(r"<row ", sheet)
assert len(rows) == int(sys.argv[2]) + 1, (len(rows), sys.argv[2])
assert re.search(r'<c r="J2"[^>]*t="inlineStr"><is><t>8\.\d+</t>', sheet), "clause not a text cell"
assert "<f>" not in sheet, "a formula cell"
PY

# The notice, its list and the approval sheet are golden outputs (tests/golden/outputs.txt).
echo "e2e notice: ok"
