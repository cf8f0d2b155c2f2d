#!/usr/bin/env bash
# Exit codes of contract.md: 2 for a bad reference list or policy (ledger untouched),
# 1 when a grant file is quarantined (the rest of the batch still runs), 2 for usage.
set -uo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
init_db() { "$patsub" init --db "$1" > /dev/null || fail "init --db $1 exited $?"; }
lines() { sqlite3 "$work/$1" "select count(*) from ledger_lines" 2>/dev/null || echo 0; }

# A payee list with a failed credit-code check: refused whole, nothing written.
cp -r "$src/samples/inbox" "$work/bad-list"
printf '91440300MA5X00014Q,深圳某公司,,440300,银行,1\n91530102MA6PDC012X,坏码公司,,530102,银行,2\n' \
    >> "$work/bad-list/payees/registry-2023-01.csv"
init_db "$work/a.sqlite"
"$patsub" run --db "$work/a.sqlite" --inbox "$work/bad-list" --out "$work/out-a" 2> "$work/a.err"
rc=$?
[ $rc = 2 ] || fail "bad list: exit $rc, expected 2"
grep -q "registry-2023-01.csv:4" "$work/a.err" || fail "bad list: row 4 not named: $(cat "$work/a.err")"
grep -q "registry-2023-01.csv:5" "$work/a.err" || fail "bad list: row 5 not named: $(cat "$work/a.err")"
[ "$(lines a.sqlite)" = 0 ] || fail "bad list: ledger was written"

# A truncated grant file beside good ones: quarantined with its reason, exit 1.
cp -r "$src/samples/inbox" "$work/bad-grant"
head -c 1500 "$src/samples/inbox/grants/CN115061872A.xml" > "$work/bad-grant/grants/truncated.xml"
init_db "$work/b.sqlite"
"$patsub" run --db "$work/b.sqlite" --inbox "$work/bad-grant" --out "$work/out-b" 2> "$work/b.err" > /dev/null
rc=$?
[ $rc = 1 ] || fail "truncated file: exit $rc, expected 1"
[ -f "$work/out-b/quarantine/grants_truncated.xml" ] || fail "no quarantine copy"
grep -q "line" "$work/out-b/quarantine/grants_truncated.xml.reason" || fail "reason names no line"
[ "$(sqlite3 "$work/b.sqlite" "select count(*) from ledger_lines where status='payable'")" = 7 ] \
    || fail "the good files were not processed"

# A plausibility gate: a weekly file whose kinds the table does not know (a misread
# export) is quarantined whole, with its figures, and pays nothing.
mkdir -p "$work/implausible"
python3 "$src/tests/e2e/make_big_inbox.py" "$src" "$work/implausible" 1 25 || fail "cannot build the implausible inbox"
sed -i 's|<kind>B2</kind>|<kind>Z9</kind>|' "$work/implausible/grants/"*.xml
init_db "$work/g.sqlite"
"$patsub" run --db "$work/g.sqlite" --inbox "$work/implausible" --out "$work/out-g" 2> "$work/g.err" > /dev/null
rc=$?
[ $rc = 1 ] || fail "implausible file: exit $rc, expected 1"
grep -q "implausible: 25 of 25 grants have a kind code the table does not know" "$work/g.err" \
    || fail "gate figures not named: $(cat "$work/g.err")"
[ -f "$work/out-g/quarantine/grants_ipg23010000.xml.reason" ] || fail "implausible file not in quarantine"
[ "$(sqlite3 "$work/g.sqlite" "select count(*) from ledger_lines")" = 0 ] || fail "an implausible file reached the ledger"
[ "$(sqlite3 "$work/g.sqlite" "select count(*) from grants")" = 0 ] || fail "grants of a quarantined file were kept"

