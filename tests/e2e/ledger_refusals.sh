#!/usr/bin/env bash
# No silent new ledger (issue 18 point 3, issue 16 point 4): a DB path where no ledger
# is (an unmounted volume) is refused by every command, with exit 2 and a message naming
# `patsub init --db DB`, and nothing is created; `init` creates one and records who and
# where; a file that is not a ledger, or a damaged one, is "not a patsub ledger" (2); a
# ledger moved, replaced or overwritten during a run is detected before commit (70), and
# nothing is paid twice afterwards.
set -uo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
payable() { sqlite3 "$1" "select count(*) from ledger_lines where status='payable'"; }
cp -r "$src/samples/inbox" "$work/inbox"

# --- a missing path: every command refuses it and creates nothing -------------------
missing="$work/unmounted/ledger.sqlite"
expect_refusal() {
    local what=$1; shift
    "$@" > "$work/out.txt" 2> "$work/err.txt"; local rc=$?
    [ $rc = 2 ] || fail "$what on a missing ledger: exit $rc, expected 2: $(cat "$work/err.txt")"
    grep -qF "patsub init --db $missing" "$work/err.txt" || fail "$what: message does not name init: $(cat "$work/err.txt")"
    grep -qF "$missing" "$work/err.txt" || fail "$what: message does not name the path"
    [ ! -e "$work/unmounted" ] || fail "$what created $(find "$work/unmounted")"
}
expect_refusal run "$patsub" run --db "$missing" --inbox "$work/inbox" --out "$work/out-missing"
expect_refusal approve "$patsub" approve --db "$missing" --batch 1 --by 李四 --out "$work/out-missing"
expect_refusal hold "$patsub" hold --db "$missing" --line 1 --by 张三 --why x
expect_refusal release "$patsub" release --db "$missing" --line 1 --by 张三
expect_refusal acknowledge "$patsub" acknowledge --db "$missing" --file grants/x.xml --why x
expect_refusal backup "$patsub" backup --db "$missing" --to "$work/backups-missing"
expect_refusal ledger "$patsub" ledger --db "$missing"
expect_refusal explain "$patsub" explain --db "$missing" CN215634829U
expect_refusal verify "$patsub" verify --db "$missing"
expect_refusal review "$patsub" review --db "$missing" --batch 1 --out "$work/out-missing"
expect_refusal summary "$patsub" summary --db "$missing" --from 2026-01-01 --to 2026-12-31
[ ! -e "$work/backups-missing" ] || fail "backup of a missing ledger created its folder"
[ ! -e "$work/out-missing" ] || fail "a refused command created its output folder"
echo "missing ledger: 11 commands exit 2 naming init, nothing created"

# --- init: creates, records host, OS user and time; refuses an existing path --------
db="$work/ledger/ledger.sqlite"
"$patsub" init --db "$db" > "$work/init.txt" || fail "init exited $?"
[ "$(sqlite3 "$db" "select os_user from ledger_origin")" = "$(id -un)" ] || fail "init did not record the OS user"
[ "$(sqlite3 "$db" "select host from ledger_origin")" = "$(hostname)" ] || fail "init did not record the host"
sqlite3 "$db" "select created_at from ledger_origin" | grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' \
    || fail "init time is not a UTC instant: $(sqlite3 "$db" "select created_at from ledger_origin")"
"$patsub" run --db "$db" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-05 > /dev/null || fail "run after init"
paid=$(payable "$db")
[ "$paid" -gt 0 ] || fail "the first run paid nothing"
before=$(sha256sum < "$db")
"$patsub" init --db "$db" > /dev/null 2> "$work/init2.err"; rc=$?
[ $rc = 2 ] || fail "init on an existing ledger: exit $rc, expected 2"
grep -q "exists already" "$work/init2.err" || fail "init on an existing ledger: $(cat "$work/init2.err")"
[ "$(sha256sum < "$db")" = "$before" ] || fail "init on an existing ledger changed it"
[ "$(payable "$db")" = "$paid" ] || fail "lines changed"
echo "init: records $(sqlite3 "$db" "select os_user || '@' || host from ledger_origin"), refuses an existing path"