# A policy file that breaks its schema.
sed 's/amount-fen="3000000"/amount-fen="30000.00"/' "$src/samples/policy/kunming-measure8.xml" > "$work/bad-policy.xml"
init_db "$work/c.sqlite"
"$patsub" run --db "$work/c.sqlite" --inbox "$src/samples/inbox" --out "$work/out-c" --policy "$work/bad-policy.xml" 2> "$work/c.err"
rc=$?
[ $rc = 2 ] || fail "bad policy: exit $rc, expected 2"
grep -q "amount-fen" "$work/c.err" || fail "bad policy: cause not named: $(cat "$work/c.err")"
[ "$(lines c.sqlite)" = 0 ] || fail "bad policy: ledger was written"

# A symlink in the inbox is never opened, but a person must look: exit 1, named on
# stderr and in summary.txt; the rest of the batch is decided.
cp -r "$src/samples/inbox" "$work/linked"
ln -s /etc/passwd "$work/linked/grants/passwd.xml"
init_db "$work/e.sqlite"
"$patsub" run --db "$work/e.sqlite" --inbox "$work/linked" --out "$work/out-e" --as-of 2026-01-05 \
    > "$work/e.out" 2> "$work/e.err"
rc=$?
[ $rc = 1 ] || fail "symlink in the inbox: exit $rc, expected 1"
grep -q "grants/passwd.xml: not a regular file (symlink), ignored: never read" "$work/e.err" \
    || fail "symlink not named on stderr: $(cat "$work/e.err")"
grep -q "1 inbox entries ignored$" "$work/e.out" || fail "summary line: $(cat "$work/e.out")"
grep -q "^ignored: grants/passwd.xml" "$work/out-e/batch-1/summary.txt" || fail "summary.txt does not name it"
[ "$(lines e.sqlite)" -gt 0 ] || fail "symlink in the inbox: the rest of the batch was not decided"
grep -q "root:" "$work/e.out" "$work/e.err" "$work/out-e/batch-1/summary.txt" && fail "the link's target was read"

# Usage errors.
"$patsub" frobnicate 2> /dev/null; rc=$?
[ $rc = 2 ] || fail "unknown command: exit $rc"
init_db "$work/d.sqlite"
"$patsub" run --db "$work/d.sqlite" --inbox "$src/samples/inbox" --out "$work/out-d" --as-of 2026-13-01 2> /dev/null; rc=$?
[ $rc = 2 ] || fail "bad --as-of: exit $rc"
mkfifo "$work/pipe.xml"
timeout 10 "$patsub" check "$work/pipe.xml" > /dev/null 2> "$work/f.err"; rc=$?
[ $rc = 2 ] || fail "check on a FIFO: exit $rc, expected 2 (usage): $(cat "$work/f.err")"
grep -q "not a regular file" "$work/f.err" || fail "check on a FIFO: $(cat "$work/f.err")"
# A mistyped subcommand names the one meant (issue 16 point 4), exit 2, nothing run.
"$patsub" aprove --db "$work/none.sqlite" --batch 1 > /dev/null 2> "$work/typo.err"; rc=$?
[ $rc = 2 ] || fail "a mistyped subcommand: exit $rc, expected 2"
grep -q "'aprove' is not a patsub command; did you mean 'approve'?" "$work/typo.err" || fail "typo: $(cat "$work/typo.err")"
"$patsub" frobnicate > /dev/null 2> "$work/typo.err"; rc=$?
[ $rc = 2 ] || fail "an unknown subcommand: exit $rc, expected 2"
grep -q "did you mean" "$work/typo.err" && fail "a far word was given a guess: $(cat "$work/typo.err")"
[ -e "$work/none.sqlite" ] && fail "a mistyped command created a file"
# A batch with nothing to pay cannot be approved into an empty treasury file (issue 16
# point 4); a run with nothing new makes no batch at all.
cp -r "$src/samples/inbox" "$work/nothing"
init_db "$work/nothing.sqlite"
nrun() { "$patsub" run --db "$work/nothing.sqlite" --inbox "$work/nothing" --out "$work/out-n" --as-of "$1"; }
nrun 2026-01-05 > /dev/null || fail "nothing: run 1 exited $?"
nrun 2026-01-05 > "$work/n2.txt" || fail "nothing: run 2 exited $?"
grep -q "^no batch: nothing new" "$work/n2.txt" || fail "nothing new: $(cat "$work/n2.txt")"
{ cat "$src/samples/inbox/grants/CN111398765B.xml"; echo "<!-- the same grant, sent again -->"; } \
    > "$work/nothing/grants/again.xml"
nrun 2026-01-06 > "$work/n3.txt" || fail "nothing: run 3 exited $?"
grep -q "^batch 2: 1 new files" "$work/n3.txt" || fail "nothing: run 3: $(cat "$work/n3.txt")"
"$patsub" approve --db "$work/nothing.sqlite" --batch 2 --by 张三 --out "$work/out-n" > /dev/null 2> "$work/n.err"; rc=$?
[ $rc = 2 ] || fail "approving a batch with nothing to pay: exit $rc, expected 2"
grep -q "batch 2 has nothing to pay" "$work/n.err" || fail "approve message: $(cat "$work/n.err")"
[ -e "$work/out-n/treasury-2.csv" ] && fail "an empty treasury file was written"
[ "$(sqlite3 "$work/nothing.sqlite" "select count(*) from approvals")" = 0 ] || fail "an approval was recorded"
# Batch 1 pays: published on its day, approved after the notice period (reading 19).
PATSUB_NOW=2026-01-05T01:30:00Z "$patsub" notice publish 1 --db "$work/nothing.sqlite" --out "$work/out-n" \
    --objection-channel "信函 letter" > /dev/null || fail "publishing batch 1 exited $?"
PATSUB_NOW=2026-01-20T01:30:00Z "$patsub" approve --db "$work/nothing.sqlite" --batch 1 --by 张三 --out "$work/out-n" \
    > /dev/null || fail "approving batch 1 (payable lines) exited $?"

# The config file (issue 16 point 2): an unknown key stops every command with exit 2
# naming file and line; a flag overrides the file; a missing path names both ways to give it.
printf '# patsub\ndb = cfg.sqlite\ndB = other.sqlite\n' > "$work/bad.conf"
"$patsub" --config "$work/bad.conf" ledger > /dev/null 2> "$work/conf.err"; rc=$?
[ $rc = 2 ] || fail "a config file with an unknown key: exit $rc, expected 2"
grep -q "bad.conf:3: unknown key 'dB'" "$work/conf.err" || fail "config error: $(cat "$work/conf.err")"
PATSUB_CONFIG="$work/bad.conf" "$patsub" ledger > /dev/null 2>&1; rc=$?
[ $rc = 2 ] || fail "PATSUB_CONFIG with an unknown key: exit $rc, expected 2"
printf 'db = cfg.sqlite\n' > "$work/good.conf"
"$patsub" ledger --config "$work/good.conf" > /dev/null 2> "$work/conf2.err"; rc=$?
[ $rc = 2 ] && grep -q "$work/cfg.sqlite: no ledger" "$work/conf2.err" \
    || fail "db from the config, relative to its folder: exit $rc: $(cat "$work/conf2.err")"
"$patsub" ledger --config "$work/good.conf" --db "$work/nothing.sqlite" --format csv > "$work/flag.csv" \
    || fail "--db over the config exited $?"
grep -q "^line_id," "$work/flag.csv" || fail "--db over the config: $(head -2 "$work/flag.csv")"
"$patsub" ledger > /dev/null 2> "$work/nodb.err"; rc=$?
[ $rc = 2 ] && grep -q -- "--db is required: give it, or set \`db = ...\`" "$work/nodb.err" \
    || fail "no --db and no config: exit $rc: $(cat "$work/nodb.err")"
"$patsub" --version > "$work/version.txt" || fail "--version exited $?"
grep -q "^patsub [0-9.]* (commit " "$work/version.txt" && grep -q "^data: .*/share/patsub$" "$work/version.txt" \
    || fail "--version: $(cat "$work/version.txt")"

echo "exit codes: ok"