# --- not a ledger: text, empty file, a foreign database, damaged ledgers ------------
not_a_ledger() {
    local what=$1 file=$2
    local sum; sum=$(sha256sum < "$file")
    "$patsub" run --db "$file" --inbox "$work/inbox" --out "$work/out-bad" --as-of 2026-01-05 > /dev/null 2> "$work/bad.err"
    local rc=$?
    [ $rc = 2 ] || fail "$what: run exited $rc, expected 2: $(cat "$work/bad.err")"
    grep -q "not a patsub ledger" "$work/bad.err" || fail "$what: $(cat "$work/bad.err")"
    "$patsub" verify --db "$file" > /dev/null 2> "$work/bad.err"; rc=$?
    [ $rc = 2 ] || fail "$what: verify exited $rc, expected 2: $(cat "$work/bad.err")"
    grep -q "not a patsub ledger" "$work/bad.err" || fail "$what (verify): $(cat "$work/bad.err")"
    [ "$(sha256sum < "$file")" = "$sum" ] || fail "$what: the file was changed"
    # Not even SQLite's header: refused before the run lock creates FILE.lock.
    case $what in a\ CSV*|an\ empty*|*damaged\ header) [ ! -e "$file.lock" ] || fail "$what: a lock file was created" ;; esac
}
printf 'payee,amount\n91530102MA6PDC0129,3000\n' > "$work/text.csv"
not_a_ledger "a CSV file" "$work/text.csv"
: > "$work/empty.sqlite"
not_a_ledger "an empty file" "$work/empty.sqlite"
sqlite3 "$work/foreign.sqlite" "create table payments (a, b); insert into payments values (1, 2);"
not_a_ledger "a database without patsub's tables" "$work/foreign.sqlite"
cp "$db" "$work/header.sqlite"
printf 'this is not the SQLite header at all!' | dd of="$work/header.sqlite" bs=1 seek=0 conv=notrunc status=none
not_a_ledger "a ledger with a damaged header" "$work/header.sqlite"
# Pages deep in the file overwritten (a disk error): found when read.
"$patsub" init --db "$work/deep.sqlite" > /dev/null
"$patsub" run --db "$work/deep.sqlite" --inbox "$work/inbox" --out "$work/out-deep" --as-of 2026-01-05 > /dev/null
sqlite3 "$work/deep.sqlite" "pragma wal_checkpoint(truncate)" > /dev/null
pages=$(( $(stat -c %s "$work/deep.sqlite") / 4096 ))
head -c $(( (pages - 2) * 4096 )) /dev/urandom | dd of="$work/deep.sqlite" bs=4096 seek=2 conv=notrunc status=none
not_a_ledger "a ledger with damaged pages" "$work/deep.sqlite"
echo "not a ledger: text, empty, foreign, damaged header, damaged pages: exit 2, untouched"

# --- replaced during a run: detected before commit ------------------------------------
# PATSUB_TEST_PAUSE_BEFORE_COMMIT stops the run after deciding, before it checks its
# file and commits; the file is moved or replaced in that pause.
paused_run() {  # paused_run DB ERRFILE: starts the run, returns when it is paused
    PATSUB_TEST_PAUSE_BEFORE_COMMIT=4 "$patsub" run --db "$1" --inbox "$work/inbox" --out "$work/out-r" \
        --as-of 2026-01-05 > /dev/null 2> "$2" &
    pid=$!
    for _ in $(seq 1 200); do grep -q "pausing" "$2" 2>/dev/null && return 0; sleep 0.05; done
    fail "the run never reached the pause: $(cat "$2")"
}
r="$work/r/ledger.sqlite"
"$patsub" init --db "$r" > /dev/null
# 1. moved away (the volume unmounted, the file renamed)
paused_run "$r" "$work/r1.err"
mv "$r" "$work/r/moved.sqlite"
wait $pid; rc=$?
[ $rc = 70 ] || fail "ledger moved during the run: exit $rc, expected 70: $(cat "$work/r1.err")"
grep -q "disappeared during the run" "$work/r1.err" || fail "moved: $(cat "$work/r1.err")"
mv "$work/r/moved.sqlite" "$r"
[ "$(payable "$r")" = 0 ] || fail "moved: the run committed lines into the moved file"
# 2. replaced by another ledger (a fresh init at the same path)
paused_run "$r" "$work/r2.err"
mv "$r" "$work/r/original.sqlite"
"$patsub" init --db "$r" > /dev/null
wait $pid; rc=$?
[ $rc = 70 ] || fail "ledger replaced during the run: exit $rc, expected 70: $(cat "$work/r2.err")"
grep -q "another file was put at the ledger's path" "$work/r2.err" || fail "replaced: $(cat "$work/r2.err")"
[ "$(payable "$r")" = 0 ] || fail "replaced: the new file got lines"
[ "$(payable "$work/r/original.sqlite")" = 0 ] || fail "replaced: the original got lines"
rm -f "$r" "$r-wal" "$r-shm"; mv "$work/r/original.sqlite" "$r"
# 3. overwritten in place (same inode) with another ledger's content
paused_run "$r" "$work/r3.err"
cat "$db" > "$r"
wait $pid; rc=$?
[ $rc = 70 ] || fail "ledger overwritten during the run: exit $rc, expected 70: $(cat "$work/r3.err")"
grep -q "overwritten during the run" "$work/r3.err" || fail "overwritten: $(cat "$work/r3.err")"
echo "replaced during a run: moved, replaced, overwritten in place: exit 70, nothing committed"

# After the scare, the real ledger runs once and pays each grant once.
r2="$work/r2/ledger.sqlite"
"$patsub" init --db "$r2" > /dev/null
paused_run "$r2" "$work/r4.err"
mv "$r2" "$work/r2/aside.sqlite"; wait $pid; mv "$work/r2/aside.sqlite" "$r2"
"$patsub" run --db "$r2" --inbox "$work/inbox" --out "$work/out-r2" --as-of 2026-01-05 > /dev/null || fail "rerun exited $?"
"$patsub" run --db "$r2" --inbox "$work/inbox" --out "$work/out-r2" --as-of 2026-01-05 > /dev/null || fail "third run exited $?"
[ "$(payable "$r2")" = "$paid" ] || fail "after a detected replacement: $(payable "$r2") payable lines, expected $paid"
"$patsub" verify --db "$r2" > /dev/null || fail "verify after the reruns"
echo "ledger refusals: ok"
